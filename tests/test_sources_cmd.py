"""`gcmcheck sources`: the documents behind the table, and passages around a line."""

from __future__ import annotations

import json

from conftest import ROOT, run_cli

ENV = {"GCMCHECK_NO_CACHE": "1"}
OTHER = ROOT / "tests" / "fixtures" / "other_topic" / "claims.yaml"


def gcm(*args: str):  # type: ignore[no-untyped-def]
    return run_cli(*args, env=ENV)


def test_sources_lists_title_date_size_and_claim_counts():
    proc = gcm("sources")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "000_fdf1305e0582ab99.txt" in out and "2017-12-04" in out
    assert "International cooperation on migration" in out
    assert "kB" in out and "lines" in out
    assert out.strip().splitlines()[-1].startswith("5 sources in ")


def test_sources_json_counts_agree_with_the_table():
    from gcmcheck.table.loader import load_table

    doc = json.loads(gcm("sources", "--format", "json").stdout)
    rows = {r["id"]: r for r in doc["sources"]}
    table = load_table()
    assert set(rows) == set(table.sources)
    for sid, row in rows.items():
        citing = {c.id for c in table.claims if any(x.source == sid for x in c.citations)}
        assert row["claims"] == len(citing) > 0
        assert row["bytes"] == len(table.source_texts[sid].encode("utf-8"))
    assert rows["002_cf2d8124da3db180.txt"]["title"] is None


def test_show_line_prints_the_passage_around_it_and_who_quotes_it():
    proc = gcm("sources", "show", "003_fdf95a23e33e350e.txt", "--line", "7", "--context", "1")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith(">7 | But that does not mean") for line in lines)
    assert any(line.startswith(" 6 | ") for line in lines) and any(line.startswith(" 8 | ") for line in lines)
    assert not any(line.startswith(" 9 | ") for line in lines)
    assert "by claim ga-endorsement-vote" in proc.stdout
    assert "lines 6\u20138 of 23" in proc.stdout


def test_show_accepts_a_prefix_and_json():
    doc = json.loads(gcm("sources", "show", "004", "-l", "34", "-C", "0", "--format", "json").stdout)
    assert doc["source"] == "004_be7e9492ec04faac.txt"
    assert doc["lines"] == [{"number": 34, "text": "For more information please contact Charbel Raji, raji1@un.org"}]
    assert doc["quoted_by"][0]["claim"] == "network-statement-contact"


def test_show_without_line_prints_the_whole_source():
    proc = gcm("sources", "show", "002")
    assert proc.returncode == 0
    assert "13 | According to a recent UN estimate" in proc.stdout
    assert "13 lines" in proc.stdout


def test_show_errors_are_one_line_exit_two():
    for args in (["sources", "show", "003", "--line", "99"], ["sources", "show", "nope"], ["sources", "show", "00"]):
        proc = gcm(*args)
        assert proc.returncode == 2, args
        assert len(proc.stderr.splitlines()) == 1 and proc.stderr.startswith("gcmcheck: error:"), proc.stderr
    assert "lines 1\u201323" in gcm("sources", "show", "003", "--line", "99").stderr
    assert "ambiguous" in gcm("sources", "show", "00").stderr


def test_sources_of_another_table():
    doc = json.loads(gcm("sources", "--claims", str(OTHER), "--format", "json").stdout)
    assert [r["id"] for r in doc["sources"]] == ["riverton-council-minutes.txt", "riverton-gazette.txt"]
    proc = gcm("sources", "show", "riverton-gazette.txt", "--claims", str(OTHER), "--line", "9")
    assert proc.returncode == 0 and "Seven councillors backed the plan" in proc.stdout
    before = gcm("sources", "--claims", str(OTHER), "show", "riverton-gazette.txt", "--line", "9")
    assert before.returncode == 0 and before.stdout == proc.stdout
