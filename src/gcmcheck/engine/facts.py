"""Compare one checkable fact of a statement with one version of a claim.

A fact is a value the statement commits to: a number (with its role, counted noun
and event), a date, a side someone took, the legal force, or membership of a named
list. Comparison returns MATCH, MISMATCH (with the sourced value) or None when the
claim says nothing about it. Only typed values decide; similarity never does.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from gcmcheck.analysis import language as lang
from gcmcheck.analysis.analyser import ATTRIBUTIVE, TOTAL, nouns_compatible, party_stems as _party
from gcmcheck.analysis.dates import dates_agree, format_date
from gcmcheck.analysis.numbers import format_quantity, quantities_agree
from gcmcheck.engine.compiled import CompiledClaim
from gcmcheck.models import Analysis, DateMention, Mention, Quantity, Stance, Value
from gcmcheck.reader.clauses import NOUN_GROUP_REACH, plain_words, read
from gcmcheck.reader.tokens import WORD, Token
from gcmcheck.reader.vocabulary import Vocabulary, vocabulary
from gcmcheck.regex_cache import regex

QUANTITY, DATE, STANCE, BINDING, MEMBER, VENUE = "quantity", "date", "stance", "binding", "member", "venue"
ORDER = "order"  # which of two events came first (see gcmcheck.engine.order)
MATCH, MISMATCH = "match", "mismatch"

ROLE_WORDS = {lang.FOR: "in favour", lang.AGAINST: "against", lang.ABSTAIN: "abstained", lang.PENDING: "pending"}


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    start: int
    end: int
    text: str
    value: Value | None = None
    stance: Stance | None = None
    binding: bool | None = None
    entity: str = ""
    negated: bool = False  # "is not a member of"
    # worked out once per statement for a value's fact (None: not yet): the values
    # near it, and its years in its clause ("281 million in 2020") if it is dated
    neighbours: tuple[Value, ...] | None = None
    clause_years: tuple[DateMention, ...] | None = None

    @property
    def event(self) -> str:
        return self.value.event if self.value else ""


@dataclass(frozen=True, slots=True)
class Comparison:
    outcome: str  # MATCH or MISMATCH
    expected: str  # the sourced value, as a reader would write it
    fixable: bool = False  # replacing the stated value with `expected` corrects it
    reason: str = ""
    fit: int = 0  # how closely the compared values describe the same thing: 5 × side fit + noun fit
    at: int = -1  # where the sourced value stands in the claim's version (-1: not one value)


def facts_of(statement: Analysis) -> list[Fact]:
    facts: list[Fact] = []
    for v in statement.values:
        kind = QUANTITY if v.quantity else DATE
        near = tuple(_neighbours(statement, v.start, v))
        years = _clause_years(statement, v.start, v, near)
        facts.append(Fact(kind, v.start, v.end, v.text, value=v, neighbours=near, clause_years=years))
    for s in statement.stances:
        facts.append(Fact(STANCE, s.start, s.end, statement.text[s.start : s.end], stance=s, entity=s.entity))
    if statement.binding is not None:
        facts.append(Fact(BINDING, 0, len(statement.text), "binding" if statement.binding else "non-binding", binding=statement.binding))
    if _may_host(statement.text):
        facts.extend(Fact(VENUE, m.start, m.end, m.text, entity=m.id) for m in venues(statement) if hosts(statement.text, m))
    return facts


def venues(a: Analysis) -> list[Mention]:
    """Places named with "in" or "at" (or "scheduled for"): "held in Geneva", "the
    conference in Marrakesh", "in the Moroccan capital Marrakech". The noun group
    after the preposition is read back from the name over determiners, capitalised
    words and place nouns ("city of"); only its last name is the place."""
    names = [m for m in a.mentions if m.kind in ("entity", "name", "event")]
    if not names:
        return []
    key = (a.text, tuple((m.start, m.id) for m in names))
    known = _VENUES.get(key)
    if known is not None:
        return known  # a claim's version is asked again for every statement it meets
    if len(_VENUES) >= 512:
        _VENUES.clear()
    known = _VENUES[key] = _venues(a.text, names)
    return known


_VENUES: dict[tuple[str, tuple[tuple[int, str], ...]], list[Mention]] = {}


def _venues(text: str, names: list[Mention]) -> list[Mention]:
    reading = read(text)
    v = vocabulary()
    tokens = reading.tokens
    starts = {m.start for m in names}
    found = []
    for m in names:
        first = bisect_left(reading.starts, m.start)
        last = max(first, bisect_left(reading.starts, m.end) - 1)
        body = m.kind != "event" and any(w.lower() in v.body_nouns for w in m.text.split())
        if _placed(tokens, first, v) and not _modifies_a_name(tokens, last, starts, v) and not body:
            found.append(m)  # "at the Ministry of Foreign Affairs" is an affiliation, not a place
    return found


def _placed(tokens: list[Token], first: int, v: Vocabulary) -> bool:
    """Does a placing word ("in", "at", "scheduled for") open the name's noun group?"""
    k = first - 1
    while k >= 0 and first - k <= NOUN_GROUP_REACH:
        t = tokens[k]
        if t.lower in v.placing:
            return True
        if t.lower == "for" and k > 0 and tokens[k - 1].lower in v.planning_for:
            return True
        of_place = t.lower == "of" and k > 0 and tokens[k - 1].lower in v.place_nouns
        if not (t.lower in v.determiners or t.lower in v.place_nouns or of_place or (t.kind == WORD and t.text[:1].isupper())):
            return False
        k -= 1
    return False


