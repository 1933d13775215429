"""What the analyser reads from a claim, and where a claim's sources disagree.

Curators write sentences, the engine compares the values the analyser reads from
them. These functions show that reading (so an editor sees why a statement would or
would not match) and compare a claim's versions (its statement and each source's
`says`) the way the checker does, so conflicts are found with the engine's own rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from gcmcheck.analysis.lexicon import Lexicon
from gcmcheck.models import Analysis, Citation, Claim, Value

_HEDGE_PREFIX = re.compile(r"^(?:about|more than|at least|less than|at most|nearly|exactly)\s+")
ROLE_WORDS = {"for": "in favour", "against": "against", "abstain": "abstained"}


# --- reading a sentence ----------------------------------------------------------------


def describe(analysis: Analysis, lexicon: Lexicon) -> dict[str, Any]:
    """The analyser's reading of one sentence as plain data (for `claims show`, `extract`)."""
    return {
        "numbers": [_number(v, lexicon) for v in analysis.quantities],
        "dates": [_date(v, lexicon) for v in analysis.dates],
        "sides": [
            {"who": _entity_label(s.entity, lexicon), "id": s.entity, "role": s.role, "as": ROLE_WORDS.get(s.role, s.role)}
            for s in analysis.stances
        ],
        "legal_force": None if analysis.binding is None else ("binding" if analysis.binding else "non-binding"),
        "negated": analysis.negated,
        "events": sorted(analysis.events),
        "names": sorted({m.id for m in analysis.mentions if m.kind in ("entity", "name")}),
        "subject": any(m.kind == "subject" for m in analysis.mentions),
        "keywords": sorted(analysis.keywords),
    }


def _number(v: Value, lexicon: Lexicon) -> dict[str, Any]:
    from gcmcheck.analysis.numbers import format_quantity

    q = v.quantity
    assert q is not None
    return {
        "text": q.text,
        "value": format_quantity(q),
        "number": q.value,
        "kind": q.kind,
        "unit": q.unit or None,
        "hedge": q.hedge or None,
        "role": v.role or None,
        "counts": v.noun or None,
        "event": v.event or None,
    }


def _date(v: Value, lexicon: Lexicon) -> dict[str, Any]:
    from gcmcheck.analysis.dates import format_date

    d = v.date
    assert d is not None
    return {"text": d.text, "value": format_date(d), "qualifier": d.qualifier or None, "event": v.event or None}


def _entity_label(entity: str, lexicon: Lexicon) -> str:
    variants = lexicon.entities.get(entity)
    return variants[0] if variants else entity


def summary_line(reading: dict[str, Any]) -> str:
    """One line of what a sentence states: "152 (in favour, state), 19 December 2018, non-binding"."""
    parts: list[str] = []
    for n in reading["numbers"]:
        extra = ", ".join(x for x in (ROLE_WORDS.get(n["role"] or "", ""), n["counts"] or "", n["event"] or "") if x)
        parts.append(f"{n['value']} ({extra})" if extra else n["value"])
    for d in reading["dates"]:
        extra = ", ".join(x for x in (d["qualifier"] or "", d["event"] or "") if x)
        parts.append(f"{d['value']} ({extra})" if extra else d["value"])
    for s in reading["sides"]:
        parts.append(f"{s['who']} {s['as']}")
    if reading["legal_force"]:
        parts.append(reading["legal_force"])
    return ", ".join(parts)


def checkable(analysis: Analysis) -> bool:
    """Whether a sentence states a fact the checker compares: a number, date, side or legal force."""
    return bool(analysis.values or analysis.stances or analysis.binding is not None)


def nothing_checkable(claim: Claim, lexicon: Lexicon) -> bool:
    """True when the statement gives the analyser nothing at all: no value, side, legal
    force, name, event, nor a keyword beyond the subject's own names."""
    from gcmcheck.analysis import language as lang
    from gcmcheck.analysis.analyser import analyse

    a = analyse(claim.statement, lexicon)
    if checkable(a) or any(m.kind in ("entity", "name", "event") for m in a.mentions):
        return False
    subject_words: set[str] = set()
    for alias in lexicon.subject:
        subject_words |= lang.keywords(alias)
    return not (a.keywords - subject_words)


# --- comparing versions ----------------------------------------------------------------


def _same_number(a: str, b: str) -> bool:
    """Two formatted quantities give the same figure, whatever their hedges."""
    return _HEDGE_PREFIX.sub("", a) == _HEDGE_PREFIX.sub("", b)


