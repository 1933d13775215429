"""The benchmark runs, at its tiny size. No timing is asserted: figures are the
benchmark's report (bench/README.md), not the test suite's business."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_cli

BENCH = ROOT / "bench" / "run.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("gcmcheck_bench", BENCH)
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    sys.modules.pop(spec.name, None)


def test_runs_at_tiny_size_and_reports_every_target(tmp_path):
    proc = subprocess.run(
        [sys.executable, str(BENCH), "--size", "tiny", "--repeat", "1"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = proc.stdout
    assert [cell.strip() for cell in out.splitlines()[0].split("|")] == ["target", "measured", "goal", "met"]
    for target in ("1 start-up, --format json", "1 start-up, text output", "2 lint throughput",
                   "2 lint vs proselint", "3 scaling", "4 peak RSS", "4 --jobs 2 vs --jobs 1"):
        assert target in out, target
    assert "raw medians" in out
    assert "(failed)" not in out, out
    assert "targets met" in out or "all four targets met" in out


def test_corpus_is_markdown_prose_of_the_asked_size_and_reproducible(bench):
    a = bench.build(bench.Prose(1).markdown_blocks(), 30_000)
    b = bench.build(bench.Prose(1).markdown_blocks(), 30_000)
    assert a == b
    assert 30_000 <= len(a.encode()) < 40_000
    assert "\n#" in a or a.startswith("#")
    assert "\n- " in a or "\n* " in a or "\n1. " in a
    sentences = [s for s in a.replace("\n", " ").split(". ") if s]
    assert len(set(sentences)) > 0.8 * len(sentences)  # values vary: not one sentence repeated


def test_stream_sends_exactly_the_asked_bytes(bench):
    assert sum(len(c) for c in bench.stream_chunks(300_000, seed=4)) == 300_000


def test_generated_table_loads_and_its_text_is_checked(bench, tmp_path):
    table = bench.write_table(tmp_path / "t", 30)
    proc = run_cli("claims", "validate", str(table))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = tmp_path / "text.txt"
    text.write_text(bench.table_text(3_000, 10, 30, seed=3), encoding="utf-8")
    proc = run_cli("lint", "--claims", str(table), "--format", "jsonl", str(text))
    assert proc.returncode in (0, 1), proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert any(r["claim_id"] for r in results)


def test_check_flag_and_json_are_offered(bench):
    proc = subprocess.run([sys.executable, str(BENCH), "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0
    for option in ("--size", "--repeat", "--json", "--check"):
        assert option in proc.stdout
    assert set(bench.SIZES) == {"full", "small", "tiny"}
    assert Path(bench.SEEDS).is_dir()


def test_a_big_table_finds_the_claim_a_sentence_restates(bench, tmp_path):
    """Past POOL_LIMIT claims on a statement's words the pool is narrowed to the claims
    sharing the most with it: the one it restates must survive, with its figure."""
    from gcmcheck.engine.checker import POOL_LIMIT, Checker
    from gcmcheck.table.cache import build

    count = 3 * POOL_LIMIT
    checker = Checker(build(bench.write_table(tmp_path, count)))
    for k in (7, count // 2, count):
        sentence = bench.table_sentence(k)
        (result,) = checker.check(sentence)
        assert (result.verdict.value, result.claim_id) == ("supported", f"c{k}"), sentence
        votes = int(sentence.split(" with ")[1].split()[0])
        changed = sentence.replace(f" with {votes} votes", f" with {votes + 1} votes")
        (result,) = checker.check(changed)
        assert (result.verdict.value, result.claim_id, result.expected) == ("contradicted", f"c{k}", str(votes)), changed
