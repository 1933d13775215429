"""The quick path to a check: no typer for a plain statement, no rich for plain text,
patterns compiled once per machine. Each must change nothing a user sees."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from gcmcheck import regex_cache
from gcmcheck.commands.check import quick_arguments
from gcmcheck.formats import Format

ROOT = Path(__file__).resolve().parent.parent
OTHER_TABLE = ROOT / "tests" / "fixtures" / "other_topic" / "claims.yaml"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["152 countries voted yes"], (["152 countries voted yes"], Format.TEXT, None, False, False)),
        (["--format", "json", "152", "voted"], (["152", "voted"], Format.JSON, None, False, False)),
        (["-f", "JSON", "x"], (["x"], Format.JSON, None, False, False)),
        (["--format=sarif", "-v", "x"], (["x"], Format.SARIF, None, True, False)),
        (["check", "--claims", "t.yaml", "x"], (["x"], Format.TEXT, Path("t.yaml"), False, False)),
        (["--", "--format", "x"], (["--format", "x"], Format.TEXT, None, False, False)),
        ([], (None, Format.TEXT, None, False, False)),
        (["-f", "line"], (None, Format.LINE, None, False, False)),
    ],
)
def test_plain_checks_take_the_quick_path(argv: list[str], expected: tuple[object, ...]) -> None:
    assert quick_arguments(argv) == expected


def test_trace_takes_the_quick_path() -> None:
    assert quick_arguments(["--trace", "x"]) == (["x"], Format.TEXT, None, False, True)


@pytest.mark.parametrize(
    "argv",
    [
        ["lint", "docs"], ["claims"], ["sources", "show", "x"], ["--help"], ["-h"], ["--version"],
        ["check", "--help"], ["--format", "yaml", "x"], ["--format"], ["--claims", "."], ["--claims", ""],
        ["--frobnicate", "x"], ["-5 countries voted"], ["-vf", "json", "x"], ["x", "--verbose=yes"],
    ],
)
def test_everything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert quick_arguments(argv) is None


@pytest.mark.parametrize(
    "argv",
    [
        ["152 countries voted yes"],
        ["--format", "json", "The", "compact", "is", "legally", "binding."],
        ["-f", "line", "-v", "153 countries voted yes"],
        ["check", "--format=jsonl", "Hungary voted for the compact."],
        ["--claims", str(OTHER_TABLE), "--format", "json", "The council approved the plan."],
        ["   "],
    ],
)
def test_the_quick_path_answers_as_the_full_parser_does(
    argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from gcmcheck.cli import run

    quick_status = run(argv)
    quick = capsys.readouterr()
    monkeypatch.setattr("gcmcheck.commands.check.quick_arguments", lambda args: None)
    full_status = run(argv)
    full = capsys.readouterr()
    assert (quick_status, quick.out, quick.err) == (full_status, full.out, full.err)


def test_a_quick_check_loads_neither_typer_nor_rich(tmp_path: Path) -> None:
    code = (
        "import sys\nfrom gcmcheck.cli import run\nstatus = run(['--format', 'json', '152 countries voted yes'])\n"
        "run(['152 countries voted yes'])\n"
        "print(status, sorted(m for m in ('typer', 'rich', 'yaml', 'pydantic', 'markdown_it') if m in sys.modules), file=sys.stderr)\n"
    )
    env = {**os.environ, "NO_COLOR": "1"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.stderr.strip() == "0 []"


def test_colour_is_the_plain_text_with_styles() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    argv = [sys.executable, "-m", "gcmcheck", "-v", "153 countries voted yes. The compact is legally binding."]
    plain = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=120)
    coloured = subprocess.run(argv, capture_output=True, text=True, env={**env, "FORCE_COLOR": "1"}, timeout=120)
    assert "\x1b[" not in plain.stdout and "\x1b[1;31mCONTRADICTED" in coloured.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", coloured.stdout) == plain.stdout
    nothing = subprocess.run(argv, capture_output=True, text=True, env={**env, "FORCE_COLOR": "1", "NO_COLOR": "1"}, timeout=120)
    assert nothing.stdout == plain.stdout


SAMPLES = [
    (r"(?P<n>\d[\d,]*)\s+(?:votes?|states)", re.IGNORECASE, ["152 votes", "164 States", "no"]),
    (r"\b(?:abstain(?:ed|ing)?|withdr[ae]w)\b", 0, ["Chile withdrew", "12 abstained", "abstention"]),
    (r"(?<![\w-])(?:about|around)\s+(\d+)", re.IGNORECASE, ["About 150", "roundabout 3"]),
]


@pytest.fixture
def fresh_regex_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GCMCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("GCMCHECK_NO_CACHE", raising=False)
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_used", set())
    monkeypatch.setattr(regex_cache, "_dirty", False)
    return tmp_path


def _same_as_re(compiled: re.Pattern[str], source: str, flags: int, texts: list[str]) -> None:
    expected = re.compile(source, flags)
    assert (compiled.pattern, compiled.flags, compiled.groupindex) == (expected.pattern, expected.flags, expected.groupindex)
    for text in texts:
        got, want = compiled.search(text), expected.search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), text


def test_cached_patterns_match_as_compiled_ones(fresh_regex_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for source, flags, texts in SAMPLES:
        _same_as_re(regex_cache.regex(source, flags), source, flags, texts)
    regex_cache.save()
    (file,) = fresh_regex_cache.glob("regex-*")
    # a new process: the patterns come from the file, compiled by nothing
    monkeypatch.setattr(regex_cache, "_stored", None)
    monkeypatch.setattr(regex_cache, "_compile", lambda *a: pytest.fail("compiled a stored pattern"))
    for source, flags, texts in SAMPLES:
        _same_as_re(regex_cache.regex(source, flags), source, flags, texts)


@pytest.mark.parametrize("damage", ["truncate", "flip", "foreign-class", "group-writable"])
def test_a_damaged_regex_cache_is_ignored(fresh_regex_cache: Path, monkeypatch: pytest.MonkeyPatch, damage: str) -> None:
    import pickle

    source, flags, texts = SAMPLES[0]
    regex_cache.regex(source, flags)
    regex_cache.save()
    (file,) = fresh_regex_cache.glob("regex-*")
    data = file.read_bytes()
    if damage == "truncate":
        file.write_bytes(data[:-10])
    elif damage == "flip":
        file.write_bytes(data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:])
    elif damage == "foreign-class":  # a validly signed file that names a function
        from gcmcheck.cachefiles import write_signed

        header = data[: data.index(b"\n", data.index(b"\n") + 1) + 1]
        write_signed(file, header, pickle.dumps({(source, flags): (os.getcwd, [], 0, {}, ())}))
    else:
        file.chmod(0o666)
    monkeypatch.setattr(regex_cache, "_stored", None)
    _same_as_re(regex_cache.regex(source, flags), source, flags, texts)
    assert regex_cache._stored is not None and (source, flags) in regex_cache._stored  # compiled afresh


def test_no_cache_means_plain_re_compile(fresh_regex_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GCMCHECK_NO_CACHE", "1")
    source, flags, texts = SAMPLES[1]
    _same_as_re(regex_cache.regex(source, flags), source, flags, texts)
    regex_cache.save()
    assert list(fresh_regex_cache.iterdir()) == []


def test_a_bad_pattern_is_still_an_error(fresh_regex_cache: Path) -> None:
    with pytest.raises(re.error):
        regex_cache.regex(r"(unclosed")


def test_narrowing_keeps_everything_up_to_the_limit() -> None:
    from gcmcheck.engine.checker import POOL_LIMIT, _narrow

    postings = [list(range(0, POOL_LIMIT // 2)), list(range(POOL_LIMIT // 4, POOL_LIMIT))]
    assert _narrow(postings) == set(range(POOL_LIMIT))


def test_narrowing_keeps_the_claims_in_the_most_postings() -> None:
    from gcmcheck.engine.checker import POOL_LIMIT, _narrow

    everyone = list(range(10 * POOL_LIMIT))
    odd = everyone[1::2]
    tens = everyone[::10]
    rare = [5, 15, 25]  # odd too: each is in three postings
    kept = _narrow([everyone, odd, tens, rare])
    assert len(kept) == POOL_LIMIT
    assert set(rare) <= kept  # in three postings: the most
    # then the claims in two: odd ones (in everyone and odd) and tens (in everyone and
    # tens), the rarer postings' first -- tens before odd
    assert set(tens[: POOL_LIMIT - len(rare)]) <= kept
    assert _narrow([everyone, odd, tens, rare]) == kept  # the same every time
