"""Clauses and verb groups over tokens: where one fact ends and the next begins.

A sentence is split into clauses at hard breaks (";", ":", dashes, parentheses),
around quotations, at relative clauses set off by commas (", which ..."), at
subordinate clauses ("after ...", "when ...", "if ..."), and at coordinators that
join two verbs ("... has 175 members and the compact has 25 objectives"). A clause
may be discontinuous: in "Hungary, which voted against, rejected it" the main
clause is "Hungary ... rejected it". Each clause then gets its verb groups (acts
with voice and negation) and its modality. Every rule is named in
`gcmcheck.reader.rules` with an example.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

TYPE_CHECKING = False  # typing costs 2 ms to import; mypy reads the guarded import
if TYPE_CHECKING:
    from typing import Any

from gcmcheck.reader.tokens import NUMBER, PUNCT, QUOTE, WORD, Token, tokenize
from gcmcheck.reader.vocabulary import Vocabulary, vocabulary
from gcmcheck.regex_cache import regex

MAIN, COORDINATE, RELATIVE, SUBORDINATE, PARENTHETICAL, QUOTATION, REPORTED = (
    "main", "coordinate", "relative", "subordinate", "parenthetical", "quotation", "reported",
)
FUTURE, CONDITIONAL, DOUBT, QUESTION = "future", "conditional", "doubt", "question"
_HARD_BREAKS = frozenset(";:\u2014")  # brackets open parentheticals, like parentheses
_OPEN, _CLOSE = frozenset("(["), frozenset(")]")
_DASHES = frozenset("-\u2013")
# a quotation this long is someone's words; a shorter one ('no', "globalise") is a word quoted
MIN_QUOTATION_WORDS = 4
_CAPITALISED_NAMES = frozenset({"may", "will"})
_JOINERS = frozenset({"and", "but", "while", "whereas"})
_STRONG_COORDINATORS = frozenset({"but", "while", "whereas", "yet"})
_PARTICIPLE_ENDINGS = ("ed", "en", "wn")
# words between a figure and the verb that governs it: "75 percent of U.N. member
# states agreed", "approved by a total of 164"
GOVERNING_REACH = 8
# tokens a noun group may run to: "a non-binding political declaration", "in the
# Moroccan city of Marrakesh"
NOUN_GROUP_REACH = 5


class Act:
    """A verb (or verb and particle) of a known family, as used in one clause."""

    __slots__ = ("lemma", "family", "start", "end", "passive", "negated", "infinitive", "catenated", "reduced", "answer")

    def __init__(
        self, lemma: str, family: str, start: int, end: int, passive: bool = False, negated: bool = False,
        infinitive: bool = False, catenated: bool = False, reduced: bool = False, answer: str = "",
    ) -> None:  # fmt: skip
        self.lemma = lemma
        self.family = family
        self.start = start
        self.end = end
        self.passive = passive
        self.negated = negated
        self.infinitive = infinitive  # "to sign": named, not done
        self.catenated = catenated  # "failed to sign": the first verb decides the side
        self.reduced = reduced  # a participle with "by" and no "be": "entities coordinated by IOM"
        self.answer = answer  # the side a vote's answer gives ("voting 'no'": "against")

    def __repr__(self) -> str:
        return f"Act({self.lemma!r}, {self.family!r}, {self.start}, {self.end})"


class Clause:
    """One clause: its tokens (by index), acts, modality and where it stands."""

    __slots__ = ("kind", "tokens", "acts", "modality", "cue", "quoted", "reported", "parent", "_spans", "_positions")

    def __init__(self, kind: str, reported: bool = False, parent: int = -1) -> None:
        self.kind = kind
        self.tokens: list[int] = []  # indices into Reading.tokens
        self.acts: list[Act] = []
        self.modality = ""
        self.cue = ""  # the words that set the modality
        self.quoted = False
        self.reported = reported  # inside what someone said or feared (the clause itself, or one it opened)
        self.parent = parent  # the index of the clause this one was opened inside (-1: none)
        self._spans: list[tuple[int, int]] | None = None
        self._positions: list[int] | None = None

    def __repr__(self) -> str:
        return f"Clause({self.kind!r}, {len(self.tokens)} tokens)"

    def spans(self, tokens: list[Token]) -> list[tuple[int, int]]:
        """The clause's stretches of text (more than one when it is interrupted)."""
        if self._spans is None:
            out: list[tuple[int, int]] = []
            previous = -2
            for i in self.tokens:
                t = tokens[i]
                if out and i == previous + 1:
                    out[-1] = (out[-1][0], t.end)
                else:
                    out.append((t.start, t.end))
                previous = i
            self._spans = out
        return self._spans

    @property
    def families(self) -> frozenset[str]:
        return frozenset(a.family for a in self.acts)

    def positions(self, tokens: list[Token]) -> list[int]:
        """The starts of the clause's tokens, in order (worked out once)."""
        if self._positions is None:
            self._positions = [tokens[i].start for i in self.tokens]
        return self._positions

    def index_range(self, tokens: list[Token], start: int, end: int) -> tuple[int, int]:
        """The positions (within the clause) of the first and last token in [start, end)."""
        starts = self.positions(tokens)
        first = bisect_left(starts, start)
        last = max(first, bisect_left(starts, max(end, start + 1)) - 1)
        return first, last

    def governing(self, tokens: list[Token], start: int, end: int) -> Act | None:
        """The act nearest a fact's words, at most GOVERNING_REACH words away:
        "attended by 150" is attendance, "approved by 164" approval. Done acts come
        before named ones ("refused to sign")."""
        if not self.acts or not self.tokens:
            return None
        first, last = self.index_range(tokens, start, end)
        starts = self.positions(tokens)

        def distance(a: Act) -> int:
            n = bisect_left(starts, a.start)
            lo, hi = (n, first) if n < first else (last, n)
            if any(tokens[self.tokens[k]].lower in _JOINERS for k in range(lo + 1, hi)):
                return GOVERNING_REACH + 1  # "38 entities and is coordinated by": another predicate
            return min(abs(n - first), abs(n - last))

        # "48 entities coordinated by IOM": a participle after the figure that takes
        # "by" without a form of "be" describes the noun, it is not the figure's verb
        acts = [a for a in self.acts if not (a.start > start and a.reduced)]
        if not acts:
            return None
        best = min(acts, key=lambda a: (a.infinitive, distance(a)))
        return best if distance(best) <= GOVERNING_REACH else None


