"""`gcmcheck claims ...`: inspect, validate and grow the claims table."""

from __future__ import annotations

import typer

claims_app = typer.Typer(help="Inspect, validate and grow the claims table.", no_args_is_help=True)
