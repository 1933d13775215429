"""Writing a file all at once: a temporary file in the same folder, flushed to disk,
then renamed over the target. A reader, or a run killed halfway, sees the old
content or the new, never half of it. Used for --fix and for the table cache."""

from __future__ import annotations

import os
from pathlib import Path


def replace_atomically(target: Path, data: bytes, mode: int | None = None) -> None:
    """Write data to target atomically; on any failure the temporary file is removed
    and the error raised."""
    import tempfile  # not at start-up: it imports random, hashlib and more

    folder = target.parent
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".gcmcheck-tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
