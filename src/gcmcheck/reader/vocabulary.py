"""The reader's English, loaded once from `language.toml` beside this module.

The words live in a data file so that a linguist can extend them without reading
code, and so that no topic knowledge creeps in here: names, events and figures
belong in the claims table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

LANGUAGE_FILE = Path(__file__).with_name("language.toml")
_HEADER = b"gcmcheck language cache 1\n"


@dataclass(frozen=True)
class Vocabulary:
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
    event_nouns: frozenset[str]
    answers_against: frozenset[str]
    answers_for: frozenset[str]
    attribution_phrases: tuple[tuple[str, ...], ...]
    future: tuple[tuple[str, ...], ...]
    conditional: tuple[tuple[str, ...], ...]
    doubt: frozenset[str]
    # lemma (one word, or verb and particle) -> act family
    acts: dict[tuple[str, ...], str]
    irregular: dict[str, str]
    compatible: tuple[frozenset[str], ...] = ()
    sides: dict[tuple[str, ...], str] = field(default_factory=dict)  # lemma -> for / against / abstain
    auxiliaries: frozenset[str] = frozenset()  # be, have and do together
    act_lemmas: frozenset[str] = frozenset()  # the first words of the acts' lemmas
    modal_words: frozenset[str] = frozenset()  # modality phrases of one word ("will", "could")
    # modality phrases by their first word: "expected" -> [("expected", "to")]
    modal_phrases: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "auxiliaries", self.be | self.have | self.do)
        object.__setattr__(self, "act_lemmas", frozenset(k[0] for k in self.acts))
        object.__setattr__(self, "modal_words", frozenset(p[0] for p in (*self.future, *self.conditional) if len(p) == 1))
        index: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
        for kind, phrases in (("future", self.future), ("conditional", self.conditional)):
            for phrase in phrases:
                index.setdefault(phrase[0], []).append((kind, phrase))
        object.__setattr__(self, "modal_phrases", {k: tuple(v) for k, v in index.items()})

    def lemma(self, word: str) -> str:
        """The dictionary form of a word when it is one of the acts' lemmas, remembered."""
        memo: dict[str, str] = self.__dict__.setdefault("_lemmas", {})
        found = memo.get(word)
        if found is None:
            from gcmcheck.reader.clauses import lemma

            found = memo[word] = lemma(word, self.act_lemmas, self.irregular)
        return found

    def families_meet(self, a: frozenset[str], b: frozenset[str]) -> bool:
        """Can acts of these families describe one fact (a shared or compatible family)?"""
        return bool(a & b) or any(group & a and group & b for group in self.compatible)


def _phrases(items: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.lower().split()) for p in items)


@cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read on first use, never at import).

    Parsing TOML costs more than the rest of a quick check's reading, so the parsed
    file is kept as JSON in gcmcheck's cache folder, keyed on the file's bytes."""
    import json

    from gcmcheck import cachefiles

    data = LANGUAGE_FILE.read_bytes()
    cached: Path | None = None
    if cachefiles.enabled():
        import hashlib

        key = hashlib.sha256(data).hexdigest()[:32]
        cached = cachefiles.cache_dir() / f"language-{key}.json"
        payload = cachefiles.read_signed(cached, _HEADER + key.encode() + b"\n")
        if payload is not None:
            try:
                return from_data(json.loads(payload))
            except (ValueError, KeyError, TypeError):
                pass  # a damaged file is rewritten below
    import tomllib

    raw = tomllib.loads(data.decode("utf-8"))
    if cached is not None:
        cachefiles.write_signed(cached, _HEADER + cached.stem[len("language-") :].encode() + b"\n", json.dumps(raw).encode())
    return from_data(raw)


def from_data(raw: dict) -> Vocabulary:  # type: ignore[type-arg]
    """A vocabulary from the parsed TOML document (tests build small ones)."""
    words, modality = raw["words"], raw["modality"]
    acts: dict[tuple[str, ...], str] = {}
    for family, lemmas in raw["acts"].items():
        for lemma in lemmas:
            acts.setdefault(tuple(lemma.lower().split()), family)  # the first family listed wins
    return Vocabulary(
        determiners=frozenset(words["determiners"]),
        coordinators=frozenset(words["coordinators"]),
        subordinators=frozenset(words["subordinators"]),
        relatives=frozenset(words["relatives"]),
        complementisers=frozenset(words.get("complementisers", [])),
        negators=frozenset(words["negators"]),
        be=frozenset(words["be"]),
        have=frozenset(words["have"]),
        do=frozenset(words["do"]),
        saying=frozenset(words["saying"]),
        attitude=frozenset(words.get("attitude", [])),
        catenatives=frozenset(words.get("catenatives", [])),
        change_words=frozenset(words.get("change_words", [])),
        phrasal_up=frozenset(words.get("phrasal_up", [])),
        prepositions=frozenset(words.get("prepositions", [])),
        post_qualifiers=frozenset(words.get("post_qualifiers", [])),
        act_nouns=frozenset(words.get("act_nouns", [])),
        exception_words=frozenset(words.get("exception_words", [])),
        instrument_nouns=frozenset(words.get("instrument_nouns", [])),
        event_nouns=frozenset(words.get("event_nouns", [])),
        answers_against=frozenset(words.get("answers_against", [])),
        answers_for=frozenset(words.get("answers_for", [])),
        attribution_phrases=_phrases(words["attribution_phrases"]),
        future=_phrases(modality["future"]),
        conditional=_phrases(modality["conditional"]),
        doubt=frozenset(modality["doubt"]),
        acts=acts,
        irregular=dict(raw.get("irregular", {})),
        compatible=tuple(frozenset(g) for g in raw.get("act_families", {}).get("compatible", [])),
        sides={tuple(lemma.lower().split()): side for side, lemmas in raw.get("sides", {}).items() for lemma in lemmas},
    )