def _modifies_a_name(tokens: list[Token], last: int, starts: set[int], v: Vocabulary) -> bool:
    """Does another name follow in the same noun group ("the Moroccan capital
    Marrakech", "the Moroccan city of Marrakesh")? Then this one is its modifier."""
    k = last + 1
    while k < len(tokens) and k - last <= NOUN_GROUP_REACH:
        t = tokens[k]
        if t.start in starts:
            return True
        if not (t.lower in v.place_nouns or (t.lower == "of" and tokens[k - 1].lower in v.place_nouns)):
            return False
        k += 1
    return False


def _may_host(text: str) -> bool:
    """Has the sentence a hosting word at all? Most have not, and are not read for venues."""
    return not vocabulary().hosting_firsts.isdisjoint(plain_words(text))


def hosts(text: str, place: Mention) -> bool:
    """Is the place where something named before it in its clause happens ("a
    conference in Rabat", "scheduled for Geneva"), not any place after "at" ("the
    tally at the General Assembly")?"""
    reading = read(text)
    clause = reading.clause_at(place.start)
    if clause is None:
        return False
    v = vocabulary()
    words = [reading.tokens[i].lower for i in clause.tokens if reading.tokens[i].end <= place.start]
    return any(tuple(words[k : k + len(p)]) == p for p in v.hosting for k in range(len(words)))


