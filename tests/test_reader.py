"""The reader (gcmcheck.reader): tokens, clauses, acts and modality, one rule a test."""

from __future__ import annotations

import pytest

from gcmcheck.reader.clauses import COORDINATE, PARENTHETICAL, QUOTATION, RELATIVE, REPORTED, SUBORDINATE, lemma, read
from gcmcheck.reader.tokens import NUMBER, QUOTE, tokenize
from gcmcheck.reader.vocabulary import vocabulary


def clause_texts(text: str) -> list[tuple[str, str]]:
    r = read(text)
    return [(c.kind, r.text_of(c)) for c in r.clauses if c.tokens]


def test_tokens_keep_offsets_and_split_clitics() -> None:
    text = "Hungary didn't sign the U.N. pact on 19 December 2018."
    tokens = tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.text for t in tokens][:4] == ["Hungary", "did", "n't", "sign"]
    assert [t.text for t in tokens if t.kind == NUMBER] == ["19", "2018"]


def test_plural_possessive_is_not_a_quote() -> None:
    tokens = tokenize("International Migrants' Day and the workers' convention, voting 'no'.")
    assert [t.text for t in tokens if t.kind == QUOTE] == ["'", "'"]
    assert "Migrants'" in [t.text for t in tokens]


def test_coordination_with_a_verb_on_each_side_splits() -> None:
    kinds = clause_texts("IOM has 175 member states and the compact has 25 objectives.")
    assert [k for k, _ in kinds] == ["main", COORDINATE]


def test_a_list_of_names_does_not_split() -> None:
    kinds = clause_texts("The pact was rejected by Poland, Hungary and Israel.")
    assert len(kinds) == 1


def test_a_list_before_a_shared_verb_does_not_split() -> None:
    r = read("It passed 152-5, with Israel, the Czech Republic and Poland also voting 'no'.")
    clause = r.clause_at(r.text.index("Israel"))
    assert clause is r.clause_at(r.text.index("voting"))


def test_relative_clause_is_its_own_and_the_main_clause_resumes() -> None:
    r = read("Hungary, which voted against, rejected the pact.")
    assert r.clause_at(r.text.index("voted")).kind == RELATIVE
    assert r.clause_at(r.text.index("Hungary")) is r.clause_at(r.text.index("rejected"))


def test_relative_clause_runs_past_a_place_with_its_country() -> None:
    r = read("India voted for the compact, which was adopted in Marrakesh, Morocco, on 10 December.")
    assert r.clause_at(r.text.index("Morocco")).kind == RELATIVE


def test_subordinate_and_reported_clauses() -> None:
    r = read("After the US pulled out, Hungary said it would not sign.")
    assert r.clause_at(r.text.index("pulled")).kind == SUBORDINATE
    assert r.clause_at(r.text.index("would")).kind == REPORTED
    assert r.clause_at(r.text.index("Hungary")).kind not in (SUBORDINATE, REPORTED)


def test_long_quotation_is_a_clause_short_one_is_a_word() -> None:
    r = read('"We will never sign it," the minister said, voting "no".')
    assert r.clause_at(r.text.index("never")).kind == QUOTATION
    assert r.clause_at(r.text.index("no")).kind != QUOTATION


@pytest.mark.parametrize(
    ("text", "lemma_", "family", "passive", "negated"),
    [
        ("The pact was rejected by Poland.", "reject", "decision", True, False),
        ("Latvia did not, after all, hold out.", "hold out", "decision", False, True),
        ("The compact has been ratified by 150 countries.", "ratify", "ratification", True, False),
        ("The Network was set up in 2018.", "set up", "founding", True, False),
    ],
)
def test_acts_with_voice_and_negation(text: str, lemma_: str, family: str, passive: bool, negated: bool) -> None:
    act = read(text).clauses[0].acts[0]
    assert (act.lemma, act.family, act.passive, act.negated) == (lemma_, family, passive, negated)


def test_a_noun_after_a_determiner_is_not_an_act() -> None:
    assert [a.lemma for a in read("It was a vote of 152-5.").clauses[0].acts] == []


def test_infinitive_purpose_and_catenative() -> None:
    purpose = read("Belgium won the backing of parliament to sign the pact.").clauses[0].acts
    assert [(a.lemma, a.infinitive) for a in purpose] == [("sign", True)]
    done = read("Italy failed to sign the pact.").clauses[0].acts
    assert [(a.lemma, a.infinitive, a.catenated) for a in done] == [("sign", False, True)]


def test_quoted_answer_gives_the_vote_its_side() -> None:
    acts = read("Poland was also voting 'no'.").clauses[0].acts
    assert acts[0].answer == "against"


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Austria will abstain next year.", "future"),
        ("Poland is expected to vote for it.", "future"),
        ("Italy could reject the pact.", "conditional"),
        ("Did Chile sign the pact?", "question"),
        ("Chile reportedly signed the pact.", "doubt"),
        ("Chile signed the pact in May 2019.", ""),
    ],
)
def test_modality(text: str, modality: str) -> None:
    assert read(text).clauses[0].modality == modality


