"""The export dialog: a format, a path, and a file written safely in a worker.

The reader exports its article, the compare screen its comparison, the library the
story or selection under the cursor; each hands over an :class:`ExportRequest` whose
``build`` makes the subject (analysing or comparing when needed) on the worker thread,
so a big comparison never freezes the app. Writing goes through the core's
:func:`newsdiff.core.export.save` (atomic; never over an existing file unless the
person confirmed it in :class:`ConfirmOverwrite`).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, RadioButton, RadioSet, Static

from newsdiff.core.export import (
    DESCRIPTIONS,
    SUFFIXES,
    ExportError,
    ExportFormat,
    Subject,
    TargetExists,
    save,
    target_paths,
)
from newsdiff.core.sanitize import visible_line

FORMAT_ORDER = (
    ExportFormat.HTML,
    ExportFormat.MD,
    ExportFormat.JSON,
    ExportFormat.TXT,
    ExportFormat.BRAT,
)
"""The formats in the dialog's order (HTML first: the one most people want to share)."""


@dataclass(frozen=True)
class ExportRequest:
    """What a screen offers to export."""

    what: str
    """``the article …``, ``the comparison of 2 reports``, ``the story of 3 reports``."""
    kind: str
    """``article``, ``comparison`` or ``story`` (brat writes files or a folder by it)."""
    stem: str
    """The default file name, without extension."""
    build: Callable[[], Subject]
    """Makes the subject; runs on the worker thread (it may analyse and compare)."""


