"""Stories in the app: the core's grouping in the library, and the story overview.

The library groups with the real core (the cache in a temporary folder, see
``conftest.isolated_settings``); the overview's findings come from the engine (the
hand-built ``001``/``004`` comparison stands in where the test says ``with_engine``).
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
from textual.widgets import DataTable

from newsdiff.core.model import Article
from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.export import ExportScreen
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.screens.story import StoryScreen
from newsdiff.ui.stories import CoreStories, Grouping, Story
from newsdiff.ui.widgets.article_list import ArticleList
from tests.ui.conftest import library_app, record_notifications, run, settle


def _cells(table: DataTable) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]


async def open_story(pilot) -> StoryScreen:
    """From the grouped samples: the 001/004 story's overview, its pair compared."""
    await settle(pilot)
    await pilot.press("j", "enter")
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, StoryScreen)
    return screen


def test_the_library_is_grouped_in_a_worker_with_real_overlap_and_related() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            article_list = screen.query_one(ArticleList)
            rows = [
                article_list.row_text(e, 120, article_list.rich_style).plain
                for e in screen.model.entries
            ]
            assert rows[1].startswith("  ▸ (2) Delegasi Rusia")
            assert rows[1].rstrip().endswith("62%")  # 001: 62% of it rewritten in 004
            assert "↔ Kremlin" in rows[2] and rows[2].rstrip().endswith("–")  # 002: related
            await pilot.press("j", "l", "j")  # 001 under its story: the likely source
            assert "└ ★ Delegasi" in article_list.row_text(1, 120, article_list.rich_style).plain
            await pilot.press("j", "j")  # 002
            await settle(pilot)
            title = str(screen.query_one("#preview-title").render())
            assert "↔ related:" in title and "different day" in title

    run(scenario)


def test_a_narrow_preview_keeps_the_details_story_and_related_lines() -> None:
    """At 80 columns the preview sits under the list: one line each for the title,
    the outlet and date, the story and the related reports, cut rather than wrapped."""

    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            title = app.screen.query_one("#preview-title")
            lines = [
                "".join(segment.text for segment in strip).rstrip()
                for strip in title.render_lines(title.content_region.reset_offset)
            ]
            assert len(lines) == 4
            assert lines[0].startswith("Delegasi Rusia dan Ukraina") and lines[0].endswith("…")
            assert lines[1].startswith("ANTARA · 2025-05-16 · id")
            assert lines[2].startswith("story of 2 reports · likely source")
            assert lines[3].startswith("↔ related:")

    run(scenario)


def test_o_opens_the_story_of_the_report_under_the_cursor_and_escape_returns() -> None:
    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            library = app.screen
            await pilot.press("j", "l", "j", "j")  # 004, inside the 001/004 story
            await pilot.press("o")
            await settle(pilot)
            assert isinstance(app.screen, StoryScreen)
            assert [m for m in app.screen.members] == [1, 4]  # the source first
            await pilot.press("escape")
            assert app.screen is library
            await pilot.press("j", "o")  # 002 stands alone
            assert app.screen is library
            assert any("story of its own" in note for note in notes)

    run(scenario)


def test_the_overview_shows_reports_source_shares_and_counts_findings(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_story(pilot)
            reports = _cells(screen.query_one("#story-reports", DataTable))
            assert reports[0][0] == "★A" and reports[0][2] == "ANTARA"
            assert reports[1][3] == "2027-07-23"
            source = str(screen.query_one("#story-source").render())
            assert "Likely source: A" in source and "earliest date (2025-07-23)" in source
            pairs = _cells(screen.pair_table)
            # 001 (left) against 004: 62% of 001 rewritten in 004, 35% of 004 in 001.
            assert pairs == [["A ↔ B", "22%", "0%", "62%", "0%", "35%", "6"]]
            assert "1 pair compared · 6 findings" in str(screen.query_one("#story-status").render())
            assert "Related, not this story" in str(screen.query_one("#story-related").render())
            assert app.focused is screen.pair_table

    run(scenario)


@pytest.mark.parametrize("key", ["enter", "c"])
def test_enter_and_c_open_the_pair_already_compared(with_engine: None, key: str) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            story = await open_story(pilot)
            made = story.comparisons[(1, 4)]
            await pilot.press(key)
            await settle(pilot)
            assert isinstance(app.screen, CompareScreen)
            assert app.screen.result == [made]  # reused, not compared again
            names = [d.article.path for d in app.screen.table.documents]
            assert "001-" in names[0] and "004-" in names[1]
            await pilot.press("escape")
            assert app.screen is story

    run(scenario)


class ThreeReports:
    """One story of three samples (no pair figures): every pair is listed."""

    name = "three"

    def group(self, articles: Sequence[Article], progress=None, cancelled=None) -> Grouping:  # type: ignore[no-untyped-def]
        rest = [Story((i,)) for i in range(len(articles)) if i not in (0, 1, 3)]
        return Grouping((Story((0, 1, 3)), *rest))


def test_j_and_k_move_between_pairs(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app(stories=ThreeReports())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("o")
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, StoryScreen)
            assert [row[0] for row in _cells(screen.pair_table)] == ["A ↔ B", "A ↔ C", "B ↔ C"]
            await pilot.press("j")
            assert screen.pair_table.cursor_row == 1 and screen.current_pair() == (0, 3)
            await pilot.press("j", "k", "k")
            assert screen.pair_table.cursor_row == 0
            # Without grouping figures, the engine's similarity fills the column.
            assert all(row[1] != "–" for row in _cells(screen.pair_table))

    run(scenario)


def test_e_exports_the_story_with_the_groupings_figures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)

    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            story = await open_story(pilot)
            await pilot.press("e")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, ExportScreen) and dialog.request.kind == "story"
            assert "story of 2 reports" in str(dialog.query_one("#export-title").render())
            await pilot.press("shift+tab", "down", "down", "enter", "tab", "enter")  # JSON
            await settle(pilot)
            assert app.screen is story
            record = json.loads((tmp_path / "story-001-004.json").read_text(encoding="utf-8"))
            assert record["source"].endswith("001-antara-istanbul-third-round-23-july.txt")
            assert "earliest date (2025-07-23)" in record["source_reasons"]
            (pair,) = record["pairs"]
            assert pair["left"] == record["source"]
            assert pair["rewritten"] == pytest.approx(0.62, abs=0.01)
            assert pair["rewritten_back"] == pytest.approx(0.35, abs=0.01)

    run(scenario)


