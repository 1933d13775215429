"""General English the analyser needs, whatever the topic: stance verbs, negation,
legal force, stop words and a light stemmer.

Domain words (the compact's names, events, countries) never belong here; they come
from the table's lexicon (see gcmcheck.analysis.lexicon).
"""

from __future__ import annotations

import re
from functools import lru_cache

from gcmcheck.regex_cache import regex

# Roles a party can take on a decision. "against" covers every way of staying out:
# voting no, rejecting, withdrawing, holding out, refusing or failing to sign.
# "pending" is a step not taken yet ("has yet to sign", "had not yet signed"): no
# side at all, so it neither confirms nor refutes one.
FOR, AGAINST, ABSTAIN, PENDING = "for", "against", "abstain", "pending"

_ROLE_PHRASES: dict[str, tuple[str, ...]] = {
    ABSTAIN: (
        r"abstain(?:ed|ing|s)?",
        r"abstentions?",
        r"did(?: not|n't) (?:take part in the )?vote(?! (?:for|in favou?r|against|yes|no)\b)",
    ),
    AGAINST: (
        r"le(?:ad|ads|d|ading) (?:the )?(?:opposition|resistance|holdouts|charge against|campaign against)",
        r"said no(?: to)?",
        r"(?:rejected|turned down|refused)",
        r"vot(?:ed|ing|es?) against",
        r"vot(?:ed|ing|es?) no",
        r"no votes?",
        r"votes? against",
        r"reject(?:ed|ing|s|ion)?",
        r"oppos(?:ed|ing|es?|ition)",
        r"opponents?",
        r"withdr(?:ew|awn|awal|aw|awing|aws)",
        r"pull(?:ed|ing|s)? out",
        r"pull(?:ed|ing|s)? (?:the |its )?(?:[A-Z][\w.'\u2019-]*\s+){1,3}out of",
        r"took (?:the |its )?(?:[A-Z][\w.'\u2019-]*\s+){1,3}out of",
        r"walk(?:ed|ing|s)? (?:away|out)",
        r"h[eo]ld(?:ing|s)? out",
        r"holdouts?",
        r"refus(?:ed|ing|es?|al)",
        r"declin(?:ed|ing|es?)",
        r"fail(?:ed|ing|s)? to (?:sign|agree|approve|adopt|back|endorse|ratify)",
        r"boycott(?:ed|ing|s)?",
        r"spurn(?:ed|ing|s)?",
        r"snubb?(?:ed|ing|s)?",
        r"quit(?:s|ting)?",
        r"dissociat(?:ed|ing|es?)",
        r"stay(?:ed|ing|s)? (?:away|out)",
        r"vot(?:ed|ing|es?) down",
        r"shun(?:ned|ning|s)?",
        r"discard(?:ed|ing|s)?",
        r"ditch(?:ed|ing|es)?",
        r"scrap(?:ped|ping|s)?",
        r"turn(?:ed|ing|s)? (?:its|their)? ?backs? on",
        r"den(?:ounced|ounces|ouncing)",
        r"against",
    ),
    FOR: (
        # longer phrases first: at one place the first alternative that matches wins
        r"sign(?:ed|ing|s)? off on",
        r"sign(?:ed|ing|s)? on(?: to)?",
        r"rubber[- ]stamp(?:ed|ing|s)?",
        r"green[- ]light(?:ed|ing|s)?",
        r"gave (?:it|the \w+|its) (?:its |their )?(?:blessing|approval|backing|support)",
        r"g(?:ive|ives|iving) (?:it|the \w+|its) (?:its |their )?(?:blessing|approval|backing|support)",
        r"okay(?:ed|ing|s)?",
        r"said yes to",
        r"vot(?:ed|ing|es?) to (?:adopt|approve|endorse|back|support)",
        r"affirm(?:ed|ing|s)?",
        r"vot(?:ed|ing|es?) (?:for|in favou?r(?: of)?|yes)",
        r"yes votes?",
        r"votes? (?:for|in favou?r)",
        r"in favou?r(?: of)?",
        r"back(?:ed|ing|s)?",
        r"support(?:ed|ing|s|ers?)?",
        r"approv(?:ed|ing|es?|al)",
        r"endors(?:ed|ing|es?|ement)",
        r"adopt(?:ed|ing|s|ion)?",
        r"agree(?:d|s|ing)? (?:to|on|with)",
        r"sign(?:ed|ing|s)?(?: up)?(?: to| on to)?",
        r"signator(?:y|ies)",
        r"ratif(?:ied|ies|y|ying)",
        r"accept(?:ed|ing|s)?",
        r"embrac(?:ed|ing|es?)",
        r"join(?:ed|ing|s)?",
        r"final[iy]s(?:ed|ing|es?)",
        r"final[iy]z(?:ed|ing|es?)",
        r"proponents?",
        r"welcom(?:ed|ing|es?)",
    ),
}

