"""The fuzz harnesses (fuzz/), run briefly without atheris, so CI needs no extra.

Each harness's `one_input` gets a few hundred generated inputs here, plus every seed
of fuzz/corpus/ and every crash ever found, kept in fuzz/regressions/ (a crash found
by fuzzing is copied there, so it stays fixed). The long runs use atheris; see
fuzz/README.md.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FUZZ = Path(__file__).resolve().parent.parent / "fuzz"
if not (FUZZ / "fuzz_documents.py").is_file():  # e.g. tests run from an sdist without fuzz/
    pytest.skip("the fuzz/ folder of the repository is not here", allow_module_level=True)


def _harness(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"gcmcheck_fuzz_{name}", FUZZ / f"fuzz_{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


documents = _harness("documents")
tables = _harness("table")


def _files(kind: str) -> list[Path]:
    return sorted(
        p for folder in ("corpus", "regressions") for p in (FUZZ / folder / kind).glob("*") if p.is_file() and not p.name.startswith(".")
    )


@pytest.mark.parametrize("path", _files("documents"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_document_seeds_and_regressions(path: Path) -> None:
    documents.one_input(path.read_bytes())


@pytest.mark.parametrize("path", _files("table"), ids=lambda p: f"{p.parent.parent.name}/{p.name}")
def test_table_seeds_and_regressions(path: Path) -> None:
    tables.one_input(path.read_bytes())


def test_every_crash_found_is_kept() -> None:
    assert _files("table"), "fuzz/regressions/table holds the crashes found so far"
    assert (FUZZ / "regressions" / "table" / "date-out-of-range.yaml").is_file()


PIECES = [
    "The Compact has 25 objectives.", "152 countries voted yes.", "on 10 December 2018", "3.5 per cent",
    "# ", "> ", "- ", "1. ", "*", "_", "`", "[", "](x)", "<!--", "-->", "gcmcheck off", "|", "\\",
    "\n", "\r\n", "\r", " ", "\t", "\x00", "\ufeff", "\u2028", "\U0001f600", "\xa0", "U.S.", "e.g.", "...",
]


@st.composite
def document_inputs(draw: st.DrawFn) -> bytes:
    mode = draw(st.integers(0, 255))
    text = "".join(draw(st.lists(st.sampled_from(PIECES), max_size=30)))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1-ish"]))
    body = text.encode("utf-8", "surrogatepass")[: len(text)] if encoding == "latin-1-ish" else text.encode(encoding)
    return bytes([mode]) + body


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(document_inputs(), st.binary(max_size=200)))
def test_document_harness(data: bytes) -> None:
    documents.one_input(data)


# A table as data, then broken one value at a time: the loader must report, not raise.
GOOD = yaml.safe_load((FUZZ / "corpus" / "table" / "good.yaml").read_text(encoding="utf-8"))
ODD_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=8),
    st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
    st.sampled_from(["2024-04-00", "2024-13-01", "../x", "/etc/passwd", "alpha.txt", "\x00", "1e999", "~"]),
)


def _paths(node: object, prefix: tuple = ()) -> list[tuple]:  # type: ignore[type-arg]
    out = []
    if isinstance(node, dict):
        for k, v in node.items():
            out.append((*prefix, k))
            out.extend(_paths(v, (*prefix, k)))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            out.append((*prefix, i))
            out.extend(_paths(v, (*prefix, i)))
    return out


@st.composite
def broken_tables(draw: st.DrawFn) -> bytes:
    import copy

    data = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(data) or [("claims",)]))
        node = data
        try:
            for key in path[:-1]:
                node = node[key]
            node[path[-1]] = draw(ODD_VALUES)
        except (KeyError, IndexError, TypeError):
            pass
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.booleans()):  # and a byte-level mutation of the text
        raw = bytearray(text.encode())
        if raw:
            i = draw(st.integers(0, len(raw) - 1))
            raw[i : i + draw(st.integers(0, 4))] = draw(st.binary(max_size=4))
        return bytes(raw)
    return text.encode()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(broken_tables(), st.binary(max_size=100)))
def test_table_harness(data: bytes) -> None:
    tables.one_input(data)
