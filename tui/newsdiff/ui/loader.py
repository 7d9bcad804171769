"""Reading the library's inputs on a thread of its own, started with the app.

The loader starts when the app object is built — before Textual has set up the
terminal — so reading and parsing the first files overlaps the app's own start.
It only fills an inbox (a ``deque``: appends and pops are atomic); the library screen
drains it on a timer and when woken at the end, so nothing here touches the UI.
"""

from __future__ import annotations

import os
import stat
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from newsdiff.core.model import Article, Problem

Items = Iterator[Article | Problem]


class Loader:
    """Runs ``iterate`` on a daemon thread and collects what it yields."""

    def __init__(self, iterate: Callable[[], tuple[Items, int | None]]) -> None:
        self._iterate = iterate
        self.inbox: deque[Article | Problem] = deque()
        self.progress: tuple[int, int | None] = (0, None)
        """(inputs read so far, inputs in all or None when unknown)."""
        self.finished = False
        self.cancelled = False
        self.error: BaseException | None = None
        self.on_finish: Callable[[], None] | None = None
        """Called on the loader thread when it is done (the screen sets it)."""
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="newsdiff-loader", daemon=True)

    def start(self) -> Loader:
        self._thread.start()
        return self

    def run_here(self) -> Loader:
        """Read everything now, on the calling thread (see :func:`few_small_files`)."""
        self._run()
        return self

    def cancel(self) -> None:
        """Stop after the input being read; what was read so far stays."""
        self._cancel.set()

    def join(self, timeout: float | None = None) -> None:
        self._thread.join(timeout)

    def drain(self) -> list[Article | Problem]:
        """Everything read since the last drain."""
        inbox = self.inbox
        out: list[Article | Problem] = []
        while inbox:
            out.append(inbox.popleft())
        return out

    def _run(self) -> None:
        try:
            items, total = self._iterate()
            self.progress = (0, total)
            inputs_seen = 0
            last_input = None
            for item in items:
                if self._cancel.is_set():
                    self.cancelled = True
                    break
                base = input_of(item.path)
                if base != last_input:
                    inputs_seen += 1
                    last_input = base
                    self.progress = (inputs_seen, total)
                self.inbox.append(item)
        except Exception as error:  # reported by the screen as a notification
            self.error = error
        finally:
            self.finished = True
            callback = self.on_finish
            if callback is not None:
                callback()


SMALL_LOAD_FILES: Final = 32
SMALL_LOAD_BYTES: Final = 512 * 1024


def few_small_files(paths: Sequence[str]) -> bool:
    """True when ``paths`` name at most :data:`SMALL_LOAD_FILES` regular files of
    :data:`SMALL_LOAD_BYTES` in all (folders walked, the walk stopped as soon as either
    is passed), so reading them takes a few tens of milliseconds.

    Such a load is done before the app starts rather than on the loader thread: on
    a thread it competes with Textual's start for the GIL, and every time the event
    loop wakes it waits out the thread's switch interval (5 ms) — the samples took
    50–100 ms longer to list that way. A glob, ``-``, an HTML page (its extractor
    takes longer to import than the whole start) or anything that cannot be looked
    at now goes to the thread as before.
    """
    from newsdiff.core.ingest import format_by_extension  # read next either way

    files = size = looked_at = 0
    pending = list(paths)
    while pending:
        path = pending.pop()
        looked_at += 1
        if looked_at > 4 * SMALL_LOAD_FILES:
            return False  # many folders (or a symlink loop): not a small load
        try:
            info = os.stat(path)
        except (OSError, ValueError):
            return False  # ``-``, a glob, a missing file: the thread reports it
        if stat.S_ISDIR(info.st_mode):
            try:
                with os.scandir(path) as entries:
                    for entry in entries:  # a big folder is not read to its end
                        pending.append(entry.path)
                        if len(pending) > 4 * SMALL_LOAD_FILES:
                            return False
            except OSError:
                return False
        elif stat.S_ISREG(info.st_mode):
            if format_by_extension(path) == "html":
                return False  # HTML pages import trafilatura (~0.3 s): on the thread
            files += 1
            size += info.st_size
            if files > SMALL_LOAD_FILES or size > SMALL_LOAD_BYTES:
                return False
        else:
            return False
    return True


def input_of(path: str) -> str:
    """The input an article came from (``feed.xml#3`` → ``feed.xml``)."""
    base, hash_mark, item = path.rpartition("#")
    return base if hash_mark and item.isdigit() else path


def path_loader(paths: list[str], max_bytes: int | None) -> Callable[[], tuple[Items, int | None]]:
    """What to iterate for ``paths``: the ingest layer, with the number of inputs."""

    def iterate() -> tuple[Items, int | None]:
        from newsdiff.core.ingest import DEFAULT_MAX_BYTES, iter_load
        from newsdiff.core.ingest.discover import expand_paths

        inputs, _ = expand_paths(paths)
        return iter_load(paths, max_bytes=max_bytes or DEFAULT_MAX_BYTES), len(inputs) or None

    return iterate
