"""The library: every loaded report, grouped by story, with a preview.

Loading runs on a thread of its own (:mod:`newsdiff.ui.loader`, started with the app)
that puts articles in an inbox the screen drains ten times a second, so the list is
usable from the first batch (even when one input is slow to read) and a
100,000-article folder never freezes the screen; ``x`` stops it. Filtering runs in a
worker too.
"""

from __future__ import annotations

import contextlib
import gc
import time
from collections.abc import Callable, Iterator
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, ProgressBar, Static

from newsdiff.core.model import Article, Document, Problem
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.commands import PaletteCommand
from newsdiff.ui.filtering import Query, matching
from newsdiff.ui.library_model import COLUMNS, LibraryModel
from newsdiff.ui.loader import Loader, path_loader
from newsdiff.ui.screens.base import NewsdiffScreen
from newsdiff.ui.screens.library_grouping import StoryGrouping
from newsdiff.ui.stories import StorySource, default_story_source
from newsdiff.ui.widgets.article_list import HEADINGS, ArticleList
from newsdiff.ui.widgets.filter_bar import FilterBar
from newsdiff.ui.widgets.key_bar import KeyBar
from newsdiff.ui.widgets.list_header import ListHeader
from newsdiff.ui.widgets.preview import Preview

ArticleSource = Callable[[], Iterator[Article | Problem]]
"""Yields articles (and problems) for the library; the default reads the paths."""

BATCH_SECONDS = 0.1
"""How often the screen takes what the loading worker has read so far."""

PROGRESS_AFTER_SECONDS = 0.3
"""A progress bar appears only when loading takes longer than this (most loads of a
few files are done before a bar would be seen, and mounting one costs start time)."""

FREEZE_FROM = 5_000
"""From this many articles, the loaded library is frozen out of the cyclic GC's walks."""

PREPARE_FROM = 2_000
"""From this many articles, the grouping's imports start while the list fills."""

GROUP_AFTER_SECONDS = 0.2
"""The grouping starts this long after loading ends, once the list has been drawn."""

MAX_PROBLEM_NOTICES = 5
"""Skipped inputs shown one by one; the rest are summed up in one notification."""


