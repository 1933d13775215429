"""`gcmcheck claims ...`: inspect, validate and grow the claims table.

The people who keep the table are editors and researchers: every subcommand answers
in plain text (or JSON for tooling), points at `file:line`, and never needs Python.
The work is done by gcmcheck.curation (pure functions returning data); this module
only parses options, prints and sets the exit status.
"""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Optional

import typer

from gcmcheck.commands.common import EXIT_FAILED, EXIT_OK, UserError, command_group, configured_claims, use_color

if TYPE_CHECKING:
    from rich.console import Console

    from gcmcheck.table.loader import Table


class OutputFormat(str, Enum):
    TEXT = "text"
    JSON = "json"


ClaimsOption = Annotated[
    Optional[Path],
    typer.Option("--claims", help="Claims table to use (default: the shipped one).", dir_okay=False, show_default=False),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.", case_sensitive=False)]

claims_app = command_group("Inspect, validate and grow the claims table.")


@claims_app.callback(invoke_without_command=True)
def _claims_group(ctx: typer.Context) -> None:
    """Inspect, validate and grow the claims table."""
    if ctx.invoked_subcommand is None:  # `gcmcheck claims` alone: its help, not an error
        typer.echo(ctx.get_help())
        raise typer.Exit(EXIT_OK)


# --- shared helpers (also used by `gcmcheck sources`) ------------------------------------


def load(claims: Path | None) -> Table:
    """The table, or a one-line error that points at `claims validate`."""
    from gcmcheck.table.loader import TableError, default_table_path, load_table

    claims = configured_claims(claims)
    try:
        return load_table(claims)
    except TableError as exc:
        path = claims or default_table_path()
        raise UserError(f"{exc} (run `gcmcheck claims validate {path}` to see every problem)") from None


def console() -> Console:
    """A rich console on stdout: colour only for a terminal without NO_COLOR."""
    from rich.console import Console

    tty = bool(getattr(sys.stdout, "isatty", lambda: False)())
    return Console(file=sys.stdout, no_color=not use_color(), highlight=False, soft_wrap=not tty, emoji=False, width=None if tty else 200)


def print_json(doc: Any) -> None:
    import json

    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def escape(text: str) -> str:
    """Table or source text made safe for rich: no markup, no control sequences."""
    from rich.markup import escape as rich_escape

    from gcmcheck.formats.escape import clean

    return rich_escape(clean(text))


def header(doc: dict[str, Any], table: Table) -> dict[str, Any]:
    from gcmcheck import __version__

    return {"gcmcheck": __version__, "table": str(table.path), **doc}


def resolve_source(table: Table, source_id: str) -> str:
    """A source id from its exact name or an unambiguous prefix ("003")."""
    if source_id in table.sources:
        return source_id
    matches = [s for s in table.sources if s.startswith(source_id)]
    if len(matches) == 1:
        return matches[0]
    known = ", ".join(sorted(table.sources))
    if matches:
        raise UserError(f"source `{source_id}` is ambiguous: {', '.join(sorted(matches))}")
    raise UserError(f"no source `{source_id}` in {table.path} (sources: {known})")


def citation_dict(c: Any) -> dict[str, Any]:
    return {"source": c.source, "line": c.line, "column": c.column, "quote": c.quote, "says": c.says or None}


# --- list ---------------------------------------------------------------------------------


@claims_app.command("list")
def list_command(
    source: Annotated[Optional[str], typer.Option("--source", "-s", help="Only claims citing this source (id or unique prefix).")] = None,
    search: Annotated[Optional[str], typer.Option("--search", help="Only claims containing all these words (id, statement, quotes, notes).")] = None,
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """List the claims: id, statement and sources."""
    table = load(claims)
    sid = resolve_source(table, source) if source else None
    words = _search_words(search)
    rows = []
    for claim in table.claims:
        if sid and all(c.source != sid for c in claim.citations):
            continue
        if words and not _matches(claim, words):
            continue
        rows.append(claim)
    if format is OutputFormat.JSON:
        print_json(header({"claims": [_claim_row(c) for c in rows]}, table))
        raise typer.Exit(EXIT_OK)
    from rich import box
    from rich.table import Table as RichTable

    out = console()
    if not rows:
        out.print("no claim matches" if (sid or words) else "the table has no claims")
        raise typer.Exit(EXIT_OK)
    grid = RichTable(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False, expand=False)
    grid.add_column("id", no_wrap=True, style="bold")
    grid.add_column("statement", overflow="fold")
    grid.add_column("sources", no_wrap=True)
    for claim in rows:
        grid.add_row(escape(claim.id), escape(claim.statement), escape("\n".join(_sources_of(claim))))
    out.print(grid)
    total = len(table.claims)
    out.print(f"{len(rows)} of {total} claims" if len(rows) != total else f"{total} claims")
    raise typer.Exit(EXIT_OK)


def _sources_of(claim: Any) -> list[str]:
    return list(dict.fromkeys(c.source for c in claim.citations))


def _claim_row(claim: Any) -> dict[str, Any]:
    return {
        "id": claim.id,
        "statement": claim.statement,
        "line": claim.line,
        "event": claim.event or None,
        "sources": _sources_of(claim),
        "citations": [citation_dict(c) for c in claim.citations],
    }


def _search_words(search: str | None) -> list[str]:
    from gcmcheck.curation.quotes import fold

    return fold(search or "").casefold().split()


def _matches(claim: Any, words: list[str]) -> bool:
    from gcmcheck.curation.quotes import fold

    parts = [claim.id, claim.statement, claim.note, claim.event, *claim.keywords, *claim.members]
    for c in claim.citations:
        parts += [c.quote, c.says, c.source]
    haystack = fold(" ".join(parts)).casefold()
    return all(w in haystack for w in words)


# --- show ---------------------------------------------------------------------------------


@claims_app.command("show")
def show_command(
    claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's id.")],
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Show a claim, what the analyser reads from it, and every citation."""
    from gcmcheck.curation.show import claim_details

    table = load(claims)
    claim = table.claim(claim_id)
    if claim is None:
        raise UserError(_unknown_claim(table, claim_id))
    details = claim_details(table, claim)
    if format is OutputFormat.JSON:
        print_json(header({"claim": details}, table))
        raise typer.Exit(EXIT_OK)
    _print_details(console(), details, table)
    raise typer.Exit(EXIT_OK)


def _unknown_claim(table: Table, claim_id: str) -> str:
    import difflib

    close = difflib.get_close_matches(claim_id, [c.id for c in table.claims], n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(f'`{c}`' for c in close)}?)" if close else " (see `gcmcheck claims list`)"
    return f"no claim `{claim_id}` in {table.path}{hint}"


def _print_details(out: Console, d: dict[str, Any], table: Table) -> None:
    from gcmcheck.curation.analysis import summary_line

    out.print(f"[bold]{escape(d['id'])}[/]  {escape(str(table.path))}:{d['line']}")
    out.print(f"  {escape(d['statement'])}")
    if d["event"]:
        out.print(f"  event:        {escape(d['event'])} ({escape(d['event_label'])})")
    if d["members"]:
        kind = "closed list: a name outside it is contradicted" if d["closed"] else "open list"
        out.print(f"  members:      {escape(', '.join(d['members']))} ({kind})")
    if d["keywords"]:
        out.print(f"  keywords:     {escape(', '.join(d['keywords']))}")
    if d["note"]:
        out.print(f"  note:         {escape(d['note'])}")
    r = d["reading"]
    out.print("[bold]What the analyser reads from the statement[/]")
    _print_reading(out, r)
    if not d["checkable"]:
        out.print("  [yellow]no number, date, side or legal force: a check can find this claim but never decide by it[/]")
    out.print(f"[bold]Citations[/] ({len(d['citations'])})")
    for c in d["citations"]:
        out.print(f"  {escape(c['source'])}:{c['line']}:{c['column']}  [italic]\u201c{escape(c['quote'])}\u201d[/]")
        if c["says"]:
            out.print(f"    says:     {escape(c['says'])}")
            reads = summary_line(c["reading"]) if c.get("reading") else ""
            out.print(f"    reads:    {escape(reads) if reads else '(no value)'}")
            for diff in c.get("differs", []):
                out.print(f"    [yellow]differs:[/]  the statement has {escape(diff['statement'])}, this source {escape(diff['source'])}")
    if d["conflicts"]:
        out.print("[bold]The sources disagree[/] (see `gcmcheck claims conflicts`)")
        for k in d["conflicts"]:
            parts = "; ".join(f"{'/'.join(x['sources'])}: {x['value']}" for x in k["readings"])
            out.print(f"  {_KIND_WORDS.get(k['kind'], k['kind'])} \u201c{escape(k['fact'])}\u201d: {escape(parts)}")


def _print_reading(out: Console, r: dict[str, Any]) -> None:
    from gcmcheck.curation.analysis import ROLE_WORDS

    def line(label: str, value: str) -> None:
        out.print(f"  {label:<13} {value}")

    numbers = []
    for n in r["numbers"]:
        extra = [x for x in (ROLE_WORDS.get(n["role"] or "", ""), f"counts: {n['counts']}" if n["counts"] else "", f"event: {n['event']}" if n["event"] else "", n["kind"] if n["kind"] != "count" else "") if x]
        numbers.append(f"{n['value']}" + (f" ({', '.join(extra)})" if extra else "") + f"  \u2190 \u201c{n['text']}\u201d")
    line("numbers:", escape("\n                ".join(numbers)) if numbers else "\u2014")
    dates = []
    for x in r["dates"]:
        extra = [y for y in (x["qualifier"] or "", f"event: {x['event']}" if x["event"] else "") if y]
        dates.append(x["value"] + (f" ({', '.join(extra)})" if extra else "") + f"  \u2190 \u201c{x['text']}\u201d")
    line("dates:", escape("\n                ".join(dates)) if dates else "\u2014")
    line("roles:", escape(", ".join(f"{s['who']} {s['as']}" for s in r["sides"])) if r["sides"] else "\u2014")
    line("polarity:", "negated (the statement contains a negation)" if r["negated"] else "affirmative")
    line("legal force:", r["legal_force"] or "\u2014")
    line("events:", escape(", ".join(r["events"])) if r["events"] else "\u2014")
    line("names:", escape(", ".join(r["names"])) if r["names"] else "\u2014")
    line("keywords:", escape(", ".join(r["keywords"])) if r["keywords"] else "\u2014")


# --- validate -----------------------------------------------------------------------------


@claims_app.command("validate")
def validate_command(
    path: Annotated[Optional[Path], typer.Argument(help="The table to validate (default: --claims, else the shipped one).", show_default=False)] = None,
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Report every problem of a table at once, each at file:line; exit 1 if any."""
    from gcmcheck.curation.validate import validate_table
    from gcmcheck.table.loader import default_table_path

    if path and claims and Path(path).resolve() != Path(claims).resolve():
        raise UserError("give the table either as PATH or with --claims, not both")
    target = Path(path or configured_claims(claims) or default_table_path())
    result = validate_table(target)
    if format is OutputFormat.JSON:
        print_json(result.to_dict())
    else:
        out = console()
        for issue in result.issues:
            out.print(f"[bold]{escape(issue.location())}[/]: {escape(issue.message)}")
            for detail in issue.details:
                out.print(f"    {escape(detail)}")
        if result.ok:
            counts = f"{result.claims} claim{'s' * (result.claims != 1)}, {result.sources} source{'s' * (result.sources != 1)}"
            out.print(f"[green]{escape(str(target))}: OK[/] \u2014 {counts}, every quote verbatim")
        else:
            n = len(result.issues)
            out.print(f"[red]{n} problem{'s' * (n != 1)}[/] in {escape(str(target))}")
    raise typer.Exit(EXIT_OK if result.ok else EXIT_FAILED)


# --- conflicts ----------------------------------------------------------------------------


@claims_app.command("conflicts")
def conflicts_command(
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Every fact on which the sources disagree, side by side with their quotes."""
    from gcmcheck.curation.analysis import claim_conflicts

    table = load(claims)
    found = [k for claim in table.claims for k in claim_conflicts(claim, table.lexicon)]
    if format is OutputFormat.JSON:
        print_json(header({"conflicts": [k.to_dict() for k in found]}, table))
        raise typer.Exit(EXIT_OK)
    out = console()
    for k in found:
        event = f" ({escape(table.lexicon.label(k.event))})" if k.event else ""
        out.print(f"[bold]{escape(k.claim.id)}[/]  {escape(str(table.path))}:{k.claim.line}")
        out.print(f"  {escape(k.claim.statement)}")
        out.print(f"  {_KIND_WORDS.get(k.kind, k.kind)} \u201c{escape(k.fact)}\u201d{event}:")
        width = max(len(r.value) for r in k.readings)
        for r in k.readings:
            for c in r.citations or [None]:
                where = f"{c.source}:{c.line}" if c else "/".join(r.sources)
                quote = f"  [italic]\u201c{escape(c.quote)}\u201d[/]" if c else ""
                out.print(f"    [yellow]{escape(r.value.ljust(width))}[/]  {escape(where)}{quote}")
    claims_with = len({k.claim.id for k in found})
    if found:
        out.print(f"{len(found)} conflict{'s' * (len(found) != 1)} in {claims_with} claim{'s' * (claims_with != 1)}")
    else:
        out.print("no conflicts: wherever sources give a value, they agree")
    raise typer.Exit(EXIT_OK)


_KIND_WORDS = {"quantity": "number", "date": "date", "stance": "side", "binding": "legal force"}


# --- extract ------------------------------------------------------------------------------


@claims_app.command("extract")
def extract_command(
    source: Annotated[Path, typer.Argument(metavar="SOURCE", help="A source document (plain text).", dir_okay=False)],
    source_id: Annotated[Optional[str], typer.Option("--id", help="The source's id in the table: its file name in sources_dir (default: SOURCE's name).")] = None,
    prefix: Annotated[Optional[str], typer.Option("--prefix", help="Number the stubs' claim ids PREFIX-1, PREFIX-2 ... instead of leaving them blank.")] = None,
    limit: Annotated[Optional[int], typer.Option("--limit", "-n", min=1, help="Print only the N most check-worthy stubs.")] = None,
    claims: ClaimsOption = None,
) -> None:
    """Print YAML claim stubs for a source's check-worthy sentences, best first.

    The table (--claims) lends its lexicon, so names and events are recognised, and
    marks sentences its claims already quote.
    """
    import os

    from gcmcheck.curation.extract import extract, render_yaml
    from gcmcheck.documents.decode import decode

    try:
        data = source.read_bytes()
    except FileNotFoundError:
        raise UserError(f"{source}: no such file") from None
    except OSError as exc:
        raise UserError(f"{source}: cannot read: {exc.strerror or exc}") from None
    decoded = decode(data)
    if decoded.warnings:
        raise UserError(f"{source}: {decoded.warnings[0]}; a source must be UTF-8 text, since quotes are matched byte for byte")
    table = load(claims)
    sid = source_id or source.name
    existing = {c.quote: claim.id for claim in table.claims for c in claim.citations if c.source == sid}
    result = extract(decoded.text, table.lexicon, existing)
    if limit:
        result.stubs = result.stubs[:limit]
    folder = os.path.relpath(source.resolve().parent, Path.cwd().resolve())
    sys.stdout.write(render_yaml(result, sid, str(source), folder, prefix or ""))
    raise typer.Exit(EXIT_OK)
