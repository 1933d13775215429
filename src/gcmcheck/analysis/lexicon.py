"""Domain names from the table: the subject, events and entities, with their variants.

The lexicon is data (the `lexicon:` section of a claims table); this module only
knows how to find its names in text, longest first, and how to spot the proper
names it does not know.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from gcmcheck.analysis.dates import FULL_MONTHS
from gcmcheck.analysis.language import NOT_NAMES, ROLE_RE
from gcmcheck.models import Mention
from gcmcheck.regex_cache import portable, regex, restore

SUBJECT = "subject"
EVENT = "event"
ENTITY = "entity"
NAME = "name"
OTHER = "other"  # another document named like the subject: "Global Compact on Refugees"

_WORDCHAR = r"[\w\u00C0-\u024F]"
# A capitalised word (or an acronym such as "U.N." or "ILO"), optionally possessive.
_CAP_WORD = r"(?:[A-Z\u00C0-\u00DE][\w\u00C0-\u024F\u2019'.&-]*)"
_CONNECTOR = r"(?:of|on|for|and|the|de|du|la|del|von|van)"
_NAME_RE = regex(
    rf"(?<![\w\u00C0-\u024F]){_CAP_WORD}(?:\s+(?:{_CONNECTOR}\s+)*{_CAP_WORD})*"
)


# what turns a name of the subject into the title of something else
_TITLE_TAIL_RE = regex(r"\s+(?:on|for|of)\s+(?:the\s+)?(?:[A-Za-z][\w-]*\s+){0,2}[A-Za-z][\w-]*", re.IGNORECASE)


def normalise_name(text: str) -> str:
    """Canonical form of a name not in the lexicon: lower case, no article or possessive."""
    t = text.strip().strip(".,;:").replace("\u2019", "'")
    t = re.sub(r"'s\b", "", t)
    t = re.sub(r"\s+", " ", t).lower()
    return re.sub(r"^the ", "", t)


@dataclass(slots=True)
class Lexicon:
    """Compiled alias matchers for one table."""

    subject: tuple[str, ...] = ()
    events: dict[str, tuple[str, ...]] = field(default_factory=dict)
    event_labels: dict[str, str] = field(default_factory=dict)
    entities: dict[str, tuple[str, ...]] = field(default_factory=dict)
    common_words: frozenset[str] = frozenset()
    # entity and event ids that name other instruments (treaties, declarations, other
    # compacts): a statement about one of them is not about the subject
    instruments: frozenset[str] = frozenset()
    _kinds: dict[str, tuple[str, str]] = field(default_factory=dict)
    _exact_re: re.Pattern[str] | None = None
    _folded_re: re.Pattern[str] | None = None

    @classmethod
    def from_data(cls, data: Mapping[str, object] | None, common_words: Iterable[str] = ()) -> Lexicon:
        """Build from the table's `lexicon:` mapping (already validated)."""
        data = data or {}
        subject = tuple(str(s) for s in data.get("subject", []) or [])  # type: ignore[union-attr]
        events: dict[str, tuple[str, ...]] = {}
        labels: dict[str, str] = {}
        for event_id, spec in (data.get("events", {}) or {}).items():  # type: ignore[union-attr]
            spec = spec or {}
            events[str(event_id)] = tuple(str(n) for n in spec.get("names", []) or [])
            labels[str(event_id)] = str(spec.get("label", event_id))
        entities = {
            str(k): tuple(str(v) for v in (vs or []))
            for k, vs in (data.get("entities", {}) or {}).items()  # type: ignore[union-attr]
        }
        instruments = frozenset(str(i) for i in (data.get("instruments", []) or []))  # type: ignore[union-attr]
        lex = cls(subject, events, labels, entities, frozenset(w.lower() for w in common_words), instruments)
        lex._compile()
        return lex

    def __getstate__(self) -> tuple[object, ...]:
        # the matchers travel as compiled code, so loading a table compiles nothing
        matchers = tuple(None if m is None else portable(m) for m in (self._exact_re, self._folded_re))
        return self.subject, self.events, self.event_labels, self.entities, self.common_words, self.instruments, self._kinds, matchers

    def __setstate__(self, state: tuple[object, ...]) -> None:
        self.subject, self.events, self.event_labels, self.entities, self.common_words, self.instruments, self._kinds, matchers = state  # type: ignore[assignment]
        self._exact_re, self._folded_re = (None if m is None else restore(m) for m in matchers)  # type: ignore[union-attr]

    def _compile(self) -> None:
        kinds: dict[str, tuple[str, str]] = {}
        for alias in _with_determiners(self.subject):
            kinds.setdefault(alias.lower(), (SUBJECT, SUBJECT))
        for entity_id, aliases in self.entities.items():
            for alias in (*aliases, entity_id.replace("-", " ")):
                kinds.setdefault(alias.lower(), (ENTITY, entity_id))
        for event_id, aliases in self.events.items():
            for alias in aliases:
                kinds.setdefault(alias.lower(), (EVENT, event_id))
        self._kinds = kinds
        aliases = sorted(set(self._all_aliases()), key=lambda a: (-len(a), a))
        # Short all-capital aliases ("US", "UN", "GA") must match case-sensitively,
        # or every "us" in a sentence would be the United States.
        exact = [a for a in aliases if _is_acronym(a)]
        folded = [a for a in aliases if not _is_acronym(a)]
        self._exact_re = _alternation(exact)
        self._folded_re = _alternation(sorted({a.lower() for a in folded}, key=lambda a: (-len(a), a)))

    def _all_aliases(self) -> Iterable[str]:
        yield from _with_determiners(self.subject)
        for event_id, aliases in self.events.items():
            yield from aliases
        for entity_id, aliases in self.entities.items():
            yield from aliases

    def label(self, event_id: str) -> str:
        return self.event_labels.get(event_id, event_id)

    def find(self, text: str) -> list[Mention]:
        """Every lexicon name and unknown proper name in text, in order, non-overlapping."""
        found: list[Mention] = []
        taken = bytearray(len(text))
        # both matchers at once, longest first at each place: "UN General Assembly"
        # is the event, not "UN" followed by "General Assembly"
        hits = self._hits(text)
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        for start, end in hits:
            if any(taken[start:end]):
                continue
            said = text[start:end].lower()
            hit = self._kinds.get(said) or self._kinds.get(said.replace(", and ", " and "))  # a comma before "and"
            if hit is None:
                continue
            kind, ident = hit
            if kind == SUBJECT:
                # "Global Compact on Refugees": a longer title is another document
                other = _TITLE_TAIL_RE.match(text, end)
                if other and text[start].isupper():
                    words = other.group(0).split()
                    while words and words[-1].lower() in NOT_NAMES:
                        words.pop()
                    if len(words) >= 2:  # "on" plus at least one word
                        end = text.index(words[-1], end) + len(words[-1])
                        kind, ident = OTHER, normalise_name(text[start:end])
            found.append(Mention(ident, kind, start, end, text[start:end]))
            taken[start:end] = b"\x01" * (end - start)
        found.extend(self._unknown_names(text, taken))
        found.sort(key=lambda m: m.start)
        return found

    def _hits(self, text: str) -> list[tuple[int, int]]:
        """Where aliases match. The case-insensitive ones are matched, as lower case,
        in the lower-cased text: many times faster than an IGNORECASE pattern, whose
        alternatives the regex engine cannot skip by their first letter."""
        hits = [m.span() for m in self._exact_re.finditer(text)] if self._exact_re else []
        if self._folded_re is not None:
            lowered = text.lower()
            if len(lowered) == len(text):
                hits += [m.span() for m in self._folded_re.finditer(lowered)]
            else:  # a letter whose lower case is longer ("İ"): offsets would shift
                any_case = re.compile(self._folded_re.pattern, re.IGNORECASE)
                hits += [m.span() for m in any_case.finditer(text)]
        return hits

    def _unknown_names(self, text: str, taken: bytearray) -> Iterable[Mention]:
        if _title_case(text):
            return  # "U.S. Leads Opposition to … Despite Mass Support": a headline, not names
        for m in _NAME_RE.finditer(text):
            start, end = m.start(), m.end()
            # cut at any lexicon name inside the run
            pieces = _untaken_pieces(start, end, taken)
            for p_start, p_end in pieces:
                yield from self._name_from_piece(text, p_start, p_end)

    def _name_from_piece(self, text: str, start: int, end: int) -> Iterable[Mention]:
        words = list(re.finditer(r"\S+", text[start:end]))
        # drop leading and trailing words that are not name-like
        dropped: list[str] = []
        while words and not self._is_name_word(text, start + words[0].start(), words[0].group(0)):
            dropped.append(words.pop(0).group(0).lower())
        if len(words) >= 3 and dropped[-2:-1] and dropped[-1] == "of" and dropped[-2] in NOT_NAMES:
            words.pop(0)  # "Secretary of State Mike Pompeo": the title's object is not the name
        for k in range(1, len(words)):
            if words[k].group(0).lower().strip(".,") in FULL_MONTHS and words[k - 1].group(0).lower() in ("on", "in", "of"):
                del words[k - 1 :]  # "the Progress Declaration on June 7th": the date is no part of the name
                break
        while words and (
            words[-1].group(0).lower().strip(".,") in {"of", "on", "for", "and", "the", "de"}
            or not words[-1].group(0)[:1].isupper()
        ):
            words.pop()
        if not words:
            return
        s = start + words[0].start()
        e = start + words[-1].end()
        surface = text[s:e].rstrip(".,;:")
        e = s + len(surface)
        ident = normalise_name(surface)
        if ident and (ident not in NOT_NAMES or (_is_acronym_word(surface) and not text.isupper())):
            entity = self._entity_with_prefix(ident)
            yield Mention(entity, ENTITY, s, e, surface) if entity else Mention(ident, NAME, s, e, surface)

    def _entity_with_prefix(self, name: str) -> str:
        """A long official name cut short ("International Convention on the Protection
        of the Rights of All Migrant Workers") is still that entity."""
        if name.count(" ") < 3:
            return ""
        for alias, (kind, ident) in self._kinds.items():
            if kind == ENTITY and alias.startswith(name + " "):
                return ident
        return ""

    def _is_name_word(self, text: str, offset: int, word: str) -> bool:
        stripped = re.sub(r"[\u2019']s$", "", word).strip(".,;:")
        bare = stripped.lower()
        if _is_acronym_word(stripped) and not text.isupper():
            return True  # "the WHO": an acronym is a name even when it spells a common word
        if not word[:1].isupper() or bare in NOT_NAMES or ROLE_RE.fullmatch(bare):
            return False  # "Supporters of the accord" opens a sentence; it names no one
        if _sentence_initial(text, offset) and (bare in self.common_words or _COMMON_OPENING_RE.match(text, offset)):
            return False
        return True


