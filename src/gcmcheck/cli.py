"""Command line: parse arguments, pick a format, set the exit status. Nothing else.

`gcmcheck STATEMENT...` is short for `gcmcheck check STATEMENT...`. Only `main()`
calls sys.exit; every command returns its exit status.
"""

import os
import signal
import sys
from pathlib import Path


def _interrupted_while_starting(signum: int, frame: object) -> None:
    """Ctrl-C while the command is still importing: leave quietly (no traceback)."""
    raise SystemExit(130)


def _started_as_command() -> bool:
    """Is this process the `gcmcheck` command (not a program importing the module)?"""
    argv0 = Path(sys.argv[0]) if sys.argv and sys.argv[0] else Path()
    return argv0.stem == "gcmcheck" or (argv0.name == "__main__.py" and argv0.parent.name == "gcmcheck")


# Importing typer and rich takes a moment; a Ctrl-C then would print a traceback.
if _started_as_command() and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
    signal.signal(signal.SIGINT, _interrupted_while_starting)

from gcmcheck import __version__  # noqa: E402
from gcmcheck.commands.common import (  # noqa: E402
    EXIT_BROKEN_PIPE,
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_TERMINATED,
    UserError,
    error,
    set_debug,
)

EXAMPLES = """\
Examples:

  gcmcheck "152 countries voted yes"

  gcmcheck --format json "The compact is legally binding."

  gcmcheck --trace "Only 55 states have ratified the Global Compact for Migration."

  cat notes.txt | gcmcheck

  gcmcheck lint docs/ --format github
"""


def build_app():  # type: ignore[no-untyped-def]
    """The typer application: built only when a command needs it (a subcommand, help,
    a usage error), since importing typer takes longer than a whole quick check."""
    from typing import Annotated, Optional

    import typer
    from typer.core import TyperGroup

    from gcmcheck.commands.check import CLAIMS_OPTIONS, FORMAT_OPTIONS, TRACE_OPTIONS, VERBOSE_OPTIONS, check
    from gcmcheck.formats import Format

    class DefaultToCheck(TyperGroup):
        """Runs `check` when the first argument is not a subcommand."""

        def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
            if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h", "--version")):
                args = ["check", *args]
            return super().parse_args(ctx, args)

    app = typer.Typer(
        cls=DefaultToCheck,
        add_completion=False,
        no_args_is_help=False,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
        help="Check what you write about the Global Compact for Migration against its sources.\n\n"
        "gcmcheck STATEMENT... is short for gcmcheck check STATEMENT...\n\n" + EXAMPLES,
    )

    def print_version(value: bool) -> None:
        if value:
            print(f"gcmcheck {__version__}")
            raise typer.Exit(EXIT_OK)

    @app.callback()
    def root(
        version: Annotated[
            bool, typer.Option("--version", callback=print_version, is_eager=True, help="Print the version and exit.")
        ] = False,
    ) -> None:
        """Check what you write about the Global Compact for Migration against its sources."""

    @app.command(
        "check",
        help="Check statements given as arguments, or sentences read from stdin.\n\n" + EXAMPLES,
        no_args_is_help=False,
    )
    def check_command(
        statement: Annotated[Optional[list[str]], typer.Argument(help="The statement; words are joined with spaces.", show_default=False)] = None,
        format: Annotated[Format, typer.Option(*FORMAT_OPTIONS, help="Output format.", case_sensitive=False)] = Format.TEXT,
        claims: Annotated[Optional[Path], typer.Option(*CLAIMS_OPTIONS, help="Claims table to use instead of the shipped one.", dir_okay=False)] = None,
        verbose: Annotated[bool, typer.Option(*VERBOSE_OPTIONS, help="Show every result.")] = False,
        trace: Annotated[
            bool, typer.Option(*TRACE_OPTIONS, help="Explain how the statement's verdicts were reached: tokens, clauses, facts, the claims weighed and the alignment rules that set any aside.")
        ] = False,
    ) -> None:
        raise typer.Exit(check(statement, format, claims, verbose, trace))

    from gcmcheck.commands.claims import claims_app
    from gcmcheck.commands.lint import EXAMPLES as LINT_EXAMPLES, lint_command
    from gcmcheck.commands.sources import sources_app

    app.command("lint", help="Check Markdown and text drafts in files and folders (- reads stdin).\n\n" + LINT_EXAMPLES)(lint_command)
    app.add_typer(claims_app, name="claims")
    app.add_typer(sources_app, name="sources")
    return app


