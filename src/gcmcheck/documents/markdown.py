"""Find the prose of a Markdown (or plain-text) document without moving any offsets.

prose_regions() returns a *masked copy* of the document: same length, every character
that is not prose (code, markup, URLs, HTML, front matter, suppressed passages)
replaced by a space, line breaks kept.  Sentences are split inside the returned
regions of the masked copy, so their offsets index the original text directly and
``LineIndex`` positions are exact; ``original[start:end]`` shows the user what they
wrote, markup included.

markdown-it-py parses the blocks (token ``.map`` line ranges).  Inline children carry
no positions, so we run the inline pass ourselves with every inline rule wrapped to
record the span it consumed: code spans, inline HTML, autolinks and images are
masked whole; for links only ``[`` and ``](destination "title")`` are masked;
emphasis delimiters are masked only if the emphasis pass matched them (so "5 * 3"
keeps its star); a backslash escape loses its backslash.  Block contents are mapped
back to the source line by line (each content line is a suffix of its source line,
after the block-quote/list/indent prefix), which handles CRLF, tabs and nesting.

Directives (HTML comments, case-insensitive, flexible spacing):
``<!-- gcmcheck off -->`` ... ``<!-- gcmcheck on -->`` suppress a passage (to the end
of the document if never switched back on); ``<!-- gcmcheck ignore-next -->``
suppresses the next block (paragraph, heading, list, block quote, table, code
block or rule; other HTML blocks do not count).  Directives must be HTML blocks (a
comment starting a line); a comment inside a paragraph is just masked HTML.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from gcmcheck.documents.positions import LineIndex, split_lines
from gcmcheck.regex_cache import regex

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_inline.state_inline import StateInline
    from markdown_it.token import Token


@dataclass(frozen=True, slots=True)
class Region:
    """One block of prose, [start, end) in the document (trimmed of whitespace)."""

    start: int
    end: int


_KEYWORD = r"(off|on|ignore[-_ ]?next)"
_COMMENT_DIRECTIVE = regex(r"<!--\s*gcmcheck\s+" + _KEYWORD + r"\s*-->", re.IGNORECASE)
_PLAIN_DIRECTIVE = regex(
    r"<!--\s*gcmcheck\s+" + _KEYWORD + r"\s*-->|(?:#+|//)?\s*gcmcheck\s+" + _KEYWORD,
    re.IGNORECASE,
)
_NOT_LINE_BREAK = regex(r"[^\r\n]")

# Tokens that open a block which "ignore-next" swallows whole (until the close at the
# same level), and single-token blocks it swallows.
_LEAF_BLOCKS = frozenset({"fence", "code_block", "hr"})

# Characters a backslash can escape (CommonMark ASCII punctuation).
_ESCAPABLE = frozenset("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\n")


def _directive(word: str) -> str:
    """Normalise a directive keyword to "off", "on" or "ignore-next"."""
    word = word.lower()
    return "ignore-next" if word.startswith("ignore") else word


# --- plain text ----------------------------------------------------------------------


def plain_directive(line: str) -> str | None:
    """The directive a plain-text line consists of ("off", "on", "ignore-next"), if any.

    Accepted forms: ``gcmcheck off``, ``# gcmcheck off``, ``// gcmcheck off`` and
    ``<!-- gcmcheck off -->``, with surrounding spaces.
    """
    match = _PLAIN_DIRECTIVE.fullmatch(line.strip())
    if match is None:
        return None
    return _directive(match.group(1) or match.group(2))


def iter_plain_blocks(lines: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Yield (offset, paragraph) of plain text read line by line, honouring directives.

    Like segment.iter_blocks (blank lines separate paragraphs; lines keep their line
    breaks; offsets count characters from the start), but a directive line ends the
    current paragraph, is not prose itself, and switches checking off/on or drops the
    next paragraph.
    """
    offset = 0
    buffer: list[str] = []
    buffer_start = 0
    checking = True
    ignore_next = False
    for line in lines:
        blank = not line or line.isspace()
        directive = None if blank else plain_directive(line)
        if blank or directive:
            if buffer:
                if checking and not ignore_next:
                    yield _trimmed(buffer_start, buffer)
                elif checking:
                    ignore_next = False
                buffer = []
            if directive == "off":
                checking = False
            elif directive == "on":
                checking = True
            elif directive == "ignore-next":
                ignore_next = True
        else:
            if not buffer:
                buffer_start = offset
            buffer.append(line)
        offset += len(line)
    if buffer and checking and not ignore_next:
        yield _trimmed(buffer_start, buffer)


