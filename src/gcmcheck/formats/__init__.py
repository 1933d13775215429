"""Output formats: one module each, chosen through the Format enum.

Each module exposes `render(report: Report, out: TextIO) -> None`; modules are
imported only when their format is used, so `--format json` never loads rich.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import Protocol, TextIO

from gcmcheck.report import Report


class Format(str, Enum):
    TEXT = "text"
    JSON = "json"
    JSONL = "jsonl"
    LINE = "line"
    GITHUB = "github"
    SARIF = "sarif"
    CLAIMREVIEW = "claimreview"


class Renderer(Protocol):
    def __call__(self, report: Report, out: TextIO) -> None: ...


def renderer(fmt: Format) -> Renderer:
    """The render function of a format's module."""
    return import_module(f"gcmcheck.formats.{fmt.value}").render  # type: ignore[no-any-return]
