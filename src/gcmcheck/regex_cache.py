"""Regular expressions compiled once per machine instead of once per run.

CPython compiles a pattern in pure Python (re._parser, re._compiler): for the
analyser's hundred-odd patterns and the table's lexicon that is about 15 ms, a
fifth of a quick check. What the compiler produces is a list of integers, so it
is kept in the cache folder, keyed by the pattern and its flags, in a file named
for the Python version and regular-expression engine that made it, and handed
straight to the engine (`_sre.compile`, which validates it) on later runs.

Anything unexpected -- another Python without these internals, a damaged, foreign
or stale file, caching turned off -- means compiling as re.compile does; new
entries are written back when the process exits.
"""

from __future__ import annotations

import pickle
import re
import sys

try:  # CPython's internals; elsewhere every pattern is compiled by re.compile
    import _sre
    from re import _compiler, _parser
except ImportError:  # pragma: no cover - other Pythons
    _sre = None

Entry = tuple  # (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments

_MAGIC = b"gcmcheck-regex-cache-1\n"
_MAX_ENTRIES = 4096  # past this, a save keeps only the patterns the process used

_stored: dict[tuple[str, int], Entry] | None = None
_used: set[tuple[str, int]] = set()
_dirty = False


def regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """re.compile(source, flags) for the code's own patterns, from the machine's cache
    when it has them (a table's patterns travel in the table's cache: see `portable`)."""
    flags = int(flags)
    stored = _load()
    if stored is None:
        return re.compile(source, flags)
    key = (source, flags)
    entry = stored.get(key)
    if entry is not None:
        try:
            compiled = _sre.compile(source, *entry)
            _used.add(key)
            return compiled  # type: ignore[no-any-return]
        except Exception:  # not what this engine accepts: compile it afresh
            pass
    try:
        entry = _compile(source, flags)
        compiled = _sre.compile(source, *entry)
    except re.error:
        raise
    except Exception:  # internals not as expected
        return re.compile(source, flags)
    _remember(key, entry)
    return compiled  # type: ignore[no-any-return]


def portable(compiled: re.Pattern[str]) -> tuple[str, int, Entry | None]:
    """A compiled pattern as data that `restore` turns back into it without compiling
    (for pickled objects; only valid for the same Python, which the table cache's key
    includes)."""
    flags = int(compiled.flags)
    try:
        entry = _compile(compiled.pattern, flags) if _sre is not None else None
    except Exception:  # internals not as expected
        entry = None
    return compiled.pattern, flags, entry


def restore(state: tuple[str, int, Entry | None]) -> re.Pattern[str]:
    source, flags, entry = state
    if entry is not None and _sre is not None:
        try:
            return _sre.compile(source, *entry)  # type: ignore[no-any-return]
        except Exception:
            pass
    return re.compile(source, flags)


def _compile(source: str, flags: int) -> Entry:
    """What re._compiler.compile hands to the engine, without handing it over."""
    parsed = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(parsed, flags)]  # plain ints: opcodes are an int subclass
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup)


def _remember(key: tuple[str, int], entry: Entry) -> None:
    global _dirty
    assert _stored is not None
    _stored[key] = entry
    _used.add(key)
    if not _dirty:
        import atexit

        atexit.register(save)
        _dirty = True


def _file_and_header() -> tuple[object, bytes]:
    from gcmcheck.cachefiles import cache_dir

    version = f"{sys.implementation.cache_tag}-{_sre.MAGIC}"
    return cache_dir() / f"regex-{version}.cache", _MAGIC + sys.version.encode() + b"\n"


def _load() -> dict[tuple[str, int], Entry] | None:
    """The stored entries (read once per process); None when caching is off."""
    global _stored
    if _stored is None:
        from gcmcheck.cachefiles import enabled, load_plain, read_signed

        if _sre is None or not enabled():
            return None
        _stored = {}
        file, header = _file_and_header()
        payload = read_signed(file, header)
        if payload is not None:
            try:
                data = load_plain(payload)
            except ValueError:  # damaged: start afresh
                data = None
            if isinstance(data, dict):
                _stored = data
    return _stored


def save() -> None:
    """Write the entries back (at exit, when some were added); never raises."""
    global _dirty
    if not _dirty or _stored is None:
        return
    from gcmcheck.cachefiles import write_signed

    entries = _stored if len(_stored) <= _MAX_ENTRIES else {k: v for k, v in _stored.items() if k in _used}
    try:
        payload = pickle.dumps(entries, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError):
        return
    file, header = _file_and_header()
    write_signed(file, header, payload)
    _dirty = False
