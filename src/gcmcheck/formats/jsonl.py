"""`--format jsonl`: one JSON object per result per line, nothing else.

Each line is exactly the result object of `--format json` (see json.result_dict),
so a consumer can switch between the two without a second parser. Lines are
written and flushed one at a time: `gcmcheck lint` can stream results while it
is still reading files, and a reader piping into `jq` or a log collector sees each
result as soon as it is found.
"""

from __future__ import annotations

from typing import TextIO

from gcmcheck.formats.escape import json_dumps
from gcmcheck.formats.json import result_dict
from gcmcheck.models import Result
from gcmcheck.report import Report


def write_result(r: Result, out: TextIO) -> None:
    """Write one result as one line and flush it.

    The text stays readable Unicode; every control character, newline and line
    separator inside strings is escaped (escape.json_dumps), so a result can never
    span two lines.
    """
    out.write(json_dumps(result_dict(r), out, separators=(",", ":")))
    out.write("\n")
    out.flush()


def render(report: Report, out: TextIO) -> None:
    """Every result of the report, in order; no header and no summary line."""
    for r in report.results:
        write_result(r, out)
