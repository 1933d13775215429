"""Read typed values from one sentence: the same reader for user text and for claims.

Verdicts compare what this module reads (numbers with their role and counted noun,
dates, events, who took which side, legal force), never similarity scores. Reading
claims with the same code as statements is what lets curators write plain sentences.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import cache

from gcmcheck.analysis import language as lang
from gcmcheck.analysis.dates import FULL_MONTHS, find_dates
from gcmcheck.analysis.lexicon import ENTITY, EVENT, NAME, SUBJECT, Lexicon
from gcmcheck.analysis.numbers import as_ratios, find_fractions, find_quantities
from gcmcheck.models import Analysis, Mention, Quantity, Stance, Value
from gcmcheck.reader.clauses import COORDINATE, RELATIVE, SUBORDINATE, Clause, Reading, read
from gcmcheck.reader.vocabulary import vocabulary
from gcmcheck.regex_cache import regex

TYPE_CHECKING = False  # typing costs 2 ms to import; mypy reads the guarded names
if TYPE_CHECKING:
    from typing import Protocol

    class _Clauses(Protocol):
        def same(self, value: int, other: int) -> bool:
            """Do the words at `other` belong to the clause of the value at `value`?"""
            ...

# Counted nouns that all name parties to a decision: "152 countries", "152 votes",
# "152 member states" and "152 nations" count the same thing.
_PARTY_WORDS = (
    "country countries state states nation nations member members government governments "
    "signatory signatories delegation delegations vote votes ballot ballots"
)
_NOUN_STOP = lang.STOPWORDS | {"that", "which", "who", "have", "has", "had", "is", "are", "was", "were", "except", "including", "excluding", "besides"}
_ROLE_NOUN_RE = regex(r"(?:ers?|ents?|outs?|ition|ions?|or(?:y|ies)|al)$", re.IGNORECASE)
# what may link a stance word to names after it: "supported by X", "holdouts were X"
_AFTER_ROLE_LINK_RE = regex(r"\s*(?:\w+\s+){0,3}?(?:by|were|was|are|is|include[sd]?|including|led|as|among)\b", re.IGNORECASE)
_MAX_STANCE_DISTANCE = 160
ATTRIBUTIVE = "attributive"
_PERIOD_SPAN_RE = regex(r"[\s-]+(?:years?|months?|decades?)\s+(?:to|through|until|ending\s+in)\s+(?:the\s+end\s+of\s+)?(?:19|20)[0-9]{2}\b", re.IGNORECASE)
_PERIOD_BOUND_RE = regex(r"\b(since|before|after|until|from)\s+(?:the\s+(?:year|end\s+of|start\s+of)\s+)$", re.IGNORECASE)
TOTAL = "total"  # the role of a figure that is the whole a count is taken from
# "152 of 193", "half of the 193", "a majority of the 193": the whole; but "a majority
# of 152 states voted" counts the majority itself (no determiner after "of")
_WHOLE_RE = regex(
    r"(?:(?:^|\b(?:\d[\d,.]*%?|half|third|quarter|percent|cent|"
    r"one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred)\s+)"
    r"of\s+(?:the\s+|its\s+|their\s+)?"
    r"|\b(?:majority|most|all|many|some|none|each|any|share|proportion)\s+of\s+(?:the\s+|its\s+|their\s+)"
    r"|\bout\s+of\s+(?:the\s+|its\s+|their\s+)?)"
    r"(?:(?:[\w.-]+\s+)?[\w.\u2019'-]+['\u2019]s\s+)?(?:[\w.-]+\s+){0,2}$",
    re.IGNORECASE,
)
_DETERMINER_RE = regex(r"\b(?:the|a|an|its|their|this|that)\s+$", re.IGNORECASE)
_ATTRIBUTIVE_RE = regex(r"[ \t]+(?![Oo]f\b|[Aa]nd\b|[Tt]o\b)[A-Za-z]")
# "UN member states approved": the name qualifies the actors, it is not one of them
_MODIFIER_RE = regex(r"(?:['\u2019]s)?\s+(?:member\s+)?(?:states|countries|nations|members|governments|officials|diplomats|delegates|representatives)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Role:
    role: str
    start: int
    end: int
    noun_form: bool
    # a name's side when it is "not among the countries that approved it" (the
    # group's own side, which its figure keeps, is `role`)
    left_out: str = ""


@cache
def party_stems() -> frozenset[str]:
    return frozenset(lang.stem(w) for w in _PARTY_WORDS.split())


def analyse(text: str, lexicon: Lexicon) -> Analysis:
    """Everything checkable in text. Never raises on any input string."""
    found = lexicon.find(text)
    # a figure inside a known name is part of the name: "the 2030 Agenda"
    named = [(m.start, m.end) for m in found if m.kind != NAME]
    dates = [d for d in find_dates(text) if not _inside(d.start, d.end, named)]
    quantities = [q for q in find_quantities(text) if not _inside(q.start, q.end, named)]
    quantities += [q for q in find_fractions(text) if not any(x.start < q.end and q.start < x.end for x in quantities)]
    quantities.sort(key=lambda q: q.start)
    quantities = as_ratios(text, quantities)
    quantities = [q for q in quantities if not _day_after_month(text, q)]
    numeric = [(x.start, x.end) for x in (*dates, *quantities)]
    # "Twelve" opening a sentence is a number, not a name
    mentions = [m for m in found if m.kind != NAME or not _inside(m.start, m.end, numeric, overlap=True)]
    clause_breaks = [m.start() for m in lang.CLAUSE_BREAK_RE.finditer(text)]
    stance_breaks = [m.start() for m in lang.STANCE_BREAK_RE.finditer(text)]
    roles = _roles(text, mentions)
    # "a year after Marrakech": an event named as a time bound is not the event of
    # the clause's figures
    bounds = _time_bounds(text, mentions)
    numbers = {q.start for q in quantities}
    modifiers = frozenset(
        m.start for m in mentions if m.kind == EVENT and (_modifies_a_noun(text, m, numbers) or _another_one(text, m))
    )
    events = [m for m in mentions if m.kind == EVENT and m.start not in bounds and m.start not in modifiers]

    # a figure's side and event are read in its clause, as the reader splits them
    # ("which Hungary and Poland opposed, won 152 votes": "opposed" is not the 152's)
    value_clauses: _Clauses = _ReaderClauses(text)
    event_clauses: _Clauses = _ReaderClauses(text, dependents=True)
    values: list[Value] = []
    previous_noun: dict[str, str] = {}  # kind -> noun of the last number of that kind
    tally = _tally_roles(text, quantities)
    for q in quantities:
        if _PERIOD_SPAN_RE.match(text, q.end):
            continue  # "in the nine years to 2019": the span a change is measured over
        if _WHOLE_RE.search(text, _reach(text, q.start, 9), q.start):
            role: str | _Role | None = TOTAL  # "152 of its 193 members": the whole, not a side
        else:
            role = tally.get(q.start) or _nearest(roles, q.start, q.end, value_clauses, text)
        # ellipsis: in "152 states voted for and 12 abstained" the 12 are states too
        inherited = previous_noun.get(q.kind, "")
        noun = _counted_noun(text, q.end, found) or ("" if lang.TIME_NOUN_RE.match(inherited) else inherited)
        previous_noun[q.kind] = noun
        values.append(
            Value(
                quantity=q,
                role=role if isinstance(role, str) else (role.role if role else ""),
                noun=noun,
                event=_event_for(events, q.start, event_clauses, text),
                start=q.start,
                end=q.end,
                change=bool(lang.CHANGE_BEFORE_RE.search(text, _reach(text, q.start, 6), q.start) or lang.CHANGE_AFTER_RE.match(text, q.end)),
            )
        )
    for d in dates:
        bound = _PERIOD_BOUND_RE.search(text, _reach(text, d.start, 5), d.start)
        if bound and not d.qualifier:
            d = replace(d, qualifier=bound.group(1).lower())  # "since the year 2000"
        if d.day is None and _ATTRIBUTIVE_RE.match(text, d.end) and _DETERMINER_RE.search(text, _reach(text, d.start, 1), d.start):
            d = replace(d, qualifier=ATTRIBUTIVE)  # "the 2015 migrant crisis": a label ("its 4 December 2017 statement" is a date)
        elif d.month is None and any(m.end < d.start and not text[m.end : d.start].strip() for m in found if m.kind in (NAME, EVENT)):
            d = replace(d, qualifier=ATTRIBUTIVE)  # "the World Migration Report 2022", "Regional Reviews 2024": a title's year
        # "since 2000" bounds a period; it is not the date of the event named nearby
        event = "" if d.qualifier or own_act_before(text, d.start) else _event_for(events, d.start, event_clauses, text)
        values.append(Value(date=d, event=event, start=d.start, end=d.end))
    values.sort(key=lambda v: v.start)

    return Analysis(
        text=text,
        values=values,
        mentions=mentions,
        stances=_stances(text, mentions, roles, stance_breaks),
        binding=_binding(text),
        negated=bool(lang.NEGATION_RE.search(text)),
        keywords=lang.keywords(text),
        clause_breaks=tuple(clause_breaks),
        founded=_founded(text, mentions),
        time_bounds=bounds,
        modifiers=modifiers,
    )


_TALLY_CUE_RE = regex(r"\b(?:vot\w*|by|pass\w*|adopt\w*|approv\w*|endors\w*|back\w*)\b", re.IGNORECASE)
_TALLY_RE = regex(r"\s*(?:[-\u2013\u2014]|votes?\s+to|to)\s*$", re.IGNORECASE)


def _tally_roles(text: str, quantities: list) -> dict[int, str]:  # type: ignore[type-arg]
    """A vote tally "152-5" or "7 votes to 2" after a vote word: for, then against
    (and a third figure, "152-5-12", abstaining)."""
    roles: dict[int, str] = {}
    for a, b in zip(quantities, quantities[1:]):
        between = text[a.end : b.start]
        if a.start in roles and roles[a.start] == lang.AGAINST and b.kind == "count" and _TALLY_RE.match(between):
            roles[b.start] = lang.ABSTAIN  # "152-5-12": for, against, abstaining
            continue
        before = text[_reach(text, a.start, 5) : a.start]
        if a.kind == b.kind == "count" and a.value >= b.value and _TALLY_RE.match(between) and _TALLY_CUE_RE.search(before):
            roles[a.start], roles[b.start] = lang.FOR, lang.AGAINST
    return roles


def _inside(start: int, end: int, spans: list[tuple[int, int]], overlap: bool = False) -> bool:
    if overlap:
        return any(s < end and start < e for s, e in spans)
    return any(s <= start and end <= e for s, e in spans)


# --- roles -------------------------------------------------------------------------


def _roles(text: str, mentions: list[Mention]) -> list[_Role]:
    """Stance words outside names ("Opposition" in a headline counts; "Accord" does not)."""
    spans = [(m.start, m.end) for m in mentions if m.kind != NAME]
    found: list[_Role] = []
    for m in lang.find_roles(text):
        if any(s <= m.start() < e for s, e in spans):
            continue
        said = lang.role_of(m)
        if m.group(0).lower() == "against" and read(text).words_after(m.end(), 1)[:1] and read(text).words_after(m.end(), 1)[0][:1].isdigit():
            continue  # "3.5 per cent, against 2.8 per cent in 2000": a comparison, no side
        if _UNDECIDED_BEFORE_RE.search(text, _reach(text, m.start(), 6), m.start()):
            continue  # "a row over whether to back it", "a decision on joining": no side taken
        before = read(text).words_before(m.start(), 1) if m.group(0).lower().endswith("ing") else []
        if before and before[0] in vocabulary().naming_prepositions:
            continue  # "undecided about joining", "arguments for signing": named, not taken
        # the words of its own clause just before it: "…, that it would not sign"
        window = " ".join(_words_before_in_clause(text, m.start(), NEGATION_REACH))
        negated = bool(lang.NEGATION_RE.search(window))
        role = lang.opposite(said) if negated else said
        if lang.is_pending(said, negated, m.group(0), window, text, m.end()):
            role = lang.PENDING
        noun_form = " " not in m.group(0) and bool(_ROLE_NOUN_RE.search(m.group(0)))
        left_out = ""
        if lang.NOT_AMONG_RE.search(text, _reach(text, m.start(), 18), m.start()):
            left_out = lang.opposite(role) if role in (lang.FOR, lang.AGAINST) else ""
        found.append(_Role(role, m.start(), m.end(), noun_form, left_out))
    return _chained(text, found)


def _time_bounds(text: str, mentions: list[Mention]) -> frozenset[int]:
    """The starts of events named as a time bound: "a year before the Marrakech
    conference", and the rest of that noun group ("before the conference in
    Marrakech")."""
    bounds: set[int] = set()
    last: Mention | None = None
    v = vocabulary()
    reading = read(text)
    for m in sorted((m for m in mentions if m.kind == EVENT), key=lambda m: m.start):
        if _TIME_BOUND_RE.search(text, _reach(text, m.start, 4), m.start):
            bounds.add(m.start)
            last = m
            continue
        if last is None or last.id != m.id:
            continue
        between = [t.lower for t in reading.tokens[bisect.bisect_left(reading.starts, last.end) : bisect.bisect_left(reading.starts, m.start)]]
        if len(between) <= 2 and all(w in v.prepositions or w in v.determiners for w in between):
            bounds.add(m.start)  # "before the conference in Marrakech": one noun group
            last = m
    return frozenset(bounds)


