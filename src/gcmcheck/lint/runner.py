"""Check documents: one Outcome per target, in the order given, serially or in processes.

The checking itself is the core's: documents.reader turns a document into located
results. This module reads files (binary files skipped, undecodable bytes replaced
and reported), streams plain text line by line when it can, computes corrections
for --fix/--diff, and fans files out to worker processes for --jobs.

Plain text read without --fix/--diff is streamed: results come out as each
paragraph ends and memory is bounded by the longest paragraph, not by the file.
Markdown needs the whole document (block structure is not local), as do fixes.

Outcomes of `--jobs N` are yielded in target order, so the output is the same as
with `--jobs 1`; only how long it takes differs.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from gcmcheck.commands.common import UserError
from gcmcheck.lint.discovery import Target
from gcmcheck.models import Result

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

    from gcmcheck.engine.checker import Checker

HEAD_BYTES = 8192  # how much is looked at to tell a binary file (NUL byte)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_INVALID = "invalid UTF-8 at byte {}; undecodable bytes replaced with U+FFFD"
EMPTY = "empty, nothing to check"


@dataclass(frozen=True, slots=True)
class Options:
    claims: Path | None = None
    show: str = "none"  # documents.reader SHOW_*: which unverifiable sentences to keep
    fixing: bool = False  # compute corrections (--fix, --diff): whole documents, no streaming


@dataclass(slots=True)
class Fixed:
    """A document with its corrections applied, and what checking it again gives."""

    original: str
    text: str
    count: int  # values replaced
    data: bytes  # text encoded as the file was
    results: list[Result]
    stamp: tuple[int, int] | None  # (size, mtime_ns) when read, to notice a change before writing


@dataclass(slots=True)
class Outcome:
    """What checking one target gave.

    results is a list, except when a plain-text document is streamed: then it is an
    iterator, and warnings and error are complete only once it has been consumed.
    """

    target: Target
    results: Iterable[Result] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the document could not be read, or checking it failed
    skipped: bool = False  # a binary file
    fixed: Fixed | None = None  # only with Options.fixing, when a fix applies
    trace: str | None = None  # the traceback of an internal error, shown with --debug


def check_target(checker: Checker, target: Target, options: Options, stream: bool = True) -> Outcome:
    """Check one document; I/O problems and internal errors end up in the outcome,
    not as exceptions, so one odd file never stops the others being checked."""
    outcome = Outcome(target)
    try:
        return _check_target(checker, target, options, stream, outcome)
    except Exception as exc:  # a bug of ours, met on this document only
        _internal_error(outcome, exc)
        return outcome


def _internal_error(outcome: Outcome, exc: BaseException) -> None:
    """Record a crash while checking a document: where, what, and the traceback."""
    import traceback

    from gcmcheck.documents.reader import CheckFailed

    where = ""
    if isinstance(exc, CheckFailed):
        where = f"line {exc.line}: "
        exc = exc.__cause__ or exc
    outcome.error = (
        f"{where}internal error: {type(exc).__name__}: {exc}; the rest of this file was not checked"
        " (run with --debug for the traceback)"
    )
    outcome.trace = "".join(traceback.format_exception(exc))


def _check_target(checker: Checker, target: Target, options: Options, stream: bool, outcome: Outcome) -> Outcome:
    try:
        f: IO[bytes] = sys.stdin.buffer if target.path is None else open(target.path, "rb")  # noqa: SIM115
    except OSError as exc:
        outcome.error = _os_error(exc)
        return outcome
    keep_open = False
    try:
        stamp = _stamp(f) if target.path is not None else None
        # A pipe's read(n) waits for n bytes; read1 takes what has arrived, so the
        # first results of piped text are not held back (the binary check then sees
        # less than HEAD_BYTES).
        head = f.read(HEAD_BYTES) if target.path is not None else getattr(f, "read1", f.read)(HEAD_BYTES)
        from gcmcheck.documents.decode import looks_binary

        if looks_binary(head):
            outcome.skipped = True
            outcome.warnings.append("binary file skipped")
            return outcome
        if stream and not target.markdown and not options.fixing and not head.startswith(_UTF16_BOMS):
            outcome.results = _streamed(checker, f, head, outcome, options)
            keep_open = True
            return outcome
        data = head + f.read()
    except OSError as exc:
        outcome.error = _os_error(exc)
        return outcome
    finally:
        if not keep_open and target.path is not None:
            f.close()
    _check_whole(checker, data, outcome, options, stamp)
    return outcome


def _check_whole(checker: Checker, data: bytes, outcome: Outcome, options: Options, stamp: tuple[int, int] | None) -> None:
    from gcmcheck.documents.decode import decode
    from gcmcheck.documents.reader import results_for_text

    target = outcome.target
    decoded = decode(data)
    outcome.warnings.extend(decoded.warnings)
    if not decoded.text.strip():
        outcome.warnings.append(EMPTY)
        return
    results = list(results_for_text(checker, decoded.text, target.name, target.markdown, options.show, outcome.warnings))
    outcome.results = results
    if not options.fixing:
        return
    from gcmcheck.lint.fixes import apply_fixes, fixes_for

    fixes = fixes_for(results, decoded.text)
    if not fixes:
        return
    if decoded.warnings:
        outcome.warnings.append("not fixed: the file is not valid UTF-8, and writing it back would lose bytes")
        return
    text = apply_fixes(decoded.text, fixes)
    recheck = list(results_for_text(checker, text, target.name, target.markdown, options.show))
    outcome.fixed = Fixed(decoded.text, text, len(fixes), _encode_like(text, data), recheck, stamp)


def _encode_like(text: str, original: bytes) -> bytes:
    """Encode as the original was: UTF-8 (keeping a BOM) or UTF-16 with its BOM."""
    if original.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    if original.startswith(codecs.BOM_UTF16_LE):
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    if original.startswith(codecs.BOM_UTF16_BE):
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode("utf-8")


def _streamed(checker: Checker, f: IO[bytes], head: bytes, outcome: Outcome, options: Options) -> Iterator[Result]:
    from gcmcheck.documents.reader import results_for_lines

    try:
        yield from results_for_lines(checker, _decoded_lines(f, head, outcome.warnings), outcome.target.name, options.show)
    except OSError as exc:
        outcome.error = _os_error(exc)
    except Exception as exc:  # a bug of ours: this file stops, the others go on
        _internal_error(outcome, exc)
    finally:
        if outcome.target.path is not None:
            f.close()


def _decoded_lines(f: IO[bytes], head: bytes, warnings: list[str]) -> Iterator[str]:
    """Text lines (each with its one line break) of a byte stream, decoded as UTF-8.

    Bytes are split at b"\\n" only, so a CRLF is never cut in two and no UTF-8
    sequence spans two pieces; the first undecodable byte is reported by its offset
    (after a BOM, as documents.decode counts).
    """
    from gcmcheck.documents.positions import split_lines

    offset = 0
    first = True
    reported = False
    blank = True
    for raw in _raw_lines(f, head):
        if first:
            first = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            if not reported:
                reported = True
                warnings.append(_INVALID.format(offset + exc.start))
            text = raw.decode("utf-8", errors="replace")
        offset += len(raw)
        if blank and text.strip():
            blank = False
        yield from split_lines(text)
    if blank:
        warnings.append(EMPTY)


def _raw_lines(f: IO[bytes], head: bytes) -> Iterator[bytes]:
    """The lines of head + the rest of f, with the line cut by head's end rejoined."""
    lines = io.BytesIO(head).readlines()
    if lines and not lines[-1].endswith(b"\n"):
        lines[-1] += f.readline()
    yield from lines
    yield from f