# A capitalised word opening a sentence that reads as a common noun: "Representatives
# of 160 countries", "Critics argue", "Diplomats gathered".
_COMMON_OPENING_RE = regex(
    r"[A-Z][a-z]+(?:\s+of\b|(?:ives|ers|ors|ists|ants|ents|ics|ats|ates|ians|ees)\b)"
)


def _with_determiners(aliases: Iterable[str]) -> Iterable[str]:
    """The subject's aliases, and "this"/"that" for their "the": "this compact"."""
    for alias in aliases:
        yield alias
        if alias[:4].lower() == "the ":
            yield "this " + alias[4:]
            yield "that " + alias[4:]


def _title_case(text: str) -> bool:
    """A headline: no closing full stop, and every longer word capitalised."""
    if text.rstrip().endswith((".", "!", "?", "\u201d", '"')):
        return False
    words = [w for w in re.findall(r"[A-Za-z][\w'\u2019-]*", text) if len(w) > 3]
    return len(words) >= 5 and all(w[0].isupper() for w in words)


def _is_acronym_word(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _is_acronym(alias: str) -> bool:
    letters = alias.replace(".", "")
    return len(letters) <= 5 and letters.isupper()


def _alternation(aliases: list[str]) -> re.Pattern[str] | None:
    if not aliases:
        return None
    body = "|".join(_alias_pattern(a) for a in aliases)
    return re.compile(rf"(?<!{_WORDCHAR})(?:{body})(?!{_WORDCHAR})")


def _alias_pattern(alias: str) -> str:
    """An alias as a pattern; a name with a list in it ("Safe, Orderly and Regular")
    also matches with a comma before its "and" ("Safe, Orderly, and Regular")."""
    pattern = re.escape(alias)
    return pattern.replace(r"\ and\ ", r",?\ and\ ") if "," in alias else pattern


def _untaken_pieces(start: int, end: int, taken: bytearray) -> list[tuple[int, int]]:
    pieces: list[tuple[int, int]] = []
    i = start
    while i < end:
        while i < end and taken[i]:
            i += 1
        j = i
        while j < end and not taken[j]:
            j += 1
        if j > i:
            pieces.append((i, j))
        i = j
    return pieces


def _sentence_initial(text: str, offset: int) -> bool:
    before = text[:offset].rstrip()
    return not before or before[-1] in ".!?:\"\u201c\u2018(*#->|"
