"""Judge statements against a compiled table: candidates, comparisons, verdicts.

Pipeline for one statement: analyse it; find candidate claims through the index
(shared keywords, names, figures, events) and rank them with rapidfuzz; keep the
claims on the statement's topic; compare each of the statement's facts with every
version of those claims; let the most relevant claim that speaks to a fact decide
it; report one result per deciding claim.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from operator import attrgetter
from math import fsum
from collections import Counter, OrderedDict
from collections.abc import Sequence, Set
from functools import lru_cache
from itertools import compress, islice
from dataclasses import dataclass, field, fields

from gcmcheck.analysis.analyser import analyse
from gcmcheck.analysis.lexicon import ENTITY, NAME, OTHER, SUBJECT
from gcmcheck.analysis import language as lang
from gcmcheck.engine import order
from gcmcheck.engine.holders import POSSESSIVE_RE, given_the_part
from gcmcheck.engine.alignment import Pair, Rule, misaligned, note_marker_at, reference_before, saying_before
from gcmcheck.engine.compiled import CompiledClaim, CompiledTable, title_tail
from gcmcheck.engine.explain import explain
from gcmcheck.reader.clauses import Act, Reading, may_attribute, plain_words, read
from gcmcheck.reader.vocabulary import vocabulary
from gcmcheck.engine.facts import (
    DATE,
    VENUE,
    MATCH,
    MEMBER,
    MISMATCH,
    QUANTITY,
    STANCE,
    BINDING,
    ORDER,
    Comparison,
    Fact,
    compare,
    facts_of,
    membership_facts,
    owned_years,
    venues,
)
from gcmcheck.analysis.analyser import ATTRIBUTIVE, party_stems
from gcmcheck.analysis.dates import format_date
from gcmcheck.models import Analysis, DateMention, Result, Value, Verdict
from gcmcheck.regex_cache import regex

# A claim is on the statement's topic when they share a specific name, an event or a
# figure, or when this share of the statement's (IDF-weighted) words is in the claim.
MIN_WORD_OVERLAP = 0.34
# A statement naming the subject with this share of its words in a claim is tied to the
# claim firmly enough for a year or a place alone to be judged by it.
ANCHORING_OVERLAP = 0.6
# A list-membership fact needs the statement to talk about the list itself.
MIN_MEMBER_OVERLAP = 0.5
# A supporting claim wins a fact unless a contradicting one is clearly more relevant.
MATCH_MARGIN = 0.8
CANDIDATE_LIMIT = 25
# A title in apposition names a claim's post when this share of its words are the claim's.
# At most this many claims of a big table are weighed in full for one statement.
POOL_LIMIT = 64
MEMO_SIZE = 4096
# A word found in more than this share of claims (and at least GENERIC_MIN_CLAIMS)
# adds weight to a match but does not on its own bring a claim into the pool.
GENERIC_SHARE = 0.2
GENERIC_MIN_CLAIMS = 20
# A figure this large shared with a claim ties a statement to it despite other names
# (small numbers recur everywhere).
SHARED_FIGURE_MIN = 13
NAMED, WORDED = "named", "worded"
FUZZ_CUTOFF = 20.0


@dataclass(slots=True)
class Candidate:
    claim: CompiledClaim
    relevance: float
    overlap: float
    score: float
    anchored: bool = False  # shares a specific name, an event or a figure with the statement
    # admitted only for the clauses that name nobody the claim does not (see rule A130)
    clause_only: bool = False


@dataclass(slots=True)
class Decision:
    """How one claim judges one fact, across the claim's versions."""

    fact: Fact
    candidate: Candidate
    verdict: Verdict
    comparisons: list[tuple[tuple[str, ...], Comparison]]
    note: str = ""

    @property
    def expected(self) -> str:
        mismatched = [c.expected for _, c in self.comparisons if c.outcome == MISMATCH]
        return mismatched[0] if mismatched else self.comparisons[0][1].expected


@dataclass(slots=True)
class Judgement:
    """A statement's verdicts, before positions in a document are attached."""

    text: str
    results: list[Result] = field(default_factory=list)


