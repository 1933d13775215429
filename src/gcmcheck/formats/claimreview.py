"""`--format claimreview`: schema.org ClaimReview objects as a JSON-LD array.

For publishing fact checks: fact-check search tools and aggregators read
ClaimReview markup (https://schema.org/ClaimReview). One object per result with a
verdict; unverifiable results are left out because a ClaimReview asserts a rating
and there is none to give.

The rating uses a 1-5 scale with an explicit textual alternateName, since readers
of the markup show the text rather than the number. The claim's appearance is the
checked file's path as given (none for "<argv>" and "<stdin>"): gcmcheck does not
know where the document will be published, so whoever publishes the markup should
replace it with the document's URL. No `url` for the review itself and no author
of the claim are given, for the same reason: they are unknown here, and made-up
values would be worse than none.

Text is published, not parsed, so it is stripped of control characters and folded
onto one line; "<", ">" and "&" are written as JSON escapes so the array can be
pasted into an HTML script element as it is.
"""

from __future__ import annotations

import datetime
from typing import Any, TextIO

from gcmcheck.formats.escape import PSEUDO_INPUTS, json_dumps, one_line
from gcmcheck.models import Result, Verdict
from gcmcheck.report import Report

# verdict -> (ratingValue, alternateName) on a scale of worstRating 1 to bestRating 5
RATINGS: dict[Verdict, tuple[int, str]] = {
    Verdict.CONTRADICTED: (1, "Contradicted"),
    Verdict.CONFLICTING: (3, "Conflicting"),
    Verdict.SUPPORTED: (5, "Supported"),
}


# JSON-LD is usually pasted into <script type="application/ld+json">; a sentence
# holding "</script>" would end the element early. These characters only occur
# inside JSON strings, where their \u escapes mean the same.
_HTML_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def render(report: Report, out: TextIO) -> None:
    """Write the JSON-LD array of reviews, safe to embed in an HTML script element."""
    out.write(json_dumps(claim_reviews(report), out, indent=2).translate(_HTML_SAFE))
    out.write("\n")


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """The ClaimReview objects as plain data (render writes them; tests inspect them).

    The publication date is the report's `date` attribute when it has one, so a
    caller (or a test) can pin it and the output can be reproduced; otherwise today.
    """
    date = getattr(report, "date", None) or datetime.date.today()
    if isinstance(date, datetime.datetime):
        published = date.date().isoformat()
    elif isinstance(date, datetime.date):
        published = date.isoformat()
    else:  # already a string such as "2024-05-01"
        published = str(date)
    return [claim_review(r, published) for r in report.results if r.verdict in RATINGS]


def claim_review(r: Result, published: str) -> dict[str, Any]:
    """One ClaimReview for a supported, conflicting or contradicted result."""
    value, name = RATINGS[r.verdict]
    claim: dict[str, Any] = {"@type": "Claim"}
    if r.input not in PSEUDO_INPUTS:  # "<stdin>" is no URL; better no appearance than a false one
        claim["appearance"] = {"@type": "CreativeWork", "url": r.input}
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "claimReviewed": one_line(r.text),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
        },
        "itemReviewed": claim,
        "author": {"@type": "Organization", "name": "gcmcheck"},
        "datePublished": published,
        "reviewBody": review_body(r),
    }


def review_body(r: Result) -> str:
    """The finding in words: verdict, sourced value, claim and every citation.

    The rating alone says nothing about why; the body carries what a reader needs
    to verify the review against the sources.
    """
    parts = [f"{RATINGS[r.verdict][1]}."]
    if r.verdict is Verdict.CONFLICTING and r.explanation:
        parts.append(r.explanation)  # names each source's own value
    elif r.stated and r.expected and r.verdict is not Verdict.SUPPORTED:
        parts.append(f"Stated {r.stated}; the sources give {r.expected}.")
    elif r.expected:
        parts.append(f"The sources give {r.expected}.")
    if r.claim:
        parts.append(f"Claim {r.claim_id}: {r.claim}" if r.claim_id else f"Claim: {r.claim}")
    elif r.claim_id:
        parts.append(f"Claim {r.claim_id}.")
    for c in r.citations:
        where = f"{c.source}:{c.line}" if c.line else c.source
        parts.append(f"Source {where}: \u201c{c.quote}\u201d")
    return one_line(" ".join(parts))