ROLE_RE = regex(
    "|".join(
        rf"(?P<{role}_{i}>\b(?:{p})\b)"
        for role, phrases in _ROLE_PHRASES.items()
        for i, p in enumerate(phrases)
    ),
    re.IGNORECASE,
)


def _leading_literals(pattern: str) -> set[str]:
    """What every match of pattern starts with (up to three letters, lower case): its
    leading literal, or each alternative's when it opens with a group of them."""
    if pattern.startswith("(?:"):
        depth, alternatives, piece = 0, [], ""
        for i, ch in enumerate(pattern[3:], 3):
            if ch == "\\":
                return {""}
            if ch == "(":
                depth += 1
            elif ch == ")" and depth:
                depth -= 1
            elif ch == ")":
                rest = pattern[i + 1 :]
                if rest[:1] in ("?", "*", "{"):  # an optional group: anything may start
                    return {""}
                # a wholly literal alternative runs on into what follows the group
                return {(_literal(a) + _literal(rest) if _literal(a, None) == a.lower() else _literal(a))[:3]
                        for a in (*alternatives, piece)}
            elif ch == "|" and not depth:
                alternatives.append(piece)
                piece = ""
                continue
            piece += ch
        return {""}
    return {_literal(pattern)}


def _literal(pattern: str, limit: int | None = 3) -> str:
    """The literal text pattern opens with, lower case (the last letter of it is
    dropped when a quantifier follows)."""
    out = []
    for i, ch in enumerate(pattern):
        if ch in "([?*+.\\|{)":
            if ch in "?*{" and out:
                out.pop()
            break
        out.append(ch.lower())
    return "".join(out)[:limit]


# The first letters every stance phrase starts with: the analyser tries the big
# alternation only where a word starts with one of them (it is slow to try it
# at every character).
ROLE_PREFIXES: tuple[str, ...] = tuple(
    sorted({lit for phrases in _ROLE_PHRASES.values() for p in phrases for lit in _leading_literals(p)})
)
ROLE_WORD_START_RE = regex(r"\b(?:" + "|".join(re.escape(p) for p in ROLE_PREFIXES) + ")", re.IGNORECASE)


def find_roles(text: str) -> list[re.Match[str]]:
    """Every stance phrase in text, left to right, not overlapping."""
    found: list[re.Match[str]] = []
    end = 0
    for start in ROLE_WORD_START_RE.finditer(text):
        if start.start() < end:
            continue
        m = ROLE_RE.match(text, start.start())
        if m:
            found.append(m)
            end = m.end()
    return found


def opposite(role: str) -> str:
    """The other side (for <-> against); abstaining and pending have none."""
    return {FOR: AGAINST, AGAINST: FOR}.get(role, role)


def role_of(match: re.Match[str]) -> str:
    """The role named by a ROLE_RE match."""
    return (match.lastgroup or "").rsplit("_", 1)[0]


_YET_TO_RE = regex(r"\byet\s+to\s*$", re.IGNORECASE)
_NOT_YET_RE = regex(r"\b(?:yet|so\s+far|as\s+of\s+now|still)\b", re.IGNORECASE)
_YET_AFTER_RE = regex(r"\s+(?:(?:it|them|the\s+\w+)\s+)?yet\b", re.IGNORECASE)


def is_pending(role: str, negated: bool, phrase: str, before: str, text: str, end: int) -> bool:
    """Is a stance phrase a step not taken yet? "yet to sign"; a negated step or a
    failure to take it with "yet", "so far" or "still" ("had not yet signed", "have so
    far failed to sign", "has not signed it yet"). `before` is the text just before
    the phrase, `end` where the phrase ends in text."""
    if role == FOR and not negated and _YET_TO_RE.search(before):
        return True
    step_not_taken = (role == FOR and negated) or (role == AGAINST and phrase.lower().startswith("fail"))
    return step_not_taken and bool(_NOT_YET_RE.search(before) or _YET_AFTER_RE.match(text, end))


# Negators that flip a stance or legal force when they stand shortly before it.
NEGATION_RE = regex(
    r"\b(?:not|never|no longer|n't|neither|nor|without)\b|n't\b", re.IGNORECASE
)

