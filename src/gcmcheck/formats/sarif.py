"""`--format sarif`: a SARIF 2.1.0 log, for GitHub code scanning and other SARIF viewers.

One run, one rule per verdict kind, one result per checked fact. Locations are
relative to the current folder (the repository root in CI), because code scanning
matches alerts across runs by path. Each result carries a partial fingerprint that
does not depend on line numbers, so editing text above a sentence does not turn an
old alert into a new one. A contradiction with a known correction carries a SARIF
fix (character offsets, counted in code points as `columnKind` declares).

Escaping: message texts double "{" and "}" (SARIF 3.11.5 reads "{0}" as a
placeholder); URIs are percent-encoded; the JSON escapes every control character.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PureWindowsPath
from typing import Any, TextIO
from urllib.parse import quote

from gcmcheck.formats.escape import PSEUDO_INPUTS, display_path, json_dumps, message, sarif_text
from gcmcheck.models import Result, Verdict
from gcmcheck.report import Report

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/gcmcheck/"
FINGERPRINT_KEY = "gcmcheck/v1"

LEVELS = {
    Verdict.CONTRADICTED: "error",
    Verdict.CONFLICTING: "warning",
    Verdict.SUPPORTED: "note",
    Verdict.UNVERIFIABLE: "note",
}

# (short, full) description per rule; the order is the rule index.
RULES: dict[Verdict, tuple[str, str]] = {
    Verdict.CONTRADICTED: (
        "A statement contradicts its sources.",
        "The statement gives a number, date or name that the cited sources contradict; "
        "the message gives the sourced value and the claim it comes from.",
    ),
    Verdict.CONFLICTING: (
        "The sources disagree on this statement.",
        "The statement matches some of the sources for a claim but not others; "
        "check which source the text should follow.",
    ),
    Verdict.SUPPORTED: (
        "A statement agrees with its sources.",
        "Every value the statement gives matches the sourced claim named in the message.",
    ),
    Verdict.UNVERIFIABLE: (
        "A statement could not be checked.",
        "No claim in the table states the values this sentence gives, so it was neither "
        "supported nor contradicted.",
    ),
}
_RULE_INDEX = {verdict: i for i, verdict in enumerate(RULES)}
_SPACE_RE = re.compile(r"\s+")


def render(report: Report, out: TextIO) -> None:
    """Write the whole log as one JSON document."""
    out.write(json_dumps(sarif_log(report), out, indent=2))
    out.write("\n")


def sarif_log(report: Report) -> dict[str, Any]:
    """The SARIF log as plain data (render writes it; tests inspect it)."""
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "gcmcheck",
                        "version": report.version,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(v) for v in RULES],
                    }
                },
                # Python string offsets, and LineIndex columns, count code points;
                # without this a consumer may assume UTF-16 code units.
                "columnKind": "unicodeCodePoints",
                "results": [sarif_result(r) for r in report.results],
            }
        ],
    }


def _rule(verdict: Verdict) -> dict[str, Any]:
    short, full = RULES[verdict]
    return {
        "id": verdict.value,
        "name": verdict.value.capitalize(),
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": LEVELS[verdict]},
    }


def sarif_result(r: Result) -> dict[str, Any]:
    """One SARIF result object for one gcmcheck result."""
    uri = artifact_uri(r.input)
    result: dict[str, Any] = {
        "ruleId": r.verdict.value,
        "ruleIndex": _RULE_INDEX[r.verdict],
        "level": LEVELS[r.verdict],
        "message": {"text": sarif_text(message(r))},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": _region(r),
                }
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(r)},
        "properties": {
            "claimId": r.claim_id,
            "stated": r.stated,
            "expected": r.expected,
            "citations": [{"source": c.source, "line": c.line, "quote": c.quote} for c in r.citations],
        },
    }
    fix = _fix(r, uri)
    if fix is not None:
        result["fixes"] = [fix]
    return result


def _region(r: Result) -> dict[str, int]:
    """Start and (exclusive) end of the sentence; SARIF lines and columns are 1-based,
    and its endColumn is also one past the last character, so the values pass through."""
    start_line, start_column = max(1, r.line), max(1, r.column)
    end_line = max(start_line, r.end_line)
    end_column = max(1, r.end_column)
    if end_line == start_line:
        end_column = max(start_column, end_column)
    return {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}


def _fix(r: Result, uri: str) -> dict[str, Any] | None:
    """The replacement of the stated value by the sourced one, when the checker found one.

    fix_start/fix_end are character offsets into the original document (0-based,
    end exclusive); SARIF's charOffset/charLength mean the same, in the unit that
    columnKind names.
    """
    if r.fix_start is None or r.fix_end is None or r.fix_replacement is None:
        return None
    if r.fix_start < 0 or r.fix_end < r.fix_start:
        return None
    old = r.stated if r.stated else "the stated value"
    return {
        "description": {"text": sarif_text(f"Replace {old} with {r.fix_replacement}")},
        "artifactChanges": [
            {
                "artifactLocation": {"uri": uri},
                "replacements": [
                    {
                        "deletedRegion": {"charOffset": r.fix_start, "charLength": r.fix_end - r.fix_start},
                        "insertedContent": {"text": r.fix_replacement},
                    }
                ],
            }
        ],
    }


def artifact_uri(name: str) -> str:
    """A URI reference for an input: relative and percent-encoded (RFC 3986).

    "<argv>" and "<stdin>" become "argv" and "stdin" (angle brackets are not allowed
    in a URI); an absolute path outside the current folder becomes a file: URI.
    """
    if name in PSEUDO_INPUTS:
        return name.strip("<>")
    path = display_path(name)
    if PureWindowsPath(path).is_absolute() or path.startswith("/"):
        try:
            return Path(path).as_uri()
        except ValueError:  # e.g. a Windows path read on a posix system
            return "file:///" + quote(path.replace("\\", "/").lstrip("/"), safe="/:")
    return quote(path, safe="/")


def fingerprint(r: Result) -> str:
    """sha256 of (claim id, normalised sentence, verdict): stable across runs and line moves.

    The sentence is case-folded with whitespace collapsed, so re-wrapping a paragraph
    does not change it; fields are NUL-separated so no two tuples hash alike.
    """
    text = _SPACE_RE.sub(" ", r.text).strip().casefold()
    key = "\0".join((r.claim_id or "", text, r.verdict.value))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()
