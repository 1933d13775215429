"""Map character offsets to 1-based (line, column) positions.

Every stage works with character offsets into the original text; only the report
needs line/column numbers, so they are computed on demand from a sorted list of line
starts (bisect, O(log n) per lookup) instead of being carried around.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from gcmcheck.regex_cache import regex

# "\r\n" is one break; a lone "\r" (old Mac) and "\n" are breaks too.  The same
# definition is used by markdown-it's normaliser, so line numbers agree with its maps.
LINE_BREAK = regex(r"\r\n|\r|\n")
_LINE = regex(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def split_lines(text: str) -> Iterator[str]:
    """Yield the lines of text with their line breaks kept.

    Unlike str.splitlines this only breaks at \\r\\n, \\r and \\n, so offsets computed
    by summing line lengths agree with LineIndex.
    """
    for match in _LINE.finditer(text):
        yield match.group()


class LineIndex:
    """Line/column lookup for one text; columns count code points, a tab is one column."""

    __slots__ = ("_text", "_starts")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        starts.extend(m.end() for m in LINE_BREAK.finditer(text))
        self._starts = starts

    @property
    def line_count(self) -> int:
        """Number of lines (a trailing line break starts a final, empty line)."""
        return len(self._starts)

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of the character at offset (len(text) is allowed)."""
        if not 0 <= offset <= len(self._text):
            raise ValueError(f"offset {offset} outside 0..{len(self._text)}")
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1

    def offset(self, line: int, column: int) -> int:
        """Inverse of position(): the character offset of a 1-based (line, column)."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside 1..{len(self._starts)}")
        return self._starts[line - 1] + column - 1

    def line_span(self, line: int) -> tuple[int, int]:
        """(start, end) offsets of a 1-based line, end excluding its line break."""
        start = self._starts[line - 1]
        if line < len(self._starts):
            end = self._starts[line]
            end -= 2 if end - 2 >= start and self._text.startswith("\r\n", end - 2) else 1
        else:
            end = len(self._text)
        return start, end
