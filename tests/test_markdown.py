"""Prose regions of Markdown and plain text, with offsets that never move."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from timing import LIMIT, growth
from hypothesis import given, settings
from hypothesis import strategies as st

from gcmcheck.documents.markdown import (
    Region,
    iter_plain_blocks,
    plain_directive,
    plain_regions,
    prose_regions,
)
from gcmcheck.documents.positions import LineIndex, split_lines
from gcmcheck.documents.segment import split_regions, split_sentences

FIXTURES = Path(__file__).parent / "fixtures" / "documents"
SEEDS = sorted((Path(__file__).parent.parent / "seeds").glob("*.txt"))


def _draft() -> str:
    with open(FIXTURES / "draft.md", encoding="utf-8", newline="") as handle:
        text = handle.read()
    # The fixture is stored with CRLF; re-create them should a checkout convert them.
    if "\r\n" not in text:
        text = text.replace("\n", "\r\n")
    return text


def _sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, original text) of every sentence of a Markdown document."""
    masked, regions = prose_regions(text)
    return [(s.start, s.end, text[s.start : s.end]) for s in split_regions(masked, regions)]


def _expected_position(text: str, offset: int) -> tuple[int, int]:
    """Line/column computed independently of LineIndex."""
    lines = re.split(r"\r\n|\r|\n", text[:offset])
    return len(lines), len(lines[-1]) + 1


# --- the fixture draft ---------------------------------------------------------------------

DRAFT_SENTENCES = [
    "The Global Compact for Migration",
    "The Compact was adopted in Marrakech on 10 December 2018 by 164 states.",
    "The U.N. General Assembly endorsed it on 19 December 2018, with 152 votes in favour\r\n"
    "and 5 against.",
    "Run `gcmcheck --votes 152` to check the figures.",
    'Read [the full text](https://www.un.org/en/gcm.pdf "GCM text") for details.',
    "It contains 23 objectives.",
    "The U.S. withdrew in December 2017.",
    "It* never returned.",
    "Migration has always been with us.",
    "It is a fact.",
    "Objective",
    "Topic",
    "1",
    "Accurate data",
    "Final paragraph, about 272 million migrants.",
]

DRAFT_REGIONS = [  # masked text of each region
    "The Global Compact for Migration",
    "The Compact was adopted in Marrakech on 10 December 2018 by 164 states.\r\n"
    "The U.N. General Assembly endorsed it on 19 December 2018, with 152 votes in favour\r\n"
    "and 5 against.",
    "Run" + " " * 24 + "to check the figures. Read  the full text" + " " * 44 + "for details.",
    "It contains 23 objectives.",
    "The U.S. withdrew in December 2017.  It  never returned.",
    "Migration has always been with us. It is a fact.",
    "Objective",
    "Topic",
    "1",
    "Accurate data",
    "Final paragraph, about 272 million migrants.",
]


def test_draft_regions_are_exact() -> None:
    text = _draft()
    masked, regions = prose_regions(text)
    assert len(masked) == len(text)
    assert [masked[r.start : r.end] for r in regions] == DRAFT_REGIONS
    assert all(a.end <= b.start for a, b in zip(regions, regions[1:]))


def test_draft_sentences_are_exact() -> None:
    assert [s for _, _, s in _sentences(_draft())] == DRAFT_SENTENCES


def test_draft_sentences_start_with_a_word_and_have_right_positions() -> None:
    text = _draft()
    index = LineIndex(text)
    for start, end, sentence in _sentences(text):
        assert re.match(r"\w", sentence), sentence  # no markup before the first word
        assert index.position(start) == _expected_position(text, start)
        assert index.position(end) == _expected_position(text, end)
    positions = {s: index.position(a) for a, _, s in _sentences(text)}
    assert positions["The Global Compact for Migration"] == (6, 3)
    assert positions[DRAFT_SENTENCES[2]] == (9, 1)  # second line of the paragraph
    assert positions[DRAFT_SENTENCES[4]] == (16, 50)
    assert positions["It* never returned."] == (24, 40)
    assert positions["Accurate data"] == (30, 7)
    assert positions["Final paragraph, about 272 million migrants."] == (35, 1)


