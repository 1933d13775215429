"""Split prose into sentences while keeping exact character offsets.

Claims are matched sentence by sentence and reported by position, so every sentence
is a Segment whose text is exactly ``text[start:end]`` of the string it came from.

How a sentence ends (all decisions look at a bounded window, so the whole pass is
linear in the input):

* A blank line (two line breaks with only spaces/tabs between; CRLF, LF or CR)
  always ends a sentence.  A single line break is plain whitespace, so hard-wrapped
  sentences continue across it.
* ``.``, ``!``, ``?`` or ``…`` (plus any closing quotes/brackets, straight or curly)
  followed by whitespace ends a sentence unless the next word starts in lower case.
* A period after an abbreviation is special:

  - titles and Latin fillers (Mr., Ms., Dr., Prof., Gen., Sen., Rep., Gov., e.g.,
    i.e., vs., cf., etc.) never end a sentence ("etc." still ends one at a blank
    line, which always splits);
  - number prefixes (No., Art., Fig., Vol., p., pp.) are abbreviations only before a
    digit ("No. 5"); otherwise the period is an ordinary full stop;
  - other abbreviations (dotted acronyms such as U.S., U.N., E.U., a.m.; month
    names such as Dec.; St., Inc., Ltd., Jr., ...) and single capital initials
    ("Barack H. Obama") are ambiguous -- "the U.S. The next" ends a sentence, "the
    U.S. Navy" does not.  We split after them only when the next word is a typical
    sentence starter (SENTENCE_STARTERS: The, This, It, In, He, She, They, We, A,
    An, But, However, Its, On, At, As, For, Many, Some, Even, Though, While, ...)
    or, after an acronym, a capitalised past participle ("the U.S. Billed as ...");
    after an initial only a starter ("Sheikh H. Mohammed" is one name).

* Sentences run together without a space (text scraped from web pages):

  - ``migrants.In a statement`` -- terminal punctuation directly followed by a
    capitalised word splits (same abbreviation rules, so "U.S.Navy" stays whole),
    as does an acronym after a lower-case word ("destination.IMA believes");
  - ``Chairperson4 December 2017The recent`` -- a digit directly followed by a
    capitalised word of >= 3 letters (or a 2-letter sentence starter such as "In")
    splits before the word; common units written that way ("10Mbps") do not;
  - ``displacementReference: Ms. Eni`` -- three lower-case letters directly
    followed by a capitalised word (upper + >= 2 lower) splits, provided the word
    before is a lower-case word of >= 4 letters, any word of >= 8 letters, or the
    word after is a sentence starter.  So "McDonald", "iPhone", "UNICEF",
    "JavaScript", "PlayStation" and "Migrationcomprising" stay whole;
  - ``WHO WE AREThe International`` -- two capitals directly followed by a
    capitalised sentence starter of >= 3 letters ("The") splits before it.

* Decimals and thousands separators ("3.5", "60,000", "$7.5 million") never split:
  a period followed by a digit is not a candidate.
* A sentence longer than MAX_SENTENCE_CHARS (2,000) is cut at the last whitespace
  before the cap (or hard at the cap when there is none), so that downstream
  matching works on bounded strings even for a 50 MB line without punctuation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Protocol

from gcmcheck.regex_cache import regex

MAX_SENTENCE_CHARS = 2000
"""Longest sentence handed downstream; longer runs are cut at whitespace."""

_LOOKAROUND = 40  # longest word looked at around a candidate boundary


@dataclass(frozen=True, slots=True)
class Segment:
    """A sentence (or paragraph): text == original[start:end], whitespace-trimmed."""

    text: str
    start: int
    end: int


class _Span(Protocol):
    """Anything with start/end offsets, e.g. markdown.Region."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


SENTENCE_STARTERS = frozenset(
    """
    The This That These Those There Their Then Thus It Its In He His She Her They We
    Our A An But However On At As For Many Some Even Though While After According
    Also And Before During Each Both If Instead Meanwhile Most Since So Still Such
    To Under When Where With Yet Nor Other Only Now Last
    """.split()
)

# Titles and fillers that never end a sentence (compared lower-case, final "." removed).
_NEVER_FINAL = frozenset(
    "mr mrs ms messrs dr prof gen sen rep gov hon rev lt capt sgt pres "
    "e.g i.e eg ie cf vs v etc".split()
)
# Abbreviations only when a digit follows ("No. 5", "pp. 12").
_BEFORE_NUMBER = frozenset("no nos art arts fig figs vol vols p pp para paras sec ch".split())
# Ambiguous abbreviations: split only before a sentence starter.
_AMBIGUOUS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "st jr sr inc ltd co corp dept est approx govt mt ft ave bros univ intl assn".split()
)
_UNITS = frozenset("mbps gbps kbps mhz ghz khz".split())