# Legal force. Order matters: the negative forms are tried first.
NON_BINDING_RE = regex(
    r"\b(?:non|not|un)[-\s]?(?:legally[-\s])?binding\b"
    r"|\bnot\s+(?:legally\s+)?bound\b|\bno\s+legal(?:ly)?\s+(?:force|obligations?|binding)\b"
    r"|\b(?:not|no|never|without)\s+(?:[a-z]+\s+){0,3}?legal\s+(?:force|obligations?|effect)\b"
    r"|\blegally[-\s]non[-\s]?binding\b"
    r"|\bnon[-\s]?legally[-\s]binding\b"
    r"|\bunenforceable\b|\bvoluntary\b",
    re.IGNORECASE,
)
BINDING_RE = regex(r"\b(?:legally[-\s])?binding\b|\blegally\s+bound\b|\benforceable\b", re.IGNORECASE)

# Attribution: a name introduced by these is a speaker, not part of the fact.
# Hard boundaries a stance never crosses; lists of names run across commas and "and".
STANCE_BREAK_RE = regex(r"[;:()\u2014]")

# What a stance on the subject may name instead of it: its negotiations or process.
PROCESS_RE = regex(r"(?:talks|negotiations|process|conference|summit|deal|agreement|accord|pact)\b", re.IGNORECASE)

# What may stand between a transitive stance verb and its object: "voted in favour
# of the pact", "withdrew from the compact", "pulled out of the accord".
OBJECT_LEAD_RE = regex(
    r"\s*(?:(?:from|to|on|with|against|for|of|out of|in favou?r of|up to)\s+)?(?:(?:the|a|an|this|that|its|their|new)\s+)*"
    r"(?:(?:final\s+)?(?:text|wording|draft|terms)\s+of\s+(?:(?:the|this|that|its|their)\s+)?)?",  # "finalised the text of the pact"
    re.IGNORECASE,
)

# "all members except the United States finalised it": the exception took the other side.
# Nouns of time: a figure counting them sets the scene ("nine days later"); a later
# number does not count them by ellipsis.
TIME_NOUN_RE = regex(r"^(?:day|week|month|year|decade|hour|minute|time|centur)", re.IGNORECASE)

