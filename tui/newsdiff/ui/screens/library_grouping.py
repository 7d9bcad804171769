"""The library's grouping into stories: a worker, its progress line, and stopping it.

A mixin of :class:`~newsdiff.ui.screens.library.LibraryScreen` (kept apart so the
screen's module stays about the list). The grouping runs on a thread worker over a
snapshot of the loaded articles; its progress is polled by a timer (no message per
step), ``x`` sets an event the core polls, and the result replaces the one-story-per-
report list without moving the cursor off the report it was on.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import ProgressBar, Static
from textual.worker import get_current_worker

from newsdiff.core.model import Article
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.stories import Grouping
from newsdiff.ui.widgets.preview import Preview

if TYPE_CHECKING:
    from textual.timer import Timer

    from newsdiff.ui.library_model import LibraryModel
    from newsdiff.ui.stories import StorySource
    from newsdiff.ui.widgets.article_list import ArticleList

POLL_SECONDS = 0.1
"""How often the progress line is refreshed while grouping."""

SHOW_AFTER_SECONDS = 0.3
"""The progress line appears only when grouping takes longer than this."""


class StoriesGrouped(Message):
    """The grouping worker ended (``applied`` is False when stopped or failed)."""

    def __init__(self, applied: bool) -> None:
        super().__init__()
        self.applied = applied


class StoryGrouping:
    """Grouping state and steps for the library screen (see the module docstring)."""

    model: LibraryModel
    story_source: StorySource
    article_list: ArticleList

    def _init_grouping(self) -> None:
        self.is_grouping = False
        self.grouping_pending = False
        """True from the end of loading until the grouping worker starts."""
        self._group_cancel = threading.Event()
        self._group_input: list[Article] = []
        self._group_progress: tuple[str, int, int] = ("", 0, 0)
        self._group_started = 0.0
        self._group_timer: Timer | None = None

    @work(thread=True, exclusive=True, group="group-imports", exit_on_error=False)
    def _prepare_grouping(self) -> None:
        """During a slow load: import the grouping (numpy, SQLite) ahead of its use."""
        prepare = getattr(self.story_source, "prepare", None)
        if prepare is not None:
            prepare()

    def _group(self) -> None:
        """Group the loaded reports into stories on a worker; the list stays usable."""
        self.grouping_pending = False
        self.is_grouping = True
        self._group_cancel.clear()
        self._group_progress = ("starting", 0, 0)
        self._group_started = time.perf_counter()
        self._group_timer = self.set_interval(POLL_SECONDS, self._show_group_progress)
        self.refresh_bindings()
        # Not an argument: Textual's @work describes a worker by the repr of its
        # arguments, and the repr of 100,000 articles took seconds.
        self._group_input = list(self.model.articles)
        self._group_worker()

    @work(thread=True, exclusive=True, group="group", exit_on_error=False)
    def _group_worker(self) -> None:
        worker = get_current_worker()
        articles, self._group_input = self._group_input, []
        cancel = self._group_cancel

        def progress(stage: str, done: int, total: int) -> None:
            self._group_progress = (stage, done, total)

        def cancelled() -> bool:
            return cancel.is_set() or worker.is_cancelled

        try:
            grouping = self.story_source.group(articles, progress=progress, cancelled=cancelled)
        except InterruptedError:
            self.app.call_from_thread(self._grouping_done, None, "stopped")
            return
        except BaseException:
            self.app.call_from_thread(self._grouping_done, None, "failed")
            raise
        self.app.call_from_thread(self._grouping_done, grouping, "")

    def _show_group_progress(self) -> None:
        """While grouping: after a moment, a line (and bar) saying how far it is."""
        if not self.is_grouping or time.perf_counter() - self._group_started < SHOW_AFTER_SECONDS:
            return
        stage, done, total = self._group_progress
        self.query_one("#load-bar").display = True
        bar = next(self.query("#load-progress").results(ProgressBar), None)
        if bar is None:
            bar = ProgressBar(total=None, show_eta=False, id="load-progress")
            self.query_one("#load-bar").mount(bar, before=0)
        if total:
            bar.update(total=total, progress=min(done, total))
        else:
            bar.update(total=None)
        count = f" {done:,} of {total:,}" if total else ""
        self.query_one("#load-status", Static).update(
            Text(f"Grouping stories: {stage}{count}… (the list is usable; x stops)")
        )

    def _grouping_done(self, grouping: Grouping | None, failure: str) -> None:
        self.is_grouping = False
        if self._group_timer is not None:
            self._group_timer.stop()
        self.query_one("#load-bar").display = False
        self.refresh_bindings()
        if failure == "stopped":
            self.notify("Grouping stopped: each report is its own story.")
        if grouping is not None:
            for warning in grouping.warnings:
                self.notify(
                    visible_line(warning), title="Story cache", severity="warning", markup=False
                )
            self._apply_grouping(grouping)
        self._status()
        self.post_message(StoriesGrouped(grouping is not None))

    def _apply_grouping(self, grouping: Grouping) -> None:
        keep = self.article_list.current_entry
        if keep is not None and keep >= 0 and not self.model.is_child(keep):
            # The report under the cursor may now be inside a story: stay on its row.
            story = next((n for n, s in enumerate(grouping.stories) if keep in s.members), None)
            if story is not None and len(grouping.stories[story].members) > 1:
                keep = ~story
        self.model.set_grouping(grouping)
        self.model.rebuild()
        self.article_list.refresh_entries(keep=keep)
        self.query_one(Preview).show(self.model, self.article_list.current_entry)
