"""One claim or one source, laid out as plain data for `claims show` and `sources`.

Editors need to see a claim the way the engine sees it: the values read from the
statement, each citation where it sits in its source, and each source's own wording
with the values where it differs. Returning dicts keeps text and JSON output in step.
"""

from __future__ import annotations

from typing import Any

from gcmcheck.models import Claim


def claim_details(table: Any, claim: Claim) -> dict[str, Any]:
    """Everything `claims show` prints about a claim."""
    from gcmcheck.analysis.analyser import analyse
    from gcmcheck.curation.analysis import checkable, claim_conflicts, describe, version_differences

    lexicon = table.lexicon
    statement = analyse(claim.statement, lexicon)
    differences = version_differences(claim, lexicon) if any(c.says for c in claim.citations) else {}
    citations = []
    for c in claim.citations:
        item: dict[str, Any] = {"source": c.source, "line": c.line, "column": c.column, "quote": c.quote, "says": c.says or None}
        if c.says:
            item["reading"] = describe(analyse(c.says, lexicon), lexicon)
            item["differs"] = differences.get((c.source, c.says), [])
        citations.append(item)
    return {
        "id": claim.id,
        "line": claim.line,
        "statement": claim.statement,
        "event": claim.event or None,
        "event_label": lexicon.label(claim.event) if claim.event else None,
        "keywords": list(claim.keywords),
        "members": list(claim.members),
        "closed": claim.closed,
        "note": claim.note or None,
        "reading": describe(statement, lexicon),
        "checkable": checkable(statement) or bool(claim.members),
        "citations": citations,
        "conflicts": [k.to_dict() for k in claim_conflicts(claim, lexicon)],
    }


def source_rows(table: Any) -> list[dict[str, Any]]:
    """Each source with its metadata, size and how many claims cite it."""
    rows = []
    for sid, source in table.sources.items():
        text = table.source_texts.get(sid, "")
        citing = [c.id for c in table.claims if any(x.source == sid for x in c.citations)]
        rows.append(
            {
                "id": sid,
                "title": source.title or None,
                "publisher": source.publisher or None,
                "date": source.date or None,
                "kind": source.kind or None,
                "path": source.path,
                "bytes": len(text.encode("utf-8")),
                "lines": text.count("\n") + (1 if text and not text.endswith("\n") else 0),
                "claims": len(citing),
                "citations": sum(1 for c in table.claims for x in c.citations if x.source == sid),
            }
        )
    return rows


def passage(table: Any, source_id: str, line: int | None, context: int) -> dict[str, Any]:
    """Lines of a source around one line (all of it without a line), and the claims quoting them."""
    import re

    text = table.source_texts.get(source_id, "")
    lines = re.split(r"\r\n|\r|\n", text)
    if lines and lines[-1] == "" and len(lines) > 1:
        lines.pop()
    total = len(lines)
    if line is None:
        first, last = 1, total
    else:
        if not 1 <= line <= total:
            raise ValueError(f"line {line} is outside {source_id} (lines 1\u2013{total})")
        first, last = max(1, line - context), min(total, line + context)
    quoted = []
    for claim in table.claims:
        for c in claim.citations:
            end_line = c.line + c.quote.count("\n")
            if c.source == source_id and c.line <= last and end_line >= first:
                quoted.append({"claim": claim.id, "line": c.line, "column": c.column, "quote": c.quote})
    return {
        "source": source_id,
        "line": line,
        "first": first,
        "last": last,
        "total": total,
        "lines": [{"number": n, "text": lines[n - 1]} for n in range(first, last + 1)],
        "quoted_by": quoted,
    }


def human_size(n: int) -> str:
    """Bytes as an editor reads them: "812 B", "3.8 kB", "1.2 MB"."""
    if n < 1000:
        return f"{n} B"
    if n < 1_000_000:
        return f"{n / 1000:.1f} kB"
    return f"{n / 1_000_000:.1f} MB"
