"""From a document's text to located, checked sentences.

text -> prose regions (Markdown or plain) -> sentences with exact offsets -> the
checker -> results carrying 1-based line and column of the sentence in the original
input. Whitespace inside a sentence (hard wraps) is folded before checking; an
offset map keeps fixes pointing at the original characters.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from gcmcheck.documents.positions import LineIndex
from gcmcheck.documents.segment import split_sentences
from gcmcheck.engine.checker import Checker
from gcmcheck.models import Result, Verdict
from gcmcheck.regex_cache import regex

# Whitespace that folding changes: a run of two or more, or one that is not a space.
# (A single space is kept as it is, so a typical sentence folds to itself.)
_FOLD_RE = regex(r"\s{2,}|[^\S ]")
_HAS_VALUE_RE = regex(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b", re.IGNORECASE)

# Which unverifiable sentences to report: every one (a statement or piped text), only
# those stating a number or date (`--show unverifiable` in lint), or none.
SHOW_ALL, SHOW_VALUES, SHOW_NONE = "all", "values", "none"


class CheckFailed(Exception):
    """Checking a sentence raised: where it starts (the cause is chained)."""

    def __init__(self, line: int, column: int) -> None:
        super().__init__(f"line {line}, column {column}")
        self.line = line
        self.column = column


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # whitespace folded, as checked and shown
    start: int  # offsets in the original document
    end: int
    # (index in text, offset in the document) where text stops following the document
    # one for one: the start, and after each folded run of whitespace
    anchors: tuple[tuple[int, int], ...]

    def original(self, index: int) -> int:
        """The document offset of text[index]."""
        i = bisect_right(self.anchors, (index, float("inf"))) - 1
        folded, offset = self.anchors[max(i, 0)]
        return offset + index - folded

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] lies in the original document."""
        return self.original(start), self.original(end - 1) + 1

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of each character of text."""
        return tuple(self.original(i) for i in range(len(self.text)))


def sentences(text: str, markdown: bool, warnings: list[str] | None = None) -> Iterator[Sentence]:
    """Every prose sentence of a document, in order (warnings: see prose_regions)."""
    from gcmcheck.documents.markdown import plain_regions, prose_regions

    if markdown:
        masked, regions = prose_regions(text, warnings)
    else:
        masked, regions = text, plain_regions(text)
    for region in regions:
        for seg in split_sentences(masked, region.start, region.end):
            folded, anchors = _fold(masked, seg.start, seg.end)
            if folded:
                yield Sentence(folded, seg.start, seg.end, anchors)


def _fold(text: str, start: int, end: int) -> tuple[str, tuple[tuple[int, int], ...]]:
    """text[start:end] with whitespace runs folded to one space, and trimmed; with the
    anchors mapping it back (see Sentence). Linear, and cheap for ordinary prose."""
    parts: list[str] = []
    anchors: list[tuple[int, int]] = []
    pos, length = start, 0
    for m in _FOLD_RE.finditer(text, start, end):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
            length += m.start() - pos
        parts.append(" ")
        anchors.append((length, m.start()))
        length += 1
        pos = m.end()
        anchors.append((length, pos))
    parts.append(text[pos:end])
    folded = "".join(parts) if anchors else text[start:end]
    lead = len(folded) - len(folded.lstrip())
    stripped = folded.strip()
    if not stripped:
        return "", ()
    # anchors as seen from the trimmed text: the one in force at `lead` comes first
    kept: list[tuple[int, int]] = []
    origin = start + lead
    for f, o in anchors:
        if f <= lead:
            origin = o + lead - f
        elif f < lead + len(stripped):
            kept.append((f - lead, o))
    return stripped, tuple([(0, origin), *kept])


def results_for_text(
    checker: Checker, text: str, input: str, markdown: bool, show: str = SHOW_ALL, warnings: list[str] | None = None
) -> Iterator[Result]:
    """Check every sentence of a document; results carry positions in `text`.

    Passages that cannot be checked (Markdown nested too deeply) are named in
    warnings, when given.
    """
    index = LineIndex(text)
    for sentence in sentences(text, markdown, warnings):
        yield from _check(checker, sentence, index.position, input, show)


def results_for_lines(
    checker: Checker, lines: Iterable[str], input: str, show: str = SHOW_ALL
) -> Iterator[Result]:
    """results_for_text(markdown=False) for plain text read line by line.

    Lines must keep their line breaks and contain no other break (as split_lines
    gives them). Only the current paragraph is held, so stdin or a big text file is
    checked in constant memory, and each result is yielded as soon as its paragraph
    ends.
    """
    from gcmcheck.documents.markdown import iter_plain_blocks

    lines_seen = _LineTracker()
    for offset, paragraph in iter_plain_blocks(lines_seen.feed(lines)):
        for seg in split_sentences(paragraph):
            folded, anchors = _fold(paragraph, seg.start, seg.end)
            if folded:
                shifted = tuple((f, offset + o) for f, o in anchors)
                sentence = Sentence(folded, offset + seg.start, offset + seg.end, shifted)
                yield from _check(checker, sentence, lines_seen.position, input, show)


def _check(
    checker: Checker, sentence: Sentence, position: Callable[[int], tuple[int, int]], input: str, show: str
) -> Iterator[Result]:
    """The results of one sentence, located, or none when `show` leaves them out.

    Should the checker raise, CheckFailed says where the sentence starts.
    """
    try:
        results = checker.check(sentence.text)
    except Exception as exc:
        line, column = position(sentence.start)
        raise CheckFailed(line, column) from exc
    if all(r.verdict is Verdict.UNVERIFIABLE for r in results):
        if show == SHOW_NONE or (show == SHOW_VALUES and not _HAS_VALUE_RE.search(sentence.text)):
            return
    line, column = position(sentence.start)
    end_line, end_column = position(sentence.end)
    for r in results:
        r.input = input
        r.line, r.column, r.end_line, r.end_column = line, column, end_line, end_column
        if r.fix_start is not None and r.fix_end is not None:
            r.fix_start, r.fix_end = sentence.original_span(r.fix_start, r.fix_end)
        yield r


class _LineTracker:
    """Line/column of stream offsets, keeping only the lines not yet passed.

    Lookups must not go backwards (sentences come in order), so lines before the
    one looked up are dropped.
    """

    def __init__(self) -> None:
        self._starts: deque[tuple[int, int]] = deque([(1, 0)])  # (line number, offset)

    def feed(self, lines: Iterable[str]) -> Iterator[str]:
        number, offset = 1, 0
        for line in lines:
            yield line
            offset += len(line)
            if line.endswith(("\n", "\r")):
                number += 1
                self._starts.append((number, offset))

    def position(self, offset: int) -> tuple[int, int]:
        starts = self._starts
        while len(starts) > 1 and starts[1][1] <= offset:
            starts.popleft()
        number, start = starts[0]
        return number, offset - start + 1
