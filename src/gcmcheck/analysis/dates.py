"""Dates in running text, read into DateMention: days, day ranges, months and years.

Why a module of its own: a year or a day of the month is a number that must not be
counted, so gcmcheck.analysis.numbers asks find_dates which spans to skip, and the
engine compares dates field by field (dates_agree) instead of as magnitudes.

Forms read (month names full or abbreviated, any case):
    "19 December 2018", "19th of December 2018", "December 19, 2018", "Dec. 19, 2018",
    "Dec 19 2018", "2018-12-19", "10 and 11 December 2018", "10–11 December 2018",
    "December 10-11, 2018", "on 19 December" (year None), "December 2018", "in July"
    (month only), "2018", "the year 2000" (span "2000").
Numeric forms "19/12/2018", "12/19/2018", "19.12.2018" are read only when the order
is plain: one of the first two numbers is over 12. "10/12/2018" (October or
December?) is not read, nor are weekday names, decades ("the 1990s") or ordinals
alone ("the 19th").

Rules that keep noise out:
    * A year is a standalone 4-digit token 1000-2999: not part of a longer run of digits,
      commas or decimals ("2,000", "12000", "2000.5"), not glued to a short or all-caps
      code ("G2000", "COVID-2019"), not after a currency sign, not before "/" and not
      followed by "%", a scale word ("million"), a currency word or a measure unit.
    * "may", "march" and "august" are also ordinary English words: alone (without a day
      or year beside them) they count as months only when capitalised and directly after
      a preposition ("in May"); lowercase "may 12" without a year is not a date either.
      Abbreviated names ("Dec") count only next to a day or year.
    * "in December 12 countries..." reads as the month December followed by a count.
    * A day glued to a slash belongs to a document symbol: "resolution A/RES/71/1 of
      September 2016" is September 2016, not 1 September.

qualifier is the preposition directly before the date: since, before (also "prior
to"), after, until (also "till"), by, from; "in", "on" or nothing give "".

Every regex here is linear: no nested quantifiers, and no two unbounded quantifiers
that could share the same characters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gcmcheck.models import DateMention
from gcmcheck.regex_cache import regex

_FULL_MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}  # fmt: skip
FULL_MONTHS = frozenset(_FULL_MONTHS)  # the month names, for readers that must not take them for names
_ABBR_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_AMBIGUOUS_MONTHS = frozenset({"may", "march", "august"})
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July",
                "August", "September", "October", "November", "December")  # fmt: skip
_DAYS_IN_MONTH = (0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)

_QUALIFIERS = {
    "since": "since", "before": "before", "after": "after", "until": "until",
    "till": "until", "by": "by", "from": "from", "prior to": "before", "as of": "by",
}  # fmt: skip

_LETTER = r"[^\W\d_]"
_FULL_ALT = "|".join(sorted(_FULL_MONTHS, key=len, reverse=True))
_ABBR_ALT = "|".join(sorted(_ABBR_MONTHS, key=len, reverse=True))


def _month(name: str) -> str:
    """A month name as a named group: a full name, or an abbreviation with its dot."""
    return rf"(?<!{_LETTER})(?P<{name}>{_FULL_ALT}|(?:{_ABBR_ALT})\.?)(?!{_LETTER})"


_DAY = r"(?:3[01]|[12][0-9]|0?[1-9])"
_ORD = r"(?:st|nd|rd|th)?"
_YEAR = r"[12][0-9]{3}(?![0-9]|\.[0-9])"
_SEP = r"\s*(?:-|–|—|and|to|&)\s*"

_ISO = regex(
    r"(?<![0-9-])(?P<y>[12][0-9]{3})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12][0-9]|3[01])(?![0-9])"
)
_NUMERIC = regex(
    r"(?<![0-9./-])(?P<a>[0-9]{1,2})(?P<sep>[/.])(?P<b>[0-9]{1,2})(?P=sep)(?P<y>[12][0-9]{3})(?![0-9]|[./-][0-9])"
)
_DMY = regex(
    rf"(?<![0-9/])(?<![0-9][.,])(?P<d>{_DAY})(?P<o1>{_ORD})(?:{_SEP}(?P<d2>{_DAY}){_ORD})?"
    rf"\s*(?:of\s+)?{_month('m')}(?:,?\s*(?P<y>{_YEAR}))?",
    re.I,
)
_MDY = regex(
    rf"{_month('m')}\s*(?P<d>{_DAY})(?P<o1>{_ORD})(?![0-9:]|\.[0-9])"
    rf"(?:{_SEP}(?P<d2>{_DAY}){_ORD}(?![0-9:]|\.[0-9]))?(?:,?\s*(?P<y>{_YEAR}))?",
    re.I,
)
_MY = regex(rf"{_month('m')},?\s*(?P<y>{_YEAR})", re.I)
_MONTH_ONLY = regex(_month("m"), re.I)
_DIGIT_RUN = regex(r"[0-9]+(?:[.,][0-9]+)*")
_VALID_NUMBER = regex(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_LETTERS = regex(rf"{_LETTER}+")

# what, right after a 4-digit token, makes it an amount rather than a year
# a plural noun after four digits (past capitalised modifiers) makes them a count ...
_COUNTED_AFTER = regex(r"\s+(?:[A-Z][\w-]*\s+){0,3}[a-z][a-z]+[a-rt-z]s\b")
# ... unless a determiner makes them a label ("the 2019 figures") or a preposition a
# time ("in 2018 states adopted it", "since 2000 migrants have died")
_LABEL_BEFORE = regex(
    r"(?:\b(?:the|its|their|this|that|these|those|his|her|our|in|since|by|of|from|until|before|after|during|for)|['\u2019]s)\s+$",
    re.IGNORECASE,
)
_NOT_YEAR_AFTER = regex(
    r"\s?%|\+|[\s-]{1,3}(?:percent|per\s?cent|pct|hundred|thousand|million|billion|trillion"
    r"|mn|bn|dollars?|euros?|US\s?dollars|USD|EUR|GBP|miles?|km|kms|kilomet(?:re|er)s?"
    r"|met(?:re|er)s?|kg|kgs|kilogram(?:me)?s?|tonnes?|tons?)(?!" + _LETTER + ")",
    re.I,
)
_GLUED_NOT_YEAR = frozenset(
    {"s", "st", "nd", "rd", "th", "k", "m", "mn", "bn", "km", "kms", "kg", "kgs", "pct",
     "mile", "miles", "million", "billion", "thousand"}
)  # fmt: skip
_CURRENCY_BEFORE = regex(rf"(?:(?<!{_LETTER})(?:US\s?\$|USD|EUR|GBP)|[$€£])\s?\Z", re.I)
_QUALIFIER_BEFORE = regex(
    rf"(?<!{_LETTER})(since|before|after|until|till|by|from|prior\s+to|as\s+of|in|on|during|of)\s+\Z",
    re.I,
)
_PREPOSITION_BEFORE = regex(
    rf"(?<!{_LETTER})(?:in|on|since|before|after|until|till|by|from|during|of|early|late"
    rf"|mid|last|next|this|through|to)\s+\Z",
    re.I,
)
_IN_BEFORE = regex(rf"(?<!{_LETTER})in\s+\Z", re.I)

_Cand = tuple[int, int, int | None, int | None, int | None, int | None]


def is_code_prefix(text: str, pos: int) -> bool:
    """True when the digits at pos are glued to a code such as "G20", "SDG8" or "COVID-19".

    Scraped text glues words to numbers ("Chairperson4 December"), so only a short
    (<= 2 letters) or all-caps letter run directly before (optionally through a hyphen)
    marks the number as part of a name.
    """
    i = pos
    if i > 0 and text[i - 1] == "-":
        i -= 1
    j = i
    while j > 0 and i - j < 13 and text[j - 1].isalpha():
        j -= 1
    if j == i:
        return False
    run = text[j:i]
    if len(run) > 12:
        return False
    return run.isupper() or len(run) <= 2


def _month_number(name: str) -> int:
    """1-12 for a month name as matched, any case, with or without its dot."""
    key = name.rstrip(".").lower()
    return _FULL_MONTHS.get(key) or _ABBR_MONTHS[key]


def _is_abbreviation(name: str) -> bool:
    """"Dec", "Sept." (a full name never carries its dot in the match)."""
    return name.rstrip(".").lower() not in _FULL_MONTHS


def _valid_day(day: int, month: int) -> bool:
    """Whether the day exists in the month (29 February allowed: the year may be unstated)."""
    return 1 <= day <= _DAYS_IN_MONTH[month]


def _range(m: re.Match[str], month: int) -> tuple[int, int | None] | None:
    """Day and end day from a match, or None when they do not make a calendar range."""
    day = int(m.group("d"))
    end_day = int(m.group("d2")) if m.group("d2") else None
    if not _valid_day(day, month):
        return None
    if end_day is not None and (end_day <= day or not _valid_day(end_day, month)):
        return None
    return day, end_day


def _year_context_ok(text: str, s: int, e: int) -> bool:
    """Whether the 4 digits at [s, e) stand alone as a year (see the module rules)."""
    if is_code_prefix(text, s):
        return False
    if s > 0 and text[s - 1] == "/" or text[e : e + 1] == "/":
        return False
    if _CURRENCY_BEFORE.search(text, max(0, s - 6), s):
        return False
    glued = _LETTERS.match(text, e)
    if glued and glued.group().lower() in _GLUED_NOT_YEAR:
        return False
    if _COUNTED_AFTER.match(text, e) and not _LABEL_BEFORE.search(text, max(0, s - 8), s):
        return False  # "sent 1200 National Guard soldiers" counts; "the 2019 figures" is a label
    return not _NOT_YEAR_AFTER.match(text, e)


def _years(text: str) -> list[_Cand]:
    """Standalone years, from runs of digits so that "2,000" or "12000" never yield one."""
    out: list[_Cand] = []
    for m in _DIGIT_RUN.finditer(text):
        run = m.group()
        if len(run) == 4 and run.isdigit():
            pieces = [(m.start(), run)]
        elif "," in run and not _VALID_NUMBER.fullmatch(run):
            pieces = []
            offset = m.start()
            for part in run.split(","):
                if len(part) == 4 and part.isdigit():
                    pieces.append((offset, part))
                offset += len(part) + 1
        else:
            continue
        for s, digits in pieces:
            year = int(digits)
            if 1000 <= year <= 2999 and _year_context_ok(text, s, s + 4):
                out.append((s, s + 4, year, None, None, None))
    return out


def _candidates(text: str) -> list[_Cand]:
    """Every form's matches, overlapping; find_dates keeps the earliest, then longest."""
    cands: list[_Cand] = []
    for m in _ISO.finditer(text):
        month, day = int(m.group("m")), int(m.group("d"))
        if _valid_day(day, month):
            cands.append((m.start(), m.end(), int(m.group("y")), month, day, None))
    for m in _NUMERIC.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        day, month = (a, b) if a > 12 >= b else (b, a) if b > 12 >= a else (0, 0)  # else ambiguous
        if month and _valid_day(day, month):
            cands.append((m.start(), m.end(), int(m.group("y")), month, day, None))
    for m in _DMY.finditer(text):
        month = _month_number(m.group("m"))
        days = _range(m, month)
        if days:
            year = int(m.group("y")) if m.group("y") else None
            cands.append((m.start(), m.end(), year, month, days[0], days[1]))
    for m in _MDY.finditer(text):
        name = m.group("m")
        month = _month_number(name)
        days = _range(m, month)
        if not days:
            continue
        year = int(m.group("y")) if m.group("y") else None
        if year is None:
            if name.islower() and name in _AMBIGUOUS_MONTHS:
                continue  # "States may 12 ..."
            if not m.group("o1") and _IN_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "in December 12 countries ..."
        cands.append((m.start(), m.end(), year, month, days[0], days[1]))
    for m in _MY.finditer(text):
        cands.append((m.start(), m.end(), int(m.group("y")), _month_number(m.group("m")), None, None))
    for m in _MONTH_ONLY.finditer(text):
        name = m.group("m")
        if _is_abbreviation(name):
            continue
        if name.lower() in _AMBIGUOUS_MONTHS:
            if not name[0].isupper():
                continue
            if not _PREPOSITION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
                continue
        cands.append((m.start(), m.end(), None, _month_number(name), None, None))
    cands.extend(_years(text))
    return cands


