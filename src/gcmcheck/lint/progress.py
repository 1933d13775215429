"""The progress bar of long runs: on stderr, and only for a person watching.

A bar is drawn when stderr is a terminal and at least MIN_FILES files are checked;
in CI logs, pipes and short runs it would only be noise (or escape codes in a log).
Nor is it drawn when results stream to the same terminal as they are found: the two
would fight over the screen. stdout is never redirected through the bar, so output
reaches a pipe or file byte for byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

MIN_FILES = 10


def wanted(files: int, stream: TextIO, streaming_to_terminal: bool = False) -> bool:
    """Should a bar be drawn for this many files on this stream?"""
    if files < MIN_FILES or streaming_to_terminal or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


class Bar:
    """advance() once per file; note() prints a stderr line (above the bar when drawn)."""

    def __init__(self, progress: Any = None, task: Any = None) -> None:
        self._progress = progress
        self._task = task

    def advance(self) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)

    def note(self, line: str) -> None:
        """One line on stderr, made terminal-safe (file names may hold escape codes)."""
        from gcmcheck.commands.common import safe_line, say

        if self._progress is not None:
            self._progress.console.print(safe_line(line), markup=False, highlight=False, soft_wrap=True)
        else:
            say(line)


@contextmanager
def progress(files: int, stream: TextIO, color: bool = True, streaming_to_terminal: bool = False) -> Iterator[Bar]:
    """A Bar for the run; a rich progress bar is drawn only when wanted()."""
    if not wanted(files, stream, streaming_to_terminal):
        yield Bar()
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    bar = Progress(
        TextColumn("checking"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(file=stream, no_color=not color),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with bar:
        yield Bar(bar, bar.add_task("checking", total=files))