def _modifies_a_noun(text: str, m: Mention, numbers: set[int]) -> bool:
    """Is the event's name a modifier of a noun phrase after it ("New York
    Declaration policy goals", "Marrakech hotel room prices")? The phrase is then
    about that noun, not the event. Two content words must follow, neither a verb
    the reader knows nor a word that names an occasion: "the Marrakech conference",
    "the General Assembly vote saw 12 abstentions" and "the Assembly resolution"
    still name it."""
    if text[m.end : m.end + 1] != " " or m.end + 1 in numbers:
        return False
    v = vocabulary()
    closed, occasion = v.function_words, v.occasion_words

    def content(w: str) -> bool:
        return (
            w.isalpha() and w.islower() and w not in closed and w not in occasion and w.rstrip("s") not in occasion
            and not w.endswith(("ly", "ing")) and v.lemma(w) not in v.verb_lemmas and not v.past_form(w)
        )

    after = read(text).tokens
    i = bisect.bisect_left(read(text).starts, m.end)
    words = [t.text for t in after[i : i + 2]]
    return len(words) == 2 and all(content(w) for w in words)


def _another_one(text: str, m: Mention) -> bool:
    """Is a one-noun name of the event ("the Assembly", "Conference") another one of
    its kind: after "a" or "another" ("a Conference entitled ..."), or followed by
    "of" and another name ("the Assembly of the Chamber of Deputies")?"""
    words = [w for w in m.text.split() if w.lower() not in vocabulary().determiners]
    if len(words) != 1:
        return False
    reading = read(text)
    if reading.words_before(m.start, 1) in (["a"], ["an"], ["another"]):
        return True
    i = bisect.bisect_left(reading.starts, m.end)
    after = [t for t in reading.tokens[i : i + 3] if t.lower not in vocabulary().determiners]
    return len(after) >= 2 and after[0].lower == "of" and after[1].text[:1].isupper()


