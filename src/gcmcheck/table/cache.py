"""A compiled-table cache, so a run does not parse YAML or re-read every claim.

The key is gcmcheck's version and the stamps of the modules that compile tables, plus a hash of the table's bytes and of the name,
size and modification time of every file in its sources folder, so editing the
table, touching a source, or upgrading gcmcheck rebuilds it. A
missing, stale, corrupt or unreadable cache is rebuilt without a word; it is
written atomically (temporary file, then rename) so a reader never sees half a file.

A cache file is validated before it is used (see gcmcheck.cachefiles: its key,
length, checksum and owner), and it is unpickled by an unpickler that only creates
gcmcheck's own table classes, so a planted or damaged file can cost a rebuild but
cannot run code.
"""

from __future__ import annotations

import gc
import hashlib
import io
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

from gcmcheck import __version__
from gcmcheck.cachefiles import cache_dir, enabled, read_signed, write_signed
from gcmcheck.engine.compiled import CompiledTable

_MAGIC = b"gcmcheck-table-cache-2\n"
# The only globals a cache may name: gcmcheck's table classes (the lexicon carries
# its patterns as data, see regex_cache.portable).
_TRUSTED_MODULES = ("gcmcheck.models", "gcmcheck.engine.", "gcmcheck.analysis.")


def table_key(table_path: Path) -> str | None:
    """Hash of everything a compiled table depends on; None if the table is unreadable
    (the loader then reports why)."""
    from gcmcheck.table.loader import MAX_TABLE_BYTES, read_limited, sources_of

    # the Python too: a cached table holds patterns compiled for its regex engine
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    try:
        digest.update(_code_stamp())
        raw = read_limited(table_path, MAX_TABLE_BYTES)
        if raw is None:  # too large: the loader says so
            return None
        digest.update(raw)
        for source in sources_of(table_path, raw):
            stat = source.stat()
            digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except (OSError, ValueError):
        return None
    return digest.hexdigest()


_COMPILING_CODE = ("models.py", "analysis", "engine", "table", "reader")


@lru_cache(maxsize=1)
def _code_stamp() -> bytes:
    """The code that shapes a compiled table: a changed module (an upgrade, a local
    edit) makes older caches stale even when the version string did not move. Taken
    once per process, when the code is loaded, so that a file edited during a run
    cannot label a table compiled by the older code in memory."""
    package = Path(__file__).resolve().parent.parent
    stamp = hashlib.sha256()
    for name in _COMPILING_CODE:
        path = package / name
        files = [path] if path.is_file() else sorted([*path.glob("*.py"), *path.glob("*.toml")])  # the reader's language file too
        for f in files:
            stat = f.stat()
            stamp.update(f"{f.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    return stamp.digest()


def load_compiled(claims: Path | None = None) -> CompiledTable:
    """The compiled table, from the cache when it is fresh; raises TableError."""
    from gcmcheck.table.loader import default_table_path

    path = Path(claims) if claims else default_table_path()
    key = table_key(path) if enabled() else None
    if key:
        cached = _read(cache_dir() / f"{key}.pickle", key)
        if cached is not None:
            return cached
    compiled = build(path)
    if key:
        _write(cache_dir() / f"{key}.pickle", key, compiled)
    return compiled


def build(path: Path) -> CompiledTable:
    from gcmcheck.engine.compiled import compile_table
    from gcmcheck.table.loader import load_table

    table = load_table(path)
    return compile_table(table.claims, table.lexicon, {sid: source.date for sid, source in table.sources.items()})


def _read(file: Path, key: str) -> CompiledTable | None:
    """The cached table, or None when the file is missing, stale, foreign or damaged."""
    payload = read_signed(file, _header(key))
    if payload is None:
        return None
    # A table is a great many small objects: the cyclic garbage collector, run
    # again and again as they are created, would take longer than the loading.
    collecting = gc.isenabled()
    gc.disable()
    try:
        compiled = _TableUnpickler(io.BytesIO(payload)).load()
    except Exception:  # any corruption means: rebuild
        return None
    finally:
        if collecting:
            gc.enable()
    return compiled if isinstance(compiled, CompiledTable) else None


def _header(key: str) -> bytes:
    return _MAGIC + key.encode() + b"\n"


class _TableUnpickler(pickle.Unpickler):
    """Unpickles only gcmcheck's table classes: a pickle naming anything else (os.system,
    builtins.eval, ...) is refused before it can be called."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_TRUSTED_MODULES) and "." not in name:
            found = super().find_class(module, name)
            if isinstance(found, type) and found.__module__ == module:
                return found
        raise pickle.UnpicklingError(f"the table cache may not name {module}.{name}")


def _write(file: Path, key: str, compiled: CompiledTable) -> None:
    """Write the cache (atomically); a failure is no reason to fail a check."""
    try:
        payload = pickle.dumps(compiled, protocol=pickle.HIGHEST_PROTOCOL)
    except pickle.PicklingError:
        return
    write_signed(file, _header(key), payload)
