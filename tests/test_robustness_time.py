"""Adversarial text: time must grow linearly with the length of the input.

Each test times 10,000 and 100,000 characters of the same run and requires the ratio
to stay below 25 (linear is 10; catastrophic backtracking or a quadratic loop gives
100 or more). Comparing within the test, rather than against a fixed time, keeps the
tests meaningful on a slow or busy machine; the short run is repeated until it takes
at least 5 ms, and each timing is the best of three, so timer noise does not count.

The document path (Markdown or plain text -> sentences -> checker) is what `gcmcheck
lint` and piped text go through; sentences are capped at 2,000 characters there, so
the analyser only ever sees bounded pieces. A statement given whole (`gcmcheck
"..."`, core.check_statement) is not cut, so the analyser and checker are also
timed directly on long runs.
"""

from __future__ import annotations

import pytest

from gcmcheck.documents.reader import results_for_text
from timing import LIMIT, growth


RUNS = {
    "digits": "1",
    "digits and spaces": "1 ",
    "commas": ",",
    "thousands": "1,",
    "dots": ".",
    "decimals": "1.",
    "spaces": " ",
    "and": "and ",
    "numbers and": "1 and ",
    "hyphens": "-",
    "em dashes": "\u2014",
    "ranges": "1\u2013",
    "number words": "one hundred and fifty-two ",
    "hyphenated words": "twenty-",
    "dates": "19 December 2018 ",
    "percent": "5% ",
    "abbreviations": "U.S. e.g. No. ",
    "nested lists": "- ",
    "nested quotes": "> ",
    "quotes and lists": "> - 1. ",
    "emphasis": "*a_",
    "links": "[a](",
    "code and html": "`a` <b> ",
    "lines": "a\n",
    "carriage returns": "a.\r",
    "blank lines": "\r\n \r\n",
}


@pytest.mark.parametrize("markdown", [True, False], ids=["markdown", "plain"])
@pytest.mark.parametrize("unit", list(RUNS.values()), ids=list(RUNS))
def test_the_document_path_is_linear(checker, unit: str, markdown: bool) -> None:
    def check(text: str) -> None:
        for _ in results_for_text(checker, text, "x", markdown, show="all"):
            pass

    assert growth(check, unit) < LIMIT


# the analyser on a whole run (a statement is not cut into sentences)
ANALYSER_RUNS = ["digits", "commas", "dots", "spaces", "and", "hyphens", "em dashes", "number words"]


@pytest.mark.parametrize("name", ANALYSER_RUNS)
def test_the_analyser_is_linear(checker, name: str) -> None:
    from gcmcheck.analysis.analyser import analyse

    lexicon = checker.table.lexicon
    assert growth(lambda text: analyse(text, lexicon), RUNS[name]) < LIMIT


def test_the_analyser_pairs_values_and_stances_in_linear_time(checker) -> None:
    from gcmcheck.analysis.analyser import analyse

    lexicon = checker.table.lexicon
    assert growth(lambda text: analyse(text, lexicon), "1 against, ", tries=1) < LIMIT


def test_the_checker_pairs_dates_in_linear_time(checker) -> None:
    from gcmcheck.engine.checker import Checker

    # a fresh checker per call: the memo would otherwise answer the repeats
    assert growth(lambda text: Checker(checker.table).check(text), RUNS["dates"], 1_000, 10_000, tries=1) < LIMIT