def own_act_before(text: str, offset: int) -> str:
    """The noun of the instrument's own act that a date follows ("since its adoption
    in 2018", "the compact's endorsement on 19 December"), or "". The date dates that
    act, not an event named elsewhere in the clause."""
    v = vocabulary()
    before = read(text).words_before(offset, 3)
    if (
        len(before) == 3 and before[2] in v.prepositions and before[1] in v.occasion_nouns
        and (before[0] in v.instrument_pronouns or before[0] == "'s")
    ):
        return before[1]
    return ""


def _reach(text: str, offset: int, words: int) -> int:
    """Where the `words` tokens before offset begin: a phrase that must stand just
    before a word is looked for that many words back, never a number of characters."""
    return read(text).start_before(offset, words)


# words before a stance word that a negator may stand among: "had not yet signed"
NEGATION_REACH = 5


def _words_before_in_clause(text: str, offset: int, count: int) -> list[str]:
    """The last `count` words before offset in its reader clause, stopping at a
    comma or other punctuation: "Hungary, which will not sign, and Italy signed"
    does not negate Italy's signing."""
    reading = read(text)
    clause = reading.clause_at(offset)
    if clause is None:
        return []
    words: list[str] = []
    for i in reversed(clause.tokens):
        t = reading.tokens[i]
        if t.start >= offset:
            continue
        if t.kind == "punct" or len(words) == count:
            break
        words.append(t.lower)  # typographic apostrophes made plain: "won't"
    return words[::-1]


