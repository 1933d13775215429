"""Tests for gcmcheck.analysis.dates: reading, comparing and formatting dates."""

from __future__ import annotations


import pytest
from timing import LIMIT, growth
from hypothesis import given
from hypothesis import strategies as st

from gcmcheck.analysis.dates import dates_agree, find_dates, format_date
from gcmcheck.models import DateMention

# (text, span, year, month, day, end_day, qualifier)
READ = [
    ("on 19 December 2018", "19 December 2018", 2018, 12, 19, None, ""),
    # a day glued to a slash is part of a document symbol
    ("resolution A/RES/71/1 of September 2016", "September 2016", 2016, 9, None, None, ""),
    ("December 19, 2018", "December 19, 2018", 2018, 12, 19, None, ""),
    ("Dec. 19, 2018", "Dec. 19, 2018", 2018, 12, 19, None, ""),
    ("Dec 19 2018", "Dec 19 2018", 2018, 12, 19, None, ""),
    ("dec 19 2018", "dec 19 2018", 2018, 12, 19, None, ""),
    ("2018-12-19", "2018-12-19", 2018, 12, 19, None, ""),
    ("19th of December 2018", "19th of December 2018", 2018, 12, 19, None, ""),
    ("December 19th", "December 19th", None, 12, 19, None, ""),
    ("on 10 and 11 December 2018", "10 and 11 December 2018", 2018, 12, 10, 11, ""),
    ("10–11 December 2018", "10–11 December 2018", 2018, 12, 10, 11, ""),
    ("10-11 December 2018", "10-11 December 2018", 2018, 12, 10, 11, ""),
    ("December 10-11, 2018", "December 10-11, 2018", 2018, 12, 10, 11, ""),
    ("on 19 December.", "19 December", None, 12, 19, None, ""),
    ("in December 2018", "December 2018", 2018, 12, None, None, ""),
    ("in July.", "July", None, 7, None, None, ""),
    ("July 2018", "July 2018", 2018, 7, None, None, ""),
    ("Sept. 2020", "Sept. 2020", 2020, 9, None, None, ""),
    ("Jan. 5, 2019", "Jan. 5, 2019", 2019, 1, 5, None, ""),
    ("Feb 3", "Feb 3", None, 2, 3, None, ""),
    ("in 2018", "2018", 2018, None, None, None, ""),
    ("the year 2000", "2000", 2000, None, None, None, ""),
    ("the first half of 2022", "2022", 2022, None, None, None, ""),
    ("May 2019", "May 2019", 2019, 5, None, None, ""),
    ("may 2019", "may 2019", 2019, 5, None, None, ""),
    ("12 may", "12 may", None, 5, 12, None, ""),
    ("it may rain in May", "May", None, 5, None, None, ""),
    ("we march on until March", "March", None, 3, None, None, "until"),
    ("2030 Agenda", "2030", 2030, None, None, None, ""),
    ("by mid-2019", "2019", 2019, None, None, None, ""),
    ("in December 12 countries voted", "December", None, 12, None, None, ""),
    ("on December 12 the", "December 12", None, 12, 12, None, ""),
    ("Chairperson4 December 2017The recent", "4 December 2017", 2017, 12, 4, None, ""),
    # qualifiers
    ("since 2000", "2000", 2000, None, None, None, "since"),
    ("Since 2000", "2000", 2000, None, None, None, "since"),
    ("before 2018", "2018", 2018, None, None, None, "before"),
    ("prior to 2015", "2015", 2015, None, None, None, "before"),
    ("after 2018", "2018", 2018, None, None, None, "after"),
    ("until 2020", "2020", 2020, None, None, None, "until"),
    ("till 2020", "2020", 2020, None, None, None, "until"),
    ("by 2030", "2030", 2030, None, None, None, "by"),
    ("from 2010", "2010", 2010, None, None, None, "from"),
    ("on 19 December 2018", "19 December 2018", 2018, 12, 19, None, ""),
    ("since 4 December 2017", "4 December 2017", 2017, 12, 4, None, "since"),
]


@pytest.mark.parametrize(("text", "span", "year", "month", "day", "end_day", "qualifier"), READ)
def test_reads(
    text: str, span: str, year: int | None, month: int | None, day: int | None, end_day: int | None, qualifier: str
) -> None:
    found = find_dates(text)
    assert len(found) == 1, found
    d = found[0]
    assert (d.text, d.year, d.month, d.day, d.end_day, d.qualifier) == (span, year, month, day, end_day, qualifier)
    assert text[d.start : d.end] == d.text


