"""What every command shares: exit statuses, the user-error type, colour choice, and
the one-line messages on stderr."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TextIO

from gcmcheck.regex_cache import regex

# 0: nothing at or above --fail-on; 1: something is; 2: a usage, configuration or input
# error (a one-line message on stderr); 130: interrupted (Ctrl-C); 141: the reader of
# the output went away (`gcmcheck lint docs | head -1`), as for a program killed by
# SIGPIPE; 143: terminated (SIGTERM).
EXIT_OK, EXIT_FAILED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
EXIT_BROKEN_PIPE, EXIT_TERMINATED = 141, 143


class UserError(Exception):
    """A mistake of the user's: reported in one line, exit status 2."""


def use_color(stream: TextIO | None = None) -> bool:
    """Colour for a terminal or when FORCE_COLOR is set, never when NO_COLOR is
    (https://no-color.org, https://force-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


# --debug: set by cli.run for the run; worker processes inherit it when forked.
_DEBUG = False


def set_debug(on: bool) -> None:
    global _DEBUG
    _DEBUG = on


def debug() -> bool:
    """Was --debug given (show tracebacks of internal errors)?"""
    return _DEBUG


def safe_line(text: str) -> str:
    """A message made safe for one line of a terminal or log.

    Messages name files and quote documents, and both may hold terminal control
    sequences (a file called ``\\x1b]0;...``) or line breaks that would forge a line
    of their own; file names that are not valid UTF-8 (surrogate escapes) become
    U+FFFD instead of failing to print.
    """
    from gcmcheck.formats.escape import one_line

    return one_line(printable(text))


_SURROGATE = regex("[\ud800-\udfff]")


def printable(text: str) -> str:
    """text with lone surrogates (bytes of a file name that are not UTF-8, as Python
    decodes them) replaced by U+FFFD, so that it can be encoded for any output."""
    return _SURROGATE.sub("\ufffd", text)


def say(line: str, stream: TextIO | None = None) -> None:
    """Print one message line on stderr, never failing (a closed stderr is ignored)."""
    stream = stream or sys.stderr
    try:
        print(safe_line(line), file=stream)
        stream.flush()
    except (OSError, ValueError):  # stderr closed or gone: nothing else to tell
        pass


def warn(message: str) -> None:
    """A one-line warning on stderr (a skipped file, undecodable bytes)."""
    say(f"gcmcheck: warning: {message}")


def error(message: str) -> None:
    """A one-line error on stderr."""
    say(f"gcmcheck: error: {message}")


def configured_claims(given: Path | None) -> Path | None:
    """The table to use: --claims when given, else the `claims =` setting of the
    configuration found from the current folder, else None (the shipped table)."""
    if given is not None:
        return given
    from gcmcheck.lint.config import resolve

    return resolve(Path.cwd(), {}).claims.value


def command_group(help: str):  # type: ignore[no-untyped-def]
    """A typer group of subcommands (`gcmcheck claims …`) that runs its own callback
    when called alone, without shell-completion options or rich markup."""
    import typer

    return typer.Typer(
        help=help, invoke_without_command=True, no_args_is_help=False, rich_markup_mode=None, add_completion=False
    )
