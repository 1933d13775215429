"""`gcmcheck claims ...`: list, show, validate (on deliberately broken tables),
conflicts and extract, as an editor runs them; plus the pieces they are built on."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from conftest import ROOT, run_cli

TABLES = ROOT / "tests" / "fixtures" / "tables"
BROKEN = TABLES / "broken.yaml"
SEEDS = ROOT / "seeds"
ENV = {"GCMCHECK_NO_CACHE": "1"}  # never read a compiled table another checkout left behind


def gcm(*args: str, cwd: Path | None = None):  # type: ignore[no-untyped-def]
    return run_cli(*args, env=ENV, cwd=cwd)


def gcm_json(*args: str) -> dict:
    proc = gcm(*args, "--format", "json")
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


# --- list -----------------------------------------------------------------------------


def test_list_shows_id_statement_and_sources():
    proc = gcm("claims", "list")
    assert proc.returncode == 0, proc.stderr
    assert "ga-endorsement-vote" in proc.stdout
    assert "003_fdf95a23e33e350e.txt" in proc.stdout
    assert "\x1b[" not in proc.stdout
    assert re.search(r"^\d+ claims$", proc.stdout.strip().splitlines()[-1])


def test_list_filters_by_source_prefix_and_words():
    doc = gcm_json("claims", "list", "--source", "002", "--search", "migrants population")
    ids = [c["id"] for c in doc["claims"]]
    assert "migrant-share-of-population" in ids and "international-migrant-stock" in ids
    for claim in doc["claims"]:
        assert "002_cf2d8124da3db180.txt" in claim["sources"]
        assert all(c["line"] >= 1 for c in claim["citations"])


def test_list_search_is_case_and_typography_blind():
    ids = {c["id"] for c in gcm_json("claims", "list", "--search", "MIGRANTS' DAY")["claims"]}
    assert "international-migrants-day" in ids


def test_list_unknown_source_is_a_one_line_error():
    proc = gcm("claims", "list", "--source", "999")
    assert proc.returncode == 2
    assert proc.stderr.startswith("gcmcheck: error: no source `999`") and len(proc.stderr.splitlines()) == 1


def test_list_of_a_broken_table_points_at_validate():
    proc = gcm("claims", "list", "--claims", str(BROKEN))
    assert proc.returncode == 2
    assert "gcmcheck claims validate" in proc.stderr and "Traceback" not in proc.stderr


# --- show -----------------------------------------------------------------------------


def test_show_gives_the_analysers_reading_and_citations():
    proc = gcm("claims", "show", "ga-endorsement-vote")
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert "152 (in favour" in out and "12 (abstained" in out
    assert "19 December 2018" in out and "general-assembly-vote" in out
    assert "polarity:" in out and "keywords:" in out
    assert "003_fdf95a23e33e350e.txt:7:" in out
    assert "says:" in out


def test_show_names_each_source_value_that_differs():
    doc = gcm_json("claims", "show", "international-migrant-stock")["claim"]
    by_source = {c["source"]: c for c in doc["citations"]}
    differs = by_source["002_cf2d8124da3db180.txt"]["differs"]
    assert differs == [{"kind": "quantity", "statement": "272 million", "source": "more than 250 million"}]
    assert by_source["003_fdf95a23e33e350e.txt"]["differs"] == []
    assert doc["reading"]["numbers"][0]["number"] == 272_000_000
    assert doc["conflicts"] and doc["conflicts"][0]["kind"] == "quantity"


def test_show_reads_sides_and_legal_force():
    holdouts = gcm_json("claims", "show", "marrakech-holdouts")["claim"]
    sides = {(s["id"], s["role"]) for s in holdouts["reading"]["sides"]}
    assert ("hungary", "against") in sides
    assert holdouts["members"] and holdouts["closed"] is False
    binding = gcm_json("claims", "show", "compact-non-binding")["claim"]
    assert binding["reading"]["legal_force"] == "non-binding"


def test_show_unknown_id_suggests_close_ones():
    proc = gcm("claims", "show", "ga-endorsment")
    assert proc.returncode == 2
    assert "did you mean `ga-endorsement-vote`" in proc.stderr


# --- validate -------------------------------------------------------------------------


def test_shipped_table_validates_clean():
    proc = gcm("claims", "validate")
    assert proc.returncode == 0, proc.stdout
    assert "OK" in proc.stdout and "every quote verbatim" in proc.stdout
    doc = gcm_json("claims", "validate")
    assert doc["ok"] is True and doc["problems"] == [] and doc["claims"] > 50


def test_shipped_table_matches_the_json_schema():
    from gcmcheck.curation.minischema import claims_schema, validate
    from gcmcheck.table.loader import default_table_path

    data = yaml.safe_load(default_table_path().read_text(encoding="utf-8"))
    assert validate(data, claims_schema()) == []


def test_schema_file_is_valid_json_shipped_in_the_package():
    from gcmcheck.curation.minischema import schema_path

    path = schema_path()
    assert path.parent.name == "schema" and path.parent.parent.name == "gcmcheck"
    schema = json.loads(path.read_text(encoding="utf-8"))
    assert schema["required"] == ["sources", "claims"]


def test_good_fixture_is_clean_and_path_or_claims_option_both_work():
    assert gcm("claims", "validate", str(TABLES / "good.yaml")).returncode == 0
    assert gcm("claims", "validate", "--claims", str(TABLES / "good.yaml")).returncode == 0
    both = gcm("claims", "validate", str(TABLES / "good.yaml"), "--claims", str(BROKEN))
    assert both.returncode == 2


def _marked_lines(path: Path) -> dict[str, int]:
    """`# PROBLEM name` markers of a fixture -> their line numbers."""
    marks = {}
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = re.search(r"# PROBLEM (\S+)", line)
        if m:
            marks[m.group(1)] = n
    return marks


EXPECTED = {
    "type-date": ("schema", "put it in quotes"),
    "duplicate-source": ("duplicate-id", "duplicate source id `alpha.txt` (first at line"),
    "unknown-event": ("unknown-event", "did you mean `branch-opening`?"),
    "unsaid-conflict": ("conflict-without-says", "source `beta.txt` gives about £1.5 million where the statement says £1.2 million"),
    "misquote-number": ("quote-not-verbatim", "quote not found verbatim in source `alpha.txt`"),
    "misquote-apostrophe": ("quote-not-verbatim", "quote not found verbatim in source `alpha.txt`"),
    "unknown-key": ("unknown-key", "unknown key `statment` (did you mean `statement`?)"),
    "missing-statement": ("missing-field", "missing required key `statement`"),
    "unknown-source": ("unknown-source", "cites unknown source `alpah.txt` (did you mean `alpha.txt`?)"),
    "duplicate-claim": ("duplicate-id", "duplicate claim id `council-vote` (first at line"),
    "nothing-to-check": ("nothing-to-check", "reads no number, date, side"),
    "closed-without-members": ("closed-without-members", "`closed: true` needs a `members` list"),
    "duplicate-key": ("duplicate-key", "duplicate key `quote`"),
}


def test_broken_table_every_problem_at_once_with_file_and_line():
    marks = _marked_lines(BROKEN)
    assert set(marks) == set(EXPECTED)
    proc = gcm("claims", "validate", str(BROKEN))
    assert proc.returncode == 1
    text = proc.stdout
    doc = gcm_json("claims", "validate", str(BROKEN))
    assert doc["ok"] is False
    problems = doc["problems"]
    for name, (code, words) in EXPECTED.items():
        line = marks[name]
        hits = [p for p in problems if p["line"] == line and p["code"] == code and words in p["message"]]
        assert hits, f"{name}: nothing at line {line} with {code}: {words!r}\n{text}"
        assert f"broken.yaml:{line}: " in text
    assert len(problems) == len(EXPECTED), text  # nothing reported twice
    assert text.strip().splitlines()[-1] == f"{len(EXPECTED)} problems in {BROKEN}"


def test_misquotes_show_the_closest_passage_and_the_difference():
    doc = gcm_json("claims", "validate", str(BROKEN))
    quotes = {p["claim"]: p for p in doc["problems"] if p["code"] == "quote-not-verbatim"}
    number = quotes["council-vote"]["details"]
    assert number[0].startswith("closest passage, alpha.txt:4:1 (")
    assert "\u201cThe town council approved the branch by 9 votes to 2\u201d" in number[0]
    assert "- the quote has '3' where the source has '2'" in number
    apostrophe = quotes["board-welcomed"]["details"]
    assert "curly apostrophe \u2019" in apostrophe[1] and "straight apostrophe '" in apostrophe[1]


def test_yaml_syntax_error_has_line_and_column():
    proc = gcm("claims", "validate", str(TABLES / "syntax.yaml"))
    assert proc.returncode == 1
    assert re.search(r"syntax\.yaml:8:\d+: YAML syntax error", proc.stdout)


def test_missing_sources_folder_is_one_problem_at_its_key():
    doc = gcm_json("claims", "validate", str(TABLES / "missing_dir.yaml"))
    assert [(p["line"], p["code"]) for p in doc["problems"]] == [(2, "sources-dir")]
    assert "no-such-folder" in doc["problems"][0]["message"]


def test_missing_table_and_missing_source_file(tmp_path: Path):
    gone = gcm("claims", "validate", str(tmp_path / "nope.yaml"))
    assert gone.returncode == 1 and "claims table not found" in gone.stdout
    table = tmp_path / "t.yaml"
    shutil.copytree(TABLES / "sources", tmp_path / "sources")
    text = (TABLES / "good.yaml").read_text(encoding="utf-8").replace("- id: beta.txt", "- id: betta.txt")
    table.write_text(text.replace("source: beta.txt", "source: betta.txt"), encoding="utf-8")
    doc = gcm_json("claims", "validate", str(table))
    files = [p for p in doc["problems"] if p["code"] == "source-file"]
    assert files and "did you mean `beta.txt`?" in files[0]["message"]


def test_validate_never_passes_a_table_the_loader_refuses():
    """Every fixture: validate is clean exactly when the loader loads it."""
    from gcmcheck.curation.validate import validate_table
    from gcmcheck.table.loader import check_table

    for path in [*TABLES.glob("*.yaml"), ROOT / "tests" / "fixtures" / "other_topic" / "claims.yaml"]:
        table, problems = check_table(path)
        assert validate_table(path).ok == (table is not None and not problems), path


def test_not_a_mapping_and_wrong_types(tmp_path: Path):
    lst = tmp_path / "list.yaml"
    lst.write_text("- just\n- a list\n", encoding="utf-8")
    doc = gcm_json("claims", "validate", str(lst))
    assert doc["problems"][0]["message"] == "the table must be a mapping with `sources` and `claims` lists"
    typed = tmp_path / "typed.yaml"
    typed.write_text(
        "version: 2\nsources: []\nclaims:\n  - id: x\n    statement: 'Y has 3 members.'\n    closed: yes please\n"
        "    keywords: [ok, 152]\n    citations: nope\n",
        encoding="utf-8",
    )
    messages = [p["message"] for p in gcm_json("claims", "validate", str(typed))["problems"]]
    joined = "\n".join(messages)
    assert "`version` 2 is not allowed (allowed: 1)" in joined
    assert "`sources` must not be an empty list" in joined
    assert "claim `x`: `closed` expected true or false, got text" in joined
    assert "claim `x`: `keywords` item 2 expected text, got a whole number (put it in quotes)" in joined
    assert "claim `x`: `citations` expected a list, got text" in joined


# --- the small JSON Schema validator ----------------------------------------------------


def test_minischema_keywords():
    from gcmcheck.curation.minischema import validate

    schema = {
        "type": "object",
        "required": ["a"],
        "additionalProperties": False,
        "properties": {
            "a": {"type": "string", "pattern": "^x", "minLength": 1},
            "b": {"type": "array", "items": {"enum": [1, 2]}, "minItems": 1},
            "c": {"type": ["integer", "null"]},
            "d": {"type": "object", "additionalProperties": {"type": "boolean"}, "propertyNames": {"pattern": "^[a-z]+$"}},
        },
    }
    assert validate({"a": "xy", "b": [1, 2], "c": None, "d": {"ok": True}}, schema) == []
    errors = {(e.path, e.keyword) for e in validate({"b": [3], "c": 1.5, "z": 0, "d": {"Bad": 1}}, schema)}
    assert errors == {
        ((), "required"),
        (("b", 0), "enum"),
        (("c",), "type"),
        (("z",), "additionalProperties"),
        (("d", "Bad"), "propertyNames"),
        (("d", "Bad"), "type"),
    }
    assert [e.keyword for e in validate({"a": "y"}, schema)] == ["pattern"]
    assert [e.keyword for e in validate({"a": "", "b": []}, schema)] == ["minLength", "pattern", "minItems"]
    assert validate(True, {"type": "integer"})[0].message.startswith("expected a whole number")


# --- the closest passage ------------------------------------------------------------------


def test_closest_passage_explains_typography_case_spacing_and_words():
    from gcmcheck.curation.quotes import closest_passage

    text = (SEEDS / "003_fdf95a23e33e350e.txt").read_text(encoding="utf-8")
    curly = closest_passage("the United Nations celebrates International Migrants' Day", text)
    assert curly and curly.line == 5 and "curly apostrophe" in curly.differences[0]
    case = closest_passage("The general assembly formally endorsed", text)
    assert case and case.text == "The General Assembly formally endorsed" and case.differences[0].startswith("case:")
    spaced = closest_passage("comprise 3.5  per cent", text)
    assert spaced and "spacing" in spaced.differences[0]
    word = closest_passage("the number of international migrants reached an estimated 272 million in 2019", text)
    assert word and word.line == 3
    assert word.text == "the number of international migrants globally reached an estimated 272 million in 2019"
    assert word.differences == ["the source has 'globally' after 'migrants'"]
    assert closest_passage("bicycles trains and trams of Amsterdam", text) is None


# --- conflicts ----------------------------------------------------------------------------


def test_conflicts_lists_the_shipped_disagreements_side_by_side():
    proc = gcm("claims", "conflicts")
    assert proc.returncode == 0, proc.stderr
    assert "international-migrant-stock" in proc.stdout and "migrant-share-of-population" in proc.stdout
    assert "more than 250 million" in proc.stdout and "about 3.4%" in proc.stdout
    assert "002_cf2d8124da3db180.txt:13" in proc.stdout
    doc = gcm_json("claims", "conflicts")
    by_claim = {k["claim_id"]: k for k in doc["conflicts"]}
    share = by_claim["migrant-share-of-population"]
    values = {r["value"]: r for r in share["readings"]}
    assert set(values) == {"3.5%", "about 3.4%"}
    assert values["3.5%"]["citations"][0]["quote"] == "migrants comprise 3.5 per cent of the global population today"
    assert values["3.5%"]["citations"][0]["source"] == "003_fdf95a23e33e350e.txt"


def test_conflicts_agreeing_versions_are_not_conflicts():
    ids = {k["claim_id"] for k in gcm_json("claims", "conflicts")["conflicts"]}
    assert "ga-endorsement-vote" not in ids  # "19 December" and "19 December 2018" agree
    assert "marrakech-adoption-164" not in ids


# --- extract ------------------------------------------------------------------------------


def _stubs(*args: str) -> tuple[str, dict]:
    proc = gcm("claims", "extract", *args)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout, yaml.safe_load(proc.stdout)


def test_extract_skips_navigation_and_contact_lines():
    text, doc = _stubs(str(SEEDS / "004_be7e9492ec04faac.txt"))
    quotes = [c["citations"][0]["quote"] for c in doc["claims"]]
    assert not any(q.strip() in ("Take Action", "Who we are", "Highlights", "-") for q in quotes)
    assert not any("raji1@un.org" in q or "For more information" in q for q in quotes)
    assert "Skipped as boilerplate:" in text and "navigation" in text and "contact" in text
    first = quotes[0]
    assert "175 member states" in first  # two numbers and a date: the most check-worthy


def test_extract_skips_photo_credits_and_read_more_links():
    _, doc = _stubs(str(SEEDS / "000_fdf1305e0582ab99.txt"))
    quotes = [c["citations"][0]["quote"] for c in doc["claims"]]
    assert not any("Getty Images" in q or "Read more" in q for q in quotes)
    assert any("164 approved" in q for q in quotes)


def test_extract_one_source_with_all_three_kinds_of_boilerplate():
    from gcmcheck.curation.extract import CONTACT, LINKS, PHOTO_CREDIT, extract
    from gcmcheck.table.loader import load_table

    table = load_table()
    result = extract((SEEDS / "003_fdf95a23e33e350e.txt").read_text(encoding="utf-8"), table.lexicon)
    assert result.skipped[PHOTO_CREDIT] == 1 and result.skipped[CONTACT] == 1 and result.skipped[LINKS] == 1
    scores = [s.score for s in result.stubs]
    assert scores == sorted(scores, reverse=True)
    assert all(s.reasons for s in result.stubs)  # each says why it is check-worthy


def test_extract_quotes_are_verbatim_and_the_output_validates_once_ids_are_filled(tmp_path: Path):
    source = tmp_path / "article.txt"
    shutil.copy(SEEDS / "001_54b83e042a85a57b.txt", source)
    proc = gcm("claims", "extract", "article.txt", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    stubs = tmp_path / "stubs.yaml"
    stubs.write_text(proc.stdout, encoding="utf-8")
    doc = yaml.safe_load(proc.stdout)
    text = source.read_text(encoding="utf-8")
    assert doc["claims"]
    for claim in doc["claims"]:
        assert claim["citations"][0]["quote"] in text
    blank = gcm_json("claims", "validate", str(stubs))
    assert not blank["ok"]
    assert {p["code"] for p in blank["problems"]} == {"missing-field"}
    assert all("fill in its `id`" in p["message"] for p in blank["problems"])
    filled = re.sub(r"- id:   # fill in", lambda m, c=iter(range(1000)): f"- id: stub-{next(c)}", proc.stdout)
    stubs.write_text(filled, encoding="utf-8")
    proc = gcm("claims", "validate", str(stubs))
    assert proc.returncode == 0, proc.stdout


def test_extract_prefix_numbers_ids_and_marks_quoted_sentences(tmp_path: Path):
    text, doc = _stubs(str(SEEDS / "003_fdf95a23e33e350e.txt"), "--prefix", "desa", "--limit", "3")
    assert [c["id"] for c in doc["claims"]] == ["desa-1", "desa-2", "desa-3"]
    assert "already quoted by:" in text  # the shipped table cites seed 003


def test_extract_missing_or_binary_source_is_an_error(tmp_path: Path):
    assert gcm("claims", "extract", str(tmp_path / "none.txt")).returncode == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 152 votes\n")
    proc = gcm("claims", "extract", str(bad))
    assert proc.returncode == 2 and "UTF-8" in proc.stderr


@given(st.text())
def test_yaml_string_round_trips(text: str):
    from gcmcheck.curation.extract import yaml_string

    assert yaml.safe_load(f"k: {yaml_string(text)}\n")["k"] == text


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Take Action", "navigation"),
        ("- Where we work", "navigation"),
        ("Home | News | Sport | Contact", "navigation"),
        ("Photo: International Organization for Migration (IOM)", "photo credit"),
        ("For more information please contact Charbel Raji, raji1@un.org", "contact"),
        ("Read more: U.S. Navy refused to help sinking migrant boat", "link or footer"),
        ("The General Assembly endorsed the compact on 19 December 2018.", ""),
        ("U.S. Leads Opposition to United Nations Safe Migration Accord Despite Mass Support", ""),
    ],
)
def test_boilerplate_lines(line: str, kind: str):
    from gcmcheck.curation.extract import boilerplate_line

    assert boilerplate_line(line) == kind


def test_claims_help_lists_every_subcommand():
    for args in (["claims", "--help"], ["claims"]):
        proc = gcm(*args)
        assert proc.returncode == 0 and proc.stderr == "", args
        for name in ("list", "show", "validate", "conflicts", "extract"):
            assert re.search(rf"^\s+{name}\s", proc.stdout, re.MULTILINE), name


def test_claims_commands_import_nothing_heavy_at_start():
    import subprocess
    import sys

    code = "import sys, gcmcheck.cli\nprint([m for m in ('rich', 'yaml', 'rapidfuzz', 'gcmcheck.curation') if m in sys.modules])\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.stdout.strip() == "[]", proc.stderr


def test_claims_commands_use_the_folders_claims_setting(tmp_path):
    shutil.copytree(ROOT / "tests" / "fixtures" / "other_topic", tmp_path / "project")
    (tmp_path / "project" / "pyproject.toml").write_text('[tool.gcmcheck]\nclaims = "claims.yaml"\n', encoding="utf-8")
    listed = run_cli("claims", "list", "--format", "json", cwd=tmp_path / "project")
    assert listed.returncode == 0, listed.stderr
    assert "council-vote-count" in listed.stdout and "ga-endorsement-vote" not in listed.stdout
    validated = run_cli("claims", "validate", cwd=tmp_path / "project")
    assert validated.returncode == 0 and "claims.yaml" in validated.stdout
