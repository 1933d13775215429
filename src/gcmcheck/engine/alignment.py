"""Alignment: is a statement's fact about the same fact as a claim's value?

A value contradicts (or supports) a claim only when both are about the same
instrument, the same kind of act, the same event and the same kind of quantity,
and the statement asserts it. Each rule below checks one of these conditions on a
pair (the statement's fact, one version of a claim) and, when it fails, returns
why; the pair is then not compared at all, so an uncertain reading ends as
"unverifiable" instead of an alarm. Rules are listed in RULES with an id, a name
and their docstring (what it does, why, an example), which `gcmcheck rules` prints.
"""

from __future__ import annotations

import inspect
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache

from gcmcheck.analysis import language as lang
from gcmcheck.analysis.analyser import ATTRIBUTIVE, nouns_compatible, own_act_before
from gcmcheck.analysis.dates import FULL_MONTHS
from gcmcheck.analysis.lexicon import ENTITY, EVENT, NAME, OTHER, SUBJECT, Lexicon
from gcmcheck.engine.compiled import CompiledClaim
from gcmcheck.engine.facts import BINDING, DATE, MATCH, MEMBER, MISMATCH, QUANTITY, STANCE, VENUE, Comparison, Fact, owned_years, venues
from gcmcheck.models import Analysis, DateMention, Mention, Value
from gcmcheck.reader.clauses import (
    CONDITIONAL,
    DOUBT,
    FUTURE,
    GOVERNING_REACH,
    NOUN_GROUP_REACH,
    PARENTHETICAL,
    QUESTION,
    RELATIVE,
    REPORTED,
    Act,
    Clause,
    Reading,
)
from gcmcheck.reader.tokens import Token
from gcmcheck.reader.vocabulary import Vocabulary, vocabulary


TYPE_CHECKING = False  # typing costs 2 ms to import; mypy reads the guarded names
if TYPE_CHECKING:
    from typing import TypeVar

    T = TypeVar("T")

# A sentence that names nothing of a claim is on its topic when this share of its
# (weighted) words are the claim's.
TOPIC_OVERLAP = 0.5
# ... and shares at least this many of them: "Support for IPv6" shares one word with
# a claim about votes in support, which is no topic.
MIN_SHARED_WORDS = 2


class Pair:
    """One fact of a statement beside one version of a claim, with both readings.
    (A plain class: the dataclass machinery costs start-up time.)"""

    def __init__(
        self, statement: Analysis, reading: Reading, fact: Fact, claim: CompiledClaim, version: Analysis,
        version_reading: Reading, comparison: Comparison, lexicon: Lexicon, *, planned: bool = False,
        overlap: float = 0.0, claim_reading: Reading | None = None, background: frozenset[str] = frozenset(),
        clause_only: bool = False, agreeing_of: Callable[[], tuple[str, ...]] | None = None,
        voted_events: frozenset[str] = frozenset(),
        post_holders: frozenset[str] = frozenset(),
        event_date: DateMention | None = None,
    ) -> None:  # fmt: skip
        self.statement = statement
        self.reading = reading
        self.fact = fact
        self.claim = claim
        self.version = version
        self.version_reading = version_reading
        self.comparison = comparison
        self.lexicon = lexicon
        self.planned = planned  # the claim speaks of a time after its sources (a plan)
        self.overlap = overlap  # the share of the sentence's weighted words that the claim has
        self.claim_reading = claim_reading or version_reading  # the claim's own statement, read
        self.background = background  # names found all over the table ("UN")
        self.clause_only = clause_only  # the claim fits only the clauses that name nobody it does not know
        self.agreeing_of = agreeing_of  # works out `agreeing`, on need
        self.voted_events = voted_events  # the events at which the table records a vote
        self.post_holders = post_holders  # the table's holders of posts (people), by id
        self.event_date = event_date  # the date the table gives the claim's event, if any

    @cached_property
    def agreeing(self) -> tuple[str, ...]:
        """Other claims whose value for this fact agrees, by their event or statement."""
        return self.agreeing_of() if self.agreeing_of is not None else ()

    @cached_property
    def at(self) -> int:
        """Where the fact's words are: a legal-force fact spans the sentence, so its
        word ("binding") is looked up."""
        if self.fact.kind == BINDING:
            m = lang.NON_BINDING_RE.search(self.reading.text) or lang.BINDING_RE.search(self.reading.text)
            return m.start() if m else self.fact.start
        return self.fact.start

    @cached_property
    def clause(self) -> Clause | None:
        return self.reading.clause_at(self.at)

    @cached_property
    def act(self) -> Act | None:
        """The act that governs the fact in its clause (the same for every claim the
        fact meets: worked out once per statement)."""
        key = ("governing", self.at, self.fact.end)
        memo = self.reading.memo
        if key not in memo:
            memo[key] = self.clause.governing(self.reading.tokens, self.at, max(self.at, self.fact.end)) if self.clause else None
        return memo[key]  # type: ignore[no-any-return]

    @cached_property
    def sourced_act(self) -> Act | None:
        """The act that governs the sourced value (worked out once per version)."""
        key = ("governing", self.comparison.at)
        memo = self.version_reading.memo
        if key not in memo:
            c = self.sourced_clause
            memo[key] = c.governing(self.version_reading.tokens, self.comparison.at, self.comparison.at + 1) if c is not None else None
        return memo[key]  # type: ignore[no-any-return]

    @cached_property
    def sourced_clause(self) -> Clause | None:
        at = self.comparison.at
        return self.version_reading.clause_at(at) if at >= 0 else None

    def own_years(self) -> tuple[DateMention, ...]:
        """The years that belong to the fact's figure in its clause ("3.5 per cent in 2000")."""
        if self.fact.value is None:
            return ()
        near = [*(self.fact.neighbours or ()), self.fact.value]
        return owned_years(self.statement.text, self.fact.value, [v for v in near if self.statement.same_clause(v.start, self.fact.start)])

    def mentions_in(self, analysis: Analysis, reading: Reading, clause: Clause | None) -> list[Mention]:
        """The analysis's names that stand in the clause (all of them without one)."""
        if clause is None:
            return list(analysis.mentions)
        return _grouped(reading, analysis, "mentions", analysis.mentions).get(id(clause), [])

    def dates_in(self, analysis: Analysis, reading: Reading, clause: Clause | None) -> list[DateMention]:
        """The analysis's dates that stand in the clause."""
        if clause is None:
            return []
        return [v.date for v in _grouped(reading, analysis, "dates", analysis.dates).get(id(clause), []) if v.date]

    def instruments_of_claim(self) -> set[str]:
        """The instruments the claim names, else its event's when that is one, else
        the table's subject: a table's claims are about its subject unless they say."""
        named = self.instruments(list(self.version.mentions))
        if named:
            return named
        return {self.claim.event} if self.claim.event in self.lexicon.instruments else {SUBJECT}

    def instruments(self, mentions: list[Mention]) -> set[str]:
        """The instruments named: "subject" for the table's own, else the id of another."""
        found: set[str] = set()
        for m in mentions:
            if m.kind == SUBJECT:
                found.add(SUBJECT)
            elif m.kind == OTHER or (m.kind in (ENTITY, EVENT) and m.id in self.lexicon.instruments):
                found.add(m.id)
        return found


class Rule:
    """A named alignment rule: its id, name and check, and the facts it applies to."""

    __slots__ = ("id", "name", "check", "elsewhere", "kinds", "disagreeing", "doubts_agreement")

    def __init__(
        self, rule_id: str, name: str, check: Callable[[Pair], str | None], elsewhere: bool = False,
        kinds: tuple[str, ...] | None = None, disagreeing: bool = False, doubts_agreement: bool = False,
    ) -> None:  # fmt: skip
        self.id = rule_id
        self.name = name
        self.check = check
        # the value it sets aside is no claim of this kind at all (a note marker, a
        # prediction, another instrument's): its disagreement casts no doubt on the rest
        self.elsewhere = elsewhere
        self.kinds = kinds  # the kinds of fact it reads (None: every kind)
        self.disagreeing = disagreeing  # it reads only facts that disagree with the sources
        # an agreement it sets aside is a reading it doubts: the sentence is then not supported
        self.doubts_agreement = doubts_agreement

    def __repr__(self) -> str:
        return f"Rule({self.id!r}, {self.name!r})"

    @property
    def doc(self) -> str:
        """What it does, why, and an example (the rule function's docstring)."""
        return inspect.cleandoc(self.check.__doc__ or "")

    def applies(self, kind: str, outcome: str) -> bool:
        return (self.kinds is None or kind in self.kinds) and (not self.disagreeing or outcome == MISMATCH)


RULES: list[Rule] = []
# the rules that apply to a kind of fact and an outcome, the "elsewhere" ones first
_APPLICABLE: dict[tuple[str, str], list[Rule]] = {}


def rule(
    rule_id: str, name: str, elsewhere: bool = False, kinds: tuple[str, ...] | None = None, disagreeing: bool = False,
    doubts_agreement: bool = False,
) -> Callable[[Callable[[Pair], str | None]], Callable[[Pair], str | None]]:
    def register(check: Callable[[Pair], str | None]) -> Callable[[Pair], str | None]:
        RULES.append(Rule(rule_id, name, check, elsewhere, kinds, disagreeing, doubts_agreement))
        _APPLICABLE.clear()
        return check

    return register


def misaligned(pair: Pair) -> tuple[Rule, str] | None:
    """The first rule that finds the pair is not about one fact, and why. Only the
    rules for the fact's kind and outcome are asked. Rules that find the value is no
    claim at all (elsewhere) are asked first, so that a dateline or a prediction is
    reported as such rather than as a doubtful reading."""
    key = (pair.fact.kind, pair.comparison.outcome)
    rules = _APPLICABLE.get(key)
    if rules is None:
        rules = _APPLICABLE[key] = sorted((r for r in RULES if r.applies(*key)), key=lambda r: not r.elsewhere)
    for r in rules:
        why = r.check(pair)
        if why:
            return r, why
    return None


# --- the rules ---------------------------------------------------------------------


@rule("A101", "other-instrument", elsewhere=True)
def other_instrument(p: Pair) -> str | None:
    """What it does: keeps a fact about one instrument away from claims about another.

    Why: the migration compact, the refugee compact, the corporate UN Global Compact
    and the Migrant Workers Convention share words and figures; the Convention's 55
    ratifications say nothing about the compact.

    Example: "Only 55 states have ratified the Global Compact for Migration." is not
    supported by "55 states have ratified the Migrant Workers Convention".

    The statement's instruments are those named in the fact's clause, else in the
    sentence; the claim's are those named where its value stands, else anywhere in
    it, else the table's subject. They must overlap. A generic mention ("the pact")
    in a sentence that names another instrument by name points back to that one:
    "The US rejected the Global Compact on Refugees, joined by Hungary out of 193
    member states, saying the pact ..." is about the refugee compact.
    """
    key = ("stated instruments", id(p.clause))
    stated = p.reading.memo.get(key)
    if stated is None:  # the same for every claim the fact meets
        stated = p.reading.memo[key] = _stated_instruments(p)
    if not stated:
        return None
    sourced_key = ("sourced instruments", id(p.version), id(p.claim), p.comparison.at)
    sourced = p.version_reading.memo.get(sourced_key)
    if sourced is None:
        sourced = p.version_reading.memo[sourced_key] = frozenset(
            p.instruments(p.mentions_in(p.version, p.version_reading, p.sourced_clause))
            # a clause that names none is about the claim's event when that is an
            # instrument: "Work on the compact began in 2016, when all 193 states
            # adopted a declaration": the 193 adopted the declaration
            or ({p.claim.event} if p.sourced_clause is not None and p.claim.event in p.lexicon.instruments else set())
            or p.instruments_of_claim()
        )
    if stated & sourced:
        return None
    if _same_document_noun(p):
        return None  # both clauses speak of "a declaration" the same way
    return f"the sentence is about {_names(set(stated), p)}, the claim about {_names(set(sourced), p)}"


def _same_document_noun(p: Pair) -> bool:
    """Do the fact's clause and the sourced value's clause both describe a document
    by the same noun ("when all 193 states adopted a declaration")?"""
    if p.clause is None or p.sourced_clause is None:
        return False
    nouns = vocabulary().instrument_nouns

    def bare(reading: Reading, clause: Clause, analysis: Analysis) -> set[str]:
        # nouns outside every name: "a declaration", not the "Compact" of a name
        spans = [(m.start, m.end) for m in analysis.mentions]
        return {
            t.lower for t in (reading.tokens[i] for i in clause.tokens)
            if t.lower in nouns and not any(a <= t.start < b for a, b in spans)
        }

    return bool(bare(p.reading, p.clause, p.statement) & bare(p.version_reading, p.sourced_clause, p.version))


def _stated_instruments(p: Pair) -> frozenset[str]:
    """The instruments the fact's clause names, else the sentence's (none when the
    sentence names the subject and its clause nothing: it may be about the subject).
    An instrument named as a standard of comparison ("unlike the migration pact") is
    not the one the figure is about."""
    in_clause = [m for m in p.mentions_in(p.statement, p.reading, p.clause) if not _compared(p, m)]
    stated = p.instruments(in_clause)
    if not stated or stated == {SUBJECT} and _generic_subject_only(p, in_clause):
        stated = p.instruments([m for m in p.statement.mentions if not _compared(p, m)])
        if SUBJECT in stated and not _generic_subject_only(p, list(p.statement.mentions)):
            return frozenset()  # the sentence names the subject: a clause naming none may be about it
        if SUBJECT in stated and stated - {SUBJECT}:
            stated -= {SUBJECT}  # "the Refugee Compact ... the pact": "the pact" points back to the one named
    return frozenset(stated)


def _compared(p: Pair, m: Mention) -> bool:
    """Is the name a standard of comparison ("unlike the refugee compact", "than
    the Convention")? The words of comparison are listed in the language file."""
    return _phrase_before(p, m.start, vocabulary().comparison_words)


def _phrase_before(p: Pair, offset: int, phrases: tuple[tuple[str, ...], ...]) -> bool:
    """Do the words just before offset (determiners aside) end with one of the phrases?"""
    v = vocabulary()
    before = tuple(p.reading.words_before(offset, 4))
    while before and before[-1] in v.determiners:
        before = before[:-1]
    if not before:
        return False
    return any(before[len(before) - len(w) :] == w for w in _by_last_word(phrases).get(before[-1], ()))