def _chained(text: str, roles: list[_Role]) -> list[_Role]:
    """A stance verb (or its noun) taking another as its object is one stance:
    "refused to sign", "its refusal to sign" and "declined to endorse" are against,
    "voted to reject" is against, "agreed to sign" is for. The first verb's side
    turns the second's."""
    out: list[_Role] = []
    for r in roles:
        prev = out[-1] if out else None
        if (
            prev is not None and not r.noun_form  # "refused to sign", and "its refusal to sign"
            and prev.role in (lang.FOR, lang.AGAINST) and r.role in (lang.FOR, lang.AGAINST)
            and _TO_RE.fullmatch(text, prev.end, r.start)
        ):
            role = r.role if prev.role == lang.FOR else lang.opposite(r.role)
            out[-1] = _Role(role, prev.start, r.end, False, prev.left_out and lang.opposite(role))
            continue
        out.append(r)
    return out


def _same_clause(a: int, b: int, breaks: list[int]) -> bool:
    lo, hi = (a, b) if a <= b else (b, a)
    i = bisect.bisect_right(breaks, lo)
    return i >= len(breaks) or breaks[i] >= hi


class _Breaks:
    """Clauses as the spans between break offsets (punctuation and conjunctions)."""

    def __init__(self, breaks: list[int]):
        self.breaks = breaks

    def same(self, value: int, other: int) -> bool:
        return _same_clause(value, other, self.breaks)


class _ReaderClauses:
    """Clauses as the reader splits them: relative, reported and parenthetical
    clauses are apart from the clause around them, except a relative clause on the
    value's own noun ("the 164 countries that had approved it": "approved" gives
    the 164 their side). With `dependents`, any clause that depends on the value's
    counts too: the event of "164 backed it when it came to a vote in the General
    Assembly" is named in its time clause."""

    NOUN_REACH = 3  # tokens from a figure to the relative pronoun on its noun ("164 member states that")

    def __init__(self, text: str, dependents: bool = False):
        self.text = text
        self.dependents = dependents

    @property
    def reading(self) -> Reading:
        """The sentence, read on the first question (most sentences never ask)."""
        return read(self.text)

    def same(self, value: int, other: int) -> bool:
        first, second = self.reading.clause_at(value), self.reading.clause_at(other)
        if first is second:
            return True
        if first is None or second is None or not self._depends(second, first):
            return False
        return self.dependents or self._on_noun_of(second, value)

    def _depends(self, clause: Clause, on: Clause) -> bool:
        return clause.kind in (RELATIVE, SUBORDINATE) and clause.parent >= 0 and self.reading.clauses[clause.parent] is on

    def _on_noun_of(self, clause: Clause, value: int) -> bool:
        """Does the clause open right after the value's noun, with only words between?"""
        tokens = self.reading.tokens
        opening = clause.tokens[0] if clause.tokens else -1
        i = bisect.bisect_right(self.reading.starts, value)
        between = tokens[i:opening]
        return opening >= i and len(between) <= self.NOUN_REACH and all(t.kind == "word" for t in between)


def _first_within(roles: list[_Role], start: int) -> int:
    """Index of the first role that may lie within reach of start (roles sorted)."""
    lo, hi = 0, len(roles)
    target = start - 2 * _MAX_STANCE_DISTANCE
    while lo < hi:
        mid = (lo + hi) // 2
        if roles[mid].start < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


# ("went before the General Assembly" is a place, not a time)
_TIME_BOUND_RE = regex(
    r"(?<!\bwent\s)(?<!\bcame\s)(?<!\bgoes\s)(?<!\bcome\s)(?<!\bgo\s)(?<!\bput\s)(?<!\bbrought\s)(?<!\bplaced\s)(?<!\blaid\s)"
    r"\b(?:after|before|since|until|following|ahead\s+of|prior\s+to)\s+(?:the\s+)?\Z",
    re.IGNORECASE,
)
_SUBORDINATE_RE = regex(r"\b(?:when|whereas|because|after|before|until|unless|if)\b", re.IGNORECASE)


