"""Properties of the whole checker, tested with generated input (hypothesis).

* every result's position points at its sentence in the original input;
* whitespace folding maps each character back to where it was;
* plain text read line by line gives what the whole text gives;
* results are deterministic, and independent of what was checked before, of the
  order of the files, of --jobs and of Python's string-hash seed;
* no input makes the checker, the document reader or the decoder raise.

(Integers round-tripping through English number words, 0 to 10**9, is
tests/test_numbers.py::test_words_round_trip; the analyser alone,
tests/test_analyser.py::test_no_input_makes_the_analyser_raise.)
"""

from __future__ import annotations

import codecs
import json
import random
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gcmcheck.documents.decode import decode
from gcmcheck.documents.positions import LineIndex, split_lines
from gcmcheck.documents.reader import SHOW_ALL, Sentence, _fold, results_for_lines, results_for_text

FACTS = [
    "The Compact has 25 objectives.",
    "The compact has 23 objectives.",
    "152 countries voted yes.",
    "164 states approved the compact at Marrakech on 10 December 2018.",
    "The General Assembly endorsed it on 19 December 2018, with 12 abstentions.",
    "Migrants are 3.4 percent of the world's population.",
    "The compact is legally binding.",
    "The United States voted against it.",
    "One hundred and fifty-two members voted in favour.",
    "The sky is blue.",
    "Dr. Smith e.g. said 3.5 million, i.e. about U.S. $7 million.",
]
PROSE = st.text(alphabet=st.sampled_from(list("ab Z1.,;:-\u2014\u00e9\u00a0\t\u2028\U0001f600\ufeff")), max_size=12)
MARKUP = ["# ", "## ", "> ", "- ", "1. ", "* ", "    ", "**", "_", "`x` ", "[see](http://x.org) ", "<b>", "<!-- c -->", "| ", " |", "\\*", "~~~\n", "---\n"]
BREAKS = ["\n", "\r\n", "\r", "\n\n", "\r\n\r\n", "\r\r", " ", "\t", "  \n"]


@st.composite
def documents(draw: st.DrawFn, markdown: bool) -> str:
    """A document of facts and noise, with markup (for Markdown) and any line endings."""
    parts = []
    for _ in range(draw(st.integers(1, 8))):
        if markdown and draw(st.booleans()):
            parts.append(draw(st.sampled_from(MARKUP)))
        parts.append(draw(st.one_of(st.sampled_from(FACTS), PROSE)))
        parts.append(draw(st.sampled_from(BREAKS)))
    return "".join(parts)


def _subsequence(needle: str, haystack: str) -> bool:
    it = iter(haystack)
    return all(ch in it for ch in needle)


def _check_positions(text: str, results: list, markdown: bool) -> None:  # type: ignore[type-arg]
    index = LineIndex(text)
    for r in results:
        start = index.offset(r.line, r.column)
        end = index.offset(r.end_line, r.end_column)
        assert 0 <= start < end <= len(text)
        original = text[start:end]
        assert r.text[0] == original[0] and r.text[-1] == original[-1], (r.text, original)
        if markdown:  # markup inside the sentence is masked: the words are there, in order
            assert _subsequence(r.text.replace(" ", ""), original), (r.text, original)
        else:  # plain text: exactly the sentence, whitespace folded
            assert " ".join(original.split()) == r.text, (r.text, original)
        if r.fix_start is not None:  # the value a fix replaces lies inside the sentence
            assert start <= r.fix_start < r.fix_end <= end
            assert not text[r.fix_start : r.fix_end].isspace()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.booleans(), st.data())
def test_every_result_points_at_its_sentence(checker, markdown: bool, data: st.DataObject) -> None:
    text = data.draw(documents(markdown))
    results = list(results_for_text(checker, text, "x", markdown, SHOW_ALL))
    _check_positions(text, results, markdown)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data(), st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_positions_survive_encodings(checker, data: st.DataObject, encoding: str) -> None:
    """Bytes as a file holds them (BOM, UTF-16) decode to the text, so results agree."""
    text = data.draw(documents(markdown=False)).replace("\ufeff", "")
    decoded = decode(text.encode(encoding))
    assert decoded.text == text and decoded.warnings == []
    results = list(results_for_text(checker, decoded.text, "x", False, SHOW_ALL))
    _check_positions(text, results, markdown=False)


