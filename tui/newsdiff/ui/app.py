"""The newsdiff application: the library first, then readers and comparisons.

The app shows and asks; the core computes. It reads the settings file defensively
(:mod:`newsdiff.ui.config`), registers a dark and a light theme whose highlight
colours are theme variables, turns every failure in a worker into a notification,
and keeps slow imports (analysis, comparison, the reader and compare screens) off the
start path so the first screen appears as fast as Textual itself allows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Final

from textual.app import App
from textual.binding import Binding, BindingType
from textual.theme import BUILTIN_THEMES, Theme

from newsdiff.core.model import Article, Document
from newsdiff.ui.commands import NewsdiffCommands, PaletteCommand
from newsdiff.ui.config import DEFAULT_THEME, Config, load_config
from newsdiff.ui.loader import Loader, few_small_files, path_loader
from newsdiff.ui.screens.library import ArticleSource, LibraryScreen

if TYPE_CHECKING:
    from newsdiff.ui.stories import StorySource

THEME_ALIASES: Final = {"dark": "newsdiff-dark", "light": "newsdiff-light"}
"""Short names a person may write in the config file."""


def _themes() -> list[Theme]:
    """newsdiff's themes: Textual's defaults with calmer panels for long reading."""
    dark = BUILTIN_THEMES["textual-dark"]
    return [
        Theme(
            name="newsdiff-dark",
            primary=dark.primary,
            secondary=dark.secondary,
            accent=dark.accent,
            warning=dark.warning,
            error=dark.error,
            success=dark.success,
            foreground=dark.foreground,
            background=dark.background,
            surface=dark.surface,
            panel=dark.panel,
            dark=True,
        ),
        Theme(
            name="newsdiff-light",
            primary="#0059b3",
            secondary="#6b3fa0",
            accent="#b35900",
            warning="#8a6d00",
            error="#b00020",
            success="#1e7b34",
            foreground="#1b1b1b",
            background="#fafafa",
            surface="#f0f0f0",
            panel="#e4e4e4",
            dark=False,
        ),
    ]


class NewsdiffApp(App[int]):
    """A terminal reader for comparing news reports."""

    TITLE = "newsdiff"
    CSS_PATH = Path(__file__).with_name("newsdiff.tcss")  # absolute: subclasses live elsewhere
    COMMANDS: ClassVar = {NewsdiffCommands}
    HORIZONTAL_BREAKPOINTS: ClassVar = [(0, "-narrow"), (110, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
    ]

    def __init__(
        self,
        paths: list[str],
        *,
        max_bytes: int | None = None,
        config: Config | None = None,
        source: ArticleSource | None = None,
        source_total: int | None = None,
        stories: StorySource | None = None,
    ) -> None:
        super().__init__()
        self.paths = paths
        self.max_bytes = max_bytes
        """Skip larger files (None: the ingest default, looked up when loading starts)."""
        self.config_warnings: list[str] = []
        if config is None:
            config, self.config_warnings = load_config()
        self.config = config
        self.shown_layers: frozenset[str] = config.layers
        self._source = source
        self._source_total = source_total
        self._stories = stories
        # Start reading now, before Textual sets up the terminal: the first files are
        # parsed while the app starts, not after. A handful of small files is read
        # at once instead (see ``few_small_files``).
        if source is not None:
            self.loader = Loader(lambda: (source(), source_total)).start()
        else:
            loader = Loader(path_loader(paths, max_bytes))
            self.loader = loader.run_here() if few_small_files(paths) else loader.start()
        for theme in _themes():
            self.register_theme(theme)
        self.theme = self._theme_name(config.theme)

    def _theme_name(self, name: str) -> str:
        name = THEME_ALIASES.get(name, name)
        if name in self.available_themes:
            return name
        self.config_warnings.append(f"unknown theme {name!r}; {DEFAULT_THEME} used")
        return DEFAULT_THEME

    def on_mount(self) -> None:
        self._apply_keymap(self.config.keys)
        for warning in self.config_warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=8, markup=False)
        self.push_screen(
            LibraryScreen(
                self.paths,
                max_bytes=self.max_bytes,
                source=self._source,
                source_total=self._source_total,
                stories=self._stories,
                loader=self.loader,
            )
        )

    def _apply_keymap(self, keys: dict[str, str]) -> None:
        if not keys:
            return  # nothing to check: keep every screen's import off the start path
        known = known_binding_ids()
        unknown = sorted(set(keys) - known)
        if unknown:
            self.notify(
                f"unknown binding id(s) in [keys]: {', '.join(unknown)}",
                title="Settings",
                severity="warning",
                markup=False,
            )
        self.set_keymap({k: v for k, v in keys.items() if k in known})

    # -- actions -----------------------------------------------------------------------

    def action_help(self) -> None:
        from newsdiff.ui.screens.help import HelpScreen, collect_keys

        screen = self.screen
        if isinstance(screen, HelpScreen):
            screen.dismiss(None)
            return
        focused = screen.focused
        about = " ".join(
            part for part in (getattr(screen, "HELP", ""), getattr(focused, "HELP", "")) if part
        )
        name = type(screen).__name__.removesuffix("Screen")
        self.push_screen(HelpScreen(f"Keys — {name}", about, collect_keys(screen)))

    def open_comparison(
        self, articles: Sequence[Article], documents: Sequence[Document | None] = ()
    ) -> None:
        """Compare ``articles`` (the first is the pivot), or say why that cannot happen."""
        from newsdiff.ui import engine

        if not engine.compare_available():
            self.notify(
                "The comparison engine is not in this build yet (newsdiff.core.compare).",
                title="Cannot compare",
                severity="warning",
            )
            return
        from newsdiff.ui.screens.compare import CompareScreen

        self.push_screen(CompareScreen(articles, documents))

    def set_theme(self, name: str) -> None:
        self.theme = self._theme_name(name)

    def palette_commands(self) -> Iterator[PaletteCommand]:
        yield PaletteCommand("Theme: dark", "newsdiff's dark theme", lambda: self.set_theme("dark"))
        yield PaletteCommand(
            "Theme: light", "newsdiff's light theme", lambda: self.set_theme("light")
        )
        yield PaletteCommand("Theme: choose…", "Any installed theme", self.action_change_theme)
        yield PaletteCommand("Help: keys", "Keys for the focused view", self.action_help)
        yield PaletteCommand("Quit", "Leave newsdiff", self.action_quit)


def known_binding_ids() -> set[str]:
    """Every binding id a keymap may override (from every screen and widget class)."""
    from newsdiff.ui.screens.compare import CompareScreen
    from newsdiff.ui.screens.export import ConfirmOverwrite, ExportScreen
    from newsdiff.ui.screens.help import HelpScreen
    from newsdiff.ui.screens.reader import ReaderScreen, SearchInput
    from newsdiff.ui.screens.story import PairTable, StoryScreen
    from newsdiff.ui.widgets.article_list import ArticleList
    from newsdiff.ui.widgets.article_view import ArticleView
    from newsdiff.ui.widgets.compare_view import CompareView
    from newsdiff.ui.widgets.filter_bar import FilterBar
    from newsdiff.ui.widgets.findings_panel import FindingsPanel
    from newsdiff.ui.widgets.span_panel import SpanPanel

    ids: set[str] = set()
    classes = (
        NewsdiffApp,
        LibraryScreen,
        ReaderScreen,
        CompareScreen,
        ExportScreen,
        ConfirmOverwrite,
        HelpScreen,
        StoryScreen,
        PairTable,
        ArticleList,
        ArticleView,
        CompareView,
        FindingsPanel,
        SpanPanel,
        FilterBar,
        SearchInput,
    )
    for cls in classes:
        for binding in cls.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                ids.add(binding.id)
    return ids
