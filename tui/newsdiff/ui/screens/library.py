"""The library: every loaded article with its outlet, date and language."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static
from textual.worker import get_current_worker

from newsdiff.core.ingest import iter_load
from newsdiff.core.model import Article, Problem


class LibraryScreen(Screen[None]):
    """Lists the articles as they load; loading runs in a thread worker."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, paths: list[str], *, max_bytes: int) -> None:
        super().__init__()
        self.paths = paths
        self.max_bytes = max_bytes
        self.articles: list[Article] = []
        self.problems: list[Problem] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield Static("Loading…", id="status")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Title", "Outlet", "Date", "Lang")
        self.load_articles()

    @work(thread=True, exclusive=True, group="load")
    def load_articles(self) -> None:
        worker = get_current_worker()
        for item in iter_load(self.paths, max_bytes=self.max_bytes):
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._add, item)
        self.app.call_from_thread(self._done)

    def _add(self, item: Article | Problem) -> None:
        if isinstance(item, Problem):
            self.problems.append(item)
            self.notify(f"{item.path}: {item.reason}", severity="warning", markup=False)
            return
        self.articles.append(item)
        self.query_one(DataTable).add_row(
            Text(item.title),
            Text(item.outlet or "–"),
            Text(item.published or "–"),
            Text(item.language),
        )

    def _done(self) -> None:
        skipped = f", {len(self.problems)} skipped" if self.problems else ""
        self.query_one("#status", Static).update(Text(f"{len(self.articles)} articles{skipped}"))

    def action_cursor_down(self) -> None:
        self.query_one(DataTable).action_cursor_down()

    def action_cursor_up(self) -> None:
        self.query_one(DataTable).action_cursor_up()