def _trimmed(start: int, lines: list[str]) -> tuple[int, str]:
    block = "".join(lines)
    stripped = block.lstrip()
    return start + len(block) - len(stripped), stripped.rstrip()


def plain_regions(text: str) -> list[Region]:
    """Paragraphs of plain text (separated by blank lines), minus suppressed ones."""
    return [
        Region(offset, offset + len(paragraph))
        for offset, paragraph in iter_plain_blocks(split_lines(text))
    ]


# --- markdown ------------------------------------------------------------------------


def prose_regions(text: str, warnings: list[str] | None = None) -> tuple[str, list[Region]]:
    """Return (masked_text, regions): the masked copy and its prose blocks in order.

    Regions are paragraphs, headings, list-item paragraphs, block-quote paragraphs and
    single table cells; suppressed ones are dropped (and stay masked).

    markdown-it stops parsing containers nested deeper than its limit (20 levels; a
    list item counts two), so such a passage is not checked: a message saying so,
    with its line, is appended to warnings when given.
    """
    lines = LineIndex(text)
    # Alignment compares block contents with the source as markdown-it saw it; its
    # normaliser only changes line breaks (handled by LineIndex) and NUL -> U+FFFD.
    source = text.replace("\0", "\ufffd")
    front = _front_matter_lines(text, lines)
    parse_input = text
    if front:
        rest = lines.offset(front + 1, 1) if front < lines.line_count else len(text)
        parse_input = "\n" * front + text[rest:]
    parser = _parser()
    env: dict[str, Any] = {}
    parser.too_deep = []
    tokens = parser.md.parse(parse_input, env)
    if parser.too_deep and warnings is not None:
        spans = [f"{a + 1}" if b - a <= 1 else f"{a + 1}-{b}" for a, b in sorted(set(parser.too_deep))]
        where = ("line " if spans[0].isdigit() and len(spans) == 1 else "lines ") + ", ".join(spans[:3])
        where += ", ..." if len(spans) > 3 else ""
        warnings.append(
            f"{where}: block quotes and lists nested more than {parser.md.options.maxNesting} levels deep; not checked"
        )

    keep: list[tuple[int, int]] = []  # source intervals that stay visible
    regions: list[Region] = []
    checking = True
    ignore_next = False
    skip_level: int | None = None
    row_cursor = 0
    for index, token in enumerate(tokens):
        if token.type == "html_block":
            for found in _COMMENT_DIRECTIVE.finditer(token.content):
                directive = _directive(found.group(1))
                if directive == "off":
                    checking = False
                elif directive == "on":
                    checking = True
                else:
                    ignore_next = True
            continue
        if skip_level is not None:
            if token.nesting == -1 and token.level == skip_level:
                skip_level = None
            continue
        if ignore_next and token.nesting != -1 and token.type != "inline":
            ignore_next = False
            if token.nesting == 1:
                skip_level = token.level
            continue
        if token.type == "tr_open" and token.map:
            row_cursor = lines.line_span(token.map[0] + 1)[0]
        if token.type != "inline" or not checking or not token.map:
            continue
        parent = tokens[index - 1]
        if parent.type in ("th_open", "td_open"):
            pieces, row_cursor = _cell_pieces(
                token.content, token.map[0], lines, source, row_cursor
            )
        elif parent.type == "heading_open" and parent.markup.startswith("#"):
            pieces = _atx_pieces(token.content, token.map[0], lines, source)
        else:
            pieces = _line_pieces(token.content, token.map[0], lines, source)
        masked = parser.inline_masks(token.content, env)
        visible = _to_source(_subtract(len(token.content), masked), pieces)
        region = _trim(text, visible)
        if region is not None:
            keep.extend(visible)
            regions.append(region)

    return _render(text, keep), regions


