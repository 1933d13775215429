"""Load a claims table and refuse it unless every quote is verbatim in its source.

Problems are collected, not raised one at a time, so `claims validate` can report
them all; `load_table` raises TableError carrying the list.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from gcmcheck.analysis.lexicon import Lexicon
from gcmcheck.models import Citation, Claim, Source
from gcmcheck.regex_cache import regex

MAX_TABLE_BYTES = 8 * 1024 * 1024  # a table is curated text; anything larger is a mistake
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a source document quoted by the table
MAX_YAML_DEPTH = 64  # nesting of lists and mappings; the shipped table needs 6
MAX_YAML_NODES = 1_000_000  # values once aliases are expanded (a "billion laughs" table)

TOP_KEYS = {"version", "sources_dir", "lexicon", "sources", "claims"}
SOURCE_KEYS = {"id", "title", "publisher", "date", "kind", "url"}
CLAIM_KEYS = {"id", "statement", "citations", "event", "keywords", "members", "closed", "note"}
CITATION_KEYS = {"source", "quote", "says"}
LEXICON_KEYS = {"subject", "events", "entities", "instruments"}
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


_SOURCES_DIR_RE = regex(rb"^sources_dir:[ \t]*['\"]?([^'\"#\r\n]*?)['\"]?[ \t]*(?:#.*)?$", re.MULTILINE)


def sources_of(path: Path, raw: bytes) -> list[Path]:
    """The files a table's quotes may come from, found without parsing YAML (for the
    cache key): every file in its `sources_dir`."""
    m = _SOURCES_DIR_RE.search(raw)
    folder = path.parent / (m.group(1).decode("utf-8", "replace").strip() if m else ".")
    try:
        return sorted(p for p in folder.iterdir() if p.is_file())
    except (OSError, ValueError):  # no such folder, or a NUL in its name
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
        raw = read_limited(path, MAX_TABLE_BYTES)
    except FileNotFoundError:
        return None, [Problem(name, 0, "claims table not found")]
    except IsADirectoryError:
        return None, [Problem(name, 0, "claims table is a folder, not a file")]
    except OSError as exc:
        return None, [Problem(name, 0, f"cannot read claims table: {exc.strerror or exc}")]
    except ValueError as exc:  # a NUL in the name
        return None, [Problem(name, 0, f"cannot read claims table: {exc}")]
    if raw is None:
        return None, [Problem(name, 0, f"claims table is larger than {MAX_TABLE_BYTES // (1024 * 1024)} MB")]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return None, [Problem(name, 0, f"claims table is not UTF-8 (byte {exc.start})")]
    data, problem = _parse_yaml(text, name)
    if problem:
        return None, [problem]
    try:
        return _build(path, data, hashlib.sha256(raw).hexdigest())
    except (TypeError, ValueError, AttributeError, KeyError, re.error) as exc:
        # a shape the checks below did not foresee: a problem to report, not a crash
        return None, [Problem(name, 0, f"invalid claims table: {type(exc).__name__}: {exc}")]


def read_limited(path: Path, limit: int) -> bytes | None:
    """A file's bytes, or None when it holds more than limit bytes.

    Reads at most limit + 1 bytes, so /dev/zero or a huge file cannot exhaust memory;
    raises OSError (or ValueError for a name holding a NUL) as open() does.
    """
    with open(path, "rb") as f:
        data = f.read(limit + 1)
    return None if len(data) > limit else data


@lru_cache(maxsize=1)
def limited_loader() -> type:
    """A yaml.SafeLoader that refuses documents nested too deeply (the composer
    recurses) or whose aliases expand to too many values (a "billion laughs").
    Every YAML a table comes from is read with it (or a subclass)."""
    import yaml

    class LimitedLoader(yaml.SafeLoader):
        _depth = 0

        def compose_node(self, parent, index):  # type: ignore[no-untyped-def]
            self._depth += 1
            try:
                if self._depth > MAX_YAML_DEPTH:
                    mark = self.peek_event().start_mark
                    raise yaml.composer.ComposerError(None, None, f"nested more than {MAX_YAML_DEPTH} levels deep", mark)
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1

        def get_single_node(self):  # type: ignore[no-untyped-def]
            node = super().get_single_node()
            if node is not None and _expanded_size(node, MAX_YAML_NODES) > MAX_YAML_NODES:
                raise yaml.composer.ComposerError(
                    None, None, f"more than {MAX_YAML_NODES:,} values once aliases are expanded", node.start_mark
                )
            return node

    return LimitedLoader


def _parse_yaml(text: str, name: str) -> tuple[Any, Problem | None]:
    import yaml

    class LineLoader(limited_loader()):  # type: ignore[misc]
        """Records where each mapping starts, for messages."""

    def construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
        mapping = loader.construct_mapping(node, deep=True)
        mapping[LINE_KEY] = node.start_mark.line + 1
        return mapping

    def construct_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
        """A date as YAML reads it, or its text when it is no real date (2024-04-00)."""
        try:
            return loader.construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return loader.construct_scalar(node)

    LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_mapping)
    LineLoader.add_constructor("tag:yaml.org,2002:timestamp", construct_timestamp)
    try:
        return yaml.load(text, Loader=LineLoader), None  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        column = mark.column + 1 if mark else 0
        return None, Problem(name, line, f"YAML error: {exc.problem or exc}", column)
    except yaml.YAMLError as exc:
        return None, Problem(name, 0, f"YAML error: {exc}")
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:  # a constructor's own error
        return None, Problem(name, 0, f"YAML error: {exc}")


def _expanded_size(root: Any, limit: int) -> int:
    """How many nodes a YAML node graph has with every alias expanded (stops past limit).

    Each node's size is computed once (aliases share nodes), iteratively, so neither
    a long chain of aliases nor a cycle can recurse or loop; a cycle counts as over
    the limit (the constructor would refuse it anyway).
    """
    sizes: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    on_path: set[int] = set()
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            total = 1
            for child in _children(node):
                total += sizes[id(child)]
                if total > limit:
                    break
            sizes[key] = min(total, limit + 1)
            continue
        if key in sizes:
            continue
        if key in on_path:
            return limit + 1
        on_path.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in sizes)
    return sizes[id(root)]


def _children(node: Any) -> list[Any]:
    value = node.value
    if not isinstance(value, list):
        return []
    out: list[Any] = []
    for item in value:
        if isinstance(item, tuple):
            out.extend(item)
        else:
            out.append(item)
    return out


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

    folder = data.get("sources_dir", ".")
    if not isinstance(folder, str) or "\0" in folder:
        problem(data, "`sources_dir` must be the name of a folder")
        return None, problems
    sources_dir = (path.parent / folder).resolve()
    if not sources_dir.is_dir():
        problem(data, f"sources_dir {folder!r} does not exist ({sources_dir})")
        return None, problems

    lexicon_data = data.get("lexicon") or {}
    if not isinstance(lexicon_data, dict):
        problem(data, "`lexicon` must be a mapping")
        lexicon_data = {}
    else:
        _unknown_keys(lexicon_data, LEXICON_KEYS, "lexicon", problem)
        lexicon_data = _lexicon_shape(lexicon_data, problem)

    sources, texts = _sources(data["sources"], sources_dir, problem)
    claims = _claims(data["claims"], sources, texts, problem)
    lexicon = Lexicon.from_data(_strip_lines(lexicon_data), _common_words(claims))
    table = Table(path, sources_dir, sources, claims, lexicon, digest, texts)
    return table, problems


def _names(value: Any) -> bool:
    """Is value a list of names (strings or numbers), or nothing?"""
    return value is None or (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value))


def _lexicon_shape(data: dict[str, Any], problem: Any) -> dict[str, Any]:
    """The lexicon with every part of the wrong shape reported and left out."""
    out: dict[str, Any] = {}
    if "subject" in data:
        if _names(data["subject"]):
            out["subject"] = data["subject"]
        else:
            problem(data, "`lexicon.subject` must be a list of names")
    events = data.get("events")
    if events is not None and not isinstance(events, dict):
        problem(data, "`lexicon.events` must map each event id to its `label` and `names`")
    elif events:
        kept = {}
        for event_id, spec in events.items():
            if event_id == LINE_KEY:
                continue
            if spec is None:
                spec = {}
            if not isinstance(spec, dict) or not isinstance(spec.get("label", ""), (str, int, float)) or not _names(spec.get("names")):
                problem(events, f"lexicon event `{event_id}` must be a mapping with a `label` and a list of `names`")
                continue
            kept[event_id] = spec
        out["events"] = kept
    entities = data.get("entities")
    if entities is not None and not isinstance(entities, dict):
        problem(data, "`lexicon.entities` must map each entity id to a list of names")
    elif entities:
        kept = {}
        for entity_id, names in entities.items():
            if entity_id == LINE_KEY:
                continue
            if not _names(names):
                problem(entities, f"lexicon entity `{entity_id}` must be a list of names")
                continue
            kept[entity_id] = names
        out["entities"] = kept
    instruments = data.get("instruments")
    if instruments is not None:
        known = set(out.get("entities", {})) | set(out.get("events", {}))
        if not _names(instruments):
            problem(data, "`lexicon.instruments` must be a list of entity or event ids")
        else:
            unknown = [str(i) for i in instruments if str(i) not in known]
            if unknown:
                problem(data, f"`lexicon.instruments` names ids that are neither entities nor events: {', '.join(unknown)}")
            out["instruments"] = [str(i) for i in instruments if str(i) in known]
    return out


def _unknown_keys(node: dict[str, Any], allowed: set[str], what: str, problem: Any) -> None:
    for key in node:
        if key != LINE_KEY and key not in allowed:
            problem(node, f"unknown key `{key}` in {what} (allowed: {', '.join(sorted(allowed))})")


def _sources(items: list[Any], sources_dir: Path, problem: Any) -> tuple[dict[str, Source], dict[str, str]]:
    sources: dict[str, Source] = {}
    texts: dict[str, str] = {}
    for item in items:
        if not isinstance(item, dict) or not isinstance(item.get("id"), (str, int)) or not item.get("id"):
            problem(item, "a source needs an `id` (its file name)")
            continue
        _unknown_keys(item, SOURCE_KEYS, f"source {item['id']}", problem)
        sid = str(item["id"])
        if sid in sources:
            problem(item, f"duplicate source id `{sid}`")
            continue
        relative = Path(sid)
        if "\0" in sid or relative.is_absolute() or ".." in relative.parts:
            problem(item, f"source id `{sid}` must name a file inside {sources_dir}")
            continue
        file = sources_dir / sid
        if not file.is_file():  # also keeps devices and pipes (/dev/zero) out
            problem(item, f"source `{sid}` not found in {sources_dir}")
            continue
        try:
            raw = read_limited(file, MAX_SOURCE_BYTES)
        except OSError as exc:
            problem(item, f"cannot read source `{sid}`: {exc.strerror or exc}")
            continue
        if raw is None:
            problem(item, f"source `{sid}` is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB")
            continue
        try:
            texts[sid] = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            problem(item, f"source `{sid}` is not UTF-8 (byte {exc.start})")
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
        shape = [key for key in ("keywords", "members") if not _names(item.get(key))]
        shape += [key for key in ("event", "note") if isinstance(item.get(key), (list, dict))]
        if shape:
            for key in shape:
                kind = "a list of words" if key in ("keywords", "members") else "text"
                problem(item, f"{label}: `{key}` must be {kind}")
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
        if isinstance(item.get("quote"), (list, dict)) or isinstance(item.get("says"), (list, dict)):
            problem(item, f"{label}: a citation's `quote` and `says` must be text")
            continue
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