def membership_facts(
    statement: Analysis, claim: CompiledClaim, background: frozenset[str], names: bool = True,
    apposed: frozenset[str] = frozenset(), known_only: bool = False,
) -> list[Fact]:
    """Names of the statement tested against the claim's named list.

    A name with a stance in the statement is judged by its stance instead. A closed
    list contradicts a name it lacks only when that name stands in for the members
    (no member is named) or is listed alongside them ("DESA, ILO and the World Bank").
    A name the statement gives the list's post in apposition (`apposed`: "X, the
    Director General of IOM,") is tested whether or not names are. `known_only`
    tests only the table's own entities, not capitalised words read as names.
    """
    if not claim.members:
        return []
    with_stance = {st.entity for st in statement.stances}
    named = [m for m in statement.mentions if m.kind in ("entity", "name") and m.id not in background]
    if not names:
        named = [m for m in named if m.id in apposed]
    elif known_only:
        named = [m for m in named if m.kind == "entity" or m.id in apposed]
    members = [m for m in named if m.id in claim.members]
    facts: list[Fact] = []
    negated = bool(lang.NEGATED_MEMBERSHIP_RE.search(statement.text))
    # a negation close to a name, not read as one of membership: better no answer
    # than a wrong one ("the list never had X on it" is not "X is on the list")
    text = statement.text
    negators = [] if negated or not statement.negated else [m.span() for m in lang.NEGATION_RE.finditer(text)]

    reading = read(text)

    def near(a: int, b: int) -> bool:  # at most _NEGATION_REACH words, and no pause, from a to b
        return reading.start_before(b, _NEGATION_REACH) <= a and not _PAUSE_RE.search(text, a, b)

    def unsure(start: int, end: int) -> bool:
        return any((n_end <= start and near(n_end, start)) or (end <= n_start and near(end, n_start)) for n_start, n_end in negators)

    for m in named:
        if (m.id in with_stance and m.id not in apposed) or unsure(m.start, m.end) or _POSSESSIVE_AFTER_RE.match(text, m.end):
            continue  # "Guterres's tenure as Secretary-General" asserts nothing of Guterres
        if m.kind == "name" and _AS_A_ROLE_RE.search(text, read(text).start_before(m.start, 2), m.start):
            continue  # "speaking as the Network Coordinator": a role someone plays, not a member
        if m.kind == "name" and " " not in m.text and reading.words_after(m.end, 1) == ["of"]:
            continue  # "the Office of the United Nations High Commissioner": the head of a longer name
        if m.id in apposed:  # given the post by the statement's own words
            facts.append(Fact(MEMBER, m.start, m.end, m.text, entity=m.id, negated=negated))
        elif m.id in claim.members:
            facts.append(Fact(MEMBER, m.start, m.end, m.text, entity=m.id, negated=negated))
        elif claim.claim.closed and m.id not in claim.names:
            # a one-holder list is a post: "X is IOM's Director General" names a holder
            post = len(claim.members) == 1
            cue = post or _membership_near(statement.text, m)
            titled = post and read(statement.text).words_before(m.start, 1) == ["the"]
            stands_in = not members and not statement.values and cue and not titled
            if stands_in or any(_listed_together(statement.text, m, other) for other in members):
                facts.append(Fact(MEMBER, m.start, m.end, m.text, entity=m.id, negated=negated))
    # the list's plain phrases ("national sovereignty"), where no name was read
    folded = statement.text.lower()
    names_at = [(m.start, m.end) for m in statement.mentions if m.kind in ("entity", "name")]
    for item in claim.claim.members:
        at = folded.find(item.lower())
        if at >= 0 and not any(s < at + len(item) and at < e for s, e in names_at) and not unsure(at, at + len(item)):
            facts.append(Fact(MEMBER, at, at + len(item), statement.text[at : at + len(item)], entity=item.lower(), negated=negated))
    return facts


_MEMBERSHIP_REACH = 40  # characters between a name and the words that make it a member


def _membership_near(text: str, m: Mention) -> bool:
    """Membership words tied to the name: "the World Bank is (also) a member of …",
    "… includes the World Bank", "among them the World Bank" (not "X said no single
    part of the UN community …")."""
    for cue in lang.MEMBERSHIP_RE.finditer(text, max(0, m.start - _MEMBERSHIP_REACH), m.end + _MEMBERSHIP_REACH):
        if cue.end() <= m.start:
            if _MEMBER_BEFORE_GAP_RE.fullmatch(text, cue.end(), m.start):
                return True
        elif _MEMBER_AFTER_GAP_RE.fullmatch(text, m.end, cue.start()):
            return True
    return False


# what may stand between a name and the membership words after or before it
_MEMBER_AFTER_GAP_RE = regex(
    r"\s*(?:,\s*(?:which|who)\s+)?(?:(?:is|are|was|were|has|have|had|been|remains?|became|also|still|not|never|no\s+longer|itself|a|an|the)\s+)*",
    re.IGNORECASE,
)
_MEMBER_BEFORE_GAP_RE = regex(r"[\s:,]*(?:(?:are|is|were|was|them|the|also)[\s:,]+)*", re.IGNORECASE)


