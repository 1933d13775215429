"""Every problem of a claims table at once, each at its `file:line`.

The loader refuses a bad table at the first problem of each claim; an editor fixing a
table wants the whole list, in file order, with enough context to fix each one
without opening the source: the closest passage to a misquote, the key they meant,
the source id they misspelt. Layers, each run even when an earlier one found
problems: the file and its YAML; the JSON Schema (shapes, keys, types); references
(ids, sources, the sources folder, verbatim quotes); then what the analyser reads
(a statement with nothing checkable, sources that disagree without a `says`).
Finally the loader itself runs, so `validate` can never pass a table that does not load.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gcmcheck.curation.yamlmap import Parsed, Path_

# problem codes, for tooling (`--format json`)
READ, YAML, DUPLICATE_KEY, SCHEMA, UNKNOWN_KEY, MISSING = "read", "yaml", "duplicate-key", "schema", "unknown-key", "missing-field"
DUPLICATE_ID, UNKNOWN_SOURCE, SOURCES_DIR, SOURCE_FILE = "duplicate-id", "unknown-source", "sources-dir", "source-file"
QUOTE, UNKNOWN_EVENT, CLOSED = "quote-not-verbatim", "unknown-event", "closed-without-members"
NO_VALUES, UNSAID_CONFLICT, LOAD = "nothing-to-check", "conflict-without-says", "load"


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem, located in the table file; details are extra lines for people."""

    file: str
    line: int
    message: str
    code: str
    column: int = 0
    claim: str = ""
    details: tuple[str, ...] = ()

    def location(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}:{self.column}" if self.line and self.column else where

    def __str__(self) -> str:
        return f"{self.location()}: {self.message}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "claim": self.claim or None,
            "message": self.message,
            "details": list(self.details),
        }


@dataclass(slots=True)
class Validation:
    """The outcome of validating one table file."""

    file: str
    issues: list[Issue] = field(default_factory=list)
    claims: int = 0
    sources: int = 0

    @property
    def ok(self) -> bool:
        return not self.issues

    def to_dict(self) -> dict[str, Any]:
        from gcmcheck import __version__

        return {
            "gcmcheck": __version__,
            "table": self.file,
            "ok": self.ok,
            "claims": self.claims,
            "sources": self.sources,
            "problems": [i.to_dict() for i in self.issues],
        }


def validate_table(path: Path) -> Validation:
    """Validate a table file and every source and quote it names."""
    from gcmcheck.curation.yamlmap import SyntaxProblem, parse

    name = str(path)
    result = Validation(name)
    text = _read(path, result)
    if text is None:
        return result
    parsed = parse(text)
    if isinstance(parsed, SyntaxProblem):
        result.issues.append(Issue(name, parsed.line, parsed.message, YAML, parsed.column))
        return result
    checker = _Checker(path, parsed, result)
    checker.run()
    result.issues.sort(key=lambda i: (i.line, i.column))
    return result


def _read(path: Path, result: Validation) -> str | None:
    from gcmcheck.table.loader import MAX_TABLE_BYTES

    name = result.file
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        result.issues.append(Issue(name, 0, "claims table not found", READ))
        return None
    except IsADirectoryError:
        result.issues.append(Issue(name, 0, "claims table is a folder, not a file", READ))
        return None
    except OSError as exc:
        result.issues.append(Issue(name, 0, f"cannot read claims table: {exc.strerror or exc}", READ))
        return None
    if len(raw) > MAX_TABLE_BYTES:
        result.issues.append(Issue(name, 0, f"claims table is larger than {MAX_TABLE_BYTES // (1024 * 1024)} MB", READ))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        result.issues.append(Issue(name, 0, f"claims table is not UTF-8 (byte {exc.start})", READ))
        return None


