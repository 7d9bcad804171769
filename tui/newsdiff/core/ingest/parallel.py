"""Reading many inputs on several processes, still in input order.

Loading a folder of thousands of articles is CPU work — decoding, boilerplate,
metadata, language — done one input at a time and independent of every other
input. Worker processes read and parse inputs while the caller consumes what they
return, so a big folder spreads over the machine's cores. Results come back in
input order, one input's articles and problems at a time, so
:func:`newsdiff.core.ingest.iter_load` keeps its streaming, its order and its
progress, and a problem is reported where its input was. Stopping early (the app's
``x``) closes the generator, which stops the workers.

Small loads stay in one process: starting workers costs more than a few hundred
small files take to read.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Final

from newsdiff.core.model import Article, Problem

if TYPE_CHECKING:
    from multiprocessing.context import BaseContext

MIN_INPUTS_PER_WORKER: Final = 200
"""Fewer inputs than this per worker are read in the calling process: a forked worker
costs some tens of milliseconds to start, and a small article a fraction of a
millisecond to load."""

MIN_INPUTS_PER_SPAWNED_WORKER: Final = 1000
"""The same where workers are spawned (see :func:`_can_fork`): each imports newsdiff
and loads its lexicons afresh, a third of a second, as long as a thousand articles."""

CHUNK: Final = 16
"""Inputs handed to a worker at a time: enough to keep messages few, few enough that
the first articles arrive at once."""


def available_cores() -> int:
    """The cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_count(inputs: int, requested: int | None = None) -> int:
    """How many worker processes to use for ``inputs`` inputs; 1 means none.

    ``requested`` (a ``workers`` argument) caps the number; by default it is the
    number of cores, so long as each worker gets ``MIN_INPUTS_PER_WORKER`` inputs.
    """
    if requested is not None and requested <= 1:
        return 1
    cores = available_cores() if requested is None else requested
    least = MIN_INPUTS_PER_WORKER if _can_fork() else MIN_INPUTS_PER_SPAWNED_WORKER
    return max(1, min(cores, inputs // least))


def load_in_workers(
    paths: list[str], max_bytes: int, workers: int
) -> Iterator[list[Article | Problem]]:
    """What each of ``paths`` (files, not ``-``) holds, in order, read by ``workers``
    processes: one list of articles and problems per path."""
    context = _start_method()
    task = partial(_load_path, max_bytes=max_bytes)
    # Workers ignore Ctrl-C: the caller gets it, stops iterating, and that stops them.
    with context.Pool(workers, initializer=_ignore_interrupts) as pool:
        yield from pool.imap(task, paths, chunksize=CHUNK)


def _can_fork() -> bool:
    """Whether workers can be forked: safe and cheap on Linux with no other thread
    running (workers inherit what is already imported and loaded). Elsewhere, and in
    the app, whose own threads make forking unsafe, they are spawned."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _start_method() -> BaseContext:
    """The multiprocessing context :func:`_can_fork` allows. (Imported here: small
    loads, the app's samples among them, never pay for ``multiprocessing``.)"""
    import multiprocessing

    return multiprocessing.get_context("fork" if _can_fork() else "spawn")


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _load_path(path: str, max_bytes: int) -> list[Article | Problem]:
    """One input, read and parsed in a worker (module level, so workers can find it)."""
    from newsdiff.core.ingest import load_input
    from newsdiff.core.ingest.discover import Input

    return load_input(Input(path), max_bytes)