_AS_A_ROLE_RE = regex(r"\bas\s+(?:the\s+|a\s+|an\s+|its\s+)?\Z", re.IGNORECASE)
_POSSESSIVE_AFTER_RE = regex(r"['\u2019]s?\b")
_NEGATION_REACH = 7  # words between a negator and the name it may govern
_PAUSE_RE = regex(r"[,;:()\u2014\"\u201c\u201d]")


def _listed_together(text: str, a: Mention, b: Mention) -> bool:
    first, second = (a, b) if a.start < b.start else (b, a)
    return bool(_LIST_GLUE_RE.fullmatch(text[first.end : second.start]))


_LIST_GLUE_RE = regex(
    r"\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or|as well as)\s+|(?:(?:sits?|sat|serves?|served)\s+)?(?:alongside|along with|together with)\s+)(?:the\s+)?",
    re.IGNORECASE,
)


def compare(fact: Fact, version: Analysis, claim: CompiledClaim, statement: Analysis | None = None) -> Comparison | None:
    """How one version of a claim judges one fact; None when it says nothing of it.

    Values pair one to one: a sourced figure that another value of the statement
    states exactly is taken ("152 of the 193 members" does not compare 193 with 152).
    """
    # a whole ("of its 193 members") belongs to no event: it pairs with any claim's figure
    others = [v for v in _near(fact, statement) if v.event in ("", claim.event) or v.role == TOTAL] if statement else []
    if statement is not None and fact.kind in (QUANTITY, DATE) and _another_time(fact, statement, version, claim):
        return None
    if fact.kind == QUANTITY:
        return _compare_quantity(fact.value, version, others, claim.keywords)  # type: ignore[arg-type]
    if fact.kind == DATE:
        if statement is not None and statement.founded and version.founded and not statement.founded & version.founded:
            return None  # the date another thing was founded: "the Network, created in 2018" vs "launched the fund in 2019"
        return _compare_date(fact.value, version, others, statement.text if statement else None)  # type: ignore[arg-type]
    if fact.kind == STANCE:
        return _compare_stance(fact.stance, version, claim)  # type: ignore[arg-type]
    if fact.kind == BINDING:
        if version.binding is None:
            return None
        expected = "binding" if version.binding else "non-binding"
        return Comparison(MATCH if version.binding == fact.binding else MISMATCH, expected, reason="legal force")
    if fact.kind == VENUE:
        # a claim tied to no event gives a place only where something happens there:
        # "movements across Europe and in the United States" hold no meeting
        places = [p for p in venues(version) if claim.event or p.kind == "event" or hosts(version.text, p)]
        if not places:
            return None
        same = next((p for p in places if p.id == fact.entity), None)
        if same is not None:
            return Comparison(MATCH, places[0].text, at=same.start)
        return Comparison(MISMATCH, places[0].text, reason="place", at=places[0].start)
    if fact.kind == MEMBER:
        result = _compare_member(fact.entity, claim)
        if result is not None and fact.negated:
            flipped = MISMATCH if result.outcome == MATCH else MATCH
            return Comparison(flipped, result.expected, reason="list")
        return result
    return None


_NEIGHBOURHOOD = 400  # characters: values further apart do not pair


def _neighbours(statement: Analysis, at: int, value: Value | None) -> list[Value]:
    """The statement's values near a place other than `value` (values are in text
    order), so that pairing stays linear even on a statement with thousands of figures."""
    values = statement.values
    lo, hi = 0, len(values)
    while lo < hi:
        mid = (lo + hi) // 2
        if values[mid].start < at - _NEIGHBOURHOOD:
            lo = mid + 1
        else:
            hi = mid
    out: list[Value] = []
    for v in values[lo:]:
        if v.start > at + _NEIGHBOURHOOD:
            break
        if v is not value:
            out.append(v)
    return out


