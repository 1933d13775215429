"""The command as a user runs it: verdicts, exit statuses, formats, errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, run_cli


def test_supported_statement_exits_zero_and_cites():
    proc = run_cli("152 countries voted yes")
    assert proc.returncode == 0
    assert proc.stdout.startswith("SUPPORTED 152 countries voted yes")
    assert "003_fdf95a23e33e350e.txt:7" in proc.stdout
    assert "\x1b[" not in proc.stdout  # NO_COLOR and a pipe: no escape codes


def test_unquoted_words_are_joined():
    proc = run_cli("--format", "json", "152", "countries", "voted", "yes")
    assert json.loads(proc.stdout)["results"][0]["text"] == "152 countries voted yes"


def test_contradiction_exits_one_with_sourced_value():
    proc = run_cli("--format", "json", "The compact got 158 votes in favour at the General Assembly.")
    assert proc.returncode == 1
    result = json.loads(proc.stdout)["results"][0]
    assert result["verdict"] == "contradicted"
    assert result["stated"] == "158" and result["expected"] == "152"


def test_json_contract_shape():
    doc = json.loads(run_cli("--format", "json", "152 countries voted yes").stdout)
    assert set(doc) == {"gcmcheck", "results", "summary"}
    result = doc["results"][0]
    for key in ("text", "input", "line", "column", "verdict", "claim_id", "claim", "score",
                "stated", "expected", "explanation", "unchecked", "citations"):
        assert key in result
    assert result["input"] == "<argv>" and result["line"] == 1 and result["column"] == 1
    for c in result["citations"]:
        source = (ROOT / "seeds" / c["source"]).read_text(encoding="utf-8")
        assert c["quote"] in source.splitlines()[c["line"] - 1]
    assert doc["summary"] == {"contradicted": 0, "conflicting": 0, "supported": 1, "unverifiable": 0}


def test_unverifiable_has_no_claim_and_no_citations():
    result = json.loads(run_cli("--format", "json", "The sky is blue.").stdout)["results"][0]
    assert result["verdict"] == "unverifiable"
    assert result["claim_id"] is None and result["citations"] == []


def test_stdin_sentences_are_each_checked_with_positions():
    text = "The UN has 193 members. The compact has twenty objectives.\nThe sky is blue.\n"
    proc = run_cli("--format", "json", stdin=text)
    assert proc.returncode == 1
    results = json.loads(proc.stdout)["results"]
    by_text = {r["text"]: r for r in results}
    assert by_text["The UN has 193 members."]["verdict"] == "supported"
    objectives = by_text["The compact has twenty objectives."]
    assert objectives["verdict"] == "contradicted" and objectives["column"] == 25
    assert by_text["The sky is blue."]["line"] == 2
    assert all(r["input"] == "<stdin>" for r in results)


def test_help_has_examples_and_version_prints():
    help_text = run_cli("--help").stdout
    assert 'gcmcheck "152 countries voted yes"' in help_text and "Examples" in help_text
    version = run_cli("--version")
    assert version.returncode == 0 and version.stdout.startswith("gcmcheck ")


def test_usage_errors_are_one_line_exit_two():
    for args in (["--no-such-option", "x"], [""], ["--format", "yaml", "x"]):
        proc = run_cli(*args)
        assert proc.returncode == 2, args
        lines = proc.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("gcmcheck: error:"), proc.stderr
        assert "Traceback" not in proc.stderr


def test_usage_errors_speak_to_people_not_programmers():
    for args, wanted in ((["lint", "README.md", "--show", "all"], "'all' is not one of"), (["lint", "README.md", "--jobs", "x"], "a whole number")):
        proc = run_cli(*args)
        assert proc.returncode == 2 and wanted in proc.stderr, proc.stderr
        assert "Value error" not in proc.stderr and "Input should be" not in proc.stderr


def test_missing_table_is_an_error(tmp_path: Path):
    proc = run_cli("--claims", str(tmp_path / "none.yaml"), "152 countries voted yes")
    assert proc.returncode == 2
    assert "claims table not found" in proc.stderr and "Traceback" not in proc.stderr


def test_table_with_a_wrong_quote_is_refused(tmp_path: Path):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    (tmp_path / "data").mkdir()
    text = (ROOT / "data" / "claims.yaml").read_text(encoding="utf-8")
    broken = text.replace("with an overwhelming majority of 152 Member States", "with an overwhelming majority of 153 Member States", 1)
    assert broken != text
    (tmp_path / "data" / "claims.yaml").write_text(broken, encoding="utf-8")
    proc = run_cli("--claims", str(tmp_path / "data" / "claims.yaml"), "152 countries voted yes")
    assert proc.returncode == 2
    assert "quote not found verbatim" in proc.stderr and "003_fdf95a23e33e350e.txt" in proc.stderr


def test_debug_shows_traceback_for_errors(tmp_path: Path):
    proc = run_cli("--debug", "--claims", str(tmp_path / "none.yaml"), "x")
    assert proc.returncode == 2 and "Traceback" in proc.stderr


def test_check_uses_the_claims_setting_of_the_folder(tmp_path: Path):
    shutil.copytree(ROOT / "tests" / "fixtures" / "other_topic", tmp_path / "project")
    (tmp_path / "project" / ".gcmcheck.toml").write_text('claims = "claims.yaml"\n', encoding="utf-8")
    (tmp_path / "project" / "docs").mkdir()
    proc = run_cli("--format", "json", "9 councillors voted for the bike-lane plan.", cwd=tmp_path / "project" / "docs")
    result = json.loads(proc.stdout)["results"][0]
    assert result["verdict"] == "contradicted" and result["expected"] == "7"
