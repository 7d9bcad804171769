"""The article body with its highlights, drawn one screen line at a time.

A line-API widget (as Textualize/toolong draws logs): the text is wrapped once per
width into :class:`~newsdiff.ui.layout.VisualLine` records, and only the lines on
screen are painted, each from a few binary searches into the mark layers, with an LRU
cache of finished strips cleared whenever a layer or the theme changes. A
5,000-sentence article scrolls as fast as a short one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from typing import ClassVar

from rich.style import Style
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip

from newsdiff.core.model import Document, Span, SpanKind
from newsdiff.core.sanitize import visible
from newsdiff.ui.kinds import KIND_CLASS, KIND_COMPONENT_CLASSES
from newsdiff.ui.layout import VisualLine, wrap_text
from newsdiff.ui.marks import Layer, paint


class ArticleView(ScrollView, can_focus=True):
    """An article's text, wrapped, with spans, boilerplate, search hits and a target."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *KIND_COMPONENT_CLASSES,
        "text--boilerplate",
        "text--marked",
        "text--search",
        "text--current",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "lines(1)", "Down", show=False, id="text.down"),
        Binding("k,up", "lines(-1)", "Up", show=False, id="text.up"),
        Binding("space,pagedown", "page(1)", "Page down", show=False, id="text.page-down"),
        Binding("b,pageup", "page(-1)", "Page up", show=False, id="text.page-up"),
        Binding("g,home", "edge(0)", "Top", show=False, id="text.top"),
        Binding("G,end", "edge(1)", "Bottom", show=False, id="text.bottom"),
    ]

    class TargetChanged(Message):
        """The current highlight or search hit moved (for the status line)."""

        def __init__(self, view: ArticleView, position: int | None, total: int) -> None:
            super().__init__()
            self.view = view
            self.position = position
            self.total = total

    def __init__(
        self,
        document: Document | None = None,
        *,
        hidden_kinds: Iterable[SpanKind] = (),
        hide_boilerplate: bool = False,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=f"highlights {classes or ''}".strip())
        self.document = document
        self.hidden_kinds: set[SpanKind] = set(hidden_kinds)
        self.hide_boilerplate = hide_boilerplate
        self.marked: tuple[SpanKind, str] | None = None
        """The (kind, value) chosen in the side panel: all its occurrences are marked."""
        self.search: str = ""
        self.current: int | None = None
        """Index into :meth:`targets` of the highlight or hit the keys last moved to."""
        self._lines: list[VisualLine] = []
        self._line_starts: list[int] = []
        self._layout_width = -1
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._layers: list[Layer] | None = None
        self._targets: list[tuple[int, int]] | None = None

    # -- content -----------------------------------------------------------------------

    def set_document(self, document: Document | None) -> None:
        """Show another document (the scroll position goes back to the top)."""
        self.document = document
        self.marked = None
        self.search = ""
        self.current = None
        self._layout_width = -1
        self._changed()
        self.scroll_to(0, 0, animate=False, immediate=True)
        self._relayout()

    def _changed(self, layout: bool = False) -> None:
        """Forget cached strips and layers after a state change."""
        self._strips.clear()
        self._layers = None
        self._targets = None
        if layout:
            self._layout_width = -1
            self._relayout()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._layers = None

    def on_resize(self) -> None:
        self._relayout()

    def _wrap_width(self) -> int:
        return max(10, self.scrollable_content_region.width or self.size.width - 1)

    def _relayout(self) -> None:
        if not self.size.width:
            return  # not laid out yet: on_resize wraps once the real width is known
        width = self._wrap_width()
        if width == self._layout_width:
            return
        self._layout_width = width
        self._strips.clear()
        document = self.document
        lines = wrap_text(document.text, width) if document is not None else []
        if self.hide_boilerplate and document is not None and document.article.boilerplate:
            article = document.article
            lines = [
                line
                for line in lines
                if line.end == line.start or not article.is_boilerplate(line.start, line.end)
            ]
            lines = _squeeze_blank(lines)
        self._lines = lines
        self._line_starts = [line.start for line in lines]
        self.virtual_size = Size(width, len(lines))

    @property
    def line_count(self) -> int:
        return len(self._lines)

    def line_of(self, offset: int) -> int:
        """The screen line (0-based, in the whole text) that shows source ``offset``."""
        return max(0, bisect_right(self._line_starts, offset) - 1)

    # -- layers ------------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return self.get_component_rich_style(name)

    def visible_spans(self) -> list[Span]:
        if self.document is None:
            return []
        return [s for s in self.document.spans if s.kind not in self.hidden_kinds]

    def _build_layers(self) -> list[Layer]:
        document = self.document
        if document is None:
            return []
        layers: list[Layer] = []
        if not self.hide_boilerplate:
            dim = self._style("text--boilerplate")
            layers.append(Layer.of((r.start, r.end, dim) for r in document.article.boilerplate))
        kind_styles = {kind: self._style(name) for kind, name in KIND_CLASS.items()}
        layers.append(Layer.of((s.start, s.end, kind_styles[s.kind]) for s in self.visible_spans()))
        marked = self._style("text--marked")
        layers.append(Layer.of((start, end, marked) for start, end in self.marked_ranges()))
        search = self._style("text--search")
        layers.append(Layer.of((start, end, search) for start, end in self.search_ranges()))
        return layers

    def _painted_layers(self) -> list[Layer]:
        """The cached layers plus the current target's, which is rebuilt on its own:
        stepping with ``n`` must not re-sort every span of a long article."""
        if self._layers is None:
            self._layers = self._build_layers()
        targets = self.targets()
        if self.current is None or not 0 <= self.current < len(targets):
            return self._layers
        start, end = targets[self.current]
        return [*self._layers, Layer.of([(start, end, self._style("text--current"))])]

    def marked_ranges(self) -> list[tuple[int, int]]:
        if self.document is None or self.marked is None:
            return []
        kind, value = self.marked
        return [
            (s.start, s.end) for s in self.document.spans if s.kind == kind and s.value == value
        ]

    def search_ranges(self) -> list[tuple[int, int]]:
        if self.document is None or not self.search:
            return []
        pattern = re.compile(re.escape(self.search), re.IGNORECASE)
        return [(m.start(), m.end()) for m in pattern.finditer(self.document.text)]

    def targets(self) -> list[tuple[int, int]]:
        """What ``n``/``N`` step through: search hits, else marked occurrences, else spans."""
        if self._targets is None:
            if self.search:
                self._targets = self.search_ranges()
            elif self.marked is not None:
                self._targets = self.marked_ranges()
            else:
                self._targets = [(s.start, s.end) for s in self.visible_spans()]
        return self._targets

    # -- state changes (called by the reader screen) -----------------------------------

    def set_hidden_kinds(self, kinds: Iterable[SpanKind]) -> None:
        self.hidden_kinds = set(kinds)
        self.current = None
        self._changed()

    def set_hide_boilerplate(self, hide: bool) -> None:
        self.hide_boilerplate = hide
        self._changed(layout=True)

    def set_marked(self, marked: tuple[SpanKind, str] | None) -> None:
        self.marked = marked
        self.current = None
        self._changed()
        if marked is not None and self.targets():
            self.go_to(0)

    def set_search(self, needle: str) -> int:
        """Search for ``needle`` (case-insensitive); returns how many hits there are."""
        self.search = needle
        self.current = None
        self._changed()
        hits = len(self.targets()) if needle else 0
        if hits:
            top = self.line_of(0) if self.scroll_y == 0 else int(self.scroll_y)
            first = next(
                (
                    i
                    for i, (start, _) in enumerate(self._targets or [])
                    if self.line_of(start) >= top
                ),
                0,
            )
            self.go_to(first)
        return hits

    def step(self, direction: int) -> int | None:
        """Move to the next (1) or previous (-1) target; returns its position."""
        targets = self.targets()
        if not targets:
            self.post_message(self.TargetChanged(self, None, 0))
            return None
        if self.current is None:
            top = int(self.scroll_y)
            if direction > 0:
                after = [i for i, (s, _) in enumerate(targets) if self.line_of(s) >= top]
                position = after[0] if after else 0
            else:
                before = [i for i, (s, _) in enumerate(targets) if self.line_of(s) < top]
                position = before[-1] if before else len(targets) - 1
        else:
            position = (self.current + direction) % len(targets)
        self.go_to(position)
        return position

    def go_to(self, position: int) -> None:
        """Make target ``position`` current and scroll it into view."""
        targets = self.targets()
        self.current = position
        self._strips.clear()
        start, _ = targets[position]
        self.scroll_to_line(self.line_of(start))
        self.refresh()
        self.post_message(self.TargetChanged(self, position, len(targets)))

    def scroll_to_line(self, line: int) -> None:
        """Scroll so ``line`` is on screen, a third of the way down if it was not."""
        height = self.scrollable_content_region.height or self.size.height
        top = int(self.scroll_y)
        if top <= line < top + height:
            return
        self.scroll_to(y=max(0, line - height // 3), animate=False, immediate=True)

    # -- scrolling (immediate, like less: no animation to wait for) --------------------

    def action_lines(self, count: int) -> None:
        self.scroll_to(y=self.scroll_y + count, animate=False, immediate=True)

    def action_page(self, direction: int) -> None:
        height = self.scrollable_content_region.height or self.size.height
        self.scroll_to(y=self.scroll_y + direction * height, animate=False, immediate=True)

    def action_edge(self, end: int) -> None:
        self.scroll_to(y=self.max_scroll_y if end else 0, animate=False, immediate=True)

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        index = scroll_y + y
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        if index >= len(self._lines):
            return Strip.blank(width, base)
        selection = self.text_selection
        strip = None if selection is not None else self._strips.get(index)
        if strip is None:
            text = paint(self._lines[index], self._painted_layers(), base)
            if selection is not None:
                span = selection.get_span(index)
                if span is not None:
                    start, end = span
                    end = len(text) if end == -1 else end
                    text.stylize(
                        self.screen.get_component_rich_style("screen--selection"), start, end
                    )
            strip = Strip(text.render(self.app.console), text.cell_len)
            if selection is None:
                self._strips[index] = strip
        return strip.crop_extend(scroll_x, scroll_x + width, base).apply_offsets(scroll_x, index)

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The selected stretch of the article's own text (shown inert)."""
        if self.document is None or not self._lines:
            return None
        start, end = selection
        first = self._lines[0].start if start is None else self._offset(start.y, start.x)
        last = self._lines[-1].end if end is None else self._offset(end.y, end.x)
        if last <= first:
            return None
        return visible(self.document.text[first:last]), "\n"

    def _offset(self, line: int, column: int) -> int:
        line = min(max(line, 0), len(self._lines) - 1)
        return self._lines[line].offset(column)

    def selection_updated(self, selection: Selection | None) -> None:
        self._strips.clear()
        self.refresh()


def _squeeze_blank(lines: list[VisualLine]) -> list[VisualLine]:
    """Drop repeated blank lines left behind when boilerplate lines are hidden."""
    out: list[VisualLine] = []
    for line in lines:
        if line.start == line.end and out and out[-1].start == out[-1].end:
            continue
        out.append(line)
    while out and out[-1].start == out[-1].end:
        out.pop()
    return out
