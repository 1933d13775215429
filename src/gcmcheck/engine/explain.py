"""Explanations a reader understands in one go, rendered from a decision's data.

Each says which fact the sentence and the sources are both about (the claim's own
statement), what the sources give and what the sentence says, in that order:
"The sources say 164 states approved the compact at the Marrakech conference on
10–11 December 2018; the sentence says 165." Nothing here decides anything.
"""

from __future__ import annotations

from collections.abc import Callable

from gcmcheck.engine.facts import BINDING, MEMBER, MISMATCH, ORDER, QUANTITY, STANCE, VENUE, Comparison

SIDE_WORDS = {"for": "in favour", "against": "against", "abstain": "abstaining", "pending": "not yet signed"}


def explain(
    verdict: str,
    claim_statement: str,
    fact_kind: str,
    stated: str,
    stated_side: str,
    comparisons: list[tuple[tuple[str, ...], Comparison]],
    one_holder: bool = False,
    note: str = "",
    is_name: Callable[[str], bool] = lambda word: False,
) -> str:
    """The explanation of one decision (verdict is "supported", "contradicted" or
    "conflicting"); `stated_side` is the side the sentence gives a name or a figure."""
    sources_say = f"The sources say {_clause(claim_statement, is_name)}"
    if verdict == "supported":
        text = f"{sources_say}; the sentence agrees ({stated})."
    elif verdict == "conflicting":
        parts = "; ".join(f"{', '.join(src)} give {c.expected}" for src, c in comparisons)
        text = f"The sources disagree on this: {parts}. The sentence says {stated}. Claim: {_clause(claim_statement, is_name)}."
    else:
        mismatch = next(c for _, c in comparisons if c.outcome == MISMATCH)
        text = f"{sources_say}; {_what_the_sentence_says(fact_kind, stated, stated_side, mismatch, one_holder)}."
    return text + (f" {note}" if note else "")


def _what_the_sentence_says(kind: str, stated: str, side: str, mismatch: Comparison, one_holder: bool) -> str:
    if kind == STANCE:
        return f"the sentence puts {stated} {SIDE_WORDS.get(side, side) or 'on another side'}"
    if kind == MEMBER:
        return f"the sentence names {stated} instead" if one_holder else f"the sentence names {stated}, who is not on that list"
    if kind == QUANTITY and mismatch.reason == "role":
        return f"the sentence gives {stated} as the count {SIDE_WORDS.get(side, 'of another side') if side else 'of another side'}"
    if kind == BINDING:
        return f"the sentence calls it {stated}"
    if kind == VENUE:
        return f"the sentence places it in {stated}"
    if kind == ORDER:
        return f"the sentence has it {stated}"
    return f"the sentence says {stated}"


def _clause(statement: str, is_name: Callable[[str], bool] = lambda word: False) -> str:
    """A claim's statement as a clause inside a sentence: no final full stop, and the
    first word in lower case unless it starts a name ("The compact" -> "the
    compact"; "António Vitorino", "IOM" and the table's names stay)."""
    s = statement.strip().rstrip(".")
    words = s.split(" ", 2)
    first = words[0]
    if len(words) < 2 or first.isupper() or is_name(f"{first} {words[1]}"):
        return s
    follower = words[1]
    if follower[:1].isupper() and first not in ("The", "A", "An", "In", "On", "By"):
        return s  # "Eni Lestari is ...": a name of several words
    return first[:1].lower() + s[1:]