class Reading:
    """A sentence read into tokens and clauses."""

    __slots__ = ("text", "tokens", "clauses", "owner", "question", "starts", "memo")

    def __init__(self, text: str, tokens: list[Token], clauses: list[Clause], owner: list[int], question: bool = False) -> None:
        self.text = text
        self.tokens = tokens
        self.clauses = clauses
        self.owner = owner  # token index -> clause index
        self.question = question
        self.starts = [t.start for t in tokens]  # token starts, for lookups by offset
        # what callers work out once per clause (keyed by their own names), so that a
        # long statement with many facts is still read in linear time
        self.memo: dict[Any, Any] = {}

    def clause_at(self, offset: int) -> Clause | None:
        """The clause holding the token at (or just before) a character offset."""
        if not self.tokens:
            return None
        i = max(0, bisect_right(self.starts, offset) - 1)
        return self.clauses[self.owner[i]]

    def words_before(self, offset: int, count: int) -> list[str]:
        """The last `count` tokens (lower case) that end at or before offset."""
        i = bisect_right(self.starts, offset)
        while i > 0 and self.tokens[i - 1].end > offset:
            i -= 1
        return [t.lower for t in self.tokens[max(0, i - count) : i]]

    def start_before(self, offset: int, count: int) -> int:
        """Where the `count` tokens before offset begin: the reach of a phrase that
        must stand just before a word is counted in words, never in characters
        ("by the then Secretary-General of the United Nations" is one reach)."""
        i = bisect_right(self.starts, offset)
        while i > 0 and self.tokens[i - 1].end > offset:
            i -= 1
        return self.tokens[i - count].start if i >= count else 0 if i else offset

    def words_after(self, offset: int, count: int) -> list[str]:
        """The first `count` tokens (lower case) that start at or after offset."""
        i = bisect_left(self.starts, offset)
        return [t.lower for t in self.tokens[i : i + count]]

    def attributes(self, start: int, end: int, vocab: Vocabulary | None = None) -> bool:
        """Is the name at text[start:end] where figures come from rather than what
        they are about: "according to DESA", "DESA said", "DESA's latest estimates"?"""
        v = vocab or vocabulary()
        before = tuple(self.words_before(start, 5))
        while before and before[-1] in v.determiners:
            before = before[:-1]  # "according to the agency"
        if any(before[len(before) - len(p) :] == p for p in v.attribution_phrases):
            return True
        after = [w for w in self.words_after(end, 4) if w != "."]
        if after and (after[0] in v.saying or after[0] in v.attribution_verbs):
            return True
        return bool(after) and after[0] == "'s" and any(w in v.source_nouns for w in after[1:4])

    def negated_before(self, clause: Clause, offset: int, vocab: Vocabulary | None = None) -> bool:
        """Does a negation stand in the clause before offset ("does not contain 23",
        "Nothing in it is binding")? A negator that only bounds a figure ("no fewer
        than", "not only") negates nothing; "but" or "rather" takes the negation back
        ("not in Geneva but in Marrakech"), and a comma ends an aside that held it
        ("none of them rich, DESA noted on 18 December"), unless the comma opens an
        aside right after the negator ("not, in any sense, binding"). "Without"
        negates a noun, not the clause."""
        v = vocab or vocabulary()
        negated = False
        previous = ""
        in_aside = False  # inside an aside that opened right after the negator
        for i in clause.tokens:
            t = self.tokens[i]
            if t.start >= offset:
                break
            if t.lower in v.negators and t.lower != "without":
                following = self.tokens[i + 1].lower if i + 1 < len(self.tokens) else ""
                negated = following not in v.negation_bounds
            elif t.lower in ("but", "rather", "instead"):
                negated = False
            elif t.text == ",":
                if negated and previous in v.negators:
                    in_aside = True
                elif in_aside:
                    in_aside = False
                else:
                    negated = False
            previous = t.lower
        return negated

    def text_of(self, clause: Clause) -> str:
        return " ".join(self.text[a:b] for a, b in clause.spans(self.tokens))


