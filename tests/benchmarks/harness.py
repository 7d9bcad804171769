"""The pieces every benchmark module shares: timing, peak memory, and the Figure row.

A benchmark module is a file ``bench_*.py`` in this folder with a function
``run(scale: str) -> list[Figure]``. ``scale`` is ``"smoke"`` (tiny inputs, used by the
test suite only to prove the benchmark still runs), ``"quick"`` (a minute or so) or
``"full"`` (the sizes the issues name). Every figure carries its own baseline measured
in the same process, so the ratio means something on a shared, noisy machine.
"""

from __future__ import annotations

import gc
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, TypeVar

T = TypeVar("T")

SCALES: Final = ("smoke", "quick", "full")


@dataclass(frozen=True, slots=True)
class Figure:
    """One measured figure: ``seconds`` against ``baseline_seconds``, and the target."""

    name: str
    seconds: float
    baseline: str
    baseline_seconds: float
    target: float | None = None
    """The highest acceptable ratio (``seconds / baseline_seconds``), if there is one."""
    note: str = ""
    """Anything else worth recording: sizes, peak memory, recall."""

    @property
    def ratio(self) -> float:
        return self.seconds / self.baseline_seconds if self.baseline_seconds > 0 else float("inf")

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.ratio <= self.target


def timed(function: Callable[[], T], repeat: int = 1) -> tuple[float, T]:
    """Best wall-clock seconds over ``repeat`` runs (garbage collected before each)."""
    best = float("inf")
    result: T
    for _ in range(max(1, repeat)):
        gc.collect()
        start = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - start)
    return best, result


def peak_memory(function: Callable[[], T]) -> tuple[int, T]:
    """Peak bytes allocated by Python while ``function`` runs (tracemalloc)."""
    gc.collect()
    tracemalloc.start()
    try:
        result = function()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak, result
