"""Corrections: replace a contradicted value with the sourced one, show or write it.

Only results the checker marked fixable are used: a contradicted result whose
fix_start/fix_end locate the single stated value at fault and whose
fix_replacement is the sourced value. Anything vaguer ("legally binding") is left
to the writer. Overlapping fixes keep the first; identical ones count once.

Files are written atomically -- a temporary file in the same folder, flushed and
fsynced, then os.replace -- so an interrupted run leaves either the old or the new
draft, never half of one; the file's permission bits are kept, a symlink is
followed rather than replaced, and files without a fix are never opened for writing.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gcmcheck.atomic import replace_atomically

from gcmcheck.models import Result, Verdict


@dataclass(frozen=True, slots=True)
class Fix:
    start: int
    end: int
    replacement: str


def fixes_for(results: Iterable[Result], text: str) -> list[Fix]:
    """The applicable fixes of a document's results, sorted and without overlaps."""
    candidates = sorted(
        {
            Fix(r.fix_start, r.fix_end, r.fix_replacement)
            for r in results
            if r.verdict is Verdict.CONTRADICTED
            and r.fix_start is not None
            and r.fix_end is not None
            and r.fix_replacement is not None
            and 0 <= r.fix_start < r.fix_end <= len(text)
            and text[r.fix_start : r.fix_end] != r.fix_replacement
        },
        key=lambda f: (f.start, f.end, f.replacement),
    )
    chosen: list[Fix] = []
    for fix in candidates:
        if chosen and fix.start < chosen[-1].end:
            continue
        chosen.append(fix)
    return chosen


def apply_fixes(text: str, fixes: list[Fix]) -> str:
    """text with each (sorted, disjoint) fix applied."""
    parts: list[str] = []
    pos = 0
    for fix in fixes:
        parts.append(text[pos : fix.start])
        parts.append(fix.replacement)
        pos = fix.end
    parts.append(text[pos:])
    return "".join(parts)


def unified_diff(old: str, new: str, name: str) -> str:
    """A unified diff (a/name, b/name, as git writes them) that `git apply` accepts.

    Lines keep their own endings, so a CRLF draft gives a CRLF patch; a last line
    without a line break is marked as diff and patch expect.
    """
    import difflib

    from gcmcheck.documents.positions import split_lines

    out: list[str] = []
    for line in difflib.unified_diff(
        list(split_lines(old)), list(split_lines(new)), fromfile=f"a/{name}", tofile=f"b/{name}"
    ):
        if not line.endswith(("\n", "\r")):
            line += "\n\\ No newline at end of file\n"
        out.append(line)
    return "".join(out)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace a draft's content all at once, keeping its permissions; through a
    symlink, the file it points to is written."""
    target = path.resolve()
    replace_atomically(target, data, mode=target.stat().st_mode & 0o7777)