def test_draft_masks_everything_that_is_not_prose() -> None:
    text = _draft()
    masked, _ = prose_regions(text)
    for hidden in [
        "title",  # front matter
        "999",  # fenced code
        "gcmcheck --votes",  # inline code
        "https://",  # link destination
        "GCM text",  # link title
        "chart",  # image
        "200 states",  # gcmcheck off
        "legally binding",  # ignore-next
        "<!--",
        "|",
        "#",
        "`",
        "---",
    ]:
        assert hidden not in masked, hidden
    # Line breaks stay where they were, so LineIndex works on either copy.
    assert [i for i, ch in enumerate(text) if ch in "\r\n"] == [
        i for i, ch in enumerate(masked) if ch in "\r\n"
    ]
    # Every other character is either copied or blanked.
    assert all(m in (t, " ") for m, t in zip(masked, text))


# --- individual constructs -------------------------------------------------------------------


def _region_texts(text: str) -> list[str]:
    masked, regions = prose_regions(text)
    return [masked[r.start : r.end] for r in regions]


def test_front_matter_toml_and_unclosed() -> None:
    assert _region_texts("+++\ntitle = 'x'\n+++\nBody 42.\n") == ["Body 42."]
    assert _region_texts("---\na: 1\n...\nBody.\n") == ["Body."]
    # No closing line: not front matter ("---" is a rule, the rest is prose).
    assert _region_texts("---\nNot front matter.\n") == ["Not front matter."]
    # Only at the very start.
    assert _region_texts("Intro.\n\n---\na: 1\n---\n") == ["Intro.", "a: 1"]


def test_links_images_autolinks_html() -> None:
    text = (
        'See [the *report*](http://x.org/a(b)c "T") and [ref][r], [short], '
        "![img [alt]](i.png) <https://u.org> <b>bold</b> <!-- c -->.\n\n"
        "[r]: https://ref.org 'title'\n[short]: /s\n"
    )
    assert _region_texts(text) == [
        "See  the  report "
        + " " * len('](http://x.org/a(b)c "T")')
        + " and  ref    ,  short , "
        + " " * len("![img [alt]](i.png)")
        + " "
        + " " * len("<https://u.org>")
        + " "
        + " " * len("<b>")
        + "bold"
        + " " * len("</b>")
        + " "
        + " " * len("<!-- c -->")
        + "."
    ]


def test_emphasis_only_masked_when_markup() -> None:
    text = "Costs 5 * 3 and a_b_c, **strong** and _em_ and \\*literal\\* and `a*b*`."
    assert _region_texts(text) == [
        "Costs 5 * 3 and a_b_c,   strong   and  em  and  *literal * and " + " " * 6 + "."
    ]


def test_code_blocks_are_masked() -> None:
    text = "Para one.\n\n    indented 123\n\n~~~\nfenced 456\n~~~\n\nPara two.\n"
    assert _region_texts(text) == ["Para one.", "Para two."]


def test_nested_containers_and_setext() -> None:
    text = (
        "Setext title\n============\n\n"
        "> - quoted item\n>   continued\n> > nested with `code`\nlazy line\n\n"
        "1. one\n\t- tab *item*\n"
    )
    assert _region_texts(text) == [
        "Setext title",
        "quoted item\n    continued",
        "nested with       \nlazy line",
        "one",
        "tab  item",
    ]


def test_table_cells_are_separate_regions() -> None:
    text = "> | A | B \\| C |\n> |---|:-:|\n> | 1 | two words |\n> | only |\n"
    assert _region_texts(text) == ["A", "B  | C", "1", "two words", "only"]


def test_heading_markers_and_closing_hashes() -> None:
    text = "## The *heading* ##\n#Not a heading\n"
    assert _region_texts(text) == ["The  heading", "#Not a heading"]


def test_crlf_and_lone_cr() -> None:
    for brk in ("\r\n", "\r"):
        text = f"# Title{brk}{brk}A wrapped{brk}sentence. Next.{brk}{brk}- item{brk}"
        assert [s for _, _, s in _sentences(text)] == [
            "Title",
            f"A wrapped{brk}sentence.",
            "Next.",
            "item",
        ]


# --- directives ----------------------------------------------------------------------------------


def test_off_on_is_case_insensitive_and_flexible() -> None:
    text = (
        "Checked one.\n\n<!--GCMCHECK   Off-->\n\nHidden.\n\n# Hidden heading\n\n"
        "<!--  gcmcheck on  -->\nChecked two.\n"
    )
    assert _region_texts(text) == ["Checked one.", "Checked two."]


def test_off_runs_to_end_of_document() -> None:
    assert _region_texts("Kept.\n\n<!-- gcmcheck off -->\n\nGone.\n\n- gone\n") == ["Kept."]