class _Checker:
    """One validation run: the parsed file, what has been found so far."""

    def __init__(self, path: Path, parsed: Parsed, result: Validation):
        self.path = path
        self.parsed = parsed
        self.data = parsed.data
        self.result = result
        self.texts: dict[str, str] = {}  # source id -> text, for sources that could be read
        self.source_ids: dict[str, int] = {}  # source id -> line
        self.events: set[str] = set()
        self.sources_dir_ok = False
        self.folder = path.parent
        self._covered: set[int] = set()  # lines of the mappings holding a problem (see _loader)
        self._top_level = False  # a problem with a top-level key (sources_dir, sources, claims ...)

    # --- reporting -------------------------------------------------------------------

    def issue(self, path: Path_, message: str, code: str, details: tuple[str, ...] = (), use_key_line: bool = True) -> None:
        line = self.parsed.line(path) if use_key_line else self.parsed.lines.get(path, self.parsed.line(path))
        claim = self._claim_id(path)
        self.result.issues.append(Issue(self.result.file, line, message, code, 0, claim, details))
        self._top_level = self._top_level or len(path) <= 1
        for i in range(1, len(path) + 1):  # every mapping above the problem, but not the whole file
            if path[:i] in self.parsed.lines:
                self._covered.add(self.parsed.lines[path[:i]])

    def label(self, path: Path_) -> str:
        """Who a path belongs to, as an editor would say it."""
        if len(path) >= 2 and path[0] == "claims" and isinstance(path[1], int):
            cid = self._claim_id(path)
            who = f"claim `{cid}`" if cid else f"claim #{path[1] + 1}"
            if len(path) >= 4 and path[2] == "citations" and isinstance(path[3], int):
                who += f", citation {path[3] + 1}"
            return who
        if len(path) >= 2 and path[0] == "sources" and isinstance(path[1], int):
            item = self._item("sources", path[1])
            sid = item.get("id") if isinstance(item, dict) else None
            return f"source `{sid}`" if isinstance(sid, str) and sid else f"source #{path[1] + 1}"
        if len(path) >= 3 and path[0] == "lexicon" and path[1] in ("events", "entities"):
            return f"lexicon {'event' if path[1] == 'events' else 'entity'} `{path[2]}`"
        if path and path[0] == "lexicon":
            return "lexicon"
        return "table"

    def _item(self, key: str, index: int) -> Any:
        items = self.data.get(key) if isinstance(self.data, dict) else None
        return items[index] if isinstance(items, list) and 0 <= index < len(items) else None

    def _claim_id(self, path: Path_) -> str:
        if len(path) >= 2 and path[0] == "claims" and isinstance(path[1], int):
            item = self._item("claims", path[1])
            cid = item.get("id") if isinstance(item, dict) else None
            return str(cid).strip() if isinstance(cid, (str, int)) and str(cid).strip() else ""
        return ""

    # --- the layers ------------------------------------------------------------------

    def run(self) -> None:
        for path, line, first in self.parsed.duplicate_keys:
            self.issue(path, f"{self.label(path)}: duplicate key `{path[-1]}` (first at line {first}); YAML keeps only the last", DUPLICATE_KEY)
        if not isinstance(self.data, dict):
            self.issue((), "the table must be a mapping with `sources` and `claims` lists", SCHEMA)
            return
        self._schema()
        self._sources()
        self._lexicon()
        self._claims()
        table = self._loader()
        if table is not None:
            self._analysis(table)
        claims, sources = self.data.get("claims"), self.data.get("sources")
        self.result.claims = len(claims) if isinstance(claims, list) else 0
        self.result.sources = len(sources) if isinstance(sources, list) else 0

    def _schema(self) -> None:
        from gcmcheck.curation.minischema import claims_schema, validate

        for error in validate(self.data, claims_schema()):
            where = self.label(error.path)
            if error.keyword == "required":
                message = f"{where}: missing required key `{error.key}`"
                self.issue(error.path, message, MISSING, use_key_line=False)
            elif error.keyword == "additionalProperties":
                allowed = _allowed_keys(error.path[:-1])
                close = difflib.get_close_matches(error.key, allowed, n=1, cutoff=0.6)
                hint = f" (did you mean `{close[0]}`?)" if close else f" (allowed: {', '.join(sorted(allowed))})"
                self.issue(error.path, f"{where}: unknown key `{error.key}`{hint}", UNKNOWN_KEY)
            elif error.keyword == "type" and len(error.path) == 3 and error.path[0] == "claims" and error.path[2] == "id" and self._item("claims", error.path[1]).get("id") is None:
                self.issue(error.path, f"claim #{error.path[1] + 1}: fill in its `id`", MISSING)
            else:
                field_name = _field(error.path)
                self.issue(error.path, f"{where}: {field_name}{error.message}", SCHEMA)

    def _sources(self) -> None:
        data = self.data
        raw_dir = data.get("sources_dir", ".")
        folder = (self.path.parent / str(raw_dir if isinstance(raw_dir, str) and raw_dir else ".")).resolve()
        self.sources_dir_ok = folder.is_dir()
        if not self.sources_dir_ok:
            self.issue(("sources_dir",), f"sources folder {raw_dir!r} does not exist (looked for {folder})", SOURCES_DIR)
        self.folder = folder
        items = data.get("sources")
        if not isinstance(items, list):
            return
        for i, item in enumerate(items):
            if not isinstance(item, dict) or not isinstance(item.get("id"), str) or not item.get("id"):
                continue  # the schema layer has said why
            sid = item["id"]
            if sid in self.source_ids:
                self.issue(("sources", i, "id"), f"duplicate source id `{sid}` (first at line {self.source_ids[sid]})", DUPLICATE_ID)
                continue
            self.source_ids[sid] = self.parsed.line(("sources", i, "id"))
            if not self.sources_dir_ok:
                continue
            file = folder / sid
            try:
                self.texts[sid] = file.read_text(encoding="utf-8")
            except FileNotFoundError:
                files = sorted(p.name for p in folder.iterdir() if p.is_file())
                close = difflib.get_close_matches(sid, files, n=1, cutoff=0.6)
                hint = f" (did you mean `{close[0]}`?)" if close else ""
                self.issue(("sources", i, "id"), f"source `{sid}`: file not found in {folder}{hint}", SOURCE_FILE)
            except UnicodeDecodeError as exc:
                self.issue(("sources", i, "id"), f"source `{sid}` is not UTF-8 (byte {exc.start})", SOURCE_FILE)
            except OSError as exc:
                self.issue(("sources", i, "id"), f"source `{sid}` cannot be read: {exc.strerror or exc}", SOURCE_FILE)

    def _lexicon(self) -> None:
        lexicon = self.data.get("lexicon")
        if isinstance(lexicon, dict) and isinstance(lexicon.get("events"), dict):
            self.events = {str(k) for k in lexicon["events"]}

    def _claims(self) -> None:
        items = self.data.get("claims")
        if not isinstance(items, list):
            return
        seen: dict[str, int] = {}
        for i, item in enumerate(items):
            if not isinstance(item, dict):
                continue
            cid = item.get("id")
            if isinstance(cid, str) and cid.strip():
                if cid.strip() in seen:
                    self.issue(("claims", i, "id"), f"duplicate claim id `{cid}` (first at line {seen[cid.strip()]})", DUPLICATE_ID)
                else:
                    seen[cid.strip()] = self.parsed.line(("claims", i, "id"))
            event = item.get("event")
            if isinstance(event, str) and event and event not in self.events:
                close = difflib.get_close_matches(event, sorted(self.events), n=1, cutoff=0.6)
                hint = f" (did you mean `{close[0]}`?)" if close else (f" (the lexicon's events: {', '.join(sorted(self.events))})" if self.events else " (the lexicon has no events)")
                self.issue(("claims", i, "event"), f"{self.label(('claims', i))}: unknown event `{event}`{hint}", UNKNOWN_EVENT)
            if item.get("closed") is True and not item.get("members"):
                self.issue(("claims", i, "closed"), f"{self.label(('claims', i))}: `closed: true` needs a `members` list", CLOSED)
            citations = item.get("citations")
            if isinstance(citations, list):
                for j, citation in enumerate(citations):
                    if isinstance(citation, dict):
                        self._citation(("claims", i, "citations", j), citation)

    def _citation(self, path: Path_, citation: dict[str, Any]) -> None:
        sid, quote = citation.get("source"), citation.get("quote")
        if not isinstance(sid, str) or not sid:
            return
        who = self.label(path[:2])
        if sid not in self.source_ids:
            close = difflib.get_close_matches(sid, list(self.source_ids), n=1, cutoff=0.5)
            hint = f" (did you mean `{close[0]}`?)" if close else " (list it under `sources`)"
            self.issue((*path, "source"), f"{who} cites unknown source `{sid}`{hint}", UNKNOWN_SOURCE)
            return
        if not isinstance(quote, str) or not quote or sid not in self.texts:
            return
        text = self.texts[sid]
        if quote in text:
            return
        self.issue((*path, "quote"), f"{who}: quote not found verbatim in source `{sid}`", QUOTE, _misquote_details(sid, quote, text))

    def _loader(self) -> Any:
        """Run the real loader; report what it refuses that no layer above explained."""
        from gcmcheck.table.loader import check_table

        table, problems = check_table(self.path)
        for p in problems:
            root = p.line == 0 or p.line == self.parsed.lines.get(())
            if p.line in self._covered or (root and self._top_level) or (p.line == 0 and self.result.issues):
                continue
            self.result.issues.append(Issue(self.result.file, p.line, p.message, LOAD, p.column))
        return table

    def _analysis(self, table: Any) -> None:
        from gcmcheck.curation.analysis import nothing_checkable, unsaid_conflicts

        index = self._claim_index()
        for claim in table.claims:
            i = index.get(claim.id)
            if i is None:
                continue
            if nothing_checkable(claim, table.lexicon):
                self.issue(
                    ("claims", i, "statement"),
                    f"claim `{claim.id}`: the analyser reads no number, date, side, legal force, name or keyword "
                    "from the statement, so no check can ever find it",
                    NO_VALUES,
                    ("write the fact as a plain sentence with its values, e.g. \"152 states voted in favour on 19 December 2018\"",),
                )
            for citation, stated, sourced in unsaid_conflicts(claim, table.lexicon):
                j = self._citation_index(i, citation.source, citation.quote)
                self.issue(
                    ("claims", i, "citations", j, "quote") if j is not None else ("claims", i),
                    f"claim `{claim.id}`: source `{citation.source}` gives {sourced} where the statement says {stated}; "
                    "the sources disagree, so give this citation a `says` in the source's own words",
                    UNSAID_CONFLICT,
                )

    def _claim_index(self) -> dict[str, int]:
        index: dict[str, int] = {}
        for i, item in enumerate(self.data.get("claims") or []):
            if isinstance(item, dict) and isinstance(item.get("id"), (str, int)):
                index.setdefault(str(item["id"]).strip(), i)
        return index

    def _citation_index(self, i: int, source: str, quote: str) -> int | None:
        item = self._item("claims", i)
        for j, c in enumerate(item.get("citations") or [] if isinstance(item, dict) else []):
            if isinstance(c, dict) and c.get("source") == source and c.get("quote") == quote:
                return j
        return None


