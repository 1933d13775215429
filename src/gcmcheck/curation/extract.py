"""Draft claims from a new source: its check-worthy sentences as YAML stubs.

Growing the table starts with reading a source for the sentences that state
something a reader could get wrong: numbers, dates, votes, sides taken, legal force.
This module finds them with the same analyser the checker uses (so a stub's values
are exactly what a check will compare), ranks them, most check-worthy first, and
leaves out a web page's boilerplate: navigation menus, photo credits, contact lines,
"read more" links. Each stub quotes its sentence verbatim, so it validates as soon
as its id is filled in.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from gcmcheck.analysis.lexicon import Lexicon

NAVIGATION, PHOTO_CREDIT, CONTACT, LINKS = "navigation", "photo credit", "contact", "link or footer"

_TERMINAL = ".!?…:\"'”’)"
_PHOTO_RE = re.compile(
    r"^\s*(?:photo(?:graph)?s?|images?|pictures?|illustrations?|credits?|photo credits?|video)\s*(?:by\b|:|\||[-–—]\s)"
    r"|\b(?:Getty Images|Shutterstock|iStock(?:photo)?|AP Photo|EPA-EFE|Alamy)\b"
    r"|\b[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*)*\s*/\s*(?:AFP|AP|Reuters|EPA|Getty|Bloomberg|Xinhua|ANP|dpa|Anadolu)\b"
    r"|©",
    re.IGNORECASE,
)
_CONTACT_RE = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
    r"|^\s*(?:for (?:more|further) information|media (?:contact|enquiries|inquiries)|press (?:contact|office)|contact(?: us)?\b|enquiries|inquiries)"
    r"|\b(?:tel|phone|fax|mobile)\.?\s*[:+(]?\s*\+?\d",
    re.IGNORECASE,
)
_LINKS_RE = re.compile(
    r"^\s*(?:read more|related(?: articles| stories)?|see also|follow us|share(?: this)?|subscribe|sign up|click here|"
    r"tags?|topics?|all rights reserved|copyright|cookie|privacy policy|terms of use|back to top|advertisement)\b",
    re.IGNORECASE,
)
_MENU_SEPARATORS_RE = re.compile(r"\s(?:\||›|»|·|•)\s")
_OPENING_FILLER_RE = re.compile(
    r"^(?:but|and|so|however|meanwhile|also|in addition|moreover|furthermore|on the contrary|indeed|still)\b,?\s+",
    re.IGNORECASE,
)
_YAML_UNSAFE = re.compile("[^\\x09\\x0a\\x0d\\x20-\\x7e\\xa0-\\u2027\\u202a-\\ud7ff\\ue000-\\ufefe\\uff00-\\ufffd\\U00010000-\\U0010ffff]")
_LINE_RE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


@dataclass(slots=True)
class Stub:
    """A check-worthy sentence: its verbatim quote, where it is, a draft statement, why."""

    quote: str
    start: int
    line: int
    column: int
    statement: str
    score: float
    reasons: list[str]
    reading: dict[str, Any]
    cited_by: list[str] = field(default_factory=list)  # claims already quoting it

    def to_dict(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "line": self.line,
            "column": self.column,
            "statement": self.statement,
            "score": self.score,
            "reasons": self.reasons,
            "reading": self.reading,
            "cited_by": self.cited_by,
        }


@dataclass(slots=True)
class Extraction:
    """The stubs of one source, best first, and what was skipped as boilerplate."""

    stubs: list[Stub]
    skipped: Counter[str]
    sentences: int


def extract(text: str, lexicon: Lexicon, existing_quotes: dict[str, str] | None = None) -> Extraction:
    """Stubs for the check-worthy sentences of text, most check-worthy first.

    existing_quotes maps quotes the table already has for this source to their
    claim ids, so a stub can say it is already covered.
    """
    from gcmcheck.analysis.analyser import analyse
    from gcmcheck.curation.analysis import describe
    from gcmcheck.documents.segment import split_sentences
    from gcmcheck.table.loader import line_and_column

    skipped: Counter[str] = Counter()
    stubs: list[Stub] = []
    sentences = 0
    for start, end in _blocks(text, skipped):
        for seg in split_sentences(text, start, end):
            kind = boilerplate_sentence(seg.text)
            if kind:
                skipped[kind] += 1
                continue
            sentences += 1
            analysis = analyse(seg.text, lexicon)
            score, reasons = _score(seg.text, analysis)
            if score <= 0:
                continue
            line, column = line_and_column(text, seg.start)
            cited = sorted({cid for quote, cid in (existing_quotes or {}).items() if quote in seg.text or seg.text in quote})
            stubs.append(Stub(seg.text, seg.start, line, column, draft_statement(seg.text), score, reasons, describe(analysis, lexicon), cited))
    stubs.sort(key=lambda s: (-s.score, s.start))
    return Extraction(stubs, skipped, sentences)


# --- boilerplate -----------------------------------------------------------------------


def boilerplate_line(line: str, repeated: bool = False) -> str:
    """Why a whole line is page furniture rather than prose, or ""."""
    s = line.strip()
    if not s:
        return ""
    words = s.split()
    if not any(ch.isalnum() for ch in s):
        return NAVIGATION  # "-", "|", "***"
    if _PHOTO_RE.search(s) and len(words) <= 25:
        return PHOTO_CREDIT
    if _CONTACT_RE.search(s) and len(words) <= 30:
        return CONTACT
    if _LINKS_RE.match(s):
        return LINKS
    if _MENU_SEPARATORS_RE.search(s) and not s.endswith((".", "!", "?")):
        return NAVIGATION  # "Home | News | Sport"
    ends_like_prose = s.endswith(tuple(_TERMINAL))
    if len(words) <= 4 and not ends_like_prose:
        return NAVIGATION  # menu items, section tabs: "Who we are", "- Where we work"
    if repeated and len(words) <= 8 and not ends_like_prose:
        return NAVIGATION
    return ""


def boilerplate_sentence(sentence: str) -> str:
    """Why a sentence inside prose is furniture (a credit or contact at a caption's end), or ""."""
    s = sentence.strip()
    letters = [c for c in s if c.isalpha()]
    if _PHOTO_RE.search(s) and (len(s.split()) <= 12 or (letters and sum(c.isupper() for c in letters) / len(letters) > 0.6)):
        return PHOTO_CREDIT
    if _CONTACT_RE.search(s) and len(s.split()) <= 25:
        return CONTACT
    if _LINKS_RE.match(s):
        return LINKS
    return ""


def _blocks(text: str, skipped: Counter[str]) -> list[tuple[int, int]]:
    """Spans of prose: runs of lines that are not furniture. A hard-wrapped document
    keeps its paragraphs together; otherwise every line is a block of its own (web
    text puts a heading and its paragraph on consecutive lines)."""
    lines: list[tuple[int, int, str]] = []
    pos = 0
    for m in _LINE_RE.finditer(text):
        raw = m.group()
        content = raw.rstrip("\r\n")
        lines.append((pos, pos + len(content), content))
        pos += len(raw)
    counts = Counter(c.strip() for _, _, c in lines if c.strip())
    wrapped = _hard_wrapped([c for _, _, c in lines])
    blocks: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    for start, end, content in lines:
        kind = boilerplate_line(content, counts[content.strip()] > 1)
        if kind:
            skipped[kind] += 1
        if kind or not content.strip():
            if current:
                blocks.append(current)
            current = None
            continue
        if current and wrapped:
            current = (current[0], end)
        else:
            if current:
                blocks.append(current)
            current = (start, end)
    if current:
        blocks.append(current)
    return blocks


def _hard_wrapped(lines: list[str]) -> bool:
    """Prose wrapped at a fixed width: most lines long and none much longer."""
    prose = [len(line) for line in lines if len(line.split()) > 4]
    if len(prose) < 3 or max(prose) > 100:
        return False
    return sum(55 <= n <= 100 for n in prose) >= 0.6 * len(prose)


# --- check-worthiness ---------------------------------------------------------------


def _score(sentence: str, analysis: Any) -> tuple[float, list[str]]:
    """How much a sentence states that a reader could get wrong; 0 for nothing."""
    from gcmcheck.analysis import language as lang

    reasons: list[str] = []
    score = 0.0
    numbers = analysis.quantities
    dates = analysis.dates
    if numbers:
        score += 3 * min(len(numbers), 3)
        kinds = {v.quantity.kind for v in numbers if v.quantity}
        score += 0.5 * bool(kinds & {"percent", "money", "measure"})
        reasons.append(_plural(len(numbers), "number"))
    if dates:
        score += 2 * min(len(dates), 2)
        if any(v.date and v.date.day and v.date.year for v in dates):
            score += 1
        reasons.append(_plural(len(dates), "date"))
    votes = [v for v in numbers if v.role]
    if votes:
        score += 2
        reasons.append("a vote count" if len(votes) == 1 else "vote counts")
    if analysis.stances:
        score += 2 * min(len(analysis.stances), 2)
        reasons.append("a side taken" if len(analysis.stances) == 1 else f"{len(analysis.stances)} sides taken")
    elif not votes and lang.ROLE_RE.search(sentence) and any(m.kind in ("subject", "entity", "name", "event") for m in analysis.mentions):
        score += 1.5
        reasons.append("a stance word")
    if analysis.binding is not None:
        score += 3
        reasons.append("legal force")
    if score == 0:
        return 0.0, []
    names = {m.id for m in analysis.mentions if m.kind in ("entity", "event", "subject")}
    score += 0.5 * min(len(names), 4)
    words = len(sentence.split())
    if words < 6:
        score -= 2  # a dateline or a fragment
    elif words > 60:
        score -= 1.5  # too much for one claim: split it when editing
    if sentence.rstrip().endswith("?"):
        score -= 2
    return round(max(score, 0.5), 1), reasons


def _plural(n: int, word: str) -> str:
    return f"a {word}" if n == 1 else f"{n} {word}s"


def draft_statement(sentence: str) -> str:
    """The sentence as a first draft of a statement: one line, no opening filler, a full stop."""
    s = " ".join(sentence.split())
    s = s.strip(" \"'“”‘’«»")
    s = _OPENING_FILLER_RE.sub("", s)
    if s and s[0].islower():
        s = s[0].upper() + s[1:]
    if s and s[-1] not in ".!?":
        s = s.rstrip(",;:") + "."
    return s


# --- YAML -------------------------------------------------------------------------------


def yaml_string(text: str) -> str:
    """A double-quoted YAML scalar that loads back to exactly text.

    JSON string syntax is valid YAML, except that YAML refuses some characters raw
    (DEL, C1 controls, lone surrogates), reads U+2028, U+2029 and U+0085 as line
    breaks and a BOM as nothing, so those are escaped too.
    """
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def render_yaml(
    extraction: Extraction, source_id: str, source_name: str, sources_dir: str, id_prefix: str = ""
) -> str:
    """The stubs as a table document: validate it standalone, or paste its claims."""
    n = len(extraction.stubs)
    skipped = ", ".join(f"{kind} {count}" for kind, count in sorted(extraction.skipped.items()))
    out: list[str] = [
        f"# gcmcheck claims extract: {n} claim stub{'s' * (n != 1)} from {source_name}, most check-worthy first.",
        "# For each stub: fill in the id, edit the statement into a plain sentence (values as",
        '# digits, dates as "19 December 2018"), add `event:` when the fact belongs to one,',
        "# delete the stubs you do not want, then run `gcmcheck claims validate`.",
        "# To add them to a table, paste the items under its `claims:` and the source under its",
        "# `sources:` (and copy the file into the table's sources_dir).",
    ]
    if skipped:
        out.append(f"# Skipped as boilerplate: {skipped}.")
    out += [
        "version: 1",
        f"sources_dir: {yaml_string(sources_dir)}",
        "sources:",
        f"  - id: {yaml_string(source_id)}",
        '    title: ""   # the document\'s title; add date: "YYYY-MM-DD", publisher, kind, url',
        "claims:",
    ]
    if not extraction.stubs:
        out.append("  []   # no sentence states a number, date, vote or stance")
    for i, stub in enumerate(extraction.stubs, 1):
        from gcmcheck.curation.analysis import summary_line

        reads = summary_line(stub.reading)
        out.append(f"  # {i}. score {stub.score:g}, {source_id}:{stub.line}: {', '.join(stub.reasons)}")
        if reads:
            out.append(f"  #    reads: {_comment(reads)}")
        if stub.cited_by:
            out.append(f"  #    already quoted by: {', '.join(stub.cited_by)}")
        claim_id = f"{id_prefix}-{i}" if id_prefix else ""
        out.append(f"  - id: {yaml_string(claim_id) if claim_id else ''}".rstrip() + ("" if claim_id else "   # fill in"))
        out.append(f"    statement: {yaml_string(stub.statement)}")
        out.append("    citations:")
        out.append(f"      - source: {yaml_string(source_id)}")
        out.append(f"        quote: {yaml_string(stub.quote)}")
    return "\n".join(out) + "\n"


def _comment(text: str) -> str:
    return " ".join(text.split())
