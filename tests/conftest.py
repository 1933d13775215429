"""Shared fixtures: the shipped table compiled once, and a runner for the command."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The suite's compiled tables and patterns go to a folder of its own, never to the
    user's cache (subprocesses inherit the setting)."""
    folder = tmp_path_factory.mktemp("cache")
    os.environ["GCMCHECK_CACHE_DIR"] = str(folder)
    return folder


@pytest.fixture(scope="session")
def checker():
    from gcmcheck.core import load_checker

    return load_checker()


def run_cli(*args: str, stdin: str | bytes | None = None, cwd: Path | None = None, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m gcmcheck` as a user would, without colour."""
    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    data = stdin.encode() if isinstance(stdin, str) else stdin
    proc = subprocess.run(
        [sys.executable, "-m", "gcmcheck", *args],
        input=data if data is not None else b"",
        capture_output=True,
        cwd=cwd,
        env=full_env,
        timeout=120,
    )
    return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"), proc.stderr.decode("utf-8", "replace"))
