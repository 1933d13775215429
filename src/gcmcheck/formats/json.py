"""`--format json`: one document on stdout; its shape is a contract other tools use."""

from __future__ import annotations

from typing import Any, TextIO

from gcmcheck.formats.escape import json_dumps
from gcmcheck.models import Result
from gcmcheck.report import Report


def result_dict(r: Result) -> dict[str, Any]:
    """A result as the JSON contract spells it (shared by json and jsonl)."""
    return {
        "text": r.text,
        "input": r.input,
        "line": r.line,
        "column": r.column,
        "end_line": r.end_line,
        "end_column": r.end_column,
        "verdict": r.verdict.value,
        "claim_id": r.claim_id,
        "claim": r.claim,
        "score": r.score,
        "stated": r.stated,
        "expected": r.expected,
        "explanation": r.explanation,
        "unchecked": r.unchecked,
        "citations": [{"source": c.source, "line": c.line, "quote": c.quote} for c in r.citations],
    }


def render(report: Report, out: TextIO) -> None:
    doc = {
        "gcmcheck": report.version,
        "results": [result_dict(r) for r in report.results],
        "summary": report.summary(),
    }
    out.write(json_dumps(doc, out, indent=2))
    out.write("\n")
