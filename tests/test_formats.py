"""The machine-readable output formats, on hand-made reports (no engine needed).

Golden-ish: exact lines where the shape is a contract (line, github), structure and
key values where it is a document (jsonl, sarif, claimreview).
"""

from __future__ import annotations

import datetime
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from gcmcheck.formats import Format, renderer
from gcmcheck.formats import claimreview, escape, github, jsonl, line, sarif
from gcmcheck.models import Citation, Result, Verdict
from gcmcheck.report import Report

NASTY = "Growth was 50%, or so: more\nthan \x1b[2Jexpected."


def contradicted() -> Result:
    return Result(
        text="152 countries voted for the compact in Marrakesh.",
        verdict=Verdict.CONTRADICTED,
        input="./docs/brief.md",
        line=12,
        column=1,
        end_line=12,
        end_column=40,
        claim_id="vote-marrakesh",
        claim="164 States adopted the compact in Marrakesh.",
        score=92.5,
        stated="152",
        expected="164",
        explanation="Stated 152; the sources give 164.",
        citations=[Citation(source="un-press", quote="164 States adopted", line=7)],
        fix_start=100,
        fix_end=103,
        fix_replacement="164",
    )


def supported() -> Result:
    return Result(
        text="The compact was adopted in December 2018.",
        verdict=Verdict.SUPPORTED,
        input="./docs/brief.md",
        line=14,
        column=3,
        end_line=14,
        end_column=44,
        claim_id="adopted-2018",
        claim="The compact was adopted on 10 December 2018.",
        stated="December 2018",
        expected="10 December 2018",
        citations=[Citation(source="un-res", quote="adopted on 10 December 2018", line=3)],
    )


def nasty() -> Result:
    """A conflicting result whose text holds %, a comma, a colon, a newline and ESC[2J,
    spanning two lines."""
    return Result(
        text=NASTY,
        verdict=Verdict.CONFLICTING,
        input="./docs/brief.md",
        line=20,
        column=5,
        end_line=21,
        end_column=18,
        claim_id="growth",
        stated="50%",
        expected="40%",
        citations=[Citation(source="iom", quote="40%", line=2)],
    )


def unverifiable() -> Result:
    return Result(text="The weather was nice.", verdict=Verdict.UNVERIFIABLE, input="<stdin>", line=3, column=1, end_line=3, end_column=22)


def report(*results: Result) -> Report:
    return Report(list(results) or [contradicted(), supported(), nasty(), unverifiable()], version="9.9.9")


def render(fmt: Format, rep: Report) -> str:
    out = io.StringIO()
    renderer(fmt)(rep, out)
    return out.getvalue()


# --- shared helpers ----------------------------------------------------------------


def test_text_format_shares_clean() -> None:
    from gcmcheck.formats import text

    assert text.clean is escape.clean


def test_clean_strips_control_sequences_but_keeps_layout() -> None:
    raw = "a\x1b[2Jb\x1b[31mc\x1b]0;title\x07d\x9be\x00f\tg\nh\ri\x7f"
    assert escape.clean(raw) == "abcd" + "e" + "f\tg\nhi"
    assert escape.one_line("one\r\ntwo \n  three\u2028four") == "one two three four"


def test_workflow_escaping() -> None:
    assert escape.workflow_data("50%\r\nx: a, b") == "50%25%0D%0Ax: a, b"
    assert escape.workflow_property("50%\r\nx: a, b") == "50%25%0D%0Ax%3A a%2C b"
    # "%" is escaped first, so an existing escape is not decoded later
    assert escape.workflow_data("%0A") == "%250A"


def test_display_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert escape.display_path("./docs/brief.md") == "docs/brief.md"
    assert escape.display_path("././a.md") == "a.md"
    assert escape.display_path("docs/a.md") == "docs/a.md"
    assert escape.display_path("<stdin>") == "<stdin>"
    assert escape.display_path("<argv>") == "<argv>"
    monkeypatch.chdir(tmp_path)
    inside = tmp_path / "docs" / "a b.md"
    assert escape.display_path(str(inside)) == "docs/a b.md"
    outside = tmp_path.parent / "elsewhere.md"
    assert escape.display_path(str(outside)) == str(outside)


def test_message_texts() -> None:
    assert escape.message(contradicted()) == (
        "contradicted: 152 countries voted for the compact in Marrakesh."
        " \u2014 stated 152, sources say 164 (vote-marrakesh; un-press:7)"
    )
    assert escape.message(supported()) == "supported: The compact was adopted in December 2018. (adopted-2018)"
    assert escape.message(unverifiable()) == "unverifiable: The weather was nice."
    bare = Result(text="x", verdict=Verdict.CONFLICTING)
    assert escape.message(bare) == "conflicting: x"


