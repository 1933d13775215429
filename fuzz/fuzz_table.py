"""Fuzz the table loader: bytes as a claims table (YAML) next to a sources folder ->
check_table -> (when it loads) the compiled table -> one statement checked.

    python fuzz/fuzz_table.py -max_total_time=300 fuzz/corpus/table

(see fuzz/README.md). `one_input` is also run by tests/test_robustness_fuzz.py over
generated tables and over every file in fuzz/regressions/table/. It raises (a
crash) when check_table raises instead of reporting problems, when load_table
raises anything but TableError, or when a table that loads cannot check a statement.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

_FOLDER: list[Path] = []

# The sources of fuzz/corpus/table/*.yaml (a copy of tests/fixtures/tables/sources).
SOURCES = {
    "alpha.txt": "Town Library News\n\n"
    "The town library will open a new branch on 3 May 2024. The branch cost £1.2 million to build.\n"
    "The town council approved the branch by 9 votes to 2, and the library\u2019s board welcomed the decision.\n"
    "Visitors borrowed 48,000 books last year.\n",
    "beta.txt": "The new branch, which cost about £1.5 million, opens in May 2024.\n",
}


def folder() -> Path:
    """A scratch folder with a sources/ folder holding the two sources."""
    if not _FOLDER:
        base = Path(tempfile.mkdtemp(prefix="gcmcheck-fuzz-"))
        (base / "sources").mkdir()
        for name, text in SOURCES.items():
            (base / "sources" / name).write_text(text, encoding="utf-8")
        _FOLDER.append(base)
    return _FOLDER[0]


def one_input(data: bytes) -> None:
    from gcmcheck.engine.checker import Checker
    from gcmcheck.engine.compiled import compile_table
    from gcmcheck.table.loader import TableError, check_table, load_table

    path = folder() / "claims.yaml"
    path.write_bytes(data)
    table, problems = check_table(path)
    assert all(p.message for p in problems)
    for p in problems:
        str(p)
    try:
        load_table(path)
    except TableError as exc:
        assert exc.problems and str(exc)
    if table is not None and not problems:
        checker = Checker(compile_table(table.claims, table.lexicon))
        for statement in ("The new branch opens on 3 May 2024.", "It cost 2 million.", ""):
            checker.check(statement)


def main(argv: list[str]) -> None:
    import atheris  # the `fuzz` extra: pip install -e ".[fuzz]"

    with atheris.instrument_imports(include=["gcmcheck", "yaml"]):
        import yaml  # noqa: F401

        import gcmcheck.engine.compiled  # noqa: F401
        import gcmcheck.table.loader  # noqa: F401
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)
