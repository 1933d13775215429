"""Files in gcmcheck's cache folder: where they live, and how they are read and written.

A cache file is a header naming what it holds (a magic line and a key), a line with
the payload's length and SHA-256, then the payload. It is used only if it is a
regular file of the user running gcmcheck that no one else may write (POSIX), and
its header and checksum match; anything else reads as missing, so it is rebuilt.
Files are written atomically, and a failure to write is never an error: a cache
only saves time.

GCMCHECK_CACHE_DIR moves the folder; GCMCHECK_NO_CACHE=1 turns caching off.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def enabled() -> bool:
    return not os.environ.get("GCMCHECK_NO_CACHE")


def cache_dir() -> Path:
    if os.environ.get("GCMCHECK_CACHE_DIR"):
        return Path(os.environ["GCMCHECK_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "gcmcheck"


def read_signed(file: Path, header: bytes) -> bytes | None:
    """The payload of a cache file that starts with `header`, or None when the file is
    missing, foreign, of another key or damaged."""
    try:
        with open(file, "rb") as f:
            if not trusted(os.fstat(f.fileno())):
                return None
            data = f.read()
    except OSError:
        return None
    if not data.startswith(header):
        return None
    line, _, payload = data[len(header) :].partition(b"\n")
    try:
        length, checksum = line.decode("ascii").split(" ")
        if int(length) != len(payload) or hashlib.sha256(payload).hexdigest() != checksum:
            return None
    except ValueError:
        return None
    return payload


def write_signed(file: Path, header: bytes, payload: bytes) -> None:
    """Write a cache file atomically, readable and writable by its owner only; a failure
    (a read-only home, a full disk) leaves no file behind and is not raised."""
    from gcmcheck.atomic import replace_atomically

    signature = f"{len(payload)} {hashlib.sha256(payload).hexdigest()}\n".encode()
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        replace_atomically(file, header + signature + payload, mode=0o600)
    except OSError:
        pass


def trusted(st: os.stat_result) -> bool:
    """A regular file of ours that no one else may write (always true without POSIX owners)."""
    if not stat.S_ISREG(st.st_mode):
        return False
    if hasattr(os, "geteuid"):
        return st.st_uid == os.geteuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    return True


def load_plain(payload: bytes) -> object:
    """A pickle of plain data only (dicts, lists, tuples, strings, numbers): a payload
    naming any class or function is refused before anything is called. Raises
    ValueError for a damaged or refused payload."""
    import io
    import pickle

    class PlainUnpickler(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            raise pickle.UnpicklingError(f"a cache of plain data may not name {module}.{name}")

    try:
        return PlainUnpickler(io.BytesIO(payload)).load()
    except Exception as e:  # any damage: the caller rebuilds
        raise ValueError(str(e)) from e


def dump_plain(data: object) -> bytes:
    import pickle

    return pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