def _nearest(roles: list[_Role], start: int, end: int, clauses: _Clauses, text: str) -> _Role | None:
    """The role expression closest to a value in its clause; ties go to the one after it."""
    best: tuple[int, int, _Role] | None = None
    # roles are in text order: only those within reach are looked at (linear overall)
    for r in roles[_first_within(roles, start) :]:
        if r.start > end + _MAX_STANCE_DISTANCE:
            break
        if r.start >= end:
            distance, after = r.start - end, 0
        elif r.end <= start:
            if _SUBORDINATE_RE.search(text, r.end, start):
                continue  # "the holdouts when 164 members approved": the figure has its own clause
            distance, after = start - r.end, 1
        else:
            continue
        if distance > _MAX_STANCE_DISTANCE or not clauses.same(start, r.start):
            continue
        key = (distance, after)
        if best is None or key < best[:2]:
            best = (distance, after, r)
    return best[2] if best else None


def _stances(text: str, mentions: list[Mention], roles: list[_Role], breaks: list[int]) -> list[Stance]:
    """Who took which side: a name before its stance word, or listed after a stance noun."""
    stances: list[Stance] = []
    topic = [x for x in mentions if x.kind in (SUBJECT, EVENT)]
    names = [x for x in mentions if x.kind in (ENTITY, NAME)]
    roles = [r for r in roles if _about_topic(text, r, topic, names)]
    for m in mentions:
        if m.kind not in (ENTITY, NAME) or _is_attribution(text, m) or _MODIFIER_RE.match(text, m.end):
            continue
        if _POSSESSED_BODY_RE.match(text, m.end) or _body_of(text, m):
            continue
        best: tuple[int, _Role] | None = None
        for r in roles:
            if r.start >= m.end:
                if not r.noun_form and _PASSIVE_AGENT_RE.match(text, r.end):
                    continue  # "the US statement, signed by X": X signed it, not the US
                if _own_subject_between(text, m, r, mentions):
                    continue  # "Belgium's government fell after Michel went to back it"
                distance = r.start - m.end
                if r.noun_form and not _BEFORE_ROLE_NOUN_RE.fullmatch(_blank_names(text, m.end, r.start, mentions)):
                    continue  # "Hungary … Supporters of the accord": not "Hungary was among the supporters"
            elif r.end <= m.start:
                # names after a stance word: a list right after it ("holdouts were
                # A, B and C", "backed by A and B"), nothing further away
                between = _blank_names(text, r.end, m.start, mentions)
                linked = r.noun_form or _AFTER_ROLE_LINK_RE.match(between)
                if not linked or not _LIST_TAIL_RE.fullmatch(between[linked.end() if linked is not True else 0 :]):
                    continue
                distance = m.start - r.end
                # a list set off by dashes still belongs to its stance noun:
                # "Opponents — chief among them A, B and C — argued …"
                if r.noun_form and distance <= _MAX_STANCE_DISTANCE and not _HARD_BREAK_RE.search(text, r.end, m.start):
                    if best is None or distance < best[0]:
                        best = (distance, r)
                    continue
            else:
                continue
            if distance > _MAX_STANCE_DISTANCE or not _same_clause(m.start, r.start, breaks):
                continue
            if _subordinate_side(text, m, r):
                continue
            if best is None or distance < best[0]:
                best = (distance, r)
        if best:
            role = best[1].left_out or best[1].role
            own_clause = best[1].start >= m.end and re.match(r"\s*,?\s*(?:which|who|that)\b", text[m.end : best[1].start])
            if not own_clause and lang.EXCEPT_RE.search(text, _reach(text, m.start, 6), m.start):
                role = lang.opposite(role)
            event = _event_for([e for e in mentions if e.kind == EVENT], best[1].start, _Breaks(breaks), text)
            stances.append(Stance(m.id, role, m.start, m.end, event))
    stances += _event_stances(text, mentions, roles)
    return stances


def _subordinate_side(text: str, name: Mention, role: _Role) -> bool:
    """Is the stance word in a subordinate clause the name is not in, in another
    clause with a subject of its own, or in a relative clause on other names? In
    "Bulgaria and Estonia are unsure whether they'll sign" the side is what they may
    do; in "Hungary, after the US pulled out, said ...", "A joined the nay-sayers and
    a dozen others abstained" and "Latvia differs from Estonia and Lithuania, both of
    which back it" it is someone else's."""
    reading = read(text)
    own, other = reading.clause_at(name.start), reading.clause_at(role.start)
    if other is None or other is own or not other.tokens:
        return False
    v = vocabulary()
    if other.kind == RELATIVE and other.tokens:
        # "a different position to those of Estonia and Lithuania, both of which have
        # decided to support it": the side is the antecedent's, not an earlier name's
        return not _just_before(reading, name.end, reading.tokens[other.tokens[0]].start)
    if other.kind == COORDINATE:
        # "A and B joined the nay-sayers and a dozen others abstained": the second
        # clause has a subject of its own before its verb
        before = [reading.tokens[i] for i in other.tokens if reading.tokens[i].end <= role.start]
        skip = v.coordinators | v.auxiliaries | v.negators | v.modal_words | v.prepositions | {"to"}
        return any(t.kind == "word" and t.lower not in skip and not t.lower.endswith("ly") for t in before)
    if other.kind != SUBORDINATE:
        return False
    opening = reading.tokens[other.tokens[0]].lower
    return opening in v.subordinators or opening in v.initial_subordinators  # not "that": "the 164 that approved it"


