"""`gcmcheck check STATEMENT...` (and plain `gcmcheck STATEMENT...`): the quick check.

Free of typer, so that cli.py can run the common case (`gcmcheck "152 countries
voted yes"`, `--format json`, text on stdin) without loading the argument parser's
machinery; typer's command calls the same function.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gcmcheck.commands.common import EXIT_FAILED, EXIT_OK, UserError, configured_claims, use_color
from gcmcheck.formats import Format

# the check command's options, shared by typer's declaration and cli.py's quick parser
FORMAT_OPTIONS = ("--format", "-f")
CLAIMS_OPTIONS = ("--claims",)
VERBOSE_OPTIONS = ("--verbose", "-v")
TRACE_OPTIONS = ("--trace",)


def check(statement: list[str] | None, fmt: Format, claims: Path | None, verbose: bool, trace: bool = False) -> int:
    """Check the statement (words joined with spaces), or the sentences on stdin;
    print the report and return the exit status (1 when something is contradicted).
    With trace, print how the statement's verdicts were reached instead."""
    from gcmcheck import core
    from gcmcheck.formats import renderer
    from gcmcheck.report import Report

    if trace and not statement:
        raise UserError('--trace explains one statement: try gcmcheck --trace "152 countries voted yes"')
    # a project's `claims =` setting applies to quick checks from its folder too
    checker = core.load_checker(configured_claims(claims), for_the_run=True)
    if statement:
        text = " ".join(statement).strip()
        if not text:
            raise UserError("the statement is empty")
        if trace:
            from gcmcheck.formats.trace import render_trace

            explained = core.trace_statement(checker, text)
            render_trace(explained, sys.stdout)
            sys.stdout.flush()
            return EXIT_FAILED if any(r.verdict.value == "contradicted" for r in explained.results) else EXIT_OK
        results = core.check_statement(checker, text)
    elif not sys.stdin.isatty():
        from gcmcheck.documents.decode import read_stdin
        from gcmcheck.documents.reader import results_for_text

        results = list(results_for_text(checker, read_stdin(), "<stdin>", markdown=False))
        if not results:
            raise UserError("no statement found on stdin")
    else:
        raise UserError('no statement given: try gcmcheck "152 countries voted yes", or pipe text in')
    renderer(fmt)(Report(results, verbose=verbose, color=use_color()), sys.stdout)
    sys.stdout.flush()
    return EXIT_FAILED if any(r.verdict.value == "contradicted" for r in results) else EXIT_OK


def quick_arguments(args: list[str]) -> tuple[list[str] | None, Format, Path | None, bool, bool] | None:
    """check()'s arguments when `args` is a plain check that needs no parser's help:
    statements and the options above with valid values. Anything else (a subcommand,
    --help, --version, an unknown option, a bad value) is None: typer handles it,
    messages included."""
    fmt, claims, verbose, trace = Format.TEXT, None, False, False
    words: list[str] = []
    rest = list(args)
    if rest and rest[0] == "check":
        rest.pop(0)
    while rest:
        arg = rest.pop(0)
        if arg == "--":
            words += rest
            break
        if not arg.startswith("-") or arg == "-":
            if not words and arg in _SUBCOMMANDS:
                return None
            words.append(arg)
            continue
        name, eq, value = arg.partition("=")
        if name in VERBOSE_OPTIONS and not eq:
            verbose = True
            continue
        if name in TRACE_OPTIONS and not eq:
            trace = True
            continue
        if name not in FORMAT_OPTIONS + CLAIMS_OPTIONS:
            return None
        if not eq:
            if not rest:
                return None
            value = rest.pop(0)
        if name in CLAIMS_OPTIONS:
            if not value or Path(value).is_dir():
                return None
            claims = Path(value)
        else:
            try:
                fmt = Format(value.lower())
            except ValueError:
                return None
    return (words or None), fmt, claims, verbose, trace


# the commands cli.build_app registers (named here so the quick path need not build it)
_SUBCOMMANDS = ("check", "lint", "claims", "sources")
