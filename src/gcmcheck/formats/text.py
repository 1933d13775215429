"""`--format text`: for people. Colour through rich, plain when NO_COLOR is set or
output is not a terminal; document text is stripped of control sequences first."""

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


def render(report: Report, out: TextIO) -> None:
    from rich.console import Console
    from rich.markup import escape

    console = Console(file=out, no_color=not report.color, highlight=False, soft_wrap=True, emoji=False)
    shown = [r for r in report.results if _shown(r, report)]
    inputs = {r.input for r in report.results}
    grouped = len(inputs) > 1 or any(i not in ("<argv>", "<stdin>") for i in inputs)
    for index, (name, group) in enumerate(groupby(shown, key=lambda r: r.input)):
        if grouped:
            if index:
                console.print()
            console.print(f"[bold underline]{escape(clean(name))}[/]")
        for r in group:
            _print_result(console, r, grouped, escape)
    counts = report.summary()
    parts = [f"{counts[v.value]} {v.value}" for v in Verdict]
    files = getattr(report, "files", None)  # set by `gcmcheck lint`
    if files is not None:
        console.print(", ".join(parts) + f" in {files} file{'' if files == 1 else 's'}")
    else:
        console.print(", ".join(parts) if report.results else "nothing to check")


def _shown(r: Result, report: Report) -> bool:
    if report.verbose:
        return True
    if getattr(report, "problems_only", False) and r.verdict is Verdict.SUPPORTED:
        return False  # `gcmcheck lint` shows what needs attention
    if r.verdict is Verdict.UNVERIFIABLE:
        return report.show_unverifiable
    return True


def _print_result(console, r: Result, grouped: bool, escape) -> None:  # type: ignore[no-untyped-def]
    where = f"{escape(clean(r.input))}:{r.line}:{r.column} " if grouped else ""
    label = r.verdict.value.upper()
    # Everything printed is cleaned: the document's text, and the table's too (a
    # table given with --claims is as untrusted as a draft).
    console.print(f"{where}[{STYLES[r.verdict]}]{label}[/] {escape(clean(r.text))}")
    if r.claim_id:
        console.print(f"  claim:    {escape(clean(r.claim_id))}: {escape(clean(r.claim or ''))}")
    if r.verdict in (Verdict.CONTRADICTED, Verdict.CONFLICTING) and r.expected:
        console.print(f"  stated:   {escape(clean(r.stated or ''))}    sourced: [bold]{escape(clean(r.expected))}[/]")
    if r.explanation:
        console.print(f"  why:      {escape(clean(r.explanation))}")
    for c in r.citations:
        console.print(f"  source:   {escape(clean(c.source))}:{c.line}  [italic]\u201c{escape(clean(c.quote))}\u201d[/]")
