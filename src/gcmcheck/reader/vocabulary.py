"""The reader's English, loaded once from `language.toml` beside this module.

The words live in a data file so that a linguist can extend them without reading
code, and so that no topic knowledge creeps in here: names, events and figures
belong in the claims table.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

LANGUAGE_FILE = Path(__file__).with_name("language.toml")
_HEADER = b"gcmcheck language cache 2\n"


# the [words] lists the reader uses as sets, each kept under its own name
_WORD_SETS = (
    "determiners", "coordinators", "subordinators", "relatives", "complementisers", "negators", "be", "have", "do",
    "saying", "attitude", "catenatives", "change_words", "phrasal_up", "prepositions", "post_qualifiers", "act_nouns",
    "exception_words", "instrument_nouns", "text_nouns", "event_nouns", "answers_against", "answers_for", "reference_words",
    "bystander_prepositions", "not_participles", "attribution_verbs", "source_nouns", "placing", "planning_for",
    "place_nouns", "process_nouns", "attitude_acts", "whole_words", "naming_prepositions", "negation_bounds", "definite_determiners", "plain_verbs", "initial_subordinators", "ballot_acts", "ballot_words", "follow_up_nouns", "increment_words", "question_openers", "body_nouns", "weekdays", "proposing", "relative_quantifiers", "absolute_participles", "later_words", "occasion_nouns", "instrument_pronouns", "gathering_nouns", "adverbs", "later_rounds", "honorifics", "other_forces", "objectless_acts", "place_proforms", "inclusion_words",
)  # fmt: skip


class Vocabulary:
    """The language file, read into sets and indexes. A plain class rather than a
    dataclass: it is built once, and a dataclass of this size costs a millisecond
    at import on every run."""

    determiners: frozenset[str]
    coordinators: frozenset[str]
    subordinators: frozenset[str]
    relatives: frozenset[str]
    complementisers: frozenset[str]
    negators: frozenset[str]
    be: frozenset[str]
    have: frozenset[str]
    do: frozenset[str]
    saying: frozenset[str]
    attitude: frozenset[str]
    catenatives: frozenset[str]
    change_words: frozenset[str]
    phrasal_up: frozenset[str]
    prepositions: frozenset[str]
    post_qualifiers: frozenset[str]
    act_nouns: frozenset[str]
    exception_words: frozenset[str]
    instrument_nouns: frozenset[str]
    text_nouns: frozenset[str]
    event_nouns: frozenset[str]
    answers_against: frozenset[str]
    answers_for: frozenset[str]
    reference_words: frozenset[str]
    bystander_prepositions: frozenset[str]
    not_participles: frozenset[str]
    attribution_verbs: frozenset[str]
    source_nouns: frozenset[str]
    placing: frozenset[str]
    planning_for: frozenset[str]
    place_nouns: frozenset[str]
    process_nouns: frozenset[str]
    attitude_acts: frozenset[str]
    whole_words: frozenset[str]
    naming_prepositions: frozenset[str]
    negation_bounds: frozenset[str]
    definite_determiners: frozenset[str]
    plain_verbs: frozenset[str]
    initial_subordinators: frozenset[str]
    ballot_acts: frozenset[str]
    ballot_words: frozenset[str]
    follow_up_nouns: frozenset[str]
    increment_words: frozenset[str]
    question_openers: frozenset[str]
    body_nouns: frozenset[str]
    weekdays: frozenset[str]
    proposing: frozenset[str]
    relative_quantifiers: frozenset[str]
    absolute_participles: frozenset[str]
    later_words: frozenset[str]
    occasion_nouns: frozenset[str]
    instrument_pronouns: frozenset[str]
    gathering_nouns: frozenset[str]
    adverbs: frozenset[str]
    later_rounds: frozenset[str]
    honorifics: frozenset[str]
    other_forces: frozenset[str]
    objectless_acts: frozenset[str]
    place_proforms: frozenset[str]
    inclusion_words: frozenset[str]

    def __init__(self, raw: dict) -> None:  # type: ignore[type-arg]
        words, modality = raw["words"], raw["modality"]
        for name in _WORD_SETS:
            setattr(self, name, frozenset(words.get(name, [])))
        self.attribution_phrases = _phrases(words.get("attribution_phrases", []))
        self.hosting = _phrases(words.get("hosting", []))
        self.hosting_firsts = frozenset(p[0] for p in self.hosting)  # a sentence without one hosts nothing
        self.state_dates = _phrases(words.get("state_dates", []))
        self.dateline_words = _phrases(words.get("dateline_words", []))
        self.comparison_words = _phrases(words.get("comparison_words", []))
        self.exception_phrases = _phrases(words.get("exception_phrases", []))
        self.home_phrases = _phrases(words.get("home_phrases", []))
        self.figure_comparisons = _phrases(words.get("figure_comparisons", []))
        self.future = _phrases(modality["future"])
        self.conditional = _phrases(modality["conditional"])
        self.doubt: frozenset[str] = frozenset(modality["doubt"])
        # lemma (one word, or verb and particle) -> act family; the first family listed wins
        self.acts: dict[tuple[str, ...], str] = {}
        for family, lemmas in raw["acts"].items():
            for lemma in lemmas:
                self.acts.setdefault(tuple(lemma.lower().split()), family)
        self.irregular: dict[str, str] = dict(raw.get("irregular", {}))
        self.compatible = tuple(frozenset(g) for g in raw.get("act_families", {}).get("compatible", []))
        # lemma -> for / against / abstain
        self.sides = {tuple(lemma.lower().split()): side for side, lemmas in raw.get("sides", {}).items() for lemma in lemmas}
        self.auxiliaries = self.be | self.have | self.do
        self.act_lemmas = frozenset(k[0] for k in self.acts)  # the first words of the acts' lemmas
        self.verb_lemmas = self.act_lemmas | self.plain_verbs  # every verb the reader knows
        # modality phrases of one word ("will", "could"), and all of them by their first
        # word: "expected" -> [("future", ("expected", "to"))]
        self.modal_words = frozenset(p[0] for p in (*self.future, *self.conditional) if len(p) == 1)
        # words that never head a noun phrase, and nouns that name an occasion or a
        # text: a name before either is no modifier of a noun (event-as-modifier)
        self.function_words = (
            self.prepositions | self.determiners | self.coordinators | self.subordinators | self.relatives
            | self.complementisers | self.auxiliaries | self.modal_words | self.saying | self.negators | self.adverbs
        )
        self.occasion_words = (
            self.occasion_nouns | self.event_nouns | self.gathering_nouns | self.text_nouns | self.act_nouns
            | self.process_nouns | self.follow_up_nouns
        )
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, phrases in (("future", self.future), ("conditional", self.conditional)):
            for phrase in phrases:
                index.setdefault(phrase[0], []).append((kind, phrase))
        self.modal_phrases = {k: tuple(v) for k, v in index.items()}
        # the words without which no name is a source of figures ("said", "according")
        self.attribution_cues = self.saying | self.attribution_verbs | {max(p, key=len) for p in self.attribution_phrases}
        self._lemmas: dict[str, str] = {}

    def lemma(self, word: str) -> str:
        """The dictionary form of a word when it is a verb the reader knows, remembered."""
        found = self._lemmas.get(word)
        if found is None:
            from gcmcheck.reader.clauses import lemma

            found = self._lemmas[word] = lemma(word, self.verb_lemmas, self.irregular)
        return found

    def past_form(self, word: str) -> bool:
        """Does a lower-case word look like a verb's past form ("activated"), though
        no act lists it? "hundred" and "indeed" do not."""
        return len(word) > 4 and word.endswith("ed") and word not in self.not_participles

    def families_meet(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Can acts of these families describe one fact (a shared or compatible family)?"""
        return bool(a & b) or any(group & a and group & b for group in self.compatible)


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in items)


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read on first use, never at import).

    Parsing TOML costs more than the rest of a quick check's reading, so the parsed
    file is kept in gcmcheck's cache folder as a pickle of plain data (pickle is
    loaded anyway; JSON would cost its import), keyed on the file's bytes and the
    Python that wrote it."""
    import sys

    from gcmcheck import cachefiles

    data = LANGUAGE_FILE.read_bytes()
    cached: Path | None = None
    if cachefiles.enabled():
        import hashlib

        key = hashlib.sha256(data + sys.implementation.cache_tag.encode()).hexdigest()[:32]
        cached = cachefiles.cache_dir() / f"language-{key}.pickle"
        payload = cachefiles.read_signed(cached, _HEADER + key.encode() + b"\n")
        if payload is not None:
            try:
                return from_data(cachefiles.load_plain(payload))  # type: ignore[arg-type]
            except (ValueError, KeyError, TypeError, AttributeError):
                pass  # a damaged file is rewritten below
    import tomllib

    raw = tomllib.loads(data.decode("utf-8"))
    if cached is not None:
        cachefiles.write_signed(cached, _HEADER + cached.stem[len("language-") :].encode() + b"\n", cachefiles.dump_plain(raw))
    return from_data(raw)


def from_data(raw: dict) -> Vocabulary:  # type: ignore[type-arg]
    """A vocabulary from the parsed TOML document (tests build small ones)."""
    return Vocabulary(raw)
