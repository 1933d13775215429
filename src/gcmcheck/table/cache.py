"""A compiled-table cache, so a run does not parse YAML or re-read every claim.

The key is gcmcheck's version and the stamps of the modules that compile tables, plus a hash of the table's bytes and of the name,
size and modification time of every file in its sources folder, so editing the
table, touching a source, or upgrading gcmcheck rebuilds it. A
missing, stale, corrupt or unreadable cache is rebuilt without a word; it is
written atomically (temporary file, then rename) so a reader never sees half a file.

GCMCHECK_CACHE_DIR moves the cache; GCMCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

from gcmcheck import __version__
from gcmcheck.engine.compiled import CompiledTable

_MAGIC = b"gcmcheck-table-cache-1\n"


def cache_dir() -> Path:
    if os.environ.get("GCMCHECK_CACHE_DIR"):
        return Path(os.environ["GCMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gcmcheck"


def table_key(table_path: Path) -> str | None:
    """Hash of everything a compiled table depends on; None if the table is unreadable
    (the loader then reports why)."""
    from gcmcheck.table.loader import sources_of

    digest = hashlib.sha256(__version__.encode())
    try:
        _add_code_stamp(digest)
        raw = table_path.read_bytes()
        digest.update(raw)
        for source in sources_of(table_path, raw):
            stat = source.stat()
            digest.update(f"{source.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()


_COMPILING_CODE = ("models.py", "analysis", "engine", "table")


def _add_code_stamp(digest: "hashlib._Hash") -> None:
    """The code that shapes a compiled table: a changed module (an upgrade, a local
    edit) makes older caches stale even when the version string did not move."""
    package = Path(__file__).resolve().parent.parent
    for name in _COMPILING_CODE:
        path = package / name
        files = [path] if path.is_file() else sorted(path.glob("*.py"))
        for f in files:
            stat = f.stat()
            digest.update(f"{f.name}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())


def load_compiled(claims: Path | None = None) -> CompiledTable:
    """The compiled table, from the cache when it is fresh; raises TableError."""
    from gcmcheck.table.loader import default_table_path

    path = Path(claims) if claims else default_table_path()
    use_cache = not os.environ.get("GCMCHECK_NO_CACHE")
    key = table_key(path) if use_cache else None
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
    return compile_table(table.claims, table.lexicon)


def _read(file: Path, key: str) -> CompiledTable | None:
    try:
        data = file.read_bytes()
    except OSError:
        return None
    header = _MAGIC + key.encode() + b"\n"
    if not data.startswith(header):
        return None
    try:
        compiled = pickle.loads(data[len(header) :])  # noqa: S301 - our own cache file, key-checked
    except Exception:  # any corruption means: rebuild
        return None
    return compiled if isinstance(compiled, CompiledTable) else None


def _write(file: Path, key: str, compiled: CompiledTable) -> None:
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=".tmp-", suffix=".pickle")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(_MAGIC + key.encode() + b"\n")
                pickle.dump(compiled, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, file)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home is no reason to fail a check