def _front_matter_lines(text: str, lines: LineIndex) -> int:
    """Number of lines of YAML (---) or TOML (+++) front matter at the start, else 0."""
    first = text[slice(*lines.line_span(1))].lstrip("\ufeff").rstrip()
    if first not in ("---", "+++"):
        return 0
    closers = ("---", "...") if first == "---" else ("+++",)
    for number in range(2, lines.line_count + 1):
        if text[slice(*lines.line_span(number))].rstrip() in closers:
            return number
    return 0


# A "piece" (c0, c1, s0) says content[c0:c1] == source[s0 : s0 + c1 - c0].
Piece = tuple[int, int, int]


def _line_pieces(content: str, first_line: int, lines: LineIndex, source: str) -> list[Piece]:
    """Pieces of a paragraph-like block: content line k is a suffix of source line k."""
    pieces: list[Piece] = []
    c = 0
    for k, content_line in enumerate(content.split("\n")):
        stripped = content_line.strip()
        number = first_line + 1 + k
        if stripped and number <= lines.line_count:
            lead = len(content_line) - len(content_line.lstrip())
            ls, le = lines.line_span(number)
            src = source[ls:le].rstrip()
            if src.endswith(stripped):
                s0 = ls + len(src) - len(stripped)
            else:
                s0 = source.find(stripped, ls, le)
            if s0 >= 0:
                pieces.append((c + lead, c + lead + len(stripped), s0))
        c += len(content_line) + 1
    return pieces


def _atx_pieces(content: str, line: int, lines: LineIndex, source: str) -> list[Piece]:
    """Pieces of an ATX heading: the content follows the run of '#' markers."""
    if not content:
        return []
    ls, le = lines.line_span(line + 1)
    hashes = source.find("#", ls, le)
    pos = hashes
    while 0 <= pos < le and source[pos] == "#":
        pos += 1
    s0 = source.find(content, max(pos, ls), le)
    return [(0, len(content), s0)] if s0 >= 0 else []


def _cell_pieces(
    content: str, line: int, lines: LineIndex, source: str, cursor: int
) -> tuple[list[Piece], int]:
    """Pieces of a table cell, searched left to right along its row.

    markdown-it drops the backslash of an escaped pipe, so every "|" in the content
    was "\\|" in the source.
    """
    if not content:
        return [], cursor
    _, le = lines.line_span(line + 1)
    escaped = content.replace("|", "\\|")
    s0 = source.find(escaped, cursor, le)
    if s0 < 0:
        return [], cursor
    pieces: list[Piece] = []
    c, s = 0, s0
    parts = content.split("|")
    for j, part in enumerate(parts):
        if part:
            pieces.append((c, c + len(part), s))
        c, s = c + len(part), s + len(part)
        if j < len(parts) - 1:  # content "|" at c is the "|" of "\\|" at s
            pieces.append((c, c + 1, s + 1))
            c, s = c + 1, s + 2
    return pieces, s0 + len(escaped)