def _just_before(reading: Reading, end: int, opening: int) -> bool:
    """Is the name (ending at `end`) in the noun group a relative clause opening at
    `opening` is about: nothing between them but a list's other names ("Estonia
    and Lithuania, both of which ...")?"""
    between = [t for t in reading.tokens if end <= t.start < opening and t.kind == "word"]
    return all(t.text[:1].isupper() or t.lower in ("and", "or", "the") for t in between)


def _own_subject_between(text: str, name: Mention, role: _Role, names: list[Mention]) -> bool:
    """A subordinate clause with a subject of its own lies between a name and a
    stance word after it: the side is that subject's ("… collapsed after Prime
    Minister Michel travelled to Marrakech to back the pact", "… a year before the
    compact was adopted")."""
    sub = _SUBORDINATE_RE.search(text, name.end, role.start)
    return bool(sub) and any(sub.end() <= n.start and n.end <= role.start for n in names)


def _event_stances(text: str, mentions: list[Mention], roles: list[_Role]) -> list[Stance]:
    """What an event decided, when the event is the one deciding: "the General
    Assembly (formally) endorsed the compact", "it was endorsed by the General
    Assembly". The event stands in the stance's place of a party."""
    stances: list[Stance] = []
    for e in mentions:
        if e.kind != EVENT:
            continue
        for r in roles:
            if r.noun_form:
                continue
            acting = r.start >= e.end and _EVENT_AGENT_GAP_RE.fullmatch(text, e.end, r.start)
            passive = r.end <= e.start and _BY_EVENT_RE.fullmatch(text, r.end, e.start)
            if acting or passive:
                stances.append(Stance(e.id, r.role, e.start, e.end, e.id))
                break
    return stances


# a stance verb with its doer after it ("signed by X"), not a means ("by consensus")
_PASSIVE_AGENT_RE = regex(
    r"\s+by\s+(?!(?:consensus|acclamation|(?:a\s+)?(?:(?:wide|narrow|large|recorded)\s+)?(?:vote|majority|margin)|[^\W\d_]+ing)\b)",
    re.IGNORECASE,
)
_CLAUSE_PUNCT_RE = regex(r"[,;.]")
_SELF_REPORT_RE = regex(r"\s*(?:has\s+|had\s+)?(?:said|says|announced|stated|declared)\s+(?:that\s+)?(?:it|they)\b", re.IGNORECASE)
_TO_RE = regex(r"\s+to\s+", re.IGNORECASE)  # "Refuses To Sign" in a headline
# a side put as a question, not taken: "whether to back", "a decision on joining"
_UNDECIDED_BEFORE_RE = regex(
    r"\b(?:whether(?:\s+or\s+not)?\s+(?:to|it\s+(?:should|would))|(?:decision|decide|deciding|debate|row|vote|referendum)\s+(?:on|over|about)(?:\s+whether\s+to)?)\s+\Z",
    re.IGNORECASE,
)
# a possessive names the body that acts, not the country: "Switzerland's parliament"
def _body_of(text: str, m: Mention) -> bool:
    """Is the name the owner of a body named before it ("the Parliament of Belgium",
    "the Refugee Council of Australia")? The body acts, not the country."""
    before = read(text).words_before(m.start, 2)
    return len(before) == 2 and before[1] == "of" and before[0] in vocabulary().body_nouns


_POSSESSED_BODY_RE = regex(
    r"(?:(?<=['\u2019]s)|['\u2019]s)\s+(?:(?:governing|ruling|lower|upper|national|federal|main|largest|opposition|coalition)\s+)*"
    r"(?:parliament|coalition|opposition|part(?:y|ies)|courts?|media|press|public|people|citizens|voters|lawmakers|"
    r"legislators|legislature|MPs|senate|congress|unions?|churches|cities|regions|provinces|activists|critics)\b",
    re.IGNORECASE,
)
_EVENT_AGENT_GAP_RE = regex(
    r"\s*(?:(?:has|have|had|was|were|did|does|do|not|never|n't|formally|overwhelmingly|officially|finally|then|later|"
    r"also|duly|swiftly|narrowly|unanimously|eventually)\s+)*",
    re.IGNORECASE,
)
_BY_EVENT_RE = regex(r"\s+(?:\w+\s+)?by\s+(?:the\s+)?", re.IGNORECASE)


# after a stance verb, these show it has no object of its own ("failed to sign as …")
_INTRANSITIVE_RE = regex(
    r"\s*(?:[.,;:!?)\u2014]|(?:and|but|it|them|at|as|because|while|since|after|when|until|so|yet|despite|even|so far|in\s+(?!favou?r))\b)",
    re.IGNORECASE,
)


