"""Verdicts of the shipped table on statements of our own, one table of examples."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gcmcheck.core import check_statement
from gcmcheck.models import Verdict

EXAMPLES = yaml.safe_load((Path(__file__).parent / "verdict_examples.yaml").read_text(encoding="utf-8"))


def verdict_of(checker, text: str) -> Verdict:
    return max((r.verdict for r in check_statement(checker, text)), key=lambda v: v.severity)


@pytest.mark.parametrize(("expected", "text"), EXAMPLES, ids=[t[:50] for _, t in EXAMPLES])
def test_verdict(checker, expected: str, text: str):
    assert verdict_of(checker, text).value == expected


def test_every_citation_is_verbatim_at_its_line(checker):
    for claim in checker.table.claims:
        for c in claim.claim.citations:
            source = Path(__file__).resolve().parent.parent / "seeds" / c.source
            line = source.read_text(encoding="utf-8").splitlines()[c.line - 1]
            assert line[c.column - 1 :].startswith(c.quote), (claim.id, c.source)


def test_table_has_many_claims_and_cites_every_source(checker):
    assert len(checker.table.claims) >= 60
    cited = {c.source for claim in checker.table.claims for c in claim.claim.citations}
    assert len(cited) == 5


def test_the_sources_never_contradict_themselves(checker):
    """Every sentence of the five source documents, checked against the table built
    from them: a contradiction here is a misreading, never a finding."""
    from gcmcheck.documents.reader import results_for_text

    seeds = Path(__file__).resolve().parent.parent / "seeds"
    contradicted = [
        f"{path.name}:{r.line}: {r.text[:80]} (stated {r.stated}, expected {r.expected})"
        for path in sorted(seeds.glob("*.txt"))
        for r in results_for_text(checker, path.read_text(encoding="utf-8"), path.name, markdown=False)
        if r.verdict is Verdict.CONTRADICTED
    ]
    assert contradicted == []
