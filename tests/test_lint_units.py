"""The pieces of `gcmcheck lint` on their own: streaming, globs, settings, fixes, progress."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from gcmcheck.documents.positions import split_lines
from gcmcheck.documents.reader import SHOW_ALL, SHOW_NONE, SHOW_VALUES, results_for_lines, results_for_text
from gcmcheck.lint import config, discovery, fixes, progress
from gcmcheck.models import Result, Verdict

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "lint"


def _located(results: Iterator[Result]) -> list[tuple]:
    return [(r.line, r.column, r.end_line, r.end_column, r.verdict, r.text, r.fix_start, r.fix_end) for r in results]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("show", [SHOW_ALL, SHOW_VALUES, SHOW_NONE])
def test_streamed_plain_text_equals_whole_text(checker, newline: str, show: str) -> None:
    text = (FIXTURES / "notes.txt").read_text().replace("\n", newline) + "\t\n\n  Trailing 160 states voted in favour at the General Assembly."
    assert _located(results_for_lines(checker, split_lines(text), "x", show)) == _located(
        results_for_text(checker, text, "x", markdown=False, show=show)
    )


def test_streaming_yields_before_the_end_of_input(checker) -> None:
    """Memory does not grow with input: results come out paragraph by paragraph."""
    consumed = 0

    def endless() -> Iterator[str]:
        nonlocal consumed
        while True:
            for line in ("The Compact has 25 objectives.\n", "\n", "Nothing to see here.\n", "\n"):
                consumed += 1
                yield line

    stream = results_for_lines(checker, endless(), "x", SHOW_NONE)
    first, second = next(stream), next(stream)
    assert (first.line, second.line) == (1, 5) and first.verdict is Verdict.CONTRADICTED
    assert consumed <= 8


def test_runner_streams_text_files_and_decodes_per_line(checker, tmp_path: Path) -> None:
    from gcmcheck.lint.runner import Options, check_target

    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfThe Compact has 25 objectives.\r\n\r\n\xe2\x80 bad. The Compact has 25 objectives.\r\n")
    outcome = check_target(checker, discovery.Target("a.txt", path, markdown=False), Options())
    assert not isinstance(outcome.results, list)  # a generator: streamed
    results = list(outcome.results)
    assert [(r.line, r.column) for r in results] == [(1, 1), (3, 8)]  # one U+FFFD for the cut sequence
    assert outcome.warnings == ["invalid UTF-8 at byte 34; undecodable bytes replaced with U+FFFD"]
    whole = check_target(checker, discovery.Target("a.txt", path, markdown=False), Options(), stream=False)
    assert _located(iter(whole.results)) == _located(iter(results)) and whole.warnings == outcome.warnings


def test_raw_lines_rejoin_the_line_cut_by_the_head() -> None:
    from gcmcheck.lint.runner import _raw_lines

    data = b"a\r\n" + b"x" * 10 + b"\r\nlast"
    head, rest = data[:8], io.BytesIO(data[8:])
    assert list(_raw_lines(rest, head)) == [b"a\r\n", b"x" * 10 + b"\r\n", b"last"]


@pytest.mark.parametrize(
    ("pattern", "rel", "is_dir", "covers", "expected"),
    [
        ("*.md", "docs/a.md", False, False, True),
        ("*.md", "docs/a.txt", False, False, False),
        ("*.md", "x.md/a.txt", False, False, False),  # include: a folder's name does not count
        ("drafts", "drafts/a.md", False, True, True),  # exclude: a folder on the way counts
        ("drafts/", "drafts", True, True, True),
        ("drafts/", "drafts", False, True, False),  # a file called drafts is not a folder
        ("docs/archive", "docs/archive/2018/a.md", False, True, True),
        ("docs/*.md", "docs/a.md", False, False, True),
        ("docs/*.md", "docs/sub/a.md", False, False, False),
        ("docs/**/*.md", "docs/sub/deeper/a.md", False, False, True),
        ("docs/**/*.md", "docs/a.md", False, False, True),
        ("/docs/a.md", "docs/a.md", False, False, True),
        ("[!a]*.md", "b.md", False, False, True),
        ("[!a]*.md", "a.md", False, False, False),
        ("a?.md", "ab.md", False, False, True),
    ],
)
def test_globs(pattern: str, rel: str, is_dir: bool, covers: bool, expected: bool, tmp_path: Path) -> None:
    assert discovery._matches(pattern, tmp_path / rel, tmp_path, is_dir, covers) is expected


def test_discovery_order_names_and_duplicates(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for rel in ("d/b.md", "d/a.txt", "d/sub/c.markdown", "d/z.rst", "d/.venv/x.md", "e.MD"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("x")
    rules = lambda folder: discovery.Rules(config.DEFAULT_INCLUDE)  # noqa: E731
    found = discovery.discover(["d/", "d/b.md", "-", "e.MD", "-"], rules, stdin_name=None, use_git=False)
    assert [(t.name, t.markdown) for t in found.targets] == [
        ("d/a.txt", False),
        ("d/b.md", True),
        ("d/sub/c.markdown", True),
        ("<stdin>", True),
    ]
    assert found.filtered == ["e.MD"]  # globs are case-sensitive, as in git
    found = discovery.discover(["-"], rules, stdin_name="notes.txt", use_git=False)
    assert [(t.name, t.path, t.markdown) for t in found.targets] == [("notes.txt", None, False)]


def test_config_nearest_file_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.gcmcheck]\nformat = "json"\ninclude = "*.txt"\n')
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "pyproject.toml").write_text('[project]\nname = "no gcmcheck table here"\n')
    finder = config.ConfigFinder()
    settings = config.resolve(tmp_path / "a" / "b", {}, finder)
    assert settings.file == tmp_path / "pyproject.toml"
    assert (settings.format.value, settings.include.value, settings.fail_on.origin) == ("json", ("*.txt",), "default")
    (tmp_path / "a" / ".gcmcheck.toml").write_text('fail_on = "conflicting"\n')
    settings = config.resolve(tmp_path / "a" / "b", {"format": ("line", "--format")}, config.ConfigFinder())
    assert settings.file == tmp_path / "a" / ".gcmcheck.toml"
    assert (settings.format.value, settings.format.origin) == ("line", "--format")
    assert (settings.fail_on.value, settings.include.value) == ("conflicting", config.DEFAULT_INCLUDE)


def test_fixes_overlap_and_identity() -> None:
    def contradicted(start: int, end: int, value: str, verdict: Verdict = Verdict.CONTRADICTED) -> Result:
        return Result("t", verdict, fix_start=start, fix_end=end, fix_replacement=value)

    text = "We had 160 states and 25 goals."
    results = [
        contradicted(7, 10, "152"),
        contradicted(7, 10, "152"),  # the same fix twice (two claims) counts once
        contradicted(8, 12, "999"),  # overlaps the first: dropped
        contradicted(22, 24, "23"),
        contradicted(0, 2, "We"),  # no change
        contradicted(3, 6, "has", Verdict.SUPPORTED),  # not contradicted
        Result("t", Verdict.CONTRADICTED),  # no fix known
    ]
    chosen = fixes.fixes_for(results, text)
    assert chosen == [fixes.Fix(7, 10, "152"), fixes.Fix(22, 24, "23")]
    assert fixes.apply_fixes(text, chosen) == "We had 152 states and 23 goals."


def test_unified_diff_marks_a_missing_final_newline() -> None:
    diff = fixes.unified_diff("a\r\n160\r\nend", "a\r\n152\r\nend!", "x.md")
    assert diff.startswith("--- a/x.md\n+++ b/x.md\n")
    assert diff.endswith(
        " a\r\n-160\r\n-end\n\\ No newline at end of file\n+152\r\n+end!\n\\ No newline at end of file\n"
    )


def test_write_atomic_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    path.chmod(0o600)
    fixes.write_atomic(path, b"new")
    assert path.read_bytes() == b"new" and path.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_for_a_terminal_and_many_files(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TERM", raising=False)
    assert progress.wanted(10, _Tty())
    assert not progress.wanted(9, _Tty())
    assert not progress.wanted(100, io.StringIO())
    assert not progress.wanted(100, _Tty(), streaming_to_terminal=True)
    stream = _Tty()
    with progress.progress(12, stream, color=False) as bar:
        for _ in range(12):
            bar.advance()
    with progress.progress(3, stream) as bar:  # no bar: a no-op
        bar.advance()
