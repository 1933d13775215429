"""Tests for gcmcheck.analysis.numbers: reading, comparing and formatting quantities."""

from __future__ import annotations


import pytest
from timing import LIMIT, growth
from hypothesis import given, settings
from hypothesis import strategies as st

from gcmcheck.analysis.numbers import (
    HEDGE_BOUNDS,
    HEDGES,
    bounds,
    find_quantities,
    format_quantity,
    int_to_words,
    quantities_agree,
    words_to_int,
)
from gcmcheck.models import Quantity


def one(text: str) -> Quantity:
    found = find_quantities(text)
    assert len(found) == 1, (text, found)
    return found[0]


# --- reading --------------------------------------------------------------------------

# (text, span, value, kind, unit, hedge)
READ = [
    # digits
    ("152 countries voted yes", "152", 152, "count", "", ""),
    ("More than 60,000 migrants have died since 2000.", "More than 60,000", 60_000, "count", "", "more"),
    ("a border of 1,954 km", "1,954 km", 1954, "measure", "km", ""),
    ("3.5 of them", "3.5", 3.5, "count", "", ""),
    ("272 people", "272", 272, "count", "", ""),
    ("a 152 of", "152", 152, "count", "", ""),
    # number words
    ("twelve members", "twelve", 12, "count", "", ""),
    ("Twelve members abstained.", "Twelve", 12, "count", "", ""),
    ("one hundred and fifty-two states", "one hundred and fifty-two", 152, "count", "", ""),
    ("one hundred fifty two states", "one hundred fifty two", 152, "count", "", ""),
    ("One hundred and sixty-four countries", "One hundred and sixty-four", 164, "count", "", ""),
    ("sixty thousand migrants", "sixty thousand", 60_000, "count", "", ""),
    ("two million people", "two million", 2_000_000, "count", "", ""),
    ("a dozen states", "a dozen", 12, "count", "", ""),
    ("two dozen states", "two dozen", 24, "count", "", ""),
    ("three decades ago", "three", 3, "count", "", ""),
    ("one of the nine", "nine", 9, "count", "", ""),
    ("one hundred", "one hundred", 100, "count", "", ""),
    ("one million", "one million", 1_000_000, "count", "", ""),
    ("a hundred and fifty thousand", "a hundred and fifty thousand", 150_000, "count", "", ""),
    ("one thousand and five", "one thousand and five", 1005, "count", "", ""),
    ("The compact has twenty objectives.", "twenty", 20, "count", "", ""),
    ("nineteen hundred", "nineteen hundred", 1900, "count", "", ""),
    # scales and suffixes
    ("272 million", "272 million", 272_000_000, "count", "", ""),
    ("272M migrants", "272M", 272_000_000, "count", "", ""),
    ("272m migrants", "272m", 272_000_000, "count", "", ""),
    ("0.27 billion", "0.27 billion", 270_000_000, "count", "", ""),
    ("1.2bn", "1.2bn", 1_200_000_000, "count", "", ""),
    ("1.2 bn", "1.2 bn", 1_200_000_000, "count", "", ""),
    ("7 thousand", "7 thousand", 7000, "count", "", ""),
    ("60k dead", "60k", 60_000, "count", "", ""),
    ("5 hundred thousand", "5 hundred thousand", 500_000, "count", "", ""),
    # money
    ("$7 million", "$7 million", 7_000_000, "money", "USD", ""),
    ("US$7m", "US$7m", 7_000_000, "money", "USD", ""),
    ("USD 7 million", "USD 7 million", 7_000_000, "money", "USD", ""),
    ("€5 million", "€5 million", 5_000_000, "money", "EUR", ""),
    ("£3bn", "£3bn", 3_000_000_000, "money", "GBP", ""),
    ("7 million dollars", "7 million dollars", 7_000_000, "money", "USD", ""),
    ("5 million euros", "5 million euros", 5_000_000, "money", "EUR", ""),
    ("pledges of more than $7 million.", "more than $7 million", 7_000_000, "money", "USD", "more"),
    ("$2000 each", "$2000", 2000, "money", "USD", ""),
    # percentages
    ("85 percent", "85 percent", 85, "percent", "%", ""),
    ("85 per cent", "85 per cent", 85, "percent", "%", ""),
    ("3.4%", "3.4%", 3.4, "percent", "%", ""),
    ("3.5 pct", "3.5 pct", 3.5, "percent", "%", ""),
    ("eighty-five percent", "eighty-five percent", 85, "percent", "%", ""),
    ("one percent", "one percent", 1, "percent", "%", ""),
    ("2000%", "2000%", 2000, "percent", "%", ""),
    # measures
    ("1,954-mile border", "1,954-mile", 1954, "measure", "mile", ""),
    ("2,000 miles", "2,000 miles", 2000, "measure", "mile", ""),
    ("2000 miles", "2000 miles", 2000, "measure", "mile", ""),
    ("10 km", "10 km", 10, "measure", "km", ""),
    ("10km", "10km", 10, "measure", "km", ""),
    ("5 kilometres", "5 kilometres", 5, "measure", "km", ""),
    ("3 metres", "3 metres", 3, "measure", "m", ""),
    ("40 tonnes", "40 tonnes", 40, "measure", "tonne", ""),
    ("29 years", "29", 29, "count", "", ""),
    ("3 days", "3", 3, "count", "", ""),
    # hedges before
    ("about 5", "about 5", 5, "count", "", "about"),
    ("around 85 percent", "around 85 percent", 85, "percent", "%", "about"),
    ("roughly 85%", "roughly 85%", 85, "percent", "%", "about"),
    ("approximately 5", "approximately 5", 5, "count", "", "about"),
    ("approx. 5", "approx. 5", 5, "count", "", "about"),
    ("some 60,000", "some 60,000", 60_000, "count", "", "about"),
    ("an estimated 272 million", "272 million", 272_000_000, "count", "", ""),  # an estimate is the figure itself
    ("estimated 5", "5", 5, "count", "", ""),
    ("~60k", "~60k", 60_000, "count", "", "about"),
    ("circa 500", "circa 500", 500, "count", "", "about"),
    ("c. 500", "c. 500", 500, "count", "", "about"),
    ("more than 5", "more than 5", 5, "count", "", "more"),
    ("over 250 million", "over 250 million", 250_000_000, "count", "", "more"),
    ("above 5", "above 5", 5, "count", "", "more"),
    ("exceeding 5", "exceeding 5", 5, "count", "", "more"),
    ("in excess of 5", "in excess of 5", 5, "count", "", "more"),
    ("upwards of 5", "upwards of 5", 5, "count", "", "more"),
    ("just over 5", "just over 5", 5, "count", "", "more"),
    ("well over 5", "well over 5", 5, "count", "", "more"),
    ("at least 5", "at least 5", 5, "count", "", "atleast"),
    ("no fewer than 5", "no fewer than 5", 5, "count", "", "atleast"),
    ("no less than 5", "no less than 5", 5, "count", "", "atleast"),
    ("a minimum of 5", "a minimum of 5", 5, "count", "", "atleast"),
    ("less than 5", "less than 5", 5, "count", "", "less"),
    ("fewer than 5", "fewer than 5", 5, "count", "", "less"),
    ("under 5", "under 5", 5, "count", "", "less"),
    ("below 5", "below 5", 5, "count", "", "less"),
    ("just under 5", "just under 5", 5, "count", "", "less"),
    ("up to 5", "up to 5", 5, "count", "", "atmost"),
    ("at most 5", "at most 5", 5, "count", "", "atmost"),
    ("no more than 5", "no more than 5", 5, "count", "", "atmost"),
    ("a maximum of 5", "a maximum of 5", 5, "count", "", "atmost"),
    ("nearly 5", "nearly 5", 5, "count", "", "nearly"),
    ("almost three", "almost three", 3, "count", "", "nearly"),
    ("close to 5", "close to 5", 5, "count", "", "nearly"),
    ("just shy of 5", "just shy of 5", 5, "count", "", "nearly"),
    ("only 55", "only 55", 55, "count", "", "exact"),
    ("exactly 5", "exactly 5", 5, "count", "", "exact"),
    ("precisely 5", "precisely 5", 5, "count", "", "exact"),
    ("just 5", "just 5", 5, "count", "", "exact"),
    ("ONLY one country", "ONLY one", 1, "count", "", "exact"),
    # hedges after
    ("60,000 or more", "60,000 or more", 60_000, "count", "", "atleast"),
    ("60,000+ dead", "60,000+", 60_000, "count", "", "atleast"),
    ("60,000-plus dead", "60,000-plus", 60_000, "count", "", "atleast"),
    ("60,000 or so", "60,000 or so", 60_000, "count", "", "about"),
    ("5 or fewer", "5 or fewer", 5, "count", "", "atmost"),
    # not a hedge
    ("Moreover 5 came", "5", 5, "count", "", ""),
    ("etc. 5 came", "5", 5, "count", "", ""),
    # glued and split digit runs
    ("votes in favour152 and", "152", 152, "count", "", ""),
    ("In 2018,152 countries", "152", 152, "count", "", ""),
]