def _qualifier(text: str, start: int) -> str:
    """The bounding preposition directly before start ("since 2000" -> "since"), or ""."""
    m = _QUALIFIER_BEFORE.search(text, max(0, start - 16), start)
    if not m:
        return ""
    word = " ".join(m.group(1).lower().split())
    return _QUALIFIERS.get(word, "")


def find_dates(text: str) -> list[DateMention]:
    """Every date in text, sorted by start and non-overlapping (the longest form wins)."""
    return list(_dates(text))


@lru_cache(maxsize=16)  # the analyser and the number reader both ask, one after the other
def _dates(text: str) -> tuple[DateMention, ...]:
    cands = _candidates(text)
    cands.sort(key=lambda c: (c[0], c[0] - c[1]))
    out: list[DateMention] = []
    last_end = 0
    for start, end, year, month, day, end_day in cands:
        if start < last_end:
            continue
        last_end = end
        out.append(
            DateMention(
                year=year,
                month=month,
                day=day,
                end_day=end_day,
                start=start,
                end=end,
                text=text[start:end],
                qualifier=_qualifier(text, start),
            )
        )
    return tuple(out)


def dates_agree(stated: DateMention, sourced: DateMention) -> bool:
    """Whether a stated date fits a sourced one, comparing only fields both sides give.

    A None field was not stated and so cannot conflict. A stated day agrees with a
    sourced range when it lies inside it; a stated range agrees with a sourced range
    only when equal, and with a sourced single day when that day is inside it. The
    qualifier ("since", "by", ...) is not compared here: that is the caller's call.
    """
    if stated.year is not None and sourced.year is not None and stated.year != sourced.year:
        return False
    if stated.month is not None and sourced.month is not None and stated.month != sourced.month:
        return False
    if stated.day is None or sourced.day is None:
        return True
    s_lo, s_hi = stated.day, stated.end_day
    o_lo, o_hi = sourced.day, sourced.end_day
    if s_hi is None and o_hi is None:
        return s_lo == o_lo
    if s_hi is None:
        return o_lo <= s_lo <= o_hi  # type: ignore[operator]
    if o_hi is None:
        return s_lo <= o_lo <= s_hi
    return (s_lo, s_hi) == (o_lo, o_hi)


def format_date(d: DateMention) -> str:
    """A date for messages: "19 December 2018", "10–11 December 2018", "December 2018", "2018"."""
    parts: list[str] = []
    if d.day is not None and d.month is not None:
        parts.append(f"{d.day}–{d.end_day}" if d.end_day is not None else str(d.day))
    if d.month is not None:
        parts.append(_MONTH_NAMES[d.month])
    if d.year is not None:
        parts.append(str(d.year))
    return " ".join(parts)
