"""`gcmcheck lint PATH...`: check files and folders of drafts (Markdown and text).

The one place of the lint machinery that prints and decides the exit status; what to
check, with which settings, and the checking itself come from gcmcheck.lint as data.

Exit status: 0 when no result is at or above --fail-on, 1 when one is, 2 for a
usage, configuration or input error (a file that cannot be read, or one whose
checking met an internal error, counts, after the others have been checked); a
skipped file (binary) or an empty one is only a warning. See docs/bad-input.md.
"""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from gcmcheck.commands.common import EXIT_ERROR, EXIT_FAILED, EXIT_OK, UserError, debug, say, use_color, warn
from gcmcheck.formats import Format

if TYPE_CHECKING:
    import datetime
    from collections.abc import Callable

    from gcmcheck.lint.config import Settings
    from gcmcheck.lint.discovery import Target
    from gcmcheck.lint.runner import Outcome
    from gcmcheck.models import Result


class FailOn(str, Enum):
    CONTRADICTED = "contradicted"
    CONFLICTING = "conflicting"
    NEVER = "never"


class Show(str, Enum):
    UNVERIFIABLE = "unverifiable"


# the lowest severity that fails the run (models.Verdict.severity), None for never
_THRESHOLD = {"contradicted": 3, "conflicting": 2, "never": None}
_STREAMED = (Format.JSONL, Format.LINE, Format.GITHUB)

EXAMPLES = """\
Examples:

  gcmcheck lint docs/ README.md

  gcmcheck lint docs --format github

  gcmcheck lint --diff docs | git apply

  gcmcheck lint --fix docs

  cat draft.md | gcmcheck lint -

  gcmcheck lint --show-config docs
"""


def lint_command(
    paths: Annotated[
        Optional[list[str]],
        typer.Argument(help="Files or folders to check (folders recursively); - reads stdin.", show_default=False, metavar="PATH"),
    ] = None,
    format: Annotated[
        Optional[Format],
        typer.Option("--format", "-f", help="Output format [default: text].", case_sensitive=False, show_default=False),
    ] = None,
    fail_on: Annotated[
        Optional[FailOn],
        typer.Option("--fail-on", help="Exit 1 when a result is this bad or worse [default: contradicted].", case_sensitive=False, show_default=False),
    ] = None,
    show: Annotated[
        Optional[Show],
        typer.Option("--show", help="Also report sentences that state a number or date but match no claim.", case_sensitive=False, show_default=False),
    ] = None,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show supported results too (text, line, github and sarif leave them out).")
    ] = False,
    include: Annotated[
        Optional[list[str]],
        typer.Option("--include", help="Glob of files to check in folders (repeatable) [default: *.md *.markdown *.txt].", show_default=False, metavar="GLOB"),
    ] = None,
    exclude: Annotated[
        Optional[list[str]],
        typer.Option("--exclude", help="Glob of files or folders to leave out (repeatable).", show_default=False, metavar="GLOB"),
    ] = None,
    claims: Annotated[
        Optional[Path],
        typer.Option("--claims", help="Claims table to use instead of the shipped one.", dir_okay=False, show_default=False, metavar="FILE"),
    ] = None,
    diff: Annotated[
        bool, typer.Option("--diff", help="Print a unified diff correcting contradicted values; change nothing.")
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Correct contradicted values in place, then report what is left.")
    ] = False,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, help="Check files in this many processes (0: one per CPU).", metavar="N")
    ] = 1,
    stdin_filename: Annotated[
        Optional[str],
        typer.Option("--stdin-filename", help="Name for stdin in the output; a non-Markdown suffix (.txt) reads it as plain text.", show_default=False, metavar="NAME"),
    ] = None,
    show_config: Annotated[
        bool, typer.Option("--show-config", help="Print the settings that apply, and where each came from, then exit.")
    ] = False,
) -> int:
    """Check Markdown and text drafts; exit 1 when one contradicts the sources."""
    from gcmcheck.lint import config
    from gcmcheck.lint.discovery import Rules, discover

    args = list(paths or [])
    options = {
        "claims": (claims, "--claims"),
        "include": (tuple(include) if include else None, "--include"),
        "exclude": (tuple(exclude) if exclude else None, "--exclude"),
        "fail_on": (fail_on.value if fail_on else None, "--fail-on"),
        "format": (format.value if format else None, "--format"),
    }
    finder = config.ConfigFinder()
    settings = config.resolve(_config_folder(args, stdin_filename), options, finder)
    if show_config:
        sys.stdout.write(config.describe(settings))
        return EXIT_OK
    if not args:
        raise UserError("no path given: try gcmcheck lint docs/, or gcmcheck lint - to read stdin")
    if fix and diff:
        raise UserError("--fix and --diff cannot be used together")
    if fix and "-" in args:
        raise UserError("--fix cannot change stdin; use --diff to see the corrections")

    def rules_for(folder: Path) -> Rules:
        s = config.resolve(folder, options, finder)
        return Rules(s.include.value, s.exclude.value, s.include.base, s.exclude.base)

    found = discover(args, rules_for, stdin_filename)
    if not found.targets and found.filtered:
        warn(f"nothing to check: {', '.join(found.filtered)} not matched by the include globs, or excluded")
    return _run(found.targets, settings, show, verbose, diff, fix, jobs)


def _config_folder(args: list[str], stdin_filename: str | None) -> Path:
    """Where the run's settings are looked for: the first path's folder."""
    if not args or args[0] == "-":
        return Path(stdin_filename).parent if stdin_filename else Path.cwd()
    first = Path(args[0])
    return first if first.is_dir() else first.parent


