"""The library list: story rows and report rows, drawn one screen line at a time.

A line-API widget rather than a ``DataTable``: the model hands out entries by
position, so 100,000 reports cost a list of ints, and a page of scrolling paints only
the rows on screen (each painted row is cached until something it shows changes).
"""

from __future__ import annotations

from typing import ClassVar, Final

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsdiff.core.sanitize import visible_line
from newsdiff.ui.library_model import COLUMNS, LibraryModel

FIXED_WIDTHS: Final = {"outlet": 12, "date": 10, "language": 4, "length": 6, "overlap": 7}
"""Cells per column (the title takes what is left)."""

HEADINGS: Final = {
    "title": "Title",
    "outlet": "Outlet",
    "date": "Date",
    "language": "Lang",
    "length": "Words",
    "overlap": "Overlap",
}

MARK_WIDTH: Final = 4
"""The mark and tree gutter before the title: ``● ▸ ``."""

MIN_TITLE: Final = 30
"""Fewest title cells kept before a column is dropped."""


def columns_for(width: int) -> list[tuple[str, int]]:
    """Which columns fit in ``width`` cells, and how wide each is.

    The title is what tells two stories apart (two rounds of the same talks share
    their first thirty letters), so narrow lists drop columns before the title gets
    shorter than :data:`MIN_TITLE` cells: the language first (the preview shows it),
    then the length, then the overlap, then the outlet.
    """
    shown = list(COLUMNS[1:])
    for drop in ("language", "length", "overlap", "outlet"):
        used = MARK_WIDTH + sum(FIXED_WIDTHS[c] + 1 for c in shown)
        if width - used >= MIN_TITLE:
            break
        shown.remove(drop)
    used = MARK_WIDTH + sum(FIXED_WIDTHS[c] + 1 for c in shown)
    return [("title", max(8, width - used)), *((c, FIXED_WIDTHS[c]) for c in shown)]


