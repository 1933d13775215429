"""How run time grows with input length: the one measure behind every linear-time
test. A ratio within one test, never an absolute time."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

SHORT, LONG = 10_000, 100_000
# time(10x the input) / time(input): 10 for linear work, 100 for quadratic. Linear
# work measures 12 to 25 here (a long input leaves the CPU caches), so the limit sits
# between that and quadratic, where a loaded machine does not cross it
LIMIT = 40.0


def run_of(unit: str, size: int) -> str:
    """unit repeated to exactly size characters."""
    return (unit * (size // len(unit) + 1))[:size]


def _seconds(func: Callable[[str], object], text: str, repeat: int, tries: int) -> float:
    """Best time of `tries`, with the garbage collector paused: a full collection costs
    in proportion to everything the test session keeps alive, not to the input."""
    best = float("inf")
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(tries):
            start = time.perf_counter()
            for _ in range(repeat):
                func(text)
            best = min(best, (time.perf_counter() - start) / repeat)
    finally:
        if enabled:
            gc.enable()
    return best


def growth(func: Callable[[str], object], unit: str, short: int = SHORT, long: int = LONG, tries: int = 3) -> float:
    """time(func on a long run of unit) / time(func on a short run).

    The short run is repeated until it takes about 5 ms and timed best of three; the
    long one best of `tries` (noise only ever makes a run slower)."""
    small, large = run_of(unit, short), run_of(unit, long)
    start = time.perf_counter()
    func(small)
    once = max(time.perf_counter() - start, 1e-7)
    repeat = max(1, min(200, int(0.005 / once) + 1))
    return _seconds(func, large, 1, tries) / _seconds(func, small, repeat, 3)