def _stamp(f: IO[bytes]) -> tuple[int, int] | None:
    try:
        st = os.fstat(f.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        return None
    return st.st_size, st.st_mtime_ns


def file_stamp(path: Path) -> tuple[int, int] | None:
    """(size, mtime_ns) of a file now, to compare with Fixed.stamp before writing."""
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


def _os_error(exc: OSError) -> str:
    reason = exc.strerror or str(exc)
    return reason[:1].lower() + reason[1:]


# --- running many ------------------------------------------------------------------


class Runner:
    """Outcomes for targets, in order: `with Runner(...) as run: for outcome in run: ...`.

    With jobs > 1 files are checked in worker processes, each loading the checker
    once (initializer); stdin is always read here. Entering starts the workers
    (before any progress-bar thread exists, so forking is safe), and at most a
    few files per worker are in flight, so memory does not grow with the number of
    files. Leaving cancels what has not started.
    """

    def __init__(self, targets: list[Target], options: Options, jobs: int = 1) -> None:
        self.targets = targets
        self.options = options
        files = sum(1 for t in targets if t.path is not None)
        self.jobs = max(1, min(jobs, files))
        self._checker: Checker | None = None
        self._pool: ProcessPoolExecutor | None = None
        self._pending: deque[tuple[Target, Future[Outcome] | None]] = deque()
        self._next = 0

    def __enter__(self) -> Runner:
        if self.jobs > 1:
            from concurrent.futures import ProcessPoolExecutor

            # Loaded before the workers start: a forked worker inherits it instead of
            # loading it again (where workers are spawned, the initializer loads it).
            _WORKER["checker"] = self.checker()

            self._pool = ProcessPoolExecutor(
                max_workers=self.jobs, initializer=_init_worker, initargs=(self.options.claims,)
            )
            self._fill()
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
            _WORKER.pop("checker", None)

    def checker(self) -> Checker:
        if self._checker is None:
            from gcmcheck.core import load_checker

            self._checker = load_checker(self.options.claims, for_the_run=True)
        return self._checker

    def __iter__(self) -> Iterator[Outcome]:
        if self._pool is None:
            for target in self.targets:
                yield check_target(self.checker(), target, self.options)
            return
        while self._pending:
            target, future = self._pending.popleft()
            if future is None:
                outcome = check_target(self.checker(), target, self.options, stream=False)
            else:
                try:
                    outcome = future.result()
                except BrokenProcessPool as exc:
                    raise UserError(
                        f"{target.name}: a worker process died while checking it (out of memory?); try --jobs 1"
                    ) from exc
            self._fill()
            yield outcome

    def _fill(self) -> None:
        assert self._pool is not None
        while self._next < len(self.targets) and len(self._pending) < self.jobs * 4:
            target = self.targets[self._next]
            self._next += 1
            future = None if target.path is None else self._pool.submit(_work, target, self.options)
            self._pending.append((target, future))


_WORKER: dict[str, Any] = {}


def _init_worker(claims: Path | None) -> None:
    """Load the checker once per worker process; a failure is raised again by _work.

    (Raising here would break the pool with a bare BrokenProcessPool, losing the reason.)
    """
    import signal

    from gcmcheck.core import load_checker

    # Ctrl-C reaches every process of the terminal's group: the main process stops
    # the run, so a worker must not print a traceback of its own; SIGTERM just ends it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _exit_with_parent()
    if "checker" in _WORKER:  # forked from the main process, which loaded it
        return
    try:
        _WORKER["checker"] = load_checker(claims, for_the_run=True)
    except Exception as exc:  # reported by the first task, as a user error
        _WORKER["error"] = str(exc)


def _exit_with_parent(interval: float = 0.5) -> None:
    """End this worker soon after the main process ends, however it ends.

    A worker waits for tasks on a pipe whose other end it holds too, so it never
    sees the main process go: killed (SIGKILL, the OOM killer) or ended by SIGPIPE
    (`gcmcheck lint --jobs 4 docs | head -1`), it would leave the workers behind for
    good. A daemon thread watches the parent and ends the worker when it is gone.
    """
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(interval)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="gcmcheck-parent-watch", daemon=True).start()


def _work(target: Target, options: Options) -> Outcome:
    if "error" in _WORKER:
        raise UserError(_WORKER["error"])
    outcome = check_target(_WORKER["checker"], target, options, stream=False)
    outcome.results = list(outcome.results)
    return outcome
