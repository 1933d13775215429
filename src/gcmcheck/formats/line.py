"""`--format line`: `path:line:col: verdict: message`, one result per line.

This is the shape compilers print, so editors (Vim's quickfix, Emacs'
compilation-mode, VS Code problem matchers) jump to the sentence, and grep or
awk can filter by file or verdict. Everything printed is stripped of control
characters and folded onto one line, since it usually ends up on a terminal.
"""

from __future__ import annotations

from typing import TextIO

from gcmcheck.formats.escape import display_path, message, one_line
from gcmcheck.models import Result
from gcmcheck.report import Report


def format_result(r: Result) -> str:
    """The line for one result, without its newline."""
    return f"{one_line(display_path(r.input))}:{r.line}:{r.column}: {one_line(message(r))}"


def render(report: Report, out: TextIO) -> None:
    """One line per result of the report, nothing else (no summary, so grep -c counts results)."""
    for r in report.results:
        out.write(format_result(r) + "\n")
