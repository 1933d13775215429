"""The report of a lint run: the core's Report plus what only lint knows."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from gcmcheck.formats import Format
from gcmcheck.models import Result, Verdict
from gcmcheck.report import Report

# Formats read by people or shown as annotations leave supported results out unless
# --verbose: a supported sentence needs no attention, and as a GitHub notice or a
# code-scanning alert it would bury the ones that do. (Unverifiable ones are only
# there when asked for with --show unverifiable.) json, jsonl and claimreview are
# data for other programs and carry every result.
PROBLEMS_ONLY_FORMATS = frozenset({Format.TEXT, Format.LINE, Format.GITHUB, Format.SARIF})


@dataclass(slots=True)
class LintReport(Report):
    """date: the ClaimReview publication date (pinned for reproducible output);
    problems_only: the text format leaves supported results out;
    files: how many documents were checked, for the summary line."""

    date: datetime.date | None = None
    problems_only: bool = False
    files: int | None = None


def shown(r: Result, fmt: Format, verbose: bool) -> bool:
    """Does a result appear in this format's output?"""
    return verbose or fmt not in PROBLEMS_ONLY_FORMATS or r.verdict is not Verdict.SUPPORTED
