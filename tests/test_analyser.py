"""The analyser reads the same typed values from statements and claims."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gcmcheck.analysis.analyser import analyse
from gcmcheck.analysis.lexicon import Lexicon

LEXICON = Lexicon.from_data(
    {
        "subject": ["the compact", "the pact", "Global Compact for Migration"],
        "events": {
            "vote": {"label": "the vote", "names": ["General Assembly"]},
            "conference": {"label": "the conference", "names": ["Marrakech", "Marrakesh"]},
        },
        "entities": {"united-states": ["United States", "U.S.", "US"], "hungary": ["Hungary"]},
    }
)


def read(text: str):
    return analyse(text, LEXICON)


@pytest.mark.parametrize(
    ("text", "value", "role"),
    [
        ("152 countries voted in favour", 152, "for"),
        ("twelve members abstained", 12, "abstain"),
        ("152 nations rejected the pact", 152, "against"),
        ("the pact was backed by 164 states", 164, "for"),
        ("with 152 votes in favour and 12 abstentions", 12, "abstain"),
        # a tally of three: for, against, abstaining
        ("the Assembly voted 120-8-30 for the text", 30, "abstain"),
        ("the Assembly voted 120-8-30 for the text", 8, "against"),
    ],
)
def test_numbers_take_the_role_of_their_clause(text: str, value: float, role: str):
    values = {v.quantity.value: v for v in read(text).quantities}
    assert values[value].role == role


def test_against_before_a_figure_compares_and_takes_no_side():
    values = read("Migrants were 3.5 per cent of humanity in 2019, against 2.8 per cent in 2000.").quantities
    assert [v.role for v in values] == ["", ""]


def test_elliptical_number_inherits_the_counted_noun():
    a = read("152 member states voted in favour and 12 abstained")
    assert [v.noun for v in a.quantities] == ["member stat", "member stat"]


def test_each_figure_takes_its_own_event():
    a = read("164 countries adopted the pact in Marrakesh, and the General Assembly endorsed it with 152 votes")
    events = {v.quantity.value: v.event for v in a.quantities}
    assert events == {164: "conference", 152: "vote"}


def test_an_event_named_before_a_semicolon_is_not_the_next_clause_s():
    a = read("164 countries adopted the pact in Marrakesh; 30 others had stayed away in 2017")
    events = {v.quantity.value: v.event for v in a.quantities}
    assert events == {164: "conference", 30: ""}
    assert [v.event for v in a.dates] == [""]


@pytest.mark.parametrize(
    ("text", "entity", "role"),
    [
        ("Hungary voted against the pact.", "hungary", "against"),
        ("Hungary backed the compact.", "hungary", "for"),
        ("The United States did not sign the compact.", "united-states", "against"),
        ("All members except the United States approved the pact.", "united-states", "against"),
        ("Among the holdouts were Hungary and the U.S.", "united-states", "against"),
        ("The US withdrew from the pact.", "united-states", "against"),
        ("Hungary has yet to sign the pact.", "hungary", "pending"),
        ("Hungary had not yet signed the pact.", "hungary", "pending"),
        ("Hungary has so far failed to sign the pact.", "hungary", "pending"),
        ("Hungary has not signed the pact yet.", "hungary", "pending"),
        ("Hungary still has not ratified the pact.", "hungary", "pending"),
        ("Hungary still opposes the pact.", "hungary", "against"),
        ("Hungary failed to sign the pact.", "hungary", "against"),
        ("Hungary announced, on the eve of the vote, that it would not sign the pact.", "hungary", "against"),
        ("Hungary's government rejected the pact.", "hungary", "against"),
        ("The pact was backed by Hungary.", "hungary", "for"),
        # a stance verb taking another: the first turns the second
        ("Hungary refused to sign the pact.", "hungary", "against"),
        ("Hungary declined to endorse the pact.", "hungary", "against"),
        ("Hungary agreed to sign the pact.", "hungary", "for"),
        # a speaker who reports its own side
        ("Hungary said it would not sign the pact.", "hungary", "against"),
        # the noun of a stance verb taking another: "its refusal to sign"
        ("Hungary announced its refusal to sign the pact.", "hungary", "against"),
        # a negation with a typographic apostrophe is a negation
        ("Hungary doesn\u2019t support the pact.", "hungary", "against"),
        ("Poland announced on Monday that it won\u2019t sign the pact.", "poland", "against"),
    ],
)
def test_stances(text: str, entity: str, role: str):
    assert {(s.entity, s.role) for s in read(text).stances} >= {(entity, role)}


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # a side put as a question is not taken
        ("Hungary debated whether to back the pact.", "hungary"),
        ("Hungary's cabinet postponed a decision on joining the pact.", "hungary"),
        # a possessive names the body that acts
        ("Hungary's parliament rejected the pact.", "hungary"),
        ("Austria's ruling coalition backed the pact.", "austria"),
        # a subordinate clause with its own subject takes the side
        ("Austria's cabinet met after Poland voted to reject the pact.", "austria"),
        # the doer of a passive is not the name before it
        ("The US announcement on the pact, signed by Jane Roe, came in December.", "united-states"),
        # a body named with "of" acts, not the country that owns it
        ("The Parliament of Hungary approved the pact.", "hungary"),
        ("The Refugee Council of Hungary backed the pact.", "hungary"),
    ],
)
def test_no_side_is_read(text: str, entity: str):
    assert entity not in {s.entity for s in read(text).stances}


def test_a_stance_needs_the_subject_as_object():
    # "signed the statement" says nothing about signing the compact
    assert read("The US signed a statement about migration.").stances == []


@pytest.mark.parametrize(
    ("text", "binding"),
    [
        ("The compact is legally binding.", True),
        ("The compact is non-binding.", False),
        ("The compact is not legally binding.", False),
        ("Though non-legally binding, the compact matters.", False),
        ("The compact isn't binding.", False),
        ("The compact does not create any legal obligations.", False),
        ("The compact was adopted.", None),
        # a negative subject, and a negation that reaches past other words
        ("Nothing in the accord is legally binding.", False),
        ("None of its commitments is binding on the signatories.", False),
        ("It is not, in any sense, binding.", False),
        ("The compact is not non-binding.", True),
        # a negation in an aside that has ended does not reach the word
        ("The pact, not a treaty, is binding, its critics say.", True),
        # "politically binding" says nothing of the law: no legal force is read (the
        # checker lists it as unchecked, so the sentence is never supported)
        ("The Dutch cabinet called the accord politically binding.", None),
    ],
)
def test_legal_force(text: str, binding: bool | None):
    assert read(text).binding is binding


def test_names_and_variants():
    a = read("Hungary and Germany opposed the pact in Marrakesh.")
    kinds = {(m.id, m.kind) for m in a.mentions}
    assert ("hungary", "entity") in kinds and ("germany", "name") in kinds
    assert ("conference", "event") in kinds and ("subject", "subject") in kinds


def test_a_name_with_a_list_matches_with_a_comma_before_and():
    lexicon = Lexicon.from_data({"subject": ["Pact for Safe, Orderly and Fair Trade"]})
    for text in ("They signed the Pact for Safe, Orderly and Fair Trade.", "They signed the Pact for Safe, Orderly, and Fair Trade."):
        assert [m.kind for m in analyse(text, lexicon).mentions] == ["subject"], text


def test_number_opening_a_sentence_is_not_a_name():
    assert read("Twelve members abstained.").mentions == []


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_no_input_makes_the_analyser_raise(text: str):
    read(text)


@pytest.mark.parametrize(
    "text",
    [
        "HUNGARY and the GLOBAL COMPACT FOR MIGRATION",
        "İstanbul hosted talks; Hungary rejected the pact at the General Assembly.",  # İ lower-cases to two letters
        "the us delegation and the US delegation",
    ],
)
def test_names_are_found_in_any_case_at_their_places(text: str):
    found = {(m.id, m.text) for m in LEXICON.find(text)}
    for m in LEXICON.find(text):
        assert text[m.start : m.end] == m.text
    if "HUNGARY" in text:
        assert ("hungary", "HUNGARY") in found and ("subject", "GLOBAL COMPACT FOR MIGRATION") in found
    elif "İ" in text:
        assert {("hungary", "Hungary"), ("subject", "the pact"), ("vote", "General Assembly")} <= found
    else:  # a short acronym matches only in capitals
        assert [(m.id, m.text) for m in LEXICON.find(text) if m.id == "united-states"] == [("united-states", "US")]


@pytest.mark.parametrize(
    ("pattern", "starts"),
    [
        ("votes?", {"vot"}),
        ("(?:rejected|turned down|refused)", {"rej", "tur", "ref"}),
        ("(?:no|n)t x", {"not", "nt "}),
        ("(?:ab|c(?:d|e))f", {"abf", "c"}),
        ("ab?c", {"a"}),
        ("(?:a|b)?x", {""}),
        (r"\w+ed", {""}),
    ],
)
def test_stance_phrases_are_tried_only_where_they_can_start(pattern: str, starts: set[str]):
    from gcmcheck.analysis.language import _leading_literals

    assert _leading_literals(pattern) == starts


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["Chile", "rejected", "turned down", "refused", "voted for", "held out", "against", "the", "pact", "gave it its blessing",
     "abstained", "did not sign", "withdrew", "Hungary", ",", "and", "leading the opposition", "yes", "no"]
), max_size=12))
def test_stance_phrases_are_found_as_by_trying_every_place(words: list[str]):
    from gcmcheck.analysis.language import ROLE_RE, find_roles

    text = " ".join(words)
    expected, end = [], 0
    for i in range(len(text)):
        m = ROLE_RE.match(text, i) if i >= end else None
        if m:
            expected.append((m.span(), m.lastgroup))
            end = m.end()
    assert [(m.span(), m.lastgroup) for m in find_roles(text)] == expected


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        ("The General Assembly endorsed the pact.", ("vote", "for")),
        ("The General Assembly formally endorsed the pact.", ("vote", "for")),
        ("The pact was endorsed by the General Assembly.", ("vote", "for")),
        ("The General Assembly did not endorse the pact.", ("vote", "against")),
        ("At the General Assembly, Hungary rejected the pact.", None),  # Hungary decides, not the Assembly
    ],
)
def test_an_event_that_decides_takes_a_side(text: str, stance: tuple[str, str] | None):
    sides = {(s.entity, s.role) for s in read(text).stances if s.entity == "vote"}
    assert sides == ({stance} if stance else set())


def _value(text: str, figure: str):  # type: ignore[no-untyped-def]
    start = text.index(figure)
    return next(v for v in read(text).values if v.start == start)


@pytest.mark.parametrize(
    ("text", "figure", "role"),
    [
        # a side is read in the figure's own clause, as the reader splits it
        ("The compact, which Hungary and Chile opposed, won 150 votes.", "150", ""),
        ("The Assembly endorsed it by 150 votes, with 10 countries abstaining.", "150", "for"),
        # ... or in a relative clause on the figure's own noun
        ("It was fewer than the 160 countries that had approved it.", "160", "for"),
        # "a majority of 150" counts the majority; "out of 190" is the whole
        ("At the conference, a majority of 150 member states voted in favour.", "150", "for"),
        ("Just 3 states out of 190 member states voted no.", "190", "total"),
    ],
)
def test_a_figure_takes_its_side_from_its_own_clause(text: str, figure: str, role: str) -> None:
    assert _value(text, figure).role == role


def test_an_event_in_a_time_clause_is_the_figures_event() -> None:
    text = "Some 160 states backed the pact when it came to a vote in the General Assembly."
    assert _value(text, "Some 160").event == "vote"


def test_a_counted_group_ends_at_its_plural_noun() -> None:
    text = "Some 90 civil society actors commend governments on adopting the compact."
    assert _value(text, "Some 90").noun.split()[-1] == "actor"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Obama sent 1200 National Guard soldiers.", []),  # a count, not a year
        ("The 2019 figures show a rise.", [2019]),  # a label
        ("In 2018 states adopted it.", [2018]),  # a time
    ],
)
def test_four_digits_before_a_plural_noun(text: str, years: list[int]) -> None:
    assert [v.date.year for v in read(text).values if v.date] == years


def test_a_year_right_after_a_title_is_part_of_it() -> None:
    dates = [v.date for v in read("The World Migration Report 2022 was launched in December 2021.").values if v.date]
    assert [(d.year, d.qualifier) for d in dates] == [(2022, "attributive"), (2021, "")]


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("The compact was adopted on December, 10, at the conference.", []),  # a day after its month
        ("In December, 10 countries pulled out of the compact.", [10.0]),  # a count
    ],
)
def test_a_day_written_after_its_month_and_a_comma_is_no_figure(text: str, figures: list[float]) -> None:
    assert [v.quantity.value for v in read(text).values if v.quantity] == figures


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        # the side is what they may do, in a clause of its own
        ("Bulgaria and Estonia are unsure whether they will sign the compact.", "bulgaria"),
        # another clause with its own subject
        ("Hungary joined the nay-sayers and a dozen others abstained.", "hungary"),
        # the US's side, in the clause that opens the sentence
        ("Italy, after the US pulled out, waited.", "italy"),
        # a gerund after "about" is named, not taken
        ("Italy is still undecided about joining the compact.", "italy"),
        # a relative clause on other names ("both of which")
        ("Italy stands apart from Hungary and Poland, both of which have decided to back the compact.", "italy"),
    ],
)
def test_a_side_in_another_clause_is_not_the_names(text: str, entity: str) -> None:
    assert all(st.entity != entity for st in read(text).stances)