def _about_topic(text: str, role: _Role, topic: list[Mention], names: list[Mention]) -> bool:
    """Is a stance word about the table's subject? "signed the compact" is, "signed
    the statement" is not; a stance noun ("holdouts"), a passive ("approved by") or a
    verb with no object ("abstained.") needs no object."""
    if role.noun_form or role.role == lang.ABSTAIN:
        return True
    rest = text[role.end :]
    if re.match(r"\s*by\b", rest):  # passive: what was signed stands before ("the pact was signed by")
        reach = _reach(text, role.start, 6)
        before = text[reach : role.start]
        return bool(re.search(r"\b(?:it|which|that)\s+(?:was|were|is|has been|had been)?\s*$", before)) or any(
            reach <= t.end <= role.start for t in topic
        )
    if not rest.strip() or _INTRANSITIVE_RE.match(rest):
        return True
    at = role.end
    for _ in range(2):  # "withdrew the United States from the compact"
        lead = lang.OBJECT_LEAD_RE.match(text, at)
        at = lead.end() if lead else at
        if any(t.start <= at < t.end or at <= t.start <= at + 2 for t in topic):
            return True
        if lang.PROCESS_RE.match(text, at):
            return True  # "quit the talks", "withdrew from the negotiations"
        named = next((m for m in names if m.start <= at < m.end or at <= m.start <= at + 2), None)
        if named is None:
            return False
        at = named.end
    return False


_BEFORE_ROLE_NOUN_RE = regex(
    r"[\s,]*(?:(?:and|or|the|as well as)[\s,]+)*"
    r"(?:(?:was|were|is|are|has been|have been|had been|remain(?:ed|s)?|became|become|as)\s+(?:(?:among|one of|two of|some of|all|also|still|not)\s+)*"
    r"|(?:among|one of)\s+)"
    r"(?:(?:the|a|an|its|their|main|chief|leading|key|fiercest|most vocal|prominent)\s+)*(?:[a-z-]+\s+)?",
    re.IGNORECASE,
)
_HARD_BREAK_RE = regex(r"[;:()]")
_STRONG_RE = regex(r"-strong\b", re.IGNORECASE)
_LIST_TAIL_RE = regex(
    r"[\s,:\u2014\u2013]*(?:(?:and|or|as well as|the|also|were|was|are|is|by|led|headed|spearheaded|among|them|to|of|for|at|all|every|each|"
    r"chief|chiefly|notably|most notably|particularly|especially|mainly|principally|"
    r"members?|states|countries|nations|except|excluding|but|other than|apart from|save|including|alongside|along with|together with)[\s,:\u2014\u2013]+)*",
    re.IGNORECASE,
)


def _blank_names(text: str, start: int, end: int, mentions: list[Mention]) -> str:
    """text[start:end] with the names in it replaced by commas, so that what is left
    shows whether they form a list."""
    chars = list(text[start:end])
    for m in mentions:
        if start <= m.start and m.end <= end:
            chars[m.start - start : m.end - start] = [","] * (m.end - m.start)
    return "".join(chars)


_PASSIVE_BEFORE_RE = regex(r"(?:\b(?:was|were|is|are|been|being)\s+(?:\w+ly\s+)?|,\s*)$", re.IGNORECASE)


def _founded(text: str, mentions: list[Mention]) -> frozenset[str]:
    """What was created, established or launched: the name before a passive or
    participle ("the Network was created", "the fund, launched in May"), else the
    name right after an active verb ("established the Network")."""
    names = [m for m in mentions if m.kind in (ENTITY, NAME, SUBJECT)]
    found: set[str] = set()
    for verb in lang.FOUNDING_RE.finditer(text):
        if re.match(r"\s+by\b", text[verb.end() :]) and not _PASSIVE_BEFORE_RE.search(text, _reach(text, verb.start(), 3), verb.start()):
            # "the start-up fund launched by the Network": the name just before it
            just_before = [m for m in names if m.end <= verb.start() and not text[m.end : verb.start()].strip()]
            if just_before:
                found.add(just_before[-1].id)
                continue
            # "Launched by the Network in May 2019, the start-up fund …": what follows the phrase
            comma = text.find(",", verb.end())
            after = [m for m in names if comma >= 0 and m.start > comma and m.start - comma <= 40]
            if after:
                found.add(after[0].id)
        elif _PASSIVE_BEFORE_RE.search(text, _reach(text, verb.start(), 3), verb.start()):
            before = [m for m in names if m.end <= verb.start() and verb.start() - m.end <= 60]
            if before:
                found.add(before[-1].id)
        else:
            after = [m for m in names if m.start >= verb.end() and m.start - verb.end() <= 12]
            if after:
                found.add(after[0].id)
    return frozenset(found)


def _is_attribution(text: str, m: Mention) -> bool:
    before = text[_reach(text, m.start, 3) : m.start].lower()
    after = text[m.end :].lower()
    if re.match(r"\s*(?:said|says)\s+(?:no|yes)\b", after):
        return False  # "Hungary said no" takes a side
    if _SELF_REPORT_RE.match(text, m.end):
        return False  # "Australia said it would not sign": the speaker is the subject
    return "according to" in before or bool(re.match(r"\s*(?:has |had )?(?:said|says|reported|told|stated|warned|noted|added)\b", after))


