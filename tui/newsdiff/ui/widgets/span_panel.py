"""The reader's side panel: every entity and value in the article, with counts.

Choosing one (``enter`` or a click) asks the reader to mark all its occurrences;
choosing it again clears the mark.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.core.model import Document, SpanKind
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.kinds import KIND_ORDER, KIND_PLURAL

_SEPARATOR = "\x1f"


class SpanPanel(OptionList):
    """Entities and values grouped by kind, most frequent first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="panel.down"),
        Binding("k", "cursor_up", "Up", show=False, id="panel.up"),
    ]

    class Chosen(Message):
        """A person chose an entry: mark its occurrences (or None to clear)."""

        def __init__(self, target: tuple[SpanKind, str] | None) -> None:
            super().__init__()
            self.target = target

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.chosen: tuple[SpanKind, str] | None = None

    def set_document(self, document: Document | None, hidden: Iterable[SpanKind] = ()) -> None:
        """List the spans of ``document`` (kinds in ``hidden`` are left out)."""
        self.clear_options()
        self.chosen = None
        if document is None:
            return
        hidden = set(hidden)
        counts: Counter[tuple[SpanKind, str]] = Counter()
        shown: dict[tuple[SpanKind, str], str] = {}
        for span in document.spans:
            key = (span.kind, span.value)
            counts[key] += 1
            shown.setdefault(key, span.text)
        options: list[Option | None] = []
        for kind in KIND_ORDER:
            if kind in hidden:
                continue
            keys = sorted((k for k in counts if k[0] == kind), key=lambda k: (-counts[k], k[1]))
            if not keys:
                continue
            if options:
                options.append(None)
            options.append(Option(Text(KIND_PLURAL[kind], style="bold"), disabled=True))
            for key in keys:
                label = Text(visible_line(shown[key]), no_wrap=True, overflow="ellipsis")
                label.append(f" ×{counts[key]}", style="dim")
                options.append(Option(label, id=f"{kind.value}{_SEPARATOR}{key[1]}"))
        if not options:
            options.append(Option(Text("No entities or values found", style="dim"), disabled=True))
        self.add_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is None:
            return
        kind, _, value = option_id.partition(_SEPARATOR)
        target = (SpanKind(kind), value)
        self.chosen = None if self.chosen == target else target
        self.post_message(self.Chosen(self.chosen))
