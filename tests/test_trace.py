"""`gcmcheck --trace`: how a verdict was reached, printed for a person to read."""

from __future__ import annotations

from gcmcheck.cli import run


def test_trace_shows_tokens_clauses_facts_pairings_and_rules(capsys) -> None:  # type: ignore[no-untyped-def]
    status = run(["--trace", "Only 55 member states have ratified the Global Compact for Migration."])
    out = capsys.readouterr().out
    assert status == 0
    assert "tokens:" in out and "55/NUM" in out
    assert "clauses:" in out and "ratify (passive)" not in out and "ratify [ratification]" in out
    assert "facts read:" in out and "figure 'Only 55'" in out
    assert "set aside by A101 other-instrument" in out
    assert out.rstrip().endswith("unverifiable: Claims on this topic exist, but none states the values this sentence gives.")


def test_trace_exit_status_follows_the_verdict(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["check", "--trace", "The compact has 25 objectives."]) == 1
    assert "contradicted (compact-23-objectives)" in capsys.readouterr().out


def test_trace_without_a_statement_is_a_usage_error(capsys) -> None:  # type: ignore[no-untyped-def]
    assert run(["--trace"]) == 2
    err = capsys.readouterr().err
    assert "--trace explains one statement" in err and len(err.strip().splitlines()) == 1
