"""Names given a one-holder claim's part: the holder of a post ("Louise Arbour, the
Special Representative …", "Vitorino leads IOM") or the doer of an act ("a statement
signed by X", "pulled out under President X", "…," X said).

Why a module of its own: a closed list of one is a post or an act, and a statement
gives someone that part only in a few grammatical ways; reading them here keeps the
checker to choosing claims and facts. Only names given the part are tested against
the holder, so "X said the compact was a landmark" is never judged by a quote of Y.
"""

from __future__ import annotations

import re
from functools import lru_cache

from gcmcheck.analysis import language as lang
from gcmcheck.analysis.lexicon import ENTITY, NAME
from gcmcheck.engine.compiled import CompiledClaim
from gcmcheck.models import Analysis, Mention
from gcmcheck.reader.clauses import read
from gcmcheck.regex_cache import regex

POST_TITLE_SHARE = 0.75  # share of a title's words the claim must word the same

# "the Secretary-General's Special Representative" names someone else's post, but
# "the Executive Committee's members" names the list itself
POSSESSIVE_RE = regex(r"(?:['\u2019]s\b|['\u2019](?!\w))(?!\s+(?:\w+\s+)?members?\b)")
_POSSESSIVE_S_RE = regex(r"['\u2019]s\b")
# "X, the <title>," / "X, who is the <title>" / "X is (the) <title>": the title runs to
# the next pause
_POST_LINK_RE = regex(
    r"\s*(?:,\s*(?:who\s+(?:is|was)\s+)?|\s+(?:is|was|has been|remains|became)\s+)(?:the\s+)?(?P<title>[^,.;:()\u2014]{3,120})",
    re.IGNORECASE,
)


def given_the_part(s: Analysis, c: CompiledClaim, background: frozenset[str]) -> frozenset[str]:
    """Names the statement gives the part of the claim's one holder (see
    _does_the_act), or a post in apposition or with "is": "Louise Arbour, the
    Secretary-General's Special Representative for International Migration, said",
    when the claim is that post's holder (a closed list of one) and the title is
    worded as the claim words it; or said to head what the claim's head post is
    of ("Vitorino leads IOM")."""
    if len(c.members) != 1 or not c.claim.closed:
        return frozenset()
    apposed = set()
    heads = bool(lang.HEAD_TITLE_RE.search(c.claim.statement))
    starts = {m.start: m for m in s.mentions}
    for m in s.mentions:
        if m.kind not in (ENTITY, NAME) or m.id in background:
            continue
        link = _POST_LINK_RE.match(s.text, m.end)
        if link:
            # names in the title count as themselves: "Director General of the
            # International Organization for Migration" is "Director General of IOM"
            t_start, t_end = link.span("title")
            inside = [n for n in s.mentions if t_start <= n.start and n.end <= t_end and n.kind == ENTITY]
            words = list(s.text[t_start:t_end])
            for n in inside:
                words[n.start - t_start : n.end - t_start] = " " * (n.end - n.start)
            title = lang.keywords(_POSSESSIVE_S_RE.sub("", "".join(words))) | {n.id for n in inside}
            shared = (title & c.keywords) | {n.id for n in inside if n.id in c.names}
            if len(shared) >= 2 and len(shared) >= POST_TITLE_SHARE * len(title):
                apposed.add(m.id)
                continue
        # "Vitorino leads IOM": the holder of the head post of what is named (not
        # "leads IOM's work")
        verb = lang.HEADS_RE.match(s.text, m.end) if heads else None
        body = starts.get(verb.end()) if verb else None
        if (
            body is not None and body.id in c.names and body.id not in c.members
            and not POSSESSIVE_RE.match(s.text, body.end)
        ):
            apposed.add(m.id)
            continue
        if (m.id not in c.names or m.id in c.members) and _does_the_act(s, m, c):
            apposed.add(m.id)
    return frozenset(apposed)


