"""Bad input, signals and pipes, and safety by construction (docs/bad-input.md).

Every bad input ends as one line on stderr naming the file (and the line where one
applies), a documented exit status -- 2 for an error; a skipped or empty file is a
warning -- and never a traceback; `--debug` adds the traceback for bug reports.
Subprocess tests (conftest.run_cli) are used where the exit status, a signal or a pipe
is what is tested; the rest run in this process.
"""

from __future__ import annotations

import ast
import codecs
import io
import json
import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, run_cli
from gcmcheck.cli import run

SRC = ROOT / "src" / "gcmcheck"
CONTRADICTED = "The Compact has 25 objectives."  # the shipped table says 23
FIXED = "The Compact has 23 objectives."
ON_POSIX = os.name == "posix"


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty working folder, colour off."""
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_COLOR", "1")
    return folder


def lint(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """`gcmcheck lint ARGS` in this process: (exit status, stdout, stderr)."""
    code = run(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_line_message(err: str, kind: str = "error") -> str:
    """The single stderr line of a failed run (asserting it is one line, no traceback)."""
    assert "Traceback" not in err, err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(f"gcmcheck: {kind}: "), err
    return lines[0]


def positions(out: str) -> list[tuple[str, int, int]]:
    """(file, line, column) of each result of --format jsonl output."""
    rows = [json.loads(line) for line in out.splitlines()]
    return [(r["input"], r["line"], r["column"]) for r in rows]


# --- 1. bad input ------------------------------------------------------------------------


def test_missing_file(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lint(capsys, "missing.md")
    assert code == 2 and out == ""
    assert one_line_message(err) == "gcmcheck: error: missing.md: no such file or directory"


def test_folder_with_no_files_to_check(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "empty").mkdir()
    (work / "empty" / "notes.rst").write_text("160 states voted in favour.")
    code, _, err = lint(capsys, "empty")
    assert code == 2
    assert one_line_message(err).startswith("gcmcheck: error: empty: no files to check")


def test_unreadable_file_is_an_error_after_the_others(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gcmcheck.lint import runner

    (work / "secret.md").write_text(CONTRADICTED)
    (work / "open.md").write_text(CONTRADICTED)
    real_open = open

    def guarded(file, *args, **kwargs):  # type: ignore[no-untyped-def]
        if str(file).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(runner, "open", guarded, raising=False)  # what chmod 000 does, even as root
    code, out, err = lint(capsys, "-f", "jsonl", "secret.md", "open.md")
    assert code == 2
    assert one_line_message(err) == "gcmcheck: error: secret.md: permission denied"
    assert positions(out) == [("open.md", 1, 1)]  # the other file was still checked


@pytest.mark.skipif(not ON_POSIX or os.geteuid() == 0, reason="root reads any file; the monkeypatched test covers it")
def test_unreadable_file_for_real(work: Path) -> None:
    path = work / "secret.md"
    path.write_text(CONTRADICTED)
    path.chmod(0)
    try:
        proc = run_cli("lint", "secret.md", cwd=work)
    finally:
        path.chmod(0o644)
    assert proc.returncode == 2
    assert one_line_message(proc.stderr) == "gcmcheck: error: secret.md: permission denied"


def test_binary_file_is_skipped_with_a_warning(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "image.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    code, _, err = lint(capsys, "image.md")
    assert code == 0
    assert one_line_message(err, "warning") == "gcmcheck: warning: image.md: binary file skipped"


@pytest.mark.parametrize("name", ["bad.md", "bad.txt"])
def test_invalid_utf8_is_replaced_with_a_warning_and_positions_stay_right(
    name: str, work: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "\xff" is one undecodable byte (one U+FFFD); "\xe2\x80" a cut sequence (one U+FFFD)
    (work / name).write_bytes(b"Intro \xff line.\n\n\xe2\x80 Intro. " + CONTRADICTED.encode() + b"\n")
    code, out, err = lint(capsys, "-f", "jsonl", name)
    assert code == 1
    assert one_line_message(err, "warning") == (
        f"gcmcheck: warning: {name}: invalid UTF-8 at byte 6; undecodable bytes replaced with U+FFFD"
    )
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["line"], r["column"], r["verdict"]) for r in rows] == [(3, 10, "contradicted")]  # U+FFFD is one column


def test_utf8_bom(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "bom.md").write_bytes(codecs.BOM_UTF8 + CONTRADICTED.encode() + b"\n")
    (work / "bom.txt").write_bytes(codecs.BOM_UTF8 + CONTRADICTED.encode() + b"\n")
    code, out, err = lint(capsys, "-f", "jsonl", "bom.md", "bom.txt")
    assert (code, err) == (1, "")
    assert positions(out) == [("bom.md", 1, 1), ("bom.txt", 1, 1)]  # the BOM is no column
    assert "\ufeff" not in out
    code, _, err = lint(capsys, "--fix", "bom.md")
    assert (work / "bom.md").read_bytes() == codecs.BOM_UTF8 + FIXED.encode() + b"\n"  # BOM kept


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom(encoding: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    text = f"Intro.\r\n\r\n{CONTRADICTED}\r\n"
    for name in ("u16.md", "u16.txt"):
        (work / name).write_bytes(bom + text.encode(encoding))
    code, out, err = lint(capsys, "-f", "jsonl", "u16.md", "u16.txt")
    assert (code, err) == (1, "")
    assert positions(out) == [("u16.md", 3, 1), ("u16.txt", 3, 1)]
    code, _, err = lint(capsys, "--fix", "u16.md")
    assert (work / "u16.md").read_bytes() == bom + text.replace(CONTRADICTED, FIXED).encode(encoding)
    # an odd number of bytes cannot be UTF-16: replaced, with a warning
    (work / "odd.md").write_bytes(bom + CONTRADICTED.encode(encoding) + b"\x00")
    code, out, err = lint(capsys, "-f", "jsonl", "odd.md")
    assert code == 1 and positions(out) == [("odd.md", 1, 1)]
    assert one_line_message(err, "warning").startswith("gcmcheck: warning: odd.md: invalid UTF-16 at byte 60")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_crlf_and_lone_cr(newline: str, suffix: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = f"# Title{newline}{newline}Some intro text.{newline}More{newline}{newline}Intro. {CONTRADICTED}{newline}"
    if suffix == ".txt":
        text = text.replace("# ", "")
    name = "doc" + suffix
    (work / name).write_bytes(text.encode())
    code, out, err = lint(capsys, "-f", "jsonl", name)
    assert (code, err) == (1, "")
    assert positions(out) == [(name, 6, 8)]
    lint(capsys, "--fix", name)
    assert (work / name).read_bytes() == text.replace(CONTRADICTED, FIXED).encode()  # line endings kept


def test_empty_input(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    (work / "empty.md").write_bytes(b"")
    (work / "blank.txt").write_bytes(b" \r\n\t\n")
    (work / "bom.md").write_bytes(codecs.BOM_UTF8)
    code, _, err = lint(capsys, "empty.md", "blank.txt", "bom.md")
    assert code == 0
    assert err.splitlines() == [
        "gcmcheck: warning: empty.md: empty, nothing to check",
        "gcmcheck: warning: blank.txt: empty, nothing to check",
        "gcmcheck: warning: bom.md: empty, nothing to check",
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    code, _, err = lint(capsys, "-")
    assert code == 0 and one_line_message(err, "warning") == "gcmcheck: warning: <stdin>: empty, nothing to check"
    proc = run_cli(stdin=b"")  # `gcmcheck` on empty piped input
    assert proc.returncode == 2
    assert one_line_message(proc.stderr) == "gcmcheck: error: no statement found on stdin"


@pytest.mark.parametrize("statement", ["", "   ", "\t\n"])
def test_empty_statement(statement: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = run([statement])
    _, err = capsys.readouterr()
    assert code == 2 and one_line_message(err) == "gcmcheck: error: the statement is empty"


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_a_long_line_without_a_newline_in_process(suffix: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    size = 5 * 1024 * 1024
    words = ("migration " * (size // 10 + 1))[: size // 2]
    text = words + "x" * (size // 2) + ". " + CONTRADICTED
    (work / ("long" + suffix)).write_text(text)
    code, out, err = lint(capsys, "-f", "jsonl", "long" + suffix)
    assert code == 1 and err == ""
    last = json.loads(out.splitlines()[-1])
    assert last["text"] == CONTRADICTED and last["verdict"] == "contradicted"
    assert (last["end_line"], last["end_column"]) == (1, len(text) + 1)  # positions right on a 5 MB line


def test_a_50_mb_line_without_a_newline(work: Path) -> None:
    """One real run on 50 MB: finishes, in bounded memory (the text is streamed)."""
    size = 50 * 1024 * 1024
    with open(work / "huge.txt", "w", encoding="ascii") as f:
        chunk = "lorem ipsum dolor " * 4096
        for _ in range(size // len(chunk)):
            f.write(chunk)
        f.write("end. " + CONTRADICTED)
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", _MAX_RSS_RUN, "lint", "-f", "line", "huge.txt"],
        capture_output=True, text=True, cwd=work, timeout=120, env={**os.environ, "NO_COLOR": "1"},
    )
    elapsed = time.monotonic() - start
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout.startswith(f"huge.txt:1:{size - size % (18 * 4096) + 6}: contradicted")
    max_rss_mb = int(proc.stderr.strip().splitlines()[-1]) / 1024
    assert max_rss_mb < 1024, max_rss_mb  # streamed: not 20 copies of 50 MB
    assert elapsed < 60, elapsed


# Runs the command, then prints its peak memory (KiB) on stderr.
_MAX_RSS_RUN = """
import resource, sys
from gcmcheck.cli import run
status = run(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
sys.exit(status)
"""


def test_markdown_nesting_long_words_and_lines(checker) -> None:
    from gcmcheck.documents.reader import results_for_text

    documents = {
        "nested lists": "- " * 10_000 + CONTRADICTED + "\n",
        "nested quotes": "> " * 10_000 + CONTRADICTED + "\n",
        "list of 10,000 items": f"- {CONTRADICTED}\n" * 10_000,
        "10,000 nested items": "".join(f"{'  ' * min(i, 40)}- item {i}\n" for i in range(10_000)),
        "quote lines": "".join(">" * (i % 50) + " a.\n" for i in range(10_000)),
        "long word": f"The {'a' * 1_000_000} {CONTRADICTED}\n",
        "long link": f"[{'a' * 100_000}]({'b' * 100_000}) {CONTRADICTED}\n",
        "emphasis": "*" * 50_000 + "a" + "_" * 50_000 + f"\n\n{CONTRADICTED}\n",
    }
    for name, text in documents.items():
        start = time.monotonic()
        results = list(results_for_text(checker, text, name, markdown=True, show="none"))
        assert time.monotonic() - start < 10, name
        if name in ("list of 10,000 items", "long word", "long link", "emphasis"):
            assert any(r.verdict.value == "contradicted" for r in results), name


def test_markdown_nested_too_deeply_is_named(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """markdown-it stops parsing past 20 levels of nesting: say which lines went unchecked."""
    (work / "deep.md").write_text(f"Intro.\n\n{'> ' * 25}Hidden.\n\n{CONTRADICTED}\n\n{'- ' * 12}x\n\nLost.\n")
    code, out, err = lint(capsys, "-f", "jsonl", "deep.md")
    assert code == 1 and positions(out) == [("deep.md", 5, 1)]
    assert one_line_message(err, "warning") == (
        "gcmcheck: warning: deep.md: lines 3, 7-9: block quotes and lists nested more than 20 levels deep; not checked"
    )


# --- claims tables ---------------------------------------------------------------------

SOURCE = "The town library will open a new branch on 3 May 2024. The branch cost £1.2 million to build.\n"
TABLE = """\
version: 1
sources_dir: sources
lexicon:
  subject: [new branch, the branch]
sources:
  - id: alpha.txt
claims:
  - id: branch-cost
    statement: "The new branch cost £1.2 million to build."
    citations:
      - source: alpha.txt
        quote: "The branch cost £1.2 million to build."
"""


def table(tmp_path: Path, text: str = TABLE) -> Path:
    (tmp_path / "sources").mkdir(exist_ok=True)
    (tmp_path / "sources" / "alpha.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "claims.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def check_with(path: Path | str, *extra: str) -> subprocess.CompletedProcess[str]:
    return run_cli(*extra, "--claims", str(path), "The new branch cost £1.5 million to build.", env={"GCMCHECK_NO_CACHE": "1"})


def test_the_test_table_loads(tmp_path: Path) -> None:
    proc = check_with(table(tmp_path))
    assert proc.returncode == 1 and proc.stdout.startswith("CONTRADICTED"), proc.stderr


def test_table_with_a_yaml_error_gives_line_and_column(tmp_path: Path) -> None:
    path = table(tmp_path, TABLE.replace("    citations:", "   citations:"))
    proc = check_with(path)
    assert proc.returncode == 2
    assert one_line_message(proc.stderr).startswith(f"gcmcheck: error: {path}:10:4: YAML error: ")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("claims:\n", "claims: 3\nx:\n", ":1: unknown key `x` in table"),
        ('    statement: "The', '    keywords: 5\n    statement: "The', ":8: claim `branch-cost`: `keywords` must be a list of words"),
        ("  subject: [new branch, the branch]", "  subject: 5", ":4: `lexicon.subject` must be a list of names"),
        ("  subject: [new branch, the branch]", "  events: [a]", ":4: `lexicon.events` must map each event id"),
        ("  - id: alpha.txt", "  - id: ../claims.yaml", ":6: source id `../claims.yaml` must name a file inside"),
        ("sources_dir: sources", "sources_dir: [a]", ":1: `sources_dir` must be the name of a folder"),
    ],
    ids=["unknown-key", "keywords-not-a-list", "subject-not-a-list", "events-not-a-mapping", "source-outside", "sources-dir-list"],
)
def test_table_that_breaks_the_schema(tmp_path: Path, old: str, new: str, message: str) -> None:
    assert old in TABLE
    path = table(tmp_path, TABLE.replace(old, new))
    proc = check_with(path)
    assert proc.returncode == 2
    line = one_line_message(proc.stderr)
    assert line.startswith(f"gcmcheck: error: {path}{message}"), line


def test_table_with_a_quote_missing_from_its_source(tmp_path: Path) -> None:
    path = table(tmp_path, TABLE.replace("cost £1.2 million to build.\"\n", "cost £1.3 million to build.\"\n"))
    proc = check_with(path)
    assert proc.returncode == 2
    assert one_line_message(proc.stderr) == (
        f"gcmcheck: error: {path}:11: claim `branch-cost`: quote not found verbatim in source `alpha.txt`: "
        "'The branch cost £1.3 million to build.'"
    )


def test_table_whose_sources_dir_does_not_exist(tmp_path: Path) -> None:
    path = table(tmp_path, TABLE.replace("sources_dir: sources", "sources_dir: nowhere"))
    proc = check_with(path)
    assert proc.returncode == 2
    assert one_line_message(proc.stderr).startswith(f"gcmcheck: error: {path}:1: sources_dir 'nowhere' does not exist")


def test_table_with_an_impossible_date_loads(tmp_path: Path) -> None:
    """Found by fuzzing (fuzz/regressions/table/date-out-of-range.yaml): PyYAML raised
    ValueError for `date: 2024-04-00`; now the date is kept as text."""
    path = table(tmp_path, TABLE.replace("  - id: alpha.txt\n", "  - id: alpha.txt\n    date: 2024-04-00\n"))
    assert check_with(path).returncode == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: " + "[" * 5000 + "]" * 5000 + "\n", "YAML error: nested more than 64 levels deep"),
        ("a: " + "{a: " * 3000 + "1" + "}" * 3000 + "\n", "YAML error: nested more than 64 levels deep"),
        (
            "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
            + "claims: *a8\n",
            "YAML error: more than 1,000,000 values once aliases are expanded",
        ),
        ("!!python/object/apply:os.system ['touch pwned']\n", "YAML error: could not determine a constructor for the tag"),
        ("a: !!binary 'not base64!'\n", "YAML error:"),
        ("? [a, b]\n: c\nd: {[e]: f}\n", "YAML error:"),
    ],
    ids=["deep-lists", "deep-mappings", "billion-laughs", "python-tag", "bad-binary", "unhashable-key"],
)
def test_hostile_yaml_is_refused(tmp_path: Path, text: str, message: str) -> None:
    from gcmcheck.table.loader import check_table

    path = table(tmp_path, text)
    start = time.monotonic()
    loaded, problems = check_table(path)
    assert loaded is None and len(problems) == 1
    assert message in problems[0].message, problems
    assert time.monotonic() - start < 10
    assert not (tmp_path / "pwned").exists()


DEEP_YAML = "a: " + "[" * 5000 + "]" * 5000 + "\n"
ALIAS_BOMB = (
    "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9))
    + "claims: *a8\n"
)


def test_claims_validate_refuses_deeply_nested_yaml(tmp_path: Path) -> None:
    # validate reports the problem (exit 1, as for any broken table), never crashes
    proc = run_cli("claims", "validate", "--claims", str(table(tmp_path, DEEP_YAML)))
    assert proc.returncode == 1 and "nested more than" in proc.stdout
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.skipif(not ON_POSIX, reason="needs resource limits")
def test_claims_validate_refuses_an_alias_bomb(tmp_path: Path) -> None:
    path = table(tmp_path, ALIAS_BOMB)
    limited = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (512 << 20, 512 << 20))\n"
        "from gcmcheck.cli import run\n"
        "sys.exit(run(sys.argv[1:]))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", limited, "claims", "validate", "--claims", str(path)],
        capture_output=True, text=True, timeout=120, env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.returncode == 1 and "aliases are expanded" in proc.stdout
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_table_size_limit(tmp_path: Path) -> None:
    from gcmcheck.table.loader import MAX_TABLE_BYTES

    path = table(tmp_path, TABLE + "#" * MAX_TABLE_BYTES)
    proc = check_with(path)
    assert proc.returncode == 2
    assert one_line_message(proc.stderr) == f"gcmcheck: error: {path}: claims table is larger than 8 MB"


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_endless_table_and_source_are_refused(tmp_path: Path) -> None:
    proc = run_cli("--claims", "/dev/zero", "x")  # with the cache on: its key reads the table too
    assert proc.returncode == 2
    assert one_line_message(proc.stderr) == "gcmcheck: error: /dev/zero: claims table is larger than 8 MB"
    (tmp_path / "dev").symlink_to("/dev")
    path = table(tmp_path, TABLE.replace("sources_dir: sources", "sources_dir: dev").replace("alpha.txt", "zero"))
    proc = check_with(path)
    assert proc.returncode == 2 and "source `zero` not found in" in proc.stderr


def test_unknown_options(work: Path) -> None:
    for args in (["--frobnicate", "x"], ["lint", "--frobnicate", "x"], ["claims", "--frobnicate"], ["sources", "--frobnicate"],
                 ["lint", "--jobs", "-1", "x"], ["lint", "--format", "yaml", "x"]):
        proc = run_cli(*args, cwd=work)
        assert proc.returncode == 2, args
        message = one_line_message(proc.stderr)
        assert "--frobnicate" in message or "Invalid value" in message, message


def test_invalid_glob_is_a_usage_error(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.md").write_text(CONTRADICTED)
    code, _, err = lint(capsys, "--include", "[z-a].md", ".")
    assert code == 2
    assert one_line_message(err) == "gcmcheck: error: invalid glob '[z-a].md': bad character range z-a"


def test_internal_error_in_one_file_names_its_line_and_spares_the_others(
    work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gcmcheck.engine.checker import Checker

    real_check = Checker.check

    def check(self, text):  # type: ignore[no-untyped-def]
        if "BOOM" in text:
            raise RuntimeError("boom")
        return real_check(self, text)

    monkeypatch.setattr(Checker, "check", check)
    (work / "a.md").write_text(f"Intro.\n\nBOOM here.\n\n{CONTRADICTED}\n")
    (work / "b.txt").write_text(f"BOOM.\n\n{CONTRADICTED}\n")
    (work / "c.md").write_text(CONTRADICTED)
    code, out, err = lint(capsys, "-f", "jsonl", "a.md", "b.txt", "c.md")
    assert code == 2
    assert positions(out) == [("c.md", 1, 1)]
    assert err.splitlines() == [
        "gcmcheck: error: a.md: line 3: internal error: RuntimeError: boom; the rest of this file was not checked"
        " (run with --debug for the traceback)",
        "gcmcheck: error: b.txt: line 1: internal error: RuntimeError: boom; the rest of this file was not checked"
        " (run with --debug for the traceback)",
    ]
    code, _, err = lint(capsys, "--debug", "c.md", "a.md")
    assert code == 2 and "Traceback" in err and "RuntimeError: boom" in err


def test_internal_error_is_one_line_and_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from gcmcheck import core

    def broken(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyError("oops")

    monkeypatch.setattr(core, "load_checker", broken)
    assert run(["152 countries voted yes"]) == 2
    _, err = capsys.readouterr()
    assert one_line_message(err) == "gcmcheck: error: internal error: KeyError: 'oops' (run with --debug for the traceback)"
    assert run(["--debug", "152 countries voted yes"]) == 2
    _, err = capsys.readouterr()
    assert "Traceback (most recent call last)" in err and err.rstrip().endswith("(run with --debug for the traceback)")


def test_file_names_cannot_reach_the_terminal_raw(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    names = ["e\x1b]0;pwned\x07.md", "new\nline.md"]
    if ON_POSIX and sys.platform != "darwin":
        names.append(os.fsdecode(b"latin\xe9.md"))  # not UTF-8: a surrogate escape in Python
    for name in names:
        (work / name).write_bytes(b"\x00binary")
    code, out, err = lint(capsys, ".")
    assert code == 0
    assert "\x1b" not in err and "\x07" not in err and len(err.splitlines()) == len(names)
    assert "\udce9" not in err
    for name in names:
        (work / name).write_text(CONTRADICTED)
    for fmt in ("text", "line", "github", "json", "jsonl", "sarif", "claimreview"):
        code, out, err = lint(capsys, "-f", fmt, ".")
        assert code == 1 and err == "", fmt
        assert "\x1b" not in out and "\x07" not in out, fmt
        out.encode("utf-8")  # no lone surrogates


def test_output_to_a_terminal_that_cannot_encode_unicode(work: Path) -> None:
    name = "ünïcödé-🙂.md"
    (work / name).write_text(f"{CONTRADICTED}\n")
    for fmt in ("text", "line", "json", "sarif"):
        proc = run_cli("lint", "-f", fmt, name, cwd=work, env={"PYTHONIOENCODING": "ascii"})
        assert proc.returncode == 1 and proc.stderr == "", (fmt, proc.stderr)
        proc.stdout.encode("ascii")  # "—" and the name are escaped, not a crash
        if fmt == "json":
            assert json.loads(proc.stdout)["results"][0]["input"] == name  # the same value
        if fmt == "sarif":
            assert json.loads(proc.stdout)["runs"][0]["results"][0]["message"]["text"].startswith("contradicted: ")


# --- 2. signals and pipes ---------------------------------------------------------------


def _big(work: Path, name: str, sentences: int = 2000) -> Path:
    facts = [CONTRADICTED, "152 countries voted yes.", "The UN has 193 members.", "164 countries voted at the General Assembly."]
    rng = random.Random(7)
    path = work / name
    path.write_text("\n\n".join(f"{rng.choice(facts)} Note {i}." for i in range(sentences)) + "\n")
    return path


def _popen(*args: str, cwd: Path, **kwargs) -> subprocess.Popen[bytes]:  # type: ignore[no-untyped-def]
    return subprocess.Popen(
        [sys.executable, "-m", "gcmcheck", *args],
        cwd=cwd,
        env={**os.environ, "NO_COLOR": "1"},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        **kwargs,
    )


@pytest.mark.parametrize(
    "args",
    [
        ["lint", "-f", "line", "big.md"],
        ["lint", "-f", "text", "-v", "big.md"],
        ["lint", "-f", "jsonl", "big.txt"],
        ["lint", "-f", "sarif", "big.md"],
        ["lint", "-f", "github", "--jobs", "2", "big.md", "big.txt"],
        ["lint", "--diff", "big.md"],
        ["check", "-v", "--format", "json"],
        ["--help"],
    ],
    ids=lambda a: " ".join(a),
)
def test_a_closed_pipe_ends_quietly(args: list[str], work: Path) -> None:
    """`gcmcheck ... | head -1`: status 141 (as a program killed by SIGPIPE), nothing on stderr."""
    _big(work, "big.md")
    _big(work, "big.txt")
    stdin = (work / "big.txt").open("rb") if args[0] == "check" else subprocess.DEVNULL
    proc = subprocess.Popen(
        [sys.executable, "-m", "gcmcheck", *args], cwd=work, env={**os.environ, "NO_COLOR": "1"},
        stdin=stdin, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()  # what `head -1` reads
    proc.stdout.close()
    err = proc.stderr.read().decode()
    status = proc.wait(timeout=120)
    if stdin is not subprocess.DEVNULL:
        stdin.close()
    assert err == "", err  # no BrokenPipeError, no "Exception ignored"
    if args != ["--help"]:  # the help may fit in the pipe before it closes
        assert status in (141, -signal.SIGPIPE if ON_POSIX else 141), status  # the shell says 141 for both


def _wait_for_output(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    assert proc.stdout.readline(), "no output before the signal"


@pytest.mark.skipif(not ON_POSIX, reason="POSIX signals")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_without_a_traceback(jobs: str, work: Path) -> None:
    _big(work, "big.txt", sentences=200_000)
    # a terminal sends Ctrl-C to the whole process group: the workers get it too
    proc = _popen("lint", "-f", "jsonl", "--jobs", jobs, "big.txt", "big.txt", cwd=work, start_new_session=True)
    _wait_for_output(proc)
    os.killpg(proc.pid, signal.SIGINT)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=60) == 130
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


@pytest.mark.skipif(not ON_POSIX, reason="POSIX signals")
def test_ctrl_c_while_starting_is_quiet_too(work: Path) -> None:
    (work / "a.md").write_text(CONTRADICTED)
    for delay in (0.05, 0.15, 0.3):
        proc = _popen("lint", "a.md", cwd=work)
        time.sleep(delay)
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode in (130, -signal.SIGINT, 1), proc.returncode  # 1: it had finished
        assert b"Traceback" not in err, err.decode()


@pytest.mark.skipif(not ON_POSIX, reason="POSIX signals")
def test_sigterm_exits_143_without_a_traceback(work: Path) -> None:
    _big(work, "big.txt", sentences=200_000)
    proc = _popen("lint", "-f", "jsonl", "big.txt", cwd=work)
    _wait_for_output(proc)
    proc.terminate()
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and b"Traceback" not in err, err.decode()


def _drafts(work: Path, folder: Path, count: int) -> tuple[dict[Path, tuple[bytes, bytes]], float]:
    """count drafts with contradicted values, and how long fixing them all takes:
    ({path: (original, fixed)}, seconds). The fixed text is what a full run writes."""
    folder.mkdir()
    padding = "Background text about migration, without any figure at all. " * 200
    originals = {}
    for i in range(count):
        path = folder / f"draft-{chr(97 + i % 26)}{chr(97 + i // 26)}.md"
        originals[path] = f"# Notes\n\n{padding}\n\n{CONTRADICTED}\n\n{padding}\n\n{CONTRADICTED}\n".encode()
        path.write_bytes(originals[path])
    start = time.monotonic()
    proc = run_cli("lint", "--fix", folder.name, cwd=work)
    took = time.monotonic() - start
    assert proc.returncode == 0, proc.stderr
    drafts = {path: (original, path.read_bytes()) for path, original in originals.items()}
    assert all(FIXED.encode() in fixed and CONTRADICTED.encode() not in fixed for _, fixed in drafts.values())
    for path, original in originals.items():
        path.write_bytes(original)
    return drafts, took


@pytest.mark.skipif(not ON_POSIX, reason="POSIX signals")
def test_fix_killed_at_random_points_leaves_each_file_whole(work: Path) -> None:
    """SIGKILL (no cleanup at all) at random moments of --fix: every draft is either
    as it was or fully fixed, never half-written. Several runs, each on its own copy
    of the drafts, are killed at different moments."""
    drafts, full = _drafts(work, work / "docs", 60)
    rng = random.Random(2024)
    copies = []
    for attempt in range(5):
        folder = work / f"copy{attempt}"
        folder.mkdir()
        for path, (original, _) in drafts.items():
            (folder / path.name).write_bytes(original)
        copies.append(folder)
    runs = [(_popen("lint", "--fix", folder.name, cwd=work), rng.uniform(0.3, 1.5 * full)) for folder in copies]
    start = time.monotonic()
    for proc, delay in sorted(runs, key=lambda run: run[1]):
        time.sleep(max(0.0, start + delay - time.monotonic()))
        proc.kill()
    for proc, _ in runs:
        proc.communicate(timeout=60)
    states = set()
    for folder in copies:
        for path, (original, fixed) in drafts.items():
            data = (folder / path.name).read_bytes()
            states.add("original" if data == original else "fixed" if data == fixed else f"broken: {folder.name}/{path.name}")
        # what a SIGKILL may leave behind is a hidden temporary file, never a draft
        strays = [p.name for p in folder.iterdir() if not (work / "docs" / p.name).exists()]
        assert all(name.startswith(".") and name.endswith(".gcmcheck-tmp") for name in strays), strays
    assert not [s for s in states if s.startswith("broken")], states


@pytest.mark.skipif(not ON_POSIX, reason="POSIX signals")
def test_fix_interrupted_by_ctrl_c_cleans_up(work: Path) -> None:
    drafts, full = _drafts(work, work / "docs", 60)
    proc = _popen("lint", "--fix", "--jobs", "2", "docs", cwd=work, start_new_session=True)
    time.sleep(full / 2)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode in (0, 130) and b"Traceback" not in err, err.decode()
    for path, (original, fixed) in drafts.items():
        assert path.read_bytes() in (original, fixed)
    assert sorted((work / "docs").iterdir()) == sorted(drafts)  # no temporary file left


def test_write_atomic_interrupted_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gcmcheck import atomic
    from gcmcheck.lint import fixes

    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    for where in ("fsync", "replace"):
        def interrupt(*args, **kwargs):  # type: ignore[no-untyped-def]
            raise KeyboardInterrupt

        with monkeypatch.context() as m:
            m.setattr(atomic.os, where, interrupt)
            with pytest.raises(KeyboardInterrupt):
                fixes.write_atomic(path, b"new content")
        assert path.read_bytes() == b"old" and sorted(tmp_path.iterdir()) == [path], where
    fixes.write_atomic(path, b"new content")
    assert path.read_bytes() == b"new content" and sorted(tmp_path.iterdir()) == [path]


# --- 6. safe by construction ------------------------------------------------------------


def _calls(tree: ast.AST) -> list[tuple[str, ast.Call]]:
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            out.append((ast.unparse(node.func), node))
    return out


def test_no_unsafe_loading_or_code_execution_in_the_source() -> None:
    """yaml.load only with the loader's SafeLoader subclass; nothing evaluates text;
    pickle only through the cache's restricted unpickler."""
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(ROOT)
        for name, call in _calls(tree):
            assert name not in ("eval", "exec", "compile", "os.system", "os.popen", "__import__",
                                "yaml.unsafe_load", "yaml.full_load", "pickle.load", "pickle.loads",
                                "marshal.loads"), (where, name)
            if name == "yaml.load":
                loader = next((k.value for k in call.keywords if k.arg == "Loader"), None)
                assert loader is not None and ast.unparse(loader) == "LineLoader", where
            for keyword in call.keywords:
                if keyword.arg == "shell":
                    assert ast.unparse(keyword.value) == "False", where
        text = path.read_text(encoding="utf-8")
        assert "yaml.Loader" not in text and "yaml.FullLoader" not in text and "UnsafeLoader" not in text, where


def test_the_table_loader_is_a_safe_loader(tmp_path: Path) -> None:
    import yaml

    from gcmcheck.table import loader

    seen = []
    real_load = yaml.load

    def spy(stream, Loader):  # type: ignore[no-untyped-def]
        seen.append(Loader)
        return real_load(stream, Loader=Loader)

    with pytest.MonkeyPatch.context() as m:
        m.setattr(yaml, "load", spy)
        loader.check_table(table(tmp_path))
    assert seen and all(issubclass(L, yaml.SafeLoader) for L in seen)


def test_configuration_cannot_run_code(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.md").write_text(CONTRADICTED)
    for content, message in [
        ('format = "__import__(\'os\').system(\'touch pwned\')"', "format must be one of"),
        ('fail_on = "never"\nhook = "touch pwned"', "unknown setting 'hook'"),
        ("claims = 5", "claims must be a path"),
        ("include = [1]", "include must be a list of glob patterns"),
        ("[[[", "invalid TOML"),
    ]:
        (work / ".gcmcheck.toml").write_text(content)
        code, _, err = lint(capsys, "a.md")
        assert code == 2 and message in one_line_message(err), err
    assert not (work / "pwned").exists()


def test_terminal_control_sequences_are_stripped(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nasty = "\x1b[2J\x1b]0;title\x07\x9b31m\x7f\x08"
    (work / "a.md").write_text(f"The Compact has 25 objectives{nasty}.\n")
    (work / "b.txt").write_text(f"The Compact has 25 objectives{nasty}.\n")
    for fmt in ("text", "line", "github"):
        code, out, _ = lint(capsys, "-f", fmt, "a.md", "b.txt")
        assert code == 1 and out, fmt
        for ch in "\x1b\x07\x9b\x7f\x08":
            assert ch not in out, (fmt, ch)
    for fmt in ("json", "jsonl", "sarif", "claimreview"):
        code, out, _ = lint(capsys, "-f", fmt, "a.md", "b.txt")
        for ch in "\x1b\x07\x9b\x7f\x08\u2028":
            assert ch not in out, (fmt, ch)
        docs = [json.loads(line) for line in out.splitlines()] if fmt == "jsonl" else [json.loads(out)]
        if fmt != "claimreview":  # which folds its text onto one clean line by design
            assert any(nasty in text for text in _strings(docs)), fmt  # escaped, not lost


def _strings(value: object) -> list[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_workflow_commands_cannot_be_forged(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "a,b:c\r\n::error::forged%0A.md"
    (work / name).write_text("The Compact has 25 objectives, 100% sure.\n\n::warning::not a command\n")
    code, out, _ = lint(capsys, "-f", "github", "--show", "unverifiable", name)
    lines = out.splitlines()
    assert code == 1 and len(lines) == 1, out
    # the CR is a control character (dropped); the LF, ":", "," and "%" are escaped
    assert lines[0].startswith("::error file=a%2Cb%3Ac%0A%3A%3Aerror%3A%3Aforged%250A.md,line=1,")
    message = lines[0].split("::", 2)[2]
    assert "100%25 sure" in message and "forged%250A.md" in message  # "%" itself is escaped first


def test_sarif_messages_escape_braces(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "a.md").write_text("The Compact (see {0} and {{x}}) has 25 objectives.\n")
    code, out, _ = lint(capsys, "-f", "sarif", "a.md")
    result = json.loads(out)["runs"][0]["results"][0]
    assert "The Compact (see {{0}} and {{{{x}}}}) has 25 objectives." in result["message"]["text"]
    assert "{" not in result["message"]["text"].replace("{{", "")


# --- the table cache ----------------------------------------------------------------------


@pytest.fixture
def cache_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("GCMCHECK_CACHE_DIR", str(folder))
    monkeypatch.delenv("GCMCHECK_NO_CACHE", raising=False)
    return folder


def _cache_file(folder: Path) -> Path:
    from gcmcheck.table import cache
    from gcmcheck.table.loader import default_table_path

    cache.load_compiled()
    key = cache.table_key(default_table_path())
    path = folder / f"{key}.pickle"
    assert path.is_file()
    return path


def test_cache_round_trips_through_the_restricted_unpickler(cache_env: Path) -> None:
    from gcmcheck.table import cache

    path = _cache_file(cache_env)
    key = path.stem
    assert cache._read(path, key) is not None  # the shipped table's classes are all allowed


def test_cache_is_validated_before_use(cache_env: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from gcmcheck.table import cache

    path = _cache_file(cache_env)
    key = path.stem
    good = path.read_bytes()
    header, _, rest = good.partition(key.encode() + b"\n")
    header += key.encode() + b"\n"
    checksum_line, _, payload = rest.partition(b"\n")
    cases = {
        "truncated": good[: len(good) // 2],
        "flipped byte": good[:-10] + bytes([good[-10] ^ 1]) + good[-9:],
        "no checksum": header + payload,
        "other key": good.replace(key.encode(), b"0" * len(key), 1),
    }
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):  # type: ignore[no-untyped-def]
            return (os.system, (f"touch {marker}",))

    evil = pickle.dumps(Evil())
    cases["planted pickle"] = header + f"{len(evil)} {__import__('hashlib').sha256(evil).hexdigest()}\n".encode() + evil
    for name, data in cases.items():
        path.write_bytes(data)
        assert cache._read(path, key) is None, name
        assert not marker.exists(), name
        cache.load_compiled()  # rebuilt silently
        assert cache._read(path, key) is not None, name
    if ON_POSIX:
        path.chmod(0o666)  # writable by others: not trusted
        assert cache._read(path, key) is None
        path.chmod(0o600)
        if os.geteuid() == 0:
            os.chown(path, 4242, -1)  # someone else's file
            assert cache._read(path, key) is None


def test_cache_write_is_atomic(cache_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from gcmcheck.table import cache
    from gcmcheck.table.loader import default_table_path

    compiled = cache.build(default_table_path())
    target = cache_env / "x.pickle"

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        cache._write(target, "x", compiled)
    assert list(cache_env.iterdir()) == []  # neither the file nor a temporary one
    monkeypatch.undo()
    cache._write(target, "x", compiled)
    assert [p.name for p in cache_env.iterdir()] == ["x.pickle"]
