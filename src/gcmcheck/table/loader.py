"""Load a claims table and refuse it unless every quote is verbatim in its source.

Problems are collected, not raised one at a time, so `claims validate` can report
them all; `load_table` raises TableError carrying the list.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gcmcheck.analysis.lexicon import Lexicon
from gcmcheck.models import Citation, Claim, Source

MAX_TABLE_BYTES = 8 * 1024 * 1024  # a table is curated text; anything larger is a mistake

TOP_KEYS = {"version", "sources_dir", "lexicon", "sources", "claims"}
SOURCE_KEYS = {"id", "title", "publisher", "date", "kind", "url"}
CLAIM_KEYS = {"id", "statement", "citations", "event", "keywords", "members", "closed", "note"}
CITATION_KEYS = {"source", "quote", "says"}
LEXICON_KEYS = {"subject", "events", "entities"}
LINE_KEY = "__line__"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a table, located in the table file (line 0 = whole file)."""

    path: str
    line: int
    message: str
    column: int = 0

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        if self.line and self.column:
            where += f":{self.column}"
        return f"{where}: {self.message}"


class TableError(Exception):
    """The table cannot be used; `problems` lists every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        first = str(problems[0]) if problems else "invalid claims table"
        more = f" (and {len(problems) - 1} more problem{'s' * (len(problems) > 2)})" if len(problems) > 1 else ""
        super().__init__(first + more)


@dataclass(slots=True)
class Table:
    path: Path
    sources_dir: Path
    sources: dict[str, Source]
    claims: list[Claim]
    lexicon: Lexicon
    digest: str = ""
    source_texts: dict[str, str] = field(default_factory=dict)

    def claim(self, claim_id: str) -> Claim | None:
        return next((c for c in self.claims if c.id == claim_id), None)


def default_table_path() -> Path:
    """The shipped table: inside the installed package, or at the top of a checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data" / "claims.yaml", here.parent.parent / "data" / "claims.yaml"):
        if candidate.is_file():
            return candidate
    return here / "data" / "claims.yaml"