def _run_app(args: list[str], debug: bool) -> int:
    """Run the typer application; its own exceptions become exit statuses here."""
    import typer

    try:
        status = build_app()(args=args, prog_name="gcmcheck", standalone_mode=False)
        return int(status or EXIT_OK)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.TyperException as exc:
        # typer's parser errors: usage mistakes carry exit code 2
        hint = " (see gcmcheck --help)" if exc.exit_code == EXIT_ERROR else ""
        # the parser's validation library words some messages for programmers
        message = exc.format_message().replace("Value error, ", "").replace(
            "Input should be a valid integer, unable to parse string as an integer", "a whole number is expected"
        )
        _fail(f"{message}{hint}", debug)
        return EXIT_ERROR
    except typer.Abort:
        return EXIT_INTERRUPTED


def run(argv: list[str] | None = None) -> int:
    """Run the command line and return its exit status (used by main and tests).

    Never raises for a user's mistake, bad input or a bug of ours: each ends as one
    line on stderr and an exit status (see commands.common); `--debug` (anywhere on
    the command line) adds the traceback for bug reports.
    """
    from gcmcheck.commands.check import check, quick_arguments
    from gcmcheck.table.loader import TableError

    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:
        args.remove("--debug")
    set_debug(debug)
    if signal.getsignal(signal.SIGINT) is _interrupted_while_starting:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        quick = quick_arguments(args)
        return check(*quick) if quick is not None else _run_app(args, debug)
    except (UserError, TableError) as exc:
        _fail(str(exc), debug)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except SystemExit as exc:
        # typer and rich turn a broken pipe into SystemExit(1) after catching it
        if _broken_pipe(exc):
            _silence_broken_pipe()
            return EXIT_BROKEN_PIPE
        raise
    except OSError as exc:
        if _broken_pipe(exc):
            _silence_broken_pipe()
            return EXIT_BROKEN_PIPE
        where = f": {exc.filename}" if exc.filename else ""
        _fail(f"{exc.strerror or exc}{where}", debug)
        return EXIT_ERROR
    except Exception as exc:  # a bug of ours: one line, the traceback only on request
        _fail(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", debug)
        return EXIT_ERROR


def _broken_pipe(exc: BaseException | None) -> bool:
    """Is exc (or what it was raised while handling) an EPIPE on an output stream?"""
    import errno

    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, OSError) and exc.errno == errno.EPIPE:
            return True
        exc = exc.__context__
        seen += 1
    return False


def _fail(message: str, debug: bool) -> None:
    if debug:
        import traceback

        try:
            traceback.print_exc()
        except OSError:
            pass
    error(message)


def _silence_broken_pipe() -> None:
    """Stop Python complaining at exit that stdout is gone (`gcmcheck … | head -1`).

    Whatever is still buffered goes to /dev/null instead of raising again when the
    interpreter flushes stdout on its way out.
    """
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file (tests): nothing to do
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, fd)
        os.close(devnull)
    except OSError:
        pass


def _terminated(signum: int, frame: object) -> None:
    """SIGTERM: unwind like Ctrl-C (temporary files removed), then exit 143."""
    raise SystemExit(EXIT_TERMINATED)


def _tolerant_output() -> None:
    """Never fail on a character the terminal's encoding lacks (LANG=C, a Latin-1
    console): it is written as a backslash escape, which in JSON output is the same
    character (the JSON formats fall back to ASCII escapes for such streams)."""
    for stream in (sys.stdout, sys.stderr):
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError):
                pass


def main() -> None:
    """The `gcmcheck` command: run() with the process-wide settings a command may make.

    On POSIX, SIGPIPE gets its default action back: when the reader of the output
    goes away (`gcmcheck lint docs | head -1`) gcmcheck ends at once and quietly, as
    other Unix tools do (the shell reports status 141). Python would otherwise raise
    BrokenPipeError -- or, after a partial write, sometimes drop the rest silently.
    run() still turns a BrokenPipeError into status 141 where there is no SIGPIPE.
    gcmcheck writes to no other pipe or socket, and --fix writes files atomically,
    so ending there loses nothing. SIGTERM unwinds like Ctrl-C (status 143).
    """
    _tolerant_output()
    for name, handler in (("SIGPIPE", signal.SIG_DFL), ("SIGTERM", _terminated)):
        try:
            signal.signal(getattr(signal, name), handler)
        except (ValueError, OSError, AttributeError):  # not the main thread, or no such signal
            pass
    sys.exit(run())
