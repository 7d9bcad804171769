"""Help for the view that has focus: what it is for and every key it answers to."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static


@dataclass(frozen=True, slots=True)
class KeyHelp:
    """One action and the keys that do it."""

    keys: tuple[str, ...]
    description: str
    where: str
    binding_id: str | None


def collect_keys(screen: Screen) -> list[KeyHelp]:
    """The bindings active on ``screen`` right now, one entry per action, by where."""
    app = screen.app
    grouped: dict[tuple[int, str, str], list[str]] = {}
    where: dict[tuple[int, str, str], str] = {}
    ids: dict[tuple[int, str, str], str | None] = {}
    for key, active in screen.active_bindings.items():
        binding: Binding = active.binding
        if binding.system and binding.action not in ("command_palette", "app.command_palette"):
            continue
        if not binding.description:
            continue
        identity = (id(active.node), binding.action, binding.description)
        grouped.setdefault(identity, []).append(app.get_key_display(binding.with_key(key)))
        where[identity] = _place(active.node, screen, binding)
        ids[identity] = binding.id
    return [
        KeyHelp(tuple(dict.fromkeys(keys)), identity[2], where[identity], ids[identity])
        for identity, keys in grouped.items()
    ]


def _place(node: DOMNode, screen: Screen, binding: Binding) -> str:
    if binding.id is None:
        return "built in"  # Textual's own scrolling keys, kept for completeness
    if node is screen:
        return "this screen"
    if node is screen.app:
        return "everywhere"
    return "the focused panel"


class HelpScreen(ModalScreen[None]):
    """A list of keys for the screen beneath, with a paragraph on what it shows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help", id="help.close"),
        Binding("j,down", "scroll(1)", "Down", show=False, id="help.down"),
        Binding("k,up", "scroll(-1)", "Up", show=False, id="help.up"),
    ]

    def __init__(self, title: str, about: str, keys: Iterable[KeyHelp]) -> None:
        super().__init__()
        self.help_title = title
        self.about = about
        self.keys = list(keys)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text(self.help_title, style="bold"), id="help-title")
            if self.about:
                yield Static(Text(self.about), id="help-about")
            yield Static(self._table(), id="help-keys")
            yield Static(
                Text("escape closes · keys can be changed in the config file by binding id"),
                id="help-hint",
            )

    def _table(self) -> Table:
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("action", ratio=1)
        table.add_column("id", style="dim", no_wrap=True)
        order = {"this screen": 0, "the focused panel": 1, "everywhere": 2, "built in": 3}
        current = None
        for item in sorted(self.keys, key=lambda k: order.get(k.where, 4)):
            if item.where != current:
                current = item.where
                table.add_row(Text(f"— {current} —", style="italic"), "", "")
            table.add_row(" / ".join(item.keys), item.description, item.binding_id or "")
        return table

    def action_close(self) -> None:
        self.dismiss(None)

    def action_scroll(self, step: int) -> None:
        self.query_one("#help-box", VerticalScroll).scroll_relative(y=step, animate=False)