def test_help_on_the_story_screen_lists_its_keys() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_story(pilot)
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            assert app.screen.help_title == "Keys — Story"
            descriptions = {k.description for k in app.screen.keys}
            assert {"Compare pair", "Export…", "Back"} <= descriptions

    run(scenario)


class Blocking:
    """A grouping that runs until it is told to stop."""

    name = "blocking"

    def __init__(self) -> None:
        self.started = threading.Event()

    def group(self, articles, progress=None, cancelled=None) -> Grouping:  # type: ignore[no-untyped-def]
        self.started.set()
        for step in range(500):
            if cancelled is not None and cancelled():
                raise InterruptedError("stopped")
            if progress is not None:
                progress("verifying", step, 500)
            threading.Event().wait(0.01)
        raise AssertionError("never stopped")


def test_x_stops_grouping_and_the_list_stays_one_story_per_report() -> None:
    async def scenario() -> None:
        source = Blocking()
        app = library_app(stories=source)
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            for _ in range(200):
                await pilot.pause(0.02)
                screen = app.screen
                if isinstance(screen, LibraryScreen) and screen.is_grouping:
                    break
            screen = app.screen
            assert isinstance(screen, LibraryScreen) and screen.is_grouping
            await pilot.pause(0.5)  # long enough for the progress line
            assert "Grouping stories: verifying" in str(screen.query_one("#load-status").render())
            await pilot.press("j")  # the list is usable meanwhile
            assert screen.query_one(ArticleList).cursor == 1
            await pilot.press("x")
            await settle(pilot)
            assert not screen.is_grouping
            assert screen.model.entries == list(range(8))
            assert any("Grouping stopped" in note for note in notes)

    run(scenario)


def test_a_cache_that_cannot_be_opened_is_skipped_with_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(not_a_folder))

    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert app.screen.model.entries == [~0, ~1, 2, ~3, 7]
            assert any("story cache not used" in note for note in notes)

    run(scenario)


def test_a_foreign_cache_file_is_set_aside_and_grouping_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "stories.sqlite3").write_bytes(b"not a database at all" * 100)
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(cache))

    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            assert app.screen.model.entries == [~0, ~1, 2, ~3, 7]
            assert any("set aside" in note for note in notes)
            assert list(cache.glob("stories.sqlite3.broken-*"))

    run(scenario)


def test_core_stories_retry_without_the_cache_when_it_fails_mid_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsdiff.core import group
    from newsdiff.core.ingest import load
    from tests.conftest import SAMPLES

    articles = load([str(SAMPLES)]).articles
    real = group.group_articles

    def flaky(articles, *, store=None, **kwargs):  # type: ignore[no-untyped-def]
        if store is not None:
            raise sqlite3.OperationalError("disk I/O error")
        return real(articles, store=None, **kwargs)

    monkeypatch.setattr(group, "group_articles", flaky)
    grouping = CoreStories(tmp_path / "cache").group(articles)
    assert sorted(len(s.members) for s in grouping.stories) == [1, 1, 2, 2, 2]
    assert any("grouped without it" in w for w in grouping.warnings)


def test_core_stories_reuse_the_cache_on_the_second_opening(tmp_path: Path) -> None:
    from newsdiff.core.ingest import load
    from tests.conftest import SAMPLES

    articles = load([str(SAMPLES)]).articles
    first = CoreStories(tmp_path).group(articles)
    assert (tmp_path / "stories.sqlite3").exists()
    stages: list[str] = []
    second = CoreStories(tmp_path).group(articles, progress=lambda s, d, t: stages.append(s))
    assert second.stories == first.stories and not second.warnings
    assert stages == []  # a finished grouping looked up, nothing recomputed
