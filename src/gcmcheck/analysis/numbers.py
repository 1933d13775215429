"""Quantities in running text, read into Quantity, and the rules for comparing them.

Why: a statement's number ("more than 60,000", "twelve", "$7 million", "85 percent")
is checked against the number a source gives, so both must be read the same way and
compared with the same published tolerances.

Reading (find_quantities):
    * digits with thousands separators and decimals ("60,000", "3.5"), English number
      words, British or American ("one hundred and fifty-two", "sixty thousand",
      "a dozen"), scale words and suffixes ("272 million", "272M", "1.2bn", "60k");
    * kinds: "percent" ("85 percent", "85 per cent", "3.4%", "3.5 pct"; unit "%"),
      "money" ("$7 million", "US$7m", "USD 7 million", "€5 million", "£2bn",
      "7 million dollars"; unit "USD", "EUR" or "GBP"), "measure" (mile, km, m, kg,
      tonne: "1,954-mile border", "5 kilometres"), else "count" (time words such as
      "29 years" stay counts);
    * a hedge directly before the number (see HEDGE_WORDS), or after it: "X or more",
      "X+", "X-plus" -> "atleast"; "X or so" -> "about"; "X or less/fewer" -> "atmost".
Not quantities: years and date parts (every span dates.find_dates returns, and any
bare 4-digit integer 1000-2999 with no unit, percent, scale or currency), ordinals
("first", "29th", "twenty-first"), decades ("1990s"), fractions ("two-thirds",
"1/2"), plurals of vague size ("dozens", "thousands of"), codes ("G20", "COVID-19"),
and a bare "one" or "a" with nothing attached ("one of the nine"; "only one" and
"one million" are read).

Comparing (bounds, quantities_agree) -- the project's published tolerances, for a
stated or sourced value v and its hedge:
    ""/"exact"  [v, v]            "more"     (v, 1.15v]
    "about"     [0.95v, 1.05v]    "atleast"  [v, 1.15v]
    "nearly"    [0.9v, v]         "less"     [0.85v, v)
                                  "atmost"   [0.85v, v]
("more"/"atleast" of 0 are open-ended above.) Two quantities agree when their kinds
are compatible and their intervals intersect, open ends respected, with a relative
epsilon of 1e-9 for float noise. Compatible: the same kind, except that a plain count
is compatible with money or a measure (the unit was simply not stated); money needs
the same currency and a measure the same unit; a percent matches only a percent.

Every regex here is linear: no nested quantifiers, no two unbounded quantifiers that
could share characters, and look-backs run on short bounded windows.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

from gcmcheck.models import Quantity
from gcmcheck.regex_cache import regex

# --- hedges ---------------------------------------------------------------------------

HEDGE_WORDS: dict[str, tuple[str, ...]] = {
    "about": ("about", "around", "roughly", "approximately", "approx.", "some",
              "~", "circa", "c."),
    "more": ("more than", "over", "above", "exceeding", "in excess of", "upwards of",
             "just over", "well over", "exceeded", "surpassed", "topped", "passed", "crossed"),
    "atleast": ("at least", "no fewer than", "no less than", "not less than",
                "a minimum of"),
    "less": ("less than", "fewer than", "under", "below", "just under"),
    "atmost": ("up to", "at most", "no more than", "not more than", "a maximum of"),
    "nearly": ("nearly", "almost", "close to", "just shy of"),
    "exact": ("only", "exactly", "precisely", "just"),
}  # fmt: skip
"""Canonical hedge -> the words that express it when directly before a number."""

HEDGE_BOUNDS: dict[str, tuple[float, float, bool, bool]] = {
    "": (1.0, 1.0, True, True),
    "exact": (1.0, 1.0, True, True),
    "about": (0.95, 1.05, True, True),
    "more": (1.0, 1.15, False, True),
    "atleast": (1.0, 1.15, True, True),
    "less": (0.85, 1.0, True, False),
    "atmost": (0.85, 1.0, True, True),
    "nearly": (0.9, 1.0, True, True),
}
"""Hedge -> (low factor, high factor, low inclusive, high inclusive): the interval a
hedged value v stands for is [low*v, high*v] with those ends open or closed. These are
the project's published tolerances (see the module docstring)."""

