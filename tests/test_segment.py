"""Sentence splitting, streaming blocks and line/column positions."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from timing import LIMIT, growth

from gcmcheck.documents.positions import LineIndex, split_lines
from gcmcheck.documents.segment import (
    MAX_SENTENCE_CHARS,
    Segment,
    iter_blocks,
    split_sentences,
)

SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def texts(text: str, start: int = 0, end: int | None = None) -> list[str]:
    """Sentence texts, checking the offset invariant on the way."""
    out = []
    for seg in split_sentences(text, start, end):
        assert text[seg.start : seg.end] == seg.text
        assert seg.text == seg.text.strip() and seg.text
        out.append(seg.text)
    return out


# --- abbreviations ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Navy refused. It said no.", ["The U.S. Navy refused.", "It said no."]),
        ("Talks with the U.S. The next day it left.", ["Talks with the U.S.", "The next day it left."]),
        (
            "The E.U. and U.K. agreed. U.N. officials said so.",
            ["The E.U. and U.K. agreed.", "U.N. officials said so."],
        ),
        (
            "He met Ms. Eni, Mr. Li, Mrs. Ray and Dr. Smith on Dec. 4. Then he left.",
            ["He met Ms. Eni, Mr. Li, Mrs. Ray and Dr. Smith on Dec. 4.", "Then he left."],
        ),
        ("It ended in Jan. The talks resumed.", ["It ended in Jan.", "The talks resumed."]),
        (
            "Prof. Ode, Gen. Ray, Sen. Kay, Rep. Jo and Gov. Lee met on St. Helena.",
            ["Prof. Ode, Gen. Ray, Sen. Kay, Rep. Jo and Gov. Lee met on St. Helena."],
        ),
        ("Barack H. Obama signed it. The end.", ["Barack H. Obama signed it.", "The end."]),
        # a capitalised participle starts a sentence after an acronym, not after an initial
        (
            "It was agreed by all but the U.S. Adopted in Morocco, it went to New York.",
            ["It was agreed by all but the U.S.", "Adopted in Morocco, it went to New York."],
        ),
        ("Sheikh H. Mohammed spoke. The U.S. Navy sailed.", ["Sheikh H. Mohammed spoke.", "The U.S. Navy sailed."]),
        ("See No. 5 for details. He said no. Nobody cared.", ["See No. 5 for details.", "He said no.", "Nobody cared."]),
        ("Some 60,000 died, i.e. Many. And e.g. These.", ["Some 60,000 died, i.e. Many.", "And e.g. These."]),
        ("Smith vs. Jones was heard.", ["Smith vs. Jones was heard."]),
        ("Apples, pears, etc. The list goes on.", ["Apples, pears, etc. The list goes on."]),
        ("Apples, pears, etc.\n\nThe list goes on.", ["Apples, pears, etc.", "The list goes on."]),
        ("At 5 p.m. The meeting ended.", ["At 5 p.m.", "The meeting ended."]),
        ("World War I. The war ended.", ["World War I.", "The war ended."]),
    ],
)
def test_abbreviations(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# --- numbers, quotes, punctuation ---------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("It cost $7.5 million. Some 60,000 died.", ["It cost $7.5 million.", "Some 60,000 died."]),
        ("Migrants are 3.5 per cent. Next.", ["Migrants are 3.5 per cent.", "Next."]),
        ("Version 2.0 is out.Next sentence.", ["Version 2.0 is out.", "Next sentence."]),
        ('He said, "It is done." Then he left.', ['He said, "It is done."', "Then he left."]),
        ("He said, “It is done.” Then he left.", ["He said, “It is done.”", "Then he left."]),
        ("(See the annex.) Then go.", ["(See the annex.)", "Then go."]),
        ('"Is it?" he asked.', ['"Is it?" he asked.']),
        ("Really? Yes! OK.", ["Really?", "Yes!", "OK."]),
        ("Wait... the rest. Hmm... Then.", ["Wait... the rest.", "Hmm...", "Then."]),
        ('It ended. "Next," she said.', ["It ended.", '"Next," she said.']),
        ("Contact raji1@un.org for more.", ["Contact raji1@un.org for more."]),
    ],
)
def test_numbers_quotes_punctuation(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


# --- run-together sentences ----------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("exploitation of migrants.In a statement", ["exploitation of migrants.", "In a statement"]),
        ('principles."Clearly, what', ['principles."', "Clearly, what"]),
        ("countries of destination.IMA believes", ["countries of destination.", "IMA believes"]),
        (
            "IMA Chairperson4 December 2017The recent",
            ["IMA Chairperson4 December 2017", "The recent"],
        ),
        ("forced displacementReference: Ms. Eni", ["forced displacement", "Reference: Ms. Eni"]),
        ("WHO WE AREThe International", ["WHO WE ARE", "The International"]),
        ("The U.S.Navy sailed.", ["The U.S.Navy sailed."]),
        ("A 10Mbps link.", ["A 10Mbps link."]),
    ],
)
def test_run_together(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "word",
    ["McDonald", "iPhone", "UNICEF", "Migrationcomprising", "JavaScript", "PlayStation", "LinkedIn"],
)
def test_camel_case_words_do_not_split(word: str) -> None:
    assert texts(f"The {word} case is fine.") == [f"The {word} case is fine."]


# --- lines and blank lines ------------------------------------------------------------


def test_single_newline_is_whitespace_blank_line_ends_sentence() -> None:
    text = "A sentence hard-wrapped\nacross lines. Next one\n\nHeading without stop\n  \t\nThird"
    assert texts(text) == [
        "A sentence hard-wrapped\nacross lines.",
        "Next one",
        "Heading without stop",
        "Third",
    ]


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r"])
def test_blank_line_with_each_line_ending(brk: str) -> None:
    text = f"First part{brk}continues{brk}{brk}Second{brk} {brk}Third"
    assert texts(text) == [f"First part{brk}continues", "Second", "Third"]


def test_crlf_single_break_is_not_blank_line() -> None:
    assert texts("one\r\ntwo\rthree\nfour") == ["one\r\ntwo\rthree\nfour"]


def test_window_offsets_are_absolute() -> None:
    text = "Skip this. Keep one. Keep two. Skip too."
    start = text.index("Keep")
    end = text.index(" Skip too")
    segs = list(split_sentences(text, start, end))
    assert [(s.text, s.start) for s in segs] == [
        ("Keep one.", start),
        ("Keep two.", text.index("Keep two")),
    ]


def test_empty_and_whitespace() -> None:
    assert texts("") == []
    assert texts(" \n\n \r\n ") == []


# --- the cap ----------------------------------------------------------------------------


def test_long_sentence_is_capped_at_whitespace() -> None:
    text = " ".join(f"word{i}" for i in range(3000))  # ~26,000 chars, no punctuation
    segs = list(split_sentences(text))
    assert len(segs) > 1
    for seg in segs:
        assert len(seg.text) <= MAX_SENTENCE_CHARS
        assert text[seg.start : seg.end] == seg.text
    # Cut at whitespace: no word is broken, and nothing but spaces is dropped.
    assert " ".join(s.text for s in segs) == text
    assert all(text[s.end] == " " for s in segs[:-1])


def test_long_run_without_whitespace_is_cut_hard() -> None:
    text = "x" * (MAX_SENTENCE_CHARS * 2 + 5)
    segs = list(split_sentences(text))
    assert [len(s.text) for s in segs] == [MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]


def test_multi_megabyte_line_is_bounded() -> None:
    text = "migration compact figures " * 80_000  # ~2 MB, one line, no punctuation
    segs = list(split_sentences(text))
    assert max(len(s.text) for s in segs) <= MAX_SENTENCE_CHARS
    assert segs[0].start == 0 and segs[-1].end == len(text.rstrip())


# --- linear time --------------------------------------------------------------------------


ADVERSARIAL = {
    "dots": ".",
    "digits with commas": "1,",
    "spaces": " ",
    "U.S.": "U.S. ",
    "nested quotes": "> > > > ",
    "nested lists": "- - - - ",
    "quote lines": "> > > > U.S. 3.5 x\n",
    "list lines": "- - - - e.g. 1,000\n",
    "camel": "aaaBbb1Ab",
    "mixed": "a. 3.5, 60,000 U.S. > - Mr. x.Y ",
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
def test_split_sentences_is_linear(unit: str) -> None:
    def run(text: str) -> None:
        for _ in split_sentences(text):
            pass

    assert growth(run, unit) < LIMIT


# --- seeds ----------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_invariants(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    segs = list(split_sentences(text))
    assert segs
    last_end = 0
    for seg in segs:
        assert text[seg.start : seg.end] == seg.text
        assert seg.start >= last_end and seg.end > seg.start
        assert len(seg.text) <= MAX_SENTENCE_CHARS
        last_end = seg.end
        # Never cut after a title or after U.S./U.N. before a non-starter.
        assert not re.search(r"\b(?:Ms|Mr|Mrs|Dr|U\.S|U\.N)\.$", seg.text), seg.text


def test_seed_001_run_together_sentences() -> None:
    sentences = texts(_seed("001"))
    assert "Reference: Ms. Eni Lestari, IMA Chairperson4 December 2017" in sentences
    index = sentences.index("Reference: Ms. Eni Lestari, IMA Chairperson4 December 2017")
    assert sentences[index - 1].endswith("forced displacement")
    assert sentences[index + 1].startswith("The recent US government’s pronouncement")
    assert any(s.startswith("In a statement signed by US Secretary of State") for s in sentences)
    assert any(s.startswith("Clearly, what the US government meant") for s in sentences)
    assert any(s.startswith("IMA believes that such decision") for s in sentences)


def test_seed_000_abbreviations_and_quotes() -> None:
    sentences = texts(_seed("000"))
    assert (
        "Read more: U.S. Navy refused to help sinking migrant boat that capsized, "
        "killing dozens, survivors say" in sentences
    )
    assert '"More than 60,000 migrants have died on the move since the year 2000.' in sentences
    assert "This is a source of collective shame.\"" in sentences
    assert "In July, all 193 members—except the U.S.—finalized the pact." in sentences
    assert "Of the U.N.'s 193 members, 164 approved the new migration pact Monday." in sentences


def test_seed_003_decimals_and_glued_words() -> None:
    sentences = texts(_seed("003"))
    assert (
        "As a result, migrants comprise 3.5 per cent of the global population today, "
        "compared to 2.8 per cent in the year 2000." in sentences
    )
    assert any("UN Network on Migrationcomprising 38 UN system entities" in s for s in sentences)
    assert "Today, the trust fund has already received pledges totalling more than $7 million." in sentences


def test_seed_004_scraped_navigation() -> None:
    sentences = texts(_seed("004"))
    assert any(s.startswith("The International Organization for Migration (IOM) is part") for s in sentences)
    assert "It currently comprises 38 entities from within the United Nations system." in sentences


# --- streaming blocks -------------------------------------------------------------------------


def test_iter_blocks_offsets_match_whole_text() -> None:
    text = "  First para\r\nline two.\r\n\r\n   \r\nSecond para.\rstill second\r\r\nThird\n"
    stream = io.StringIO(text, newline="")  # newline="" keeps \r\n and \r as written
    blocks = list(iter_blocks(stream))
    assert [b for _, b in blocks] == [
        "First para\r\nline two.",
        "Second para.\rstill second",
        "Third",
    ]
    for offset, block in blocks:
        assert text[offset : offset + len(block)] == block


def test_iter_blocks_then_sentences_match_seed() -> None:
    text = _seed("000")
    whole = [(s.start, s.text) for s in split_sentences(text)]
    streamed = [
        (offset + s.start, s.text)
        for offset, block in iter_blocks(split_lines(text))
        for s in split_sentences(block)
    ]
    assert streamed == whole


# --- positions ---------------------------------------------------------------------------------


def test_line_index_positions() -> None:
    text = "ab\r\ncé\tx\rz\n\nend"
    index = LineIndex(text)
    assert index.position(0) == (1, 1)
    assert index.position(1) == (1, 2)
    assert index.position(text.index("c")) == (2, 1)
    assert index.position(text.index("x")) == (2, 4)  # é and tab are one column each
    assert index.position(text.index("z")) == (3, 1)  # lone \r is a break
    assert index.position(text.index("end")) == (5, 1)
    assert index.position(len(text)) == (5, 4)
    assert index.line_count == 5
    assert index.line_span(1) == (0, 2)
    assert index.line_span(2) == (4, 8)
    assert index.offset(*index.position(text.index("x"))) == text.index("x")
    with pytest.raises(ValueError):
        index.position(len(text) + 1)


def test_line_index_agrees_with_split_lines() -> None:
    text = "a\r\n\rb\n\r\nc\r"
    index = LineIndex(text)
    offset = 0
    for number, line in enumerate(split_lines(text), start=1):
        assert index.position(offset) == (number, 1)
        offset += len(line)


def test_segment_is_frozen() -> None:
    seg = Segment("x", 0, 1)
    with pytest.raises(AttributeError):
        seg.start = 3  # type: ignore[misc]
