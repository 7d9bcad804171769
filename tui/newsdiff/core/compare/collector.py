"""Python's cycle collector paused while a comparison runs.

A comparison of two long reports allocates millions of small objects (tokens, word
ops, rows, sets of terms) and makes no reference cycles: reference counting frees all
of it. The cycle collector does not know that. It runs every few hundred allocations,
and every so often walks *every* live object — both analysed documents included —
looking for cycles that are not there: a quarter of the time of a 10,000-sentence
comparison. So it is paused for the duration and resumed after; anything it would have
found is still found at its next run.

The pause is counted, so comparisons running at once in several threads (the app's
workers) resume collection only when the last one ends, and only if it was on when the
first began.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Run the body with the cycle collector off (see the module notes)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
