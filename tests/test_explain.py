"""Explanations say which fact both are about, what the sources give and what the
sentence says, in words a reader follows (gcmcheck.engine.explain)."""

from __future__ import annotations

import pytest

from gcmcheck.core import check_statement, load_checker


@pytest.fixture(scope="module")
def checker():  # type: ignore[no-untyped-def]
    return load_checker()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("165 countries approved the compact at Marrakech.",
         "The sources say 164 states approved the compact at the Marrakech conference in Morocco on 10–11 December 2018; the sentence says 165."),
        ("The compact is legally binding.", "The sources say the Global Compact for Migration is non-binding; the sentence calls it binding."),
        ("Eni Lestari is the Director General of IOM.", "The sources say António Vitorino is the Director General of IOM; the sentence names Eni Lestari instead."),
    ],
)
def test_contradictions_read_as_one_sentence(checker, text: str, says: str) -> None:  # type: ignore[no-untyped-def]
    result = check_statement(checker, text)[0]
    assert result.verdict.value == "contradicted"
    assert result.explanation == says


def test_a_side_is_said_in_words(checker) -> None:  # type: ignore[no-untyped-def]
    result = check_statement(checker, "Australia backed the compact at Marrakech.")[0]
    assert result.explanation.endswith("the sentence puts Australia in favour.")
    assert "a different side" not in result.explanation and "Stated" not in result.explanation


@pytest.mark.parametrize(
    ("text", "unchecked"),
    [
        # the date of the holder's own announcement dates its side: not confirmed
        ("Hungary announced on 18 July 2018 that it would not sign the compact.", ["18 July 2018"]),
        ("Hungary's foreign minister declared in July 2018 that his country would not sign the compact.", ["July 2018"]),
        # a force of another kind than the law's is stated, and no claim's
        ("164 countries signed the politically binding compact in Marrakech.", ["politically binding"]),
        # "only" before names given a side says no one else took it: the sources name more
        ("So far only Hungary and Poland have refused to back the compact.", ["only Hungary and Poland"]),
        # names the table does not know, put among a counted group, are not confirmed
        ("The 164 countries that adopted the compact in Marrakech included Germany and Spain.", ["Germany and Spain"]),
        # a source's date only sets the scene
        ("UN DESA said in December 2019 that there were 272 million international migrants.", []),
    ],
)
def test_the_date_of_an_announced_side_is_unchecked(checker, text: str, unchecked: list[str]) -> None:  # type: ignore[no-untyped-def]
    result = check_statement(checker, text)[0]
    assert result.unchecked == unchecked
    assert result.verdict.value == ("unverifiable" if unchecked else "supported")


@pytest.mark.parametrize("tally", ["152-5", "152-5-12"])
def test_unchecked_parts_are_listed(checker, tally: str) -> None:  # type: ignore[no-untyped-def]
    result = check_statement(checker, f"The General Assembly endorsed the compact by a vote of {tally}.")[0]
    assert result.verdict.value == "unverifiable"
    assert result.unchecked == ["5"]
