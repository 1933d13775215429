"""Tokens with exact offsets: the unit every reading rule works on.

Words keep inner apostrophes, hyphens and dots ("non-binding", "U.N.", "Member's");
the clitics "n't", "'s" and "'ll" are split off so that negation and the future are
seen as words. Offsets index the original text, so every fact can be pointed at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD, NUMBER, QUOTE, PUNCT = "word", "number", "quote", "punct"

_TOKEN_RE = re.compile(
    r"(?P<number>\d[\d,.]*\d%?|\d%?)"
    r"|(?P<word>[^\W\d_](?:[\w\u2019'.&-]*[^\W_])?(?:(?<=[sS])['\u2019](?![^\W\d_]))?)"
    r"|(?P<quote>[\"\u201c\u201d\u201e\u00ab\u00bb]|(?<![^\W\d_])['\u2018\u2019]|['\u2018\u2019](?![^\W\d_]))"
    r"|(?P<punct>[^\w\s])",
)
_CLITIC_RE = re.compile(r"(?i)(n['\u2019]t|['\u2019](?:s|ll|re|ve|d))$")


@dataclass(frozen=True, slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: str  # WORD, NUMBER, QUOTE or PUNCT
    lower: str = ""  # the text in lower case, with typographic apostrophes made plain


def _token(text: str, start: int, end: int, kind: str) -> Token:
    return Token(text, start, end, kind, text.lower().replace("\u2019", "'"))


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; never raises."""
    tokens: list[Token] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or PUNCT
        start, end = m.span()
        if kind == WORD:
            clitic = _CLITIC_RE.search(m.group())
            if clitic and clitic.start() > 0:
                cut = start + clitic.start()
                tokens.append(_token(text[start:cut], start, cut, WORD))
                tokens.append(_token(text[cut:end], cut, end, WORD))
                continue
        tokens.append(_token(text[start:end], start, end, kind))
    return tokens