def unsaid_conflicts(claim: Claim, lexicon: Lexicon) -> list[tuple[Citation, str, str]]:
    """Citations without `says` whose quote gives another value than the statement:
    (citation, the statement's value, the quote's value). Such a source disagrees, so
    the engine must not credit it with the statement's values.

    Numbers, dates and legal force only: sides read from raw source prose are too
    noisy ("Proponents in Belgium ..." of countries that have not signed)."""
    from gcmcheck.analysis.analyser import analyse
    from gcmcheck.analysis.numbers import format_quantity
    from gcmcheck.engine.compiled import compile_claim
    from gcmcheck.engine.facts import BINDING, DATE, MISMATCH, QUANTITY, compare, facts_of

    plain = [c for c in claim.citations if not c.says]
    if not plain:
        return []
    compiled = compile_claim(claim, lexicon)
    facts = [f for f in facts_of(compiled.primary) if f.kind in (QUANTITY, DATE, BINDING)]
    found: list[tuple[Citation, str, str]] = []
    for citation in plain:
        quoted = analyse(citation.quote, lexicon)
        for fact in facts:
            c = compare(fact, quoted, compiled)
            if c is None:
                continue
            if fact.kind == QUANTITY:
                assert fact.value is not None and fact.value.quantity is not None
                if c.reason == "role":
                    continue  # a quote's other figures are often for the other side
                stated = format_quantity(fact.value.quantity)
                if c.outcome == MISMATCH or not _same_number(stated, c.expected):
                    found.append((citation, stated, c.expected))
            elif c.outcome == MISMATCH:
                found.append((citation, fact.text, c.expected))
    return found


@dataclass(slots=True)
class Reading:
    """What one version of a claim gives for a fact."""

    sources: tuple[str, ...]
    value: str
    says: str  # the version's sentence: a source's `says`, or the statement
    citations: list[Citation] = field(default_factory=list)


@dataclass(slots=True)
class Conflict:
    """A fact of a claim on which its sources give different values."""

    claim: Claim
    kind: str  # "quantity", "date", "stance", "binding"
    fact: str  # the fact as the first version words it
    event: str
    readings: list[Reading]

    def to_dict(self) -> dict[str, Any]:
        return {
            "claim_id": self.claim.id,
            "claim": self.claim.statement,
            "line": self.claim.line,
            "kind": self.kind,
            "fact": self.fact,
            "event": self.event or None,
            "readings": [
                {
                    "sources": list(r.sources),
                    "value": r.value,
                    "says": r.says,
                    "citations": [{"source": c.source, "line": c.line, "column": c.column, "quote": c.quote} for c in r.citations],
                }
                for r in self.readings
            ],
        }


def claim_conflicts(claim: Claim, lexicon: Lexicon) -> list[Conflict]:
    """Facts on which a claim's versions disagree, compared with the checker's rules:
    a mismatch, or for numbers a different figure even within hedge tolerance
    ("272 million" against "more than 250 million")."""
    from gcmcheck.engine.compiled import compile_claim
    from gcmcheck.engine.facts import MISMATCH, QUANTITY, compare, facts_of

    if sum(1 for c in claim.citations if c.says) == 0:
        return []
    compiled = compile_claim(claim, lexicon)
    if len(compiled.versions) < 2:
        return []
    conflicts: list[Conflict] = []
    seen: set[frozenset[tuple[tuple[str, ...], str]]] = set()
    for ref in compiled.versions:
        for fact in facts_of(ref.analysis):
            readings = [(v, c) for v in compiled.versions if (c := compare(fact, v.analysis, compiled)) is not None]
            if len(readings) < 2:
                continue
            values = [c.expected for _, c in readings]
            differ = any(c.outcome == MISMATCH for _, c in readings)
            if fact.kind == QUANTITY and not differ:
                differ = any(not _same_number(values[0], x) for x in values[1:])
            if not differ:
                continue
            key = frozenset((v.sources, c.expected) for v, c in readings)
            if key in seen:
                continue
            seen.add(key)
            conflicts.append(
                Conflict(
                    claim,
                    fact.kind,
                    fact.text,
                    fact.event,
                    [Reading(v.sources, c.expected, v.analysis.text, _cited(claim, v, compiled.primary)) for v, c in readings],
                )
            )
    return conflicts


def _cited(claim: Claim, version: Any, primary: Analysis) -> list[Citation]:
    """The citations behind one version: the plain ones for the statement, else the `says`."""
    if version.analysis is primary:
        return [c for c in claim.citations if not c.says]
    return [c for c in claim.citations if c.says and c.says == version.analysis.text and c.source in version.sources]


def version_differences(claim: Claim, lexicon: Lexicon) -> dict[tuple[str, str], list[dict[str, str]]]:
    """For each (source, says): the statement's facts that source gives otherwise."""
    from gcmcheck.analysis.numbers import format_quantity
    from gcmcheck.engine.compiled import compile_claim
    from gcmcheck.engine.facts import MISMATCH, QUANTITY, compare, facts_of

    compiled = compile_claim(claim, lexicon)
    out: dict[tuple[str, str], list[dict[str, str]]] = {}
    facts = facts_of(compiled.primary)
    for version in compiled.versions:
        if version.analysis is compiled.primary:
            continue
        diffs: list[dict[str, str]] = []
        for fact in facts:
            c = compare(fact, version.analysis, compiled)
            if c is None:
                continue
            stated = format_quantity(fact.value.quantity) if fact.kind == QUANTITY and fact.value and fact.value.quantity else fact.text
            if c.outcome == MISMATCH or (fact.kind == QUANTITY and not _same_number(stated, c.expected)):
                diffs.append({"kind": fact.kind, "statement": stated, "source": c.expected})
        for source in version.sources:
            out[(source, version.analysis.text)] = diffs
    return out