@pytest.mark.parametrize(
    "block",
    [
        "Skipped paragraph.",
        "# Skipped heading",
        "- skipped\n- list\n\n  second para",
        "> skipped\n>\n> quote",
        "| a | b |\n|---|---|\n| c | d |",
        "```\ncode\n```\nNot skipped: the fence was the next block.",
    ],
)
def test_ignore_next_skips_exactly_one_block(block: str) -> None:
    text = f"Before.\n\n<!-- gcmcheck ignore-next -->\n{block}\n\nAfter.\n"
    expected = ["Before.", "After."]
    if "Not skipped" in block:
        expected = ["Before.", "Not skipped: the fence was the next block.", "After."]
    assert _region_texts(text) == expected


def test_ignore_next_inside_list_item() -> None:
    text = "- kept\n- <!-- gcmcheck ignore-next -->\n  dropped\n- kept too\n"
    assert _region_texts(text) == ["kept", "kept too"]


def test_inline_comment_is_not_a_directive() -> None:
    assert _region_texts("Text <!-- gcmcheck off --> more.\n\nNext.") == [
        "Text" + " " * 23 + "more.",
        "Next.",
    ]


# --- plain text -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, expected",
    [
        ("gcmcheck off", "off"),
        ("  GCMCHECK on  \r\n", "on"),
        ("# gcmcheck ignore-next", "ignore-next"),
        ("// gcmcheck off", "off"),
        ("<!-- gcmcheck on -->", "on"),
        ("gcmcheck off please", None),
        ("We use gcmcheck off-line.", None),
    ],
)
def test_plain_directive(line: str, expected: str | None) -> None:
    assert plain_directive(line) == expected


def test_plain_regions_paragraphs_and_directives() -> None:
    text = (
        "First para\r\nwraps here.\r\n\r\n"
        "Second.\n# gcmcheck ignore-next\nDropped para\nstill dropped.\n\n"
        "Third.\ngcmcheck off\n\nHidden.\n<!-- gcmcheck on -->\n  Fourth.  \n"
    )
    regions = plain_regions(text)
    assert [text[r.start : r.end] for r in regions] == [
        "First para\r\nwraps here.",
        "Second.",
        "Third.",
        "Fourth.",
    ]
    assert regions[0] == Region(0, len("First para\r\nwraps here."))


def test_iter_plain_blocks_streams_with_offsets() -> None:
    text = "A.\n\n// gcmcheck ignore-next\nB.\n\nC one.\nC two.\n"
    blocks = list(iter_plain_blocks(split_lines(text)))
    assert blocks == [(0, "A."), (text.index("C one"), "C one.\nC two.")]


@pytest.mark.parametrize("path", SEEDS, ids=[p.name for p in SEEDS])
def test_seed_sentences_through_plain_regions(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    via_regions = [(s.start, s.text) for s in split_regions(text, plain_regions(text))]
    assert via_regions == [(s.start, s.text) for s in split_sentences(text)]


# --- robustness and linear time -------------------------------------------------------------------

MARKDOWN_ALPHABET = st.sampled_from(
    list("ab .,*_`[]()<>!#-+|\\\n\r\t:\"'~=") + ["\r\n", "---", "```", "<!-- gcmcheck off -->\n", "1. ", "> "]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_ALPHABET, max_size=60).map("".join))
def test_prose_regions_invariants(text: str) -> None:
    masked, regions = prose_regions(text)
    assert len(masked) == len(text)
    assert all(m in (t, " ") or (t == "\0" and m == " ") for m, t in zip(masked, text))
    assert all(m == t for m, t in zip(masked, text) if t in "\r\n")
    previous_end = 0
    for region in regions:
        assert previous_end <= region.start < region.end <= len(text)
        assert not masked[region.start].isspace() and not masked[region.end - 1].isspace()
        previous_end = region.end


ADVERSARIAL = {
    "dots": ".",
    "digits with commas": "1,",
    "spaces": " ",
    "U.S.": "U.S. ",
    "nested quotes": "> > > > ",
    "nested lists": "- - - - ",
    "quote lines": "> > > > U.S. 3.5 x\n",
    "list lines": "- - - - e.g. 1,000\n",
    "markup": "a. 3.5 `x` [a](b) *c* _d_ <i> ![e](f) \\* ",
    "blank lines": "\r\n \r\n",
}


@pytest.mark.parametrize("unit", list(ADVERSARIAL.values()), ids=list(ADVERSARIAL))
@pytest.mark.parametrize("func", [prose_regions, plain_regions], ids=["markdown", "plain"])
def test_regions_are_linear(unit: str, func: Callable[[str], object]) -> None:
    assert growth(func, unit) < LIMIT
