"""Compare: reports side by side, aligned, with word changes and the findings."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Static
from textual.worker import get_current_worker

from newsdiff.core.model import Article, Comparison, Document

if TYPE_CHECKING:
    from newsdiff.core.compare import MultiComparison
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.commands import PaletteCommand
from newsdiff.ui.compare_table import CompareTable, build_table
from newsdiff.ui.screens.base import NewsdiffScreen
from newsdiff.ui.widgets.compare_view import SEPARATOR_WIDTH, CompareView
from newsdiff.ui.widgets.findings_panel import FindingsPanel
from newsdiff.ui.widgets.key_bar import KeyBar
from newsdiff.ui.widgets.legend import Legend

LAYER_KEYS = (("diff", "word changes"), ("entities", "names"), ("values", "values"))
"""Layers of the compare view, in the order keys 1–3 toggle them."""


def report_name(article: Article) -> str:
    """A short label for a column: outlet, date and title."""
    parts = [article.outlet or "–", article.published or "–", article.title]
    return visible_line(" · ".join(parts))


class ColumnTitles(Widget):
    """One heading per column, lined up with the compare view below."""

    DEFAULT_CSS = "ColumnTitles { height: 1; }"

    def __init__(self, view: CompareView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view = view
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        self.names = names
        self.refresh()

    def render(self) -> Text:
        number_width, width = self.view.geometry()
        text = Text(" " * number_width, no_wrap=True, end="")
        for column, name in enumerate(self.names):
            if column:
                text.append(" " * SEPARATOR_WIDTH)
            label = ("◆ " if column == 0 and len(self.names) > 2 else "") + name
            text.append(label[: width - 1] + "…" if len(label) > width else label.ljust(width))
        return text


class CompareScreen(NewsdiffScreen):
    """Two or more reports aligned row by row, and what disagrees between them."""

    HELP = (
        "Reports side by side: one row per group of aligned sentences. Between the "
        "columns: = same, ≠ changed, ↕ moved (↕N under the row number: where it was "
        "in order), ◂/▸ only on one side, with ╱╱ marking the gap. n/N step through the "
        "findings and mark both sides; keys 1–3 switch the word-change, name and value "
        "layers; s swaps the sides."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="compare.back"),
        Binding("n", "step(1)", "Next finding", id="compare.next"),
        Binding("N", "step(-1)", "Previous", show=False, id="compare.previous"),
        Binding("s", "swap", "Swap", id="compare.swap"),
        Binding("tab", "switch_focus", "Findings", id="compare.findings"),
        Binding(
            "f", "toggle_findings", "Show/hide findings", show=False, id="compare.toggle-findings"
        ),
        Binding("1", "toggle_layer(0)", "Word changes", show=False, id="compare.toggle-diff"),
        Binding("2", "toggle_layer(1)", "Names", show=False, id="compare.toggle-entities"),
        Binding("3", "toggle_layer(2)", "Values", show=False, id="compare.toggle-values"),
        Binding("e", "export", "Export…", id="compare.export", show=False),
    ]

    def __init__(
        self,
        articles: Sequence[Article],
        documents: Sequence[Document | None] = (),
        comparisons: Sequence[Comparison] | MultiComparison | None = None,
    ) -> None:
        super().__init__()
        self.articles = list(articles)
        self.documents = list(documents) or [None] * len(self.articles)
        self.comparisons = comparisons
        """Already computed (tests, or a caller that has them): shown without the engine."""
        self.table: CompareTable | None = None
        self.result: Sequence[Comparison] | MultiComparison | None = None
        """What the table was built from (the export writes it)."""
        self.swapped = False
        """True when a two-report table is shown with its sides exchanged."""
        self.finding_position: int | None = None
        self.shown_layers: set[str] = {"diff", "entities", "values"}

    def compose(self) -> ComposeResult:
        app_layers = getattr(self.app, "shown_layers", None)
        if app_layers is not None:
            self.shown_layers = {name for name, _ in LAYER_KEYS if name in app_layers}
        view = CompareView(layers=frozenset(self.shown_layers), id="comparison")
        with Vertical(id="compare-pane"):
            yield ColumnTitles(view, id="column-titles")
            yield view
        with Horizontal(id="compare-bottom"):
            yield FindingsPanel(id="findings")
        legend = Legend(id="compare-legend", numbered=False)
        legend.extra = [("removed", "diff--removed", None), ("added", "diff--added", None)]
        yield legend
        yield Static("Comparing…", id="compare-status", markup=False)
        yield KeyBar()

    @property
    def view(self) -> CompareView:
        return self.query_one("#comparison", CompareView)

    @property
    def panel(self) -> FindingsPanel:
        return self.query_one("#findings", FindingsPanel)

    def on_mount(self) -> None:
        self.view.focus()
        if self.comparisons is not None:
            self.result = self.comparisons
            self._set_table(build_table(self.comparisons))
        else:
            self._compute()

    @work(thread=True, exclusive=True, group="compare", exit_on_error=False)
    def _compute(self) -> None:
        from newsdiff.ui.engine import EngineMissing, analyze_articles, compare_result

        worker = get_current_worker()
        try:
            missing = [a for a, d in zip(self.articles, self.documents, strict=True) if d is None]
            analysed = iter(analyze_articles(missing))
            documents = [d if d is not None else next(analysed) for d in self.documents]
            if worker.is_cancelled:
                return
            result = compare_result(documents)
            table = build_table(result)
        except EngineMissing as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        except Exception as error:  # shown, never a crash
            self.app.call_from_thread(self._failed, f"comparison failed: {error}")
            return
        if not worker.is_cancelled:
            self.documents = documents
            self.app.call_from_thread(self._set_result, result, table)

    def _set_result(
        self, result: Sequence[Comparison] | MultiComparison, table: CompareTable
    ) -> None:
        self.result = result
        self.swapped = False
        self._set_table(table)

    def _failed(self, message: str) -> None:
        self.notify(message, title="Cannot compare", severity="error", markup=False)
        if self.app.screen is self:
            self.app.pop_screen()

    def _set_table(self, table: CompareTable) -> None:
        self.table = table
        self.finding_position = None
        self.view.set_table(table)
        names = [report_name(d.article) for d in table.documents]
        self.query_one(ColumnTitles).set_names(names)
        self.panel.set_findings(table.findings, names)
        self._status()

    # -- status ------------------------------------------------------------------------

    @on(CompareView.CursorMoved)
    def _cursor_moved(self) -> None:
        self._status()

    def _status(self) -> None:
        table = self.table
        if table is None:
            return
        view = self.view
        parts: list[str] = []
        if table.rows:
            row = table.rows[view.cursor_row]
            kinds = [k.value.replace("_", " ") for k in row.kinds if k is not None]
            parts.append(f"row {view.cursor_row + 1} of {len(table.rows)}")
            if kinds:
                parts.append(", ".join(dict.fromkeys(kinds)))
            moved = [m for m in row.moved_from if m is not None]
            if moved:
                parts.append(f"in order it would be row {moved[0] + 1}")
        if self.finding_position is not None:
            parts.append(f"finding {self.finding_position + 1} of {len(table.findings)}")
        else:
            parts.append(f"{len(table.findings)} findings")
        if table.similarity:
            parts.append("similarity " + ", ".join(f"{s:.0%}" for s in table.similarity))
        layers = " ".join(
            f"{index}:{label}{'' if name in self.shown_layers else ' off'}"
            for index, (name, label) in enumerate(LAYER_KEYS, start=1)
        )
        parts.append(layers)
        self.query_one("#compare-status", Static).update(Text(" · ".join(parts)))

    # -- actions -----------------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_step(self, direction: int) -> None:
        table = self.table
        if table is None or not table.findings:
            self.notify("No findings in this comparison.")
            return
        if self.finding_position is None:
            position = 0 if direction > 0 else len(table.findings) - 1
        else:
            position = (self.finding_position + direction) % len(table.findings)
        self.go_to_finding(position)

    def go_to_finding(self, position: int) -> None:
        assert self.table is not None
        self.finding_position = position
        self.view.set_finding(self.table.findings[position])
        if self.panel.highlighted != position:
            self.panel.highlighted = position
        self._status()

    @on(FindingsPanel.Chosen)
    def _finding_chosen(self, event: FindingsPanel.Chosen) -> None:
        self.go_to_finding(event.position)

    def action_swap(self) -> None:
        table = self.table
        if table is None:
            return
        if table.columns == 2:
            self.swapped = not self.swapped
            self._set_table(table.swapped())
            return
        # Three or more: the next report becomes the pivot, which needs a new comparison.
        self.articles = [*self.articles[1:], self.articles[0]]
        self.documents = [*table.documents[1:], table.documents[0]]
        self.query_one("#compare-status", Static).update(Text("Comparing against the new pivot…"))
        self._compute()

    def action_toggle_layer(self, index: int) -> None:
        name, label = LAYER_KEYS[index]
        self.shown_layers.symmetric_difference_update({name})
        self.view.set_layers(self.shown_layers)
        self._status()
        self.notify(f"{label} {'shown' if name in self.shown_layers else 'hidden'}", timeout=1.5)

    def action_switch_focus(self) -> None:
        if self.panel.has_focus or not self.panel.display:
            self.view.focus()
        else:
            if self.panel.highlighted is None and self.panel.refs:
                self.panel.highlighted = self.finding_position or 0
            self.panel.focus()

    def action_toggle_findings(self) -> None:
        bottom = self.query_one("#compare-bottom")
        bottom.display = not bottom.display
        if not bottom.display:
            self.view.focus()

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield PaletteCommand(
            "Next finding", "Scroll both sides to it (n)", partial(self.action_step, 1)
        )
        yield PaletteCommand("Previous finding", "N", partial(self.action_step, -1))
        yield PaletteCommand("Swap sides", "Left becomes right (s)", self.action_swap)
        for index, (_, label) in enumerate(LAYER_KEYS):
            yield PaletteCommand(
                f"Toggle layer: {label}",
                f"Key {index + 1}",
                partial(self.action_toggle_layer, index),
            )
        yield PaletteCommand(
            "Show/hide findings", "The list under the reports (f)", self.action_toggle_findings
        )
        yield PaletteCommand(
            "Export…",
            "The comparison with its findings: HTML, Markdown, JSON… (e)",
            self.action_export,
        )
        yield PaletteCommand("Back to the library", "escape", self.action_back)

    def action_export(self) -> None:
        from newsdiff.core.export.common import stem_for
        from newsdiff.ui.screens.export import ExportRequest, ExportScreen

        table, result = self.table, self.result
        if table is None or result is None:
            self.notify("The comparison is still being made; export when it is shown.")
            return
        swapped = self.swapped

        def build() -> Comparison | MultiComparison:  # on the export worker
            if not isinstance(result, Sequence):
                return result
            comparison = result[0]
            if swapped:  # export what is shown: the other report on the left
                from newsdiff.ui.engine import compare_documents

                return compare_documents(comparison.right, comparison.left)
            return comparison

        request = ExportRequest(
            what=f"the comparison of {table.columns} reports",
            kind="comparison",
            stem=stem_for("comparison", [d.article for d in table.documents]),
            build=build,
        )
        self.app.push_screen(ExportScreen(request))