class Checker:
    """Checks statements against one compiled table. Pure: no I/O, no printing."""

    def __init__(self, table: CompiledTable):
        self.table = table
        # documents repeat sentences (boilerplate, quotes, lists): judge each once
        self._memo: OrderedDict[str, list[Result]] = OrderedDict()
        self._event_dates: dict[str, tuple[DateMention, CompiledClaim]] | None = None  # read on first need
        self._own_names_of: dict[str, frozenset[str]] = {}
        self._version_readings: dict[str, Reading] = {}
        self._doubtful: list[Fact] = []  # facts of the statement whose disagreements were set aside
        self._unconfirmed: list[Fact] = []  # sides of the statement whose agreements were set aside
        self._compared: set[tuple[int, int]] = set()  # the facts some claim's version was compared with
        self._facts: list[Fact] = []  # the statement's facts, as _decide read them
        self._dated_claims: list[tuple[CompiledClaim, set[int]]] | None = None  # claims and their dates' months, on first need
        self._name_words: tuple[list[str], frozenset[str]] | None = None  # the lexicon's capitalised names, on need
        self._voted: frozenset[str] | None = None  # the events at which a claim records a vote, on need
        self._holders: frozenset[str] | None = None  # the table's holders of posts, on need
        # when a list, every pairing of a fact with a claim and the rule that stopped it
        self.trace: list[tuple[Fact, str, Comparison, tuple[Rule, str] | None]] | None = None

    def check(self, text: str) -> list[Result]:
        """One or more results for one statement, most severe first. Each call
        returns fresh Result objects that the caller may change."""
        results = self._memo.get(text)
        if results is None:
            results = self._check(text)
            self._memo[text] = results
            if len(self._memo) > MEMO_SIZE:
                self._memo.popitem(last=False)
        else:
            self._memo.move_to_end(text)
        return [_fresh(r) for r in results]

    def explain(self, text: str) -> tuple[list[Result], list[tuple[Fact, str, Comparison, tuple[Rule, str] | None]]]:
        """The results for one statement with every pairing of a fact and a claim the
        alignment rules weighed (and the rule that set it aside, if any), for --trace.
        The memo is bypassed, so the pairings are always worked out."""
        self.trace = []
        try:
            return [_fresh(r) for r in self._check(text)], self.trace
        finally:
            self.trace = None

    def _check(self, text: str) -> list[Result]:
        """Read the statement with its typographic hyphens and spaces made plain
        ("non\u2011binding" is "non-binding"); one character for one, so every
        offset still points into the text as written."""
        plain = text.translate(_TYPOGRAPHIC)
        results = self._check_plain(plain)
        if plain != text:
            for r in results:
                r.text = text
        return results

    def _check_plain(self, text: str) -> list[Result]:
        statement = analyse(text, self.table.lexicon)
        other = next((m for m in statement.mentions if m.kind == OTHER), None)
        if other and not any(m.kind == SUBJECT for m in statement.mentions):
            why = f"This is about {other.text}, which the table does not cover."
            return [Result(text=text, verdict=Verdict.UNVERIFIABLE, explanation=why)]
        candidates = self._candidates(statement)
        self._doubtful, self._unconfirmed, self._compared = [], [], set()
        decisions = self._decide(statement, candidates)
        if not decisions:
            return [Result(text=text, verdict=Verdict.UNVERIFIABLE, explanation=self._why_unverifiable(statement, candidates))]
        # a fact whose only disagreement was set aside as another fact's is unchecked,
        # not agreed: the statement as a whole is then not "supported"
        decided = {(d.fact.start, d.fact.end) for d in decisions}
        # so is a name listed with others for one side, when only the others' side is
        # confirmed: "A, B and C voted against it" with only C's vote in the sources,
        # or with C a name no claim knows; and a country or person no claim knows,
        # given a side: "India voted for it while the US voted against"
        listed_sides = [d for d in decisions if d.fact.stance]
        clause_at = read(text).clause_at
        listed = {(d.fact.stance.role, id(clause_at(d.fact.start))) for d in listed_sides}  # type: ignore[union-attr]
        unconfirmed = self._unconfirmed + [  # names no claim speaks of at all
            f for f in self._facts if f.kind == STANCE and f.entity and (f.start, f.end) not in self._compared
        ]
        self._doubtful += [
            f for f in unconfirmed
            if f.stance and ((f.stance.role, id(clause_at(f.start))) in listed or self._unknown_party(statement, f))
        ]
        doubtful = list(dict.fromkeys(f.text for f in self._doubtful if (f.start, f.end) not in decided))
        forces = _other_forces(text)  # "politically binding": stated, and no claim's to judge
        only = _only_some(statement, decisions)  # "only the US and Hungary": the sources name more
        included = _included_unknowns(statement, decisions)  # "the 164 … included Germany and Spain"
        unchecked = _unchecked_values(statement, decisions) + doubtful + forces + only + included
        return self._results(text, decisions, list(dict.fromkeys(unchecked)))

    def _unknown_party(self, s: Analysis, f: Fact) -> bool:
        """Is the side's holder a name no claim knows that could take one (a country or
        a person, not a group, a body or an instrument)?"""
        mention = next((m for m in s.mentions if m.start == f.start), None)
        if mention is None or mention.kind != NAME or f.stance is None or f.stance.role not in (lang.FOR, lang.AGAINST):
            return False
        reading, v = read(s.text), vocabulary()
        first = mention.text.split()[0].lower()
        if not reading.words_before(mention.start, 1) and (
            first.endswith(("ly", "ed", "ing")) or first in v.negators | v.determiners | v.adverbs | v.verb_lemmas
        ):
            return False  # "Nothing in it …", "Previously adopted …": a capital that opens the sentence
        after = reading.words_after(mention.end, 1)
        two = reading.words_after(mention.end, 2)
        if two[:1] == ["of"] and len(two) == 2 and (two[1][:1].isdigit() or two[1] in v.determiners):
            return False  # "Representatives of 164 countries": a group named by its noun
        closed = v.auxiliaries | v.modal_words | v.prepositions | v.coordinators | v.relatives | v.negators | v.adverbs
        if after and after[0].isalpha() and after[0].islower() and after[0] not in v.verb_lemmas | closed and not v.past_form(after[0]):
            return False  # "the Moroccan city": an adjective before its noun, no one's name ("India was" is a name)
        last = mention.text.split()[-1].lower()
        return lang.stem(last) not in party_stems() and last not in v.body_nouns | v.instrument_nouns | v.event_nouns

    # --- candidates ------------------------------------------------------------------

    def _candidates(self, s: Analysis) -> list[Candidate]:
        """Claims on the statement's topic. The index narrows the pool by specific
        words, names, figures, events and sides; only the eligible few are scored
        by rapidfuzz."""
        t = self.table
        names = self._specific_names(s)
        sided = {st.entity for st in s.stances}
        pool = _narrow(self._postings(s, names, sided))
        if not pool:
            return []
        weights = {w: t.weight(w) for w in s.keywords}
        total = fsum(weights.values()) or 1.0  # fsum: the same total in any order
        values = {v.quantity.value for v in s.quantities if v.quantity}
        counted = {w for v in s.quantities for w in v.noun.split()} - party_stems()
        years = {v.date.year for v in s.dates if v.date and v.date.year}
        subject_named = any(m.kind == SUBJECT for m in s.mentions)
        outsiders = self._outsiders(s)
        s_ordinals = _ordinals_in(s.text)
        eligible: list[Candidate] = []
        free_clauses: bool | None = None  # has the sentence a clause with a figure and no outsider?
        for i in pool:
            c = t.claims[i]
            clause_only = False
            if not self._names_fit(s, c, outsiders, values, names, s_ordinals):
                if free_clauses is None:
                    free_clauses = self._outsider_free_clause(s, outsiders)
                if not free_clauses:
                    continue
                clause_only = True  # "IOM has 175 member states and the compact has 25 objectives"
            shared_weight = fsum(map(weights.__getitem__, s.keywords & c.keywords))
            # a long statement shares a small part of its words with any claim: the
            # share of the claim's own words counts too
            overlap = max(shared_weight / total, shared_weight / t.keyword_weight(i))
            shared_names = bool(names & c.names)
            shared_event = bool(s.events and c.event in s.events)
            shared_value = bool(values & c.values) or bool(counted & c.counted)
            legal_force = s.binding is not None and subject_named and i in t.by_binding
            # someone's side is relevant wherever the table gives that someone's side
            side = any(i in t.by_stance.get(entity, ()) for entity in sided)
            if not (shared_names or shared_event or shared_value or legal_force or side or overlap >= MIN_WORD_OVERLAP):
                continue
            relevance = overlap + 0.4 * shared_value + 0.3 * shared_names + 0.3 * shared_event + 0.5 * legal_force
            # a statement about the subject in the claim's own words is tied to it too
            worded = subject_named and overlap >= ANCHORING_OVERLAP
            anchored = shared_names or shared_event or shared_value or side or legal_force or bool(years & c.years) or worded
            eligible.append(Candidate(c, relevance, overlap, 0.0, anchored, clause_only))
        if not eligible:
            return []
        from rapidfuzz import fuzz, process

        query = " ".join(sorted(s.keywords | names))
        choices = {k: cand.claim.match_text for k, cand in enumerate(eligible)}
        for _, score, k in process.extract(query, choices, scorer=fuzz.token_set_ratio, limit=None, score_cutoff=FUZZ_CUTOFF):
            eligible[k].score = float(score)
        eligible.sort(key=lambda c: (-c.relevance, -c.score, c.claim.id))
        return [c for c in eligible[:CANDIDATE_LIMIT] if c.score >= FUZZ_CUTOFF or c.relevance >= 0.7 or c.anchored]

    def _outsider_free_clause(self, s: Analysis, outsiders: list[str]) -> bool:
        """Does a clause of a sentence of several hold a figure or date and none of
        the outsiders (the names a claim would have to know)?"""
        if not any(m.kind == SUBJECT for m in s.mentions):
            return False  # rule A130 judges only clauses that name the subject
        reading = read(s.text)  # the reader remembers the sentences it read last
        clauses = [c for c in reading.clauses if c.tokens]
        if len(clauses) < 2:
            return False
        owner = {id(reading.clause_at(m.start)) for m in s.mentions if m.id in outsiders}
        return any(id(reading.clause_at(v.start)) not in owner for v in s.values)

    def _postings(self, s: Analysis, names: set[str], sided: set[str]) -> list[Sequence[int]]:
        """The index's lists of claims that share one of the statement's specific
        words, names, figures, events or sides."""
        t = self.table
        generic = max(GENERIC_MIN_CLAIMS, GENERIC_SHARE * len(t.claims))
        postings: list[Sequence[int]] = [p for w in s.keywords if len(p := t.by_keyword.get(w, ())) <= generic]
        postings += [t.by_name.get(n, ()) for n in names]
        postings += [t.by_value.get(v.quantity.value, ()) for v in s.quantities]  # type: ignore[union-attr]
        postings += [t.by_event.get(e, ()) for e in s.events]
        if s.binding is not None:
            postings.append(t.by_binding)
        postings += [t.by_stance.get(entity, ()) for entity in sided]
        return [p for p in postings if p]

    def _specific_names(self, s: Analysis) -> set[str]:
        return {m.id for m in s.mentions if m.kind in (ENTITY, NAME)} - self.table.background

    def _outsiders(self, s: Analysis) -> list[str]:
        """Specific names the statement gives that are not mere attributions."""
        cued = may_attribute(s.text)
        return [
            m.id
            for m in s.mentions
            if m.kind in (ENTITY, NAME) and m.id not in self.table.background and not (cued and read(s.text).attributes(m.start, m.end))
            and m.id not in self.table.lexicon.instruments  # another instrument is alignment's to judge (rule A101)
        ]

    def _names_fit(
        self, s: Analysis, c: CompiledClaim, outsiders: list[str], values: set[float], names: set[str], s_ordinals: frozenset[str]
    ) -> bool:
        """A claim cannot judge a statement about someone else: "France voted in
        favour" is not decided by "164 states approved it". A statement naming
        someone the claim never mentions is kept off the claim unless it also shares
        a specific name, an event or a large figure with it ("Secretary-General
        Guterres established the UN Network …" is about the Network claim). A
        closed list decides every name against its members."""
        c_ordinals = _claim_ordinals(c.primary.text)
        if s_ordinals and c_ordinals and not s_ordinals & c_ordinals:
            return False  # "the second Review Forum" is not the first
        if all(n in c.names for n in outsiders):
            return True
        if c.claim.closed and (len(c.members) != 1 or given_the_part(s, c, self.table.background)):
            return True  # a post or a doer's act decides a name only when given that part
        if s.binding is not None and c.primary.binding is not None and any(m.kind == SUBJECT for m in s.mentions):
            return True  # the subject's legal force does not depend on who is quoted
        if c.event and c.event in s.events:
            return True
        if any(v >= SHARED_FIGURE_MIN and v in c.values for v in values):
            return True
        return bool(names & c.names)

    # --- decisions -------------------------------------------------------------------

    def _decide(self, s: Analysis, candidates: list[Candidate]) -> list[Decision]:
        facts = self._facts = facts_of(s)
        per_fact: dict[tuple[str, int, int], list[Decision]] = {}
        for cand in candidates:
            topic = self._list_topic(s, cand)
            apposed = given_the_part(s, cand.claim, self.table.background)
            # a name given the holder's part is judged by that part, not by a side
            claim_facts = [f for f in facts if not (f.kind == STANCE and f.entity in apposed)]
            if topic or apposed:
                # a statement in the claim's own words that lists names lists members:
                # "countries that helped draft the accord — Belgium, Italy … among them —"
                worded = (
                    topic == WORDED and cand.overlap >= ANCHORING_OVERLAP
                    and len({m.id for m in s.mentions if m.kind == ENTITY} - self.table.background) >= 2
                )
                claim_facts += membership_facts(
                    s, cand.claim, self.table.background, names=topic == NAMED or worded, apposed=apposed, known_only=worded
                )
            for fact in claim_facts:
                decision = self._judge(fact, cand, s)
                if decision is not None:
                    per_fact.setdefault((fact.kind, fact.start, fact.end), []).append(decision)
        # which claims support which facts: a claim that supports other facts of the
        # same clause is the context a shared fact belongs to
        supported_by: dict[str, list[Fact]] = {}
        for decisions in per_fact.values():
            for d in decisions:
                if d.verdict is Verdict.SUPPORTED:
                    supported_by.setdefault(d.candidate.claim.id, []).append(d.fact)
        chosen: list[Decision] = []
        for decisions in per_fact.values():
            fact = decisions[0].fact
            fit = {
                cid: sum(1 for f in facts if f is not fact and s.same_clause(f.start, fact.start))
                for cid, facts in supported_by.items()
            }
            same_act = self._same_act(s, fact, [d.candidate.claim for d in decisions])
            best = _choose(decisions, fit, same_act)
            if best is not None:
                best.note = self._event_note(best, decisions)
                chosen.append(best)
        return chosen + self._order_decisions(s, candidates) + self._duration_decisions(s, candidates)

    def _same_act(self, s: Analysis, fact: Fact, claims: list[CompiledClaim]) -> set[str]:
        """The claims whose own verb (or one taking its side) governs the fact: "withdrew in
        2018" is about the claim that says who withdrew when, not about a conference
        whose approval is of the same broad family."""
        if len(claims) < 2:
            return set()
        reading = read(s.text)
        clause = reading.clause_at(fact.start)
        act = clause.governing(reading.tokens, fact.start, fact.end) if clause else None
        if act is None:
            return set()
        sides = vocabulary().sides

        def kind(a: Act) -> tuple[str, str]:  # "withdraw" and "pull out" take one side: one verb here
            return a.family, sides.get(tuple(a.lemma.split()), a.lemma)

        own = kind(act)
        return {
            c.id for c in claims
            if any(kind(a) == own and not a.infinitive for k in self._read_claim_text(c.primary.text).clauses for a in k.acts)
        }

    def _order_decisions(self, s: Analysis, candidates: list[Candidate]) -> list[Decision]:
        """Orders of events ("held after the General Assembly vote"), judged by the
        dates the table gives both events, on the claim dating the first."""
        orders = order.orders_in(s) if len(s.events) >= 2 else []
        if not orders:
            return []
        if self._event_dates is None:
            self._event_dates = order.event_dates(self.table)
        label = self.table.lexicon.label
        decisions = []
        for o in orders:
            first, second = self._event_dates.get(o.first.id), self._event_dates.get(o.second.id)
            if first is None or second is None:
                continue
            agrees = order.holds(o, first[0], second[0])
            if agrees is None:
                continue
            claim = first[1]
            cand = next((c for c in candidates if c.claim is claim), None) or Candidate(claim, 0.0, 0.0, 0.0, True)
            expected = f"{order.relation_word(first[0], second[0])} {label(o.second.id)}"
            comparison = Comparison(MATCH if agrees else MISMATCH, expected, reason="order")
            fact = Fact(ORDER, o.start, o.end, o.text, entity=o.first.id)
            verdict = Verdict.SUPPORTED if agrees else Verdict.CONTRADICTED
            decisions.append(Decision(fact, cand, verdict, [(claim.versions[0].sources, comparison)]))
        return decisions

    def _duration_decisions(self, s: Analysis, candidates: list[Candidate]) -> list[Decision]:
        """How long an event lasted ("a three-day conference in Marrakech"), judged by
        the days the table's date for the event spans (10–11 December: two days). A
        right length only sets the scene, as it does unjudged; a wrong one is an error."""
        found = []
        for v in s.quantities:
            q = v.quantity
            if q is None or not v.event or v.noun.split()[-1:] != ["day"] or s.text[v.end : v.end + 1] != "-":
                continue  # a duration written as part of the event's noun: "a two-day conference"
            dated = self._event_date(v.event)
            if dated is None or not dated.day or self._event_dates is None:
                continue
            days = (dated.end_day or dated.day) - dated.day + 1
            if q.value == days:
                continue
            claim = self._event_dates[v.event][1]
            cand = next((c for c in candidates if c.claim is claim), None) or Candidate(claim, 0.0, 0.0, 0.0, True)
            comparison = Comparison(MISMATCH, f"{days} days ({format_date(dated)})", reason="duration")
            fact = Fact(QUANTITY, v.start, v.end, f"{v.text}-day", value=v)
            found.append(Decision(fact, cand, Verdict.CONTRADICTED, [(claim.versions[0].sources, comparison)]))
        return found

    def _event_note(self, chosen: Decision, decisions: list[Decision]) -> str:
        """Say when another event's figure is involved (Marrakech vs the General
        Assembly): the figure belongs elsewhere, or the other event's value."""
        event = chosen.candidate.claim.event
        if not event:
            return ""
        label = self.table.lexicon.label
        for other in decisions:
            other_event = other.candidate.claim.event
            if not other_event or other_event == event:
                continue
            if chosen.fact.event and other.verdict is Verdict.SUPPORTED:
                return f"{chosen.fact.text} is the figure for {label(other_event)}."
            if not chosen.fact.event:
                return f"For {label(other_event)} the sources give {other.expected}."
        if chosen.fact.event or chosen.fact.kind != QUANTITY:
            return ""
        for other_event, indices in self.table.by_event.items():
            if other_event == event:
                continue
            for i in indices:
                other_claim = self.table.claims[i]
                for version in other_claim.versions:
                    c = compare(chosen.fact, version.analysis, other_claim)
                    if c is not None and c.outcome == MISMATCH and c.reason == "value" and c.fit >= 2:
                        return f"For {label(other_event)} the sources give {c.expected}."
        return ""

    def _list_topic(self, s: Analysis, cand: Candidate) -> str:
        """How the statement names the claim's list itself, beyond naming a member:
        NAMED ("the Executive Committee") lets its names be tested; WORDED (many
        shared words, "guiding principles") lets only plain-phrase members be."""
        c = cand.claim
        if not c.members:
            return ""
        # "the Secretary-General's Special Representative" names a post of someone else
        topics = {
            m.id
            for m in s.mentions
            if not POSSESSIVE_RE.match(s.text, m.end) and not title_tail(s.text, m.start)
        }
        if c.list_names & (self._specific_names(s) | {SUBJECT}) & topics:
            return NAMED
        return WORDED if cand.overlap >= MIN_MEMBER_OVERLAP else ""

    def _judge(self, fact: Fact, cand: Candidate, s: Analysis) -> Decision | None:
        claim = cand.claim
        if fact.kind in (DATE, VENUE) and not cand.anchored:
            return None  # a year or a place alone, on shared words only, is too weak a link
        if fact.kind == DATE and not (claim.event and claim.event in s.events):
            if cand.overlap == 0 and not s.stances and not any(m.kind == SUBJECT for m in s.mentions):
                return None  # nor a date beside a name alone ("snow shut Geneva airport in January")
            # nor a date tied to a claim only by its venue or a name from its sources'
            # datelines ("… days after the text was finalised in New York")
            shared = self._specific_names(s) & claim.names
            if shared and not shared & self._own_names(claim) and cand.overlap < ANCHORING_OVERLAP:
                return None
        comparisons: list[tuple[tuple[str, ...], Comparison]] = []
        for version in claim.versions:
            result = compare(fact, version.analysis, claim, s)
            if result is None:
                continue
            self._compared.add((fact.start, fact.end))
            found = self._misaligned(s, fact, cand, version.analysis, result)
            if found is None:
                comparisons.append((version.sources, result))
            elif not found[0].elsewhere and (result.outcome == MISMATCH or found[0].doubts_agreement):
                self._doubtful.append(fact)
            elif not found[0].elsewhere and fact.kind == STANCE:
                self._unconfirmed.append(fact)
        if not comparisons:
            return None
        if fact.kind not in (DATE, BINDING) and self._after_the_sources(s, fact, claim):
            return None  # "by the end of 2020, $15 million": sources of 2019 cannot say
        outcomes = {c.outcome for _, c in comparisons}
        if outcomes == {MATCH} and fact.kind in (DATE, VENUE) and _planned(claim) and lang.PAST_HAPPENING_RE.search(s.text):
            return None  # a plan agrees with "was held in May 2022" but cannot say it happened
        if outcomes == {MATCH}:
            verdict = Verdict.SUPPORTED
        elif outcomes == {MISMATCH}:
            verdict = Verdict.CONTRADICTED
        else:
            verdict = Verdict.CONFLICTING
        return Decision(fact, cand, verdict, comparisons)

    def _misaligned(self, s: Analysis, fact: Fact, cand: Candidate, version: Analysis, comparison: Comparison) -> tuple[Rule, str] | None:
        """Is the pair about different facts (see gcmcheck.engine.alignment)? The
        sentence and the claim's version are read into clauses only here, on need."""
        claim = cand.claim
        pair = Pair(
            s, read(s.text), fact, claim, version, self._read_claim_text(version.text), comparison, self.table.lexicon,
            planned=_planned(claim), overlap=cand.overlap, claim_reading=self._read_claim_text(claim.primary.text),
            background=self.table.background, clause_only=cand.clause_only, voted_events=self._voted_events(),
            post_holders=self._post_holders(),
            event_date=self._event_date(claim.event),
        )
        if fact.kind == DATE and comparison.outcome == MISMATCH and _names_an_event(fact):
            pair.agreeing_of = lambda: self._agreeing(s, fact, claim)
        found = misaligned(pair)
        if self.trace is not None:
            self.trace.append((fact, claim.id, comparison, found))
        return found

    def _event_date(self, event: str) -> DateMention | None:
        """The date the table gives an event (worked out once for the table)."""
        if not event:
            return None
        if self._event_dates is None:
            self._event_dates = order.event_dates(self.table)
        found = self._event_dates.get(event)
        return found[0] if found else None

    def _post_holders(self) -> frozenset[str]:
        """The holders of posts the table gives (its one-member lists), worked out once."""
        if self._holders is None:
            self._holders = frozenset(m for c in self.table.claims if len(c.members) == 1 for m in c.members)
        return self._holders

    def _voted_events(self) -> frozenset[str]:
        """The events at which one of the table's claims records a vote (worked out once)."""
        if self._voted is None:
            ballot = vocabulary().ballot_words
            self._voted = frozenset(c.event for c in self.table.claims if c.event and plain_words(c.primary.text) & ballot)
        return self._voted

    def _agreeing(self, s: Analysis, fact: Fact, claim: CompiledClaim) -> tuple[str, ...]:
        """The events (or statements) of the table's other dated claims whose sources
        give the fact's date: "agreed in July" is the July claim's date."""
        label = self.table.lexicon.label
        if self._dated_claims is None:
            self._dated_claims = [
                (c, {v.date.month for version in c.versions for v in version.analysis.values if v.date and v.date.month})
                for c in self.table.claims
            ]
        month = fact.value.date.month if fact.value and fact.value.date else None
        found = []
        for other, months in self._dated_claims:
            if month not in months or other is claim or other.event == claim.event and claim.event:
                continue
            for version in other.versions:
                c = compare(fact, version.analysis, other, s)
                if c is not None and c.outcome == MATCH and _as_precise(fact, version.analysis, c):
                    found.append(label(other.event) if other.event else f"'{other.primary.text}'")
                    break
        return tuple(found)

    def _read_claim_text(self, text: str) -> Reading:
        """A claim's statement or version, read once per checker."""
        reading = self._version_readings.get(text)
        if reading is None:
            reading = self._version_readings[text] = read(text)
        return reading

    def _own_names(self, claim: CompiledClaim) -> frozenset[str]:
        """The names the claim's own statement gives, besides its venue (worked out once)."""
        own = self._own_names_of.get(claim.id)
        if own is None:
            places = {m.id for m in venues(claim.primary)}
            own = frozenset(m.id for m in claim.primary.mentions if m.kind in (ENTITY, NAME) and m.id not in places)
            self._own_names_of[claim.id] = own
        return own

    @staticmethod
    def _after_the_sources(s: Analysis, fact: Fact, claim: CompiledClaim) -> bool:
        """Is the fact stated for a year after the claim's latest source, and after
        any year the claim itself speaks of (plans for 2022)? The sources tell how
        things stood when they were written, not what came later ("Amy Pope became
        Director General of IOM in 2023")."""
        if claim.as_of is None:
            return False
        horizon = max([claim.as_of, *claim.years])
        dated = [
            v for v in s.dates
            if v.date and v.date.year and v.date.qualifier != ATTRIBUTIVE and s.same_clause(v.start, fact.start)
            and not saying_before(read(s.text), v.start)
        ]
        # the fact's own date is the nearest one ("372 million in 2016, up 73 million since 2025")
        nearest = min(dated, key=lambda v: min(abs(v.start - fact.end), abs(fact.start - v.end)), default=None)
        return nearest is not None and nearest.date.year > horizon  # type: ignore[union-attr,operator]

    # --- results ---------------------------------------------------------------------

    def _results(self, text: str, decisions: list[Decision], unchecked: list[str]) -> list[Result]:
        by_claim: dict[str, list[Decision]] = {}
        for d in decisions:
            if d.verdict is Verdict.UNVERIFIABLE:
                continue
            by_claim.setdefault(d.candidate.claim.id, []).append(d)
        results = [self._result(text, ds) for ds in by_claim.values()]
        if unchecked:
            # "supported" means every value stated agrees: one the sources never
            # give leaves the statement unverified, whatever else agrees
            missing = _spoken_list([f"'{u}'" for u in unchecked])
            for r in results:
                r.unchecked = list(unchecked)
                if r.verdict is Verdict.SUPPORTED:
                    r.verdict = Verdict.UNVERIFIABLE
                    r.explanation += f" But the sources say nothing that would confirm {missing}."
        results.sort(key=lambda r: (-r.verdict.severity, -(r.score or 0)))
        return results

    def _result(self, text: str, ds: list[Decision]) -> Result:
        worst = max(ds, key=lambda d: (d.verdict.severity, d.fact.kind == QUANTITY))
        claim = worst.candidate.claim
        cited = _cited_sources(worst)
        citations = [c for c in claim.claim.citations if c.source in cited] or list(claim.claim.citations)
        fix_start = fix_end = replacement = None
        if worst.verdict is Verdict.CONTRADICTED:
            comparison = next(c for _, c in worst.comparisons if c.outcome == MISMATCH)
            if comparison.fixable and worst.fact.value is not None:
                fix_start, fix_end, replacement = worst.fact.start, worst.fact.end, comparison.expected
        return Result(
            text=text,
            verdict=worst.verdict,
            claim_id=claim.id,
            claim=claim.claim.statement,
            score=round(worst.candidate.score, 1),
            stated=worst.fact.text,
            expected=worst.expected,
            explanation=self._explain(worst),
            citations=citations,
            fix_start=fix_start,
            fix_end=fix_end,
            fix_replacement=replacement,
        )

    def _explain(self, d: Decision) -> str:
        claim = d.candidate.claim
        fact = d.fact
        side = fact.stance.role if fact.stance else (fact.value.role if fact.value else "")
        return explain(
            d.verdict.value, claim.claim.statement, fact.kind, fact.text, side, d.comparisons,
            one_holder=len(claim.members) == 1, note=d.note, is_name=self._is_name_word,
        )

    def _is_name_word(self, words: str) -> bool:
        """Do these opening words start a name of the table's lexicon ("Poland",
        "António Vitorino"; not "International migrants")?"""
        if self._name_words is None:
            lex = self.table.lexicon
            aliases = [*lex.subject, *(a for v in lex.entities.values() for a in v), *(a for v in lex.events.values() for a in v)]
            capitalised = frozenset(a for a in aliases if a[:1].isupper())
            self._name_words = (sorted(capitalised), capitalised)
        ordered, names = self._name_words
        first, opening = words.split()[0].rstrip(","), words.rstrip(",")
        # in sorted order, the names that start with the opening words follow them directly
        at = bisect_left(ordered, opening)
        return first in names or at < len(ordered) and ordered[at].startswith(opening)

    def _why_unverifiable(self, s: Analysis, candidates: list[Candidate]) -> str:
        if not candidates:
            return "No claim in the table is about this."
        return "Claims on this topic exist, but none states the values this sentence gives."