def _does_the_act(s: Analysis, m: Mention, c: CompiledClaim) -> bool:
    """Whether the statement gives m the part the claim gives its one holder:
    the doer of the same act ("a statement signed by X", "X signed the statement"
    against "Tillerson signed the statement"), or the one under whom the same
    side was taken ("pulled out under President X" against "withdrew under
    President Trump"). The statement must share the claim's other words too."""
    link = _holder_link(c)
    if link is None:
        return False
    kind, act, topic = link
    text = s.text
    if kind == "under":
        if not _UNDER_BEFORE_RE.search(text, read(text).start_before(m.start, 5), m.start):
            return False
        # the same side of the same party is the same act: no other words needed
        return bool({(st.entity, st.role) for st in c.primary.stances} & {(st.entity, st.role) for st in s.stances})
    by = _BY_BEFORE_RE.search(text, read(text).start_before(m.start, HOLDER_REACH), m.start)
    after = _WORD_AFTER_RE.match(text, m.end)
    said = _SPEECH_BEFORE_RE.search(text, read(text).start_before(m.start, HOLDER_REACH), m.start)  # "…, said Louise Arbour"
    acts = [w.group("act") for w in (by, after, said) if w]
    if not any(_act_of(a) == act for a in acts):
        return False
    return len(s.keywords & topic) >= ACT_SHARED_WORDS


# words back from a holder's name to the verb that links it: "signed by then Secretary-General of the UN"
HOLDER_REACH = 10
ACT_SHARED_WORDS = 2  # words of the claim's topic (not its act or holder) a doer's statement shares

# the word that links a one-holder claim's holder to its act: "under President X",
# "signed by X", "X signed"
_UNDER_BEFORE_RE = regex(r"\bunder\s+(?:(?:then|former|late)[-\s]+)?(?:the\s+)?\Z", re.IGNORECASE)
_BY_BEFORE_RE = regex(r"(?P<act>[^\W\d_]+)\s+by\s+(?:(?:then|former)[-\s]+)?(?:the\s+)?(?:[A-Z][\w.\u2019'-]*\s+(?:of\s+)?){0,4}\Z")
_WORD_AFTER_RE = regex(r"\s+(?P<act>[^\W\d_]+)")
_SAYING = frozenset({"<say>"})  # verbs of saying are one act: who said it is the fact
_SPEECH_BEFORE_RE = regex(
    r"\b(?P<act>said|says|told|warned|added|stated|declared)\s+(?:(?:then|former)[-\s]+)?(?:[A-Z][\w.\u2019'-]*\s+(?:of\s+)?){0,4}\Z"
)


def _act_of(word: str) -> frozenset[str]:
    return _SAYING if word.lower() in lang.SPEECH_VERBS else lang.keywords(word)


_Link = tuple[str, frozenset[str], frozenset[str]]


@lru_cache(maxsize=None)
def _holder_link_of(statement: str, holder_spans: tuple[tuple[int, int], ...]) -> _Link | None:
    for start, end in holder_spans:
        rest = lang.keywords(f"{statement[:start]} {statement[end:]}")
        if _UNDER_BEFORE_RE.search(statement, read(statement).start_before(start, 5), start):
            return "under", frozenset(), rest
        for link in (_BY_BEFORE_RE.search(statement, read(statement).start_before(start, HOLDER_REACH), start), _WORD_AFTER_RE.match(statement, end)):
            if link and link.group("act").lower() not in lang.COPULAS:
                act = _act_of(link.group("act"))
                if act:
                    return "act", act, rest - lang.keywords(link.group("act"))
    return None


def _holder_link(c: CompiledClaim) -> _Link | None:
    """How the claim ties its one holder to what it says: ("under", -, topic) when the
    holder is the one under whom it was done; ("act", stems of the verb, topic) when
    the holder does it; None for a post ("X is the Director General") or a claim
    without one holder. The topic is the claim's words besides the holder and act."""
    spans = tuple((m.start, m.end) for m in c.primary.mentions if m.id in c.members)
    return _holder_link_of(c.primary.text, spans) if spans else None