def tag(token: Token, vocab: Vocabulary | None = None) -> str:
    """The closed-class tag of a token, for traces: DET, CC, SUB, REL, NEG, AUX, MOD,
    SAY, PREP, NUM, Q, P, or W for any other word."""
    v = vocab or vocabulary()
    if token.kind == NUMBER:
        return "NUM"
    if token.kind == QUOTE:
        return "Q"
    if token.kind == PUNCT:
        return "P"
    w = token.lower
    for name, words in (
        ("NEG", v.negators), ("AUX", v.auxiliaries), ("SAY", v.saying | v.attitude), ("REL", v.relatives),
        ("CC", v.coordinators), ("SUB", v.subordinators | v.complementisers), ("DET", v.determiners),
        ("PREP", v.prepositions),
    ):
        if w in words:
            return name
    if w in v.modal_words:
        return "MOD"
    return "W"


def lemma(word: str, known: frozenset[str] | set[str], irregular: dict[str, str]) -> str:
    """The dictionary form of an inflected verb, when it is one of `known`:
    "rejected" -> "reject", "ratifies" -> "ratify", "pulling" -> "pull"."""
    w = word.lower().replace("\u2019", "'")
    if w in irregular:
        return irregular[w]
    if w in known:
        return w
    for suffix, add in (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"), ("d", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            base = w[: -len(suffix)] + add
            if base in known:
                return base
            if suffix in ("ed", "ing") and len(base) > 2 and base[-1] == base[-2] and base[:-1] in known:
                return base[:-1]  # "stopped", "backing" is caught above
    return w


_WORDS_RE = regex(r"[a-z]+")


def plain_words(text: str) -> set[str]:
    """The sentence's words in lower case, without reading it: for quick tests of
    whether a reading can find anything at all."""
    return set(_WORDS_RE.findall(text.lower()))


def may_attribute(text: str) -> bool:
    """Has the sentence the words an attribution needs ("said", "according", or
    "'s" with "estimates")? Most sentences have none, and need no reading to say
    that no name in them is a source of figures (Reading.attributes)."""
    v = vocabulary()
    words = plain_words(text)
    possessive = "'s" in text or "\u2019s" in text
    return bool(words & v.attribution_cues) or (possessive and bool(words & v.source_nouns))


_RECENT: dict[str, Reading] = {}  # the last few sentences read with the shipped vocabulary
_RECENT_SIZE = 64


def read(text: str, vocab: Vocabulary | None = None) -> Reading:
    """Read one sentence into tokens and clauses. Never raises. The analyser and the
    alignment rules both read a statement; the second gets the first reading."""
    if vocab is None:
        found = _RECENT.get(text)
        if found is None:
            found = _read(text, vocabulary())
            if len(_RECENT) >= _RECENT_SIZE:
                del _RECENT[next(iter(_RECENT))]
            _RECENT[text] = found
        return found
    return _read(text, vocab)


def _read(text: str, v: Vocabulary) -> Reading:
    tokens = tokenize(text)
    clauses: list[Clause] = []
    owner = [0] * len(tokens)
    known = v.act_lemmas
    verbish = [_is_verb(t, v, v.verb_lemmas) for t in tokens]
    for k in range(1, len(tokens)):
        if verbish[k] and tokens[k].lower.endswith("ing") and tokens[k - 1].lower in v.prepositions:
            verbish[k] = False  # "in backing out": a gerund, not a clause's verb
        elif verbish[k] and tokens[k].text[:1].isupper() and tokens[k].lower in v.modal_words:
            verbish[k] = False  # "on 4 May", "Will Smith": inside a sentence, a capital makes a name
        elif verbish[k] and tokens[k - 1].kind == NUMBER and _counted_plural(tokens[k].lower):
            verbish[k] = False  # "164 heads of state": a counted plural noun ("152 voted" stays a verb)
        elif verbish[k] and tokens[k].lower in v.absolute_participles and k + 1 < len(tokens) and tokens[k + 1].text in ",;.":
            verbish[k] = False  # "all 193 members, the United States included, finalised it": no verb
        elif verbish[k] and tokens[k].lower.endswith("ed") and _attributive(tokens, verbish, k, v):
            verbish[k] = False  # "a highly publicized and politicized gathering": adjectives
    ahead = _verbs_ahead(tokens, verbish)
    ahead_past_commas = _verbs_ahead(tokens, verbish, stop=";:()[]\u2014")

    def _verb_ahead(_tokens: list[Token], _verbish: list[bool], k: int) -> bool:
        return ahead[k] if k < len(ahead) else False

    def new(kind: str) -> int:
        # a clause opened inside reported words is reported too ("declared that when ...")
        inside = bool(clauses) and kind not in (MAIN, COORDINATE) and clauses[current].reported
        parent = current if clauses and kind not in (MAIN, COORDINATE) else -1
        clauses.append(Clause(kind, reported=kind == REPORTED or inside, parent=parent))
        return len(clauses) - 1

    quoted = _quotations(tokens)
    asides = _dash_pairs(text, tokens)
    aside_depth = 0  # how deep the clause stack was when the open aside began
    list_state: dict[int, tuple[bool, bool]] = {}
    current = 0  # the clause tokens go to now (new() reads it)
    main = new(MAIN)
    stack: list[int] = []  # clauses that resume when a nested one ends
    current = main
    seen_verb = False
    n = len(tokens)
    i = 0
    while i < n:
        t = tokens[i]
        lower = t.lower
        if i in quoted:  # a quotation is a clause of its own
            end = quoted[i]
            q = new(QUOTATION)
            clauses[q].quoted = True
            for k in range(i, end + 1):
                owner[k] = q
                clauses[q].tokens.append(k)
            i = end + 1
            continue
        if i in asides:  # "X - which withdrew - agreed": the aside ends at its second dash
            if asides[i]:
                aside_depth = len(stack)
                stack.append(current)
                current, seen_verb = new(PARENTHETICAL), False
                owner[i] = current
                clauses[current].tokens.append(i)
            else:
                owner[i] = current
                clauses[current].tokens.append(i)
                # back to the clause the aside interrupted, past any clause opened inside it
                resumed = stack[aside_depth] if len(stack) > aside_depth else None
                del stack[aside_depth:]
                current, seen_verb = (resumed if resumed is not None else new(COORDINATE)), True
            i += 1
            continue
        if t.kind == PUNCT and (t.text in _HARD_BREAKS or (t.text in _DASHES and _spaced(text, t))):
            current, seen_verb, stack = new(COORDINATE), False, []
            owner[i] = current
            clauses[current].tokens.append(i)
            i += 1
            continue
        if t.kind == PUNCT and t.text in _OPEN:
            stack.append(current)
            current, seen_verb = new(PARENTHETICAL), False
        elif t.kind == PUNCT and t.text in _CLOSE and stack:
            owner[i] = current
            clauses[current].tokens.append(i)
            current, seen_verb = stack.pop(), True
            i += 1
            continue
        elif t.kind == PUNCT and t.text == ",":
            nxt = tokens[i + 1].lower if i + 1 < n else ""
            # a relative clause ends at a comma only once it has its verb: "which Hungary,
            # Poland and Austria opposed," lists its subjects first
            closes_relative = clauses[current].kind == RELATIVE and seen_verb and (
                (i + 1 < n and verbish[i + 1]) or not (stack and list_state.get(stack[-1], (False, False))[0])
            )
            if closes_relative or (clauses[current].kind == SUBORDINATE and _initial(clauses, current)):
                # ", which voted against," ends here when the outer clause goes on with its
                # verb ("Hungary, which voted against, rejected it"); so does an opening
                # "After X pulled out,". "which was adopted in Marrakesh, Morocco" does not.
                owner[i] = current
                clauses[current].tokens.append(i)
                # the clause that resumes has its verb to come; a new one after an
                # opening "After X pulled out," has seen none yet
                seen_verb = bool(stack)
                current = stack.pop() if stack else new(COORDINATE)
                i += 1
                continue
            if nxt == "with" and clauses[current].tokens:
                # ", with 12 countries abstaining": an absolute phrase has its own figures and sides
                owner[i] = current
                clauses[current].tokens.append(i)
                current, seen_verb = new(COORDINATE), False
                i += 1
                continue
            # "the compact, launched at the UN in 2016, was adopted": a reduced relative
            # clause has its own act, place and date. Without a verb before it or one
            # to come, the participle is the clause's own verb ("the Assembly, taking
            # ... into account, proclaimed 18 December ...")
            # an adverb may stand first: ", originally approved in 2016 by all 193,"
            j = i + 2 if i + 2 < n and tokens[i + 1].lower.endswith("ly") and tokens[i + 1].kind == WORD else i + 1
            reduced = (
                j < n and verbish[j] and _participle(tokens[j], v) and clauses[current].tokens
                and clauses[current].kind != RELATIVE
                and (any(verbish[k] and not tokens[k].lower.endswith("ing") for k in clauses[current].tokens) or _main_verb_after_aside(tokens, verbish, j + 1, v))
            )
            # ", both of which have decided": a quantifier and "of" before the pronoun
            quantified = i + 3 < n and nxt in v.relative_quantifiers and tokens[i + 2].lower == "of" and tokens[i + 3].lower in v.relatives
            if reduced or nxt in v.relatives or quantified:  # ", which contains 23 objectives": the pronoun opens a clause
                owner[i] = current
                clauses[current].tokens.append(i)
                stack.append(current)
                current, seen_verb = new(RELATIVE), False
                i += 1
                continue
        elif t.kind == WORD and (lower in v.saying or lower in v.attitude) and lower != "according" and _verb_ahead(tokens, verbish, i + 1):
            # "X said [no single part could ...]": what is said (or feared) is a clause of its own
            owner[i] = current
            clauses[current].tokens.append(i)
            # "announced on 4 December that ...", "told the conference that ...": the words
            # before "that" say when, where or to whom; they stay with the saying
            said_at = _complementiser_ahead(tokens, verbish, i + 1, v)
            for k in range(i + 1, said_at):
                owner[k] = current
                clauses[current].tokens.append(k)
            i = said_at - 1
            stack.append(current)
            current, seen_verb = new(REPORTED), False
            clauses[current].cue = lower
            i += 1
            continue
        elif t.kind == WORD and lower in v.complementisers and clauses[current].tokens and _verb_ahead(tokens, verbish, i + 1):
            stack.append(current)
            current, seen_verb = new(SUBORDINATE), False
        elif t.kind == WORD and (lower in v.subordinators or lower in v.initial_subordinators and not clauses[current].tokens) and (
            _verb_ahead(tokens, verbish, i + 1)
            or (clauses[current].tokens and i + 1 < n and ahead_past_commas[i + 1] and _subject_before_aside(tokens, i + 1))
        ):
            if not clauses[current].tokens:
                clauses[current].kind = SUBORDINATE
            else:
                stack.append(current)
                current, seen_verb = new(SUBORDINATE), False
        elif (
            t.kind == WORD and lower in v.coordinators and _verb_ahead(tokens, verbish, i + 1)
            and (seen_verb or lower in _STRONG_COORDINATORS) and not _ends_list(list_state, current, tokens, i)
            and not (lower == "yet" and (i == 0 or tokens[i - 1].text != ","))  # "has not yet signed": an adverb
            and not _joins_gerunds(tokens, verbish, clauses[current].tokens, i)
        ):
            current, seen_verb = new(COORDINATE), False
        owner[i] = current
        clauses[current].tokens.append(i)
        seen_verb = seen_verb or verbish[i]
        # per clause: (a verb seen, a comma since the last verb)
        had_verb, comma = list_state.get(current, (False, False))
        if verbish[i]:
            list_state[current] = (True, False)
        elif t.text == "," and had_verb:
            list_state[current] = (True, True)
        i += 1

    reading = Reading(text, tokens, [c for c in clauses], owner, question=text.rstrip().endswith("?"))
    for c in clauses:
        _read_verbs(reading, c, v, known)
    return reading


def _ends_list(state: dict[int, tuple[bool, bool]], current: int, tokens: list[Token], i: int) -> bool:
    """Does "and" at i close a list ("Israel, the Czech Republic and Poland also
    voting 'no'")? A comma since the clause's last verb, none right before "and"."""
    if tokens[i - 1].text == ",":
        return False
    return state.get(current, (False, False))[1]


def _subject_before_aside(tokens: list[Token], i: int) -> bool:
    """Do at least three words stand before the next comma ("when all 193 states, the
    US among them, adopted")? "after all," is an aside, not a clause's subject."""
    for k in range(i, min(len(tokens), i + 3)):
        if tokens[k].text == ",":
            return False
    return True


def _spaced(text: str, t: Token) -> bool:
    """A dash with a space on either side joins clauses; "152-5" and "co-lead" do not."""
    return text[t.start - 1 : t.start].isspace() or text[t.end : t.end + 1].isspace()


def _initial(clauses: list[Clause], current: int) -> bool:
    """Is the subordinate clause the sentence's (or a piece's) opening one?"""
    return current == 0 or (bool(clauses[current].tokens) and clauses[current].tokens[0] == 0)


def _participle(t: Token, v: Vocabulary) -> bool:
    """A lower-case past participle ("launched", "held", "drawn")."""
    w = t.lower
    if w in v.saying or w in v.attitude:
        return False  # ", said Guterres": reported speech, read as such
    return t.text[:1].islower() and (v.past_form(w) or (w in v.irregular and not w.endswith("s")))


def _counted_plural(word: str) -> bool:
    """After a figure, a word in -s is the plural noun it counts ("164 heads"),
    not a verb: a counted subject takes the plain form ("152 vote", "152 voted")."""
    return word.endswith("s") and not word.endswith("ss")


def _dash_pairs(text: str, tokens: list[Token]) -> dict[int, bool]:
    """Dashes that open (True) and close (False) an aside: the first two dashes of a
    sentence, when a word follows the second ("The US - which withdrew - is ...").
    A lone dash still breaks the sentence into clauses."""
    dashes = [k for k, t in enumerate(tokens) if t.kind == PUNCT and (t.text == "\u2014" or (t.text in _DASHES and _spaced(text, t)))]
    if len(dashes) < 2:
        return {}
    first, second = dashes[0], dashes[1]
    if second == first + 1 or second + 1 >= len(tokens) or tokens[second + 1].kind == PUNCT:
        return {}
    return {first: True, second: False}


def _main_verb_after_aside(tokens: list[Token], verbish: list[bool], k: int, v: Vocabulary) -> bool:
    """Does the participle phrase from k close with a comma and the clause's own verb
    follow ("the compact, launched in 2016, was adopted")? A verb inside a time
    clause ("backed it when it came to a vote") or of an attribution (", Reuters
    reported") is not the clause's own."""
    comma = False
    for j in range(k, len(tokens)):
        t = tokens[j]
        if t.kind == PUNCT and t.text in ";:()[]\u2014":
            return False
        if t.text == ",":
            comma = True
        elif not comma and t.lower in v.subordinators:
            return False
        elif comma and verbish[j]:
            return t.lower not in v.saying and t.lower not in v.attribution_verbs
    return False


def _complementiser_ahead(tokens: list[Token], verbish: list[bool], i: int, v: Vocabulary) -> int:
    """Where what is said begins after a verb of saying at i - 1: at a "that" that
    follows words with no verb, no quotation and no bracket ("announced on 4
    December that"), else at i."""
    for k in range(i, len(tokens)):
        t = tokens[k]
        if t.lower in v.complementisers:
            return k
        if verbish[k] or t.kind == QUOTE or (t.kind == PUNCT and t.text != ","):
            return i
    return i


def _verbs_ahead(tokens: list[Token], verbish: list[bool], stop: str = ",;:()[]\u2014") -> list[bool]:
    """For each index, is there a verb from there on before the next comma or break
    (or only the next break, for a subordinate clause whose subject has an aside:
    "when all 193 states, the US among them, adopted")? One backward pass."""
    ahead = [False] * (len(tokens) + 1)
    for k in range(len(tokens) - 1, -1, -1):
        t = tokens[k]
        if t.kind == PUNCT and t.text in stop:
            ahead[k] = False
        else:
            ahead[k] = verbish[k] or ahead[k + 1]
    return ahead


def _is_verb(t: Token, v: Vocabulary, known: frozenset[str]) -> bool:
    if t.kind != WORD:
        return False
    w = t.lower
    if w in v.auxiliaries or w in v.saying or w in v.attitude or w in v.modal_words:
        return True
    if t.text[:1].isupper():
        return False
    return v.lemma(w) in known or v.past_form(w)


def _joins_gerunds(tokens: list[Token], verbish: list[bool], clause: list[int], i: int) -> bool:
    """Does the coordinator at i join two gerunds of one clause ("proposed supporting
    the resolution and opposing the pact") rather than two clauses?"""
    if i + 1 >= len(tokens) or not tokens[i + 1].lower.endswith("ing"):
        return False
    verbs = [k for k in clause if verbish[k]]
    return bool(verbs) and tokens[verbs[-1]].lower.endswith("ing")


def _attributive(tokens: list[Token], verbish: list[bool], k: int, v: Vocabulary) -> bool:
    """Is the participle at k an adjective before its noun: after a determiner (and
    an adverb in -ly: "a highly publicized"), or joined by "and" to one that is
    ("... and politicized gathering")?"""
    j = k - 1
    if j > 0 and tokens[j].lower.endswith("ly"):
        j -= 1
    if tokens[j].lower in v.determiners and tokens[j].lower not in v.complementisers:
        return True
    return (
        k > 1 and tokens[k - 1].lower == "and" and tokens[k - 2].lower.endswith("ed") and not verbish[k - 2]
        and _attributive(tokens, verbish, k - 2, v)
    )


def _quotations(tokens: list[Token]) -> dict[int, int]:
    """Opening quote index -> closing quote index, for quotations of at least
    MIN_QUOTATION_WORDS words (shorter ones are quoted words, read in their clause)."""
    out: dict[int, int] = {}
    opened: int | None = None
    for k, t in enumerate(tokens):
        if t.kind != QUOTE:
            continue
        if opened is None:
            if t.text not in "\u201d\u2019":
                opened = k
        elif (tokens[opened].text == t.text) or (tokens[opened].text, t.text) in (("\u201c", "\u201d"), ("\u2018", "\u2019"), ("\u00ab", "\u00bb"), ("\u201e", "\u201c")):
            if sum(1 for x in tokens[opened + 1 : k] if x.kind in (WORD, NUMBER)) >= MIN_QUOTATION_WORDS:
                out[opened] = k
            opened = None
    return out


def _read_verbs(reading: Reading, clause: Clause, v: Vocabulary, known: frozenset[str]) -> None:
    """Acts (with voice and negation) and the modality of one clause."""
    toks = [reading.tokens[i] for i in clause.tokens]
    words = [t.lower for t in toks]
    negated_from: int | None = None
    particle = -1  # the particle of a phrase just read ("pull out"): not a verb of its own
    for k, t in enumerate(toks):
        w = words[k]
        if t.kind != WORD or k == particle:
            continue
        if w in v.negators and not _quoted_answer(toks, k):
            if not (k + 1 < len(words) and words[k + 1] in v.negation_bounds):
                negated_from = k  # "no fewer than 150 voted" negates nothing
            continue
        base = v.lemma(w)
        nxt = words[k + 1] if k + 1 < len(words) else ""
        family = v.acts.get((base, nxt))
        end = toks[k].end
        name = base
        if family is not None:
            end, name, particle = toks[k + 1].end, f"{base} {nxt}", k + 1
        else:
            family = v.acts.get((base,))
        if family is None or t.text[:1].isupper() and k > 0:
            continue
        if k > 0 and ((words[k - 1] in v.determiners and words[k - 1] not in v.complementisers) or words[k - 1] == "'s"):
            continue  # "the vote", "its support": a noun, not a verb ("that adopted" is a verb)
        if k > 0 and toks[k - 1].kind == NUMBER and _counted_plural(w):
            continue  # "164 heads of state": a counted noun ("152 voted" is a verb)
        if w.endswith("ing") and k > 1 and words[k - 2] in v.determiners and words[k - 2] not in v.complementisers:
            continue  # "a stock-taking meeting", "the annual meeting": a noun
        # "to sign" after a noun is a purpose; after "failed", "refused" it is the act done
        catenated = k > 1 and words[k - 1] == "to" and lemma(words[k - 2], v.catenatives, v.irregular) in v.catenatives
        # "to sign", and a gerund after "for", "of", "about", "on" ("arguments for signing"):
        # named, not done ("joined the US in opposing it" and "by voting no" are done)
        infinitive = k > 0 and ((words[k - 1] == "to" and not catenated) or (w.endswith("ing") and words[k - 1] in v.naming_prepositions))
        # "proposed supporting the resolution and opposing ...": put forward, not done
        infinitive = infinitive or (w.endswith("ing") and any(lemma(x, v.proposing, v.irregular) in v.proposing for x in words[max(0, k - 6) : k]))
        answer = ""
        after = [x for x in words[k + 1 : k + 4] if x not in ("'", '"', "\u201c", "\u201d", "\u2018", "\u2019")]
        if base == "vote" and after:
            if after[0] in v.answers_against:
                answer = "against"
            elif after[0] in v.answers_for or after[:2] == ["in", "favour"] or after[:2] == ["in", "favor"]:
                answer = "for"
        passive = any(words[j] in v.be for j in range(max(0, k - 3), k)) and w.endswith(_PARTICIPLE_ENDINGS + tuple(x for x, y in v.irregular.items() if y == base))
        negated = negated_from is not None and k - negated_from <= 6
        if negated and w.endswith("ing") and words[k - 1] in v.prepositions:
            # "is not alone in rejecting it", "not interested in signing": the negation is
            # another word's, and the gerund is named, not done
            negated, infinitive = False, True
        reduced = not passive and w.endswith("ed") and k > 0 and words[k - 1] not in v.auxiliaries and k + 1 < len(words) and words[k + 1] == "by"
        clause.acts.append(Act(name, family, t.start, end, passive=passive, negated=negated, infinitive=infinitive, catenated=catenated, reduced=reduced, answer=answer))
        negated_from = None
    if reading.question or (words and words[0] in v.question_openers):
        # "?" asks; so does a clause opened by "whether" ("divided on whether it was binding")
        clause.modality, clause.cue = QUESTION, "?" if reading.question else words[0]
        return
    for k in range(len(toks)):
        if toks[k].kind != WORD:
            continue
        for kind, p in v.modal_phrases.get(words[k], ()):
            # "May" and "Will" written with a capital are a month and a name
            if tuple(words[k : k + len(p)]) == p and (toks[k].text[:1].islower() or p[0] not in _CAPITALISED_NAMES):
                clause.modality, clause.cue = kind, " ".join(p)
                return
        if words[k] in v.doubt:
            clause.modality, clause.cue = DOUBT, words[k]
            return


def _quoted_answer(toks: list[Token], k: int) -> bool:
    """ "voting 'no'": a quoted no is a vote, not a negation."""
    return k > 0 and toks[k - 1].kind == QUOTE
