"""Documentation that never mentions the compact gives no supported and no
contradicted result, however many figures, dates and shared words it has."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FIXTURE = Path(__file__).parent / "fixtures" / "documents" / "ordinary_docs.md"


def test_ordinary_documentation_is_left_alone() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "gcmcheck", "lint", str(FIXTURE), "--format", "jsonl", "--verbose"],
        capture_output=True, text=True, timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    judged = [json.loads(line) for line in proc.stdout.splitlines() if line.strip()]
    assert [r for r in judged if r["verdict"] in ("supported", "contradicted", "conflicting")] == []
