"""Compiled-table loading. (A content-hash cache is added on top of this.)"""

from __future__ import annotations

from pathlib import Path

from gcmcheck.engine.compiled import CompiledTable, compile_table
from gcmcheck.table.loader import load_table


def load_compiled(claims: Path | None = None) -> CompiledTable:
    table = load_table(claims)
    return compile_table(table.claims, table.lexicon)