_ORDINAL_RE = regex(r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\b", re.IGNORECASE)


def _names_an_event(fact: Fact) -> bool:
    """Can the date name one event: a month or a day, not a period's bound?"""
    date = fact.value.date if fact.value else None
    return date is not None and not date.qualifier and date.month is not None


def _as_precise(fact: Fact, version: Analysis, c: Comparison) -> bool:
    """Do the stated and sourced dates name the same month or day, as precisely?
    "July 2018" names the July agreement; "2018" or "December 2018" name no one
    event, and "since 2010" bounds a period."""
    stated = fact.value.date if fact.value else None  # a month or a day (_names_an_event)
    sourced = next((v.date for v in version.values if v.start == c.at and v.date), None)
    if stated is None or sourced is None:
        return False
    return sourced.month is not None and (stated.day is None) == (sourced.day is None)


def _planned(claim: CompiledClaim) -> bool:
    """Does the claim speak of a time after its sources were written (a plan)?"""
    return claim.as_of is not None and any(y > claim.as_of for y in claim.years)


def _narrow(postings: list[Sequence[int]]) -> set[int]:
    """The claims in any of the postings -- or, when that is more than POOL_LIMIT (only
    a big table gets there), the POOL_LIMIT that are in the most of them."""
    pool: set[int] = set().union(*postings)
    if len(pool) <= POOL_LIMIT:
        return pool
    shared: Counter[int] = Counter()
    # counted rarest first, so that among equals the claims of rarer postings come first
    for p in sorted(postings, key=lambda p: (len(p), p[0])):
        shared.update(p)
    # the fewest postings a kept claim is in: the claims above it all fit, those at it in part
    room, floor = POOL_LIMIT, 0
    for count, claims in sorted(Counter(shared.values()).items(), reverse=True):
        if claims > room:
            floor = count
            break
        room -= claims
    keep = set(compress(shared, map(floor.__lt__, shared.values())))
    keep.update(islice(compress(shared, map(floor.__eq__, shared.values())), room))
    return keep


def _ordinals_in(text: str) -> frozenset[str]:
    return frozenset(m.group(0).lower() for m in _ORDINAL_RE.finditer(text))


# a claim's are looked up for every statement it is a candidate for; statements' are
# not kept, so a long stream of text does not fill the memory
_claim_ordinals = lru_cache(maxsize=None)(_ordinals_in)


def _only_some(s: Analysis, decisions: list[Decision]) -> list[str]:
    """"Only" before names given a side says no one else took it: "only the US and
    Hungary have failed to sign". When the claim that confirms their side names
    others too, the "only" is not confirmed."""
    reading = read(s.text)
    named = {m.id for m in s.mentions}
    found = []
    for d in decisions:
        if d.fact.kind != STANCE or d.verdict is not Verdict.SUPPORTED:
            continue
        clause = reading.clause_at(d.fact.start)
        before = [reading.tokens[i] for i in clause.tokens if reading.tokens[i].end <= d.fact.start] if clause else []
        only = next((t for t in before[-3:] if t.lower == "only"), None)
        if only is not None and d.candidate.claim.members - named:
            # the whole list the word governs: "only the US and Hungary"
            end = max(f.end for f in (x.fact for x in decisions) if f.kind == STANCE and reading.clause_at(f.start) is clause)
            found.append(s.text[only.start : end])
    return found


def _included_unknowns(s: Analysis, decisions: list[Decision]) -> list[str]:
    """Names the table does not know, said to be among a counted group whose figure
    was judged: "The 164 countries that adopted it included Germany and Spain". The
    figure may be right; that those names were among them is not confirmed."""
    counted = [d.fact.start for d in decisions if d.fact.kind == QUANTITY]
    if not counted:
        return []
    reading, inclusion = read(s.text), vocabulary().inclusion_words
    found = []
    for m in s.mentions:
        if m.kind != NAME:
            continue
        clause = reading.clause_at(m.start)
        before = [reading.tokens[i].lower for i in clause.tokens if reading.tokens[i].end <= m.start] if clause else []
        if any(w in inclusion for w in before) and any(reading.clause_at(at) is clause or at < m.start for at in counted):
            found.append(m.text)
    return found


def _other_forces(text: str) -> list[str]:
    """Forces of another kind than the law's that the sentence states ("politically
    binding"): the analyser reads no legal force from them, and no claim gives them."""
    reading, other = read(text), vocabulary().other_forces
    found = []
    for m in lang.BINDING_RE.finditer(text):
        before = reading.words_before(m.start(), 1)
        if before and before[0] in other:
            found.append(f"{before[0]} {m.group(0)}")
    return found


def _unchecked_values(s: Analysis, decisions: list[Decision]) -> list[str]:
    """Figures and dates of the statement that no claim judged."""
    judged = {(d.fact.start, d.fact.end) for d in decisions}
    for d in decisions:
        # a figure's own year that its claim's sources give is judged with it: "by
        # 2019, 3.5 per cent" (a claim of 2019)
        claim, value = d.candidate.claim, d.fact.value
        if d.fact.kind == QUANTITY and value is not None:
            years = set(claim.years) or ({claim.as_of} if claim.as_of else set())  # dated, else of its sources' time
            clause = [v for v in s.values if s.same_clause(v.start, value.start)]
            judged |= {(y.start, y.end) for y in owned_years(s.text, value, clause) if y.year in years}
    sides = [d.fact.start for d in decisions if d.fact.kind == STANCE]
    return [v.text for v in s.values if (v.start, v.end) not in judged and _substantive(s.text, v, sides)]


def _substantive(text: str, v: Value, sides: list[int]) -> bool:
    """A value the statement asserts, not one that only sets the scene: "nine days
    later", "a two-day conference" and "the 1990 convention" are not figures to check."""
    if v.date is not None:
        # a label ("the 1990 convention"), a month without a year ("by December") or
        # the date of a saying ("DESA said in December 2019") sets the scene, unless the
        # one who spoke took the side judged: "Austria announced in October 2018 that it
        # would not sign" dates Austria's step
        reading = read(text)
        if saying_before(reading, v.start):
            clause = reading.clause_at(v.start)
            return any(at < v.start and reading.clause_at(at) is clause for at in sides)
        return v.date.qualifier != ATTRIBUTIVE and (v.date.year is not None or v.date.day is not None)
    if text[v.end : v.end + 1] == "-" and text[v.end + 1 : v.end + 2].isalpha() and v.quantity is not None and v.quantity.value < 100:
        return False  # "a 10-year plan" sets the scene ("a two-day conference" is judged by the event's dates)
    if note_marker_at(text, v.start, v.end) or reference_before(text, v.start):
        return False  # "[4]", "para. 6": a marker, not a figure
    return not lang.TIME_NOUN_RE.match(v.noun)


def _cited_sources(d: Decision) -> set[str]:
    wanted = MISMATCH if d.verdict is Verdict.CONTRADICTED else MATCH
    if d.verdict is Verdict.CONFLICTING:
        return {s for srcs, _ in d.comparisons for s in srcs}
    return {s for srcs, c in d.comparisons if c.outcome == wanted for s in srcs}


_RESULT_FIELDS = attrgetter(*(f.name for f in fields(Result)))


def _fresh(result: Result) -> Result:
    """A copy of a remembered result that its caller may change: its fields passed
    in order (several times faster than copy.copy or dataclasses.replace)."""
    copied = Result(*_RESULT_FIELDS(result))
    copied.citations = list(result.citations)
    copied.unchecked = list(result.unchecked)
    return copied


def _spoken_list(items: list[str]) -> str:
    """'a', 'a and b', 'a, b and c': a list as a sentence gives it."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


# hyphens and spaces that print like the plain ones: the hyphen and non-breaking
# hyphen, the no-break and narrow no-break spaces
_TYPOGRAPHIC = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u202f": " "})


def _choose(decisions: list[Decision], fit: dict[str, int], same_act: Set[str] = frozenset()) -> Decision | None:
    """Which claim decides a fact.

    A fact tied to an event is decided only by claims about that event (the others
    only lend a note). Then the claim that agrees with more of the statement's other
    facts wins: "3.5 per cent in 2000" is judged by the claim about 2000; then the
    claim whose own verb governs the fact ("withdrew in 2018" is judged by the
    withdrawal's date, not by a conference's of the same broad family). Otherwise a
    supporting claim wins unless a contradicting one is clearly more relevant:
    "152 voted yes" names no event and fits the General Assembly vote, not Marrakech.
    """
    fact = decisions[0].fact
    if fact.event:
        decisions = [d for d in decisions if d.candidate.claim.event in ("", fact.event)]
        if not decisions:
            return None
    if fact.kind == MEMBER:
        decisions = [d for d in decisions if d.candidate.claim.members]
    def rank(d: Decision) -> tuple[int, bool, bool, int, float]:
        # support for the statement's other facts in the same clause, then a claim
        # about the fact's own event ("the real figure at the Assembly was 152" is the
        # vote's, not the UN's membership), then how well the nouns fit ("171 member
        # states" is about "175 member states", not "8 members")
        on_event = bool(fact.event) and d.candidate.claim.event == fact.event
        own_verb = d.candidate.claim.id in same_act
        return fit.get(d.candidate.claim.id, 0), own_verb, on_event, max(c.fit for _, c in d.comparisons), d.candidate.relevance

    support = [d for d in decisions if d.verdict in (Verdict.SUPPORTED, Verdict.CONFLICTING)]
    against = [d for d in decisions if d.verdict is Verdict.CONTRADICTED]
    best_for = max(support, key=rank, default=None)
    best_against = max(against, key=rank, default=None)
    if not best_for or not best_against:
        return best_for or best_against
    fit_for, fit_against = rank(best_for)[:4], rank(best_against)[:4]
    if fit_for != fit_against:
        return best_for if fit_for > fit_against else best_against
    if best_for.candidate.relevance >= MATCH_MARGIN * best_against.candidate.relevance:
        return best_for
    return best_against