class LibraryLoaded(Message):
    """Loading finished (or was stopped): ``count`` articles are in the list."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count


class LibraryScreen(StoryGrouping, NewsdiffScreen):
    """The loaded reports: sort, filter, mark, preview, open and compare."""

    HELP = (
        "Every loaded report, grouped by story once the grouping (on a worker, from the "
        "story cache when the folder was seen before) is done: a story row (▸) expands "
        "with → or l and collapses with ← or h; enter on it (or o anywhere in a story) "
        "opens the story overview. space marks reports; c compares the marked ones (or "
        "the reports of the story under the cursor); enter on a report opens the reader. "
        "Overlap is the largest share of a report's words another report of its story "
        "copied or rewrote; 'related' stories share facts but are another event."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "open", "Open", id="library.open"),
        Binding("c", "compare", "Compare", id="library.compare"),
        Binding("o", "story", "Story", id="library.story"),
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("s", "sort_next", "Sort", id="library.sort"),
        Binding("S", "sort_reverse", "Reverse", show=False, id="library.sort-reverse"),
        Binding("u", "clear_marks", "Unmark all", show=False, id="library.unmark"),
        Binding("p", "toggle_preview", "Preview", show=False, id="library.preview"),
        Binding("x", "stop_loading", "Stop", id="library.stop"),
        Binding("escape", "clear_filter", "Clear filter", show=False, id="library.clear-filter"),
        Binding("e", "export", "Export…", show=False, id="library.export"),
    ]

    def __init__(
        self,
        paths: list[str],
        *,
        max_bytes: int | None = None,
        source: ArticleSource | None = None,
        source_total: int | None = None,
        stories: StorySource | None = None,
        loader: Loader | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.max_bytes = max_bytes
        self.source = source
        self.source_total = source_total
        self.loader = loader
        """Reads the inputs; the app starts one early, else the screen starts its own."""
        self.story_source = stories or default_story_source()
        self.model = LibraryModel()
        self.problems: list[Problem] = []
        self.is_loading = False
        self.query_text = ""
        self.filter_query: Query = Query(())
        self.entities: dict[int, frozenset[str]] = {}
        """Article index → casefolded span texts and values, for ``entity:`` filters."""
        self.documents: dict[int, Document] = {}
        """Analysed articles (previews and readers reuse them)."""
        self.load_seconds: float | None = None
        self._init_grouping()

    # -- layout ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        article_list = ArticleList(self.model, id="articles")
        with Horizontal(id="library-main"):
            with Vertical(id="list-pane"):
                yield ListHeader(article_list, id="list-header")
                yield article_list
            yield Preview(self.documents, id="preview")
        with Horizontal(id="load-bar"):
            yield Static("Loading…", id="load-status", markup=False)
        yield Static("", id="library-status", markup=False)
        yield KeyBar()

    @property
    def article_list(self) -> ArticleList:
        return self.query_one("#articles", ArticleList)

    def on_mount(self) -> None:
        self.article_list.focus()
        self.is_loading = True
        self._started = time.perf_counter()
        if self.loader is None:
            self.loader = Loader(self._iterate).start()
        self._drain_timer = self.set_interval(BATCH_SECONDS, self._drain)
        # Woken from the loader thread when it ends; if it already has, drain now.
        app = self.app

        def wake() -> None:  # on the loader thread
            with contextlib.suppress(RuntimeError):  # the app may be closing
                app.call_from_thread(self._drain)

        self.loader.on_finish = wake
        if self.loader.finished:
            self._drain()

    # -- loading -----------------------------------------------------------------------

    def _iterate(self) -> tuple[Iterator[Article | Problem], int | None]:
        if self.source is not None:
            return self.source(), self.source_total
        return path_loader(self.paths, self.max_bytes)()

    def _drain(self) -> None:
        """Move what the loader has read so far into the list (timer, and once at the end)."""
        loader = self.loader
        if loader is None or not self.is_loading:
            return
        finished = loader.finished  # read before draining, so nothing read is left behind
        batch = loader.drain()
        if batch:
            self._add_batch(batch)
        if finished:
            self._loaded(loader)
            return
        done, total = loader.progress
        bar = next(self.query("#load-progress").results(ProgressBar), None)
        if bar is None and self._slow_load():
            self._prepare_grouping()
            bar = ProgressBar(total=None, show_eta=False, id="load-progress")
            self.query_one("#load-bar").mount(bar, before=0)
        if bar is not None and total:
            bar.update(total=total, progress=min(done, total))
        self.query_one("#load-status", Static).update(
            Text(f"Loading {done:,}{f' of {total:,}' if total else ''} inputs… (x stops)")
        )

    def _add_batch(self, batch: list[Article | Problem]) -> None:
        articles = [item for item in batch if isinstance(item, Article)]
        for problem in (item for item in batch if isinstance(item, Problem)):
            self.problems.append(problem)
            if len(self.problems) <= MAX_PROBLEM_NOTICES:
                self.notify(
                    visible_line(str(problem)), title="Skipped", severity="warning", markup=False
                )
        if articles:
            first = len(self.model.articles)
            if first < PREPARE_FROM <= first + len(articles):
                # A big library: import the grouping (numpy, SQLite) on a worker now,
                # while the list is being filled, rather than after.
                self._prepare_grouping()
            self.model.add(articles)
            if self.model.visible is not None and self.filter_query:
                flags = matching(articles, self.filter_query, self.entities, offset=first)
                self.model.visible[first:] = flags or [False] * len(articles)
            keep = self.article_list.current_entry
            self.model.rebuild()
            self.article_list.refresh_entries(keep=keep)
        self._status()

    def _loaded(self, loader: Loader) -> None:
        self.is_loading = False
        self._drain_timer.stop()
        cancelled = loader.cancelled
        if loader.error is not None:
            error = loader.error
            self.notify(
                f"{type(error).__name__}: {error}",
                title="Loading failed",
                severity="error",
                markup=False,
            )
        self.load_seconds = time.perf_counter() - self._started
        self.query_one("#load-bar").display = False
        extra = len(self.problems) - MAX_PROBLEM_NOTICES
        if extra > 0:
            self.notify(f"…and {extra:,} more inputs skipped", severity="warning")
        if cancelled:
            self.notify(f"Loading stopped: {len(self.model.articles):,} articles loaded")
        elif not self.model.articles:
            self.notify("Nothing could be loaded.", severity="error")
        self.refresh_bindings()
        self._status()
        if len(self.model.articles) >= 2:
            # A quick load: group once the first screen has been drawn (the grouping's
            # imports and work would compete with painting it). A slow one has long
            # been on screen: group at once.
            self.grouping_pending = True
            if self.load_seconds > PROGRESS_AFTER_SECONDS:
                self.call_after_refresh(self._group)
            else:
                self.set_timer(GROUP_AFTER_SECONDS, self._group)
        # The loaded articles live as long as the app: keep the garbage collector from
        # walking them again and again (a full pass over 100,000 articles stalled a
        # keypress for 200 ms); everything created later is collected as usual.
        gc.freeze()
        self.post_message(LibraryLoaded(len(self.model.articles)))

    def action_stop_loading(self) -> None:
        if self.is_grouping:
            self._group_cancel.set()
        elif self.loader is not None:
            self.loader.cancel()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "stop_loading":
            return self.is_loading or self.is_grouping
        if action == "clear_filter":
            field = self._filter_field()
            return bool(self.query_text) or (field is not None and field.display)
        return True

    # -- status and preview ------------------------------------------------------------

    def _status(self) -> None:
        model = self.model
        parts = [f"{len(model.articles):,} articles"]
        if len(model.stories) != len(model.articles):
            parts.append(f"{len(model.stories):,} stories")
        if self.problems:
            parts.append(f"{len(self.problems):,} skipped")
        if model.visible is not None:
            parts.append(f"{len(model.entries):,} shown · filter: {visible_line(self.query_text)}")
        if model.marks:
            parts.append(f"{len(model.marks)} marked")
        if model.sort_column:
            order = "↓" if model.reverse else "↑"
            parts.append(f"sorted by {HEADINGS[model.sort_column].lower()} {order}")
        self.query_one("#library-status", Static).update(Text(" · ".join(parts)))
        self.query_one(ListHeader).refresh()

    @on(ArticleList.Highlighted)
    def _highlighted(self, event: ArticleList.Highlighted) -> None:
        self.query_one(Preview).show(self.model, event.entry)

    # -- actions -----------------------------------------------------------------------

    @on(ArticleList.Chosen)
    def _chosen(self, event: ArticleList.Chosen) -> None:
        if event.entry < 0:
            self._open_story(~event.entry)
            return
        self._open(event.entry)

    def action_story(self) -> None:
        """The overview of the story under the cursor (its row or one of its reports)."""
        entry = self.article_list.current_entry
        if entry is None:
            self.notify("The list is empty.")
            return
        self._open_story(self.model.story_at(entry))

    def _open_story(self, story_index: int) -> None:
        from newsdiff.ui.screens.story import StoryScreen

        story = self.model.stories[story_index]
        if len(story.members) < 2:
            message = "This report is a story of its own"
            if self.is_grouping:
                message += " so far (grouping is still running)"
            self.notify(message + ": nothing to overview. enter reads it.")
            return
        related = [
            (self.model.articles[a], similarity, reason)
            for a, similarity, reason in self.model.related_reports(story_index)
        ]
        self.app.push_screen(StoryScreen(self.model.articles, story, self.documents, related))

    def action_open(self) -> None:
        self.article_list.action_select()

    def _open(self, index: int) -> None:
        from newsdiff.ui.screens.reader import ReaderScreen

        self.app.push_screen(ReaderScreen(self.model.articles[index], self.documents.get(index)))

    def action_compare(self) -> None:
        chosen = self.model.compare_choice(self.article_list.current_entry)
        if isinstance(chosen, str):
            self.notify(chosen)
            return
        articles = [self.model.articles[i] for i in chosen]
        documents = [self.documents.get(i) for i in chosen]
        self.app.open_comparison(articles, documents)  # type: ignore[attr-defined]

    def _slow_load(self) -> bool:
        """True once loading has taken long enough to deserve a progress bar."""
        return time.perf_counter() - self._started > PROGRESS_AFTER_SECONDS

    def _filter_field(self) -> FilterBar | None:
        """The filter input, mounted the first time it is needed."""
        return next(self.query("#filter").results(FilterBar), None)

    def action_filter(self) -> None:
        field = self._filter_field()
        if field is None:
            field = FilterBar(self.model, self.entities, self.documents, id="filter")
            self.mount(field, before=self.query_one("#library-status"))
        field.display = True
        field.value = self.query_text
        field.focus()
        self.refresh_bindings()

    def action_clear_filter(self) -> None:
        field = self._filter_field()
        if field is not None:
            field.value = ""
            field.display = False
            field.apply("")
        self.article_list.focus()
        self.refresh_bindings()

    @on(Input.Submitted, "#filter")
    def _filter_submitted(self) -> None:
        field = self.query_one("#filter", FilterBar)
        field.display = bool(self.query_text)
        self.article_list.focus()
        self.refresh_bindings()

    @on(FilterBar.Applied)
    def _filter_applied(self, event: FilterBar.Applied) -> None:
        self.query_text, self.filter_query = event.text, event.query
        flags = event.flags
        if flags is not None and len(flags) < len(self.model.articles):
            # Articles that arrived while the filter ran: test them now (a small batch).
            rest = self.model.articles[len(flags) :]
            extra = matching(rest, self.filter_query, self.entities, offset=len(flags))
            flags.extend(extra or [False] * len(rest))
        keep = self.article_list.current_entry
        self.model.set_filter(flags)
        self.model.rebuild()
        self.article_list.refresh_entries(keep=keep)
        self._status()

    def action_sort_next(self) -> None:
        model = self.model
        current = COLUMNS.index(model.sort_column) + 1 if model.sort_column else 0
        column = COLUMNS[current] if current < len(COLUMNS) else None
        self._sort(column, False)

    def action_sort_reverse(self) -> None:
        self._sort(self.model.sort_column, not self.model.reverse)

    @on(ListHeader.SortRequested)
    def _sort_requested(self, event: ListHeader.SortRequested) -> None:
        same = self.model.sort_column == event.column
        self._sort(event.column, not self.model.reverse if same else False)

    def _sort(self, column: str | None, reverse: bool) -> None:
        keep = self.article_list.current_entry
        self.model.sort_by(column, reverse)
        self.model.rebuild()
        self.article_list.refresh_entries(keep=keep)
        self._status()

    def action_clear_marks(self) -> None:
        self.model.clear_marks()
        self.article_list.redraw()
        self._status()

    @on(ArticleList.MarksChanged)
    def _marks_changed(self) -> None:
        self._status()

    def action_toggle_preview(self) -> None:
        preview = self.query_one("#preview")
        preview.display = not preview.display
        self.article_list.refresh_entries()
        self.query_one(ListHeader).refresh()

    def action_export(self) -> None:
        """Export the marked reports or the story under the cursor as a story, else
        the report under the cursor as an article."""
        from newsdiff.ui.export_requests import library_request
        from newsdiff.ui.screens.export import ExportScreen

        request = library_request(self.model, self.article_list.current_entry, self.documents)
        if isinstance(request, str):
            self.notify(request)
            return
        self.app.push_screen(ExportScreen(request))

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield PaletteCommand("Open the highlighted report", "Read it (enter)", self.action_open)
        yield PaletteCommand(
            "Compare marked reports", "Or the story under the cursor (c)", self.action_compare
        )
        yield PaletteCommand(
            "Story overview",
            "Reports, shares, source and findings of the story (o)",
            self.action_story,
        )
        yield PaletteCommand(
            "Filter the library", "Words, outlet:, lang:, entity: (/)", self.action_filter
        )
        if self.query_text:
            yield PaletteCommand(
                "Clear the filter", "Show every report (escape)", self.action_clear_filter
            )
        for column in COLUMNS:
            label = HEADINGS[column].lower()
            yield PaletteCommand(
                f"Sort by {label}", f"Order the list by {label}", partial(self._sort, column, False)
            )
        yield PaletteCommand("Reverse the order", "Flip the sort (S)", self.action_sort_reverse)
        yield PaletteCommand("Unmark all", "Clear every mark (u)", self.action_clear_marks)
        yield PaletteCommand(
            "Export…",
            "The marked reports or the story as a story, else the report (e)",
            self.action_export,
        )
        yield PaletteCommand(
            "Show/hide the preview", "More room for the list (p)", self.action_toggle_preview
        )
        if self.is_loading or self.is_grouping:
            yield PaletteCommand(
                "Stop loading or grouping", "Keep what is done (x)", self.action_stop_loading
            )