def _another_time(fact: Fact, statement: Analysis, version: Analysis, claim: CompiledClaim) -> bool:
    """A figure dated in its clause ("281 million migrants in 2020") and a sourced
    figure of another year are about different times: neither the figure nor the
    year refutes the other. (Dates of events, "endorsed on 19 December", are not
    time stamps of figures and are compared as usual.)"""
    if claim.event or not version.quantities:
        return False
    years = fact.clause_years
    if years is None:
        years = _clause_years(statement, fact.start, fact.value, _near(fact, statement))
    if not years:
        return False
    sourced = [v.date for v in version.dates if v.date and v.date.year]
    if not sourced:
        # a version without a year holds for the years its claim's other versions give
        return bool(claim.years) and not any(y.year in claim.years for y in years)
    return not any(dates_agree(y, d) for y in years for d in sourced)


def _near(fact: Fact, statement: Analysis) -> tuple[Value, ...] | list[Value]:
    return fact.neighbours if fact.neighbours is not None else _neighbours(statement, fact.start, fact.value)


def _clause_years(
    statement: Analysis, start: int, value: Value | None, near: tuple[Value, ...] | list[Value]
) -> tuple[DateMention, ...]:
    """The years in the clause of the value at start, if a figure is there too. A year
    with another figure between it and the value is that figure's: in "3.5 per cent
    now, against 2.8 per cent in 2000", 2000 dates 2.8, not 3.5."""
    clause = [v for v in (*near, value) if v is not None and statement.same_clause(v.start, start)]
    if value is not None and value.quantity:
        owned = owned_years(statement.text, value, clause)
        if owned:
            return owned  # "3.5% in 2000 and 2.8% by 2019": each share has its own year
    figures = [v.start for v in clause if v.quantity and v.start != start]
    years = tuple(
        v.date for v in clause
        if v.date and v.date.year and v.date.qualifier != ATTRIBUTIVE
        and not any(min(v.start, start) < f < max(v.start, start) for f in figures)
    )
    return years if years and any(v.quantity for v in clause) else ()


def owned_years(text: str, value: Value, clause: Iterable[Value]) -> tuple[DateMention, ...]:
    """The years of the figure's clause that belong to it: a year goes with the
    figure just before it ("3.5 per cent in 2000"), unless a figure follows it at
    once ("by 2019, 3.5 per cent"); a year before every figure goes with the first."""
    reading = read(text)
    own_clause = reading.clause_at(value.start)
    values = [v for v in clause if reading.clause_at(v.start) is own_clause]
    figures = sorted(v.start for v in values if v.quantity)
    owned = []
    for v in values:
        d = v.date
        if d is None or not d.year or d.month is not None or d.qualifier == ATTRIBUTIVE:
            continue  # "endorsed in December 2018" dates an act; a year alone stamps a figure
        after = [f for f in figures if f > v.start]
        before = [f for f in figures if f < v.start]
        if after and not text[v.end : after[0]].strip(" ,"):
            owner = after[0]
        else:
            owner = before[-1] if before else (after[0] if after else -1)
        if owner == value.start:
            owned.append(d)
    return tuple(owned)


