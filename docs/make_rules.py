#!/usr/bin/env python3
"""Write docs/rules.md from the alignment rules' own docstrings (run after editing a rule).

    python docs/make_rules.py

tests/test_docs_rules.py fails when docs/rules.md is out of date.
"""

from __future__ import annotations

from pathlib import Path

from gcmcheck.engine.alignment import RULES, Rule

HEADER = """# Alignment rules

Generated from the rules' docstrings by `python docs/make_rules.py`; do not edit by hand.

A value in a sentence is compared with a claim's value only when both are about the
same fact. Each rule below checks one condition on a pair (the sentence's fact, one
version of a claim) and, when it fails, sets the pair aside with a reason, so an
uncertain reading ends as "unverifiable", never as an alarm. `gcmcheck --trace
"..."` shows which rules set which pairs aside. The English the rules read (verbs and
their families and sides, modals, verbs of saying, prepositions) is data:
`src/gcmcheck/reader/language.toml`.

A rule marked *elsewhere* sets aside values that are no claim of this kind at all (a
note marker, a prediction, another instrument's figure): their disagreement leaves
the rest of the sentence decided. Any other rule's set-aside disagreement leaves the
sentence unverifiable, listed under `unchecked`. A rule marked *doubts agreement* does
so with an agreement too: the sentence reads two ways.

"""


KIND_WORDS = {"quantity": "figures", "date": "dates", "venue": "places", "stance": "sides", "member": "list members", "binding": "legal force"}


def applies_to(rule: Rule) -> str:
    """Which facts the rule reads ("Applies to: figures that disagree with the sources.")."""
    kinds = [KIND_WORDS.get(k, k) for k in rule.kinds] if rule.kinds else ["every fact"]
    words = ", ".join(kinds[:-1]) + " and " + kinds[-1] if len(kinds) > 1 else kinds[0]
    return f"Applies to: {words}{' that disagree with the sources' if rule.disagreeing else ''}."


def render() -> str:
    parts = [HEADER]
    for rule in RULES:
        mark = " (elsewhere)" if rule.elsewhere else (" (doubts agreement)" if rule.doubts_agreement else "")
        parts.append(f"## {rule.id} `{rule.name}`{mark}\n\n{applies_to(rule)}\n\n{rule.doc}\n\n")
    return "".join(parts).rstrip() + "\n"


if __name__ == "__main__":
    Path(__file__).with_name("rules.md").write_text(render(), encoding="utf-8")
