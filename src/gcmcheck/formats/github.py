"""`--format github`: GitHub Actions workflow commands, one per result.

Printed from a workflow step, each line becomes an annotation on the pull
request: `::error file=docs/brief.md,line=12,col=1,endLine=12,endColumn=40,title=...::message`.
Contradicted results are errors, conflicting ones warnings, the rest notices.

The runner reads commands line by line from the step's log, so an unescaped newline
in a sentence could end the annotation early and let the rest of the sentence be read
as a command of its own (`::add-mask::`, `::stop-commands::`...). Messages are
therefore stripped of control characters and escaped as workflow-command data, and
property values as workflow-command properties.
"""

from __future__ import annotations

from typing import TextIO

from gcmcheck.formats.escape import PSEUDO_INPUTS, SEVERITY, clean, display_path, message, workflow_data, workflow_property
from gcmcheck.models import Result
from gcmcheck.report import Report


def format_result(r: Result) -> str:
    """The workflow command for one result, without its newline.

    col and endColumn are sent only for a single-line span: GitHub rejects columns
    when line and endLine differ. "<argv>" and "<stdin>" are not files in the
    repository, so they get no file (nor position) and only show in the log.
    """
    path = clean(display_path(r.input))
    props: list[tuple[str, str]] = []
    if r.input not in PSEUDO_INPUTS:
        props.append(("file", path))
        props.append(("line", str(r.line)))
        if r.end_line == r.line:
            props.append(("col", str(r.column)))
        props.append(("endLine", str(r.end_line)))
        if r.end_line == r.line:
            props.append(("endColumn", str(r.end_column)))
    props.append(("title", f"gcmcheck: {r.verdict.value}"))
    head = ",".join(f"{key}={workflow_property(value)}" for key, value in props)
    text = workflow_data(clean(f"{path}:{r.line}: {message(r)}"))
    return f"::{SEVERITY[r.verdict]} {head}::{text}"


def render(report: Report, out: TextIO) -> None:
    """One workflow command per result of the report."""
    for r in report.results:
        out.write(format_result(r) + "\n")
