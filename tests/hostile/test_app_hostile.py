"""The app over hostile files, through pilot: open, read, compare, export — nothing acts.

``[@click=app.quit]`` in a title and a body must show as those characters and must
not quit the app; escape sequences and bidi overrides must show as visible marks; a
refused input must not stop the rest loading; the real engine (not a stand-in) does
the reading, comparing and exporting; no source file changes.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.export import ExportScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.screens.reader import ReaderScreen
from newsdiff.ui.widgets.article_list import ArticleList
from newsdiff.ui.widgets.article_view import ArticleView
from newsdiff.ui.widgets.compare_view import CompareView
from tests.hostile.conftest import tree_digest
from tests.hostile.generator import Manifest
from tests.hostile.inert import unsafe
from tests.ui.conftest import library_app, run, settle

PICKED = [
    "markup/click-title.txt",
    "markup/click.json",
    "escape/all-at-once.md",
    "escape/osc52-title.txt",
    "bidi/rlo-title.txt",
    "wide/emoji.txt",
    "feeds/laughs.rss",
    "nul/one-nul.txt",
]


@pytest.fixture
def folder(hostile: Manifest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    target = tmp_path / "hostile"
    for name in PICKED:
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(hostile.root / name, target / name)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.chdir(out)  # the export dialog saves into the current folder
    return target


def _lines(widget, count: int) -> str:
    return "\n".join("".join(s.text for s in widget.render_line(y)) for y in range(count))


def _inert(shown: str) -> None:
    assert not unsafe(shown.encode("utf-8", "surrogatepass")), unsafe(shown.encode())


def test_open_read_compare_export_a_hostile_folder(folder: Path) -> None:
    before = tree_digest(folder)

    async def scenario() -> None:
        app = library_app([str(folder)])
        async with app.run_test(size=(160, 48)) as pilot:
            await settle(pilot)
            library = app.screen
            assert isinstance(library, LibraryScreen)
            listing = library.query_one(ArticleList)
            # The library groups reports into stories: open every story so each
            # report has a row of its own.
            model = library.model
            for story in range(len(model.stories)):
                model.toggle_expanded(story, True)
            model.rebuild()
            listing.refresh_entries()
            await pilot.pause()
            reports = [position for position, entry in enumerate(model.entries) if entry >= 0]
            shown = _lines(listing, listing.size.height)
            _inert(shown)
            assert "[@click=app.quit]" in shown  # literal, in a title
            assert "\\x1b" in shown  # the escape, made visible

            # Read every article: the body is text, whatever it holds.
            seen_click = False
            for position in reports[: len(PICKED) - 2]:
                listing.cursor = position
                await pilot.press("enter")
                await settle(pilot)
                reader = app.screen
                assert isinstance(reader, ReaderScreen)
                body = reader.query_one("#body", ArticleView)
                text = _lines(body, body.line_count)
                _inert(text)
                if "[@click=app.quit]keluar" in text:
                    seen_click = True
                    # Clicking the words does nothing either: they are not a link.
                    row = text.split("\n").index(
                        next(line for line in text.split("\n") if "[@click" in line)
                    )
                    column = text.split("\n")[row].index("[@click") + 3
                    await pilot.click(ArticleView, offset=(column, row - int(body.scroll_y)))
                    await pilot.pause()
                    assert app.is_running and isinstance(app.screen, ReaderScreen)
                for key in ("n", "n", "j", "end", "home"):
                    await pilot.press(key)
                await pilot.press("escape")
                await settle(pilot)
                assert isinstance(app.screen, LibraryScreen) and app.is_running
            assert seen_click

            # Compare two hostile reports with the real engine.
            listing.cursor = reports[0]
            await pilot.press("space")
            listing.cursor = reports[1]
            await pilot.press("space")
            await pilot.press("c")
            await settle(pilot)
            compare = app.screen
            assert isinstance(compare, CompareScreen)
            view = compare.query_one(CompareView)
            _inert(_lines(view, view.size.height))
            for key in ("n", "j", "pagedown"):
                await pilot.press(key)

            # Export the comparison through the dialog.
            await pilot.press("e")
            await pilot.pause()
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("enter")
            await settle(pilot)
            assert app.is_running and app.return_code is None

    run(scenario)
    assert tree_digest(folder) == before
    written = list(Path.cwd().iterdir())
    assert written, "the export dialog wrote nothing"
    for path in written:
        data = path.read_bytes()
        assert not unsafe(data), (path.name, unsafe(data))
        assert b"<script" not in data.lower()
