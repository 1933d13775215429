"""Where a misquoted passage really is in its source, and how the quote differs.

A quote must be a verbatim substring of its source. When it is not, the curator
usually retyped it: straight for curly quotes, a space for a non-breaking one, a
word changed or dropped. Telling them exactly what differs, and at which line the
real passage is, turns a failed load into a one-minute fix.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

# One-for-one replacements, so offsets in the folded text are offsets in the original.
_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u202f": " ", "\u200a": " ",
        "\t": " ",
    }
)  # fmt: skip
_NAMES = {
    "\u2018": "left single quote \u2018", "\u2019": "curly apostrophe \u2019", "'": "straight apostrophe '",
    "\u201c": "left double quote \u201c", "\u201d": "right double quote \u201d", '"': 'straight double quote "',
    "\u2013": "en dash \u2013", "\u2014": "em dash \u2014", "-": "hyphen -", "\u2011": "non-breaking hyphen",
    "\u00a0": "non-breaking space", " ": "space", "\u202f": "narrow no-break space", "\u2009": "thin space",
    "\t": "tab",
}
MAX_DIFFERENCES = 6
_EDGE_PUNCTUATION = ".,;:!?\"'()[]\u2018\u2019\u201c\u201d"
MIN_SCORE = 60.0  # below this the "closest" passage is just noise


@dataclass(slots=True)
class Passage:
    """The source's closest passage to a quote: text, position, similarity and differences."""

    text: str
    start: int
    line: int
    column: int
    score: float  # 0-100, rapidfuzz similarity of quote and passage
    differences: list[str] = field(default_factory=list)


def fold(text: str) -> str:
    """Typographic variants made plain, same length as text."""
    return text.translate(_FOLD)


def closest_passage(quote: str, text: str) -> Passage | None:
    """The passage of text that quote most likely meant, or None for an empty source."""
    if not quote.strip() or not text.strip():
        return None
    folded_quote, folded_text = fold(quote), fold(text)
    at = folded_text.find(folded_quote)
    if at >= 0:
        return _passage(text, at, at + len(quote), 100.0, _char_differences(quote, text[at : at + len(quote)]))
    at = _lower(folded_text).find(_lower(folded_quote))
    if at >= 0:
        return _passage(text, at, at + len(quote), 99.0, _word_differences(quote, text[at : at + len(quote)]))
    spaced = re.compile(r"\s+".join(re.escape(w) for w in folded_quote.split()), re.IGNORECASE)
    m = spaced.search(folded_text)
    if m:
        found = text[m.start() : m.end()]
        notes = ["spacing differs (line breaks or repeated spaces)"] + _word_differences(quote, found)
        return _passage(text, m.start(), m.end(), 98.0, notes[:MAX_DIFFERENCES])
    return _fuzzy(quote, text, folded_quote, folded_text)


def _fuzzy(quote: str, text: str, folded_quote: str, folded_text: str) -> Passage | None:
    from rapidfuzz import fuzz

    alignment = fuzz.partial_ratio_alignment(_lower(folded_quote), _lower(folded_text))
    if alignment is None or alignment.score < MIN_SCORE:
        return None
    start, end = _widen(text, alignment.dest_start, alignment.dest_end)
    start, end = _trim_extra_words(quote, text, start, end)
    found = text[start:end]
    score = fuzz.ratio(folded_quote.lower(), fold(found).lower())
    return _passage(text, start, end, round(score, 1), _word_differences(quote, found))


def _lower(text: str) -> str:
    """Lower case that keeps every offset ("İ".lower() is two characters: kept as is)."""
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _passage(text: str, start: int, end: int, score: float, differences: list[str]) -> Passage:
    from gcmcheck.table.loader import line_and_column

    line, column = line_and_column(text, start)
    return Passage(text[start:end], start, line, column, score, differences)


def _widen(text: str, start: int, end: int, words: int = 3) -> tuple[int, int]:
    """Out to whole words plus a few more each side (trimmed later), never across a line break."""
    for _ in range(words + 1):
        while start > 0 and text[start - 1] in " \t\u00a0":
            start -= 1
        while start > 0 and not text[start - 1].isspace():
            start -= 1
    for _ in range(words + 1):
        while end < len(text) and text[end] in " \t\u00a0":
            end += 1
        while end < len(text) and not text[end].isspace():
            end += 1
    return start, end


def _trim_extra_words(quote: str, text: str, start: int, end: int) -> tuple[int, int]:
    """Drop words at the edges of the window that the quote does not have."""
    words = [(m.start() + start, m.end() + start, m.group()) for m in re.finditer(r"\S+", text[start:end])]
    wanted = [_key(w) for w in quote.split()]
    if not words or not wanted:
        return start, end
    matcher = difflib.SequenceMatcher(None, wanted, [_key(w) for _, _, w in words], autojunk=False)
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    if not blocks:
        return start, end
    first, last = blocks[0], blocks[-1]
    lo = max(0, first.b - first.a)  # keep as many leading words as the quote has before its first match
    hi = min(len(words), last.b + last.size + (len(wanted) - last.a - last.size))
    start, end = words[lo][0], words[hi - 1][1]
    # punctuation the quote does not have at its ends is not part of the passage ("2," for "3")
    while end > start and text[end - 1] in _EDGE_PUNCTUATION and not quote.endswith(text[end - 1]):
        end -= 1
    while start < end and text[start] in _EDGE_PUNCTUATION and not quote.startswith(text[start]):
        start += 1
    return start, end


def _key(word: str) -> str:
    return fold(word).lower().strip(".,;:!?\"'()[]")


def _char_differences(quote: str, found: str) -> list[str]:
    """Same text up to typography: name each kind of character that differs."""
    pairs: dict[tuple[str, str], int] = {}
    for a, b in zip(quote, found):
        if a != b:
            pairs[(a, b)] = pairs.get((a, b), 0) + 1
    notes = [
        f"the quote has a {_NAMES.get(a, repr(a))} where the source has a {_NAMES.get(b, repr(b))}"
        + (f" ({n} times)" if n > 1 else "")
        for (a, b), n in pairs.items()
    ]
    return notes[:MAX_DIFFERENCES]


def _word_differences(quote: str, found: str) -> list[str]:
    """Word by word: what the quote changed, dropped or added."""
    a, b = quote.split(), found.split()
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    notes: list[str] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        qa, sb = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "replace":
            if fold(qa) == fold(sb):
                notes.extend(_char_differences(qa, sb))
            elif qa.lower() == sb.lower():
                notes.append(f"case: the quote has {qa!r}, the source {sb!r}")
            else:
                notes.append(f"the quote has {qa!r} where the source has {sb!r}")
        elif op == "delete":
            notes.append(f"{qa!r} is not in the source")
        else:
            after = f" after {a[i1 - 1]!r}" if i1 > 0 else " at the start"
            notes.append(f"the source has {sb!r}{after}")
    deduped = list(dict.fromkeys(notes))
    if len(deduped) > MAX_DIFFERENCES:
        deduped = deduped[: MAX_DIFFERENCES - 1] + [f"and {len(deduped) - MAX_DIFFERENCES + 1} more differences"]
    return deduped