@pytest.mark.parametrize(("text", "span", "value", "kind", "unit", "hedge"), READ)
def test_reads(text: str, span: str, value: float, kind: str, unit: str, hedge: str) -> None:
    q = one(text)
    assert (q.text, q.value, q.kind, q.unit, q.hedge) == (span, value, kind, unit, hedge)
    assert text[q.start : q.end] == q.text


NOT_QUANTITIES = [
    "one of the nine members",  # only "nine" (checked below)
    "a country",
    "dozens of countries",
    "thousands of migrants",
    "the first forum",
    "the 29th session",
    "twenty-first century",
    "two-thirds of states",
    "the 1990s",
    "since 2000",
    "in 1951",
    "2030 Agenda",
    "c. 1500",
    "on 19 December 2018",
    "10 and 11 December 2018",
    "Chairperson4 December 2017The recent",
    "COVID-19 and the G20",
    "1/2 of them",
    "at 10:30",
    "raji1@un.org",
    "version 1.1.1",
    "no one came",
    "May 2019",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    found = [q.text for q in find_quantities(text)]
    assert found == (["nine"] if "nine" in text else [])


def test_several_in_order() -> None:
    text = "IOM has 175 member states and works in 171 countries since 1951; 3.4% or 272 million."
    found = find_quantities(text)
    assert [q.text for q in found] == ["175", "171", "3.4%", "272 million"]
    assert [q.start for q in found] == sorted(q.start for q in found)


def test_long_digit_runs_are_not_amounts() -> None:
    assert find_quantities("call 0123456789012345678 now") == []
    assert find_quantities("1" * 400) == []


def test_comma_list() -> None:
    assert [q.value for q in find_quantities("1,2,3")] == [1, 2, 3]


def test_glued_date_does_not_crash() -> None:
    text = "Reference: Ms. Eni Lestari, IMA Chairperson4 December 2017The recent 30 days"
    assert [q.text for q in find_quantities(text)] == ["30"]


# --- number words ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (12, "twelve"),
        (52, "fifty-two"),
        (100, "one hundred"),
        (152, "one hundred and fifty-two"),
        (1005, "one thousand and five"),
        (60_000, "sixty thousand"),
        (150_000, "one hundred and fifty thousand"),
        (2_000_101, "two million one hundred and one"),
        (10**12, "one trillion"),
    ],
)
def test_int_to_words(n: int, words: str) -> None:
    assert int_to_words(n) == words
    assert words_to_int(words) == n


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("one hundred fifty two", 152),
        ("One-Hundred-and-Fifty-Two", 152),
        ("a hundred", 100),
        ("a dozen", 12),
        ("sixty thousand", 60_000),
        ("one million, two hundred thousand", 1_200_000),
        ("hundred", None),
        ("one one", None),
        ("fifty fifty", None),
        ("and", None),
        ("", None),
        ("152", None),
        ("one hundred and", None),
    ],
)
def test_words_to_int(text: str, n: int | None) -> None:
    assert words_to_int(text) == n