# --- nouns, events, legal force ------------------------------------------------------


_POSSESSIVE_END_RE = regex(r"['\u2019]s$")
_NOUN_LEAD_RE = regex(r"[-\u2013\s]*(?:of\s+(?:the\s+)?)?", re.IGNORECASE)
_NOUN_TOKEN_RE = regex(r"[A-Za-z\u00C0-\u024F][\w\u00C0-\u024F.'\u2019-]*|[,;:()\"\u201c\u201d]")


def _counted_noun(text: str, end: int, mentions: list[Mention] = ()) -> str:  # type: ignore[assignment]
    """Stems of the words a number counts: "152 member states voting" -> "member stat".
    Known names are skipped: "38 UN system entities" counts entities, not the UN.
    "An eight-strong committee" counts its members."""
    if _STRONG_RE.match(text, end):
        return lang.stem("members")
    lead = _NOUN_LEAD_RE.match(text, end)
    start = lead.end() if lead else end
    names = [(m.start, m.end) for m in mentions if m.kind != NAME]
    words: list[str] = []
    for w in _NOUN_TOKEN_RE.finditer(text, start):
        if any(s <= w.start() < e for s, e in names):
            continue
        token = w.group(0)
        low = token.lower().rstrip(".")
        if low == "and" and 0 < len(words) <= 2:
            continue  # "10 cross-cutting and interdependent guiding principles"
        if not token[0].isalpha() or low in _NOUN_STOP or lang.ROLE_RE.fullmatch(low):
            break
        if lang.ROLE_RE.match(text, w.start()):
            break  # a stance phrase: "152 voted in favour" counts no "voted"
        # a verb after the noun ends it: "152 member states voted", "23 objectives covering"
        if words and (low.endswith(("ing", "ed")) and not low.endswith("thing")):
            break
        if _POSSESSIVE_END_RE.search(low) and len(low) > 2:
            words = []  # "152 of the world body's 193 member states": the owner is not counted
            continue
        words.append(lang.stem(low))
        if len(words) == 5 or _plural_head(low):
            break  # "90 civil society actors commend governments": the plural ends the group
    return " ".join(words)


def _day_after_month(text: str, q: Quantity) -> bool:
    """Is the number a day written after its month and a comma ("adopted on
    December, 10, at the conference"), which the date reader does not take?"""
    if not (q.kind == "count" and float(q.value).is_integer() and 1 <= q.value <= 31 and text[q.start : q.end].isdigit()):
        return False
    i = q.start
    while i > 0 and text[i - 1] in " ,":
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    following = text[q.end : q.end + 1]
    return text[j:i].lower() in FULL_MONTHS and "," in text[i:q.start] and following in ("", ",", ".", ";")


def _plural_head(word: str) -> bool:
    """A plural noun, which ends a counted group: "actors", "states", "entities"."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


@cache
def _synonym_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for group in lang.NOUN_SYNONYMS:
        words = [lang.stem(w) for w in group.split()]
        table.update({w: words[0] for w in words})
    return table


def _synonym(word: str) -> str:
    return _synonym_table().get(word, word)


def nouns_compatible(a: str, b: str) -> int:
    """How well two counted nouns fit: 3 share a word, 2 both name parties, 1 one is
    unknown, 0 they count different things."""
    party = party_stems()
    if not a or not b:
        return 1
    wa, wb = {_synonym(w) for w in a.split()}, {_synonym(w) for w in b.split()}
    if wa & wb:
        return 3
    if wa & party and wb & party:
        return 2
    return 0


def _event_for(events: list[Mention], offset: int, clauses: _Clauses, text: str) -> str:
    """The event named in the value's clause (the nearest by its nearer edge), else the
    last one named before it ("endorsed by the General Assembly …, with 152
    votes"). An event only named in a later clause is not the value's ("The year
    2020 would be a test … — reviews to feed into the Review Forum in 2022")."""
    in_clause = [e for e in events if clauses.same(offset, e.start)]
    if in_clause:
        return min(in_clause, key=lambda e: offset - e.end if e.end <= offset else abs(e.start - offset)).id
    # not past a semicolon: "164 signed up in Marrakech; Washington had walked out in 2017"
    before = [e for e in events if e.end <= offset and ";" not in text[e.end : offset]]
    return before[-1].id if before else ""


def _binding(text: str) -> bool | None:
    """The legal force the sentence gives: False for "non-binding", "not legally
    binding", "Nothing in it is binding"; True for "binding" and "not non-binding";
    None for a force of another kind ("politically binding")."""
    m = lang.NON_BINDING_RE.search(text)
    if m:
        if "not" not in text[: m.start()].lower():
            return False  # nothing to turn it (read the sentence only when something may)
        before = [w for w in read(text).words_before(m.start(), 2) if w not in ("a", "an")]
        return bool(before) and before[-1] == "not"  # "not a non-binding text" is binding
    m = lang.BINDING_RE.search(text)
    if not m:
        return None
    reading = read(text)
    if set(reading.words_before(m.start(), 1)) & vocabulary().other_forces:
        return None  # "politically binding": a force of another kind, not legal force
    clause = reading.clause_at(m.start())
    return not (clause is not None and reading.negated_before(clause, m.start()))