_CLOSERS = "\"'”’»)]"
_OPENERS = "\"'“‘«(["
_TERMINALS = ".!?…"

# A blank line: a break, then one or more (spaces/tabs + break).  "\r(?!\n)" keeps a
# CRLF from being read as two breaks.
_BLANK_LINE = regex(r"(?:\r\n|\r(?!\n)|\n)(?:[^\S\r\n]*(?:\r\n|\r(?!\n)|\n))+")
# Candidate boundaries; each alternative is a character class run or a fixed-width
# lookaround, so matching is linear.
_CANDIDATE = regex(
    r"(?P<punct>[.!?…]+)[\"'”’»)\]]*"
    r"|(?<=\d)(?P<digit>)(?=[A-Z][a-z])"
    r"|(?<=[a-z]{3})(?P<camel>)(?=[A-Z][a-z]{2})"
    r"|(?<=[A-Z]{2})(?P<caps>)(?=[A-Z][a-z]{2})"
)
_NON_SPACE = regex(r"\S")
_WORD = regex(r"[A-Za-z]+")
_DOTTED = regex(r"(?:[A-Za-z]\.)+[A-Za-z]")
_TOKEN_SEPARATORS = regex(r"[-/–—\"'“‘«(\[]")
_WHITESPACE_CHARS = " \n\t\r\f\v\xa0\u2009\u202f\u3000"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> Iterator[Segment]:
    """Yield the sentences of text[start:end]; offsets are relative to all of text."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    pos = start
    for blank in _BLANK_LINE.finditer(text, start, end):
        yield from _split_block(text, pos, blank.start())
        pos = blank.end()
    yield from _split_block(text, pos, end)


def split_regions(text: str, regions: Iterable[_Span]) -> Iterator[Segment]:
    """Sentences of each region in turn, so no sentence crosses a region boundary."""
    for region in regions:
        yield from split_sentences(text, region.start, region.end)


def iter_blocks(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (offset, paragraph) for text read line by line; blank lines separate.

    Lets stdin or big plain-text files be checked without holding them in memory.
    Lines must keep their line breaks (as file iteration does) so offsets -- counted
    in characters from the start of the stream -- are exact.  The paragraph is
    whitespace-trimmed and offset is that of its first character, so
    ``offset + i`` is the stream offset of ``paragraph[i]``.
    """
    offset = 0
    buffer: list[str] = []
    buffer_start = 0
    for line in lines:
        if not line or line.isspace():
            if buffer:
                yield _joined(buffer_start, buffer)
                buffer = []
        else:
            if not buffer:
                buffer_start = offset
            buffer.append(line)
        offset += len(line)
    if buffer:
        yield _joined(buffer_start, buffer)


def _joined(start: int, lines: list[str]) -> tuple[int, str]:
    """Join buffered lines, trim, and shift the offset past leading whitespace."""
    block = "".join(lines)
    stripped = block.lstrip()
    return start + len(block) - len(stripped), stripped.rstrip()


# --- inside one block (no blank lines) ---------------------------------------------


def _split_block(text: str, start: int, end: int) -> Iterator[Segment]:
    """Sentences of a block that contains no blank line."""
    seg_start = start
    for match in _CANDIDATE.finditer(text, start, end):
        if match.group("punct") is not None:
            boundary = _after_punctuation(text, match, start, end)
        elif match.group("digit") is not None:
            boundary = _after_digit(text, match.start(), end)
        elif match.group("camel") is not None:
            boundary = _camel_case(text, match.start(), start, end)
        else:  # "WHO WE AREThe International ...": only before a sentence starter
            starter = _word_at(text, match.start(), end) in SENTENCE_STARTERS
            boundary = match.start() if starter else None
        if boundary is not None and boundary > seg_start:
            yield from _emit(text, seg_start, boundary)
            seg_start = boundary
    yield from _emit(text, seg_start, end)


