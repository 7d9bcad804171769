"""A one-line legend: each highlight kind in its own style, with its toggle key."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.widget import Widget

from newsdiff.core.model import SpanKind
from newsdiff.ui.kinds import (
    KIND_CLASS,
    KIND_COMPONENT_CLASSES,
    KIND_LABEL,
    KIND_ORDER,
    KIND_SHORT,
)

COMPACT_BELOW = 100
"""Narrower than this, the legend uses short labels."""


class Legend(Widget):
    """Shows what each colour means; switched-off kinds are drawn struck through."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *KIND_COMPONENT_CLASSES,
        "legend--off",
        "legend--key",
        "diff--removed",
        "diff--added",
    }
    DEFAULT_CSS = """
    Legend { height: auto; }
    """

    def __init__(self, *, id: str | None = None, numbered: bool = True) -> None:
        super().__init__(id=id, classes="highlights")
        self.hidden: set[SpanKind] = set()
        self.extra: list[tuple[str, str, str | None]] = []
        """More entries after the kinds: (label, component class, key)."""
        self.numbered = numbered

    def set_hidden(self, hidden: Iterable[SpanKind]) -> None:
        self.hidden = set(hidden)
        self.refresh(layout=True)

    def set_extra(self, extra: list[tuple[str, str, str | None]]) -> None:
        self.extra = extra
        self.refresh(layout=True)

    def render(self) -> Text:
        text = Text(end="")
        key_style = self.get_component_rich_style("legend--key")
        off = self.get_component_rich_style("legend--off")
        compact = 0 < self.size.width < COMPACT_BELOW
        labels = KIND_SHORT if compact else KIND_LABEL
        for number, kind in enumerate(KIND_ORDER, start=1):
            if text:
                text.append(" ")
            if self.numbered:
                text.append(f"{number}", key_style)
            label = f" {labels[kind]} "
            text.append(
                label,
                off if kind in self.hidden else self.get_component_rich_style(KIND_CLASS[kind]),
            )
        for label, component, key in self.extra:
            text.append(" " if compact else "  ")
            if key:
                text.append(key, key_style)
            text.append(f" {label} ", self.get_component_rich_style(component))
        return text
