"""`gcmcheck lint PATH...`: check files and folders of drafts (Markdown and text)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer


def lint_command(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders to check; - reads stdin.")] = None,
) -> None:
    """Check Markdown and text drafts; exit 1 when one contradicts the sources."""
    raise NotImplementedError