@lru_cache(maxsize=None)
def _by_last_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """The phrases by their last word, so that only those that can end here are tried."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            index.setdefault(phrase[-1], []).append(phrase)
    return index


@rule("A102", "act-family", kinds=(QUANTITY, DATE))
def act_family(p: Pair) -> str | None:
    """What it does: compares figures and dates only across acts of one family.

    Why: "ratified by 150 countries" counts ratifications, "approved by 164 states"
    counts approvals; "died since 2000" is not "adopted in 2000". Families are listed
    in the reader's language file.

    Example: "The compact has been ratified by more than 150 countries." is not judged
    by the 164 states that approved it at Marrakech; "attended by 150 countries" is
    not either. For dates, families that describe one occasion meet ("took place
    on", "adopted on"); a figure or date whose clause gives the claim's own month is
    of that occasion whether it was approved or finalised ("approved in July by all 193
    members but one" is the July text's finalisation), but the date of one side's
    step is not the date of the other's ("quit the talks in 2017" is not dated by
    "approved in December 2018"). Those who "gathered to adopt"
    it are counted as adopting it; a figure of a verb the reader does not know ("are
    looking for a better life") is no count of deaths, nor is a standing count
    ("of the 270 million migrants worldwide") with no verb at all; a date in a
    clause whose verbs are all of other families ("a note issued … in Geneva on 24
    February 2020") is no launch's, however far the verb stands.
    """
    if p.clause is None:
        return None
    if p.act is None:
        if p.fact.kind == DATE and p.comparison.outcome == MISMATCH and p.clause.tokens and _has_unknown_verb(p):
            return "the date is of an act the claim does not give"
        if p.fact.kind == DATE and p.comparison.outcome == MISMATCH and p.sourced_act is None and _claim_verb_unknown(p):
            return "the sources' date is of an act the sentence does not give"
        if p.fact.kind == QUANTITY and p.comparison.outcome == MISMATCH and _own_unknown_verb(p):
            if p.sourced_act is not None:
                # "280 million migrants are looking for a better life" counts no deaths
                return f"the sentence's figure is of a verb the reader does not know, the sources' of '{p.sourced_act.lemma}'"
            if p.sourced_clause is not None and not p.sourced_clause.acts and not _measured(p) and _before_verb(p, p.fact.start):
                # "only 191 have committed to it" counts those who did something, not the UN's members
                return "the sentence counts those who did something, the claim a standing number"
        noun = p.fact.value.noun.split() if p.fact.value else []
        if p.fact.kind == QUANTITY and noun and _act_noun(noun[-1]) and p.sourced_clause is not None and not p.sourced_clause.acts:
            return "the sentence counts those who acted, the claim a standing number"
        if p.comparison.outcome == MISMATCH and p.sourced_act is not None and not p.sourced_act.infinitive:
            done = [a for a in p.clause.acts if not a.infinitive]
            sourced = frozenset({p.sourced_act.family})
            if done and not any(a.family in sourced or vocabulary().families_meet(frozenset({a.family}), sourced) for a in done):
                # "a note issued to member states in Geneva on 24 February 2020" is no launch
                return f"the clause speaks of '{done[0].lemma}', the claim of '{p.sourced_act.lemma}'"
            role = p.fact.value.role if p.fact.value else ""
            if p.fact.kind == QUANTITY and not done and role in ("", "total", None) and p.sourced_act.family not in ("decision", "attendance", "drafting"):
                # "the world's 272 million migrants" are not those who died on the move
                return f"the claim counts those who did '{p.sourced_act.lemma}'; the sentence gives no such act"
        return None
    if p.sourced_act is None and p.fact.kind == DATE and p.comparison.outcome == MISMATCH and _claim_verb_unknown(p):
        # "Migrants' Day on 18 December 2019 marked 29 years since the adoption":
        # the sources' date is of an act the sentence does not give
        return f"the sentence dates '{p.act.lemma}', the sources another act"
    if p.sourced_act is not None:
        sourced = frozenset({p.sourced_act.family})
    elif p.sourced_clause is not None:
        sourced = frozenset(a.family for a in p.sourced_clause.acts if not a.infinitive)
        stated_value, sourced_value = p.fact.value, _sourced_value(p)
        attributive = p.reading.text[p.fact.end : p.fact.end + 1] in ("-", "\u2010")  # "the 193-member Assembly"
        standing = (
            not attributive and stated_value is not None and stated_value.quantity is not None and stated_value.quantity.kind == "count"
            and stated_value.role != "total" and (sourced_value is None or sourced_value.role != "total")
        )
        if not sourced and standing and p.fact.kind == QUANTITY:
            # "152 votes" are not "193 member states": a decision's count is not a standing one
            return f"the sentence counts who did '{p.act.lemma}', the claim a standing number"
    else:
        sourced = frozenset(f for c in p.version_reading.clauses for f in c.families)
    other = _opposite_sides(p) if p.fact.kind == DATE else None
    if other is not None:
        return f"the sentence dates '{p.act.lemma}', the sources '{other.lemma}', a step of the other side"
    family = p.act.family
    if family == "attendance" and any(a.infinitive and a.family == "decision" and a.start > p.act.start for a in p.clause.acts):
        family = "decision"  # "152 countries gathered in Marrakech to adopt it": those who came to adopt
    if not sourced or family in sourced:
        return None
    if p.fact.kind == DATE and vocabulary().families_meet(frozenset({p.act.family}), sourced):
        return None  # a conference's date is the date of what it decided; a count of those attending is not
    if {family} | sourced <= {"decision", "drafting"} and _same_month(p):
        return None  # "approved in July by all 193 but the US": the July text was finalised, in other words
    return f"the sentence speaks of '{p.act.lemma}', the claim of another act"


def _sourced_acts(p: Pair) -> list[Act]:
    if p.sourced_act is not None:
        return [p.sourced_act]
    return [a for a in p.sourced_clause.acts if not a.infinitive] if p.sourced_clause is not None else []


def _opposite_sides(p: Pair) -> Act | None:
    """The sources' verb that is a step of the other side from the fact's ("quit",
    "pulled out" against "approved"), if every verb of the sources' value is one.
    One family, two acts: the day some walked out is not the day the others approved."""
    sides = vocabulary().sides
    if p.act is None or p.act.negated:
        return None
    mine = sides.get(tuple(p.act.lemma.split()))
    acts = [a for a in _sourced_acts(p) if not a.negated]
    if {sides.get(tuple(a.lemma.split())) for a in acts} <= {None} and p.claim_reading is not None and not (
        p.claim.event and p.claim.event in _events_in(p, p.clause)
    ):
        # the sources date the occasion ("held on 10-11 December"); the claim says which
        # side acted there ("164 states approved"): "walked out in 2017" is the other's step
        acts = [a for c in p.claim_reading.clauses for a in c.acts if not a.negated]
    theirs = {sides.get(tuple(a.lemma.split())) for a in acts}
    if mine in ("for", "against") and theirs and theirs <= ({"for", "against"} - {mine}):
        return acts[0]
    return None


def _own_unknown_verb(p: Pair) -> bool:
    """Has the fact's clause, with no act the reader knows, a verb group of its own
    ("are looking", "have settled") that the claim does not use?"""
    clause = p.clause
    if clause is None or clause.acts:
        return False
    v = vocabulary()
    tokens = p.reading.tokens
    claim_words = {t.lower[:5] for t in p.version_reading.tokens}
    words = [tokens[i] for i in clause.tokens]
    for k in range(1, len(words)):
        t = words[k]
        verb = t.lower.endswith("ing") or v.past_form(t.lower)
        if verb and t.text[:1].islower() and words[k - 1].lower in v.auxiliaries and t.lower[:5] not in claim_words:
            return True
    return False


def _claim_verb_unknown(p: Pair) -> bool:
    """Does the clause of the sources' value have a verb of no act family ("marked")?"""
    clause = p.sourced_clause
    if clause is None or clause.acts:
        return False
    v = vocabulary()
    tokens = p.version_reading.tokens
    return any(tokens[i].text[:1].islower() and "-" not in tokens[i].text and v.past_form(tokens[i].lower) for i in clause.tokens)


def _same_month(p: Pair) -> bool:
    """Does the fact's clause give the month (and, if any, the year) of one of the
    claim's dates? Then the two verbs are two words for one occasion."""
    stated = [d for d in p.dates_in(p.statement, p.reading, p.clause) if d.month and (not d.qualifier or _dates_a_document(p, d))]
    sourced = [v.date for v in (*p.version.dates, *p.claim.primary.dates) if v.date and v.date.month]
    return any(d.month == c.month and (d.year is None or d.year == c.year) for d in stated for c in sourced)


@rule("A103", "unasserted", elsewhere=True)
def unasserted(p: Pair) -> str | None:
    """What it does: leaves predictions, conditions, doubts, questions and quotations
    unjudged.

    Why: "will abstain next year" or "could reject it" states no fact; a quotation is
    someone else's words, and a question asks.

    Example: "Austria will abstain in next year's vote on the compact." is
    unverifiable, not contradicted by Austria's side at Marrakech.

    A declared intention ("Hungary said it would not sign") is still a side, though
    not one that others predict ("Diplomats expect Latvia will refuse"); a
    quotation or reported words meet a claim that records what was said ("Guterres
    said that ..."); and a plan in the sources may meet a plan in the statement.
    """
    c = p.clause
    if c is None or (_reported(p) and c.cue not in vocabulary().attitude and _records_saying(p)):
        return None  # someone's words, judged by a claim that records what was said
    if c.quoted:
        return "the figure is inside a quotation"
    if c.reported and p.comparison.outcome == MISMATCH and p.fact.kind != STANCE and not c.modality and _third_party(p, c):
        return f"the clause gives someone's words ('{c.cue or 'said'}'); the sentence may report them rightly"
    if c.kind == REPORTED and c.cue in vocabulary().attitude and p.fact.kind != STANCE:
        return f"the clause is what someone feels ('{c.cue}'), not a fact the sentence states"
    if c.reported and c.kind != REPORTED and c.modality and not _records_saying(p):
        return f"the clause is a possibility inside someone's words ('{c.cue}')"
    if not c.modality:
        return None
    modality = c.modality
    if modality == CONDITIONAL and c.cue == "would" and _says_anywhere(p.reading):
        modality = FUTURE  # "2020, DESA said, would be ...": the future seen from a past saying
    if modality == FUTURE and (p.planned or _speaks_of_future(p)):
        return None  # a plan meets a plan
    if p.fact.kind == STANCE and c.modality in (FUTURE, CONDITIONAL) and c.kind == REPORTED and not _third_party(p, c):
        return None  # "Hungary said it would not sign": the holder's own declared side
    what = {FUTURE: "a prediction or plan", CONDITIONAL: "a possibility", DOUBT: "hedged as doubtful", QUESTION: "a question"}[c.modality]
    return f"the clause is {what} ('{c.cue}'), not a stated fact"


@rule("A104", "topic-anchor")
def topic_anchor(p: Pair) -> str | None:
    """What it does: requires a sentence to be about the claim's topic before a value
    in it is judged.

    Why: ordinary text is full of figures: "The default value is 10." shares a number
    with the compact's 10 guiding principles and nothing else.

    Example: "There are three support tiers." is not judged, nor "Same as binding to
    the event." A sentence is on topic when it names the subject, the claim's event
    or one of the claim's names; when most of its words, and at least two, are the
    claim's ("migrants have died since 2000"); or when its figure counts the claim's
    own thing ("Twelve members abstained"), unless the claim counts the members of a
    named body ("eight European countries" are not the Executive Committee's eight
    members). Legal force needs the subject named.
    """
    s = p.statement
    list_names = p.claim.list_names - {SUBJECT}
    if p.fact.kind == QUANTITY and list_names and not {m.id for m in s.mentions} & list_names:
        return "the sentence does not name the body whose members the claim counts"  # "eight European countries"
    if any(m.kind == SUBJECT for m in s.mentions) or (p.claim.event and p.claim.event in s.events):
        return None
    if p.fact.kind == BINDING:
        return "the sentence does not say what is binding"  # the subject was not named
    shared = s.keywords & p.claim.keywords
    if len(shared) >= MIN_SHARED_WORDS and (p.overlap >= TOPIC_OVERLAP or _clause_overlap(p) >= TOPIC_OVERLAP):
        return None
    named = {m.id for m in s.mentions if m.kind in (ENTITY, NAME, EVENT)}
    if named & (p.claim.names | {p.claim.event}) or named & p.instruments_of_claim():
        return None
    if p.fact.kind == STANCE:
        return None  # a side is someone's: the claim gives that someone's side
    if p.fact.kind == MEMBER and len(p.claim.members) == 1:
        return None  # who holds a post or did an act: the analyser ties the name to that part
    subject = _subject_words(p)
    if p.fact.kind == QUANTITY and (
        _heads_fit(p) or _measured(p) or len(subject & p.claim.keywords) >= MIN_SHARED_WORDS or subject & p.claim.counted
    ):
        return None
    return "the sentence names nothing the claim is about"


@rule("A105", "counted-noun", kinds=(QUANTITY,), disagreeing=True)
def counted_noun(p: Pair) -> str | None:
    """What it does: lets a figure contradict only when it is known to count the
    claim's thing, or to be the same side's count.

    Why: a bare number ("the 150 delegates", "Draft 7") whose noun is not read
    cannot be said to be a wrong count of states.

    Example: "The compact was endorsed by a vote of 152-5." reads 152 as a side's
    count; "There were 150 in the room." is not compared with 152 states, nor "two
    core workflows" with "9 core instruments": the nouns' heads must fit.
    """
    stated_noun = p.fact.value.noun.split() if p.fact.value else []
    same_side = bool(p.fact.value and p.fact.value.role) and p.comparison.fit // 5 >= 2
    sourced_value = _sourced_value(p)
    if same_side and stated_noun and sourced_value is not None and sourced_value.noun and not _heads_fit(p):
        same_side = False  # "90 civil society actors" are not a side's count of states
    both_changes = bool(p.fact.value and p.fact.value.change and (_sourced_value(p) or p.fact.value).change)
    if _heads_fit(p) or same_side or _measured(p) or both_changes:
        return None
    return "what the figure counts is not clear"


@rule("A106", "list-verb", kinds=(MEMBER,))
def list_verb(p: Pair) -> str | None:
    """What it does: judges membership of a list only when the sentence puts the name
    on that list, not when it says the name did something else.

    Why: "UNICEF quit the Executive Committee" names a member of the Committee but
    says it left; "Latvia championed the compact" names a holdout but gives it
    another side.

    Example: "Latvia and Poland championed the compact at Marrakech." is not
    supported by the list of holdouts.
    """
    if p.clause is None or not p.clause.acts:
        return None
    if len(p.claim.members) == 1 and p.claim_reading is not None and not any(c.acts for c in p.claim_reading.clauses):
        return None  # a post ("X, the Director General, said ..."): its holder may do anything
    own = {(a.lemma, _side(p.version_reading.text, a)) for c in p.version_reading.clauses for a in c.acts}
    own_sides = {side for _, side in own if side}
    for a in p.clause.acts:
        side = _side(p.reading.text, a)
        if any(a.lemma == own_lemma for own_lemma, _ in own) or (side and side in own_sides):
            return None
    return f"the sentence says the name {_acts(p.clause)}, which the list does not record"


@rule("A107", "negated-act", kinds=(STANCE,))
def negated_act(p: Pair) -> str | None:
    """What it does: leaves a side unjudged when its verb is negated in a way the
    side does not reflect.

    Why: in "Latvia did not, after all, hold out" the negation is cut off from its
    verb by an aside; reading "held out" would support the opposite of what was said.

    Example: "Latvia did not, after all, hold out." is not supported by the list of
    holdouts; in "Hungary and Poland have said they won't back it" the negation is
    in what they said.
    """
    if p.fact.stance is None or p.clause is None:
        return None
    reported = [c for c in p.reading.clauses if c.kind == REPORTED and c.tokens and p.reading.tokens[c.tokens[0]].start > p.fact.end]
    for act in [*p.clause.acts, *(a for c in reported[:1] for a in c.acts)]:
        if act.negated and _side(p.reading.text, act) == p.fact.stance.role:
            return f"'{p.reading.text[act.start:act.end]}' is negated, and the side read ignores it"
    return None


@rule("A108", "other-event", kinds=(QUANTITY, DATE, VENUE))
def other_event(p: Pair) -> str | None:
    """What it does: keeps a fact tied to one event away from a claim about another.

    Why: the 164 approvals at Marrakech and the 152 votes at the General Assembly
    are different counts of different events; a clause naming only the 2016 summit
    is not about either.

    Example: "At the 2016 summit, 193 states adopted the New York Declaration." is
    not judged by the General Assembly's vote of 19 December 2018, and "The first
    Review Forum was held in Marrakech in December 2018" is about the forum (the
    clause's subject), not the Marrakech conference; so is a relative clause on the
    forum's name ("the Forum, which took place in New York"). An event named as a
    time bound ("a year before the Marrakech conference") is no event of the clause.
    """
    if not p.claim.event:
        return None
    events = [m for m in p.mentions_in(p.statement, p.reading, p.clause) if m.kind == EVENT]
    bounds = {m.id for m in events if m.start in p.statement.time_bounds}
    events = [m for m in events if m.start not in p.statement.time_bounds]
    if p.claim.event in bounds and p.claim.event not in {m.id for m in events}:
        # "Washington quit the talks in 2017, a year before the Marrakech conference"
        return f"the clause names {p.lexicon.label(p.claim.event)} only to say when, not as its event"
    antecedent: set[str] = set()
    if p.clause is not None and p.clause.kind == RELATIVE and p.clause.tokens:
        # "The first Review Forum, which took place at UN Headquarters": the clause is
        # about the event it follows
        before = _mention_before(p, p.reading.tokens[p.clause.tokens[0]].start)
        if before is not None and before.kind == EVENT:
            events, antecedent = [*events, before], {before.id}
    named = {m.id for m in events}
    if not named:
        return None
    subject = antecedent | {m.id for m in events if _before_verb(p, m.start) and m.id not in antecedent}
    claim_places = [m for m in events if m.id == p.claim.event]
    as_place = bool(claim_places) and all(_after_in(p, m.start) for m in claim_places)
    if p.claim.event in named and not (subject and p.claim.event not in subject and as_place):
        return None
    if subject and p.claim.event not in subject:
        named = subject  # "The first Review Forum was held in Marrakech": the forum is the subject
    return f"the clause is about {', '.join(sorted(p.lexicon.label(e) for e in named))}"


@rule("A109", "side-of-count", kinds=(QUANTITY,), disagreeing=True)
def side_of_count(p: Pair) -> str | None:
    """What it does: a count the sources give for one side (votes in favour) is
    contradicted only by a count of a side or of an act of the same kind.

    Why: "24 member states were not present" counts absentees, not votes in favour;
    without a side or a voting verb, a number of states is not a vote count.

    Example: "An additional 24 states missed the vote." is not judged by the 152 votes
    in favour.
    """
    if p.fact.value is None:
        return None
    sourced = _sourced_value(p)
    if sourced is None or not sourced.role or sourced.role == "total" or p.fact.value.role:
        return None
    if p.act is not None and p.act.negated:
        return f"'{p.reading.text[p.act.start:p.act.end]}' is negated: the count is of those who did not"
    if p.act is not None and (p.sourced_act is None or p.act.family == p.sourced_act.family):
        return None
    return "the sources give a side's count; the sentence gives no side or vote"


@rule("A110", "event-elsewhere", kinds=(QUANTITY, DATE, VENUE))
def event_elsewhere(p: Pair) -> str | None:
    """What it does: an event named only in a relative clause belongs to that clause's
    noun, not to a figure elsewhere in the sentence.

    Why: in "India was among the 152 countries that voted for the compact, which was
    adopted in Marrakesh", Marrakesh dates the adoption, not the 152 votes.

    Example: the sentence above is not judged by the 164 approvals at Marrakech;
    nor is "The compact, which was agreed in July 2018, was adopted at the
    conference" (the relative clause has its own act and names no event). A clause
    that points back to the place ("approved there by 170") is still judged.
    """
    if not p.claim.event or p.clause is None:
        return None
    where = [p.reading.clause_at(m.start) for m in p.statement.mentions if m.kind == EVENT and m.id == p.claim.event]
    if not where or any(c is p.clause for c in where):
        return None
    if all(c is not None and c.kind == RELATIVE for c in where) and not _points_back_to_a_place(p):
        return "the claim's event is named only in a relative clause about something else"
    if p.clause.kind == RELATIVE and p.clause.acts and p.clause.tokens:
        # ", which is to be held in New York" after the forum's name is about the forum
        before = _mention_before(p, p.reading.tokens[p.clause.tokens[0]].start)
        if before is None or before.id != p.claim.event:
            return "the figure is in a relative clause with its own act; the claim's event is named elsewhere"
    return None


def _points_back_to_a_place(p: Pair) -> bool:
    """Does the fact's clause point back to a place named before ("was approved there
    by 170 countries")? An existential "there" ("there were 272 million") does not."""
    assert p.clause is not None
    v = vocabulary()
    tokens = [p.reading.tokens[i] for i in p.clause.tokens]
    return any(
        t.lower in v.place_proforms and (k + 1 >= len(tokens) or tokens[k + 1].lower not in v.be)
        for k, t in enumerate(tokens)
    )


@rule("A111", "own-verb-side", kinds=(STANCE,), doubts_agreement=True)
def own_verb_side(p: Pair) -> str | None:
    """What it does: a name's side must agree with the side of its own verb, when
    that verb gives one.

    Why: in "approved 152-5, with Israel and Poland also voting 'no'", the names
    follow "approved" but their own verb is "voting 'no'".

    Example: the sentence above does not read Israel as voting in favour. A name
    taken out of the verb's subject takes the other side: in "every member except
    the United States finalised it" the United States did not finalise it.
    """
    if p.fact.stance is None:
        return None
    own = _own_act(p)
    if own is None or own.catenated:
        return None  # "failed to sign": the side is the pair's, read by the analyser
    side = own.answer or _side(p.reading.text, own)
    relative = _relative_after(p)
    taken_out = relative is None or own not in relative.acts  # "except the US, which pulled out": its own verb
    if side in (lang.FOR, lang.AGAINST) and taken_out and _taken_out_of_a_whole(p):
        side = lang.opposite(side)
    if side and side != p.fact.stance.role and not own.negated:
        return f"the name's own verb ('{p.reading.text[own.start:own.end]}') gives another side"
    return None


def _taken_out_of_a_whole(p: Pair) -> bool:
    """Is the name taken out of a whole its clause names ("every member except the
    United States", "all 193 bar the US")? A sentence that opens "Apart from the
    US, Israel and Austria refused" adds the US to them instead."""
    v = vocabulary()
    if not _phrase_before(p, p.fact.start, v.exception_phrases):
        return False
    # a phrase that opens the sentence ("Apart from the US, ..."; determiners and a
    # coordinator aside) adds the name to those that follow
    phrase_words = {w for ph in v.exception_phrases for w in ph}
    return any(
        t.lower not in phrase_words and t.lower not in v.determiners and t.lower not in v.coordinators
        for t in p.reading.tokens if t.end <= p.fact.start and t.lower.isalnum()
    )


def _own_act(p: Pair) -> Act | None:
    """The name's own verb: the first act done after it in its clause, or in a
    relative clause on it ("the U.S., which backed out")."""
    if p.clause is None:
        return None
    own = [a for a in p.clause.acts if a.start >= p.fact.end and not a.infinitive]
    following = _relative_after(p)
    if following is not None:
        own = [a for a in following.acts if not a.infinitive] + own
    return own[0] if own else None


@rule("A112", "other-date", kinds=(QUANTITY,))
def other_date(p: Pair) -> str | None:
    """What it does: a figure dated in its clause is compared only with a claim whose
    date for it agrees.

    Why: "In July, 192 member states approved the pact" is about the July
    finalisation, not the December conference; a different date names a different
    event.

    Example: the sentence above is not judged by the 164 approvals of 10-11 December;
    nor is "The July 2018 text was approved by 164 states" (a date before a
    document's or a gathering's noun dates it).
    """
    if p.clause is None or not p.claim.event:
        return None
    stated = [d for d in p.dates_in(p.statement, p.reading, p.clause) if not d.qualifier or _dates_a_document(p, d)]
    sourced = [v.date for v in p.version.dates if v.date and not v.date.qualifier] or [v.date for v in p.claim.primary.dates if v.date and not v.date.qualifier]
    if not stated or not sourced:
        return None
    from gcmcheck.analysis.dates import dates_agree

    if any(dates_agree(a, b) or dates_agree(b, a) for a in stated for b in sourced):
        return None
    if all(a.month is None for a in stated) and all(a.year in {b.year for b in sourced} for a in stated):
        return None
    return "the sentence dates the figure to another time than the claim's event"


@rule("A113", "nested-place", kinds=(VENUE,), disagreeing=True)
def nested_place(p: Pair) -> str | None:
    """What it does: a place is not contradicted when the sentence also names the
    claim's place around it.

    Why: "at UN Headquarters in New York" names a building inside the city the
    sources give.

    Example: "The forum takes place at UN Headquarters in New York." is not
    contradicted by "New York" (the claim's place follows "in"), nor is the New York
    of "talks at UN Headquarters in New York" by a claim placed at UN Headquarters.
    """
    places = {m.id for m in venues(p.version)}
    text = p.reading.text
    for m in p.statement.mentions:
        if m.id in places and m.start > p.fact.end and text[p.fact.end : m.start].strip().lower() == "in":
            return "the sentence names the claim's place around it"
        if m.id in places and m.end < p.fact.start and text[m.end : p.fact.start].strip().lower() == "in" and not _names_occasion(p, m):
            # "at UN Headquarters in New York" (but "a conference in Rabat" places the occasion)
            return "the sentence names the city around the claim's place"
    return None


@rule("A114", "unknown-document", kinds=(QUANTITY, DATE, VENUE, STANCE, BINDING))
def unknown_document(p: Pair) -> str | None:
    """What it does: a clause about a document or gathering the table does not know
    is not judged by the table's claims.

    Why: "the IMRF Declaration", "a resolution" or "the UN Summit for Refugees and
    Migrants" have dates and counts of their own.

    Example: "A resolution was adopted by the General Assembly on 6 April 2017." is
    not contradicted by the endorsement of 19 December 2018.
    """
    if p.clause is None:
        return None
    v = vocabulary()
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    if p.clause.kind == RELATIVE and p.clause.tokens:
        # ", which the Assembly adopted on 7 June 2022" is about the noun before it
        opening = p.reading.tokens[p.clause.tokens[0]].start
        before = _mention_before(p, opening)
        mentions = [*mentions, *([before] if before else [])]
        # "Resolution 55/93 of the General Assembly, adopted on 4 December 2000"
        document = _document_before(p, opening)
        if document and not _same_document_in_claim(p, [document]):
            return f"the clause is about the {document} before it, not the subject"
    for m in mentions:
        words = {w.lower() for w in m.text.split()}
        if m.kind in (NAME, OTHER) and words & (v.instrument_nouns | v.event_nouns):
            return f"the clause is about {m.text}, which the table does not know"
    if p.fact.kind == DATE and p.reading.words_before(p.fact.start, 1) == ["of"]:
        preceding = p.reading.words_before(p.fact.start, 5)
        if any(w in v.instrument_nouns or "/" in w for w in preceding):
            return "the date is that of another document ('resolution ... of')"
    if any(m.kind == SUBJECT for m in p.mentions_in(p.statement, p.reading, p.clause)):
        return None  # "the Global Compact for Migration, a nonbinding accord": a description
    key = ("indefinite documents", id(p.clause))
    found = p.reading.memo.get(key)
    if found is None:
        lowered = [p.reading.tokens[i].lower for i in p.clause.tokens]
        found = []
        for k, w in enumerate(lowered[:-1]):
            if w in ("a", "an", "another", "this", "these"):
                group = _noun_group(lowered, k + 1, v)  # "a non-binding political declaration"
                # a document that acts ("created by a General Assembly resolution") is
                # not what the clause is about
                if any(x in v.instrument_nouns for x in group) and not (k > 0 and lowered[k - 1] == "by"):
                    found.append([w, *group])
        p.reading.memo[key] = found
    for phrase in found:
        if not _same_document_in_claim(p, phrase[1:]):
            return f"the clause is about {' '.join(phrase)}, not the subject"
    return None


@rule("A115", "unstated-year", kinds=(QUANTITY,), disagreeing=True)
def unstated_year(p: Pair) -> str | None:
    """What it does: a statistic the sources give for one year is contradicted only
    by a figure given for that year.

    Why: shares and totals change every year; "three percent of the world's
    population" with no year may be another year's figure.

    Example: "Migrants are three percent of the world's population." is not
    contradicted by the 2.8 % of 2000.
    """
    if p.claim.event:
        return None
    if not p.claim.years or p.fact.clause_years or p.sourced_clause is None or p.sourced_clause.acts:
        return None  # a year beside an act ("established in 2018") dates the act, not the figure
    if not any(d.year for d in p.dates_in(p.version, p.version_reading, p.sourced_clause)):
        return None  # the sources' figure holds without a year ("comprises 38 entities")
    if any(d.year for d in p.dates_in(p.statement, p.reading, p.clause)):
        return None
    return "the sources give the figure for a particular year; the sentence gives none"


@rule("A116", "named-act", kinds=(STANCE,))
def named_act(p: Pair) -> str | None:
    """What it does: a side is taken only by an act done, not one named as a purpose
    or a possibility ("to sign").

    Why: "Belgium won parliament's support to sign the accord" says nothing of
    whether Belgium signed.

    Example: the sentence above is not read as Belgium signing.
    """
    if p.clause is None or not p.clause.acts:
        return None
    if all(a.infinitive for a in p.clause.acts if a.family == "decision") and any(a.family == "decision" for a in p.clause.acts):
        return "the act is only named ('to ...'), not done"
    return None


@rule("A117", "note-marker", elsewhere=True, kinds=(QUANTITY,))
def note_marker(p: Pair) -> str | None:
    """What it does: a number standing alone in brackets, or right after a word of
    reference ("Footnote 1", "para. 6", "p. 12"), is a marker, not a figure.

    Why: encyclopedias, papers and reports end sentences with "[4]", "(1)" or
    "(GCM, para. 6)"; such numbers count nothing. The reference words are listed in
    the reader's language file.

    Example: "The compact was endorsed on 19 December 2018.[4]" is not judged by the
    152 votes, nor "... in December 2018.Footnote 1".
    """
    if note_marker_at(p.reading.text, p.fact.start, p.fact.end):
        return "the number is a note or list marker"
    word = reference_before(p.reading.text, p.fact.start)
    if word:
        return f"the number is a reference ('{word}'), not a figure"
    return None


@rule("A118", "other-owner", kinds=(QUANTITY,), disagreeing=True)
def other_owner(p: Pair) -> str | None:
    """What it does: a figure in a clause about someone the claim does not name is
    that someone's, not the claim's.

    Why: "the U.S. hosts 51 million migrants, about 19 % of the world's" gives the
    United States' share, not the share of migrants in the world's population.

    Example: the sentence above is not judged by the 3.5 % of the claim, which names
    nobody. Names that only say where figures come from ("according to DESA") and
    names found all over the table (the UN) do not count; when the claim names
    someone, only the clause's subject is taken for another owner.
    """
    if p.clause is None:
        return None
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    someone = p.claim.names - p.background
    if someone & {m.id for m in mentions}:
        # the clause names the claim's someone, and maybe another body whose figure
        # it may be: "the eight organisations constituting the Executive Committee of
        # the Network" are not the Network's 38 entities
        if any(m.id in someone and m.end <= p.fact.start for m in mentions):
            return None  # "The Network, made up of 28 entities, ...": the figure follows its owner
        after = [m for m in mentions if m.start >= p.fact.end and m.id not in p.background]
        if after and _unknown_body(p, after[0]):
            return f"the figure counts something of {after[0].text}, whom the claim does not name"
        return None
    prepositions = vocabulary().prepositions
    for m in mentions:
        if someone and (p.clause.kind == RELATIVE or not _before_verb(p, m.start) or set(p.reading.words_before(m.start, 2)) & prepositions):
            continue  # a claim about someone else: only the clause's subject is another owner
        if m.kind == ENTITY and m.id not in p.claim.names and m.id not in p.lexicon.instruments and not p.reading.attributes(m.start, m.end):
            return f"the clause is about {m.text}, whom the claim does not name"
    return None


@rule("A119", "change-not-level", kinds=(QUANTITY,))
def change_not_level(p: Pair) -> str | None:
    """What it does: a figure written as a change ("up 2.7 percent", "rose by 51
    million") is compared only with a change in the sources.

    Why: a rise is not a level; the analyser may miss a change word the reader sees
    right before the figure.

    Example: "Migrants are 3.4 percent of humanity, up 2.7 percent since 2000." does
    not compare 2.7 with the 3.5 % share, nor "additional pledges of $9 million"
    with the pledges made so far.
    """
    if p.fact.value is None or p.fact.value.change:
        return None
    sourced = _sourced_value(p)
    if sourced is None or sourced.change:
        return None
    v = vocabulary()
    words = p.reading.words_before(p.fact.start, 2)
    if len(words) == 2 and words[0] in v.phrasal_up:
        return None  # "made up 2.8 per cent" is a level
    if words and (words[-1] in v.change_words or (words[-1] == "by" and len(words) == 2 and words[0] in v.change_words)):
        return "the figure is a change, the sources' a level"
    if p.clause is not None and set(p.reading.words_before(p.fact.start, NOUN_GROUP_REACH)) & v.increment_words:
        return "the figure is an addition ('additional', 'further'), the sources' a level"
    return None


@rule("A120", "figure-with-exception", kinds=(QUANTITY,), disagreeing=True)
def figure_with_exception(p: Pair) -> str | None:
    """What it does: a sourced figure followed by an exception ("all 193 members
    except the United States") is a whole, not the number who acted; it refutes no
    other count.

    Why: "192 approved" agrees with "all 193 except one"; comparing 192 with 193
    raises a false alarm.

    Example: "In July, 192 member states approved the text." is not contradicted by
    "all 193 UN members except the United States finalised the compact".
    """
    if p.sourced_clause is None:
        return None
    tokens = p.version_reading.tokens
    after = [t.lower for t in tokens if t.start >= p.comparison.at][:8]
    if any(w in vocabulary().exception_words for w in after):
        return "the sources give a whole with exceptions, not this count"
    return None


@rule("A121", "rounded", kinds=(QUANTITY,), disagreeing=True)
def rounded(p: Pair) -> str | None:
    """What it does: a round figure does not contradict a precise one it rounds.

    Why: writers round decimals: "three percent of the world's population" is 3.4 %
    rounded. Whole numbers are not taken as rounded ("twenty objectives" is not 23).

    Example: "Migrants are three percent of the world's population." is not
    contradicted by 3.4 %.
    """
    if p.fact.value is None:
        return None
    stated, sourced = p.fact.value.quantity, _sourced_value(p)
    if stated is None or sourced is None or sourced.quantity is None:
        return None
    exact = sourced.quantity.value
    if stated.value != int(stated.value) or exact == int(exact):
        return None  # only a whole number against a decimal one: "twenty" is not 23 rounded
    if abs(stated.value - exact) <= 0.5:
        return f"{stated.text} may be {sourced.quantity.text} rounded"
    return None


@rule("A122", "citation", elsewhere=True, kinds=(DATE,))
def citation(p: Pair) -> str | None:
    """What it does: a year in a bracketed reference ("(Grange, 2006)") dates a
    publication, not a fact.

    Why: reports and papers cite their sources inline; those years say nothing of
    when the compact was adopted.

    Example: "The Convention shaped the compact (Smith, 2006)." is not judged by any
    date in the table.
    """
    if p.clause is None or p.clause.kind != PARENTHETICAL:
        return None
    words = [p.reading.tokens[i] for i in p.clause.tokens if p.reading.tokens[i].kind == "word"]
    if words and words[0].text[:1].isupper() and len(words) <= 6 and not p.clause.acts:
        return "the year is in a reference to a publication"
    return None


@rule("A123", "post-holder", kinds=(MEMBER,), disagreeing=True)
def post_holder(p: Pair) -> str | None:
    """What it does: a name is said to hold a post wrongly only when it is a person's
    name and the post is the claim's own, not a deputy's or a former one.

    Why: "Amina Mohammed, UN Deputy Secretary-General, said" names another post;
    "Persecuted, isolated ..." or "AFP" are not holders of any post.

    Example: "UN Deputy Secretary-General Jane Doe said the fund matters." is not
    contradicted by the Secretary-General's name, nor is "the Secretary-General
    congratulated Member States" (a group is no holder), nor is "the new Director General,
    Jane Doe," (a holder after the sources' time), nor "Mr. Doe, the Chairperson,
    signed" when the claim's body is not named: every body has a chairperson; nor
    is "Jane Doe, Director of the Global Migration Centre," whose own title, beside
    her name, is another post, nor a place ("spoke at Villa Serena").
    """
    if len(p.claim.members) != 1:
        return None
    name = p.reading.text[p.fact.start : p.fact.end]
    mention = next((m for m in p.statement.mentions if m.start == p.fact.start), None)
    if (mention is None or mention.kind == NAME) and len(name.split()) < 2:
        return f"'{name}' is not read as a person's name"
    if any(w in ("of", "for", "on", "the") for w in name.split()[1:]):
        return f"'{name}' is a title or a body, not a person's name"  # "Director of the Centre"
    if set(p.reading.words_before(p.fact.start, 1)) & vocabulary().placing:
        return f"'{name}' is where something happens, not a person"  # "invited to speak at Maison de la Paix"
    if name.split()[-1].lower() in vocabulary().body_nouns:
        return f"'{name}' is a body, not a person"  # "the Secretary-General launched the UN Migration Network"
    if lang.stem(name.split()[-1].lower()) in _party_words():
        return f"'{name}' names a group, not a person"  # "congratulated Member States"
    qualifiers = vocabulary().post_qualifiers
    tokens = p.reading.tokens
    for k in range(len(tokens)):
        w = tokens[k].lower
        hyphenated = "-" in w and w.split("-")[0] in qualifiers
        # "Deputy Secretary-General", "the new Director General" (a lower-case "under"
        # is a preposition: "under Secretary-General Guterres")
        capitalised = tokens[k].text[:1].isupper() or w != "under"
        if capitalised and (hyphenated or (w in qualifiers and k + 1 < len(tokens) and tokens[k + 1].text[:1].isupper())):
            return f"the sentence names another post or another holder's time ('{tokens[k].text}')"
    if any(c.acts for c in p.claim_reading.clauses):  # type: ignore[union-attr]
        return None  # a doer of an act ("signed by X"): the analyser ties the name to the act
    title = _title_words(p)
    # the body the post belongs to: "Chairperson of the International Migrants Alliance"
    claim_reading = p.claim_reading
    bodies = {
        m.id for m in p.claim.primary.mentions
        if m.id not in p.claim.members and claim_reading is not None
        and [w for w in claim_reading.words_before(m.start, 2) if w not in vocabulary().determiners][-1:] in (["of"], ["for"])
    }
    said = {t.lower for t in p.reading.tokens if t.text[:1].isupper()}  # the title as a title, capitalised
    # a title of one word ("the Chairperson") names no post without its body; "the
    # Special Representative for International Migration" does
    if title and len(title & said) == 1 and bodies and not bodies & {m.id for m in p.statement.mentions}:
        return "the sentence does not name the body whose post the claim gives"  # "Mr. X, the Chairperson, ..."
    apposed = _apposed_title(p)
    known = {w.lower() for m in p.statement.mentions if m.id in p.claim.names for w in m.text.split()}
    if title and apposed - title - known and not title <= apposed:
        # "Jane Roe, Director of the Global Migration Centre," (a shortened title of the
        # claim's own post, "the Special Representative for International Migration", is judged)
        return "the name's own title, beside it, is another post"
    own = [c for c in (p.clause, _relative_after(p)) if c is not None]
    clause_words = {p.reading.tokens[i].lower for c in own for i in c.tokens}
    leads = any(a.family == "leading" for c in own for a in c.acts)
    if title and not (title & clause_words) and not leads:
        return "the post's title is not in the name's clause"
    for k in range(len(tokens) - 3):
        if tokens[k].lower in title and tokens[k + 1].lower in ("of", "for") and tokens[k + 2].lower not in title:
            body = next((m for m in p.statement.mentions if tokens[k + 1].end < m.start <= tokens[k + 3].start), None)
            if body is not None and body.id not in p.claim.names and body.kind != SUBJECT:
                return f"'{tokens[k].text} {tokens[k + 1].text} {body.text}' is another body's post"
    return None


@rule("A124", "undated-act", elsewhere=True, kinds=(DATE,), disagreeing=True)
def undated_act(p: Pair) -> str | None:
    """What it does: a date contradicts only when it dates an act the sentence states,
    or the claim's event named beside it.

    Why: datelines, photo captions and publication lines ("Reuters | Brussels, 8
    December 2018") date the page or the picture.

    Example: "Reuters | A press conference in Brussels, 8 December 2018." is not
    contradicted by the date of the Marrakech conference.
    """
    if p.clause is None or p.act is not None:
        return None
    if p.claim.event and p.claim.event in _events_in(p, p.clause):
        return None
    v = vocabulary()
    for i in p.clause.tokens:
        t = p.reading.tokens[i]
        if t.kind == "word" and t.text[:1].islower() and (t.lower in v.auxiliaries or v.past_form(t.lower)):
            return None  # a verb the reader does not know may still date the fact
    return "the date stands in a clause with no verb (a dateline or caption)"


@rule("A125", "venue-of-what", kinds=(VENUE,), disagreeing=True)
def venue_of_what(p: Pair) -> str | None:
    """What it does: a place contradicts the claim's only when the sentence says what
    happened there: the claim's event, or the subject and an act of the claim's kind.

    Why: press conferences, stocktaking meetings and protests happen in many places;
    "Guterres spoke to reporters in Rimbo" says nothing of where the compact was
    adopted.

    Example: "Hungary's minister told a press conference in Budapest." is not
    contradicted by Marrakech, nor "the compact, launched at the United Nations in
    2016" (the place of another act, even beside the claim's event), nor "said X at
    the launch held in Geneva" (a gathering the language file lists).
    """
    if p.clause is None:
        return None
    claim_families = {a.family for c in p.version_reading.clauses for a in c.acts} | {"decision", "happening"}
    act = p.act
    if act is not None and not act.negated and not vocabulary().families_meet(frozenset({act.family}), frozenset(claim_families)):
        # "the compact, launched at the United Nations in 2016": the place of the launch
        return f"the place is where the sentence says something else happened ('{act.lemma}')"
    if p.claim.event and p.claim.event in _events_in(p, p.clause) - {p.fact.entity}:
        return None
    if act is not None:
        # "a conference hosted by a newspaper in Berlin", "the launch held at UNICEF's
        # headquarters": the place is that gathering's
        v = vocabulary()
        before = p.reading.words_before(act.start, 2)
        if len(before) == 2 and (
            (act.reduced and before[0] in ("a", "an") and before[1] in v.event_nouns)
            or (before[0] in v.determiners and before[1] in v.gathering_nouns)
        ):
            return "the place is that of another gathering"
    if any(m.kind == SUBJECT for m in p.statement.mentions) and act is not None and act.family in claim_families:
        return None  # "the conference that adopted the compact was held in Rabat"
    return "the sentence does not say that the claim's event happened there"


@rule("A126", "side-on-what", kinds=(STANCE,))
def side_on_what(p: Pair) -> str | None:
    """What it does: a side counts only when the sentence says what it is taken on:
    the subject, the claim's event, or a vote.

    Why: "a strong supporter of Israel" or "harms the sovereignty of member states,
    including Hungary" give no side on the compact.

    Example: "The senator was a strong supporter of Israel." is not judged by
    Israel's side on the compact.
    """
    s = p.statement
    named_words = lang.keywords(" ".join(m.text for m in s.mentions))
    if (s.keywords - named_words) & p.claim.keywords:
        return None  # the claim's own words ("among the holdouts", "stayed out")
    if any(m.kind == SUBJECT for m in s.mentions) or (p.claim.event and p.claim.event in s.events):
        return None
    if s.events or any(a.family == "decision" and not a.infinitive for c in p.reading.clauses for a in c.acts):
        return None  # a verb of deciding: "the Czechs rejected it"
    if any(m.kind == ENTITY and m.id in p.lexicon.instruments for m in s.mentions):
        return None
    return "the sentence does not say what the side is taken on"


@rule("A127", "abstention-elsewhere", kinds=(STANCE,), disagreeing=True)
def abstention_elsewhere(p: Pair) -> str | None:
    """What it does: an abstention is compared with a claim's other side only at the
    claim's own event.

    Why: a country may hold out at one meeting and abstain at another vote (or at
    another compact's vote); without the event named, the two do not clash.

    Example: "The Dominican Republic abstained." is not contradicted by its holding
    out at Marrakech.
    """
    if p.fact.stance is None:
        return None
    if p.fact.stance.role != "abstain" or not p.claim.event or p.claim.event in p.statement.events:
        return None
    return "an abstention, with no event named, is not a side at the claim's event"


@rule("A128", "governed-noun", kinds=(STANCE, QUANTITY), disagreeing=True)
def governed_noun(p: Pair) -> str | None:
    """What it does: a side read from a noun ("their support", "its endorsement")
    counts only when no verb the reader does not know governs it.

    Why: "dropped their support", "withheld their endorsement" and "won the support
    of parliament" turn or suspend the noun's side.

    Example: "Austria and Poland dropped their support for the deal." is not read as
    support.
    """
    if p.clause is None:
        return None
    if any(not a.infinitive for a in p.clause.acts):
        return None  # a verb the reader knows gives the side
    v = vocabulary()
    tokens = [p.reading.tokens[i] for i in p.clause.tokens]
    for k in range(2, len(tokens)):
        noun = tokens[k].lower
        if tokens[k - 1].lower in v.determiners | {"their", "its", "his", "her"} and v.lemma(noun) in v.act_lemmas:
            verb = tokens[k - 2].lower
            if verb.endswith("ed") or verb in ("won", "lost", "withheld", "kept", "gave", "got"):
                return f"'{tokens[k - 2].text} {tokens[k - 1].text} {tokens[k].text}' may turn the side"
    return None


@rule("A129", "side-unread", kinds=(QUANTITY,), disagreeing=True)
def side_unread(p: Pair) -> str | None:
    """What it does: a count given for a side is compared with the sources' side
    counts only when the reader finds that side at the figure: its verb ("152
    voted in favour", "12 abstained") or its answer.

    Why: in tables and lists ("In favour: 152 - Against: 5") or with verbs the reader
    does not know ("involving 190 countries", "didn't vote"), a side read from
    farther away is a guess.

    Example: "In favour: 152 - Against: 5 - Abstentions: 12" raises no alarm, nor "it prompted
    12 countries to reject it" (the act is only named), nor
    "Chile joined the nine countries rejecting the compact" when the side read for
    nine is not the side of their verb.
    """
    if p.fact.value is None:
        return None
    sourced = _sourced_value(p)
    if not p.fact.value.role or p.fact.value.role == "total" or sourced is None:
        return None
    if not sourced.role and p.sourced_act is None:
        return None  # the sources' figure is no count of those who acted
    act = p.act or next((a for a in p.clause.acts if a.family == "decision" and not a.infinitive), None) if p.clause else p.act
    if act is not None:
        if act.negated:
            return f"'{p.reading.text[act.start:act.end]}' is negated"
        if act.infinitive and not act.catenated:
            return f"'{p.reading.text[act.start:act.end]}' is only named ('prompted 12 countries to reject it'), not said to be done"
        side = _side(p.reading.text, act)
        if side and side != p.fact.value.role and p.fact.value.role in ("for", "against") and _directly(p, act):
            # "joined the group of nine countries in rejecting the compact": not nine in favour
            return f"the verb at the figure ('{p.reading.text[act.start:act.end]}') gives another side"
        return None
    after: list[str] = []
    following = p.reading.words_after(p.fact.end, 5)
    for n, w in enumerate(following):
        if w in (":", ";", "\u2022", "\u2014", "\u2013") and not after:
            tally = w == "\u2013" and n + 1 < len(following) and following[n + 1][:1].isdigit()
            return None if tally else "no verb or side word at the figure gives its side"
        if w in (":", ";", "\u2022", "\u2014", "\u2013"):
            break  # "In favour: 152 - Against: 5": the next item's word is not this figure's
        after.append(w)
    if any(w in ("favour", "favor", "against", "abstaining", "abstained", "abstentions", "abstention", "for", "-") for w in after):
        return None  # "152 in favour", "5 against", "158-5"
    return "no verb or side word at the figure gives its side"


@rule("A130", "someone-else")
def someone_else(p: Pair) -> str | None:
    """What it does: in a sentence of several clauses, a claim that does not know a
    name judges only the clauses that do not name it.

    Why: "IOM has 175 member states and the compact has 25 objectives" must catch
    the 25; the claim about objectives says nothing of IOM's 175.

    Example: the sentence above is contradicted by the 23 objectives, and its 175 is
    not compared with them. Only clauses that name the subject are judged this way.
    """
    if not p.clause_only or p.clause is None:
        return None
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    if not any(m.kind == SUBJECT for m in mentions):
        return "the clause names neither the subject nor anyone the claim knows"
    names = p.claim.names | p.background
    for m in mentions:
        if m.kind in (ENTITY, NAME) and m.id not in names and m.id not in p.lexicon.instruments:
            return f"the clause is about {m.text}, whom the claim does not name"
    return None


@rule("A131", "owner-missing", kinds=(QUANTITY,), disagreeing=True)
def owner_missing(p: Pair) -> str | None:
    """What it does: a figure contradicts a claim about someone's figure only when the
    sentence names that someone, the subject or the claim's event.

    Why: "Half of international migrants are in 10 countries" shares "countries"
    with "the IMA has members in more than 30 countries" and nothing else.

    Example: the sentence above is not contradicted by the IMA's 30 countries, nor
    is "Nearly 30 of the nations that drafted the compact withheld their support":
    naming the subject does not name the IMA.
    """
    owners = {m.id for m in p.mentions_in(p.version, p.version_reading, p.sourced_clause) if m.kind in (ENTITY, NAME)}
    named = {m.id for m in p.statement.mentions}
    if owners & named or (p.claim.event and p.claim.event in named):
        return None
    if not owners - p.background - p.lexicon.instruments:
        return None  # the claim's figure is nobody's in particular (or the subject's)
    return "the sentence does not name whose figure it is"


@rule("A132", "title-case", kinds=(STANCE, QUANTITY, DATE), disagreeing=True)
def title_case(p: Pair) -> str | None:
    """What it does: leaves sides and figures unjudged in a headline written in title
    case.

    Why: in "Austria Refuses To Sign UN Migration Pact" every word is capitalised, so
    verbs cannot be told from names, and the side read may be the opposite one; a
    figure's noun and verb are as unreadable ("Fund Kicks Off 12 Million USD
    Programmes").

    Example: "Austria Refuses To Sign UN Migration Pact" raises no alarm, nor a
    date in "20 December 2018 UNGA Votes To Endorse Compact" (a dated headline).
    """
    if p.clause is None:
        return None
    if p.clause.acts:
        return None  # a verb in lower case ("convened"): a sentence with many names, not a headline
    words = [p.reading.tokens[i] for i in p.clause.tokens if p.reading.tokens[i].kind == "word"]
    if len(words) >= 4 and sum(w.text[:1].isupper() for w in words) >= 0.7 * len(words):
        return "the clause is a title-case headline: its verbs cannot be read"
    return None


@rule("A133", "dateline", elsewhere=True, kinds=(DATE, STANCE, MEMBER))
def dateline(p: Pair) -> str | None:
    """What it does: a place in capitals that opens a sentence ("WASHINGTON, DC -",
    "GENEVA (Reuters) -") is where the story was filed, not an actor.

    Why: wire stories open with a dateline; reading it as the United States taking
    a side turns every story filed from Washington into an alarm.

    Example: "WASHINGTON - On 19 December the General Assembly endorsed the compact."
    does not put the United States on any side; nor is "date 2021-12-01 This is the
    main finding ..." (a page's date line, listed in the language file) an event's date.
    """
    if p.fact.kind == DATE:
        opening = tuple(w for w in p.reading.words_before(p.fact.start, 3))
        if not opening or opening in vocabulary().dateline_words:
            following = [t for t in p.reading.tokens if t.start >= p.fact.end][:1]
            if following and following[0].text[:1].isupper() and p.reading.text[p.fact.end : following[0].start].strip() in ("", "|", "-", "\u2013", "\u2014", ":"):
                return "the date opens the page or story, it dates no event"
        return None
    if p.fact.kind not in (STANCE, MEMBER):
        return None
    name = p.reading.text[p.fact.start : p.fact.end]
    if p.fact.start > 2 or not name.isupper() or len(name) < 4 or " " in name:
        return None  # "UN DESA, a member of ..." is an organisation, not a dateline
    if any(name in aliases for aliases in p.lexicon.entities.values()):
        return None  # written in capitals in the table too: an acronym
    after = p.reading.words_after(p.fact.end, 1)
    if after and after[0] in (",", "-", "\u2013", "\u2014", "(", ":"):
        return "the name is the story's dateline"
    return None


@rule("A134", "name-in-aside", kinds=(STANCE,))
def name_in_aside(p: Pair) -> str | None:
    """What it does: a name inside an aside (brackets, dashes, a relative clause) that
    has verbs of its own takes its side only from those verbs.

    Why: in "Every state except the United States - which withdrew on orders from
    the Trump administration - agreed to the pact", the administration stands in the
    aside; the main clause's "agreed" is not its side.

    Example: the sentence above does not put the Trump administration in favour;
    in "Opponents - led by Hungary and Poland - argued ..." the aside's verb gives no
    side, so the names keep the side read from "Opponents".
    """
    if p.fact.stance is None or p.clause is None:
        return None
    if p.clause.kind not in (PARENTHETICAL, RELATIVE):
        return None
    sided = [a for a in p.clause.acts if not a.infinitive and _side(p.reading.text, a)]
    if not sided or any(_side(p.reading.text, a) == p.fact.stance.role and not a.negated for a in sided):
        return None  # "Opponents - led by Hungary and Poland -": "led" gives no side of its own
    return f"the name stands in an aside whose own verb is '{sided[0].lemma}'"


@rule("A135", "date-of-another-event", kinds=(DATE,), disagreeing=True)
def date_of_another_event(p: Pair) -> str | None:
    """What it does: a date that is the table's date of another event of the subject
    names that event, unless the clause names the claim's own event.

    Why: a compact has several dates (the text agreed in July, adopted in December,
    endorsed a week later); "agreed in July 2018" is the July agreement, and a
    claim about the December conference cannot say it is wrong.

    Example: "The compact was agreed in July 2018 by every member but one." is not
    contradicted by the Marrakech conference of 10-11 December 2018, while "The
    compact was adopted at Marrakech on 19 December 2018" still is. A body that sits
    all year ("approved in July at the General Assembly") does not name the
    occasion: the July date is still the July agreement's.
    """
    if not p.agreeing:
        return None
    if p.claim.event and p.claim.event in _events_in(p, p.clause) and not _only_by_body(p):
        return None
    return f"the date is the one the sources give for {p.agreeing[0]}"


def _only_by_body(p: Pair) -> bool:
    """Is the claim's event named in the fact's clause only by the body that held it
    ("at the General Assembly"), which sits all year, and the fact's verb not the
    claim's own ("approved in July at the General Assembly")?"""
    v = vocabulary()
    named = [m for m in p.mentions_in(p.statement, p.reading, p.clause) if m.id == p.claim.event]
    if not named or not all(m.text.split()[-1].lower() in v.body_nouns and not _names_occasion(p, m) for m in named):
        return False
    # the claim's own verb names its occasion: "the General Assembly endorsed it on 10 December"
    claim_lemmas = {a.lemma for r in (p.version_reading, p.claim_reading) if r is not None for c in r.clauses for a in c.acts}
    done = [a for a in p.clause.acts if not a.infinitive] if p.clause is not None else []
    act = p.act or (done[0] if len(done) == 1 else None)  # the clause's one verb, however far
    return act is not None and act.lemma not in claim_lemmas


@rule("A136", "bystander-figure", kinds=(QUANTITY,), disagreeing=True)
def bystander_figure(p: Pair) -> str | None:
    """What it does: a count inside a phrase such as "from 150 countries" or "among
    150 states" is not a count of those who did the act.

    Why: "adopted in front of representatives from around 150 countries" counts
    those present, not the 164 states that approved; the doer of the act is
    elsewhere in the clause. The prepositions are listed in the reader's language
    file.

    Example: the sentence above is not contradicted by the 164 approvals; in
    "Delegations from 146 states approved the pact" the phrase is the subject, and
    146 is compared.
    """
    if p.fact.value is None:
        return None
    sourced = _sourced_value(p)
    if p.sourced_act is None and (sourced is None or not sourced.role):
        return None  # the claim's figure is a standing number, not a count of doers
    v = vocabulary()
    before = [w for w in p.reading.words_before(p.fact.start, 3) if w not in v.determiners]  # "among the 193"
    if p.clause is not None and _before_verb(p, p.fact.start) and not (before and before[-1] == "among"):
        return None  # "Delegations from 146 states approved the pact": the subject's count
    if before and before[-1] in v.bystander_prepositions:
        return f"the figure is in a phrase with '{before[-1]}', not who did the act"
    return None


@rule("A137", "date-of-someone-else", kinds=(DATE,), disagreeing=True)
def date_of_someone_else(p: Pair) -> str | None:
    """What it does: a date in a clause about someone the claim does not name, and
    naming nothing the claim does, is that someone's date.

    Why: in "Trump proposed a ceiling of 45,000 for FY 2018, compared to Obama's
    84,994", the year dates Trump's proposal; the claim about what the United
    States did under Obama in 2016 names Obama, in the other clause.

    Example: the sentence above is not contradicted by the 2016 declaration.
    """
    if p.clause is None:
        return None
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    known = p.claim.names | p.background | {p.claim.event}
    if any(m.kind == SUBJECT or m.id in known for m in mentions):
        return None
    others = [m for m in mentions if m.kind == ENTITY and m.id not in p.lexicon.instruments and not p.reading.attributes(m.start, m.end)]
    if not others:
        return None
    return f"the clause is about {others[0].text}, whom the claim does not name"


@rule("A138", "side-in-another-stage", kinds=(QUANTITY, STANCE))
def side_in_another_stage(p: Pair) -> str | None:
    """What it does: a side taken in the negotiations (or talks, or the process) is
    judged only by a claim about that stage.

    Why: leaving the negotiations and holding out at the conference that adopted
    the text are different facts; "Australia withdrew from the negotiations" is not
    shown by Australia's holding out at Marrakech, and may be wrong.

    Example: "Chile and Peru withdrew from the negotiations." is not supported by a
    list of the states that held out at the conference; a claim tied to no event
    ("Chile opposed the compact") still judges it. A count of those in the talks
    ("190 countries have been in talks") is not the UN's membership either.
    """
    if p.fact.kind == QUANTITY and p.comparison.outcome == MISMATCH and p.clause is not None:
        pass  # "190 countries have been in talks" counts those negotiating, whatever the claim's event
    elif p.fact.kind != STANCE or p.clause is None or not p.claim.event:
        return None  # a claim tied to no event ("the US opposed the compact") holds at every stage
    v = vocabulary()
    tokens = [p.reading.tokens[i] for i in p.clause.tokens]
    if p.fact.kind == QUANTITY:  # a count's stage stands in its noun group: "negotiations involving 190 countries"
        first, last = p.clause.index_range(p.reading.tokens, p.fact.start, p.fact.end)
        tokens = tokens[max(0, first - NOUN_GROUP_REACH) : last + NOUN_GROUP_REACH + 1]
    stage = next((t.lower for t in tokens if t.lower in v.process_nouns), "")
    if not stage:
        return None
    claim_words = {t.lower for t in p.version_reading.tokens} | {t.lower for t in p.claim_reading.tokens}  # type: ignore[union-attr]
    if claim_words & v.process_nouns:
        return None
    what = "side is taken" if p.fact.kind == STANCE else "figure counts those"
    return f"the {what} in the {stage}, the claim's at another stage"


@rule("A139", "state-date", elsewhere=True, kinds=(DATE,))
def state_date(p: Pair) -> str | None:
    """What it does: a date introduced by "as of" dates a state of affairs, not an act.

    Why: "As of June 2016, IOM had 166 member states" says when the count held; it
    is not the date IOM was founded, nor of any event.

    Example: the sentence above is not contradicted by IOM's founding in 1951.
    """
    v = vocabulary()
    before = tuple(p.reading.words_before(p.fact.start, 2))
    if any(before[len(before) - len(phrase) :] == phrase for phrase in v.state_dates):
        return "the date says when a state of affairs held ('as of'), not when something happened"
    return None


@rule("A140", "figure-of-another-year", kinds=(QUANTITY,))
def figure_of_another_year(p: Pair) -> str | None:
    """What it does: a standing figure the sentence gives for one year is compared
    only with sources of that year.

    Why: memberships and totals change; "As of June 2016, IOM had 166 member
    states" is not contradicted by the 175 of a 2019 source.

    Example: the sentence above is unverifiable.
    """
    if p.claim.event:
        return None  # agreeing or not: "3.5 per cent in 2000" is not today's 3.5 per cent
    # the years the analyser gives this figure ("281 million in 2020"), or an "as of" date
    stated = {d.year for d in p.fact.clause_years or () if d.year and d.qualifier in ("", "by")}
    if p.comparison.outcome == MATCH and p.fact.value is not None:
        # an agreeing figure is set aside only for a year of its own after it ("3.5 per
        # cent of the world's population in 2000")
        stated = {d.year for d in p.own_years() if d.start > p.fact.end and d.qualifier in ("", "by")} & stated
    if not stated:
        return None
    sourced = set(p.claim.years) | ({p.claim.as_of} if p.claim.as_of else set())
    if not sourced or stated & sourced:
        return None
    return f"the sentence gives the figure for {min(stated)}, the sources for {max(sourced)}"


@rule("A141", "step-not-taken", kinds=(STANCE,), disagreeing=True)
def step_not_taken(p: Pair) -> str | None:
    """What it does: a claim that a step was not yet taken ("had not yet signed")
    is contradicted only by a sentence saying that step was taken.

    Why: supporting or backing the compact is not signing it; "Belgium's support
    for the pact cost the prime minister his post" does not say Belgium signed,
    while "Belgium approved the compact" does. The attitudes are listed in the
    reader's language file.

    Example: the sentence above is not contradicted by Belgium's not having signed;
    nor is "Estonia eventually voted for it at the General Assembly": a step taken
    later ("eventually", "later") is what "not yet" leaves open.
    """
    if p.comparison.expected != "pending" or p.clause is None:
        return None
    v = vocabulary()
    here = p.reading.clauses.index(p.clause)
    acts = [a for c in p.reading.clauses if c is p.clause or c.parent == here for a in c.acts]  # "among the 164 that signed it"
    if not any(_side(p.reading.text, a) == "for" and not (a.negated or a.infinitive) and a.lemma not in v.attitude_acts for a in acts):
        return "the claim records a step not taken yet; the sentence does not say it was taken"
    if {p.reading.tokens[i].lower for i in p.clause.tokens} & v.later_words:
        # "Estonia eventually voted for it": "not yet" leaves that open
        return "the claim records a step not yet taken when the sources wrote; the sentence speaks of a later stage"
    return None  # "Belgium approved the compact", "signed it": the step was taken


@rule("A142", "other-kind", kinds=(QUANTITY,))
def other_kind(p: Pair) -> str | None:
    """What it does: a count of one kind of a thing is not compared with a count of
    another kind of it: the words before the counted noun's head must not differ.

    Why: "8 observer states" and "175 member states" both count states, but not the
    same states; nor are "12 regional offices" the "171 country offices".

    Example: "IOM has 166 member states and 8 observer states." does not contradict
    its 175 member states with the 8; "111 million migrant workers" are not all the
    sources' migrants (their noun only qualifies another); nor does "10.20", a figure with a fraction,
    count states; nor is "1.4 % of the world's child population" a share of the
    world's population.
    """
    if p.fact.value is None:
        return None  # agreeing or not: "ten fundamental principles" are not the ten guiding ones
    sourced = _sourced_value(p)
    if sourced is not None and sourced.quantity is not None and sourced.quantity.kind == "percent" and p.fact.value.noun and sourced.noun:
        # a share of another whole: "1.4 % of the world's child population"
        v = vocabulary()
        stated_words, sourced_words = p.fact.value.noun.split(), sourced.noun.split()
        if stated_words[-1] not in sourced_words:
            return None  # "of humanity": another word for the whole, not a narrower one
        head = sourced_words.index(stated_words[-1])
        extra = set(stated_words[:-1]) - set(sourced_words[:head]) - {w[:5] for w in v.whole_words} - v.whole_words
        if extra:
            return f"the sentence's share is of another whole ('{' '.join(sorted(extra))}')"
        return None
    if sourced is None or sourced.quantity is None or sourced.quantity.kind != "count":
        return None  # "of the world population", "of the global population": shares of one whole
    stated = p.fact.value.quantity
    if stated is not None and stated.kind == "count" and stated.value != int(stated.value) and sourced.quantity.value == int(sourced.quantity.value):
        return "the sentence's figure has a fraction: it counts no whole things"  # "10.20" is a time or a measure
    stated_words, sourced_words = p.fact.value.noun.split(), sourced.noun.split()
    parties = _party_words()
    attributive = p.reading.text[p.fact.end : p.fact.end + 1] in ("-", "\u2010")  # "a 38-member committee" has 38 members
    if (
        stated_words and sourced_words and stated_words[-1] != sourced_words[-1] and sourced_words[-1] in stated_words[:-1]
        and not attributive and not {stated_words[-1], sourced_words[-1]} & parties  # "member states" are members
    ):
        # "111 million migrant workers": the sources' migrants, as a modifier, narrow another noun
        return f"the sentence counts {' '.join(stated_words)}, a part of the sources' {sourced_words[-1]}"
    if len(stated_words) < 2 or len(sourced_words) < 2 or stated_words[-1] != sourced_words[-1]:
        return None
    if set(stated_words[:-1]) & set(sourced_words[:-1]):
        return None
    return f"the sentence counts {' '.join(stated_words[:-1])} ones, the sources {' '.join(sourced_words[:-1])} ones"


@rule("A143", "date-of-an-unnamed-act", kinds=(DATE,))
def date_of_an_unnamed_act(p: Pair) -> str | None:
    """What it does: a date agrees with a claim's decision only when the sentence
    says what was decided: a known act governs the date, or its clause names the
    subject or the claim's event.

    Why: "Obama sent 1,200 soldiers to the border in 2016" shares a name and a year
    with "in 2016 the United States, under Obama, adopted the declaration", and
    nothing else.

    Example: the sentence above is not supported by the 2016 declaration, nor "In
    2018, Marrakesh was the sunniest city in North Africa" by the conference of
    December 2018: the place that held it, with only "was", dates no act.
    """
    if p.act is not None or p.clause is None:
        return None
    readings = (p.version_reading, p.claim_reading)
    decided = any(a.family == "decision" and not a.infinitive for r in readings if r is not None for c in r.clauses for a in c.acts)
    if not decided:
        return None
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    alone = all(p.fact.start <= p.reading.tokens[i].start < p.fact.end or p.reading.tokens[i].kind == "punct" for i in p.clause.tokens)
    if alone:
        mentions = list(p.statement.mentions)  # "11 December 2018: The compact was adopted ...": a date as a label
    if any(m.kind == SUBJECT or m.id in p.lexicon.instruments for m in mentions):
        return None
    # the event by its occasion ("at the Marrakech conference in 2018"), or by its
    # place or body in a clause with a verb of its own; "In 2018, Marrakesh is
    # Europe's most vulnerable city" dates no act
    if any(p.claim.event and m.id == p.claim.event and (_names_occasion(p, m) or not _state_only(p)) for m in mentions):
        return None
    return "the sentence dates an act it does not name as the claim's"


def _state_only(p: Pair) -> bool:
    """Is the clause's only verb a copula ("Marrakesh is a city")?"""
    assert p.clause is not None
    v = vocabulary()
    words = [p.reading.tokens[i] for i in p.clause.tokens]
    verbs = [t for t in words if t.lower in v.be or (t.text[:1].islower() and (t.lower in v.verb_lemmas or v.past_form(t.lower) or t.lower.endswith("s") and t.lower[:-1] in v.verb_lemmas))]
    return bool(verbs) and all(t.lower in v.be for t in verbs)


@rule("A144", "date-of-another-topic", elsewhere=True, kinds=(DATE,), disagreeing=True)
def date_of_another_topic(p: Pair) -> str | None:
    """What it does: a date of something the subject did is compared only with a
    claim about the subject or one of the table's events.

    Why: "The compact was released on 5 February by Mexico and Switzerland" shares
    a country with a claim dating a photograph of a camp in Tijuana, and nothing
    else; a claim that names neither the subject nor an event is about something else.

    Example: the sentence above is not contradicted by the photograph's date.
    """
    if p.clause is None or p.claim.event:
        return None
    if not any(m.kind == SUBJECT for m in p.mentions_in(p.statement, p.reading, p.clause)):
        return None
    if any(m.kind == SUBJECT for m in (*p.claim.primary.mentions, *p.version.mentions)):
        return None
    return "the sentence dates something the subject did; the claim is not about the subject"


@rule("A145", "part-of-the-whole", kinds=(QUANTITY,), disagreeing=True)
def part_of_the_whole(p: Pair) -> str | None:
    """What it does: a count limited to a place or group ("in low-income
    countries") is not compared with the world's total.

    Why: "There were 13 million migrants in low-income countries" counts a part of
    the world's migrants; it does not say the world has 13 million.

    Example: the sentence above is not contradicted by the 250 million worldwide.
    The words that make a figure the world's are in the reader's language file.
    """
    v = vocabulary()
    claim_words = {t.lower for t in p.version_reading.tokens} | {t.lower for t in p.claim_reading.tokens}  # type: ignore[union-attr]
    if not claim_words & v.whole_words:
        return None
    after = p.reading.words_after(p.fact.end, 6)
    for k, w in enumerate(after):
        nxt = after[k + 1] if k + 1 < len(after) else ""
        if w in ("in", "from", "across") and nxt[:1].isalpha() and nxt not in v.whole_words | {"the"} | FULL_MONTHS:
            following = after[k + 1 : k + 4]
            if not set(following) & v.whole_words:
                return f"the sentence counts a part ('{w} {' '.join(following)}'), the sources the world's whole"
        if not w.isalpha() or w in v.auxiliaries:
            break
    return None


@rule("A146", "side-as-topic", kinds=(STANCE,))
def side_as_topic(p: Pair) -> str | None:
    """What it does: a side named by a noun after a preposition ("the vote on
    Latvia's support for the pact") is what something is about, not a side the
    sentence states.

    Why: a debate on a country's support, or the question of its backing, says
    nothing of which side it took.

    Example: "Parliament voted on the matter of Latvia's support for the pact." is
    not contradicted by Latvia's holding out; nor is "MPs backed a motion in favour
    of Latvia joining the pact": the name and its gerund are what is favoured.
    """
    if p.fact.stance is None:
        return None
    v = vocabulary()
    after = p.reading.words_after(p.fact.end, 3)
    act = after[1] if len(after) >= 2 and after[0] == "'s" else (after[0] if after and after[0].endswith("ing") else "")
    if not act or (v.lemma(act) not in v.act_lemmas and not lang.ROLE_WORD_START_RE.match(act)):
        return None  # a verb of acts, or one the analyser reads a side from ("joining")
    before = [w for w in p.reading.words_before(p.fact.start, 3) if w not in v.determiners]
    if before and before[-1] in v.prepositions:
        said = f"{p.fact.text}'s {act}" if after[0] == "'s" else f"{p.fact.text} {act}"
        return f"'{said}' is what the sentence is about, not a side it states"
    return None


@rule("A147", "negated-figure", kinds=(QUANTITY, DATE, VENUE))
def negated_figure(p: Pair) -> str | None:
    """What it does: a figure, date or place in a clause that is negated before it
    is not stated as the fact.

    Why: "The compact does not contain 23 objectives" denies the figure; comparing
    23 with the sources' 23 would support the opposite of what the sentence says,
    and "It was not signed in Geneva" says nothing of where it was signed. A
    negator that bounds a figure ("no fewer than 150", "not only") negates nothing,
    and a definite figure ("was not among the 164 countries", "none of its 23
    objectives") is taken as given, not denied; the words are listed in the
    language file. A year that names a document ("never signed the 2016
    declaration") is not denied either.

    Example: "The agreement does not set out 23 goals." is not supported by the 23
    objectives, and "The deal was not adopted in July." is not contradicted by the
    December dates.
    """
    if p.clause is None or p.fact.value is not None and p.fact.value.date is not None and p.fact.value.date.qualifier == ATTRIBUTIVE:
        return None  # "never signed the 2016 declaration": the year names the document
    v = vocabulary()
    before = [w for w in p.reading.words_before(p.fact.start, 2) if w not in v.negation_bounds]
    if before and before[-1] in v.definite_determiners:
        return None  # "was not among the 164 countries": the figure itself is taken as given
    act = p.act
    negated = act.negated if act is not None else p.reading.negated_before(p.clause, p.fact.start)
    if negated:
        return "the clause denies it: the sentence does not state the value as a fact"
    return None


@rule("A148", "vote-not-recorded", kinds=(STANCE,))
def vote_not_recorded(p: Pair) -> str | None:
    """What it does: a side given as a vote ("voted against", "abstained") is judged
    only by a claim that records a vote.

    Why: holding out at a conference, opposing a text or leading the opposition to
    it are sides, but not votes; the sources may not say how a country voted at all.
    The verbs of voting and the words that record a vote are listed in the
    language file.

    Example: "Austria and Latvia voted against the compact." is not supported by
    their holding out at the Marrakech conference, where nobody voted. A claim tied
    to no event ("the US opposed the compact") holds at every stage, and a claim
    about a stage at which the table records a vote (the General Assembly's) may
    judge how someone voted there.
    """
    v = vocabulary()
    own = _own_act(p)
    if own is None or own.lemma not in v.ballot_acts or not p.claim.event or p.claim.event in p.voted_events:
        return None
    readings = (p.version_reading, p.claim_reading)
    if any(t.lower in v.ballot_words for r in readings if r is not None for t in r.tokens):
        return None
    return f"the sentence says how {p.fact.text} voted; the claim records no vote"


@rule("A149", "vote-on-another-matter", kinds=(QUANTITY, STANCE, DATE))
def vote_on_another_matter(p: Pair) -> str | None:
    """What it does: a vote on something that follows an instrument (its
    implementation, its review, its funding) is not the vote on the instrument.

    Why: assemblies vote again and again on what an instrument set up; the counts,
    sides and dates of a later vote on "the implementation of the compact" are not
    those of the vote that endorsed it. The follow-up nouns are listed in the
    language file.

    Example: "In a later vote on the compact's implementation, 118 countries voted
    in favour." is not contradicted by the 152 votes of the endorsement.
    """
    if p.clause is None or not p.claim.event or p.claim.event not in p.voted_events:
        return None
    v = vocabulary()
    words = [p.reading.tokens[i].lower for i in p.clause.tokens]
    for k, w in enumerate(words[:-1]):
        if w not in v.ballot_words or words[k + 1] not in ("on", "over", "about"):
            continue
        # the vote's matter: the first noun after the preposition, past determiners
        # and the instrument's possessive ("the compact's implementation")
        rest = [x for x in words[k + 2 : k + 2 + NOUN_GROUP_REACH] if x not in v.determiners and x != "'s"]
        matter = next((x for x in rest if x in v.follow_up_nouns), "")
        claim_words = {t.lower for t in p.version_reading.tokens} | {t.lower for t in p.claim_reading.tokens}  # type: ignore[union-attr]
        if matter and matter not in claim_words:
            return f"the vote is on the {matter}, not on the instrument itself"
    return None


@rule("A150", "date-of-saying", elsewhere=True, kinds=(DATE,))
def date_of_saying(p: Pair) -> str | None:
    """What it does: a date right after a verb of saying ("announced on 2 December",
    "said on Friday, 5 May") is when someone spoke, not when what they spoke of
    happened.

    Why: "The administration announced on 2 December 2017 that it is withdrawing"
    dates the announcement; it is not the date of any conference or vote, and a
    claim that records what was said is judged by the words, not the day.

    Example: "The government announced on 9 December 2018 that it would not sign the
    compact." is not contradicted by the dates of the Marrakech conference.
    """
    verb = saying_before(p.reading, p.fact.start)
    if not verb or _records_saying(p):
        return None  # "Guterres said on 10 December ...": a claim about the saying
    return f"the date is when someone spoke ('{verb}'), not of what they spoke of"


def saying_before(reading: Reading, start: int) -> str:
    """The verb of saying a date at `start` follows ("announced on Saturday, 2
    December", "DESA said in December 2019"), or ""."""
    v = vocabulary()
    k = bisect_right(reading.starts, start) - 1
    while k > 0:
        k -= 1
        w = reading.tokens[k].lower
        if w in ("on", "in", ",", "last", "this") or w in v.weekdays:
            continue
        if w in v.saying or w in v.attribution_verbs:
            return w
        before = reading.tokens[k - 1].lower if k > 0 else ""
        return before if before in v.saying else ""  # "told reporters on Friday"
    return ""


@rule("A151", "count-over-another-period", kinds=(DATE,), disagreeing=True)
def count_over_another_period(p: Pair) -> str | None:
    """What it does: a "since" or "from" date that bounds a count is the start of
    the count's period; another start is another count, not a wrong date.

    Why: "Since 2014, nearly 70,000 migrants have died" and "more than 60,000 have
    died since 2000" are two figures over two periods; neither refutes the other.

    Example: "Since 2015, some 20,000 migrants have drowned." is not contradicted by
    the deaths counted since 2000; "60,000 have died since 2010" is, for it gives the
    sources' count another start.
    """
    stated = p.fact.value.date if p.fact.value else None
    if stated is None or stated.qualifier not in ("since", "from") or p.clause is None:
        return None
    sourced = next((v.date for v in p.version.values if v.start == p.comparison.at and v.date), None)
    if sourced is None or sourced.qualifier not in ("since", "from"):
        return None
    # the counts the date bounds: in its clause, or in the one an opening "Since 2014," leads
    counts = [v.quantity for v in p.statement.quantities if v.quantity and p.statement.same_clause(v.start, p.fact.start)]
    sourced_counts = [v.quantity for v in p.version.quantities if v.quantity]
    if not counts or not sourced_counts:
        return None  # "promoting migration since 1961": the start of a state, which may be wrong
    if any(abs(q.value - c.value) <= 0.05 * c.value for q in counts for c in sourced_counts):
        return None  # the sources' own count with another start: the period is wrong
    return "the sentence counts over another period than the sources"


@rule("A152", "place-of-another-date", kinds=(VENUE,), disagreeing=True)
def place_of_another_date(p: Pair) -> str | None:
    """What it does: a place dated in its clause to a month the claim's event does not
    have is the place of another occasion.

    Why: "following its approval on 13 July at UN Headquarters in New York" gives the
    place of the July agreement, not of the December conference.

    Example: "The conference followed the text's approval on 13 July at UN
    Headquarters in New York." is not contradicted by the conference's Marrakech.
    """
    stated = [d for d in p.dates_in(p.statement, p.reading, p.clause) if d.month and not d.qualifier]
    sourced = [v.date for v in (*p.version.dates, *p.claim.primary.dates) if v.date and v.date.month]
    if not sourced and p.event_date is not None and p.event_date.month:
        sourced = [p.event_date]  # "the conference took place in Marrakech": its event's date
    if not stated or not sourced:
        return None
    if any(d.month == c.month for d in stated for c in sourced):
        return None
    return "the place is of an occasion in another month than the claim's"


@rule("A153", "leadership-not-recorded", kinds=(STANCE,))
def leadership_not_recorded(p: Pair) -> str | None:
    """What it does: a side given as leading ("led the opposition", "headed the
    campaign against it") is judged only by a claim that records who led.

    Why: many states held out; few led the opposition. "The Dominican Republic led
    the opposition to the compact" is not supported by its holding out, and the
    claim that names the leaders does not name it.

    Example: "Latvia led the opposition to the compact." is not supported by
    Latvia's holding out at Marrakech.
    """
    own = _own_act(p)
    if own is None or own.family != "leading":
        return None
    readings = (p.version_reading, p.claim_reading)
    if any(a.family == "leading" for r in readings if r is not None for c in r.clauses for a in c.acts):
        return None
    return f"the sentence says {p.fact.text} led; the claim records no leader"


@rule("A154", "two-sides", kinds=(STANCE,), doubts_agreement=True)
def two_sides(p: Pair) -> str | None:
    """What it does: a name given one side in an aside and the other by the group
    its clause puts it among is read neither way.

    Why: "Hungary, which opposed the pact, was among the 164 countries that approved
    it" gives Hungary both sides; agreeing with one of them would support a sentence
    that is wrong either way.

    Example: "Poland, which rejected the pact, was one of the 152 states that voted
    for it." is not supported by Poland's opposition.
    """
    if p.fact.stance is None or p.clause is None:
        return None
    v = vocabulary()
    tokens = p.reading.tokens
    own = [i for i in p.clause.tokens if tokens[i].start >= p.fact.end]
    words = [tokens[i].lower for i in own]
    k = next((j for j, w in enumerate(words) if w == "among" or (w == "one" and words[j + 1 : j + 2] == ["of"])), None)
    if k is None:
        return None
    negated = any(w in v.negators for w in words[max(0, k - 3) : k])  # "was not among"
    here = p.reading.clauses.index(p.clause)
    for c in p.reading.clauses:
        # the group's own clause: "that approved it", opening right after the group's noun
        if c.parent != here or not c.tokens or tokens[c.tokens[0]].lower not in v.relatives | v.complementisers:
            continue
        if not 0 < c.tokens[0] - own[k] <= NOUN_GROUP_REACH + 3:
            continue
        act = next((a for a in c.acts if not a.infinitive), None)
        side = _side(p.reading.text, act) if act is not None and not act.negated else ""
        if negated and side in ("for", "against"):
            side = "against" if side == "for" else "for"
        if side and side != p.fact.stance.role:
            return f"the sentence gives {p.fact.text} one side and puts it among those who took the other"
        return None
    return None


@rule("A155", "two-places", kinds=(VENUE,), disagreeing=True)
def two_places(p: Pair) -> str | None:
    """What it does: a place is not contradicted when its clause also gives, not
    denied, the claim's own place: the clause speaks of two occasions.

    Why: "the final text was approved at a meeting in New York for adoption in
    Morocco" gives the place of the July meeting and the place of the December
    conference; New York is the meeting's, not the conference's.

    Example: "The final text was approved at a meeting in New York for adoption in
    Marrakech in December." is not contradicted by the conference's Marrakech; "a
    conference in Rabat, Morocco" is one occasion in one place, and is.
    """
    places = {m.id for m in venues(p.version)} | {m.id for m in venues(p.claim.primary)}
    if p.clause is None or not places:
        return None
    text = p.reading.text
    for m in p.mentions_in(p.statement, p.reading, p.clause):
        if m.id not in places or m.start == p.fact.start or p.reading.negated_before(p.clause, m.start):
            continue
        between = " ".join(text[min(p.fact.end, m.end) : max(p.fact.start, m.start)].lower().split())
        if between in ("", ",", "in", "at", "in the", "at the"):
            continue  # "Rabat, Morocco", "a conference in Rabat": one place, one occasion
        return f"the clause also gives the claim's place ({m.text}): {p.fact.text} is another occasion's"
    return None


@rule("A156", "title-of-its-time", kinds=(MEMBER,), disagreeing=True)
def title_of_its_time(p: Pair) -> str | None:
    """What it does: a post given only as a title before someone's name, in a
    sentence that gives no date and no event, is not judged by the sources' holder.

    Why: "Secretary-General X said" names the post X held when X spoke; posts change
    hands, and a sentence that never says when may be about another year. A sentence
    that says someone holds the post ("X is the Secretary-General"), or ties the act
    to a dated event, is still judged; so is someone the table knows in another
    post ("IOM Director General Louise Arbour" mixes up two posts of the sources' time).

    Example: "UN Secretary-General Jane Roe urged states to protect migrants in her
    annual message." is not contradicted by the sources' Secretary-General.
    """
    if len(p.claim.members) != 1 or p.statement.dates or p.statement.events:
        return None
    mention = next((m for m in p.statement.mentions if m.start == p.fact.start), None)
    if mention is not None and mention.kind == ENTITY:
        return None  # someone the table knows, in its time, in another part: a mix-up of that time's posts
    title = _title_words(p)
    before = p.reading.words_before(p.fact.start, 2)
    if not title or not before or before[-1] not in title:
        return None
    return f"the title gives the post {p.fact.text} held when the sentence's act took place, a time it does not give"


@rule("A157", "figure-of-comparison", elsewhere=True, kinds=(QUANTITY,), disagreeing=True)
def figure_of_comparison(p: Pair) -> str | None:
    """What it does: a figure given as the other term of a comparison ("against",
    "compared with", "up from") is not the figure of the clause's time or place.

    Why: in "3.5 per cent in 2019, against 2.8 per cent at the turn of the
    millennium" the 2.8 is another year's share; the clause's 2019 is the 3.5's.

    Example: "Migrants now make up 3.5 per cent of the world's population, against
    2.3 per cent a generation ago." is not contradicted by the 2000 share; "compared
    with 2.3 per cent in 2000" is, for it gives the term its year, the claim's.
    """
    if not _phrase_before(p, p.fact.start, vocabulary().figure_comparisons):
        return None
    if p.claim.years and any(d.year in p.claim.years for d in p.own_years()):
        return None
    return f"{p.fact.text} is the other term of a comparison, of another time or place"


@rule("A158", "another-sitting", kinds=(DATE,), disagreeing=True)
def another_sitting(p: Pair) -> str | None:
    """What it does: a date of another year, in a clause that names the claim's
    event only by the body or place that held it, in a sentence that does not name
    the claim's instrument, is the date of another sitting of that body.

    Why: the General Assembly meets every year and Marrakech hosts many meetings;
    "In September 2016 the General Assembly agreed to draft a framework" is about
    the 2016 session, not about the endorsement of 19 December 2018. A clause that
    names an occasion ("the Marrakech conference", "the General Assembly vote") or
    the instrument ("it", "the compact") with a wrong year is still judged. The
    words that name an occasion are listed in the language file.

    Example: "In October 2015, world leaders met at the UN General Assembly to
    discuss large movements of people." is not contradicted by the 2018 endorsement;
    nor is a meeting in 2024 "to consider the implementation of the compact": an
    instrument named only as what a follow-up concerns does not make the meeting its
    occasion.
    """
    event = p.event_date
    stated = p.fact.value.date if p.fact.value else None
    if p.clause is None or not p.claim.event or event is None or stated is None or not (stated.year and event.year) or stated.year == event.year:
        return None
    v = vocabulary()
    named = [m for m in p.mentions_in(p.statement, p.reading, p.clause) if m.id == p.claim.event]
    if not named or any(_names_occasion(p, m) for m in named):
        return None  # "the General Assembly vote", "the Marrakech conference": the occasion itself
    words = {p.reading.tokens[i].lower for i in p.clause.tokens}
    if any(m.kind == SUBJECT and not _followed_up(p, m) for m in p.statement.mentions) or words & v.instrument_pronouns:
        return None  # "came together in Marrakech in 2017 to adopt the compact": its occasion, misdated
    return f"the clause names {p.lexicon.label(p.claim.event)} only by who or where held it; {p.fact.text} is another sitting's"


def _followed_up(p: Pair, m: Mention) -> bool:
    """Is the instrument named only as what a follow-up concerns ("the
    implementation of the GCM", "a review of the compact")? The sentence is then
    about the follow-up. The follow-up nouns are in the language file."""
    v = vocabulary()
    before = [w for w in p.reading.words_before(m.start, 4) if w not in v.determiners]
    return len(before) >= 2 and before[-1] == "of" and before[-2] in v.follow_up_nouns


@rule("A159", "loose-bound", kinds=(QUANTITY,), disagreeing=True)
def loose_bound(p: Pair) -> str | None:
    """What it does: a bound that the sources' figure satisfies, though far from it,
    is not contradicted ("over 100" of 171, "fewer than 300" of 193).

    Why: a loose bound is true; an alarm on a true sentence teaches the writer to
    ignore the linter. It is not the sources' figure either, so the sentence is not
    supported by it.

    Example: "IOM has a presence in over 100 countries." is not contradicted by the
    sources' 171.
    """
    stated = p.fact.value.quantity if p.fact.value else None
    sourced_value = _sourced_value(p)
    sourced = sourced_value.quantity if sourced_value else None
    if stated is None or sourced is None or sourced.hedge not in ("", "exact"):
        return None
    if stated.hedge in ("more", "atleast") and sourced.value > stated.value:
        return f"{p.fact.text} is a bound the sources' {sourced_value.text} meets"  # type: ignore[union-attr]
    if stated.hedge in ("less", "atmost") and sourced.value < stated.value:
        return f"{p.fact.text} is a bound the sources' {sourced_value.text} meets"  # type: ignore[union-attr]
    return None


@rule("A160", "narrower-place", kinds=(QUANTITY, DATE), disagreeing=True)
def narrower_place(p: Pair) -> str | None:
    """What it does: a figure or date whose clause places it in a country or region
    the claim does not name, in a sentence that names neither the table's subject
    nor the claim's event, is about that place, not about the claim's whole.

    Why: "IOM has had a presence in Ghana since 1987" dates IOM's work in one
    country, not IOM's founding; "died in the Mediterranean since 2014" counts one
    route, not every death on the move.

    Example: "IOM has had an office in Ruritania since 1995." is not contradicted by
    IOM's founding in 1951, nor "Ruritania is home to 3 million migrants" or "9 per
    cent of the Ruritanian population" by the world's figures, nor "the regional
    review for Africa" by the date of the regional reviews; "IOM was founded in
    Geneva in 1961" (the place of the act, after its verb) still is.
    """
    if p.clause is None:
        return None
    place = _event_of_one_place(p)
    if place:
        return f"the sentence speaks of {p.lexicon.label(p.claim.event)} for one place ({place})"
    if any(m.kind == SUBJECT for m in p.statement.mentions):
        return None
    if p.claim.event and p.claim.event in _events_in(p, p.clause):
        return None
    v = vocabulary()
    counted = set((p.fact.value.noun if p.fact.value else "").split())
    for m in p.mentions_in(p.statement, p.reading, p.clause):
        if m.kind not in (ENTITY, NAME) or m.id in p.claim.names or p.reading.attributes(m.start, m.end):
            continue
        after = [w for w in p.reading.words_after(m.end, 4) if w != "'s"]
        if after and counted and lang.stem(after[0]) in counted and not after[0].startswith("member"):
            # ("UN member states" are an organisation's members, counted whole)
            return f"the figure counts {m.text}'s {after[0]}, not the claim's whole"  # "of the US population"
        if any(tuple(after[: len(ph)]) == ph for ph in v.home_phrases):
            return f"the sentence speaks of {m.text}, a place the claim does not name"  # "Germany is home to"
        before = p.reading.words_before(m.start, 2)
        if len(before) < 2 or before[1] != "in":
            continue
        if before[0] in v.verb_lemmas or v.past_form(before[0]) or before[0] in v.be:
            continue  # "founded in Geneva": where the act took place, not what it is about
        return f"the sentence speaks of {m.text}, a place the claim does not name"
    return None


def _event_of_one_place(p: Pair) -> str:
    """The place that narrows the claim's event where the clause names it: before
    its name ("the Asia-Pacific Regional Review") or after it with "for" ("the
    regional review for Africa"); "" when none does. A place the claim names is its
    own ("the Marrakech conference")."""
    if not p.claim.event or p.clause is None:
        return ""
    mentions = p.mentions_in(p.statement, p.reading, p.clause)
    for event in (m for m in mentions if m.id == p.claim.event):
        for m in mentions:
            if m.kind not in (ENTITY, NAME) or m.id in p.claim.names or m is event or p.reading.attributes(m.start, m.end):
                continue
            if m.end <= event.start and not p.reading.text[m.end : event.start].strip(" -"):
                return m.text  # "Asia-Pacific Regional Review"
            if event.end <= m.start and p.reading.text[event.end : m.start].strip().lower() in ("for", "for the"):
                return m.text  # "the regional review for Africa" ("UN headquarters in New York" is where it sits)
    return ""


@rule("A161", "event-as-modifier", kinds=(QUANTITY, DATE))
def event_as_modifier(p: Pair) -> str | None:
    """What it does: an event named only as the modifier of another noun is not the
    event the sentence dates or counts.

    Why: in "In 2017 Washington cut its commitment, citing New York Declaration
    policy goals", the goals are named by the declaration; 2017 is the year of the
    cut, not of the declaration.

    Example: the sentence above is not contradicted by the declaration's September
    2016, nor "the Assembly of the Chamber of Deputies, session of 21 November 2018"
    by the General Assembly's vote; "the Marrakech conference" and "the General
    Assembly vote" still name their events.
    """
    named = [m for m in p.statement.mentions if m.id == p.claim.event] if p.claim.event else []
    if named and all(m.start in p.statement.modifiers for m in named):
        return f"'{named[0].text}' is part of another name or noun; the sentence is not about it"
    return None


# --- helpers -----------------------------------------------------------------------


def _names_occasion(p: Pair, m: Mention) -> bool:
    """Does the name of an event name the occasion ("the Marrakech conference", "the
    General Assembly vote") rather than only the body or place that held it
    ("Marrakesh", "the General Assembly")? The occasion nouns are in the language file."""
    words = {t.lower for t in p.reading.tokens if m.start <= t.start < m.end} | set(p.reading.words_after(m.end, 1))
    return bool(words & vocabulary().occasion_nouns)


def _dates_a_document(p: Pair, d: DateMention) -> bool:
    """Is an attributive date the date of a document or a gathering ("the July 2018
    text", "the December 2018 conference") rather than a label ("the 2015 crisis")?"""
    if d.qualifier != ATTRIBUTIVE:
        return False
    v = vocabulary()
    after = [w for w in p.reading.words_after(d.end, 3) if w not in v.determiners]
    return bool(after) and after[0] in v.text_nouns | v.instrument_nouns | v.event_nouns


def _unknown_body(p: Pair, m: Mention) -> bool:
    """Is the name an organisation or country the claim does not know (not one found
    all over the table, not an instrument, not where figures come from)?"""
    return (
        m.kind == ENTITY and m.id not in p.claim.names and m.id not in p.background
        and m.id not in p.lexicon.instruments and not p.reading.attributes(m.start, m.end)
    )


def _directly(p: Pair, act: Act) -> bool:
    """Is nothing that starts another item (a comma, "and") between the fact and the
    act in its clause? In "152 in favour and 12 voting against" the verb is the 12's."""
    assert p.clause is not None
    lo, hi = sorted((p.fact.end, act.start))
    v = vocabulary()
    return not any(lo <= p.reading.tokens[i].start < hi and (p.reading.tokens[i].text == "," or p.reading.tokens[i].lower in v.coordinators) for i in p.clause.tokens)


def _noun_group(words: list[str], start: int, v: Vocabulary) -> list[str]:
    """The words of the noun group that starts at `start`, up to a preposition, a
    verb's helper, a relative pronoun or punctuation (at most NOUN_GROUP_REACH)."""
    group: list[str] = []
    for w in words[start : start + NOUN_GROUP_REACH]:
        if not w[:1].isalnum() or w in v.prepositions or w in v.auxiliaries or w in v.relatives or w in v.complementisers or w in v.coordinators:
            break
        group.append(w)
    return group


def _generic_subject_only(p: Pair, mentions: list[Mention]) -> bool:
    """Is every mention of the subject generic ("the pact", "this compact"), after
    another instrument was named? "The compact has 25 objectives, while the
    refugee compact has four" names the subject first: it is the table's own."""
    subject = [m for m in mentions if m.kind == SUBJECT]
    if not subject or not all(len(m.text.split()) <= 3 and all(w.islower() for w in m.text.split()[1:]) for m in subject):
        return False  # a name, even in lower case ("a global compact for safe, orderly ..."), is no pointer
    first = min(m.start for m in subject)
    return bool(p.instruments([m for m in p.statement.mentions if m.end <= first]) - {SUBJECT})


def _act_noun(word: str) -> bool:
    v = vocabulary()
    return word in v.act_nouns or any(n.startswith(word) for n in v.act_nouns)



def _document_before(p: Pair, offset: int) -> str:
    """The instrument noun (or document symbol, "55/93") of the noun group before a
    relative clause, past "of" phrases ("Resolution 55/93 of the General Assembly,
    adopted ..."), unless a name the table knows covers it ("the migration accord,
    which ...")."""
    v = vocabulary()
    i = bisect_right(p.reading.starts, offset) - 1
    reach = 0
    while i > 0 and reach < 2 * NOUN_GROUP_REACH:
        i -= 1
        t = p.reading.tokens[i]
        if t.lower in v.prepositions and t.lower != "of" or t.text in ";:()":
            break
        if t.lower in v.instrument_nouns or t.text == "/":
            if any(m.start <= t.start < m.end and m.kind != NAME for m in p.statement.mentions):
                return ""  # a name the table knows: "the migration accord, which ..."
            return "document" if t.text == "/" else t.lower
        reach += 1
    return ""


def _mention_before(p: Pair, offset: int) -> Mention | None:
    """The statement's last name that ends at or before offset (the antecedent of a
    relative clause that starts there)."""
    key = ("mention ends", id(p.statement))
    ends = p.reading.memo.get(key)
    if ends is None:
        ordered = sorted(p.statement.mentions, key=lambda m: m.end)
        ends = ([m.end for m in ordered], ordered)
        p.reading.memo[key] = ends
    positions, by_end = ends
    i = bisect_right(positions, offset)
    return by_end[i - 1] if i else None


def _grouped(reading: Reading, analysis: Analysis, what: str, items: Sequence[T]) -> dict[int, list[T]]:
    """Items (mentions or values) by the clause they stand in, worked out once."""
    key = (what, id(analysis))
    groups = reading.memo.get(key)
    if groups is None:
        groups = {}
        for item in items:
            clause = reading.clause_at(item.start)  # type: ignore[attr-defined]
            groups.setdefault(id(clause), []).append(item)
        reading.memo[key] = groups
    return groups


def note_marker_at(text: str, start: int, end: int) -> bool:
    """Is text[start:end] a number alone in brackets ("[4]", "(1)")?"""
    return start > 0 and text[start - 1] in "[(" and text[end : end + 1] in (")", "]") and text[start:end].isdigit()


def reference_before(text: str, start: int) -> str:
    """The word of reference ("footnote", "para") right before a number at start,
    past spaces and an abbreviation's full stop; "" when there is none."""
    i = start
    while i > 0 and (text[i - 1].isspace() or text[i - 1] == "."):
        i -= 1
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i].lower()
    return word if j < i and word in vocabulary().reference_words else ""


def _sourced_value(p: Pair) -> Value | None:
    return next((v for v in p.version.values if v.start == p.comparison.at), None)


def _has_unknown_verb(p: Pair) -> bool:
    """Does the clause have a verb outside every act family that the claim does not
    use either ("was activated on")?"""
    assert p.clause is not None
    v = vocabulary()
    following = p.reading.words_after(p.fact.end, 1)
    if following and following[0].isalpha() and following[0] not in v.prepositions | v.auxiliaries | v.coordinators | v.determiners and not following[0].endswith("ed"):
        return False  # "its 5 December 2017 statement": the date is the noun's
    claim_words = {t.lower[:5] for t in p.version_reading.tokens} | {t.lower[:5] for t in p.claim_reading.tokens}  # type: ignore[union-attr]
    tokens = p.reading.tokens
    first, last = p.clause.index_range(tokens, p.fact.start, p.fact.end)
    # near the date; anywhere in its clause when the clause has no act the reader knows
    # ("On 4 December 2000, the Assembly, taking into account ..., proclaimed ...")
    lo, hi = (max(0, first - GOVERNING_REACH), last + GOVERNING_REACH + 1) if p.clause.acts else (0, len(p.clause.tokens))
    for n in range(lo, min(len(p.clause.tokens), hi)):
        t = tokens[p.clause.tokens[n]]
        planning = t.lower in {phrase[0] for phrase in (*v.future, *v.conditional)}
        # an irregular participle after "be" is a passive of its own ("was taken at")
        passive = n > 0 and tokens[p.clause.tokens[n - 1]].lower in v.be and t.lower in v.irregular
        past = v.past_form(t.lower) or (passive and (v.irregular[t.lower],) not in v.acts)
        if not planning and t.kind == "word" and t.text[:1].islower() and past and t.lower not in v.attitude:
            if t.lower[:5] not in claim_words:
                return True
    return False


def _same_document_in_claim(p: Pair, words: list[str]) -> bool:
    """Does the claim's own text speak of "a declaration" too?"""
    claim_words = [t.lower for t in p.version_reading.tokens]
    return any(w in claim_words for w in words if w in vocabulary().instrument_nouns)


def _clause_overlap(p: Pair) -> float:
    """The share of the fact's clause's words that the claim has."""
    if p.clause is None:
        return 0.0
    key = ("keywords", id(p.clause))
    words = p.reading.memo.get(key)
    if words is None:
        words = lang.keywords(p.reading.text_of(p.clause))
        p.reading.memo[key] = words
    return len(words & p.claim.keywords) / len(words) if words else 0.0


def _subject_words(p: Pair) -> frozenset[str]:
    """The words of the clause before its first verb: what a figure after the verb
    counts ("The world's migrant population swelled by 51 million"). Worked out once
    per clause."""
    if p.clause is None or not p.clause.tokens:
        return frozenset()
    key = ("subject words", id(p.clause))
    found = p.reading.memo.get(key)
    if found is None:
        v = vocabulary()
        words: list[str] = []
        for i in p.clause.tokens:
            t = p.reading.tokens[i]
            if t.lower in v.auxiliaries or v.past_form(t.lower) or t.kind == "number":
                break
            words.append(t.text)
        found = lang.keywords(" ".join(words))
        p.reading.memo[key] = found
    return found


def _relative_after(p: Pair) -> Clause | None:
    """The relative clause that opens right after the fact's name (", which ...", ", who ...")."""
    following = p.reading.clause_at(_next_token_start(p.reading, p.fact.end, skip=","))
    if following is not None and following is not p.clause and following.kind == RELATIVE:
        return following
    return None


def _next_token_start(reading: Reading, offset: int, skip: str = "") -> int:
    """Where the next token after offset starts, passing over tokens in `skip`."""
    i = bisect_right(reading.starts, offset)
    while i < len(reading.tokens) and reading.tokens[i].text in skip.split() + list(skip):
        i += 1
    return reading.tokens[i].start if i < len(reading.tokens) else offset


def _side(text: str, act: Act) -> str:
    """The side an act's verb takes on its own ("held out", "backed out": against),
    from the reader's language file, else from the analyser's role words, or ""."""
    side = act.answer or vocabulary().sides.get(tuple(act.lemma.split()), "")
    if side:
        return side
    roles = [lang.role_of(m) for m in lang.find_roles(text[act.start : act.end])]
    return roles[0] if roles else ""


def _speaks_of_future(p: Pair) -> bool:
    """Is the claim's value about what will happen ("The plan will cost $3 million")?
    The clause that holds the value decides when the sources' value is known; a claim
    with a prediction elsewhere ("lives will be saved") is not a plan for its venue."""
    if p.sourced_clause is not None:
        return p.sourced_clause.modality == FUTURE
    readings = (p.version_reading, p.claim_reading)
    return any(c.modality == FUTURE for r in readings if r is not None for c in r.clauses)


def _reported(p: Pair) -> bool:
    """Is the fact someone's words: in a quotation, or what a verb of saying governs?"""
    return p.clause is not None and (p.clause.quoted or p.clause.reported)


def _records_saying(p: Pair) -> bool:
    """Does the claim record what the sentence's speaker said ("Guterres said that
    ...")? The speaker must be one the claim names: Merkel's words are not AP's."""
    if not (_says_anywhere(p.version_reading) or _says_anywhere(p.claim_reading)):  # type: ignore[arg-type]
        return False
    named = {m.id for m in p.statement.mentions if m.kind in (ENTITY, NAME)}
    return bool(named & (p.claim.names - p.background))


def _third_party(p: Pair, reported: Clause) -> bool:
    """Is the speaker of reported words someone other than the claim's holder or a
    source of figures? "A spokesman said the pact has 25 objectives" reports an
    opinion; "the report says" and "IOM says it has 175 members" relay a source or
    the holder, and a wrong figure there is the sentence's own."""
    while reported.kind != REPORTED and reported.parent >= 0:
        reported = p.reading.clauses[reported.parent]  # "declared that when two-thirds ...": the saying
    if reported.parent < 0:
        return False
    # the clause with the verb of saying and, when it is a relative clause ("the
    # Alliance, which says ..."), the one that names who says it
    speakers = [p.reading.clauses[reported.parent]]
    if speakers[0].kind == RELATIVE and speakers[0].parent >= 0:
        speakers.append(p.reading.clauses[speakers[0].parent])
    words = {p.reading.tokens[i].lower for c in speakers for i in c.tokens}
    if words & vocabulary().source_nouns:
        return False
    named = {m.id for c in speakers for m in p.mentions_in(p.statement, p.reading, c) if m.kind in (ENTITY, NAME)}
    return not named & (p.claim.names - p.background)


def _says_anywhere(reading: Reading) -> bool:
    saying = vocabulary().saying
    return any(t.lower in saying for t in reading.tokens)


def _after_in(p: Pair, offset: int) -> bool:
    """Is the name at offset a place ("in Marrakech", "at the Assembly")?"""
    before = [w for w in p.reading.words_before(offset, 2) if w not in vocabulary().determiners]
    return bool(before) and before[-1] in ("in", "at")


def _events_in(p: Pair, clause: Clause | None) -> set[str]:
    """The events named in a clause. A common noun that names an event ("conference")
    names it only when definite: "the conference" may be Marrakech, "a press
    conference" is not."""
    found = set()
    for m in p.mentions_in(p.statement, p.reading, clause):
        if m.kind != EVENT:
            continue
        if m.text.islower() and p.reading.words_before(m.start, 1) not in (["the"], ["this"], ["that"]):
            continue
        if p.reading.words_after(m.end, 1) in (["'s"], ["\u2019s"]):
            continue  # "the General Assembly's stocktaking meeting" is another event
        found.add(m.id)
    return found


def _apposed_title(p: Pair) -> set[str]:
    """The capitalised words of a title set off by a comma beside the name, after it
    ("Jane Roe, Director of the Global Migration Centre, said") or before it ("the
    Special Representative, Mr. Peter Sutherland,"), lower case; empty when none."""
    v = vocabulary()
    tokens = p.reading.tokens
    skip = v.determiners | {"of", "for", "on", "'s"}

    def title(run: Iterable[Token]) -> set[str]:
        words: set[str] = set()
        for t in run:
            if t.text in (",", ";", ")", "(") or (t.kind == "punct" and t.text not in "'\u2019-"):
                break
            if t.lower in skip:
                continue
            if not t.text[:1].isupper():
                break  # "Jane Roe, who heads IOM,": no title
            words.add(t.lower)
        return words

    after = bisect_right(p.reading.starts, p.fact.end - 1)
    if after >= len(tokens) or tokens[after].text != ",":
        return set()  # no apposition: "In Geneva, Jane Roe said"
    found = title(tokens[after + 1 :])
    before = bisect_right(p.reading.starts, p.fact.start) - 2  # the token before the name
    while before >= 0 and (tokens[before].text == "." or tokens[before].lower in v.honorifics):
        before -= 1  # "the Special Representative, Mr. Peter Sutherland,"
    if before >= 0 and tokens[before].text == ",":
        found |= title(reversed(tokens[:before]))
    return found


def _title_words(p: Pair) -> set[str]:
    """The words of a post's title in the claim ("Secretary-General", "Director General"):
    its capitalised words that are not the holder's name, nor all capitals ("UN")."""
    holder = {w.lower() for member in p.claim.members for alias in (*p.lexicon.entities.get(member, ()), member) for w in alias.split()}
    words = set()
    for t in p.claim_reading.tokens:  # type: ignore[union-attr]
        if t.kind == "word" and t.text[:1].isupper() and not t.text.isupper() and t.lower not in holder and t.lower not in ("the", "a", "an"):
            words.add(t.lower)
    return words


def _before_verb(p: Pair, offset: int) -> bool:
    """Does offset stand before the first verb of its clause (in its subject)?"""
    assert p.clause is not None
    v = vocabulary()
    for i in p.clause.tokens:
        t = p.reading.tokens[i]
        if (t.lower in v.auxiliaries and t.lower != "'s") or any(a.start == t.start for a in p.clause.acts):
            return offset < t.start  # "'s" is read as a possessive here ("the UN system's")
    return False


def _heads_fit(p: Pair) -> bool:
    """Does the stated noun name the kind of thing the sourced noun's head does
    ("member states" and "countries" do; "core workflows" and "core instruments"
    do not)?"""
    sourced = _sourced_value(p)
    stated = p.fact.value.noun if p.fact.value else ""
    if sourced is None or not stated:
        return False
    if not sourced.noun:
        # "the number of international migrants reached 272 million": the claim names
        # what it counts before the figure
        return stated.split()[-1] in p.claim.keywords
    head = sourced.noun.split()[-1]
    return any(nouns_compatible(word, head) >= 2 for word in stated.split())


def _party_words() -> frozenset[str]:
    from gcmcheck.analysis.analyser import party_stems

    return party_stems()


def _measured(p: Pair) -> bool:
    """A money sum or a measure with a unit says what it measures by itself."""
    q = p.fact.value.quantity if p.fact.value else None
    return q is not None and q.kind in ("measure", "money")


def _acts(clause: Clause) -> str:
    return " / ".join(sorted({a.lemma for a in clause.acts}))


def _names(ids: set[str], p: Pair) -> str:
    """Instruments as a reader knows them: "the subject", an event's label, an entity's first name."""
    def name(i: str) -> str:
        if i == SUBJECT:
            return "the subject"
        if i in p.lexicon.events:
            return p.lexicon.label(i)
        aliases = p.lexicon.entities.get(i)
        return aliases[0] if aliases else i

    return ", ".join(sorted(name(i) for i in ids))


@rule("A162", "force-of-another-text", kinds=(BINDING,))
def force_of_another_text(p: Pair) -> str | None:
    """What it does: the legal force said of another text ("the decision", "the
    resolution") in its clause's subject is not the force of the table's instrument.

    Why: in "The decision is not binding, and the government was free to sign the
    agreement", the parliament's decision is what binds no one; the sentence says
    nothing of the agreement's force.

    Example: the sentence above is not supported by the compact's being
    non-binding; "The compact is not binding" and "None of its provisions are
    binding" still are.
    """
    if p.clause is None:
        return None
    v = vocabulary()
    subject: list[int] = []
    for i in p.clause.tokens:
        t = p.reading.tokens[i]
        if t.start >= p.at:
            break
        if t.lower in v.auxiliaries or t.lower in v.modal_words:
            break
        subject.append(i)
    if not subject:
        return None
    start, end = p.reading.tokens[subject[0]].start, p.reading.tokens[subject[-1]].end
    if any(m.kind == SUBJECT and start <= m.start < end for m in p.statement.mentions):
        return None
    words = [p.reading.tokens[i].lower for i in subject]
    if any(w in v.instrument_pronouns for w in words):
        return None  # "its provisions", "it": the instrument itself
    other = [w for w in words if w in v.instrument_nouns]
    if other:
        return f"the legal force is that of '{' '.join(w for w in words if w not in v.determiners)}', not of the instrument"
    return None


@rule("A163", "later-round", kinds=(DATE,), disagreeing=True)
def later_round(p: Pair) -> str | None:
    """What it does: a date later than the sources, given for a later round of an
    event the sources only planned ("the second regional review", "the next
    Forum"), is that round's date, not the plan's.

    Why: planned events recur. Sources of 2019 that plan regional reviews for 2020
    say nothing of the second round, held in 2024.

    Example: "The second regional review of the compact will be hosted in Geneva
    on 11 March 2024." is not contradicted by the plan for 2020; "The regional
    reviews will take place in 2021" still is.
    """
    stated = p.fact.value.date if p.fact.value else None
    if not p.planned or stated is None or stated.year is None or p.claim.as_of is None or stated.year <= p.claim.as_of:
        return None
    if p.clause is None:
        return None
    rounds = vocabulary().later_rounds
    found = next((p.reading.tokens[i].lower for i in p.clause.tokens if p.reading.tokens[i].lower in rounds), None)
    if found:
        return f"the date is that of the {found} round, later than the sources' plan"
    return None


@rule("A164", "other-founded-thing", kinds=(DATE,), disagreeing=True)
def other_founded_thing(p: Pair) -> str | None:
    """What it does: the date of launching, setting up or creating one thing is not
    the date of launching another: the things launched must be named alike.

    Why: a network launches funds, initiatives, campaigns and reports; "we launched
    the pledging initiative on 10 December 2021" says nothing of when the start-up
    fund was launched.

    Example: the sentence above is not contradicted by the fund's launch in May
    2019, nor "On 10 December 2021 the Network launched a pledging campaign" by the
    Network's own founding; "The Network launched its start-up fund in May 2020"
    and "The Secretary-General established the network in 2016" still are.
    """
    if p.act is None or p.act.family != "founding" or p.clause is None or p.sourced_act is None or p.sourced_clause is None:
        return None
    if p.act.passive or p.sourced_act.passive:
        return None  # "the fund, launched in 2019": the thing stands before the verb
    stated = _object_group(p.reading, p.clause, p.act.end)
    sourced = _object_group(p.version_reading, p.sourced_clause, p.sourced_act.end)
    if not stated or not sourced:
        return None
    head = lang.stem(stated[-1])
    if head in {lang.stem(w) for w in sourced} or lang.stem(sourced[-1]) in {lang.stem(w) for w in stated}:
        return None  # "its start-up fund" and "the start-up fund"; "the network" and "the UN Network on Migration"
    return f"the sentence dates the launch of '{' '.join(stated)}', the sources that of '{' '.join(sourced)}'"


def _object_group(reading: Reading, clause: Clause, after: int) -> list[str]:
    """The words (lower case) of the noun group right after a verb ("launched the
    'pledging initiative'": pledging, initiative), up to a preposition or
    punctuation, a name's words included ("the UN Network on Migration": un,
    network); empty for a pronoun or nothing."""
    v = vocabulary()
    words = [reading.tokens[i].lower for i in clause.tokens if reading.tokens[i].start >= after and reading.tokens[i].kind != "quote"]
    while words and words[0] in v.determiners:
        words = words[1:]
    if not words or words[0] in v.instrument_pronouns:
        return []
    return [w for w in _noun_group(words, 0, v) if w.isalpha()]


@rule("A165", "cut-off", kinds=(STANCE, MEMBER))
def cut_off(p: Pair) -> str | None:
    """What it does: a side read from a verb that ends a sentence cut off in the
    middle (no closing punctuation, nothing after the verb), or a name that ends
    it, is not read.

    Why: excerpts, captions and scraped pages stop mid-sentence; in "The role of
    the United States is critical as it has historically and generously welcomed"
    what was welcomed is lost, so no side on the compact can be read, and in "…
    comprising IOM, UNICEF and the Unite" the last name is cut.

    Example: the sentence above is not contradicted by the United States' pulling
    out; "The United States pulled out." (a finished sentence) still is read.
    """
    text = p.reading.text.rstrip()
    if not text or text[-1] in ".!?\u2026\"'\u201d\u2019)]" or p.clause is None or not p.reading.tokens:
        return None
    last = p.reading.tokens[-1]
    if p.fact.kind == MEMBER:
        # a name the table knows is whole ("US pulled out under Obama" is a headline)
        mention = next((m for m in p.statement.mentions if m.start == p.fact.start), None)
        unknown = mention is not None and mention.kind == NAME
        return "the sentence is cut off in the middle of this name" if unknown and p.fact.end >= last.end else None
    v = vocabulary()
    # a verb that needs what it acts on ("welcomed", "rejected"), not "pulled out"
    if any(a.end == last.end and a.lemma not in v.objectless_acts for c in p.reading.clauses for a in c.acts):
        return "the sentence is cut off right after the verb that would give the side"
    return None


@rule("A166", "date-of-its-own-act", kinds=(DATE,), disagreeing=True)
def date_of_its_own_act(p: Pair) -> str | None:
    """What it does: a date that follows an act of the instrument named by a noun
    ("since its adoption in 2018") dates that act, and is compared only with claims
    of acts of the same family.

    Why: in "The Forum reviewed the compact's progress since its adoption in 2018",
    2018 is the year of the adoption, not of the Forum.

    Example: the sentence above is not contradicted by the Forum's date (2022);
    "since its adoption in 2016" is still judged by the adoption's date.
    """
    v = vocabulary()
    noun = own_act_before(p.reading.text, p.fact.start)
    if not noun:
        return None
    family = next((v.acts[(w,)] for w in (noun, noun[:-3], noun[:-4], noun[:-2], noun[:-1]) if (w,) in v.acts), None)
    if family is None:
        return None
    sourced = {a.family for c in (p.version_reading, p.claim_reading) if c is not None for k in c.clauses for a in k.acts}
    if sourced and family not in sourced:  # not merely compatible: the Forum "takes place", the compact was adopted
        return f"the date is that of the instrument's {noun}, the claim's of another act"
    return None


@rule("A167", "holder-in-a-list-of-bodies", kinds=(MEMBER,), disagreeing=True)
def holder_in_a_list_of_bodies(p: Pair) -> str | None:
    """What it does: a person who holds a post in the table is not weighed as a
    member of a list of bodies.

    Why: captions and reports list the heads of agencies beside the agencies; in
    "Guy Ryder, ILO Director General, ..., António Vitorino, IOM Director General"
    the people are not candidates for the Network's Executive Committee, whose
    members are organisations.

    Example: a caption naming IOM's Director General among agency heads is not
    contradicted by the list of the Executive Committee's eight entities.
    """
    if len(p.claim.members) < 2 or not p.fact.entity or p.fact.entity not in p.post_holders:
        return None
    if p.claim.members & p.post_holders:
        return None  # a list of people: a holder can be one of them
    return f"'{p.fact.text}' is a person who holds a post, not one of the bodies the claim lists"


@rule("A168", "attributive-figure", kinds=(QUANTITY,))
def attributive_figure(p: Pair) -> str | None:
    """What it does: a figure written as part of a noun ("the 193-member Assembly",
    "a 1,954-mile border") describes that noun; it is never a count of those who did
    the clause's act.

    Why: "The 193-member General Assembly endorsed the compact" gives the Assembly's
    size, not the vote; the 152 who voted in favour do not contradict it.

    Example: the sentence above is not contradicted by the 152 votes in favour;
    "The UN's 193 members ..." is still compared with the UN's membership.
    """
    text = p.reading.text
    if text[p.fact.end : p.fact.end + 1] not in ("-", "\u2010", "\u2011") or not text[p.fact.end + 1 : p.fact.end + 2].isalpha():
        return None
    sourced = _sourced_value(p)
    if sourced is not None and sourced.role in (lang.FOR, lang.AGAINST, lang.ABSTAIN):
        return f"'{p.fact.text}' describes a noun; the sources' figure counts a side"
    return None

