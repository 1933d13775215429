"""Fuzz the document path: bytes -> decode -> Markdown or plain prose -> sentences ->
the checker -> located results -> fixes.

    python fuzz/fuzz_documents.py -max_total_time=300 fuzz/corpus/documents

(see fuzz/README.md). `one_input` is also run by tests/test_robustness_fuzz.py over
generated inputs and over every file in fuzz/regressions/documents/, so CI needs no
atheris. It raises (a crash) when the checker raises, or when an invariant breaks:
results point inside the document at the first character of their sentence,
streamed plain text gives what the whole text gives, fixes apply cleanly.
"""

from __future__ import annotations

import sys
from typing import Any

_CHECKER: list[Any] = []


def checker() -> Any:
    if not _CHECKER:
        from gcmcheck.core import load_checker

        _CHECKER.append(load_checker())
    return _CHECKER[0]


def one_input(data: bytes) -> None:
    """Check one fuzzed document; the first byte chooses how it is read."""
    from gcmcheck.documents.decode import decode, looks_binary
    from gcmcheck.documents.positions import LineIndex, split_lines
    from gcmcheck.documents.reader import SHOW_ALL, results_for_lines, results_for_text
    from gcmcheck.lint.fixes import apply_fixes, fixes_for

    if not data:
        return
    mode, body = data[0], data[1:]
    looks_binary(body[:8192])
    text = decode(body).text
    markdown = bool(mode & 1)
    results = list(results_for_text(checker(), text, "fuzz", markdown, SHOW_ALL))
    index = LineIndex(text)
    for r in results:
        start = index.offset(r.line, r.column)
        end = index.offset(r.end_line, r.end_column)
        assert 0 <= start < end <= len(text), (r.line, r.column, r.end_line, r.end_column)
        assert r.text and text[start] == r.text[0] and text[end - 1] == r.text[-1], (r.text, text[start:end])
    if not markdown and mode & 2:
        streamed = list(results_for_lines(checker(), split_lines(text), "fuzz", SHOW_ALL))
        located = [(r.line, r.column, r.end_line, r.end_column, r.text, r.verdict) for r in results]
        assert [(r.line, r.column, r.end_line, r.end_column, r.text, r.verdict) for r in streamed] == located
    fixes = fixes_for(results, text)
    if fixes:
        fixed = apply_fixes(text, fixes)
        assert all(fixed.count(f.replacement) >= 1 for f in fixes)


def main(argv: list[str]) -> None:
    import atheris  # the `fuzz` extra: pip install -e ".[fuzz]"

    with atheris.instrument_imports(include=["gcmcheck"]):
        import gcmcheck.documents.markdown  # noqa: F401
        import gcmcheck.documents.reader  # noqa: F401
        import gcmcheck.documents.segment  # noqa: F401
    checker()  # load the table before fuzzing starts
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
