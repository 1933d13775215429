"""What every command shares: exit statuses, the user-error type, colour choice."""

from __future__ import annotations

import os
import sys
from typing import TextIO

EXIT_OK, EXIT_FAILED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130


class UserError(Exception):
    """A mistake of the user's: reported in one line, exit status 2."""


def use_color(stream: TextIO | None = None) -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR"):
        return False
    stream = stream or sys.stdout
    return bool(getattr(stream, "isatty", lambda: False)())


def warn(message: str) -> None:
    """A one-line warning on stderr (a skipped file, undecodable bytes)."""
    print(f"gcmcheck: warning: {message}", file=sys.stderr)
