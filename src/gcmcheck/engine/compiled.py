"""Claims read once by the analyser, plus the index that narrows candidates.

Each claim becomes one or more *versions*: the statement's values for citations
without `says`, and each `says` for the source that words the fact its own way.
When versions disagree on a value the sources conflict.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field, replace

from gcmcheck.analysis.analyser import analyse, party_stems
from gcmcheck.analysis.lexicon import ENTITY, NAME, SUBJECT, Lexicon, normalise_name
from gcmcheck.models import Analysis, Claim
from gcmcheck.reader.clauses import read
from gcmcheck.regex_cache import regex

# A name cited by this share of claims or more is background ("UN", "the United
# Nations"): mentioning it does not take a statement off a claim's topic.
BACKGROUND_SHARE = 0.1


@dataclass
class Version:
    sources: tuple[str, ...]
    analysis: Analysis


@dataclass
class CompiledClaim:
    claim: Claim
    primary: Analysis
    versions: list[Version]
    names: frozenset[str]
    members: frozenset[str]
    member_labels: tuple[str, ...]
    list_names: frozenset[str]  # names that stand for the list itself ("Executive Committee")
    keywords: frozenset[str]
    values: frozenset[float]
    counted: frozenset[str]  # words of what its figures count ("objectiv"), for matching
    years: frozenset[int]
    event: str
    match_text: str
    as_of: int | None = None  # the year of its latest source: it says nothing of later years

    @property
    def id(self) -> str:
        return self.claim.id


@dataclass(slots=True)
class CompiledTable:
    lexicon: Lexicon
    claims: list[CompiledClaim]
    idf: dict[str, float] = field(default_factory=dict)
    default_idf: float = 1.0
    background: frozenset[str] = frozenset()
    by_keyword: dict[str, list[int]] = field(default_factory=dict)
    by_name: dict[str, list[int]] = field(default_factory=dict)
    by_value: dict[float, list[int]] = field(default_factory=dict)
    by_event: dict[str, list[int]] = field(default_factory=dict)
    by_binding: list[int] = field(default_factory=list)  # claims that state a legal force
    by_stance: dict[str, list[int]] = field(default_factory=dict)  # entity -> claims giving its side
    claim_weights: list[float] = field(default_factory=list)

    def weight(self, word: str) -> float:
        return self.idf.get(word, self.default_idf)

    def keyword_weight(self, i: int) -> float:
        """Total weight of claim i's words (computed once per claim)."""
        if not self.claim_weights:
            self.claim_weights = [math.fsum(self.weight(w) for w in c.keywords) or 1.0 for c in self.claims]
        return self.claim_weights[i]


def compile_claim(claim: Claim, lexicon: Lexicon) -> CompiledClaim:
    primary = analyse(claim.statement, lexicon)
    versions: list[Version] = []
    plain = tuple(c.source for c in claim.citations if not c.says)
    if plain:
        versions.append(Version(plain, primary))
    for citation in claim.citations:
        if citation.says:
            versions.append(Version((citation.source,), _implied_years(analyse(citation.says, lexicon), primary)))

    members = frozenset(_member_id(m, lexicon) for m in claim.members)
    names: set[str] = set(members)
    texts = [claim.statement, *claim.keywords, *(c.says for c in claim.citations), *(c.quote for c in claim.citations)]
    for text in texts:
        names.update(m.id for m in lexicon.find(text) if m.kind in (ENTITY, NAME))
    keywords: set[str] = set()
    for v in versions:
        keywords |= v.analysis.keywords
    keywords |= primary.keywords
    for text in (*claim.keywords, *claim.members):
        keywords |= analyse(text, lexicon).keywords
    values = {
        v.quantity.value for a in (primary, *(v.analysis for v in versions)) for v in a.quantities if v.quantity
    }
    years = {
        v.date.year for a in (primary, *(v.analysis for v in versions)) for v in a.dates if v.date and v.date.year
    }
    counted = frozenset(
        w for a in (primary, *(v.analysis for v in versions)) for v in a.quantities for w in v.noun.split()
    ) - party_stems()
    events = primary.events  # a source's wording may name an event only in passing
    event = claim.event or (next(iter(events)) if len(events) == 1 else "")
    match_text = " ".join(sorted(keywords | names))
    return CompiledClaim(
        claim, primary, versions, frozenset(names), members, _member_labels(claim, lexicon),
        _list_names(primary, members, claim.closed), frozenset(keywords), frozenset(values), counted, frozenset(years), event, match_text
    )