def test_lemma_handles_regular_and_irregular_forms() -> None:
    v = vocabulary()
    known = frozenset(k[0] for k in v.acts)
    assert lemma("ratifies", known, v.irregular) == "ratify"
    assert lemma("withdrew", known, v.irregular) == "withdraw"
    assert lemma("pulling", known, v.irregular) == "pull"
    assert lemma("approved", known, v.irregular) == "approve"


def test_read_never_raises_on_odd_input() -> None:
    for text in ["", " ", "((((", '"""', "—", "and and and", "'s", "1-2-3"]:
        read(text)


def _same(a, b) -> bool:  # type: ignore[no-untyped-def]
    return a is not b and (a.acts, a.sides, a.determiners, a.future) == (b.acts, b.sides, b.determiners, b.future)


def test_the_language_file_is_cached_by_content(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gcmcheck.reader import vocabulary as module

    monkeypatch.setenv("GCMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GCMCHECK_NO_CACHE", raising=False)
    module.vocabulary.cache_clear()
    try:
        first = module.vocabulary()
        files = list(tmp_path.glob("language-*.pickle"))
        assert len(files) == 1
        module.vocabulary.cache_clear()
        assert _same(module.vocabulary(), first)  # read back from the cache file
        files[0].write_bytes(b"damaged")
        module.vocabulary.cache_clear()
        assert _same(module.vocabulary(), first)  # a damaged file is ignored and rewritten
    finally:
        module.vocabulary.cache_clear()


def test_two_dashes_make_an_aside_and_the_clause_resumes() -> None:
    r = read("Every member except Norway - which withdrew under pressure from its parliament - agreed to the text.")
    kinds = [(c.kind, r.text_of(c)) for c in r.clauses if c.tokens]
    assert kinds[0] == ("main", "Every member except Norway agreed to the text.")
    assert kinds[1][0] == PARENTHETICAL and "withdrew" in kinds[1][1]
    assert r.clauses[1].parent == 0


def test_an_aside_closes_past_a_clause_opened_inside_it() -> None:
    r = read("All 193 members — Norway, then led by Solberg, included — adopted the declaration.")
    main = r.clause_at(r.text.index("adopted"))
    assert main is r.clauses[0]


def test_a_lone_dash_still_breaks_the_sentence() -> None:
    kinds = clause_texts("The vote was close - twelve abstained.")
    assert [k for k, _ in kinds] == ["main", COORDINATE]


def test_an_absolute_phrase_with_with_is_its_own_clause() -> None:
    r = read("The Assembly endorsed the text by 152 votes, with 12 countries abstaining.")
    assert r.clause_at(r.text.index("152")) is not r.clause_at(r.text.index("abstaining"))


def test_a_reduced_relative_clause_has_its_own_act() -> None:
    r = read("The accord, launched in New York in 2016, was adopted in Morocco.")
    aside = r.clause_at(r.text.index("2016"))
    assert aside is not None and aside.kind == RELATIVE
    assert [a.lemma for a in aside.acts] == ["launch"]
    assert r.clause_at(r.text.index("adopted")) is r.clauses[0]


def test_a_relative_clause_keeps_its_listed_subjects_until_its_verb() -> None:
    r = read("The accord, which Norway, Chile and Peru opposed, won 150 votes.")
    assert r.clause_at(r.text.index("Chile")) is r.clause_at(r.text.index("opposed"))
    assert r.clause_at(r.text.index("150")) is r.clauses[0]


@pytest.mark.parametrize(
    "text",
    ["One hundred and forty states voted yes.", "Some 140 heads of state and government adopted it."],
)
def test_number_words_and_counted_nouns_are_no_verbs(text: str) -> None:
    r = read(text)
    assert len([c for c in r.clauses if c.tokens]) == 1
    assert [a.family for a in r.clauses[0].acts] == ["decision"]


@pytest.mark.parametrize(
    ("text", "name", "attributed"),
    [
        ("According to the agency, 20 states signed.", "agency", True),
        ("The agency said 20 states signed.", "agency", True),
        ("The agency's latest estimates show 20 states signed.", "agency", True),
        ("The agency's members signed.", "agency", False),
        ("The agency signed.", "agency", False),
    ],
)
def test_attribution_of_figures(text: str, name: str, attributed: bool) -> None:
    start = text.index(name)
    assert read(text).attributes(start, start + len(name)) is attributed


def test_a_participle_with_no_verb_to_come_is_the_clauses_own_verb() -> None:
    r = read("On 4 May, the council, taking the figures into account, proclaimed a new day.")
    assert r.clause_at(r.text.index("proclaimed")) is r.clause_at(r.text.index("council"))


@pytest.mark.parametrize(
    ("text", "named"),
    [("Estonia's arguments for signing the accord.", True), ("Poland joined the US in opposing the accord.", False)],
)
def test_a_gerund_after_for_or_of_is_named_not_done(text: str, named: bool) -> None:
    acts = [a for c in read(text).clauses for a in c.acts if a.family == "decision"]
    assert [a.infinitive for a in acts] == [named]


@pytest.mark.parametrize(
    ("text", "word", "negated"),
    [
        ("The compact does not contain 23 objectives.", "23", True),
        ("Nothing in it is binding.", "binding", True),
        ("No fewer than 150 states voted for it.", "150", False),  # a bound, no negation
        ("It was held not in Geneva but in Marrakech.", "Marrakech", False),  # "but" takes it back
        ("Italy, not a signatory, said on 10 December it would wait.", "10", False),  # the aside has ended
        ("It is not, in any sense, binding.", "binding", True),  # an aside right after the negator
        ("It was adopted without a vote in 2018.", "2018", False),  # "without" negates a noun
    ],
)
def test_negation_before_a_word_in_its_clause(text: str, word: str, negated: bool) -> None:
    r = read(text)
    at = r.text.index(word)
    clause = r.clause_at(at)
    assert clause is not None
    assert r.negated_before(clause, at) is negated


def test_a_verb_of_no_act_family_still_makes_a_reported_clause() -> None:
    r = read("A spokesman told reporters the compact contains 30 objectives.")
    assert r.clause_at(r.text.index("30")).kind == REPORTED
    assert r.clause_at(r.text.index("spokesman")).kind != REPORTED


def test_words_between_a_verb_of_saying_and_that_stay_with_the_saying() -> None:
    r = read("Ruritania declared on 3 May 2019 that it would leave the pact.")
    assert r.clause_at(r.text.index("May")).kind != REPORTED
    assert r.clause_at(r.text.index("leave")).kind == REPORTED
    r = read("The minister told delegates in Geneva on Monday that the pact was dead.")
    assert r.clause_at(r.text.index("Geneva")).kind != REPORTED
    assert r.clause_at(r.text.index("dead")).kind == REPORTED


def test_an_opening_while_is_a_subordinate_clause_that_ends_at_its_comma() -> None:
    r = read("While 164 countries adopted it, Hungary and Poland refused to sign it.")
    assert r.clause_at(r.text.index("164")).kind == SUBORDINATE
    # the clause after it has seen no verb yet: "Hungary and Poland" is one subject
    assert r.clause_at(r.text.index("Hungary")) is r.clause_at(r.text.index("refused"))
    # inside a sentence, "while" still joins two clauses
    r = read("Hungary voted against it while Italy abstained.")
    assert r.clause_at(r.text.index("Italy")).kind == COORDINATE


def test_participles_before_their_noun_are_adjectives() -> None:
    r = read("After a highly publicized and politicized gathering in Marrakesh, the pact was approved.")
    assert r.clause_at(r.text.index("Marrakesh")).kind == SUBORDINATE
    assert r.clause_at(r.text.index("publicized")) is r.clause_at(r.text.index("politicized"))


def test_a_negated_gerund_after_a_preposition_is_named_not_negated() -> None:
    r = read("Austria is not alone in rejecting the pact.")
    act = next(a for c in r.clauses for a in c.acts if a.lemma == "reject")
    assert act.infinitive and not act.negated


@pytest.mark.parametrize("text", ["Hungary has yet to sign the pact.", "Italy had not yet signed it."])
def test_yet_without_a_comma_is_an_adverb(text: str) -> None:
    r = read(text)
    assert len([c for c in r.clauses if c.tokens]) == 1


def test_yet_after_a_comma_joins_two_clauses() -> None:
    r = read("Italy helped draft it, yet Italy has not signed it.")
    assert len([c for c in r.clauses if c.tokens]) == 2


def test_a_quantified_relative_pronoun_opens_a_relative_clause() -> None:
    r = read("Spain stands apart from Croatia and Slovenia, both of which back the compact.")
    assert r.clause_at(r.text.index("back")).kind == RELATIVE


def test_gerunds_put_forward_are_named_and_one_clause() -> None:
    r = read("She proposed backing the pact and opposing its rival.")
    assert len([c for c in r.clauses if c.tokens]) == 1
    assert all(a.infinitive for c in r.clauses for a in c.acts)


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # an absolute phrase has no verb; the participle after it is the clause's verb
        ("In July all 193 members, the United States included, finalised the pact.", "finalised"),
        # a verb in a time clause, or of a trailing attribution, is not the clause's own
        ("The Czech Republic, a holdout at Marrakech, backed the compact when it came to a vote.", "backed"),
        ("All 193 members, the United States included, finalised the text, Reuters reported.", "finalised"),
    ],
)
def test_a_participle_without_a_verb_after_its_phrase_is_the_main_verb(text: str, verb: str) -> None:
    r = read(text)
    assert r.clause_at(r.text.index(verb)).kind != RELATIVE
    assert r.clause_at(r.text.index(verb)) is r.clause_at(0)


def test_a_participle_phrase_set_off_by_commas_is_a_reduced_relative_clause() -> None:
    r = read("The compact, launched at the UN in 2016, was adopted in Marrakech.")
    assert r.clause_at(r.text.index("launched")).kind == RELATIVE
    # an adverb may open it
    r = read("The accord, originally drafted in 2016 by all 193 members, is due to be signed in December.")
    assert r.clause_at(r.text.index("193")).kind == RELATIVE
    assert r.clause_at(r.text.index("December")).kind != RELATIVE
