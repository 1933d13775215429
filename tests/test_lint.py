"""`gcmcheck lint` end to end: golden output per format, fixes, jobs, the pre-commit hook.

Golden files live in tests/golden/lint/. After a deliberate change (the engine's
verdicts, a format), regenerate them and review the diff:

    GCMCHECK_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_lint.py

Runs happen in a copy of tests/fixtures/lint with relative paths, and the
ClaimReview date is pinned with SOURCE_DATE_EPOCH, so the output depends neither on
where the checkout is nor on the day.
"""

from __future__ import annotations

import io
import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from gcmcheck import __version__

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FIXTURES = HERE / "fixtures" / "lint"
GOLDEN = HERE / "golden" / "lint"
UPDATE = os.environ.get("GCMCHECK_UPDATE_GOLDEN") == "1"
EPOCH = "1714521600"  # 2024-05-01
FORMATS = ("text", "json", "jsonl", "line", "github", "sarif", "claimreview")


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the fixture folder as the working folder, colour off, date pinned."""
    folder = tmp_path / "drafts"
    shutil.copytree(FIXTURES, folder)
    monkeypatch.chdir(folder)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    for var in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS"):
        monkeypatch.delenv(var, raising=False)
    return folder


def lint(capsys: pytest.CaptureFixture[str], *args: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    """Run `gcmcheck lint ARGS` in this process; (exit status, stdout, stderr)."""
    from gcmcheck.cli import run

    if stdin is not None:
        assert monkeypatch is not None
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = run(["lint", *args])
    out, err = capsys.readouterr()
    return code, out, err


def golden(name: str, output: str) -> None:
    """Compare with (or, when updating, write) tests/golden/lint/NAME, byte for byte."""
    data = output.replace(f'"{__version__}"', '"<version>"').encode("utf-8")
    path = GOLDEN / name
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return
    assert path.is_file(), f"no golden file {path}; create it with GCMCHECK_UPDATE_GOLDEN=1 pytest {Path(__file__).name}"
    expected = path.read_bytes()
    if data != expected:  # a readable diff, CRLF shown
        assert data.decode().replace("\r", "\\r") == expected.decode().replace("\r", "\\r")


def test_fixture_keeps_its_crlf_bytes() -> None:
    data = (FIXTURES / "draft.md").read_bytes()
    assert b"\r\n" in data and data.count(b"\n") == data.count(b"\r\n"), "checkout converted line endings (.gitattributes)"


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_every_format(fmt: str, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lint(capsys, "draft.md", "--format", fmt)
    golden(f"draft.{fmt}", out)
    assert (code, err) == (1, "")


@pytest.mark.parametrize(
    ("name", "args", "status"),
    [
        ("draft.verbose.text", ["draft.md", "--verbose", "--show", "unverifiable"], 1),
        ("draft.diff", ["--diff", "draft.md"], 1),
        ("folder.text", ["."], 1),
        ("folder.line", [".", "--format", "line", "--fail-on", "never"], 0),
    ],
)
def test_golden_runs(name: str, args: list[str], status: int, work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lint(capsys, *args)
    golden(name, out)
    assert (code, err) == (status, "")


def test_what_markdown_reading_skips_and_where_results_are(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = lint(capsys, "draft.md", "--format", "json", "--verbose", "--show", "unverifiable")
    results = json.loads(out)["results"]
    assert all(r["input"] == "draft.md" for r in results)
    found = {r["line"]: r for r in results}
    # front matter (line 3), code block (13), inline code and link title (16), HTML (18),
    # the off/on passage (21) and the ignored paragraph (37) say 160 or 999: never checked
    assert not set(found) & {3, 13, 16, 18, 21, 37}
    wrapped = found[9]  # a contradiction wrapped across two CRLF lines
    assert (wrapped["column"], wrapped["end_line"], wrapped["end_column"]) == (1, 10, 35)
    assert (wrapped["verdict"], wrapped["stated"], wrapped["expected"]) == ("contradicted", "160", "152")
    assert found[24]["column"] == 3  # list item
    assert found[28]["column"] == 42  # after "> ", 38 non-ASCII-laden characters and a tab
    assert found[32]["column"] == 14  # table cell
    assert found[38]["verdict"] == "unverifiable"


def test_text_hides_supported_unless_verbose(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = lint(capsys, "draft.md")
    assert "SUPPORTED" not in out and "draft.md:9:1 CONTRADICTED" in out
    assert "sourced: 152" in out and "\u201c" in out  # the sourced value and a quote
    assert out.splitlines()[-1] == "4 contradicted, 0 conflicting, 4 supported, 0 unverifiable in 1 file"
    _, out, _ = lint(capsys, "draft.md", "--verbose")
    assert "SUPPORTED" in out


def test_sarif_structure(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The parts of SARIF 2.1.0 that GitHub code scanning requires."""
    _, out, _ = lint(capsys, "draft.md", "--format", "sarif")
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "gcmcheck" and driver["version"] == __version__
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert len(set(rule_ids)) == len(rule_ids)
    assert run["results"]
    fixes = 0
    for result in run["results"]:
        assert result["ruleId"] == rule_ids[result["ruleIndex"]]
        assert result["level"] in ("error", "warning", "note", "none")
        assert result["message"]["text"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uri"] == "draft.md"
        region = physical["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert all(isinstance(v, str) for v in result["partialFingerprints"].values())
        for fix in result.get("fixes", []):
            fixes += 1
            (change,) = fix["artifactChanges"]
            (replacement,) = change["replacements"]
            assert replacement["deletedRegion"]["charLength"] > 0
            assert replacement["insertedContent"]["text"]
    assert fixes == 3


def test_fix_rewrites_only_files_with_a_fix(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft, clean = work / "draft.md", work / "clean.md"
    before = draft.read_bytes()
    os.chmod(draft, 0o640)
    clean_stat = clean.stat()
    code, out, err = lint(capsys, "--fix", "draft.md", "clean.md")
    after = draft.read_bytes()
    assert after == before.replace(b"and 160 states", b"and 152 states").replace(
        b"sets out 25", b"sets out 23"
    ).replace(b"| 150 states", b"| 164 states")
    assert after.count(b"\r\n") == before.count(b"\r\n")  # CRLF kept
    assert draft.stat().st_mode & 0o777 == 0o640  # permissions kept
    assert clean.stat().st_mtime_ns == clean_stat.st_mtime_ns and clean.stat().st_ino == clean_stat.st_ino
    assert err == "gcmcheck: fixed 3 values in 1 file\n"
    # what is left: "legally binding" has no single value to replace
    assert code == 1 and "CONTRADICTED The Compact is legally binding." in out and "160" not in out
    assert not [p for p in work.iterdir() if "gcmcheck-tmp" in p.name]  # no temporary file left
    code, out, err = lint(capsys, "--fix", "draft.md")
    assert draft.read_bytes() == after and err == ""  # nothing more to fix


def test_fix_writes_through_a_symlink(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    link = work / "link.md"
    link.symlink_to(work / "notes.txt")
    lint(capsys, "--fix", "--include", "*.md", "link.md")
    assert link.is_symlink() and "by 164 states" in (work / "notes.txt").read_text()


def test_diff_applies_and_changes_nothing(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.name: p.read_bytes() for p in work.iterdir()}
    code, out, err = lint(capsys, "--diff", ".")
    assert code == 1 and err == ""
    assert {p.name: p.read_bytes() for p in work.iterdir()} == before
    assert out.count("--- a/") == 2  # draft.md and notes.txt; clean.md has nothing to fix
    if shutil.which("git"):
        (work / "fix.patch").write_text(out, newline="")
        proc = subprocess.run(["git", "apply", "--unsafe-paths", "fix.patch"], cwd=work, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
        assert b"and 152 states" in (work / "draft.md").read_bytes()


def test_fix_and_diff_refusals(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = lint(capsys, "--fix", "--diff", "draft.md")
    assert code == 2 and "cannot be used together" in err
    code, _, err = lint(capsys, "--fix", "-")
    assert code == 2 and "--fix cannot change stdin" in err


def test_jobs_output_is_identical(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for i in range(4):
        shutil.copy(work / "draft.md", work / f"copy{i}.md")
    (work / "bin.txt").write_bytes(b"\x00binary")
    for fmt in ("json", "text", "jsonl"):
        one = lint(capsys, ".", "--format", fmt, "--jobs", "1", "--show", "unverifiable")
        two = lint(capsys, ".", "--format", fmt, "--jobs", "2", "--show", "unverifiable")
        assert one == two
        assert one[0] == 1 and "bin.txt: binary file skipped" in one[2]
    assert lint(capsys, "--diff", ".", "--jobs", "2") == lint(capsys, "--diff", ".", "--jobs", "1")


def test_stdin(work: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    data = (work / "draft.md").read_bytes()
    code, out, _ = lint(capsys, "-", "--format", "line", stdin=data, monkeypatch=monkeypatch)
    assert code == 1 and out.startswith("<stdin>:9:1: contradicted:")
    assert ":13:" not in out  # read as Markdown: the code block is skipped
    code, out, _ = lint(capsys, "-", "--stdin-filename", "notes.txt", "-f", "jsonl", stdin=(work / "notes.txt").read_bytes(), monkeypatch=monkeypatch)
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 1 and {r["input"] for r in rows} == {"notes.txt"}
    # jsonl is data: supported results are there too
    assert [(r["line"], r["column"], r["verdict"]) for r in rows] == [(3, 1, "contradicted"), (12, 1, "supported"), (12, 46, "contradicted")]


def test_input_errors(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = lint(capsys, "missing.md")
    assert (code, out, err) == (2, "", "gcmcheck: error: missing.md: no such file or directory\n")
    (work / "empty").mkdir()
    (work / "empty" / "notes.rst").write_text("160 states voted in favour.")
    code, _, err = lint(capsys, "empty")
    assert code == 2 and err.startswith("gcmcheck: error: empty: no files to check")
    code, _, err = lint(capsys)
    assert code == 2 and "no path given" in err
    code, _, err = lint(capsys, "draft.md", "--format", "yaml")
    assert code == 2


def test_binary_and_invalid_utf8(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "bin.md").write_bytes(b"160 states\x00 voted")
    (work / "bad.txt").write_bytes(b"Hello.\n\n\xff The Compact has 25 objectives.\n")
    (work / "bad.md").write_bytes(b"Hello.\n\n\xff The Compact has 25 objectives.\n")
    code, out, err = lint(capsys, "bin.md", "bad.txt", "bad.md", "-f", "line")
    assert code == 1
    assert err.splitlines() == [
        "gcmcheck: warning: bin.md: binary file skipped",
        "gcmcheck: warning: bad.txt: invalid UTF-8 at byte 8; undecodable bytes replaced with U+FFFD",
        "gcmcheck: warning: bad.md: invalid UTF-8 at byte 8; undecodable bytes replaced with U+FFFD",
    ]
    assert [line.split(": ")[0] for line in out.splitlines()] == ["bad.txt:3:1", "bad.md:3:1"]
    code, _, err = lint(capsys, "--fix", "bad.md")
    assert "not fixed" in err and (work / "bad.md").read_bytes().startswith(b"Hello.\n\n\xff")


def test_fail_on(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert lint(capsys, "clean.md")[0] == 0
    assert lint(capsys, "draft.md", "--fail-on", "never")[0] == 0
    assert lint(capsys, "draft.md", "--fail-on", "conflicting")[0] == 1


def test_configuration(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.gcmcheck]\nfail-on = "never"\nformat = "line"\nexclude = ["notes.txt"]\n'
    )
    code, out, err = lint(capsys, ".")
    assert code == 0 and err == ""
    assert {line.split(":")[0] for line in out.splitlines()} == {"draft.md"}
    code, out, _ = lint(capsys, ".", "--fail-on", "contradicted", "--format", "json")
    assert code == 1 and json.loads(out)["results"]
    code, out, _ = lint(capsys, "--show-config", ".", "--format", "github")
    assert code == 0
    assert out.splitlines() == [
        "# configuration file: pyproject.toml",
        'claims = "(the shipped table)"             # default',
        'include = ["*.md", "*.markdown", "*.txt"]  # default',
        'exclude = ["notes.txt"]                    # pyproject.toml',
        'fail_on = "never"                          # pyproject.toml',
        'format = "github"                          # --format',
    ]
    # .gcmcheck.toml in a nearer folder wins, and claims are relative to it
    sub = work / "sub"
    sub.mkdir()
    shutil.copy(work / "draft.md", sub / "draft.md")
    (sub / ".gcmcheck.toml").write_text('claims = "missing.yaml"\n')
    code, out, _ = lint(capsys, "--show-config", "sub")
    assert code == 0 and out.splitlines()[1].split() == ["claims", "=", '"sub/missing.yaml"', "#", "sub/.gcmcheck.toml"]
    code, _, err = lint(capsys, "sub")
    assert code == 2 and "missing.yaml" in err
    (sub / ".gcmcheck.toml").write_text('fail_on = "sometimes"\n')
    code, _, err = lint(capsys, "sub")
    assert code == 2 and "fail_on must be one of" in err
    (sub / ".gcmcheck.toml").write_text("colour = true\n")
    code, _, err = lint(capsys, "sub")
    assert code == 2 and "unknown setting 'colour'" in err


def test_include_exclude_and_gitignore(work: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (work / "archive").mkdir()
    shutil.copy(work / "draft.md", work / "archive" / "old.md")
    (work / "build").mkdir()
    shutil.copy(work / "draft.md", work / "build" / "out.md")
    (work / "node_modules").mkdir()
    shutil.copy(work / "draft.md", work / "node_modules" / "readme.md")

    def inputs(*args: str) -> list[str]:
        out = lint(capsys, *args, "--format", "json", "--verbose")[1]
        return sorted({r["input"] for r in json.loads(out)["results"]})

    assert inputs(".") == ["archive/old.md", "build/out.md", "clean.md", "draft.md", "notes.txt"]
    assert inputs(".", "--exclude", "archive", "--exclude", "build/") == ["clean.md", "draft.md", "notes.txt"]
    assert inputs(".", "--include", "*.txt") == ["notes.txt"]
    assert inputs("./archive") == ["./archive/old.md"]  # the path as given
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    subprocess.run(["git", "init", "-q", "."], cwd=work, check=True)
    (work / ".gitignore").write_text("build/\nnotes.txt\n")
    assert inputs(".") == ["archive/old.md", "clean.md", "draft.md"]
    assert inputs("notes.txt") == ["notes.txt"]  # named explicitly: checked anyway


def test_pre_commit_hook_entry(work: Path) -> None:
    """Run the hook's entry on the fixture as pre-commit would: entry + file names."""
    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    assert hook["id"] == "gcmcheck" and hook["entry"] == "gcmcheck lint" and hook["language"] == "python"
    assert hook["types_or"] == ["markdown", "text"]
    command = shlex.split(hook["entry"])
    script = Path(sys.executable).with_name("gcmcheck")
    command[0] = str(script) if script.exists() else (shutil.which("gcmcheck") or command[0])
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([*command, "draft.md", "clean.md", "pyproject-like.py"], cwd=work, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2  # pyproject-like.py does not exist
    (work / "script.py").write_text("x = 160  # states voted in favour at the General Assembly\n")
    proc = subprocess.run([*command, "draft.md", "clean.md", "script.py"], cwd=work, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "draft.md:9:1 CONTRADICTED" in proc.stdout and "script.py" not in proc.stdout + proc.stderr
    proc = subprocess.run([*command, "clean.md", "script.py"], cwd=work, capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr


def test_jsonl_from_stdin_is_written_as_found(tmp_path: Path) -> None:
    """A result is out before the input has ended: piped text is checked as a stream."""
    import queue
    import threading

    proc = subprocess.Popen(
        [sys.executable, "-m", "gcmcheck", "lint", "-", "--stdin-filename", "notes.txt", "--format", "jsonl"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=tmp_path,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert proc.stdin is not None and proc.stdout is not None
    lines: queue.Queue[bytes] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()  # type: ignore[union-attr]
    try:
        proc.stdin.write(b"The Compact has 25 objectives.\n\n")
        proc.stdin.flush()
        first = json.loads(lines.get(timeout=60))  # times out if results wait for the end of input
        assert (first["line"], first["verdict"]) == (1, "contradicted")
        proc.stdin.write(b"160 states voted in favour at the General Assembly.\n")
        proc.stdin.close()
        second = json.loads(lines.get(timeout=60))
        assert (second["line"], second["expected"]) == (3, "152")
        assert proc.wait(timeout=60) == 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
