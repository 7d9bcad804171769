"""The reader: one article with its entities and values highlighted."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Input, Static

from newsdiff.core.model import Article, Document, SpanKind
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.commands import PaletteCommand
from newsdiff.ui.kinds import KIND_LABEL, KIND_ORDER, layer_of
from newsdiff.ui.paths import display_path
from newsdiff.ui.screens.base import NewsdiffScreen
from newsdiff.ui.widgets.article_view import ArticleView
from newsdiff.ui.widgets.key_bar import KeyBar
from newsdiff.ui.widgets.legend import Legend
from newsdiff.ui.widgets.span_panel import SpanPanel


def _kind_bindings() -> list[BindingType]:
    return [
        Binding(
            str(number),
            f"toggle_kind({number - 1})",
            f"Show/hide {KIND_LABEL[kind]}",
            show=False,
            id=f"reader.toggle-{kind.value.lower()}",
        )
        for number, kind in enumerate(KIND_ORDER, start=1)
    ]


class SearchInput(Input):
    """The reader's ``/`` search field (enter keeps the hits, escape clears them)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Keep search", id="search.keep"),
        Binding("escape", "screen.back", "Clear search", id="search.clear"),
    ]


class ReaderScreen(NewsdiffScreen):
    """An article, its highlights, a panel of what it names, and search."""

    HELP = (
        "The article with people, organisations, places, numbers, amounts and dates "
        "highlighted. n/N step through the highlights (or the search hits, or the "
        "occurrences of what you chose in the side panel). Keys 1–9 show or hide each "
        "kind; select text with the mouse and ctrl+c copies it."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="reader.back"),
        Binding("n", "step(1)", "Next", id="reader.next"),
        Binding("N", "step(-1)", "Previous", show=False, id="reader.previous"),
        Binding("slash", "search", "Search", id="reader.search"),
        Binding("tab", "switch_focus", "Panel", id="reader.panel"),
        Binding("B", "toggle_boilerplate", "Boilerplate", show=False, id="reader.boilerplate"),
        Binding("p", "toggle_panel", "Show/hide panel", show=False, id="reader.toggle-panel"),
        Binding("e", "export", "Export…", id="reader.export", show=False),
        *_kind_bindings(),
    ]

    def __init__(self, article: Article, document: Document | None = None) -> None:
        super().__init__()
        self.article = article
        self.document = document
        self.hidden: set[SpanKind] = set()
        self.hide_boilerplate = False

    def compose(self) -> ComposeResult:
        layers = getattr(self.app, "shown_layers", None)
        if layers is not None:
            self.hidden = {kind for kind in KIND_ORDER if layer_of(kind) not in layers}
            self.hide_boilerplate = "boilerplate" not in layers
        yield Static(self._title(), id="reader-title", markup=False)
        with Horizontal(id="reader-main"):
            yield ArticleView(
                None, hidden_kinds=self.hidden, hide_boilerplate=self.hide_boilerplate, id="body"
            )
            yield SpanPanel(id="spans")
        legend = Legend(id="legend")
        legend.hidden = set(self.hidden)
        yield legend
        yield Static("", id="reader-status", markup=False)
        yield KeyBar()

    def _title(self) -> Text:
        article = self.article
        text = Text(visible_line(article.title), style="bold", end="")
        details = [
            article.outlet,
            article.published,
            article.language,
            display_path(article.path),
        ]
        text.append("\n" + " · ".join(visible_line(d) for d in details if d), style="dim")
        return text

    @property
    def body(self) -> ArticleView:
        return self.query_one("#body", ArticleView)

    @property
    def panel(self) -> SpanPanel:
        return self.query_one("#spans", SpanPanel)

    def on_mount(self) -> None:
        if self.document is None:
            self.body.set_document(Document(self.article, ()))
            self._analyse()
        else:
            self._show(self.document)
        self.body.focus()

    @work(thread=True, exclusive=True, group="reader-analyse", exit_on_error=False)
    def _analyse(self) -> None:
        from newsdiff.ui.engine import analyze_articles

        document = analyze_articles([self.article])[0]
        self.app.call_from_thread(self._show, document)

    def _show(self, document: Document) -> None:
        self.document = document
        self.body.set_document(document)
        self.panel.set_document(document, self.hidden)
        self._status()

    def _status(self, message: str | None = None) -> None:
        if message is None:
            spans = self.body.visible_spans()
            message = f"{len(spans)} highlights"
            if self.hide_boilerplate:
                message += " · boilerplate hidden"
        self.query_one("#reader-status", Static).update(Text(message))

    # -- actions -----------------------------------------------------------------------

    def _search_field(self) -> Input | None:
        """The search input, mounted the first time it is needed."""
        return next(self.query("#search").results(Input), None)

    def action_back(self) -> None:
        search = self._search_field()
        if (search is not None and search.display) or self.body.search:
            self._close_search(clear=True)
            return
        self.app.pop_screen()

    def action_step(self, direction: int) -> None:
        self.body.step(direction)

    @on(ArticleView.TargetChanged)
    def _target_changed(self, event: ArticleView.TargetChanged) -> None:
        what = "hit" if self.body.search else "highlight"
        if event.position is None:
            self._status(f"no {what}s")
        else:
            self._status(f"{what} {event.position + 1} of {event.total}")

    def action_toggle_kind(self, index: int) -> None:
        kind = KIND_ORDER[index]
        self.hidden.symmetric_difference_update({kind})
        self.body.set_hidden_kinds(self.hidden)
        self.query_one(Legend).set_hidden(self.hidden)
        self.panel.set_document(self.document, self.hidden)
        state = "hidden" if kind in self.hidden else "shown"
        self._status(f"{KIND_LABEL[kind]} {state}")

    def action_toggle_boilerplate(self) -> None:
        self.hide_boilerplate = not self.hide_boilerplate
        self.body.set_hide_boilerplate(self.hide_boilerplate)
        self._status("boilerplate hidden" if self.hide_boilerplate else "boilerplate shown dimmed")

    def action_toggle_panel(self) -> None:
        self.panel.display = not self.panel.display
        if not self.panel.display:
            self.body.focus()

    def action_switch_focus(self) -> None:
        if self.panel.has_focus and self.panel.display:
            self.body.focus()
        elif self.panel.display:
            if self.panel.highlighted is None and self.panel.option_count:
                self.panel.action_first()
            self.panel.focus()

    def action_search(self) -> None:
        search = self._search_field()
        if search is None:
            search = Input(
                placeholder="search the article (enter: keep, escape: clear)", id="search"
            )
            self.mount(search, before=self.query_one("#reader-status"))
        search.display = True
        search.value = self.body.search
        search.focus()

    def action_export(self) -> None:
        from newsdiff.core.export.common import report_label, stem_for
        from newsdiff.ui.screens.export import ExportRequest, ExportScreen

        article = self.article

        def build() -> Document:  # on the export worker
            if self.document is not None:
                return self.document
            from newsdiff.ui.engine import analyze_articles

            return analyze_articles([article])[0]

        request = ExportRequest(
            what=f"the article {report_label(article)}",
            kind="article",
            stem=stem_for("article", [article]),
            build=build,
        )
        self.app.push_screen(ExportScreen(request))

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield PaletteCommand("Search the article", "Find words in the body (/)", self.action_search)
        yield PaletteCommand(
            "Export…",
            "The article with its highlights: HTML, Markdown, JSON… (e)",
            self.action_export,
        )
        yield PaletteCommand(
            "Next highlight", "Or next search hit (n)", partial(self.action_step, 1)
        )
        yield PaletteCommand(
            "Previous highlight", "Or previous search hit (N)", partial(self.action_step, -1)
        )
        for index, kind in enumerate(KIND_ORDER):
            yield PaletteCommand(
                f"Show/hide {KIND_LABEL[kind]} highlights",
                f"Key {index + 1}",
                partial(self.action_toggle_kind, index),
            )
        yield PaletteCommand(
            "Show/hide boilerplate", "Dimmed or hidden (B)", self.action_toggle_boilerplate
        )
        yield PaletteCommand(
            "Show/hide the side panel", "Entities and values (p)", self.action_toggle_panel
        )
        yield PaletteCommand("Back to the library", "escape", self.action_back)

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        hits = self.body.set_search(event.value)
        if event.value:
            self._status(f"{hits} hit{'s' if hits != 1 else ''} for “{visible_line(event.value)}”")
        else:
            self._status()

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self._close_search(clear=False)

    def _close_search(self, clear: bool) -> None:
        search = self._search_field()
        if clear:
            if search is not None:
                search.value = ""
            self.body.set_search("")
            self._status()
        if search is not None:
            search.display = False
        self.body.focus()

    @on(SpanPanel.Chosen)
    def _chosen(self, event: SpanPanel.Chosen) -> None:
        self.body.set_marked(event.target)
        if event.target is None:
            self._status()
        else:
            count = len(self.body.marked_ranges())
            self._status(f"{count} occurrence{'s' if count != 1 else ''} marked · n/N to step")
