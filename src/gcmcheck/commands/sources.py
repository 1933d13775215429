"""`gcmcheck sources ...`: the source documents behind the table.

`gcmcheck sources` lists them (title, date, size, how many claims cite each);
`gcmcheck sources show ID --line N` prints the passage around a cited line, so an
editor can read a quote in context without opening the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from gcmcheck.commands.claims import ClaimsOption, FormatOption, OutputFormat, console, escape, header, load, print_json, resolve_source
from gcmcheck.commands.common import EXIT_OK, UserError, command_group

sources_app = command_group("The source documents the claims quote: `gcmcheck sources` lists them.")


@sources_app.callback(invoke_without_command=True)
def sources_command(
    ctx: typer.Context,
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """List the source documents: title, date, size and how many claims cite each."""
    if ctx.invoked_subcommand is not None:
        ctx.obj = {"claims": claims, "format": format}
        return
    from gcmcheck.curation.show import human_size, source_rows

    table = load(claims)
    rows = source_rows(table)
    if format is OutputFormat.JSON:
        print_json(header({"sources_dir": str(table.sources_dir), "sources": rows}, table))
        raise typer.Exit(EXIT_OK)
    from rich import box
    from rich.table import Table as RichTable

    out = console()
    grid = RichTable(box=box.SIMPLE_HEAD, pad_edge=False)
    grid.add_column("id", no_wrap=True, style="bold")
    grid.add_column("title", overflow="fold")
    grid.add_column("date", no_wrap=True)
    grid.add_column("size", justify="right", no_wrap=True)
    grid.add_column("claims", justify="right", no_wrap=True)
    for r in rows:
        title = r["title"] or (f"({r['publisher']})" if r["publisher"] else "\u2014")
        size = f"{human_size(r['bytes'])}, {r['lines']} lines"
        grid.add_row(escape(r["id"]), escape(title), escape(r["date"] or "\u2014"), size, str(r["claims"]))
    out.print(grid)
    out.print(f"{len(rows)} sources in {escape(str(table.sources_dir))}")
    raise typer.Exit(EXIT_OK)


@sources_app.command("show")
def show_command(
    ctx: typer.Context,
    source_id: Annotated[str, typer.Argument(metavar="ID", help="The source's id (or an unambiguous prefix, e.g. 003).")],
    line: Annotated[Optional[int], typer.Option("--line", "-l", help="Print the passage around this line (default: the whole source).", show_default=False)] = None,
    context: Annotated[int, typer.Option("--context", "-C", min=0, help="Lines shown before and after --line.")] = 3,
    claims: ClaimsOption = None,
    format: FormatOption = OutputFormat.TEXT,
) -> None:
    """Print a source, or the passage around one of its lines, with the claims quoting it."""
    from gcmcheck.curation.show import passage

    parent = ctx.obj or {}
    claims_path: Path | None = claims or parent.get("claims")
    if format is OutputFormat.TEXT and parent.get("format") is OutputFormat.JSON:
        format = OutputFormat.JSON
    table = load(claims_path)
    sid = resolve_source(table, source_id)
    try:
        shown = passage(table, sid, line, context)
    except ValueError as exc:
        raise UserError(str(exc)) from None
    source = table.sources[sid]
    if format is OutputFormat.JSON:
        meta = {"title": source.title or None, "date": source.date or None, "path": source.path}
        print_json(header({**shown, **meta}, table))
        raise typer.Exit(EXIT_OK)
    out = console()
    title = f" \u2014 {source.title}" if source.title else ""
    out.print(f"[bold]{escape(sid)}[/]{escape(title)}")
    what = f"lines {shown['first']}\u2013{shown['last']} of {shown['total']}" if line else f"{shown['total']} lines"
    out.print(f"{escape(source.path)}, {what}")
    digits = len(str(shown["last"]))
    for item in shown["lines"]:
        mark = ">" if item["number"] == line else " "
        text = escape(item["text"])
        style = "bold" if item["number"] == line else ""
        body = f"[{style}]{text}[/]" if style and text else text
        out.print(f"{mark}{item['number']:>{digits}} | {body}")
    for q in shown["quoted_by"]:
        out.print(f"  quoted at {q['line']}:{q['column']} by claim [bold]{escape(q['claim'])}[/]")
    raise typer.Exit(EXIT_OK)
