"""The compiled-table cache: fresh hits, silent rebuilds, keys that follow the inputs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gcmcheck.table import cache
from gcmcheck.table.loader import default_table_path


@pytest.fixture()
def table_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    src = default_table_path()
    root = tmp_path / "t"
    (root / "data").mkdir(parents=True)
    shutil.copy(src, root / "data" / "claims.yaml")
    shutil.copytree(src.parent.parent / "seeds", root / "seeds")
    monkeypatch.setenv("GCMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GCMCHECK_NO_CACHE", raising=False)
    return root / "data" / "claims.yaml"


def test_second_load_comes_from_cache(table_copy: Path, monkeypatch: pytest.MonkeyPatch):
    first = cache.load_compiled(table_copy)
    # one compiled table (the reader's language file has a cache of its own)
    files = [f for f in cache.cache_dir().glob("*.pickle") if not f.name.startswith("language-")]
    assert len(files) == 1
    monkeypatch.setattr(cache, "build", lambda path: pytest.fail("rebuilt a fresh cache"))
    second = cache.load_compiled(table_copy)
    assert [c.id for c in second.claims] == [c.id for c in first.claims]


def test_corrupt_cache_is_rebuilt_silently(table_copy: Path):
    cache.load_compiled(table_copy)
    (file,) = cache.cache_dir().glob("*.pickle")
    file.write_bytes(file.read_bytes()[:200] + b"garbage")
    rebuilt = cache.load_compiled(table_copy)
    assert rebuilt.claims
    assert cache._read(file, file.stem) is not None


def test_key_changes_with_table_and_sources(table_copy: Path):
    before = cache.table_key(table_copy)
    text = table_copy.read_text(encoding="utf-8")
    table_copy.write_text(text + "\n# edited\n", encoding="utf-8")
    after_table = cache.table_key(table_copy)
    source = next((table_copy.parent.parent / "seeds").glob("*.txt"))
    source.write_bytes(source.read_bytes() + b"\n")
    after_source = cache.table_key(table_copy)
    assert len({before, after_table, after_source}) == 3


def test_unwritable_cache_dir_does_not_fail(table_copy: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    blocker = tmp_path / "file-not-dir"
    blocker.write_text("x")
    monkeypatch.setenv("GCMCHECK_CACHE_DIR", str(blocker / "cache"))
    assert cache.load_compiled(table_copy).claims


def test_the_code_stamp_covers_the_reader_and_its_language_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Claims are read by the reader: a changed clause rule or language file must make
    older compiled tables stale, as a changed analyser does."""
    package = Path(cache.__file__).resolve().parent.parent
    fake = tmp_path / "gcmcheck"
    for name in cache._COMPILING_CODE:
        source = package / name
        if source.is_file():
            (fake / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, fake / name)
        else:
            shutil.copytree(source, fake / name, ignore=shutil.ignore_patterns("__pycache__"))
    (fake / "table").mkdir(exist_ok=True)
    monkeypatch.setattr(cache, "__file__", str(fake / "table" / "cache.py"))
    cache._code_stamp.cache_clear()
    before = cache._code_stamp()
    language = fake / "reader" / "language.toml"
    language.write_text(language.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    cache._code_stamp.cache_clear()
    try:
        assert cache._code_stamp() != before
    finally:
        cache._code_stamp.cache_clear()
