"""The newsdiff application: starts on the library of loaded articles."""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType

from newsdiff.core.ingest import DEFAULT_MAX_BYTES
from newsdiff.ui.screens.library import LibraryScreen


class NewsdiffApp(App[int]):
    """A terminal reader for comparing news reports."""

    TITLE = "newsdiff"
    CSS_PATH = "newsdiff.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, paths: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.paths = paths
        self.max_bytes = max_bytes

    def on_mount(self) -> None:
        self.push_screen(LibraryScreen(self.paths, max_bytes=self.max_bytes))
