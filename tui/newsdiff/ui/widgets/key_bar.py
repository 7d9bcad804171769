"""The bottom line of every screen: the keys that matter now, one widget, one render.

Textual's ``Footer`` mounts a widget per key and rebuilds them all whenever the
bindings change, which was the largest single cost of starting the app. This bar
draws the same information as one line of text (keys in the accent colour, clicks
still press the key) and only repaints when the bindings change.
"""

from __future__ import annotations

from typing import ClassVar, Final

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widget import Widget

_CHARACTERS: Final = {"slash": "/"}
"""Keys Textual's ``key_to_character`` does not map back (its Unicode name differs)."""


class KeyBar(Widget):
    """Shown bindings of the focused chain, then the command palette key on the right."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-bar--key", "key-bar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key { color: $footer-key-foreground; text-style: bold; }
    KeyBar > .key-bar--description { color: $footer-description-foreground; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spots: list[tuple[int, int, str]] = []
        """(first cell, last cell, key) of each drawn key, for clicks."""

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh()

    def _entries(self) -> list[tuple[str, str, str]]:
        """(display, description, key) for each binding worth showing, in order."""
        seen: set[str] = set()
        entries: list[tuple[str, str, str]] = []
        focused = self.screen.focused
        consumes = getattr(focused, "check_consume_key", None)
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.show or not active.enabled or binding.action in seen:
                continue
            character = key_to_character(key) or _CHARACTERS.get(key)
            if consumes is not None and consumes(key, character):
                continue  # typing goes to the focused input, not to this binding
            seen.add(binding.action)
            entries.append((self.app.get_key_display(binding), binding.description, key))
        return entries

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        text = Text(no_wrap=True, overflow="crop", end="")
        self._spots = []
        for display, description, key in self._entries():
            start = text.cell_len + 1
            text.append(f" {display}", key_style)
            text.append(f" {description} ", description_style)
            self._spots.append((start, text.cell_len, key))
        palette = ""
        if self.app.ENABLE_COMMAND_PALETTE:
            binding = Binding(self.app.COMMAND_PALETTE_BINDING, "command_palette")
            palette = self.app.get_key_display(binding)
        if palette:
            right = Text(f" {palette} palette ", end="")
            right.stylize(key_style, 0, len(palette) + 1)
            width = self.size.width
            if text.cell_len + right.cell_len < width:
                text.append(" " * (width - text.cell_len - right.cell_len))
                self._spots.append((text.cell_len, width, self.app.COMMAND_PALETTE_BINDING))
                text.append_text(right)
        return text

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spots:
            if start - 1 <= event.x < end:
                self.app.simulate_key(key)
                return
