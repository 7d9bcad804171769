"""The export dialog: keys, default names, formats, the overwrite question, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Input, RadioSet

from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.export import ConfirmOverwrite, ExportScreen
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.screens.reader import ReaderScreen
from tests.ui.conftest import SampleStories, library_app, record_notifications, run, settle
from tests.ui.fixtures import comparison_001_004, document_001
from tests.ui.test_compare_keys import open_compare
from tests.ui.test_reader_keys import open_reader


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Exports land in the current folder: a fresh one per test."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


async def _dialog(pilot) -> ExportScreen:
    await pilot.press("e")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ExportScreen)
    return screen


def _path(screen: ExportScreen) -> str:
    return screen.query_one("#export-path", Input).value


def test_e_in_the_reader_exports_the_article_with_enter(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            dialog = await _dialog(pilot)
            assert _path(dialog) == "001-antara-istanbul-third-round-23-july.html"
            assert app.focused is dialog.query_one("#export-path")
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            written = in_tmp / "001-antara-istanbul-third-round-23-july.html"
            page = written.read_text(encoding="utf-8")
            assert page.startswith("<!DOCTYPE html>") and "Vladimir Medinsky</mark>" in page
            assert any(f"to {written}" in note and "Saved the article" in note for note in notes)

    run(scenario)


def test_choosing_a_format_changes_the_name_and_what_is_written(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            dialog = await _dialog(pilot)
            await pilot.press("shift+tab")  # from the name to the formats
            assert app.focused is dialog.query_one(RadioSet)
            await pilot.press("down", "down", "enter")  # HTML → Markdown → JSON
            assert _path(dialog) == "001-antara-istanbul-third-round-23-july.json"
            await pilot.press("tab")
            assert app.focused is dialog.query_one("#export-path")
            await pilot.press("ctrl+u", *"mine.json", "enter")
            await settle(pilot)
            record = json.loads((in_tmp / "mine.json").read_text(encoding="utf-8"))
            assert record["schema"] == "newsdiff.entities/1"
            assert record["spans"][0]["text"] == "Istanbul"

    run(scenario)


def test_brat_writes_two_files_for_an_article(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            dialog = await _dialog(pilot)
            await pilot.press("shift+tab", "down", "down", "down", "down", "enter")
            assert _path(dialog) == "001-antara-istanbul-third-round-23-july"
            assert "NAME.txt and NAME.ann" in str(dialog.query_one("#export-status").render())
            await pilot.press("tab", "enter")
            await settle(pilot)
            names = sorted(p.name for p in in_tmp.iterdir())
            assert names == [
                "001-antara-istanbul-third-round-23-july.ann",
                "001-antara-istanbul-third-round-23-july.txt",
            ]

    run(scenario)


def test_an_existing_file_is_replaced_only_after_yes(in_tmp: Path) -> None:
    target = in_tmp / "001-antara-istanbul-third-round-23-july.html"
    target.write_text("precious", encoding="utf-8")

    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            dialog = await _dialog(pilot)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmOverwrite)
            await pilot.press("n")
            await settle(pilot)
            assert app.screen is dialog
            assert target.read_text(encoding="utf-8") == "precious"
            assert "Not replaced" in str(dialog.query_one("#export-status").render())
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ConfirmOverwrite)
            await pilot.press("escape")  # escape keeps the file too
            await pilot.pause()
            assert target.read_text(encoding="utf-8") == "precious"
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("y")
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
            assert any("Saved the article" in note for note in notes)
            assert sorted(p.name for p in in_tmp.iterdir()) == [target.name]

    run(scenario)


def test_escape_cancels_and_writes_nothing(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            await _dialog(pilot)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, ReaderScreen)
            assert list(in_tmp.iterdir()) == []

    run(scenario)


def test_a_missing_folder_is_an_error_in_the_dialog(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            dialog = await _dialog(pilot)
            await pilot.press("ctrl+u", *"nowhere/out.html", "enter")
            await settle(pilot)
            assert app.screen is dialog
            status = str(dialog.query_one("#export-status").render())
            assert "does not exist" in status
            assert any("does not exist" in note for note in notes)
            assert list(in_tmp.iterdir()) == []

    run(scenario)


def test_e_on_the_compare_screen_exports_the_comparison_with_findings(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_compare(pilot)
            dialog = await _dialog(pilot)
            assert _path(dialog) == "001-vs-004.html"
            await pilot.press("enter")
            await settle(pilot)
            assert isinstance(app.screen, CompareScreen)
            page = (in_tmp / "001-vs-004.html").read_text(encoding="utf-8")
            assert '<table class="compare cols-2">' in page
            assert "Findings (6)" in page and 'href="#r3"' in page

    run(scenario)


def test_a_swapped_comparison_exports_as_shown(in_tmp: Path, with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_compare(pilot, [comparison_001_004()])
            await pilot.press("s")
            dialog = await _dialog(pilot)
            assert _path(dialog) == "004-vs-001.html"
            await pilot.press("shift+tab", "down", "down", "enter", "tab", "enter")
            await settle(pilot)
            record = json.loads((in_tmp / "004-vs-001.json").read_text(encoding="utf-8"))
            assert record["left"]["path"].endswith(".txt") and "004" in record["left"]["path"]

    run(scenario)


def test_e_in_the_library_exports_a_story_or_the_report(in_tmp: Path) -> None:
    async def scenario() -> None:
        app = library_app(stories=SampleStories())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            # The first row is the story of 000 and 003.
            dialog = await _dialog(pilot)
            assert _path(dialog) == "story-000-003.html"
            assert "story of 2 reports" in str(dialog.query_one("#export-title").render())
            await pilot.press("shift+tab", "down", "down", "enter", "tab", "enter")
            await settle(pilot)
            story = json.loads((in_tmp / "story-000-003.json").read_text(encoding="utf-8"))
            assert story["schema"] == "newsdiff.story/1" and len(story["pairs"]) == 1
            # A single report under the cursor exports as an article.
            entry = next(e for e in screen.model.entries if e >= 0 and not screen.model.is_child(e))
            screen.article_list.cursor = screen.model.entries.index(entry)
            dialog = await _dialog(pilot)
            assert dialog.request.kind == "article"

    run(scenario)


def test_palette_and_help_know_the_dialog() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot, document_001())
            titles = [c.title for c in screen.palette_commands()]
            assert "Export…" in titles
            await _dialog(pilot)
            await pilot.press("f1")  # "?" would be typed into the file name
            assert isinstance(app.screen, HelpScreen)
            assert app.screen.help_title == "Keys — Export"
            keys = {k.description for k in app.screen.keys}
            assert {"Cancel", "Export", "Help"} <= keys
            await pilot.press("escape")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("q")  # typed: the name field has focus
            assert _path(app.screen).endswith(".htmlq")

    run(scenario)
