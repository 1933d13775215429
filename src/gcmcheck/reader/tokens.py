"""Tokens with exact offsets: the unit every reading rule works on.

Words keep inner apostrophes, hyphens and dots ("non-binding", "U.N.", "Member's");
the clitics "n't", "'s" and "'ll" are split off so that negation and the future are
seen as words. Offsets index the original text, so every fact can be pointed at.
"""

from __future__ import annotations

from gcmcheck.regex_cache import regex

WORD, NUMBER, QUOTE, PUNCT = "word", "number", "quote", "punct"

_TOKEN_RE = regex(
    r"(?P<number>\d[\d,.]*\d%?|\d%?)"
    r"|(?P<word>[^\W\d_](?:[\w\u2019'.&-]*[^\W_])?(?:(?<=[sS])['\u2019](?![^\W\d_]))?)"
    r"|(?P<quote>[\"\u201c\u201d\u201e\u00ab\u00bb]|(?<![^\W\d_])['\u2018\u2019]|['\u2018\u2019](?![^\W\d_]))"
    r"|(?P<punct>[^\w\s])",
)
_CLITIC_RE = regex(r"(?i)(n['\u2019]t|['\u2019](?:s|ll|re|ve|d))$")


class Token:
    """One token with its offsets in the sentence. The reader's records are plain
    slotted classes: dataclasses cost a start-up gcmcheck cannot afford."""

    __slots__ = ("text", "start", "end", "kind", "lower")

    def __init__(self, text: str, start: int, end: int, kind: str, lower: str = "") -> None:
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind  # WORD, NUMBER, QUOTE or PUNCT
        self.lower = lower  # the text in lower case, with typographic apostrophes made plain

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end}, {self.kind!r})"


def _token(text: str, start: int, end: int, kind: str) -> Token:
    return Token(text, start, end, kind, text.lower().replace("\u2019", "'"))


def tokenize(text: str) -> list[Token]:
    """Split text into tokens; never raises."""
    tokens: list[Token] = []
    append = tokens.append
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup or PUNCT
        start, end = m.span()
        word = m.group()
        if kind == WORD and ("'" in word or "\u2019" in word):
            clitic = _CLITIC_RE.search(word)
            if clitic and clitic.start() > 0:
                cut = start + clitic.start()
                append(_token(text[start:cut], start, cut, WORD))
                append(_token(text[cut:end], cut, end, WORD))
                continue
        append(Token(word, start, end, kind, word.lower().replace("\u2019", "'")))
    return tokens
