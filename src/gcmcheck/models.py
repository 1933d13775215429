"""Plain data shared by every stage: typed values, claims, and results.

Nothing here does I/O or imports a third-party library, so every stage (and every
formatter) can depend on it without slowing start-up.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from enum import Enum


class Verdict(str, Enum):
    """The four answers, ordered from most to least severe by SEVERITY."""

    CONTRADICTED = "contradicted"
    CONFLICTING = "conflicting"
    SUPPORTED = "supported"
    UNVERIFIABLE = "unverifiable"

    @property
    def severity(self) -> int:
        """Higher is more severe: contradicted > conflicting > supported > unverifiable."""
        return _SEVERITY[self]


_SEVERITY = {
    Verdict.CONTRADICTED: 3,
    Verdict.CONFLICTING: 2,
    Verdict.SUPPORTED: 1,
    Verdict.UNVERIFIABLE: 0,
}


# --- values read from text -------------------------------------------------------


@dataclass(frozen=True)
class Quantity:
    """A number as written, normalised: "272 million" -> 272_000_000.

    kind is "count" (plain numbers), "percent", "money" or "measure" (with a unit such
    as "mile"). hedge is "" for an exact figure, else one of HEDGES (see
    gcmcheck.analysis.numbers), e.g. "about" or "more".
    """

    value: float
    kind: str = "count"
    unit: str = ""
    hedge: str = ""
    start: int = 0
    end: int = 0
    text: str = ""


@dataclass(frozen=True)
class DateMention:
    """A calendar date or period; a field left None was not stated.

    "10–11 December 2018" -> year 2018, month 12, day 10, end_day 11.
    qualifier is the preposition that bounds it ("since", "before", "after",
    "until", "by") or "" for a plain date.
    """

    year: int | None
    month: int | None = None
    day: int | None = None
    end_day: int | None = None
    start: int = 0
    end: int = 0
    text: str = ""
    qualifier: str = ""


@dataclass(frozen=True)
class Mention:
    """A name found in text and the canonical id it stands for.

    kind is "subject" (the thing the table is about), "event", "entity" (a variant
    listed in the table's lexicon) or "name" (a proper name the lexicon does not
    know; its id is the normalised name itself).
    """

    id: str
    kind: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Value:
    """A quantity or date in context: what it counts, which role or event it belongs to."""

    quantity: Quantity | None = None
    date: DateMention | None = None
    role: str = ""  # "for", "against", "abstain" or ""
    noun: str = ""  # the counted noun, normalised ("state", "objective", ...)
    event: str = ""  # event id named in the same clause, or ""
    start: int = 0
    end: int = 0
    change: bool = False  # a rise or fall ("an increase of 51 million"), not a level

    @property
    def text(self) -> str:
        item = self.quantity or self.date
        return item.text if item else ""


@dataclass(frozen=True)
class Stance:
    """Who took which side: entity id (or "" for an unnamed actor) and role."""

    entity: str
    role: str  # "for" or "against" ("withdrew", "held out", "opposed" are "against")
    start: int = 0
    end: int = 0
    event: str = ""  # the event named with the stance ("abstained in the General Assembly vote")


@dataclass
class Analysis:
    """Everything the analyser reads from one statement or claim."""

    text: str
    values: list[Value] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)
    binding: bool | None = None  # True "binding", False "non-binding", None unstated
    negated: bool = False
    keywords: frozenset[str] = frozenset()
    clause_breaks: tuple[int, ...] = ()  # offsets where clauses end, for grouping facts
    founded: frozenset[str] = frozenset()  # what a founding verb brought into being ("the Network was created")
    time_bounds: frozenset[int] = frozenset()  # starts of events named as a time bound ("a year before Marrakech")
    modifiers: frozenset[int] = frozenset()  # starts of events named as a noun's modifier ("New York Declaration goals")

    def same_clause(self, a: int, b: int) -> bool:
        """No clause boundary lies between offsets a and b."""
        lo, hi = (a, b) if a <= b else (b, a)
        return not any(lo < x < hi for x in self.clause_breaks)

    @property
    def entities(self) -> set[str]:
        return {m.id for m in self.mentions if m.kind in ("entity", "name")}

    @cached_property
    def events(self) -> frozenset[str]:
        """The events named (worked out once: the checker asks for them often)."""
        return frozenset(m.id for m in self.mentions if m.kind == "event")

    @property
    def quantities(self) -> list[Value]:
        return [v for v in self.values if v.quantity is not None]

    @property
    def dates(self) -> list[Value]:
        return [v for v in self.values if v.date is not None]


# --- the table ---------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    id: str
    title: str = ""
    publisher: str = ""
    date: str = ""
    kind: str = ""
    path: str = ""


@dataclass(frozen=True)
class Citation:
    """A verbatim quote; line and column (1-based) locate it in the source file."""

    source: str
    quote: str
    line: int = 0
    column: int = 0
    says: str = ""  # this source's own version of the claim, when it differs


@dataclass
class Claim:
    id: str
    statement: str
    citations: list[Citation]
    event: str = ""
    keywords: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a named list: canonical ids or names
    closed: bool = False  # the list is complete: a name outside it is contradicted
    note: str = ""
    line: int = 0  # where the claim starts in the table file


# --- results -----------------------------------------------------------------------


@dataclass(slots=True)
class Result:
    """One judged fact of one statement. A statement always yields at least one."""

    text: str
    verdict: Verdict
    input: str = "<argv>"
    line: int = 1
    column: int = 1
    end_line: int = 1
    end_column: int = 1
    claim_id: str | None = None
    claim: str | None = None
    score: float | None = None
    stated: str | None = None
    expected: str | None = None
    explanation: str = ""
    citations: list[Citation] = field(default_factory=list)
    # offsets of the stated value within `text`, when replacing it with `expected`
    # would correct the sentence (used by --fix, --diff and SARIF fixes)
    fix_start: int | None = None
    fix_end: int | None = None
    fix_replacement: str | None = None
    # what the statement says that the sources do not decide (figures no claim gives,
    # readings set aside as uncertain); a statement with any is not "supported"
    unchecked: list[str] = field(default_factory=list)