def _run(
    targets: list[Target], settings: Settings, show: Show | None, verbose: bool, diff: bool, fix: bool, jobs: int
) -> int:
    """Check every target, write results as the format wants, and return the exit status."""
    from gcmcheck.documents.reader import SHOW_NONE, SHOW_VALUES
    from gcmcheck.lint.progress import progress
    from gcmcheck.lint.runner import Options, Runner

    fmt = Format(settings.format.value)
    threshold = _THRESHOLD[settings.fail_on.value]
    options = Options(
        claims=settings.claims.value,
        show=SHOW_VALUES if show is Show.UNVERIFIABLE else SHOW_NONE,
        fixing=fix or diff,
    )
    streamed = fmt in _STREAMED and not diff
    emit = _emitter(fmt, verbose) if streamed else None
    collected: list[Result] = []
    failed = errors = False
    files = fixed_values = fixed_files = 0
    live = streamed and bool(getattr(sys.stdout, "isatty", lambda: False)())
    with Runner(targets, options, jobs or (os.cpu_count() or 1)) as run, progress(
        len(targets), sys.stderr, use_color(sys.stderr), streaming_to_terminal=live
    ) as bar:
        for outcome in run:
            results = outcome.results
            if options.fixing:
                results = list(results)
                if outcome.fixed is not None:
                    if diff:
                        _write_diff(outcome)
                    elif _write_fix(outcome, bar.note):
                        results = outcome.fixed.results
                        fixed_values += outcome.fixed.count
                        fixed_files += 1
                    else:
                        errors = True
            for r in results:
                if threshold is not None and r.verdict.severity >= threshold:
                    failed = True
                if emit is not None:
                    emit(r)
                elif not diff:
                    collected.append(r)
            for message in outcome.warnings:
                bar.note(f"gcmcheck: warning: {outcome.target.name}: {message}")
            if outcome.error is not None:
                if outcome.trace and debug():
                    _print_trace(outcome.trace)
                bar.note(f"gcmcheck: error: {outcome.target.name}: {outcome.error}")
                errors = True
            if not outcome.skipped and outcome.error is None:
                files += 1
            bar.advance()
    if not streamed and not diff:
        _render(fmt, collected, show, verbose, files)
    if fixed_files:
        values = f"{fixed_values} value{'s' if fixed_values != 1 else ''}"
        say(f"gcmcheck: fixed {values} in {fixed_files} file{'s' if fixed_files != 1 else ''}")
    return EXIT_ERROR if errors else EXIT_FAILED if failed else EXIT_OK


def _print_trace(trace: str) -> None:
    """An internal error's traceback, for --debug (stderr may be gone: then nothing)."""
    try:
        sys.stderr.write(trace)
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


def _emitter(fmt: Format, verbose: bool) -> Callable[[Result], None]:
    """A function writing one result at once, for the line-based formats."""
    from importlib import import_module

    from gcmcheck.lint.report import shown

    if fmt is Format.JSONL:
        from gcmcheck.formats.jsonl import write_result

        def emit(r: Result) -> None:
            if shown(r, fmt, verbose):
                write_result(r, sys.stdout)

        return emit
    module = import_module(f"gcmcheck.formats.{fmt.value}")  # line or github

    def emit_line(r: Result) -> None:
        if shown(r, fmt, verbose):
            sys.stdout.write(module.format_result(r) + "\n")
            sys.stdout.flush()

    return emit_line


def _render(fmt: Format, results: list[Result], show: Show | None, verbose: bool, files: int) -> None:
    from gcmcheck.formats import renderer
    from gcmcheck.lint.report import LintReport, shown

    if fmt is not Format.TEXT:
        results = [r for r in results if shown(r, fmt, verbose)]
    report = LintReport(
        results,
        verbose=verbose,
        show_unverifiable=show is Show.UNVERIFIABLE,
        color=use_color(),
        date=_pinned_date(),
        problems_only=True,
        files=files,
    )
    renderer(fmt)(report, sys.stdout)
    sys.stdout.flush()


def _pinned_date() -> datetime.date | None:
    """The date SOURCE_DATE_EPOCH pins (reproducible ClaimReview output), else None (today)."""
    import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return None
    try:
        return datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc).date()
    except (ValueError, OverflowError, OSError):
        warn(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds; using today's date")
        return None


def _write_diff(outcome: Outcome) -> None:
    from gcmcheck.formats.escape import display_path
    from gcmcheck.lint.fixes import unified_diff

    assert outcome.fixed is not None
    name = display_path(outcome.target.name) if outcome.target.path is not None else outcome.target.name.strip("<>")
    sys.stdout.write(unified_diff(outcome.fixed.original, outcome.fixed.text, name))
    sys.stdout.flush()


def _write_fix(outcome: Outcome, note: Callable[[str], None]) -> bool:
    """Write a corrected file unless it changed since it was read; False on failure."""
    from gcmcheck.lint.fixes import write_atomic
    from gcmcheck.lint.runner import file_stamp

    fixed, path = outcome.fixed, outcome.target.path
    assert fixed is not None and path is not None
    if fixed.stamp is not None and file_stamp(path) != fixed.stamp:
        note(f"gcmcheck: error: {outcome.target.name}: changed while being checked; not fixed")
        return False
    try:
        write_atomic(path, fixed.data)
    except OSError as exc:
        note(f"gcmcheck: error: {outcome.target.name}: cannot write the fix: {exc.strerror or exc}")
        return False
    return True

