"""The library list's column headings, with the sort column marked; click to sort."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from newsdiff.ui.widgets.article_list import HEADINGS, MARK_WIDTH, ArticleList, columns_for


class ListHeader(Widget):
    """One line of headings that lines up with an :class:`ArticleList` below it."""

    DEFAULT_CSS = """
    ListHeader { height: 1; }
    """

    class SortRequested(Message):
        """A heading was clicked."""

        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    def __init__(self, article_list: ArticleList, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.article_list = article_list

    def _width(self) -> int:
        return self.article_list.scrollable_content_region.width or self.size.width

    def render(self) -> Text:
        model = self.article_list.model
        text = Text(" " * MARK_WIDTH, no_wrap=True, end="")
        for index, (column, width) in enumerate(columns_for(self._width())):
            label = HEADINGS[column]
            if model.sort_column == column:
                label += " ↓" if model.reverse else " ↑"
            if index:
                text.append(" ")
            right = column in ("length", "overlap")
            text.append(label[:width].rjust(width) if right else label[:width].ljust(width))
        return text

    def on_click(self, event: events.Click) -> None:
        x = MARK_WIDTH
        for column, width in columns_for(self._width()):
            if x <= event.x < x + width + 1:
                self.post_message(self.SortRequested(column))
                return
            x += width + 1