def _compare_quantity(stated: Value, version: Analysis, others: list[Value], claim_words: frozenset[str]) -> Comparison | None:
    q = stated.quantity
    assert q is not None
    best: tuple[tuple[int, int, int, float], Value] | None = None
    for v in version.quantities:
        sq = v.quantity
        assert sq is not None
        if not _same_kind(q, sq) or _taken(v, others, stated.noun) or stated.change != v.change:
            continue  # a level is not a rise ("272 million" against "an increase of 51 million")
        noun = _noun_fit(stated.noun, v.noun)
        if stated.noun and not v.noun:
            # the claim must speak of what the statement counts ("refugees" are not in it)
            words = stated.noun.split()
            if 2 * sum(w in claim_words or w in _party() for w in words) <= len(words):
                noun = 0
        if noun == 0 and q.kind in ("measure", "money"):
            noun = 1  # the unit already says what is measured: "border" or "frontier"
        if noun == 0:
            continue
        if (stated.role == TOTAL and v.role not in ("", TOTAL)) or (v.role == TOTAL and stated.role not in ("", TOTAL)):
            continue  # a whole ("of its 193 members") is not a side's count
        if stated.role and v.role and _pending_beside(stated.role, {v.role}):
            continue
        role_fit = 2 if stated.role == v.role else (1 if not stated.role or not v.role else 0)
        agrees = figures_agree(q, sq)
        closeness = -abs(q.value - sq.value) / max(abs(sq.value), 1e-9)
        key = (role_fit, noun, int(agrees), closeness)
        if best is None or key > best[0]:
            best = (key, v)
    if best is None:
        return None
    (role_fit, noun, agrees, _), sourced = best
    sq = sourced.quantity
    assert sq is not None
    expected = format_quantity(sq)
    noun = role_fit * 5 + noun  # how closely the pair describes one thing: side first, then noun
    if role_fit == 0:
        # the sources give this figure for another side ("152 rejected" vs "152 in favour")
        if agrees:
            # the same figure given for another side: as close a pairing as there is
            return Comparison(MISMATCH, f"{expected} {ROLE_WORDS.get(sourced.role, sourced.role)}", reason="role", fit=10 + noun, at=sourced.start)
        return None
    if agrees:
        return Comparison(MATCH, expected, fit=noun, at=sourced.start)
    if q.kind == "count" and q.value < 1000 and not stated.noun and not stated.role and not q.hedge:
        return None  # a bare small number ("Draft 7", "Article 23") may agree with a figure but refutes none
    if stated.role and not sourced.role and q.kind == "count" and noun - role_fit * 5 < 3:
        # a side's count is refuted by a figure without a side only when both count
        # the same named thing: "5 against" says nothing of "193 members"
        return None
    fixable = q.hedge == sq.hedge or (not q.hedge and not sq.hedge)
    return Comparison(MISMATCH, expected, fixable=fixable, reason="value", fit=noun, at=sourced.start)


_LOWER_BOUNDS, _UPPER_BOUNDS = ("more", "atleast"), ("less", "atmost")


def figures_agree(stated: Quantity, sourced: Quantity) -> bool:
    """Ranges overlap, and a bound is not stretched: "more than 60,000" in the
    sources does not vouch for "more than 61,000" (nor "fewer than" the other way).
    A round figure at the sources' bound is that figure, rounded: "sixty thousand"
    for "more than 60,000"."""
    if not quantities_agree(stated, sourced):
        bound = sourced.hedge in _LOWER_BOUNDS or sourced.hedge in _UPPER_BOUNDS
        round_figure = stated.value >= 1000 and stated.value % 1000 == 0
        return bound and not stated.hedge and round_figure and abs(stated.value - sourced.value) <= 1e-9 * sourced.value
    if stated.hedge in _LOWER_BOUNDS and sourced.hedge in _LOWER_BOUNDS:
        return stated.value <= sourced.value * (1 + 1e-9)
    if stated.hedge in _UPPER_BOUNDS and sourced.hedge in _UPPER_BOUNDS:
        return stated.value >= sourced.value * (1 - 1e-9)
    return True


def _same_kind(a: Quantity, b: Quantity) -> bool:
    return a.kind == b.kind and (a.unit == b.unit or a.kind == "count")


@lru_cache(maxsize=256)
def _founding(text: str) -> bool:
    return bool(lang.FOUNDING_RE.search(text))


def _comparable(a: DateMention, b: DateMention) -> bool:
    """Two dates say something about each other only if they share a stated field
    ("18 December" and "2019" do not), and a year used as a label ("the 1990
    convention") only with another label."""
    if (a.qualifier == ATTRIBUTIVE) != (b.qualifier == ATTRIBUTIVE):
        return False
    return bool((a.year and b.year) or (a.month and b.month))