EXCEPT_RE = regex(
    r"\b(?:except(?:\s+for)?|other\s+than|apart\s+from|excluding|save\s+for|but\s+not|bar|barring|with\s+the\s+exception\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)

# Verbs of coming into being: their date is refuted by an earlier "since".
FOUNDING_RE = regex(r"\b(?:found(?:ed|ing)|establish(?:ed|ing)|creat(?:ed|ing)|set up|launch(?:ed|ing)|formed|born)\b", re.IGNORECASE)

# Words that say someone belongs to a group: "is a member of", "sits on", "one of".
MEMBERSHIP_RE = regex(
    r"\b(?:members?|sits? on|sat on|seats? on|belongs? to|part of|one of|among|includ(?:es?|ed|ing)|compris(?:es?|ed|ing)|consists? of|made up of)\b",
    re.IGNORECASE,
)

# Left out of a group defined by its side: "not among the countries that approved it".
NOT_AMONG_RE = regex(
    r"\b(?:not|never|n't)\s+(?:(?:been|be)\s+)?(?:among|one of|part of)\s[^,;.:()]{0,70}?\b(?:that|which|who)\s+(?:[a-z]+\s+)?$",
    re.IGNORECASE,
)

# Heading an organisation, as a verb ("Vitorino leads IOM") and as a title.
HEADS_RE = regex(
    r"(?:\s*,)?\s+(?:who\s+(?:now\s+|also\s+)?)?(?:heads|headed|leads|led|chairs|chaired|directs|directed|runs|ran|(?:is|was)\s+(?:the\s+)?head\s+of)\s+(?:the\s+)?",
    re.IGNORECASE,
)
HEAD_TITLE_RE = regex(
    r"\b(?:director[- ]general|executive director|director|chair(?:person|man|woman)?|president|head|"
    r"secretary[- ]general|coordinator|chief executive)\b",
    re.IGNORECASE,
)

NEGATED_MEMBERSHIP_RE = regex(
    r"\b(?:not|never|no longer|n't)\s+(?:(?:been|be|a|an|one|part|among|on)\s+)*(?:members?|part of|one of|among|on|sit on|belong)\b|\bnon-?members?\b"
    r"|\b(?:not|never|n't)\s+(?:\w+\s+)?(?:includ|contain|list|featur|count|nam)\w*|\bexclud\w*|\bleft out\b|\bleaves? out\b"
    r"|\babsent\b|\bmissing\b|\bomit(?:s|ted|ting)?\b|\black(?:s|ed|ing)?\b",
    re.IGNORECASE,
)

# Clause boundaries for attaching roles and events to values.
CLAUSE_BREAK_RE = regex(
    r"[;:()\u2014]|,\s+(?:while|whereas|but|and|with)\b|\b(?:while|whereas|but|although|though|however)\b",
    re.IGNORECASE,
)

WORD_RE = regex(r"[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F'\u2019.-]*[A-Za-z\u00C0-\u024F]|[A-Za-z\u00C0-\u024F]")

STOPWORDS = frozenset(
    """
    a about above across after again against all almost also although am among an and any are
    around as at be been before being below between both but by can could did do does doing done
    down during each either else even ever every few for from further had has have having he her
    here hers him his how however i if in into is it its itself just least less many may me might
    more most much must my nearly neither no nor not now of off often on once one only or other
    our ours out over own per quite rather roughly same she should since so some such than that the
    their theirs them then there these they this those through thus to too under until up upon us
    very was we were what when where whether which while who whom whose why will with within without
    would yet you your yours approximately estimated exactly just around
    """.split()
)

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

# Capitalised words that start sentences or titles without being names.
NOT_NAMES = STOPWORDS | MONTHS | WEEKDAYS | frozenset(
    """
    the a an this that these those it its there here in on at by for of from with as if when
    while though although however but and or so yet also even still only more most over some
    many several few all both each every no not nearly almost roughly around about approximately
    just among according mr mrs ms dr president secretary general minister chancellor prime
    january february read statement reference photo follow who what we our us
    """.split()
)


# Counted nouns that name the same thing in different words ("23 objectives", "23 goals").
NOUN_SYNONYMS = (
    "objective goal target aim",
    "entity agency organisation organization body",
    "border frontier boundary",
    "pledge contribution donation",
    "principle tenet",
    "death fatality",
    "population humanity",
)


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately light stemmer: enough to meet "voted"/"votes"/"voting" at "vot"."""
    w = word.lower().strip(".'\u2019-")
    if w.endswith("'s") or w.endswith("\u2019s"):
        w = w[:-2]
    # one spelling for British and American forms: finalised/finalized, favour/favor
    w = re.sub(r"(?<=\w{3})iz(?=e|ed|es|ing|ation)", "is", w)
    if len(w) > 5:
        w = re.sub(r"our(s?)$", r"or\1", w)
    for suffix in ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "es", "ed", "s"):
        # "bodies" -> "body", "parties" -> "party": "-ies" may leave a shorter stem
        if len(w) > len(suffix) + (2 if suffix in ("ies", "ied") else 3) and w.endswith(suffix):
            w = w[: -len(suffix)]
            if suffix in ("ies", "ied"):
                w += "y"
            break
    if len(w) >= 4 and w.endswith("e"):  # "vote" and "voted" meet at "vot"
        w = w[:-1]
    return w


def keywords(text: str) -> frozenset[str]:
    """Stemmed content words of text (no stop words, no numbers)."""
    return frozenset(
        stem(w) for w in WORD_RE.findall(text) if w.lower() not in STOPWORDS and len(w) > 1
    )


# Verbs that link rather than act, and verbs of saying (one act, whoever says it).
COPULAS = frozenset("is was are were has had have be been being will would".split())
SPEECH_VERBS = frozenset("said says say told tells warned warns added adds stated states declared declares".split())

# an event told as having happened: "was eventually held", "took place", "convened"
PAST_HAPPENING_RE = regex(
    r"\b(?:(?:was|were)\s+(?:\w+\s+)?(?:held|convened|staged)|took\s+place|convened|concluded|ended)\b", re.IGNORECASE
)

# a figure that is a rise or fall, not a level: "an increase of 51 million", "rose by"
CHANGE_BEFORE_RE = regex(
    r"\b(?:(?:an?\s+)?(?:increase|rise|growth|jump|drop|fall|decline|decrease)\s+of|(?:increased|rose|risen|grew|grown|"
    r"jumped|swelled|fell|fallen|dropped|declined|decreased|up|down)\s+by|,?\s*(?:(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)up|down))\s+"
    r"(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|an\s+estimated)\s+)?\Z",
    re.IGNORECASE,
)
# the same, written after the figure: "51 million more than in 2010"
CHANGE_AFTER_RE = regex(r"\s+(?:more|fewer|less|higher|lower)\s+than\b", re.IGNORECASE)