class ArticleList(ScrollView, can_focus=True):
    """Stories and reports with a cursor; ``space`` marks, ``enter`` opens."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "list--cursor",
        "list--story",
        "list--marked",
        "list--muted",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("up,k", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding("pagedown,ctrl+f", "page(1)", "Page down", show=False, id="library.page-down"),
        Binding("pageup,ctrl+b", "page(-1)", "Page up", show=False, id="library.page-up"),
        Binding("home,g", "jump(0)", "First", show=False, id="library.first"),
        Binding("end,G", "jump(-1)", "Last", show=False, id="library.last"),
        Binding("right,l", "expand(True)", "Expand story", show=False, id="library.expand"),
        Binding("left,h", "expand(False)", "Collapse story", show=False, id="library.collapse"),
        Binding("space", "mark", "Mark", id="library.mark"),
    ]

    cursor: reactive[int] = reactive(0, always_update=True, init=False)

    class Highlighted(Message):
        """The cursor moved onto another entry."""

        def __init__(self, entry: int | None) -> None:
            super().__init__()
            self.entry = entry

    class Chosen(Message):
        """``enter`` (or a double click) on an entry."""

        def __init__(self, entry: int) -> None:
            super().__init__()
            self.entry = entry

    class MarksChanged(Message):
        """Marks were added or removed."""

    def __init__(self, model: LibraryModel, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model = model
        self._strips: LRUCache[tuple[int, int, bool], Strip] = LRUCache(512)
        self._last_entry: int | None = None

    # -- the model changed -------------------------------------------------------------

    def refresh_entries(self, keep: int | None = None) -> None:
        """Redraw after the model's entries changed, keeping the cursor on ``keep``."""
        self._strips.clear()
        entries = self.model.entries
        if keep is not None:
            position = self.model.index_of(keep, self.cursor)
            if position is not None:
                self.cursor = position
        self.cursor = min(max(self.cursor, 0), max(0, len(entries) - 1))
        self.virtual_size = Size(self.size.width, len(entries))
        self.refresh()
        self._announce()

    def redraw(self) -> None:
        """Repaint every row (marks or the theme changed)."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    @property
    def current_entry(self) -> int | None:
        entries = self.model.entries
        return entries[self.cursor] if 0 <= self.cursor < len(entries) else None

    # -- cursor ------------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self._scroll_cursor_into_view()
        self.refresh()
        self._announce()

    def _announce(self) -> None:
        entry = self.current_entry
        if entry != self._last_entry:
            self._last_entry = entry
            self.post_message(self.Highlighted(entry))

    def _page_height(self) -> int:
        return max(1, self.scrollable_content_region.height or self.size.height)

    def _scroll_cursor_into_view(self) -> None:
        height = self._page_height()
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + height:
            self.scroll_to(y=self.cursor - height + 1, animate=False, immediate=True)

    def _move_to(self, position: int) -> None:
        count = len(self.model.entries)
        if count:
            self.cursor = min(max(position, 0), count - 1)

    def action_cursor(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        height = self._page_height()
        self.scroll_to(
            y=max(0, int(self.scroll_y) + direction * height), animate=False, immediate=True
        )
        self._move_to(self.cursor + direction * height)

    def action_jump(self, where: int) -> None:
        self._move_to(0 if where == 0 else len(self.model.entries) - 1)

    def action_expand(self, expand: bool) -> None:
        entry = self.current_entry
        if entry is None:
            return
        story = self.model.story_at(entry)
        if not expand and entry >= 0 and self.model.is_child(entry):
            entry = ~story  # collapsing from a report goes back to its story row
        if self.model.toggle_expanded(story, expand):
            self.model.rebuild()
            self.refresh_entries(keep=entry if entry < 0 else ~story)

    def action_mark(self) -> None:
        entry = self.current_entry
        if entry is None:
            return
        self.model.toggle_mark(entry)
        self.redraw()
        self.post_message(self.MarksChanged())
        self._move_to(self.cursor + 1)

    def action_select(self) -> None:
        entry = self.current_entry
        if entry is not None:
            self.post_message(self.Chosen(entry))

    def on_click(self, event: events.Click) -> None:
        position = int(self.scroll_y) + event.y
        if 0 <= position < len(self.model.entries):
            self.cursor = position
            if event.chain >= 2:
                self.action_select()

    # -- drawing -----------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        position = int(self.scroll_y) + y
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        entries = self.model.entries
        if position >= len(entries):
            return Strip.blank(width, base)
        is_cursor = position == self.cursor
        key = (position, width, is_cursor)
        strip = self._strips.get(key)
        if strip is None:
            entry = entries[position]
            text = self.row_text(entry, width, base)
            if is_cursor:
                text.stylize(self.get_component_rich_style("list--cursor"))
            strip = Strip(text.render(self.app.console), width).crop_extend(0, width, base)
            self._strips[key] = strip
        return strip

    def row_text(self, entry: int, width: int, base: Style) -> Text:
        """One row: the mark, the story glyph, then the columns that fit."""
        model = self.model
        article_index = model.lead_article(entry)
        article = model.articles[article_index]
        marked = all(m in model.marks for m in model.members(entry))
        glyph, title = "  ", article.title
        if entry < 0:
            story = model.stories[~entry]
            glyph = "▾ " if ~entry in model.expanded else "▸ "
            title = f"({len(story.members)}) {title}"
            if story.related:
                title += f" · ↔{len(story.related)} related"
        elif model.is_child(entry):
            story = model.stories[model.story_of[entry]]
            title = f"└ {'★ ' if story.source == entry else ''}{title}"
        else:
            story = model.stories[model.story_of[entry]]
            if story.related:
                glyph = "↔ "
        text = Text(no_wrap=True, end="", style=base)
        text.append("● " if marked else "  ", self.get_component_rich_style("list--marked"))
        text.append(glyph)
        cells = self._cells(article_index, title)
        muted = self.get_component_rich_style("list--muted")
        story_style = self.get_component_rich_style("list--story")
        for column, cell_width in columns_for(width):
            value = cells[column]
            style: Style | str = ""
            if entry < 0 and column == "title":
                style = story_style
            elif value == "–":
                style = muted
            if column != "title":
                text.append(" ")
            text.append(_fit(value, cell_width, right=column in ("length", "overlap")), style)
        return text

    def _cells(self, index: int, title: str) -> dict[str, str]:
        model = self.model
        article = model.articles[index]
        overlap = model.overlap.get(index)
        return {
            "title": visible_line(title),
            "outlet": visible_line(article.outlet) if article.outlet else "–",
            "date": article.published or "–",
            "language": article.language,
            "length": f"{model.length(index):,}",
            "overlap": "–" if overlap is None else f"{overlap:.0%}",
        }


def _fit(value: str, width: int, right: bool = False) -> str:
    """``value`` cut or padded to exactly ``width`` cells (an ellipsis marks a cut)."""
    if width <= 0:
        return ""
    from rich.cells import cell_len, set_cell_size

    if cell_len(value) > width:
        value = set_cell_size(value, width - 1) + "…"
    return set_cell_size(value, width) if not right else value.rjust(width)