def test_every_format_is_registered() -> None:
    for fmt in Format:
        assert callable(renderer(fmt))


def test_formats_import_only_the_standard_library() -> None:
    """Formats are loaded per run; none may pull rich (or anything else) in at import."""
    code = (
        "import sys\n"
        "import gcmcheck.formats.jsonl, gcmcheck.formats.line, gcmcheck.formats.github\n"
        "import gcmcheck.formats.sarif, gcmcheck.formats.claimreview, gcmcheck.formats.escape\n"
        "bad = [m for m in ('rich', 'typer', 'yaml', 'rapidfuzz', 'markdown_it') if m in sys.modules]\n"
        "print(bad)\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


# --- jsonl -------------------------------------------------------------------------


def test_jsonl_one_object_per_result() -> None:
    rep = report()
    lines = render(Format.JSONL, rep).splitlines()
    assert len(lines) == len(rep.results)
    objs = [json.loads(l) for l in lines]
    from gcmcheck.formats.json import result_dict

    assert objs == [result_dict(r) for r in rep.results]
    assert objs[2]["text"] == NASTY  # kept exactly; JSON escapes the newline and ESC
    assert "\x1b" not in "".join(lines)


def test_jsonl_write_result_flushes_each_line() -> None:
    class Recorder(io.StringIO):
        def __init__(self) -> None:
            super().__init__()
            self.flushed: list[str] = []

        def flush(self) -> None:
            self.flushed.append(self.getvalue())

    out = Recorder()
    jsonl.write_result(contradicted(), out)
    jsonl.write_result(supported(), out)
    assert len(out.flushed) == 2
    assert out.flushed[0].count("\n") == 1 and out.flushed[1].count("\n") == 2


# --- line --------------------------------------------------------------------------


def test_line_format() -> None:
    lines = render(Format.LINE, report()).splitlines()
    assert lines == [
        "docs/brief.md:12:1: contradicted: 152 countries voted for the compact in Marrakesh."
        " \u2014 stated 152, sources say 164 (vote-marrakesh; un-press:7)",
        "docs/brief.md:14:3: supported: The compact was adopted in December 2018. (adopted-2018)",
        "docs/brief.md:20:5: conflicting: Growth was 50%, or so: more than expected."
        " \u2014 stated 50%, sources say 40% (growth; iom:2)",
        "<stdin>:3:1: unverifiable: The weather was nice.",
    ]


def test_line_format_strips_controls_from_path() -> None:
    r = supported()
    r.input = "./evil\x1b[2J\nname.md"
    (out,) = render(Format.LINE, report(r)).splitlines()
    assert out.startswith("evil name.md:14:3: supported:")


# --- github ------------------------------------------------------------------------


def test_github_format() -> None:
    lines = render(Format.GITHUB, report()).splitlines()
    assert len(lines) == 4
    assert lines[0] == (
        "::error file=docs/brief.md,line=12,col=1,endLine=12,endColumn=40,title=gcmcheck%3A contradicted::"
        "docs/brief.md:12: contradicted: 152 countries voted for the compact in Marrakesh."
        " \u2014 stated 152, sources say 164 (vote-marrakesh; un-press:7)"
    )
    assert lines[1] == (
        "::notice file=docs/brief.md,line=14,col=3,endLine=14,endColumn=44,title=gcmcheck%3A supported::"
        "docs/brief.md:14: supported: The compact was adopted in December 2018. (adopted-2018)"
    )
    # two-line span: no columns; message escaped as data, ESC[2J gone
    assert lines[2] == (
        "::warning file=docs/brief.md,line=20,endLine=21,title=gcmcheck%3A conflicting::"
        "docs/brief.md:20: conflicting: Growth was 50%25, or so: more%0Athan expected."
        " \u2014 stated 50%25, sources say 40%25 (growth; iom:2)"
    )
    # stdin is not a file in the repository: no file property, no position
    assert lines[3] == "::notice title=gcmcheck%3A unverifiable::<stdin>:3: unverifiable: The weather was nice."
    assert "\x1b" not in "".join(lines) and "[2J" not in "".join(lines)


def test_github_escapes_properties() -> None:
    r = contradicted()
    r.input = "./docs/we,ird:name%.md"
    (out,) = render(Format.GITHUB, report(r)).splitlines()
    assert out.startswith("::error file=docs/we%2Cird%3Aname%25.md,line=12,")
    # the message repeats the path escaped as data only
    assert "::docs/we,ird:name%25.md:12: contradicted:" in out


def test_github_argv_has_no_file() -> None:
    r = supported()
    r.input = "<argv>"
    (out,) = render(Format.GITHUB, report(r)).splitlines()
    assert out.startswith("::notice title=gcmcheck%3A supported::<argv>:14: supported:")
    assert "file=" not in out


# --- sarif -------------------------------------------------------------------------

LEVELS = {"error", "warning", "note", "none"}


def check_sarif_structure(doc: dict[str, Any]) -> None:
    """The required parts of a SARIF 2.1.0 log, checked by hand (no schema download)."""
    assert doc["version"] == "2.1.0"
    assert doc["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert isinstance(doc["runs"], list) and len(doc["runs"]) == 1
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["name"]
    rules = driver["rules"]
    ids = [rule["id"] for rule in rules]
    assert len(set(ids)) == len(ids)
    for rule in rules:
        assert isinstance(rule["shortDescription"]["text"], str)
        assert isinstance(rule["fullDescription"]["text"], str)
        assert rule["defaultConfiguration"]["level"] in LEVELS
        assert "helpUri" not in rule
    assert run.get("columnKind") in ("unicodeCodePoints", "utf16CodeUnits")
    for res in run["results"]:
        assert isinstance(res["message"]["text"], str) and res["message"]["text"]
        assert res["level"] in LEVELS
        assert rules[res["ruleIndex"]]["id"] == res["ruleId"]
        for loc in res["locations"]:
            phys = loc["physicalLocation"]
            uri = phys["artifactLocation"]["uri"]
            assert isinstance(uri, str) and uri and " " not in uri and not uri.startswith("./")
            region = phys["region"]
            for key in ("startLine", "startColumn", "endLine", "endColumn"):
                assert type(region[key]) is int and region[key] >= 1, (key, region)
            assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        for key, value in res.get("partialFingerprints", {}).items():
            assert isinstance(key, str) and isinstance(value, str)
        for fix in res.get("fixes", []):
            assert fix["artifactChanges"]
            for change in fix["artifactChanges"]:
                assert change["artifactLocation"]["uri"]
                for rep in change["replacements"]:
                    region = rep["deletedRegion"]
                    assert type(region["charOffset"]) is int and region["charOffset"] >= 0
                    assert type(region["charLength"]) is int and region["charLength"] >= 0


def sarif_doc(rep: Report) -> dict[str, Any]:
    return json.loads(render(Format.SARIF, rep))


def test_sarif_structure() -> None:
    doc = sarif_doc(report())
    check_sarif_structure(doc)
    run = doc["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "gcmcheck"
    assert driver["version"] == "9.9.9"
    assert driver["informationUri"] == "https://pypi.org/project/gcmcheck/"
    assert [r["id"] for r in driver["rules"]] == ["contradicted", "conflicting", "supported", "unverifiable"]
    assert [r["defaultConfiguration"]["level"] for r in driver["rules"]] == ["error", "warning", "note", "note"]
    assert [r["level"] for r in run["results"]] == ["error", "note", "warning", "note"]


def test_sarif_result_contents() -> None:
    res = sarif_doc(report())["runs"][0]["results"]
    first = res[0]
    assert first["ruleId"] == "contradicted" and first["ruleIndex"] == 0
    assert first["message"]["text"] == escape.message(contradicted())
    loc = first["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/brief.md"
    assert loc["region"] == {"startLine": 12, "startColumn": 1, "endLine": 12, "endColumn": 40}
    assert first["properties"] == {
        "claimId": "vote-marrakesh",
        "stated": "152",
        "expected": "164",
        "citations": [{"source": "un-press", "line": 7, "quote": "164 States adopted"}],
    }
    assert first["fixes"] == [
        {
            "description": {"text": "Replace 152 with 164"},
            "artifactChanges": [
                {
                    "artifactLocation": {"uri": "docs/brief.md"},
                    "replacements": [
                        {"deletedRegion": {"charOffset": 100, "charLength": 3}, "insertedContent": {"text": "164"}}
                    ],
                }
            ],
        }
    ]
    assert "fixes" not in res[1]
    assert res[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "stdin"


def test_sarif_fingerprint_is_stable_and_ignores_position() -> None:
    a, b = contradicted(), contradicted()
    b.line, b.end_line, b.column = 40, 41, 7
    b.text = "152  countries voted for the compact\nin Marrakesh."  # re-wrapped
    fa, fb = sarif.fingerprint(a), sarif.fingerprint(b)
    assert fa == fb and len(fa) == 64 and int(fa, 16) >= 0
    c = contradicted()
    c.verdict = Verdict.SUPPORTED
    d = contradicted()
    d.claim_id = "other"
    assert len({fa, sarif.fingerprint(c), sarif.fingerprint(d)}) == 3
    doc = sarif_doc(report(a))
    assert doc["runs"][0]["results"][0]["partialFingerprints"] == {"gcmcheck/v1": fa}


def test_sarif_uri_is_relative_and_percent_encoded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    r = contradicted()
    r.input = str(tmp_path / "docs" / "my brief#1.md")
    doc = sarif_doc(report(r))
    check_sarif_structure(doc)
    loc = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "docs/my%20brief%231.md"
    assert sarif.artifact_uri("<argv>") == "argv"
    outside = tmp_path.parent / "x y.md"
    assert sarif.artifact_uri(str(outside)) == outside.as_uri()


def test_sarif_empty_report_is_valid() -> None:
    doc = json.loads(render(Format.SARIF, Report([], version="1")))
    check_sarif_structure(doc)
    assert doc["runs"][0]["results"] == []


# --- claimreview -------------------------------------------------------------------


@dataclass(slots=True)
class DatedReport(Report):
    date: datetime.date | None = None


def test_claimreview() -> None:
    rep = DatedReport([contradicted(), supported(), nasty(), unverifiable()], version="9.9.9", date=datetime.date(2024, 5, 1))
    docs = json.loads(render(Format.CLAIMREVIEW, rep))
    assert isinstance(docs, list) and len(docs) == 3  # the unverifiable one is left out
    ratings = [(d["reviewRating"]["ratingValue"], d["reviewRating"]["alternateName"]) for d in docs]
    assert ratings == [(1, "Contradicted"), (5, "Supported"), (3, "Conflicting")]
    first = docs[0]
    assert first["@context"] == "https://schema.org"
    assert first["@type"] == "ClaimReview"
    assert first["claimReviewed"] == "152 countries voted for the compact in Marrakesh."
    assert first["reviewRating"]["@type"] == "Rating"
    assert first["reviewRating"]["bestRating"] == 5 and first["reviewRating"]["worstRating"] == 1
    assert first["itemReviewed"] == {"@type": "Claim", "appearance": {"@type": "CreativeWork", "url": "./docs/brief.md"}}
    assert first["author"] == {"@type": "Organization", "name": "gcmcheck"}
    assert first["datePublished"] == "2024-05-01"
    assert "url" not in first
    body = first["reviewBody"]
    assert "164" in body and "un-press:7" in body and "164 States adopted" in body
    # published text: controls stripped, folded onto one line
    assert docs[2]["claimReviewed"] == "Growth was 50%, or so: more than expected."


def test_claimreview_stdin_has_no_appearance_and_is_html_safe() -> None:
    r = supported()
    r.input = "<stdin>"
    r.text = "It said </script><script>alert(1)</script> & more."
    out = render(Format.CLAIMREVIEW, report(r))
    assert "<" not in out and ">" not in out and "&" not in out
    (doc,) = json.loads(out)
    assert doc["itemReviewed"] == {"@type": "Claim"}
    assert doc["claimReviewed"] == r.text


def test_claimreview_defaults_to_today() -> None:
    docs = claimreview.claim_reviews(report(supported()))
    assert docs[0]["datePublished"] == datetime.date.today().isoformat()
    datetime.date.fromisoformat(docs[0]["datePublished"])


# --- formatters do not filter ------------------------------------------------------


@pytest.mark.parametrize("fmt", [Format.JSONL, Format.LINE, Format.GITHUB])
def test_line_formats_emit_every_result(fmt: Format) -> None:
    rep = report()
    rep.show_unverifiable = False  # the caller filters; formatters must not
    assert len(render(fmt, rep).splitlines()) == len(rep.results)


def test_sarif_emits_every_result() -> None:
    rep = report()
    rep.show_unverifiable = False
    assert len(sarif_doc(rep)["runs"][0]["results"]) == len(rep.results)


def test_no_output_for_no_results() -> None:
    empty = Report([])
    for fmt in (Format.JSONL, Format.LINE, Format.GITHUB):
        assert render(fmt, empty) == ""
    assert json.loads(render(Format.CLAIMREVIEW, empty)) == []
    assert line.format_result(contradicted()) == render(Format.LINE, report(contradicted())).rstrip("\n")
    assert github.format_result(contradicted()) == render(Format.GITHUB, report(contradicted())).rstrip("\n")
