"""Which of two events came first: "the Marrakech conference was held after the
General Assembly vote" is judged by the dates the table gives each event.

Why a module of its own: an order relates two claims (one dates each event), not a
value of one claim, so it is read from the statement's event names and decided
here; the checker turns the outcome into a decision on the claim dating the first
event. Relations read: "A … after/before/following/ahead of B" and "after B, A …".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gcmcheck.analysis.lexicon import EVENT
from gcmcheck.engine.compiled import CompiledClaim, CompiledTable
from gcmcheck.models import Analysis, DateMention, Mention
from gcmcheck.reader.clauses import read
from gcmcheck.regex_cache import regex

_AFTER, _BEFORE = "after", "before"
_RELATION_WORDS = {"after": _AFTER, "following": _AFTER, "before": _BEFORE, "ahead of": _BEFORE, "prior to": _BEFORE, "preceding": _BEFORE}

# the relation word right before the second event ("… after the General Assembly")
_RELATION_BEFORE_RE = regex(
    r"\b(after|following|before|ahead\s+of|prior\s+to|preceding)\s+(?:the\s+)?\Z", re.IGNORECASE
)
_ORDER_GAP_WORDS = 16  # words at most between the first event's name and the relation
_HARD_BREAK_RE = regex(r"[;:()\u2014]|\.\s")
_AFTER_OPENING_RE = regex(r"\s*,\s*")


@dataclass(frozen=True, slots=True)
class Order:
    """The statement says `first` happened `relation` (after/before) `second`."""

    first: Mention
    relation: str
    second: Mention
    start: int  # the span of the relation and the second event's name
    end: int
    text: str


def orders_in(s: Analysis) -> list[Order]:
    """The event orders a statement states."""
    text = s.text
    events = [m for m in s.mentions if m.kind == EVENT]
    found: list[Order] = []
    for b in events:
        rel = _RELATION_BEFORE_RE.search(text, read(text).start_before(b.start, 3), b.start)
        if not rel:
            continue
        relation = _RELATION_WORDS[" ".join(rel.group(1).lower().split())]
        earlier = [a for a in events if a.end <= rel.start() and a.id != b.id]
        a = earlier[-1] if earlier else None
        if a is not None and read(text).start_before(rel.start(), _ORDER_GAP_WORDS) <= a.end and not _HARD_BREAK_RE.search(text, a.end, rel.start()):
            if not _RELATION_BEFORE_RE.search(text, read(text).start_before(a.start, 3), a.start):  # a is no bound itself
                found.append(Order(a, relation, b, rel.start(), b.end, text[rel.start() : b.end]))
            continue
        # "Nine days after Marrakech, the General Assembly endorsed it"
        comma = _AFTER_OPENING_RE.match(text, b.end)
        later = [x for x in events if comma and x.start >= comma.end() and x.id != b.id]
        if comma and later and not _HARD_BREAK_RE.search(text, b.end, later[0].start):
            found.append(Order(later[0], relation, b, rel.start(), b.end, text[rel.start() : b.end]))
    return found


def event_dates(table: CompiledTable) -> dict[str, tuple[DateMention, CompiledClaim]]:
    """Each event's day as the table dates it, and the claim that does: the first
    claim about the event whose statement gives it a full date."""
    dates: dict[str, tuple[DateMention, CompiledClaim]] = {}
    for c in table.claims:
        if not c.event or c.event in dates:
            continue
        for v in c.primary.dates:
            d = v.date
            if d and d.year and d.month and d.day and v.event in ("", c.event):
                dates[c.event] = (d, c)
                break
    return dates


def came_first(a: DateMention, b: DateMention) -> bool | None:
    """True when a ended before b began, False when it began after b ended, None
    when they overlap."""
    a_start = (a.year, a.month, a.day)
    a_end = (a.year, a.month, a.end_day or a.day)
    b_start = (b.year, b.month, b.day)
    b_end = (b.year, b.month, b.end_day or b.day)
    if a_end < b_start:  # type: ignore[operator]
        return True
    if a_start > b_end:  # type: ignore[operator]
        return False
    return None


def holds(order: Order, first: DateMention, second: DateMention) -> bool | None:
    """Whether the stated order agrees with the dates; None when they cannot tell."""
    earlier = came_first(first, second)
    if earlier is None:
        return None
    return earlier if order.relation == _BEFORE else not earlier


def relation_word(first: DateMention, second: DateMention) -> str:
    return _BEFORE if came_first(first, second) else _AFTER
