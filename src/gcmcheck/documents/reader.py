"""From a document's text to located, checked sentences.

text -> prose regions (Markdown or plain) -> sentences with exact offsets -> the
checker -> results carrying 1-based line and column of the sentence in the original
input. Whitespace inside a sentence (hard wraps) is folded before checking; an
offset map keeps fixes pointing at the original characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gcmcheck.documents.positions import LineIndex
from gcmcheck.documents.segment import split_sentences
from gcmcheck.engine.checker import Checker
from gcmcheck.models import Result, Verdict

_SPACE_RE = re.compile(r"\s+")
_HAS_VALUE_RE = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b", re.IGNORECASE)

# Which unverifiable sentences to report: every one (a statement or piped text), only
# those stating a number or date (`--show unverifiable` in lint), or none.
SHOW_ALL, SHOW_VALUES, SHOW_NONE = "all", "values", "none"


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str  # whitespace folded, as checked and shown
    start: int  # offsets in the original document
    end: int
    offsets: tuple[int, ...]  # original offset of each character of text

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Where text[start:end] lies in the original document."""
        return self.offsets[start], self.offsets[end - 1] + 1


def sentences(text: str, markdown: bool) -> Iterator[Sentence]:
    """Every prose sentence of a document, in order."""
    from gcmcheck.documents.markdown import plain_regions, prose_regions

    if markdown:
        masked, regions = prose_regions(text)
    else:
        masked, regions = text, plain_regions(text)
    for region in regions:
        for seg in split_sentences(masked, region.start, region.end):
            folded, offsets = _fold(masked, seg.start, seg.end)
            if folded:
                yield Sentence(folded, seg.start, seg.end, offsets)


def _fold(text: str, start: int, end: int) -> tuple[str, tuple[int, ...]]:
    out: list[str] = []
    offsets: list[int] = []
    pos = start
    for m in _SPACE_RE.finditer(text, start, end):
        out.append(text[pos : m.start()])
        offsets.extend(range(pos, m.start()))
        out.append(" ")
        offsets.append(m.start())
        pos = m.end()
    out.append(text[pos:end])
    offsets.extend(range(pos, end))
    folded = "".join(out)
    lead = len(folded) - len(folded.lstrip())
    folded = folded.strip()
    return folded, tuple(offsets[lead : lead + len(folded)])


def results_for_text(
    checker: Checker, text: str, input: str, markdown: bool, show: str = SHOW_ALL
) -> Iterator[Result]:
    """Check every sentence of a document; results carry positions in `text`."""
    index = LineIndex(text)
    for sentence in sentences(text, markdown):
        results = checker.check(sentence.text)
        if all(r.verdict is Verdict.UNVERIFIABLE for r in results):
            if show == SHOW_NONE or (show == SHOW_VALUES and not _HAS_VALUE_RE.search(sentence.text)):
                continue
        line, column = index.position(sentence.start)
        end_line, end_column = index.position(sentence.end)
        for r in results:
            r.input = input
            r.line, r.column, r.end_line, r.end_column = line, column, end_line, end_column
            if r.fix_start is not None and r.fix_end is not None:
                r.fix_start, r.fix_end = sentence.original_span(r.fix_start, r.fix_end)
            yield r