def _implied_years(version: Analysis, primary: Analysis) -> Analysis:
    """A source's "on 19 December" (or "in July"), where the claim says "19 December
    2018" ("July 2018"), is that day (month) of that year: a version leaving the year
    out cannot conflict with one that gives another, nor agree with another year
    ("19 December 2019" and "July 2016" are contradicted)."""
    dated: dict[tuple[int | None, int | None], int] = {
        (v.date.month, v.date.day): v.date.year for v in primary.dates if v.date and v.date.year and v.date.month
    }
    values = [
        replace(v, date=replace(v.date, year=dated[v.date.month, v.date.day]))
        if v.date and v.date.year is None and (v.date.month, v.date.day) in dated
        else v
        for v in version.values
    ]
    return replace(version, values=values)


_OF_A_TITLE_RE = regex(r"[A-Z][\w\u2019'-]*\s+(?:of|for|on)\s+(?:the\s+)?$")


def title_tail(text: str, start: int) -> bool:
    """Is the name at start the tail of a longer title ("… of the Secretary-General")?"""
    return bool(_OF_A_TITLE_RE.search(text, read(text).start_before(start, 3), start))


def _list_names(primary: Analysis, members: frozenset[str], closed: bool) -> frozenset[str]:
    """Names in the statement that can stand for its list: not members, and not the
    tail of a longer title ("Secretary-General" in "Special Representative of the
    Secretary-General" names someone else's post)."""
    if not members:
        return frozenset()
    text = primary.text
    names = frozenset(
        m.id
        for m in primary.mentions
        if m.kind in (ENTITY, NAME) and m.id not in members and not title_tail(text, m.start)
    )
    if not names and closed and any(m.kind == SUBJECT for m in primary.mentions):
        return frozenset({SUBJECT})  # the subject's own complete list: "the plan covers A, B and C"
    return names


def _member_labels(claim: Claim, lexicon: Lexicon) -> tuple[str, ...]:
    """Members as a reader writes them: an entity's first variant, else the item."""
    return tuple((lexicon.entities.get(m) or (m,))[0] for m in claim.members)


def _member_id(item: str, lexicon: Lexicon) -> str:
    if item in lexicon.entities:
        return item
    found = [m for m in lexicon.find(item) if m.kind in (ENTITY, NAME)]
    return found[0].id if len(found) == 1 else normalise_name(item)


def compile_table(claims: list[Claim], lexicon: Lexicon, source_dates: dict[str, str] | None = None) -> CompiledTable:
    compiled = [compile_claim(c, lexicon) for c in claims]
    table = CompiledTable(lexicon, compiled)
    years = {sid: int(d[:4]) for sid, d in (source_dates or {}).items() if d[:4].isdigit()}
    for c in compiled:
        cited = [years.get(citation.source) for citation in c.claim.citations]
        # a claim holds as of its sources: dated only when every source is
        c.as_of = max(cited) if cited and None not in cited else None  # type: ignore[type-var,arg-type]
    df: dict[str, int] = defaultdict(int)
    name_df: dict[str, int] = defaultdict(int)
    for i, c in enumerate(compiled):
        for w in c.keywords:
            df[w] += 1
            table.by_keyword.setdefault(w, []).append(i)
        for n in c.names:
            name_df[n] += 1
            table.by_name.setdefault(n, []).append(i)
        for v in c.values:
            table.by_value.setdefault(v, []).append(i)
        if c.event:
            table.by_event.setdefault(c.event, []).append(i)
        if any(v.analysis.binding is not None for v in c.versions):
            table.by_binding.append(i)
        for entity in {st.entity for v in c.versions for st in v.analysis.stances} | c.members:
            table.by_stance.setdefault(entity, []).append(i)
    n = max(1, len(compiled))
    table.idf = {w: math.log(1 + n / d) for w, d in df.items()}
    table.default_idf = math.log(1 + n)
    table.background = frozenset(k for k, d in name_df.items() if d >= max(3, BACKGROUND_SHARE * n))
    return table
