"""`gcmcheck sources ...`: the source documents behind the table."""

from __future__ import annotations

import typer

sources_app = typer.Typer(help="The source documents the claims quote.", no_args_is_help=True)