def _after_punctuation(text: str, match: re.Match[str], start: int, end: int) -> int | None:
    """Boundary after terminal punctuation (and closers), or None if it is not one."""
    boundary = match.end()
    if boundary >= end:
        return None
    following = text[boundary]
    if following.isspace():
        found = _NON_SPACE.search(text, boundary, end)
        if found is None:
            return None
        word_pos = found.start()
        if text[word_pos] in _OPENERS and word_pos + 1 < end:
            word_pos += 1
        first = text[word_pos]
        if first.islower():
            return None
    else:
        # Run together: "migrants.In", 'principles."Clearly'.
        word_pos = boundary + 1 if following in _OPENERS else boundary
        if not _run_together(text, match.start(), word_pos, start, end):
            return None
        first = text[word_pos]
    if match.group("punct") != ".":
        return boundary
    kind = _abbreviation_kind(text, match.start(), start)
    if kind == "never":
        return None
    if kind == "number" and first.isdigit():
        return None
    word = _word_at(text, word_pos, end) if kind in ("ambiguous", "initial") else ""
    if kind == "initial" and word not in SENTENCE_STARTERS:
        return None  # "Sheikh H. Mohammed": a surname may end in "-ed"
    if kind == "ambiguous" and not _starts_a_sentence(word):
        return None
    return boundary


def _starts_a_sentence(word: str) -> bool:
    """A typical sentence starter, or a capitalised past participle ("the U.S.
    Billed as ...", "the U.S. Adopted in ..."): a name after "U.S." ("Navy",
    "State Department") is neither."""
    return word in SENTENCE_STARTERS or (len(word) > 4 and word[0].isupper() and word[1:].islower() and word.endswith("ed"))


def _run_together(text: str, punct: int, word_pos: int, start: int, end: int) -> bool:
    """Does a capitalised word (or an acronym after a lower-case word) start at word_pos?

    "migrants.In" and "destination.IMA" qualify; "U.S." does not (the "S" is followed by
    a period) and neither does "3.5".
    """
    if word_pos + 1 >= end or not text[word_pos].isupper():
        return False
    if text[word_pos + 1].islower():
        return True
    before = text[max(start, punct - 3) : punct]  # within the block: what precedes it is not read
    return text[word_pos + 1].isupper() and before.isalpha() and before.islower()


def _abbreviation_kind(text: str, period: int, start: int) -> str | None:
    """Classify the word before a period: "never", "number", "ambiguous", "initial"
    or None."""
    i = period
    low = max(start, period - _LOOKAROUND)
    while i > low and not text[i - 1].isspace():
        i -= 1
    token = _TOKEN_SEPARATORS.split(text[i:period])[-1]
    if not token:
        return None
    lowered = token.lower()
    if lowered in _NEVER_FINAL:
        return "never"
    if lowered in _BEFORE_NUMBER:
        return "number"
    if lowered in _AMBIGUOUS or _DOTTED.fullmatch(token):
        return "ambiguous"
    if len(token) == 1 and token.isupper():
        return "initial"  # "Barack H. Obama"
    return None


def _word_at(text: str, pos: int, end: int) -> str:
    """The ASCII word starting at pos (at most _LOOKAROUND letters), or ""."""
    found = _WORD.match(text, pos, min(end, pos + _LOOKAROUND))
    return found.group() if found else ""


def _after_digit(text: str, pos: int, end: int) -> int | None:
    """'2017The' splits before 'The'; '10Mbps' and '2Go'-like tokens do not."""
    word = _word_at(text, pos, end)
    if len(word) >= 3 and word[1:].islower() and word.lower() not in _UNITS:
        return pos
    if word in SENTENCE_STARTERS:
        return pos
    return None


def _camel_case(text: str, pos: int, start: int, end: int) -> int | None:
    """'displacementReference' splits; 'JavaScript' or 'PlayStation' do not."""
    nxt = _word_at(text, pos, end)
    i = pos
    low = max(start, pos - _LOOKAROUND)
    while i > low and "a" <= text[i - 1] <= "z":
        i -= 1
    capitalised = i > start and "A" <= text[i - 1] <= "Z"
    length = pos - i + (1 if capitalised else 0)
    if (not capitalised and length >= 4) or length >= 8 or nxt in SENTENCE_STARTERS:
        return pos
    return None


def _emit(text: str, start: int, end: int) -> Iterator[Segment]:
    """Trim whitespace and yield the span, cut into pieces of <= MAX_SENTENCE_CHARS."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE_CHARS:
        window = text[start + 1 : start + MAX_SENTENCE_CHARS + 1]
        cut = max(window.rfind(ch) for ch in _WHITESPACE_CHARS)
        if cut < 0:
            piece_end = resume = start + MAX_SENTENCE_CHARS
        else:
            piece_end = resume = start + 1 + cut
            while piece_end > start and text[piece_end - 1].isspace():
                piece_end -= 1
        yield Segment(text[start:piece_end], start, piece_end)
        start = resume
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        yield Segment(text[start:end], start, end)
