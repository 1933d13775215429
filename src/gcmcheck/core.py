"""The core's front door: load a table into a Checker, check statements and texts.

Pure: returns results, never prints or exits. The command line and any other
caller (editors, notebooks) use these functions.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

TYPE_CHECKING = False  # typing costs 2 ms to import; mypy reads the guarded imports

from gcmcheck.engine.checker import Checker
from gcmcheck.models import Analysis, Result

if TYPE_CHECKING:
    from gcmcheck.engine.alignment import Rule
    from gcmcheck.engine.facts import Comparison, Fact
    from gcmcheck.reader.clauses import Reading


def load_checker(claims: Path | None = None, for_the_run: bool = False) -> Checker:
    """A checker for a table (the shipped one by default); raises TableError.

    for_the_run: the process keeps the checker to its end (a command), so the table's
    objects are moved out of the garbage collector's sight (gc.freeze): it would
    otherwise walk a big table again and again, and, in forked workers, copy it.
    """
    from gcmcheck.table.cache import load_compiled

    checker = Checker(load_compiled(claims))
    if for_the_run:
        import gc

        gc.freeze()
    return checker


def check_statement(checker: Checker, text: str, input: str = "<argv>") -> list[Result]:
    """Results for one statement given whole (line 1, column 1)."""
    results = checker.check(text)
    end_line = text.count("\n") + 1
    end_column = len(text) - (text.rfind("\n") + 1) + 1
    for r in results:
        r.input = input
        r.line, r.column = 1, 1
        r.end_line, r.end_column = end_line, end_column
    return results


class Trace:
    """How the verdicts on one statement were reached (see `gcmcheck --trace`)."""

    __slots__ = ("text", "reading", "analysis", "pairs", "results")

    def __init__(
        self, text: str, reading: Reading, analysis: Analysis,
        pairs: list[tuple[Fact, str, Comparison, tuple[Rule, str] | None]], results: list[Result],
    ) -> None:  # fmt: skip
        self.text = text
        self.reading = reading
        self.analysis = analysis
        self.pairs = pairs
        self.results = results


def trace_statement(checker: Checker, text: str) -> Trace:
    """Read, weigh and judge one statement, keeping every step."""
    from gcmcheck.analysis.analyser import analyse
    from gcmcheck.reader.clauses import read

    results, pairs = checker.explain(text)
    for r in results:
        r.input = "<argv>"
    return Trace(text, read(text), analyse(text, checker.table.lexicon), pairs, results)


def check_segments(
    checker: Checker, segments: Iterable[tuple[str, tuple[int, int], tuple[int, int]]], input: str
) -> Iterator[Result]:
    """Results for sentences already located: (text, (line, col), (end_line, end_col))."""
    for text, (line, column), (end_line, end_column) in segments:
        for r in checker.check(text):
            r.input = input
            r.line, r.column, r.end_line, r.end_column = line, column, end_line, end_column
            yield r