NOT_DATES = [
    "10/12/2018",  # October or December: only a plain order is read
    "on Monday",
    "on Friday, the",
    "Theresa May said",
    "States may 12 times",
    "an august body",
    "Jan Egeland",
    "in Dec",
    "2,000 miles",
    "2000 miles",
    "2000%",
    "2000 million",
    "$2000",
    "US$ 2000",
    "12000",
    "2000.5",
    "the 1990s",
    "the 19th",
    "COVID-2019",
    "G2000",
    "Marrakech",
    "remember",
    "152 countries",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


def test_several_in_order() -> None:
    text = "Adopted on 10 and 11 December 2018 in Marrakech, endorsed on 19 December 2018; review in 2022."
    found = find_dates(text)
    assert [d.text for d in found] == ["10 and 11 December 2018", "19 December 2018", "2022"]


def test_impossible_day_keeps_the_month() -> None:
    assert [(m.text, m.day) for m in find_dates("31 February")] == [("February", None)]


def test_year_ranges_and_lists() -> None:
    assert [d.year for d in find_dates("2015-2020")] == [2015, 2020]
    assert [d.year for d in find_dates("2017,2018")] == [2017, 2018]


def test_invalid_range_falls_back() -> None:
    found = find_dates("11-10 December 2018")
    assert [(d.text, d.day) for d in found] == [("December 2018", None)]


# --- comparing ------------------------------------------------------------------------


def d(text: str) -> DateMention:
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("stated", "sourced", "agree"),
    [
        ("19 December 2018", "19 December 2018", True),
        ("21 December 2018", "19 December 2018", False),
        ("19 December 2018", "December 19, 2018", True),
        ("19 December 2019", "19 December 2018", False),
        ("19 December", "19 December 2018", True),
        ("December 2018", "19 December 2018", True),
        ("November 2018", "19 December 2018", False),
        ("2018", "19 December 2018", True),
        ("2017", "19 December 2018", False),
        ("10 December 2018", "10 and 11 December 2018", True),
        ("11 December 2018", "10–11 December 2018", True),
        ("12 December 2018", "10–11 December 2018", False),
        ("10-11 December 2018", "10 and 11 December 2018", True),
        ("10-12 December 2018", "10 and 11 December 2018", False),
        ("10-12 December 2018", "11 December 2018", True),
        ("10-12 December 2018", "13 December 2018", False),
        ("in July", "July 2018", True),
        ("in July", "December 2018", False),
        ("4 December 2017", "Chairperson4 December 2017The", True),
    ],
)
def test_agree(stated: str, sourced: str, agree: bool) -> None:
    assert dates_agree(d(stated), d(sourced)) is agree


def test_agree_unstated_fields() -> None:
    assert dates_agree(DateMention(year=None), DateMention(year=2018, month=12, day=19))
    assert dates_agree(DateMention(year=2018, month=12, day=19), DateMention(year=2018))


# --- formatting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        ("19 December 2018", "19 December 2018"),
        ("Dec. 19, 2018", "19 December 2018"),
        ("10 and 11 December 2018", "10–11 December 2018"),
        ("December 10-11, 2018", "10–11 December 2018"),
        ("December 2018", "December 2018"),
        ("2018", "2018"),
        ("on 19 December", "19 December"),
        ("in July", "July"),
    ],
)
def test_format(text: str, formatted: str) -> None:
    assert format_date(d(text)) == formatted


# --- robustness -----------------------------------------------------------------------


def _check_spans(text: str, found: list[DateMention]) -> None:
    last = 0
    for m in found:
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.year is None or 1000 <= m.year <= 2999
        assert m.month is None or 1 <= m.month <= 12
        assert m.day is None or 1 <= m.day <= 31
        assert m.end_day is None or (m.day is not None and m.day < m.end_day <= 31)
        last = m.end


@given(st.text())
def test_any_text(text: str) -> None:
    _check_spans(text, find_dates(text))


_PIECES = ["1", "10", "11", "19", "2018", "2,000", "-", "–", " ", ",", ".", "and", "to", "of", "th",
           "December", "Dec.", "May", "may", "march", "in", "since", "The", "%", "$", "/", "miles"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["", " "]))
def test_token_soup(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    _check_spans(text, find_dates(text))


ADVERSARIAL = {
    "digits": "1",
    "commas": "1,",
    "dots": "1.",
    "spaces": " ",
    "and": "and ",
    "hyphens": "-",
    "en dashes": "–",
    "one": "one ",
    "hundred": "hundred ",
    "numbers": "1 ",
    "day and": "1 and ",
    "day hyphen": "1-",
    "day space hyphen": "1 - ",
    "year": "2018 ",
    "year hyphen": "2018-",
    "month": "December ",
    "may": "May ",
    "month day": "Dec 1 ",
    "day month": "10 December ",
    "of": "1 of ",
    "letters digits": "ab1",
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_linear_time(unit: str) -> None:
    assert growth(find_dates, unit) < LIMIT


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("endorsed on 19/12/2018", [(2018, 12, 19)]),
        ("endorsed on 12/19/2018", [(2018, 12, 19)]),
        ("endorsed on 19.12.2018", [(2018, 12, 19)]),
        ("endorsed on 10/12/2018", []),  # October or December: not read
        ("on 31/02/2018", []),  # no such day
        ("on 13/13/2018", []),
        ("version 1.19.12.2018", []),
        ("19/12/18", []),  # two-digit years are not read
    ],
)
def test_numeric_dates_only_when_the_order_is_plain(text: str, expected: list[tuple[int, int, int]]):
    assert [(d.year, d.month, d.day) for d in find_dates(text)] == expected