_SOURCES_DIR_RE = re.compile(rb"^sources_dir:[ \t]*['\"]?([^'\"#\r\n]*?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def sources_of(path: Path, raw: bytes) -> list[Path]:
    """The files a table's quotes may come from, found without parsing YAML (for the
    cache key): every file in its `sources_dir`."""
    m = _SOURCES_DIR_RE.search(raw)
    folder = path.parent / (m.group(1).decode("utf-8", "replace").strip() if m else ".")
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except OSError:
        return []


def load_table(path: Path | None = None) -> Table:
    """Parse, check and build a table; raise TableError listing every problem."""
    table, problems = check_table(path)
    if problems or table is None:
        raise TableError(problems)
    return table


def check_table(path: Path | None = None) -> tuple[Table | None, list[Problem]]:
    """Parse and check a table, returning it (when usable) with every problem found."""
    path = Path(path) if path else default_table_path()
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 0, "claims table not found")]
    except IsADirectoryError:
        return None, [Problem(name, 0, "claims table is a folder, not a file")]
    except OSError as exc:
        return None, [Problem(name, 0, f"cannot read claims table: {exc.strerror or exc}")]
    if len(raw) > MAX_TABLE_BYTES:
        return None, [Problem(name, 0, f"claims table is larger than {MAX_TABLE_BYTES // (1024 * 1024)} MB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 0, f"claims table is not UTF-8 (byte {exc.start})")]
    data, problem = _parse_yaml(text, name)
    if problem:
        return None, [problem]
    return _build(path, data, hashlib.sha256(raw).hexdigest())


def _parse_yaml(text: str, name: str) -> tuple[Any, Problem | None]:
    import yaml

    class LineLoader(yaml.SafeLoader):
        """SafeLoader that records where each mapping starts, for messages."""

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    try:
        return yaml.load(text, Loader=LineLoader), None  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        return None, Problem(name, line, f"YAML error: {exc.problem or exc}", column)
    except yaml.YAMLError as exc:
        return None, Problem(name, 0, f"YAML error: {exc}")


def _build(path: Path, data: Any, digest: str) -> tuple[Table | None, list[Problem]]:
    name = str(path)
    problems: list[Problem] = []

    def problem(node: Any, message: str) -> None:
        line = node.get(LINE_KEY, 0) if isinstance(node, dict) else 0
        problems.append(Problem(name, line, message))

    if not isinstance(data, dict):
        return None, [Problem(name, 0, "claims table must be a mapping with `sources` and `claims`")]
    _unknown_keys(data, TOP_KEYS, "table", problem)
    for key in ("sources", "claims"):
        if not isinstance(data.get(key), list) or not data.get(key):
            problem(data, f"missing or empty `{key}` list")
    if problems:
        return None, problems

    sources_dir = (path.parent / str(data.get("sources_dir", "."))).resolve()
    if not sources_dir.is_dir():
        problem(data, f"sources_dir {data.get('sources_dir', '.')!r} does not exist ({sources_dir})")
        return None, problems

    lexicon_data = data.get("lexicon") or {}
    if not isinstance(lexicon_data, dict):
        problem(data, "`lexicon` must be a mapping")
        lexicon_data = {}
    else:
        _unknown_keys(lexicon_data, LEXICON_KEYS, "lexicon", problem)

    sources, texts = _sources(data["sources"], sources_dir, problem)
    claims = _claims(data["claims"], sources, texts, problem)
    lexicon = Lexicon.from_data(_strip_lines(lexicon_data), _common_words(claims))
    table = Table(path, sources_dir, sources, claims, lexicon, digest, texts)
    return table, problems


def _unknown_keys(node: dict[str, Any], allowed: set[str], what: str, problem: Any) -> None:
    for key in node:
        if key != LINE_KEY and key not in allowed:
            problem(node, f"unknown key `{key}` in {what} (allowed: {', '.join(sorted(allowed))})")


def _sources(items: list[Any], sources_dir: Path, problem: Any) -> tuple[dict[str, Source], dict[str, str]]:
    sources: dict[str, Source] = {}
    texts: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not item.get("id"):
            problem(item, "a source needs an `id` (its file name)")
            continue
        _unknown_keys(item, SOURCE_KEYS, f"source {item['id']}", problem)
        sid = str(item["id"])
        if sid in sources:
            problem(item, f"duplicate source id `{sid}`")
            continue
        file = sources_dir / sid
        try:
            texts[sid] = file.read_text(encoding="utf-8")
        except OSError:
            problem(item, f"source `{sid}` not found in {sources_dir}")
            continue
        sources[sid] = Source(
            id=sid,
            title=str(item.get("title", "")),
            publisher=str(item.get("publisher", "")),
            date=str(item.get("date", "")),
            kind=str(item.get("kind", "")),
            path=str(file),
        )
    return sources, texts


def _claims(items: list[Any], sources: dict[str, Source], texts: dict[str, str], problem: Any) -> list[Claim]:
    claims: list[Claim] = []
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, dict):
            problem(item, "a claim must be a mapping")
            continue
        cid = str(item.get("id", "")).strip()
        label = f"claim `{cid}`" if cid else "a claim"
        _unknown_keys(item, CLAIM_KEYS, label, problem)
        if not cid:
            problem(item, "a claim needs an `id`")
            continue
        if cid in seen:
            problem(item, f"duplicate claim id `{cid}`")
            continue
        seen.add(cid)
        statement = str(item.get("statement") or "").strip()
        if not statement:
            problem(item, f"{label} needs a `statement`")
            continue
        citations = _citations(item.get("citations"), label, item, sources, texts, problem)
        if not citations:
            continue
        claims.append(
            Claim(
                id=cid,
                statement=statement,
                citations=citations,
                event=str(item.get("event") or ""),
                keywords=tuple(str(k) for k in item.get("keywords") or ()),
                members=tuple(str(m) for m in item.get("members") or ()),
                closed=bool(item.get("closed", False)),
                note=str(item.get("note") or ""),
                line=int(item.get(LINE_KEY, 0)),
            )
        )
    return claims


def _citations(
    items: Any, label: str, claim: dict[str, Any], sources: dict[str, Source], texts: dict[str, str], problem: Any
) -> list[Citation]:
    if not isinstance(items, list) or not items:
        problem(claim, f"{label} needs at least one citation")
        return []
    citations: list[Citation] = []
    for item in items:
        if not isinstance(item, dict):
            problem(claim, f"{label}: a citation must be a mapping with `source` and `quote`")
            continue
        _unknown_keys(item, CITATION_KEYS, f"a citation of {label}", problem)
        sid, quote = str(item.get("source", "")), str(item.get("quote", ""))
        if sid not in sources:
            problem(item, f"{label} cites unknown source `{sid}`")
            continue
        if not quote:
            problem(item, f"{label}: citation of `{sid}` has no `quote`")
            continue
        offset = texts[sid].find(quote)
        if offset < 0:
            problem(item, f"{label}: quote not found verbatim in source `{sid}`: {quote[:60]!r}")
            continue
        line, column = line_and_column(texts[sid], offset)
        citations.append(Citation(sid, quote, line, column, str(item.get("says") or "")))
    return citations


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of offset; CRLF and lone CR end lines too."""
    before = text[:offset]
    breaks = list(re.finditer(r"\r\n|\r|\n", before))
    if not breaks:
        return 1, offset + 1
    return len(breaks) + 1, offset - breaks[-1].end() + 1


def _common_words(claims: Iterable[Claim]) -> set[str]:
    """Words the table writes in lower case: a capitalised one opening a sentence is no name."""
    words: set[str] = set()
    for claim in claims:
        for text in (claim.statement, *(c.quote for c in claim.citations), *(c.says for c in claim.citations)):
            words.update(w for w in re.findall(r"[a-z][a-z'\u2019-]+", text))
    return words


def _strip_lines(node: Any) -> Any:
    if isinstance(node, dict):
        return {k: _strip_lines(v) for k, v in node.items() if k != LINE_KEY}
    if isinstance(node, list):
        return [_strip_lines(v) for v in node]
    return node