def _reference_fold(text: str, start: int, end: int) -> tuple[str, tuple[int, ...]]:
    """The obvious per-character folding the reader's _fold must agree with."""
    out: list[str] = []
    offsets: list[int] = []
    pos = start
    for m in re.finditer(r"\s+", text[start:end]):
        a, b = start + m.start(), start + m.end()
        out.append(text[pos:a])
        offsets.extend(range(pos, a))
        out.append(" ")
        offsets.append(a)
        pos = b
    out.append(text[pos:end])
    offsets.extend(range(pos, end))
    folded = "".join(out)
    lead = len(folded) - len(folded.lstrip())
    folded = folded.strip()
    return folded, tuple(offsets[lead : lead + len(folded)])


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab. \t\n\r\x0b\x0c\xa0\u2028\u3000")), max_size=40), st.data())
def test_folding_maps_every_character_back(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    folded, anchors = _fold(text, start, end)
    expected, offsets = _reference_fold(text, start, end)
    assert folded == expected
    if folded:
        sentence = Sentence(folded, start, end, anchors)
        assert sentence.offsets == offsets
        assert all(folded[i] == " " or text[o] == folded[i] for i, o in enumerate(offsets))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_streamed_plain_text_is_the_whole_text(checker, data: st.DataObject) -> None:
    text = data.draw(documents(markdown=False))

    def located(results) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
        return [(r.line, r.column, r.end_line, r.end_column, r.text, r.verdict, r.fix_start, r.fix_end) for r in results]

    assert located(results_for_lines(checker, split_lines(text), "x", SHOW_ALL)) == located(
        results_for_text(checker, text, "x", False, SHOW_ALL)
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(FACTS), PROSE), min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_results_do_not_depend_on_what_was_checked_before(checker, sentences: list[str], rng: random.Random) -> None:
    from gcmcheck.engine.checker import Checker

    def judged(c: Checker, text: str) -> list[tuple]:  # type: ignore[type-arg]
        return [(r.verdict, r.claim_id, r.stated, r.expected, r.explanation, r.fix_start, r.fix_end) for r in c.check(text)]

    fresh = {s: judged(Checker(checker.table), s) for s in sentences}
    shared = Checker(checker.table)
    order = sentences * 2
    rng.shuffle(order)
    for s in order:
        assert judged(shared, s) == fresh[s]
        assert judged(checker, s) == fresh[s]  # the session's long-lived checker too


def test_results_are_independent_of_file_order_and_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from gcmcheck.cli import run

    rng = random.Random(11)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NO_COLOR", "1")
    names = []
    for i in range(8):
        suffix = ".md" if i % 2 else ".txt"
        blocks = [rng.choice(FACTS) + rng.choice(["", " See also the notes."]) for _ in range(rng.randint(1, 6))]
        heading = "# Notes\n\n" if suffix == ".md" else ""
        (tmp_path / f"d{i}{suffix}").write_text(heading + rng.choice(["\n\n", "\r\n\r\n"]).join(blocks) + "\n")
        names.append(f"d{i}{suffix}")

    def by_file(*args: str) -> tuple[dict[str, list[dict]], str]:  # type: ignore[type-arg]
        assert run(["lint", "-f", "jsonl", "--show", "unverifiable", *args]) in (0, 1)
        out, _ = capsys.readouterr()
        grouped: dict[str, list[dict]] = {}  # type: ignore[type-arg]
        for line in out.splitlines():
            row = json.loads(line)
            grouped.setdefault(row["input"], []).append(row)
        return grouped, out

    baseline, first = by_file(*names)
    assert set(baseline) <= set(names) and len(baseline) >= 4
    for jobs in ("1", "2"):
        again, out = by_file("--jobs", jobs, *names)
        assert out == first, jobs  # same order: byte for byte the same output
        shuffled = names[:]
        rng.shuffle(shuffled)
        grouped, _ = by_file("--jobs", jobs, *shuffled)
        assert grouped == baseline, jobs


def test_results_do_not_depend_on_the_hash_seed() -> None:
    """Sets of words iterate in an order that changes with PYTHONHASHSEED: nothing a
    user sees may follow it (sums of word weights once did, and so broke ties)."""
    import yaml

    from conftest import run_cli

    root = Path(__file__).resolve().parent
    statements = [*FACTS, "The United States pulled out of the negotiations in July 2017."]
    for name in ("dev.yaml", "holdout.yaml"):
        statements += [e["text"] for e in yaml.safe_load((root / "eval" / name).read_text(encoding="utf-8"))]
    text = "\n\n".join(" ".join(s.split()) for s in statements) + "\n"
    outputs = set()
    for seed in ("0", "19", "23", "35"):
        proc = run_cli("lint", "-", "--format", "jsonl", "-v", "--show", "unverifiable", stdin=text, env={"PYTHONHASHSEED": seed})
        assert proc.returncode in (0, 1), proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1 and outputs.pop().count("\n") >= len(statements) // 2


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_no_text_makes_the_checker_raise(checker, text: str) -> None:
    checker.check(text)
    for markdown in (True, False):
        list(results_for_text(checker, text, "x", markdown, SHOW_ALL))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([*FACTS, *MARKUP, *BREAKS, "\x00", "\ufffd", "<!-- gcmcheck off -->", "<!-- gcmcheck ignore-next -->", "gcmcheck on", "---\n", "+++\n", "```\n", "[a]: http://b\n", "| - |\n"]), max_size=25).map("".join))
def test_no_markdown_makes_the_reader_raise(checker, text: str) -> None:
    for markdown in (True, False):
        results = list(results_for_text(checker, text, "x", markdown, SHOW_ALL))
        _check_positions(text, results, markdown)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64), st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE]))
def test_no_bytes_make_the_decoder_raise(data: bytes, bom: bytes) -> None:
    decoded = decode(bom + data)
    decoded.text.encode("utf-8")  # never a lone surrogate: the text can always be printed
    assert all(w.startswith("invalid UTF-") for w in decoded.warnings)


def test_stdin_and_file_give_the_same_results(checker, tmp_path: Path) -> None:
    from gcmcheck.lint.discovery import Target
    from gcmcheck.lint.runner import Options, check_target

    text = "\r\n\r\n".join(FACTS) + "\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(codecs.BOM_UTF8 + text.encode())
    streamed = list(check_target(checker, Target("a.txt", path, False), Options(show=SHOW_ALL)).results)
    whole = check_target(checker, Target("a.txt", path, False), Options(show=SHOW_ALL), stream=False).results
    assert [(r.line, r.column, r.text) for r in streamed] == [(r.line, r.column, r.text) for r in whole]
    assert len(streamed) >= len(FACTS)