def test_int_to_words_range() -> None:
    with pytest.raises(ValueError):
        int_to_words(-1)
    with pytest.raises(ValueError):
        int_to_words(10**12 + 1)


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=10**9))
def test_words_round_trip(n: int) -> None:
    words = int_to_words(n)
    assert words_to_int(words) == n
    if n > 1:
        q = one(words)
        assert q.value == n
        assert q.text == words


# --- robustness -----------------------------------------------------------------------


def _check_spans(text: str, found: list[Quantity]) -> None:
    last = 0
    for q in found:
        assert last <= q.start < q.end <= len(text)
        assert text[q.start : q.end] == q.text
        assert format_quantity(q)
        lo, hi, _, _ = bounds(q)
        assert lo <= hi
        assert quantities_agree(q, q) or q.hedge in ("more", "less") and q.value == 0
        last = q.end


@given(st.text())
def test_any_text(text: str) -> None:
    _check_spans(text, find_quantities(text))


_PIECES = ["1", "12", "152", "2018", "2,000", "3.5", ",", ".", "-", "–", " ", "%", "$", "US", "m", "k",
           "bn", "million", "one", "a", "hundred", "and", "fifty", "two", "dozen", "December", "May",
           "over", "more than", "about", "per cent", "miles", "km", "or more", "+", "th", "s", "The"]  # fmt: skip


@given(st.lists(st.sampled_from(_PIECES), max_size=30), st.sampled_from(["", " "]))
def test_token_soup(pieces: list[str], joiner: str) -> None:
    text = joiner.join(pieces)
    _check_spans(text, find_quantities(text))