def _taken(sourced: Value, others: list[Value], noun: str | None = None) -> bool:
    """Another value of the statement states this sourced value, counting its thing
    at least as well as the value being compared (whose noun is given): "over 170
    countries" does not take "175 member states" from "175 member states". An
    exact figure takes it unless the value being compared names the sourced thing
    in its very words and the figure does not ("171 member states and present in
    175 countries" against "175 member states and a presence in 171 countries")."""
    for o in others:
        if sourced.quantity and o.quantity and o.quantity.kind == sourced.quantity.kind:
            if figures_agree(o.quantity, sourced.quantity) and o.role in ("", TOTAL, sourced.role):
                exact = o.quantity.value == sourced.quantity.value and not o.quantity.hedge
                if noun is None:
                    return True
                if exact and not (o.noun and noun == sourced.noun != o.noun):
                    return True
                if not exact and nouns_compatible(o.noun, sourced.noun) >= nouns_compatible(noun, sourced.noun):
                    return True
        if sourced.date and o.date and dates_agree(o.date, sourced.date):
            return True
    return False


def _noun_fit(stated: str, sourced: str) -> int:
    """How well a stated noun names a sourced figure's thing; the same words fit best."""
    return nouns_compatible(stated, sourced) + (bool(stated) and stated == sourced)


def _compare_date(stated: Value, version: Analysis, others: list[Value], statement_text: str | None = None) -> Comparison | None:
    d = stated.date
    assert d is not None
    candidates = [v for v in version.dates if v.date and not _taken(v, others) and _comparable(d, v.date)]
    if not candidates:
        return None
    for v in candidates:
        if dates_agree(d, v.date):  # type: ignore[arg-type]
            return Comparison(MATCH, format_date(v.date), at=v.start)  # type: ignore[arg-type]
    # "since 1951" bounds a period: it can confirm "founded in 1951" and refute
    # "founded in 1961", but says nothing of what happened in 2023
    founding = statement_text is not None and _founding(statement_text)
    candidates = [
        v for v in candidates
        if bool(v.date.qualifier) == bool(d.qualifier)  # type: ignore[union-attr]
        or (founding and v.date.qualifier == "since" and not d.qualifier)  # type: ignore[union-attr]
    ]
    if not candidates:
        return None
    # compare with the sourced date stated at the same precision, else the most precise
    def precision(v: Value) -> int:
        x = v.date
        assert x is not None
        return (x.year is not None) + (x.month is not None) + (x.day is not None)

    sourced = max(candidates, key=precision)
    assert sourced.date is not None
    return Comparison(MISMATCH, format_date(sourced.date), fixable=True, reason="date", at=sourced.start)


def _compare_stance(stated: Stance, version: Analysis, claim: CompiledClaim) -> Comparison | None:
    sourced = [s for s in version.stances if s.entity == stated.entity]
    if not sourced and stated.entity in claim.members:
        roles = {s.role for s in version.stances}
        sourced = [Stance(stated.entity, r) for r in roles] if len(roles) == 1 else []
    if not sourced:
        return None
    if stated.event and claim.event and claim.event != stated.event:
        return None  # a side taken at one event says nothing of another, either way
    roles = {s.role for s in sourced}
    if stated.role in roles:
        return Comparison(MATCH, ROLE_WORDS.get(stated.role, stated.role))
    if _pending_beside(stated.role, roles):
        return None
    role = sorted(roles)[0]
    return Comparison(MISMATCH, ROLE_WORDS.get(role, role), reason="side")


def _pending_beside(stated: str, sourced: set[str]) -> bool:
    """A step not taken yet ("had not yet signed") and a side other than taking it
    ("rejected", "abstained"): neither confirms nor refutes the other. Against
    taking it ("signed") it is a contradiction, as of when the source wrote."""
    roles = {stated, *sourced}
    return lang.PENDING in roles and lang.FOR not in roles and stated not in sourced


def _compare_member(entity: str, claim: CompiledClaim) -> Comparison | None:
    if entity in claim.members or entity in {m.lower() for m in claim.claim.members}:
        return Comparison(MATCH, ", ".join(claim.member_labels))
    if claim.claim.closed:
        return Comparison(MISMATCH, ", ".join(claim.member_labels), reason="list")
    return None
