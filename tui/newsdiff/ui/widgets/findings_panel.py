"""The list of findings beside a comparison; choosing one scrolls both sides to it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Final

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from newsdiff.core.model import FindingKind
from newsdiff.core.sanitize import visible_line
from newsdiff.ui.compare_table import FindingRef

KIND_TITLES: Final = {
    FindingKind.NUMBER_MISMATCH: "number",
    FindingKind.DATE_MISMATCH: "date",
    FindingKind.ENTITY_MISMATCH: "name",
    FindingKind.ENTITY_ONLY_LEFT: "only left",
    FindingKind.ENTITY_ONLY_RIGHT: "only right",
    FindingKind.NUMBER_ONLY_LEFT: "only left",
    FindingKind.NUMBER_ONLY_RIGHT: "only right",
    FindingKind.ATTRIBUTION_CHANGE: "attribution",
    FindingKind.CERTAINTY_CHANGE: "certainty",
}
"""A short tag per finding kind, shown before its message."""


class FindingsPanel(OptionList):
    """Findings in table order; highlighting one moves the comparison to it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False, id="findings.down"),
        Binding("k", "cursor_up", "Up", show=False, id="findings.up"),
    ]

    class Chosen(Message):
        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.refs: list[FindingRef] = []

    def set_findings(self, refs: Sequence[FindingRef], names: Sequence[str]) -> None:
        """Show ``refs``; ``names`` label the columns (for three or more reports)."""
        self.refs = list(refs)
        self.clear_options()
        options: list[Option] = []
        for ref in refs:
            finding = ref.finding
            label = Text(no_wrap=False, end="")
            label.append(f"{KIND_TITLES.get(finding.kind, finding.kind.value)}", style="bold")
            if len(names) > 2:
                label.append(f" [{visible_line(names[ref.right_column])}]", style="dim")
            label.append(f"  {visible_line(finding.message)}")
            if ref.row is not None:
                label.append(f"  row {ref.row + 1}", style="dim")
            options.append(Option(label))
        if not options:
            options.append(Option(Text("No findings", style="dim"), disabled=True))
        self.add_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if self.refs:
            self.post_message(self.Chosen(event.option_index))