def _shown(path: Path) -> str:
    """A path as a person would type it: relative to the current folder when inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


class ConfirmOverwrite(ModalScreen[bool]):
    """Asks before an export replaces files that exist."""

    DEFAULT_CSS = """
    ConfirmOverwrite { align: center middle; }
    #confirm-box { width: 64; height: auto; padding: 1 2; border: thick $warning;
                   background: $panel; }
    #confirm-buttons { height: auto; margin-top: 1; }
    #confirm-buttons Button { margin-right: 2; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Replace", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "Keep the file", id="confirm.no"),
    ]

    def __init__(self, paths: list[Path]) -> None:
        super().__init__()
        self.paths = paths

    def compose(self) -> ComposeResult:
        names = ", ".join(visible_line(_shown(p)) for p in self.paths)
        verb = "exists" if len(self.paths) == 1 else "exist"
        with Vertical(id="confirm-box"):
            yield Static(Text(f"{names} already {verb}.", style="bold"), id="confirm-text")
            yield Static(Text("Replace it with this export? (y / n)"))
            with Horizontal(id="confirm-buttons"):
                yield Button("Replace (y)", variant="warning", id="replace")
                yield Button("Keep (n)", id="keep")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_answer(self, replace: bool) -> None:
        self.dismiss(replace)

    @on(Button.Pressed, "#replace")
    def _replace(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#keep")
    def _keep(self) -> None:
        self.dismiss(False)


class ExportScreen(ModalScreen[list[Path] | None]):
    """Choose a format and a path; the export is written in a worker."""

    HELP = (
        "Export what you are looking at. Choose a format with the arrow keys, tab to the "
        "file name, enter to write it. An existing file is replaced only after you say "
        "so; the file is written whole or not at all."
    )
    DEFAULT_CSS = """
    ExportScreen { align: center middle; }
    #export-box { width: 76; max-width: 100%; height: auto; padding: 1 2;
                  border: thick $accent; background: $panel; }
    #export-title { text-style: bold; margin-bottom: 1; }
    #export-formats { width: 100%; margin-bottom: 1; }
    #export-status { height: auto; margin-top: 1; color: $text-muted; }
    #export-status.error { color: $error; }
    #export-buttons { height: auto; margin-top: 1; }
    #export-buttons Button { margin-right: 2; }
    #export-keys { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="export.cancel"),
        Binding("ctrl+s", "export", "Export", id="export.write"),
        Binding("f1", "app.help", "Help", id="export.help"),
    ]

    def __init__(self, request: ExportRequest, format: ExportFormat = ExportFormat.HTML) -> None:
        super().__init__()
        self.request = request
        self.format = format
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Static(Text(f"Export {self.request.what}"), id="export-title")
            with RadioSet(id="export-formats"):
                for format in FORMAT_ORDER:
                    label = f"{DESCRIPTIONS[format]} ({format.value})"
                    yield RadioButton(label, value=format is self.format, name=format.value)
            yield Input(self._default_name(self.format), id="export-path", select_on_focus=False)
            yield Static(self._hint(), id="export-status", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-go")
                yield Button("Cancel", id="export-cancel")
            yield Static(
                Text("shift+tab formats (↑↓) · enter export · esc cancel · F1 help", style="dim"),
                id="export-keys",
            )

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    def _default_name(self, format: ExportFormat) -> str:
        return self.request.stem + SUFFIXES[format]

    def _hint(self) -> str:
        if self.format is ExportFormat.BRAT:
            if self.request.kind == "article":
                return "brat writes NAME.txt and NAME.ann"
            return "brat writes a folder: a .txt and .ann per report, and annotation.conf"
        return f"in {visible_line(str(Path.cwd()))}"

    def _status(self, message: str, error: bool = False) -> None:
        status = self.query_one("#export-status", Static)
        status.update(Text(message))
        status.set_class(error, "error")

    @property
    def path_field(self) -> Input:
        return self.query_one("#export-path", Input)

    @on(RadioSet.Changed, "#export-formats")
    def _format_changed(self, event: RadioSet.Changed) -> None:
        previous = self.format
        self.format = ExportFormat(event.pressed.name or previous.value)
        field = self.path_field
        value = field.value
        old = SUFFIXES[previous]
        if old and value.endswith(old):
            field.value = value[: -len(old)] + SUFFIXES[self.format]
        elif not old and not Path(value).suffix:
            field.value = value + SUFFIXES[self.format]
        self._status(self._hint())

    def _target(self) -> Path | None:
        value = self.path_field.value.strip()
        if not value:
            self._status("Give a file name.", error=True)
            return None
        path = Path(os.path.expanduser(value))
        return path if path.is_absolute() else Path.cwd() / path

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        if self.busy:
            return
        target = self._target()
        if target is None:
            return
        paths = target_paths(self.format, target, article=self.request.kind == "article")
        existing = [p for p in paths if p.exists() or p.is_symlink()]
        if existing:
            self.app.push_screen(
                ConfirmOverwrite(existing), lambda yes: self._confirmed(target, bool(yes))
            )
            return
        self._start(target, overwrite=False)

    def _confirmed(self, target: Path, replace: bool) -> None:
        if replace:
            self._start(target, overwrite=True)
        else:
            self._status("Not replaced: choose another name.")
            self.path_field.focus()

    def _start(self, target: Path, *, overwrite: bool) -> None:
        self.busy = True
        self.query_one("#export-go", Button).disabled = True
        self._status(f"Exporting {self.request.what}…")
        self._write(target, self.format, overwrite)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _write(self, target: Path, format: ExportFormat, overwrite: bool) -> None:
        try:
            subject = self.request.build()
            written = save(subject, format, target, overwrite=overwrite)
        except TargetExists as error:  # appeared while we worked: ask again
            self.app.call_from_thread(self._failed, str(error), error.path)
            return
        except ExportError as error:
            self.app.call_from_thread(self._failed, str(error), None)
            return
        except Exception as error:  # shown, never a crash
            self.app.call_from_thread(self._failed, f"{type(error).__name__}: {error}", None)
            return
        self.app.call_from_thread(self._done, written)

    def _failed(self, message: str, exists: Path | None) -> None:
        self.busy = False
        self.query_one("#export-go", Button).disabled = False
        self._status(visible_line(message), error=True)
        if exists is None:
            self.app.notify(
                visible_line(message), title="Export failed", severity="error", markup=False
            )

    def _done(self, written: list[Path]) -> None:
        self.busy = False
        names = ", ".join(visible_line(str(p)) for p in written)
        self.app.notify(f"Saved {self.request.what} to {names}", title="Exported", markup=False)
        self.dismiss(written)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if self.busy:
            self._status("Still writing… the file appears whole when it is done.")
            return
        self.dismiss(None)
