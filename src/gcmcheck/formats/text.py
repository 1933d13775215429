"""`--format text`: for people. Colour through rich on a terminal (unless NO_COLOR is
set); plain text, without loading rich, elsewhere. Document text is stripped of
control sequences first."""

from __future__ import annotations

from itertools import groupby
from typing import TextIO

from gcmcheck.formats.escape import clean  # shared with the line and github formats
from gcmcheck.models import Result, Verdict
from gcmcheck.report import Report

STYLES = {
    Verdict.SUPPORTED: "bold green",
    Verdict.CONTRADICTED: "bold red",
    Verdict.CONFLICTING: "bold yellow",
    Verdict.UNVERIFIABLE: "bold blue",
}


Span = tuple[str, str | None]  # a piece of a line and its rich style (None: plain)


def render(report: Report, out: TextIO) -> None:
    """Write the report; rich is loaded only to colour it (plain output is the same text)."""
    lines = _lines(report)
    if not report.color:
        out.write("".join("".join(text for text, _ in line) + "\n" for line in lines))
        return
    from rich.console import Console
    from rich.text import Text

    console = Console(file=out, force_terminal=True, highlight=False, soft_wrap=True, emoji=False, markup=False)
    for line in lines:
        console.print(Text.assemble(*((text, style or "") for text, style in line)))


def _lines(report: Report) -> list[list[Span]]:
    lines: list[list[Span]] = []
    shown = [r for r in report.results if _shown(r, report)]
    inputs = {r.input for r in report.results}
    grouped = len(inputs) > 1 or any(i not in ("<argv>", "<stdin>") for i in inputs)
    for index, (name, group) in enumerate(groupby(shown, key=lambda r: r.input)):
        if grouped:
            if index:
                lines.append([])
            lines.append([(clean(name), "bold underline")])
        for r in group:
            lines += _result_lines(r, grouped)
    counts = report.summary()
    parts = ", ".join(f"{counts[v.value]} {v.value}" for v in Verdict)
    files = getattr(report, "files", None)  # set by `gcmcheck lint`
    if files is not None:
        lines.append([(parts + f" in {files} file{'' if files == 1 else 's'}", None)])
    else:
        lines.append([(parts if report.results else "nothing to check", None)])
    return lines


def _shown(r: Result, report: Report) -> bool:
    if report.verbose:
        return True
    if getattr(report, "problems_only", False) and r.verdict is Verdict.SUPPORTED:
        return False  # `gcmcheck lint` shows what needs attention
    if r.verdict is Verdict.UNVERIFIABLE:
        return report.show_unverifiable
    return True


def _result_lines(r: Result, grouped: bool) -> list[list[Span]]:
    where = f"{clean(r.input)}:{r.line}:{r.column} " if grouped else ""
    # Everything printed is cleaned: the document's text, and the table's too (a
    # table given with --claims is as untrusted as a draft).
    lines: list[list[Span]] = [[(where, None), (r.verdict.value.upper(), STYLES[r.verdict]), (" " + clean(r.text), None)]]
    if r.claim_id:
        lines.append([(f"  claim:    {clean(r.claim_id)}: {clean(r.claim or '')}", None)])
    if r.verdict in (Verdict.CONTRADICTED, Verdict.CONFLICTING) and r.expected:
        lines.append([(f"  stated:   {clean(r.stated or '')}    sourced: ", None), (clean(r.expected), "bold")])
    if r.explanation:
        lines.append([(f"  why:      {clean(r.explanation)}", None)])
    if r.unchecked:
        lines.append([(f"  unchecked: {clean(', '.join(r.unchecked))}", None)])
    for c in r.citations:
        lines.append([(f"  source:   {clean(c.source)}:{c.line}  ", None), (f"\u201c{clean(c.quote)}\u201d", "italic")])
    return lines
