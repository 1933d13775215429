"""Any topic: a small table about a (made-up) city council vote on a bike-lane plan,
checked end to end through the command. Nothing in it is about migration; its names
live in its own lexicon, and general language (numbers, dates, votes, negation,
legal force) comes from the code."""

from __future__ import annotations

import json

import pytest
import yaml

from conftest import ROOT, run_cli

HERE = ROOT / "tests" / "fixtures" / "other_topic"
TABLE = HERE / "claims.yaml"
ENV = {"GCMCHECK_NO_CACHE": "1"}


def check(statement: str) -> list[dict]:
    proc = run_cli("--claims", str(TABLE), "--format", "json", statement, env=ENV)
    assert proc.returncode in (0, 1), proc.stderr
    results = json.loads(proc.stdout)["results"]
    assert proc.returncode == (1 if any(r["verdict"] == "contradicted" for r in results) else 0)
    return results


CASES = [
    # statement, verdict, claim, what the sources give
    ("9 councillors voted for the bike-lane plan.", "contradicted", "council-vote-count", "7"),
    ("The council vote on the bike lane plan took place on 14 March 2023.", "supported", "council-vote-count", "14 March 2023"),
    ("The council vote on the bike-lane plan took place on 21 March 2023.", "contradicted", "council-vote-count", "14 March 2023"),
    ("62 percent of residents supported the plan in the public consultation.", "supported", "consultation-support", "62%"),
    ("About 60 percent of residents supported the plan in the consultation.", "supported", "consultation-support", "62%"),
    ("75 percent of residents supported the plan in the public consultation.", "contradicted", "consultation-support", "62%"),
    ("More than 1,800 residents responded to the public consultation.", "supported", "consultation-support", "1,840"),
    ("Councillor Tom Becker voted against the bike-lane plan.", "supported", "councillors-against", "against"),
    ("Tom Becker voted for the plan.", "contradicted", "councillors-against", "against"),
    ("Councillor Maria Okafor voted against the bike-lane plan.", "contradicted", "okafor-voted-for", "in favour"),
    ("The public consultation was binding.", "contradicted", "consultation-non-binding", "non-binding"),
    ("The public consultation was non-binding.", "supported", "consultation-non-binding", "non-binding"),
    ("The plan will cost $3.5 million.", "conflicting", "plan-cost", None),
    ("The plan will cost $5 million.", "contradicted", "plan-cost", "$3.2 million"),
    ("The plan adds 4.2 kilometres of bike lanes.", "supported", "plan-length", "4.2 km"),
    ("The plan adds 6 kilometres of bike lanes.", "contradicted", "plan-length", "4.2 km"),
    ("Construction of the bike lanes begins in June 2023.", "supported", "construction-start", "June 2023"),
    ("Construction of the bike lanes begins in September 2023.", "contradicted", "construction-start", "June 2023"),
    ("The bike lanes will be painted green.", "unverifiable", None, None),
    ("The mayor of Riverton likes jazz.", "unverifiable", None, None),
]


@pytest.mark.parametrize(("statement", "verdict", "claim_id", "expected"), CASES, ids=[c[0] for c in CASES])
def test_verdicts_on_another_topic(statement: str, verdict: str, claim_id: str | None, expected: str | None):
    first = check(statement)[0]
    assert first["verdict"] == verdict, first
    assert first["claim_id"] == claim_id
    if expected is not None:
        assert first["expected"] == expected
    if verdict != "unverifiable":
        for c in first["citations"]:
            text = (HERE / "sources" / c["source"]).read_text(encoding="utf-8")
            assert c["quote"] in text.splitlines()[c["line"] - 1]


def test_conflicting_names_both_sources():
    result = check("The plan will cost $3.5 million.")[0]
    assert {c["source"] for c in result["citations"]} == {"riverton-council-minutes.txt", "riverton-gazette.txt"}
    assert "$3.2 million" in result["explanation"] and "$3.5 million" in result["explanation"]


# A named list whose owner is the table's subject ("the plan covers ...") is only
# ever tested by its plain-phrase members: Checker._list_topic needs the statement to
# name something of the claim besides its members, and the subject is no entity.


def test_named_list_members_are_supported():
    result = check("The plan covers Harbour Street, Mill Road and Station Avenue.")[0]
    assert result["verdict"] == "supported" and result["claim_id"] == "plan-streets"


def test_name_outside_a_closed_list_is_contradicted():
    result = check("The plan covers Harbour Street and Bridge Street.")[0]
    assert result["verdict"] == "contradicted" and result["claim_id"] == "plan-streets"


def test_other_topic_table_validates_and_its_tools_work():
    def gcm(*args: str):  # type: ignore[no-untyped-def]
        return run_cli(*args, env=ENV)

    assert gcm("claims", "validate", str(TABLE)).returncode == 0
    listed = json.loads(gcm("claims", "list", "--claims", str(TABLE), "--format", "json").stdout)
    assert len(listed["claims"]) == 10
    shown = json.loads(gcm("claims", "show", "council-vote-count", "--claims", str(TABLE), "--format", "json").stdout)["claim"]
    numbers = {(n["value"], n["role"]) for n in shown["reading"]["numbers"]}
    assert numbers == {("7", "for"), ("2", "against")}
    assert shown["event_label"] == "the city council vote (14 March 2023)"
    conflicts = json.loads(gcm("claims", "conflicts", "--claims", str(TABLE), "--format", "json").stdout)["conflicts"]
    assert [(k["claim_id"], sorted(r["value"] for r in k["readings"])) for k in conflicts] == [("plan-cost", ["$3.2 million", "$3.5 million"])]


def test_extract_a_new_source_on_another_topic():
    proc = run_cli("claims", "extract", str(HERE / "sources" / "riverton-gazette.txt"), "--claims", str(TABLE), env=ENV)
    assert proc.returncode == 0, proc.stderr
    doc = yaml.safe_load(proc.stdout)
    quotes = [c["citations"][0]["quote"] for c in doc["claims"]]
    assert quotes[0].startswith("Seven councillors backed the plan")  # a vote count ranks first
    for furniture in ("Home | News", "Credit: Jon Mills", "news@rivertongazette", "Read more", "All rights reserved"):
        assert not any(furniture in q for q in quotes), furniture
    assert any("$3.5 million" in q for q in quotes)
    assert "already quoted by: council-vote-count" in proc.stdout


def test_no_compact_word_in_the_other_table():
    """The table's data (everything after its header comment) never mentions the compact."""
    data = TABLE.read_text(encoding="utf-8").lower().split("version: 1", 1)[1]
    for word in ("compact", "migra", "marrakech", "general assembly", "united nations"):
        assert word not in data, word
