"""The app shell: settings, themes, keymaps, help, errors, NO_COLOR, small terminals."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.ui.app import NewsdiffApp, known_binding_ids
from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.widgets.article_list import ArticleList
from tests.conftest import SAMPLES
from tests.ui.conftest import library_app, record_notifications, run, settle


def _app_with_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str) -> NewsdiffApp:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("NEWSDIFF_CONFIG", str(path))
    return NewsdiffApp([str(SAMPLES)])


def test_the_theme_comes_from_the_settings(tmp_path: Path, monkeypatch) -> None:
    app = _app_with_settings(tmp_path, monkeypatch, 'theme = "light"\n')
    assert app.theme == "newsdiff-light"


def test_a_broken_settings_file_is_a_notification_not_a_crash(tmp_path, monkeypatch) -> None:
    app = _app_with_settings(tmp_path, monkeypatch, "theme = = =\n")
    notes = record_notifications(app)

    async def scenario() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert app.theme == "newsdiff-dark"
            assert any("not valid TOML" in note for note in notes)
            assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_an_unknown_theme_falls_back_with_a_warning(tmp_path, monkeypatch) -> None:
    app = _app_with_settings(tmp_path, monkeypatch, 'theme = "no-such-theme"\n')
    assert app.theme == "newsdiff-dark"
    assert any("unknown theme" in w for w in app.config_warnings)


def test_keymap_overrides_by_binding_id(tmp_path, monkeypatch) -> None:
    app = _app_with_settings(
        tmp_path, monkeypatch, '[keys]\n"library.down" = "n"\n"no.such" = "z"\n'
    )
    notes = record_notifications(app)

    async def scenario() -> None:
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("n")
            assert app.screen.query_one(ArticleList).cursor == 1
            await pilot.press("j")  # the old key is replaced
            assert app.screen.query_one(ArticleList).cursor == 1
            assert any("no.such" in note for note in notes)

    run(scenario)


def test_default_layers_from_the_settings(tmp_path, monkeypatch) -> None:
    app = _app_with_settings(tmp_path, monkeypatch, "[layers]\ndiff = false\nvalues = false\n")

    async def scenario() -> None:
        from tests.ui.fixtures import comparison_001_004, document_001

        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            from newsdiff.ui.screens.reader import ReaderScreen

            document = document_001()
            await app.push_screen(ReaderScreen(document.article, document))
            await pilot.pause()
            kinds = {s.kind for s in app.screen.query_one("#body").visible_spans()}
            assert kinds and all(k.value in {"PERSON", "ORG", "PLACE"} for k in kinds)
            app.pop_screen()
            comparison = comparison_001_004()
            await app.push_screen(
                CompareScreen(
                    [comparison.left.article, comparison.right.article], comparisons=[comparison]
                )
            )
            await pilot.pause()
            assert app.screen.shown_layers == {"entities"}

    run(scenario)


def test_every_binding_has_an_id_and_ids_are_unique() -> None:
    """Keymaps override bindings by id: a binding without one could not be remapped."""
    import importlib
    import pkgutil

    from textual.binding import Binding
    from textual.dom import DOMNode

    import newsdiff.ui

    seen: dict[str, str] = {}
    for info in pkgutil.walk_packages(newsdiff.ui.__path__, prefix="newsdiff.ui."):
        module = importlib.import_module(info.name)
        for cls in vars(module).values():
            if not (isinstance(cls, type) and issubclass(cls, DOMNode)):
                continue
            if cls.__module__ != module.__name__:
                continue
            for binding in cls.__dict__.get("BINDINGS", []):
                assert isinstance(binding, Binding), f"{cls.__name__}: {binding!r}"
                assert binding.id, f"{cls.__name__}: {binding.key} has no id"
                assert seen.setdefault(binding.id, cls.__name__) == cls.__name__, binding.id
    assert set(seen) == known_binding_ids()


def test_help_is_modal_and_scrolls() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.press("f1")
            screen = app.screen
            assert isinstance(screen, HelpScreen)
            box = screen.query_one("#help-box")
            await pilot.press("j", "j")
            assert box.scroll_y == 2
            await pilot.press("k")
            assert box.scroll_y == 1
            await pilot.press("question_mark")
            assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_no_color_is_respected(monkeypatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = library_app()
    assert app.no_color

    async def scenario() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            view = app.screen.query_one(ArticleList)
            assert view.get_component_rich_style("list--story").bold

    run(scenario)


def test_kinds_differ_by_text_style_alone() -> None:
    """With NO_COLOR every colour turns grey: the kinds must still look different."""

    async def scenario() -> None:
        from newsdiff.ui.kinds import KIND_CLASS
        from newsdiff.ui.widgets.legend import Legend

        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            legend = Legend()
            await app.screen.mount(legend)
            looks = set()
            for name in KIND_CLASS.values():
                style = legend.get_component_rich_style(name, partial=True)
                looks.add(
                    (
                        style.bold,
                        style.italic,
                        style.underline,
                        style.overline,
                        style.underline2,
                        style.reverse,
                    )
                )
            assert len(looks) == len(KIND_CLASS)

    run(scenario)


def test_small_terminal_keeps_list_preview_and_footer() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert "-narrow" in screen.classes
            article_list = screen.query_one(ArticleList)
            assert article_list.size.height >= 8
            assert screen.query_one("#preview").size.height >= 5
            assert article_list.size.width >= 78

    run(scenario)


def test_a_failing_worker_is_a_notification() -> None:
    async def scenario() -> None:
        def broken_source():
            raise OSError("disk on fire")
            yield  # pragma: no cover

        app = library_app(source=broken_source)
        notes = record_notifications(app)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            await pilot.pause(0.2)
            assert app.is_running
            assert any("disk on fire" in note for note in notes)

    run(scenario)


def test_starting_the_app_keeps_heavy_modules_off_the_start_path() -> None:
    script = (
        "import sys\n"
        "import newsdiff.ui.app\n"
        "heavy = ['newsdiff.ui.screens.reader', 'newsdiff.ui.screens.compare',\n"
        "         'newsdiff.core.analyze', 'newsdiff.ui.compare_table', 'rapidfuzz', 'numpy',\n"
        "         'trafilatura', 'lxml', 'newsdiff.ui.screens.help']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
