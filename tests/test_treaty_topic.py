"""A second topic: a (made-up) regional water treaty with a separate fisheries
protocol that the table lists as another instrument. The same code reads it: the
instrument rule keeps the protocol's 5 ratifications from supporting a statement
about the treaty, and predictions are left unjudged."""

from __future__ import annotations

import json

import pytest

from conftest import ROOT, run_cli

TABLE = ROOT / "tests" / "fixtures" / "treaty_topic" / "claims.yaml"
ENV = {"GCMCHECK_NO_CACHE": "1"}

CASES = [
    ("12 states have ratified the Lakeland Water Treaty.", "supported", "treaty-ratifications"),
    ("15 states have ratified the treaty.", "contradicted", "treaty-ratifications"),
    ("Only 5 states have ratified the Lakeland Water Treaty.", "contradicted", "treaty-ratifications"),
    ("5 states have ratified the Lakeland Fisheries Protocol.", "supported", "protocol-ratifications"),
    ("The treaty was signed in Porto Vela on 3 May 2021.", "supported", "treaty-signed"),
    ("The treaty was signed on 4 May 2021.", "contradicted", "treaty-signed"),
    ("Dravia signed the treaty.", "contradicted", "treaty-refusals"),
    ("Ostmark will sign the treaty next year.", "unverifiable", None),
    ("The treaty is non-binding.", "contradicted", "treaty-binding"),
    ("The Fisheries Protocol is non-binding.", "unverifiable", None),
    ("The treaty has been ratified by 5 states, and Ostmark refused to sign it.", "contradicted", "treaty-ratifications"),
]


@pytest.mark.parametrize(("statement", "verdict", "claim_id"), CASES, ids=[c[0] for c in CASES])
def test_verdicts_on_a_treaty_table(statement: str, verdict: str, claim_id: str | None) -> None:
    proc = run_cli("--claims", str(TABLE), "--format", "json", statement, env=ENV)
    assert proc.returncode in (0, 1), proc.stderr
    first = json.loads(proc.stdout)["results"][0]
    assert first["verdict"] == verdict
    assert first["claim_id"] == claim_id


def test_the_treaty_table_validates() -> None:
    proc = run_cli("claims", "validate", str(TABLE), env=ENV)
    assert proc.returncode == 0, proc.stdout + proc.stderr
