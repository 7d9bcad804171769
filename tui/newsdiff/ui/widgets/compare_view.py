"""Reports side by side, one aligned row per sentence group, all columns scrolling as one.

One line-API widget draws every column, so the sides cannot drift apart. Each row is
as tall as its tallest wrapped cell; a bisect over row start lines finds the row for
any screen line, and only the lines on screen are painted (cached until a layer, the
cursor or the theme changes). Works for two columns or a pivot and several others.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdiff.core.model import RowKind
from newsdiff.ui.compare_table import CompareTable, FindingRef, TableRow
from newsdiff.ui.kinds import KIND_CLASS, KIND_COMPONENT_CLASSES, layer_of
from newsdiff.ui.layout import VisualLine, wrap_text
from newsdiff.ui.marks import Layer, paint

SYMBOLS: Final = {
    RowKind.SAME: "=",
    RowKind.CHANGED: "≠",
    RowKind.MOVED: "↕",
    RowKind.LEFT_ONLY: "◂",
    RowKind.RIGHT_ONLY: "▸",
}
"""Drawn between columns on a row's first line: how the row relates across them."""

SEPARATOR_WIDTH: Final = 3


class CompareView(ScrollView, can_focus=True):
    """Aligned rows of two or more reports with diff, highlight and finding layers."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *KIND_COMPONENT_CLASSES,
        "diff--removed",
        "diff--added",
        "row--cursor",
        "row--gap",
        "row--number",
        "row--same",
        "row--changed",
        "row--moved",
        "row--only",
        "finding--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="compare.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="compare.up"),
        Binding(
            "pagedown,space,ctrl+f", "page(1)", "Page down", show=False, id="compare.page-down"
        ),
        Binding("pageup,b,ctrl+b", "page(-1)", "Page up", show=False, id="compare.page-up"),
        Binding("home,g", "jump(0)", "First row", show=False, id="compare.first"),
        Binding("end,G", "jump(-1)", "Last row", show=False, id="compare.last"),
    ]

    class CursorMoved(Message):
        def __init__(self, row: int) -> None:
            super().__init__()
            self.row = row

    def __init__(
        self,
        table: CompareTable | None = None,
        *,
        layers: frozenset[str] = frozenset({"diff", "entities", "values"}),
        id: str | None = None,
    ) -> None:
        super().__init__(id=id, classes="highlights")
        self.table = table
        self.shown_layers = set(layers)
        self.cursor_row = 0
        self.finding: FindingRef | None = None
        self._layout_width = -1
        self._cells: list[list[list[VisualLine] | None]] = []
        self._row_starts: list[int] = []
        self._column_width = 10
        self._number_width = 4
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._column_layers: list[list[Layer]] | None = None

    # -- content and layout ------------------------------------------------------------

    def set_table(self, table: CompareTable | None) -> None:
        self.table = table
        self.finding = None
        self.cursor_row = 0
        self._layout_width = -1
        self._invalidate()
        self._relayout()
        self.scroll_to(0, 0, animate=False, immediate=True)

    def set_layers(self, layers: set[str]) -> None:
        self.shown_layers = set(layers)
        self._invalidate()

    def set_finding(self, finding: FindingRef | None) -> None:
        """Mark a finding's spans on both sides and bring its row into view."""
        self.finding = finding
        self._invalidate()
        if finding is not None and finding.row is not None:
            self.move_cursor(finding.row, center=True)

    def _invalidate(self) -> None:
        self._strips.clear()
        self._column_layers = None
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._column_layers = None

    def on_resize(self) -> None:
        self._relayout()

    def geometry(self) -> tuple[int, int]:
        """(row-number gutter width, column width) at the current size."""
        table = self.table
        width = self.scrollable_content_region.width or self.size.width
        if table is None:
            return 4, max(8, width - 4)
        number_width = len(str(len(table.rows))) + 1
        usable = width - number_width - SEPARATOR_WIDTH * (table.columns - 1)
        return number_width, max(8, usable // table.columns)

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width or self.size.width
        if width == self._layout_width or width <= 0:
            return
        self._layout_width = width
        self._strips.clear()
        table = self.table
        if table is None:
            self._cells, self._row_starts = [], []
            self.virtual_size = Size(width, 0)
            return
        self._number_width, self._column_width = self.geometry()
        cells: list[list[list[VisualLine] | None]] = []
        starts: list[int] = []
        y = 0
        for row in table.rows:
            wrapped: list[list[VisualLine] | None] = []
            height = 1
            for column, cell in enumerate(row.cells):
                if cell is None:
                    wrapped.append(None)
                    continue
                text = table.documents[column].text
                runs = cell.runs or ((cell.start, cell.end),)
                lines = [
                    line
                    for start, end in runs
                    for line in wrap_text(text, self._column_width, start, end, newlines=False)
                ]
                wrapped.append(lines)
                height = max(height, len(lines))
            cells.append(wrapped)
            starts.append(y)
            y += height
        self._cells = cells
        self._row_starts = starts
        self.virtual_size = Size(width, y)

    def row_height(self, row: int) -> int:
        end = (
            self._row_starts[row + 1]
            if row + 1 < len(self._row_starts)
            else self.virtual_size.height
        )
        return end - self._row_starts[row]

    def row_at_line(self, line: int) -> int:
        return max(0, bisect_right(self._row_starts, line) - 1)

    # -- cursor ------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._row_starts)

    def move_cursor(self, row: int, center: bool = False) -> None:
        if not self._row_starts:
            return
        row = min(max(row, 0), len(self._row_starts) - 1)
        self.cursor_row = row
        self._strips.clear()
        top_line = self._row_starts[row]
        height = self.scrollable_content_region.height or self.size.height
        scroll = int(self.scroll_y)
        bottom_line = top_line + self.row_height(row)
        if center and not (scroll <= top_line and bottom_line <= scroll + height):
            self.scroll_to(y=max(0, top_line - height // 3), animate=False, immediate=True)
        elif top_line < scroll:
            self.scroll_to(y=top_line, animate=False, immediate=True)
        elif bottom_line > scroll + height:
            self.scroll_to(
                y=max(0, min(top_line, bottom_line - height)), animate=False, immediate=True
            )
        self.refresh()
        self.post_message(self.CursorMoved(row))

    def action_cursor(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        height = self.scrollable_content_region.height or self.size.height
        target = int(self.scroll_y) + direction * height
        self.scroll_to(y=max(0, target), animate=False, immediate=True)
        self.move_cursor(self.row_at_line(max(0, min(target, self.virtual_size.height - 1))))

    def action_jump(self, where: int) -> None:
        self.move_cursor(0 if where == 0 else self.row_count - 1)

    def on_click(self, event: events.Click) -> None:
        line = int(self.scroll_y) + event.y
        if 0 <= line < self.virtual_size.height:
            self.move_cursor(self.row_at_line(line))

    # -- drawing -----------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def _layers_for(self, column: int) -> list[Layer]:
        if self._column_layers is None:
            self._column_layers = [self._build_layers(c) for c in range(self.table.columns)]
        return self._column_layers[column]

    def _build_layers(self, column: int) -> list[Layer]:
        table = self.table
        assert table is not None
        document = table.documents[column]
        layers: list[Layer] = []
        if "diff" in self.shown_layers:
            styles = {name: self._style(name) for name in ("diff--removed", "diff--added")}
            layers.append(Layer.of((s, e, styles[n]) for s, e, n in table.diff_marks[column]))
        kind_styles = {kind: self._style(name) for kind, name in KIND_CLASS.items()}
        layers.append(
            Layer.of(
                (span.start, span.end, kind_styles[span.kind])
                for span in document.spans
                if layer_of(span.kind) in self.shown_layers
            )
        )
        finding = self.finding
        if finding is not None:
            current = self._style("finding--current")
            ranges = []
            if finding.left_column == column and finding.finding.left is not None:
                ranges.append((finding.finding.left.start, finding.finding.left.end, current))
            if finding.right_column == column and finding.finding.right is not None:
                ranges.append((finding.finding.right.start, finding.finding.right.end, current))
            layers.append(Layer.of(ranges))
        return layers

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        line = int(self.scroll_y) + y
        if self.table is None or line >= self.virtual_size.height:
            return Strip.blank(width, base)
        strip = self._strips.get(line)
        if strip is None:
            text = self._line_text(line, base)
            strip = Strip(text.render(self.app.console), text.cell_len).crop_extend(0, width, base)
            self._strips[line] = strip
        return strip

    def _line_text(self, line: int, base: Style) -> Text:
        table = self.table
        assert table is not None
        row_index = self.row_at_line(line)
        sub = line - self._row_starts[row_index]
        row = table.rows[row_index]
        is_cursor = row_index == self.cursor_row
        row_style = base + self._style("row--cursor") if is_cursor else base
        text = Text(no_wrap=True, end="", style=row_style)
        number = f"{row_index + 1}".rjust(self._number_width - 1) + " " if sub == 0 else ""
        if not number and sub == 1:
            number = _moved_note(row, self._number_width)
        text.append(number.ljust(self._number_width), self._style("row--number"))
        for column in range(table.columns):
            if column:
                text.append(self._separator(row, column, sub))
            text.append_text(self._cell_line(row_index, column, sub, row_style))
        return text

    def _separator(self, row: TableRow, column: int, sub: int) -> Text:
        kind = _relation(row, column)
        if sub == 0 and kind is not None:
            style = {
                RowKind.SAME: "row--same",
                RowKind.CHANGED: "row--changed",
                RowKind.MOVED: "row--moved",
            }.get(kind, "row--only")
            return Text(f" {SYMBOLS[kind]} ", style=self._style(style), end="")
        return Text(" │ ", style=self._style("row--number"), end="")

    def _cell_line(self, row_index: int, column: int, sub: int, row_style: Style) -> Text:
        width = self._column_width
        lines = self._cells[row_index][column]
        if lines is None:
            fill = ("╱ " * width)[:width] if sub == 0 else " " * width
            return Text(fill, style=self._style("row--gap"), end="")
        if sub >= len(lines):
            return Text(" " * width, style=row_style, end="")
        text = paint(lines[sub], self._layers_for(column), row_style)
        text.truncate(width, overflow="crop", pad=True)
        return text


def _relation(row: TableRow, column: int) -> RowKind | None:
    """How ``column`` relates to the pivot in ``row`` (gaps say which side has text)."""
    kind = row.kinds[column]
    if kind is not None:
        return kind
    pivot_here = row.cells[0] is not None
    if pivot_here and row.cells[column] is None:
        return RowKind.LEFT_ONLY
    if not pivot_here and row.cells[column] is not None:
        return RowKind.RIGHT_ONLY
    return None


def _moved_note(row: TableRow, width: int) -> str:
    """``↕N`` under the row number: where a moved row would have been in order."""
    for moved in row.moved_from:
        if moved is not None:
            return f"↕{moved + 1}"[: width - 1] + " "
    return ""
