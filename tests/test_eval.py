"""The labelled development set, scored by the same scorer the project is judged with."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_dev_set_accuracy_and_no_false_support():
    exe = shutil.which("gcmcheck") or str(Path(sys.executable).with_name("gcmcheck"))
    proc = subprocess.run(
        [sys.executable, str(HERE / "eval" / "score.py"), str(HERE / "eval" / "dev.yaml"),
         "--cmd", exe, "--min-accuracy", "0.95", "--max-false-support", "0"],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