HEDGES: tuple[str, ...] = tuple(h for h in HEDGE_BOUNDS if h)
"""The non-empty hedge values a Quantity may carry."""

_HEDGE_PHRASE = {
    "about": "about", "more": "more than", "atleast": "at least", "less": "less than",
    "atmost": "at most", "nearly": "nearly", "exact": "exactly",
}  # fmt: skip

# --- vocabulary -----------------------------------------------------------------------

_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
          "eight": 8, "nine": 9}  # fmt: skip
_TEENS = {"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
          "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
_SUB_HUNDRED = {**_UNITS, **_TEENS, **_TENS}
_AFTER_A = frozenset({"hundred", "dozen", *_SCALES})
# words that turn a preceding number word into an ordinal or a fraction
_ORDINAL_AFTER = frozenset(
    {"first", "second", "third", "thirds", "fourth", "fourths", "fifth", "fifths",
     "sixth", "sixths", "seventh", "sevenths", "eighth", "eighths", "ninth", "ninths",
     "tenth", "tenths", "quarter", "quarters", "half", "halves"}
)  # fmt: skip

_SPACED_SCALE = {"hundred": 100, **_SCALES, "mn": 10**6, "bn": 10**9}
_GLUED_SCALE = {"k": 10**3, "m": 10**6, "mn": 10**6, "bn": 10**9, **_SCALES}
_UNIT_NAMES = {
    "mile": "mile", "miles": "mile", "km": "km", "kms": "km", "kilometre": "km",
    "kilometres": "km", "kilometer": "km", "kilometers": "km", "m": "m", "metre": "m",
    "metres": "m", "meter": "m", "meters": "m", "kg": "kg", "kgs": "kg",
    "kilogram": "kg", "kilograms": "kg", "kilogramme": "kg", "kilogrammes": "kg",
    "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
}  # fmt: skip
_PLURAL_UNITS = {"mile": "miles", "tonne": "tonnes"}
_CURRENCY_SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£"}

# --- regexes --------------------------------------------------------------------------

_L = r"[^\W\d_]"  # a letter
_CORE = regex(rf"[0-9]+(?:[.,][0-9]+)*|{_L}+")
_LETTERS = regex(rf"{_L}+")
_NEXT_WORD = regex(rf"(\s+|-)({_L}+)")
_VALID_DIGITS = regex(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?")
_SCALE_AFTER = regex(rf"\s+(hundred|thousand|million|billion|trillion|mn|bn)(?!{_L})", re.I)
_BIG_SCALE_AFTER = regex(rf"\s+(thousand|million|billion|trillion)(?!{_L})", re.I)
_PLUS_AFTER = regex(rf"\+|-plus(?!{_L})", re.I)
_PERCENT_AFTER = regex(rf"\s?%|(?:\s+|-)(?:percent|per\s?cent|pct)(?!{_L})", re.I)
_CURRENCY_AFTER = regex(
    rf"\s+(US\s+dollars?|dollars?|euros?|USD|EUR|GBP|pounds\s+sterling)(?!{_L})", re.I
)
_UNIT_AFTER = regex(
    rf"(?:\s+|-)(miles?|kms?|kilomet(?:re|er)s?|met(?:re|er)s?|m|kgs?|kilogram(?:me)?s?"
    rf"|tonnes?|tons?)(?!{_L})",
    re.I,
)
_POST_HEDGE = regex(
    rf"\s+(?:or\s+(more|above|over|so|fewer|less|under)|and\s+(over|above))(?!{_L})", re.I
)
_CURRENCY_BEFORE = regex(rf"(?:(?<!{_L})(US\s?\$|USD|EUR|GBP)|([$€£]))\s?\Z", re.I)


def _hedge_alternation() -> str:
    pairs = [(w, h) for h, words in HEDGE_WORDS.items() for w in words]
    pairs.sort(key=lambda p: -len(p[0]))
    return "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w, _ in pairs)


_HEDGE_BEFORE = regex(rf"(?<![^\W_])(?:{_hedge_alternation()})\s*\Z", re.I)
_HEDGE_OF = {w: h for h, words in HEDGE_WORDS.items() for w in words}
_POST_HEDGE_OF = {"more": "atleast", "above": "atleast", "over": "atleast", "so": "about",
                  "fewer": "atmost", "less": "atmost", "under": "atmost"}  # fmt: skip

_WINDOW = 40  # characters looked back for a hedge or currency sign


# --- number words ---------------------------------------------------------------------


def _read_words(text: str, start: int, end: int, first: str) -> tuple[int, int, int] | None:
    """Read an English number phrase whose first word (lowercased) is `first` at [start, end).

    Returns (value, end offset, words read) or None. Greedy and one word of look-ahead
    at most ("and" must be followed by a number word), so the scan is linear.
    """
    total = 0  # completed scale groups
    group = 0  # the group below the last scale word
    has_hundred = sub_tens = sub_unit = False
    last_scale = 10**15
    words = 1
    if first in ("a", "an"):
        nxt = _NEXT_WORD.match(text, end)
        if not nxt or nxt.group(1) == "-" or nxt.group(2).lower() not in _AFTER_A:
            return None
        group, last = 1, "a"
    elif first == "zero":
        return 0, end, 1
    elif first in _UNITS:
        group, last, sub_unit = _UNITS[first], "unit", True
    elif first in _TEENS:
        group, last, sub_unit = _TEENS[first], "teen", True
    elif first in _TENS:
        group, last, sub_tens = _TENS[first], "tens", True
    else:
        return None
    pos = end
    while True:
        m = _NEXT_WORD.match(text, pos)
        if not m:
            break
        w = m.group(2).lower()
        if w == "and":
            if last not in ("hundred", "scale"):
                break
            m2 = _NEXT_WORD.match(text, m.end())
            if not m2 or m2.group(2).lower() not in _SUB_HUNDRED:
                break
            m, w = m2, m2.group(2).lower()
            words += 1
        if w in _UNITS:
            if sub_unit or last not in ("tens", "hundred", "scale"):
                break
            group += _UNITS[w]
            sub_unit, last = True, "unit"
        elif w in _TEENS or w in _TENS:
            if sub_unit or sub_tens or last not in ("hundred", "scale"):
                break
            if w in _TEENS:
                group += _TEENS[w]
                sub_unit, last = True, "teen"
            else:
                group += _TENS[w]
                sub_tens, last = True, "tens"
        elif w == "hundred":
            if has_hundred or sub_tens or last not in ("unit", "teen", "a") or not 0 < group < 20:
                break
            group *= 100
            has_hundred, sub_unit, last = True, False, "hundred"
        elif w in _SCALES:
            scale = _SCALES[w]
            if group <= 0 or scale >= last_scale or last == "scale":
                break
            total += group * scale
            group, last_scale, last = 0, scale, "scale"
            has_hundred = sub_tens = sub_unit = False
        elif w == "dozen":
            if total or has_hundred or sub_tens or last not in ("unit", "teen", "a"):
                break
            group *= 12
            words += 1
            end, last = m.end(), "dozen"
            break
        else:
            break
        words += 1
        end = pos = m.end()
    if last == "a":
        return None
    return total + group, end, words


def words_to_int(text: str) -> int | None:
    """The integer an English number phrase names ("one hundred and fifty-two" -> 152).

    Accepts "and" or not, hyphens or spaces, any case, and "a hundred" / "a dozen";
    None when the whole text is not one number phrase.
    """
    s = text.replace(",", " ").strip()
    m = _LETTERS.match(s)
    if not m:
        return None
    res = _read_words(s, 0, m.end(), m.group().lower())
    if res is None or res[1] != len(s):
        return None
    return res[0]


def _under_hundred(n: int) -> str:
    if n < 10:
        return _UNIT_WORDS[n]
    if n < 20:
        return _TEEN_WORDS[n - 10]
    tens, unit = divmod(n, 10)
    return _TENS_WORDS[tens] + (f"-{_UNIT_WORDS[unit]}" if unit else "")


def _under_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    parts = []
    if hundreds:
        parts.append(f"{_UNIT_WORDS[hundreds]} hundred")
    if rest:
        parts.append(("and " if hundreds else "") + _under_hundred(rest))
    return " ".join(parts)


_UNIT_WORDS = ("zero", *_UNITS)
_TEEN_WORDS = tuple(_TEENS)
_TENS_WORDS = ("", "", *_TENS)


def int_to_words(n: int) -> str:
    """British English words for 0 <= n <= 10**12: 152 -> "one hundred and fifty-two".

    Used to match a number written in words and to spell corrections the same way.
    """
    if not 0 <= n <= 10**12:
        raise ValueError(f"out of range: {n}")
    if n == 0:
        return "zero"
    parts = []
    for scale, name in ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand")):
        count, n = divmod(n, scale)
        if count:
            parts.append(f"{_under_thousand(count)} {name}")
    if n:
        parts.append(("and " if parts and n < 100 else "") + _under_thousand(n))
    return " ".join(parts)


# --- reading quantities ---------------------------------------------------------------


def _digit_pieces(m: re.Match[str]) -> list[tuple[int, int, str]]:
    """The numbers in a run of digits, commas and dots: one if well formed ("60,000"),
    else the comma-separated parts that are ("2018,152" -> 2018, 152; "1.1.1" -> none)."""
    run = m.group()
    if _VALID_DIGITS.fullmatch(run):
        return [(m.start(), m.end(), run)]
    pieces = []
    offset = m.start()
    for part in run.split(","):
        if part.count(".") <= 1:
            pieces.append((offset, offset + len(part), part))
        offset += len(part) + 1
    return pieces


class _Reader:
    """One pass over a text; holds the date spans to skip and the last quantity's end."""

    def __init__(self, text: str) -> None:
        # imported at call time: module level imports only the stdlib and models
        from gcmcheck.analysis.dates import find_dates, is_code_prefix

        self.is_code_prefix = is_code_prefix
        self.text = text
        self.dates = [(d.start, d.end) for d in find_dates(text)]
        self.date_index = 0
        self.prev_end = 0
        self.out: list[Quantity] = []

    def _in_date(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps a date: a day or year is never a quantity."""
        dates, i = self.dates, self.date_index
        while i < len(dates) and dates[i][1] <= start:
            i += 1
        self.date_index = i  # candidates arrive in order, so the index only moves forward
        return i < len(dates) and dates[i][0] < end

    def read(self) -> list[Quantity]:
        text, pos = self.text, 0
        while True:
            m = _CORE.search(text, pos)
            if not m:
                break
            pos = m.end()
            if m.group()[0] in "0123456789":
                for s, e, raw in _digit_pieces(m):
                    pos = max(pos, self._digits(s, e, raw))
                continue
            first = m.group().lower()
            if first in _SUB_HUNDRED or first in ("a", "an", "zero"):
                res = _read_words(text, m.start(), m.end(), first)
                if res is not None:
                    value, end, words = res
                    pos = max(pos, end, self._finish(m.start(), end, Decimal(value), words=words))
        return self.out

    def _digits(self, s: int, e: int, raw: str) -> int:
        """Read the number at [s, e); return how far the text was consumed."""
        text = self.text
        if self.is_code_prefix(text, s):
            return e  # "G20", "COVID-19"
        if s > 0 and text[s - 1] in "/:" and s > 1 and text[s - 2].isdigit():
            return e
        if text[e : e + 1] in ("/", ":") and text[e + 1 : e + 2].isdigit():
            return e  # "1/2", "10:30"
        if s > 0 and text[s - 1] in "@_#/\\" or text[e : e + 1] in ("@", "_"):
            return e  # part of an address, a path or a handle
        digits = raw.replace(",", "")
        if len(digits.partition(".")[0]) > 15:
            return e  # an identifier or phone number, not an amount
        return self._finish(s, e, Decimal(digits), raw=raw)

    def _finish(self, s: int, e: int, value: Decimal, *, raw: str = "", words: int = 0) -> int:
        """Attach scale, unit, currency and hedges to the number at [s, e) and keep it if
        it is a quantity; return the end of what was consumed."""
        text = self.text
        end = e
        scale = 1
        hedge = ""
        kind = "count"
        unit = ""
        stop = False  # glued to a capitalised word ("2017The"): nothing more attaches
        if words:
            nxt = _NEXT_WORD.match(text, end)
            if nxt and nxt.group(2).lower() in _ORDINAL_AFTER:
                return nxt.end()  # "twenty-first", "two-thirds"
            if nxt and nxt.group(2).lower() == "and":
                nxt2 = _NEXT_WORD.match(text, nxt.end())
                if nxt2 and nxt2.group(2).lower() in _ORDINAL_AFTER:
                    return nxt2.end()  # "one hundred and first"
        else:
            glued = _LETTERS.match(text, end)
            if glued:
                word = glued.group()
                low = word.lower()
                if low in ("st", "nd", "rd", "th", "s"):
                    return glued.end()  # ordinal or decade
                if low in _GLUED_SCALE:
                    scale, end = _GLUED_SCALE[low], glued.end()
                elif low in _UNIT_NAMES:
                    kind, unit, end = "measure", _UNIT_NAMES[low], glued.end()
                elif low == "pct":
                    kind, unit, end = "percent", "%", glued.end()
                elif word[0].isupper():
                    stop = True
                else:
                    return glued.end()  # glued to an unknown lowercase word: a code
            if scale == 1 and kind == "count" and not glued:
                sm = _SCALE_AFTER.match(text, end)
                if sm:
                    scale, end = _SPACED_SCALE[sm.group(1).lower()], sm.end()
                    if scale == 100:
                        big = _BIG_SCALE_AFTER.match(text, end)
                        if big:
                            scale, end = 100 * _SCALES[big.group(1).lower()], big.end()
        currency = ""
        cb = _CURRENCY_BEFORE.search(text, max(self.prev_end, s - 6), s)
        if cb:
            currency = _currency_code(cb.group(1) or cb.group(2))
        if not stop:
            pm = _PLUS_AFTER.match(text, end)
            if pm:
                hedge, end = "atleast", pm.end()
            if kind == "count":
                pm = _PERCENT_AFTER.match(text, end)
                if pm:
                    kind, unit, end = "percent", "%", pm.end()
            if kind == "count" and not currency:
                cm = _CURRENCY_AFTER.match(text, end)
                if cm:
                    currency, end = _currency_code(cm.group(1)), cm.end()
            if kind == "count":
                um = _UNIT_AFTER.match(text, end)
                if um:
                    name = _UNIT_NAMES[um.group(1).lower()]
                    if name == "m" and currency and scale == 1:
                        scale, end = 10**6, um.end()  # "$7 m"
                    elif not currency:
                        kind, unit, end = "measure", name, um.end()
            ph = _POST_HEDGE.match(text, end)
            if ph:
                hedge, end = _POST_HEDGE_OF[(ph.group(1) or ph.group(2)).lower()], ph.end()
        if currency and kind == "count":
            kind, unit = "money", currency
        start = cb.start() if cb and kind == "money" else s
        hm = _HEDGE_BEFORE.search(text, max(self.prev_end, start - _WINDOW), start)
        if hm:
            hedge = _HEDGE_OF[" ".join(hm.group().split()).lower()]
            start = hm.start()
        # what is not a quantity
        if words == 1 and value == 1 and kind == "count" and not hedge:
            return end  # bare "one"
        if (
            not words
            and len(raw) == 4
            and raw.isdigit()
            and 1000 <= int(raw) <= 2999
            and scale == 1
            and kind == "count"
            and not text[e : e + 1] == "+"
        ):
            return e  # a year
        if self._in_date(s, end):
            return e
        self.out.append(
            Quantity(
                value=float(value * scale),
                kind=kind,
                unit=unit,
                hedge=hedge,
                start=start,
                end=end,
                text=text[start:end],
            )
        )
        self.prev_end = end
        return end


def _currency_code(token: str) -> str:
    """ISO code for a currency sign or word as matched ("US$", "dollars", "€", "£")."""
    t = "".join(token.split()).upper()
    if t in ("$", "US$", "USD", "DOLLAR", "DOLLARS", "USDOLLAR", "USDOLLARS"):
        return "USD"
    if t in ("€", "EUR", "EURO", "EUROS"):
        return "EUR"
    return "GBP"  # £, GBP, pounds sterling


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in text, sorted by start and non-overlapping (see the module rules).

    Offsets index into text; Quantity.text is the exact span, hedge and unit included.
    Calls dates.find_dates first so that days and years are never read as counts.
    """
    return _Reader(text).read()


# --- comparing ------------------------------------------------------------------------


def bounds(q: Quantity) -> tuple[float, float, bool, bool]:
    """The interval q stands for: (low, high, low inclusive, high inclusive), per HEDGE_BOUNDS."""
    lf, hf, lo_inc, hi_inc = HEDGE_BOUNDS.get(q.hedge, HEDGE_BOUNDS[""])
    v = q.value
    low, high = lf * v, hf * v
    if v == 0 and q.hedge in ("more", "atleast"):
        high = math.inf
    if low > high:  # negative values flip the interval
        low, high, lo_inc, hi_inc = high, low, hi_inc, lo_inc
    return low, high, lo_inc, hi_inc


def _compatible(a: Quantity, b: Quantity) -> bool:
    if a.kind == b.kind:
        return a.kind not in ("money", "measure") or a.unit == b.unit
    return "count" in (a.kind, b.kind) and "percent" not in (a.kind, b.kind)


def quantities_agree(stated: Quantity, sourced: Quantity) -> bool:
    """Whether a stated quantity fits a sourced one: compatible kinds and units, and
    intersecting intervals (open ends respected, relative epsilon 1e-9)."""
    if not _compatible(stated, sourced):
        return False
    a_lo, a_hi, a_lo_inc, a_hi_inc = bounds(stated)
    b_lo, b_hi, b_lo_inc, b_hi_inc = bounds(sourced)
    eps = 1e-9 * max(abs(a_lo), abs(b_lo), 1e-300)
    if math.isfinite(a_hi) and math.isfinite(b_hi):
        eps = 1e-9 * max(abs(a_lo), abs(a_hi), abs(b_lo), abs(b_hi), 1e-300)
    lo, lo_inc = _pick(a_lo, a_lo_inc, b_lo, b_lo_inc, eps, larger=True)
    hi, hi_inc = _pick(a_hi, a_hi_inc, b_hi, b_hi_inc, eps, larger=False)
    if hi - lo > eps:
        return True
    if abs(hi - lo) <= eps:
        return lo_inc and hi_inc
    return False


def _pick(x: float, x_inc: bool, y: float, y_inc: bool, eps: float, *, larger: bool) -> tuple[float, bool]:
    """The tighter of two bounds; on a tie (within eps) it is closed only if both are."""
    if abs(x - y) <= eps:
        return (max(x, y) if larger else min(x, y)), x_inc and y_inc
    if (x > y) == larger:
        return x, x_inc
    return y, y_inc


# --- formatting -----------------------------------------------------------------------


def _plain(x: float) -> str:
    if abs(x - round(x)) <= 1e-9 * max(1.0, abs(x)):
        return f"{int(round(x)):,}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


def _format_number(v: float) -> str:
    """152 -> "152", 60000 -> "60,000", 272e6 -> "272 million", 1.2e9 -> "1.2 billion"."""
    for name, scale in (("trillion", 1e12), ("billion", 1e9), ("million", 1e6)):
        if abs(v) >= scale:
            mantissa = v / scale
            if abs(mantissa * 1000 - round(mantissa * 1000)) <= 1e-6 and abs(mantissa) < 1000:
                return f"{_plain(round(mantissa, 3))} {name}"
            break
    return _plain(v)


def format_quantity(q: Quantity) -> str:
    """A short human form for messages: "60,000", "3.5%", "$7 million", "more than 60,000"."""
    num = _format_number(q.value)
    if q.kind == "percent":
        body = f"{num}%"
    elif q.kind == "money":
        symbol = _CURRENCY_SYMBOL.get(q.unit)
        body = f"{symbol}{num}" if symbol else f"{num} {q.unit}".strip()
    elif q.kind == "measure" and q.unit:
        unit = q.unit if q.value == 1 else _PLURAL_UNITS.get(q.unit, q.unit)
        body = f"{num} {unit}"
    else:
        body = num
    phrase = _HEDGE_PHRASE.get(q.hedge, "")
    return f"{phrase} {body}" if phrase else body


_FRACTIONS = {
    "half": 50.0, "a half": 50.0, "one half": 50.0,
    "a third": 100 / 3, "one third": 100 / 3, "one-third": 100 / 3, "two thirds": 200 / 3, "two-thirds": 200 / 3,
    "a quarter": 25.0, "one quarter": 25.0, "one-quarter": 25.0, "three quarters": 75.0, "three-quarters": 75.0,
    "a fifth": 20.0, "one fifth": 20.0, "one-fifth": 20.0, "a tenth": 10.0, "one tenth": 10.0,
}
_FRACTION_RE = regex(
    r"(?<![\w-])(?:(?P<hedge>about|around|roughly|nearly|almost|some|over|more than|less than|just over|just under)\s+)?"
    r"(?P<frac>" + "|".join(sorted((re.escape(k) for k in _FRACTIONS), key=len, reverse=True)) + r")"
    r"\s+of\b",
    re.IGNORECASE,
)
_FRACTION_HEDGE = {"about": "about", "around": "about", "roughly": "about", "some": "about", "nearly": "nearly",
                   "almost": "nearly", "over": "more", "more than": "more", "just over": "more",
                   "less than": "less", "just under": "less"}


def as_ratios(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Counts paired as "one in 30", "three in four", "1 out of every 30" become the
    share they state, as an approximate percentage: "about one in 30 people" is
    about 3.3 per cent, not a count of one and a count of thirty."""
    out: list[Quantity] = []
    for q in quantities:
        prev = out[-1] if out else None
        if (
            prev is not None and prev.kind == "count" and q.kind == "count" and q.hedge == ""
            and 0 < prev.value < q.value and _RATIO_LINK_RE.fullmatch(text, prev.end, q.start)
        ):
            share = Quantity(100 * prev.value / q.value, "percent", "%", prev.hedge if prev.hedge not in ("", "exact") else "about",
                             prev.start, q.end, text[prev.start : q.end])
            out[-1] = share
            continue
        out.append(q)
    return out


_RATIO_LINK_RE = regex(r"\s+(?:in|out\s+of)\s+(?:every\s+)?", re.IGNORECASE)
_PERIOD_PART_RE = regex(r"\b(?:first|second|third|last|final|latter|former|early|late)\s+$", re.IGNORECASE)
_PERIOD_OF_RE = regex(r"\s+(?:the\s+)?(?:\d{4}|year|decade|century|month|week|term|session)\b", re.IGNORECASE)


def find_fractions(text: str) -> list[Quantity]:
    """Shares written as words ("about a third of", "two-thirds of"), read as
    percentages; a bare fraction is approximate. ("A majority" is open-ended: no value.)"""
    found: list[Quantity] = []
    for m in _FRACTION_RE.finditer(text):
        if _PERIOD_PART_RE.search(text, max(0, m.start() - 12), m.start()) or _PERIOD_OF_RE.match(text, m.end()):
            continue  # "the first half of 2022" is a period, not a share
        frac = m.group("frac").lower()
        hedge = _FRACTION_HEDGE.get((m.group("hedge") or "").lower(), "about")
        found.append(Quantity(_FRACTIONS[frac], "percent", "%", hedge, m.start(), m.end("frac"), text[m.start() : m.end("frac")]))
    return found