# --- linear time ----------------------------------------------------------------------

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
    "one hyphen": "one-",
    "a": "a ",
    "numbers": "1 ",
    "number and": "1 and ",
    "number hyphen": "1-",
    "year": "2018 ",
    "month": "December ",
    "day month": "10 December ",
    "over": "over ",
    "dollar": "$",
    "percent": "5%",
    "letters digits": "ab1",
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_linear_time(unit: str) -> None:
    assert growth(find_quantities, unit) < LIMIT


# --- comparing ------------------------------------------------------------------------


def test_hedge_constants() -> None:
    assert set(HEDGES) == {"about", "more", "atleast", "less", "atmost", "nearly", "exact"}
    assert set(HEDGE_BOUNDS) == {"", *HEDGES}


@pytest.mark.parametrize(
    ("hedge", "expected"),
    [
        ("", (100, 100, True, True)),
        ("exact", (100, 100, True, True)),
        ("about", (95, 105, True, True)),
        ("more", (100, 115, False, True)),
        ("atleast", (100, 115, True, True)),
        ("less", (85, 100, True, False)),
        ("atmost", (85, 100, True, True)),
        ("nearly", (90, 100, True, True)),
    ],
)
def test_bounds(hedge: str, expected: tuple[float, float, bool, bool]) -> None:
    lo, hi, lo_inc, hi_inc = bounds(Quantity(100, hedge=hedge))
    assert lo == pytest.approx(expected[0])
    assert hi == pytest.approx(expected[1])
    assert (lo_inc, hi_inc) == expected[2:]


@pytest.mark.parametrize(
    ("stated", "sourced", "agree"),
    [
        ("more than 60,000", "more than 600,000", False),
        ("more than 60,000", "More than 60,000", True),
        ("over 250 million", "272 million", True),
        ("272 million", "over 250 million", True),
        ("300 million", "an estimated 272 million", False),
        ("around 85 percent", "roughly 85%", True),
        ("3.4%", "3.5 per cent", False),
        ("3.4%", "3.4 percent", True),
        ("158", "152", False),
        ("152", "152", True),
        ("$7 million", "more than $7 million", False),
        ("more than $7 million", "more than $7 million", True),
        ("twelve", "12", True),
        ("One hundred and sixty-four", "164", True),
        ("2,000 miles", "1,954-mile", False),
        ("about 2,000 miles", "1,954-mile", True),
        ("85", "85%", False),
        ("€7 million", "$7 million", False),
        ("7 million", "$7 million", True),
        ("10 km", "10 miles", False),
        ("less than 100", "100", False),
        ("at most 100", "100", True),
        ("nearly 100", "91", True),
        ("nearly 100", "89", False),
        ("at least 100", "115", True),
        ("more than 100", "116", False),
        ("272M", "272 million", True),
        ("0.1 billion", "100 million", True),
    ],
)
def test_agree(stated: str, sourced: str, agree: bool) -> None:
    assert quantities_agree(one(stated), one(sourced)) is agree


def test_agree_float_epsilon() -> None:
    assert quantities_agree(Quantity(0.1 + 0.2), Quantity(0.3))
    assert not quantities_agree(Quantity(0.3), Quantity(0.3000001))


def test_agree_open_ends_touch() -> None:
    # "less than 100" is [85, 100); "more than 100" is (100, 115]: they only touch
    assert not quantities_agree(Quantity(100, hedge="less"), Quantity(100, hedge="more"))
    assert quantities_agree(Quantity(100, hedge="atmost"), Quantity(100, hedge="atleast"))


# --- formatting -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        ("152", "152"),
        ("60,000", "60,000"),
        ("272 million", "272 million"),
        ("272M", "272 million"),
        ("1.2bn", "1.2 billion"),
        ("3.5%", "3.5%"),
        ("3.5 per cent", "3.5%"),
        ("$7 million", "$7 million"),
        ("€5 million", "€5 million"),
        ("1,954-mile", "1,954 miles"),
        ("10 km", "10 km"),
        ("more than 60,000", "more than 60,000"),
        ("around 85 percent", "about 85%"),
        ("at least 5", "at least 5"),
        ("123,456,789", "123,456,789"),
    ],
)
def test_format(text: str, formatted: str) -> None:
    assert format_quantity(one(text)) == formatted


@pytest.mark.parametrize(
    ("text", "value"),
    [("about one in 30 people", 100 / 30), ("three in four states", 75.0), ("1 out of every 10 people", 10.0)],
)
def test_counts_paired_as_one_in_n_are_shares(text: str, value: float) -> None:
    from gcmcheck.analysis.numbers import as_ratios

    (share,) = as_ratios(text, find_quantities(text))
    assert share.kind == "percent" and share.value == pytest.approx(value) and share.hedge