def _subtract(length: int, masked: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """[0, length) minus the masked intervals, as sorted disjoint intervals."""
    visible: list[tuple[int, int]] = []
    pos = 0
    for a, b in sorted(masked):
        if a > pos:
            visible.append((pos, a))
        pos = max(pos, b)
    if pos < length:
        visible.append((pos, length))
    return visible


def _to_source(visible: list[tuple[int, int]], pieces: list[Piece]) -> list[tuple[int, int]]:
    """Translate content intervals to source intervals (both lists sorted; merge walk)."""
    out: list[tuple[int, int]] = []
    i = 0
    for c0, c1, s0 in pieces:
        while i < len(visible) and visible[i][1] <= c0:
            i += 1
        j = i
        while j < len(visible) and visible[j][0] < c1:
            lo, hi = max(visible[j][0], c0), min(visible[j][1], c1)
            if lo < hi:
                out.append((s0 + lo - c0, s0 + hi - c0))
            j += 1
    return out


def _trim(text: str, intervals: list[tuple[int, int]]) -> Region | None:
    """The region from the first to the last non-space character of the intervals."""
    start = end = None
    for a, b in intervals:
        chunk = text[a:b]
        stripped = chunk.lstrip()
        if stripped:
            start = a + len(chunk) - len(stripped)
            break
    for a, b in reversed(intervals):
        chunk = text[a:b]
        stripped = chunk.rstrip()
        if stripped:
            end = a + len(stripped)
            break
    if start is None or end is None:
        return None
    return Region(start, end)


def _render(text: str, keep: list[tuple[int, int]]) -> str:
    """The masked copy: kept intervals verbatim, every other non-break char a space."""
    blank = _NOT_LINE_BREAK.sub(" ", text)
    parts: list[str] = []
    pos = 0
    for a, b in sorted(keep):
        a = max(a, pos)
        if a >= b:
            continue
        parts.append(blank[pos:a])
        parts.append(text[a:b])
        pos = b
    parts.append(blank[pos:])
    return "".join(parts)


# --- the instrumented markdown-it parser ------------------------------------------------


class _Parser:
    """A markdown-it instance whose inline rules report the spans they consume."""

    def __init__(self) -> None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        # We run the inline pass ourselves (inline_masks); fragments_join would merge
        # the delimiter tokens whose fate we inspect after the emphasis pass.
        md.disable(["inline", "fragments_join"])
        for name in md.inline.ruler.get_all_rules():
            rule = md.inline.ruler.__rules__[md.inline.ruler.__find__(name)]
            md.inline.ruler.at(name, self._wrap(name, rule.fn))
        # Where markdown-it gave up on content nested too deeply: [first, end) lines,
        # 0-based (it skips to the end of the enclosing range, for a list the document's).
        self.too_deep: list[tuple[int, int]] = []
        block_tokenize = md.block.tokenize

        def tokenize(state: Any, start: int, end: int, *args: Any) -> Any:
            if state.level >= state.md.options.maxNesting:
                line = state.skipEmptyLines(start)
                if line < end and state.sCount[line] >= state.blkIndent:
                    self.too_deep.append((line, end))
            return block_tokenize(state, start, end, *args)

        md.block.tokenize = tokenize  # type: ignore[method-assign]
        self.md: MarkdownIt = md
        self._state: StateInline | None = None
        self._masked: list[tuple[int, int]] = []
        self._delimiters: list[tuple[int, list[Token]]] = []

    def _wrap(self, name: str, fn: Any) -> Any:
        def rule(state: StateInline, silent: bool) -> bool:
            if silent or state is not self._state:
                return bool(fn(state, silent))
            start = state.pos
            count = len(state.tokens)
            ok = bool(fn(state, silent))
            if ok:
                self._record(name, state, start, count)
            return ok

        return rule

    def _record(self, name: str, state: StateInline, start: int, count: int) -> None:
        end = state.pos
        if name in ("backticks", "html_inline", "autolink", "image"):
            self._masked.append((start, end))
        elif name == "link":
            label_end = state.md.helpers.parseLinkLabel(state, start, True)
            self._masked.append((start, start + 1))
            if label_end >= 0:
                self._masked.append((label_end, end))
        elif name == "escape":
            if start + 1 < len(state.src) and state.src[start + 1] in _ESCAPABLE:
                self._masked.append((start, start + 1))
        elif name in ("emphasis", "strikethrough"):
            width = end - start
            self._delimiters.append((start, state.tokens[len(state.tokens) - width :]))

    def inline_masks(self, content: str, env: dict[str, Any]) -> list[tuple[int, int]]:
        """Content intervals of an inline block that are markup, not prose."""
        from markdown_it.rules_inline.state_inline import StateInline

        self._masked = []
        self._delimiters = []
        tokens: list[Token] = []
        state = StateInline(content, self.md, env, tokens)
        self._state = state
        try:
            self.md.inline.tokenize(state)
            for rule in self.md.inline.ruler2.getRules(""):
                rule(state)
        finally:
            self._state = None
        masked = self._masked
        for start, delimiter_tokens in self._delimiters:
            for i, token in enumerate(delimiter_tokens):
                # Matched delimiters became *_open/*_close; the second char of a
                # strong pair stays "text" with its content emptied.
                if token.type != "text" or token.content == "":
                    masked.append((start + i, start + i + 1))
        return masked


_LOCAL = threading.local()


def _parser() -> _Parser:
    """One instrumented parser per thread (it keeps per-parse state)."""
    parser = getattr(_LOCAL, "parser", None)
    if parser is None:
        parser = _LOCAL.parser = _Parser()
    return parser
