"""Wrap article text into screen lines that remember where they came from.

The reader and the compare view draw text one screen line at a time (Textual's line
API), but every highlight — a span, a word change, a search hit, boilerplate — is a
character range in ``Article.text``. Each :class:`VisualLine` therefore keeps the
source offsets it shows, so a range maps onto any line without re-deriving anything.

Article text is data: control characters and bidi overrides are shown as inert
``\\x1b`` / ``<U+202E>`` (see :mod:`newsdiff.core.sanitize`), and tabs as spaces.
When that changes the length of a line, the line keeps a column map so offsets still
land on the right characters. No Textual import here: this is plain, testable code.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Final

from rich.cells import cell_len

from newsdiff.core.sanitize import visible

_UNSAFE: Final = re.compile(
    "[\t\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\ufff9-\ufffb\ud800-\udfff]"
)
"""Characters that do not display as themselves (the set :func:`visible` rewrites)."""

_WORD: Final = re.compile(r"\S+\s*|\s+")

_ZERO_WIDTH: Final = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u0610-\u061a"
    "\u064b-\u065f\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u200b-\u200f\u20d0-\u20ff\ufe00-\ufe0f"
    "\ufe20-\ufe2f]"
)
"""Combining marks and zero-width characters: a line with them takes the careful path."""


@dataclass(frozen=True, slots=True)
class VisualLine:
    """One screen line of text: what to draw and which source characters it shows."""

    start: int
    """Offset in the source text of the first character shown."""
    end: int
    """Offset just past the last source character shown."""
    display: str
    """The inert text to draw (controls made visible, tabs as spaces)."""
    columns: tuple[int, ...] | None = None
    """``None`` when ``display[i]`` shows source character ``start + i``; otherwise
    ``columns[k]`` is the display index of source character ``start + k`` (with one
    extra entry for ``end``)."""

    def column(self, offset: int) -> int:
        """The display index of source ``offset``, clamped to this line."""
        offset = min(max(offset, self.start), self.end)
        if self.columns is None:
            return offset - self.start
        return self.columns[offset - self.start]

    def offset(self, column: int) -> int:
        """The source offset shown at display index ``column`` (clamped)."""
        column = min(max(column, 0), len(self.display))
        if self.columns is None:
            return self.start + column
        for index, value in enumerate(self.columns):
            if value >= column:
                return self.start + index
        return self.end


def inert(text: str) -> tuple[str, list[int] | None]:
    """``text`` made safe to draw, and a map from source index to display index.

    The map is ``None`` when the display is the source character for character.
    """
    if _UNSAFE.search(text) is None:
        return text, None
    parts: list[str] = []
    columns: list[int] = []
    position = 0
    for char in text:
        shown = " " if char == "\t" else visible(char)
        columns.append(position)
        parts.append(shown)
        position += len(shown)
    columns.append(position)
    return "".join(parts), columns


def _width(text: str) -> int:
    return len(text) if text.isascii() else cell_len(text)


def _single_width(display: str) -> bool:
    """True when every character takes exactly one cell (no wide, no zero-width)."""
    if display.isascii():
        return True
    return _ZERO_WIDTH.search(display) is None and cell_len(display) == len(display)


def _break_points(display: str, width: int) -> list[int]:
    """Display indices where a line of ``display`` should start (the first is 0).

    Greedy word wrap by terminal cells; a word wider than the line is cut by
    characters. Trailing spaces stay on the line they follow (they draw as nothing).
    """
    if _single_width(display):
        return _break_points_fast(display, width)
    starts = [0]
    used = 0
    for match in _WORD.finditer(display):
        word = match.group(0)
        body = word.rstrip()
        body_width = _width(body)
        if used and used + body_width > width:
            starts.append(match.start())
            used = 0
        if body_width > width:
            # A word longer than the line: cut it into line-sized pieces.
            piece = 0
            for index, char in enumerate(body):
                char_width = _width(char)
                if piece + char_width > width and piece:
                    starts.append(match.start() + index)
                    piece = 0
                piece += char_width
            used = piece + (len(word) - len(body))
        else:
            used += _width(word)
    return starts


def _break_points_fast(display: str, width: int) -> list[int]:
    """:func:`_break_points` when a character is a cell: one ``rfind`` per line.

    Wrapping a 5,000-sentence paragraph word by word was most of the time it took to
    open it; looking back from the line's end for a space does the same in a loop per
    screen line instead of per word.
    """
    starts = [0]
    length = len(display)
    position = 0
    while length - position > width:
        cut = display.rfind(" ", position, position + width + 1)
        if cut <= position or display[position:cut].strip() == "":
            following = position + width  # no space to break at: cut the word
        else:
            following = cut + 1
        while following < length and display[following] == " ":
            following += 1  # spaces after the break stay on the line before
        if following >= length:
            break
        starts.append(following)
        position = following
    return starts


def wrap_text(
    text: str, width: int, start: int = 0, end: int | None = None, *, newlines: bool = True
) -> list[VisualLine]:
    """``text[start:end]`` as screen lines at most ``width`` cells wide.

    Newlines end a line (a blank line stays a blank line) unless ``newlines`` is
    False, when they read as spaces (a compare cell is one flowing block); longer
    lines wrap at spaces. Offsets in the result are offsets into ``text``.
    """
    width = max(1, width)
    end = len(text) if end is None else end
    if not newlines:
        return _wrap_line(text[start:end].replace("\n", " "), start, width)
    lines: list[VisualLine] = []
    cursor = start
    while True:
        newline = text.find("\n", cursor, end)
        line_end = end if newline == -1 else newline
        lines.extend(_wrap_line(text[cursor:line_end], cursor, width))
        if newline == -1:
            break
        cursor = newline + 1
    return lines


def _wrap_line(line: str, base: int, width: int) -> list[VisualLine]:
    """One source line (no newline in it) as one or more screen lines."""
    display, columns = inert(line)
    if _width(display) <= width:
        return [VisualLine(base, base + len(line), display, _tuple(columns))]
    starts = _break_points(display, width)
    if columns is not None:
        # Never start a line inside the visible form of one control character.
        starts = sorted({columns[bisect_right(columns, s) - 1] for s in starts})
    ends = [*starts[1:], len(display)]
    out: list[VisualLine] = []
    for lo, hi in zip(starts, ends, strict=True):
        if columns is None:
            out.append(VisualLine(base + lo, base + hi, display[lo:hi]))
            continue
        src_lo = columns.index(lo)
        src_hi = columns.index(hi) if hi < len(display) else len(line)
        piece = tuple(c - lo for c in columns[src_lo : src_hi + 1])
        out.append(VisualLine(base + src_lo, base + src_hi, display[lo:hi], piece))
    return out


def _tuple(columns: list[int] | None) -> tuple[int, ...] | None:
    return None if columns is None else tuple(columns)


def flatten(text: str, start: int, end: int) -> str:
    """``text[start:end]`` with line breaks as spaces (for one-line cells)."""
    return text[start:end].replace("\n", " ")