def _field(path: Path_) -> str:
    """The key or list item at fault, named relative to its owner (see label)."""
    if not path:
        return ""
    last = path[-1]
    if isinstance(last, int):
        owner = path[-2] if len(path) >= 2 else ""
        return f"`{owner}` item {last + 1} " if isinstance(owner, str) and owner not in ("claims", "sources", "citations") else ""
    if len(path) == 3 and path[0] == "lexicon" and path[1] in ("events", "entities"):
        return ""
    return f"`{last}` "


def _allowed_keys(path: Path_) -> list[str]:
    """The keys the schema allows in the mapping at path."""
    from gcmcheck.curation.minischema import claims_schema

    schema: dict[str, Any] = claims_schema()
    for step in path:
        if isinstance(step, int):
            schema = schema.get("items", {})
        elif step in schema.get("properties", {}):
            schema = schema["properties"][step]
        elif isinstance(schema.get("additionalProperties"), dict):
            schema = schema["additionalProperties"]
        else:
            return []
    return list(schema.get("properties", {}))


def _misquote_details(sid: str, quote: str, text: str) -> tuple[str, ...]:
    from gcmcheck.curation.quotes import closest_passage

    passage = closest_passage(quote, text)
    if passage is None:
        return ("no passage of the source comes close: is it the right source?",)
    shown = passage.text if len(passage.text) <= 240 else passage.text[:237] + "..."
    lines = [f"closest passage, {sid}:{passage.line}:{passage.column} ({passage.score:.0f}% similar): \u201c{shown}\u201d"]
    lines += [f"- {d}" for d in passage.differences]
    return tuple(lines)
