"""Style character ranges onto screen lines: the layers a view paints on text.

A view keeps each kind of mark (spans by kind, word changes, boilerplate, search hits,
the current target) as a :class:`Layer` of ``(start, end, style)`` ranges in source
offsets. Painting one screen line asks each layer only for the ranges that touch that
line (a binary search, not a scan), so drawing cost does not grow with the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter

from rich.style import Style
from rich.text import Text

from newsdiff.ui.layout import VisualLine

_BY_POSITION = itemgetter(0, 1)
"""Sort key for ranges: start, then end (never the style, which does not compare)."""


@dataclass(slots=True)
class Layer:
    """Ranges of one kind of mark, sorted by start.

    Ranges inside one layer may overlap (search hits can, spans cannot); ``_reach``
    keeps the furthest end seen so far so lookups stay correct either way.
    """

    ranges: list[tuple[int, int, Style]] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list)
    _reach: list[int] = field(default_factory=list)

    @classmethod
    def of(cls, ranges: Iterable[tuple[int, int, Style]]) -> Layer:
        ordered = sorted((r for r in ranges if r[1] > r[0]), key=_BY_POSITION)
        reach: list[int] = []
        furthest = -1
        for _, end, _ in ordered:
            furthest = max(furthest, end)
            reach.append(furthest)
        return cls(ordered, [r[0] for r in ordered], reach)

    def touching(self, start: int, end: int) -> Sequence[tuple[int, int, Style]]:
        """The ranges that overlap ``[start, end)``."""
        hi = bisect_left(self._starts, end)
        lo = bisect_right(self._reach, start, 0, hi)
        return [r for r in self.ranges[lo:hi] if r[1] > start]

    def __len__(self) -> int:
        return len(self.ranges)


def paint(line: VisualLine, layers: Iterable[Layer], base: Style | None = None) -> Text:
    """The screen line as Rich ``Text`` with every layer's ranges applied in order.

    Later layers win where they overlap earlier ones (current target over search over
    spans over boilerplate). The text is never parsed as markup.
    """
    text = Text(line.display, no_wrap=True, end="")
    if base is not None:
        # As a span, not Text(style=…): Rich drops a Text's own style when it has no
        # spans, which left unhighlighted lines without the theme's background.
        text.stylize(base)
    for layer in layers:
        for start, end, style in layer.touching(line.start, line.end):
            text.stylize(style, line.column(start), line.column(end))
    return text
