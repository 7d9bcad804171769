"""Every key of the library screen, and what it changes."""

from __future__ import annotations

import threading

from textual.command import CommandPalette
from textual.widgets import Input

from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.screens.reader import ReaderScreen
from newsdiff.ui.screens.story import StoryScreen
from newsdiff.ui.widgets.article_list import ArticleList
from tests.conftest import sample
from tests.ui.conftest import (
    SampleStories,
    library_app,
    record_notifications,
    run,
    settle,
    synthetic_articles,
)


def _screen(app) -> LibraryScreen:
    assert isinstance(app.screen, LibraryScreen)
    return app.screen


def _screen_of(app, kind) -> bool:
    return isinstance(app.screen, kind)


def _list(app) -> ArticleList:
    return app.screen.query_one(ArticleList)


def test_loads_the_samples_with_the_list_focused() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            assert len(screen.model.articles) == 8
            # Grouped by the core: 000+003, 001+004 and 005+006 are stories, 002 and
            # 007 stand alone (002 related to the Istanbul stories).
            assert screen.model.entries == [~0, ~1, 2, ~3, 7]
            stories = [set(story.members) for story in screen.model.stories]
            assert stories == [{0, 3}, {1, 4}, {2}, {5, 6}, {7}]
            assert screen.model.stories[1].source == 1  # 001, the earlier wire report
            assert screen.model.stories[2].related == (0, 1)
            assert screen.model.overlap[1] > 0.5 and 7 not in screen.model.overlap
            assert "5 stories" in str(screen.query_one("#library-status").render())
            assert app.focused is _list(app)
            assert not screen.query_one("#load-bar").display

    run(scenario)


def test_down_up_j_k_move_the_cursor_and_the_preview() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            article_list = _list(app)
            title = app.screen.query_one("#preview-title")
            first = str(title.render())
            await pilot.press("j")
            assert article_list.cursor == 1
            await pilot.press("down", "down")
            assert article_list.cursor == 3
            await pilot.press("k")
            assert article_list.cursor == 2
            await pilot.press("up", "up", "up")
            assert article_list.cursor == 0
            await pilot.press("j")
            await settle(pilot)
            assert str(title.render()) != first

    run(scenario)


def test_paging_and_jumping_move_cursor_and_scroll() -> None:
    articles = synthetic_articles(500)

    async def scenario() -> None:
        app = library_app(source=lambda: iter(articles))
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            article_list = _list(app)
            height = article_list.scrollable_content_region.height
            await pilot.press("pagedown")
            assert article_list.cursor == height
            assert article_list.scroll_y == height
            await pilot.press("ctrl+f")
            assert article_list.cursor == 2 * height
            await pilot.press("pageup")
            assert article_list.cursor == height
            await pilot.press("ctrl+b")
            assert article_list.cursor == 0 and article_list.scroll_y == 0
            await pilot.press("G")
            assert article_list.cursor == 499
            assert article_list.scroll_y == 500 - height
            await pilot.press("g")
            assert article_list.cursor == 0 and article_list.scroll_y == 0
            await pilot.press("end")
            assert article_list.cursor == 499
            await pilot.press("home")
            assert article_list.cursor == 0

    run(scenario)


def test_story_rows_expand_and_collapse() -> None:
    async def scenario() -> None:
        app = library_app(stories=SampleStories())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            article_list = _list(app)
            assert screen.model.entries[:2] == [~0, ~1]
            assert len(screen.model.entries) == 6
            await pilot.press("l")
            assert screen.model.entries[:3] == [~0, 0, 3]
            await pilot.press("j", "h")  # collapsing from a report goes to its story
            assert article_list.cursor == 0
            assert screen.model.entries[:2] == [~0, ~1]
            await pilot.press("right")
            assert len(screen.model.entries) == 8
            await pilot.press("left")
            assert len(screen.model.entries) == 6
            await pilot.press("enter")  # enter on a story row opens its overview
            assert isinstance(app.screen, StoryScreen)
            assert app.screen.members == [0, 3]
            await pilot.press("escape")
            assert app.screen is screen and len(screen.model.entries) == 6

    run(scenario)


def test_related_story_is_shown_as_related() -> None:
    async def scenario() -> None:
        app = library_app(stories=SampleStories())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            position = screen.model.entries.index(2)  # sample 002
            _list(app).cursor = position
            await pilot.pause()
            assert "related:" in str(screen.query_one("#preview-title").render())
            assert "1 related" not in str(screen.query_one("#preview-title").render())

    run(scenario)


def test_space_marks_and_u_unmarks() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            await pilot.press("space")  # a story row marks all its reports
            assert screen.model.marked() == [0, 3]
            assert _list(app).cursor == 1
            await pilot.press("j", "space")  # sample 002 alone
            assert screen.model.marked() == [0, 3, 2]
            await pilot.press("k", "k", "k", "space")
            assert screen.model.marked() == [2]
            assert "1 marked" in str(screen.query_one("#library-status").render())
            await pilot.press("u")
            assert screen.model.marked() == []

    run(scenario)


def test_enter_opens_the_reader_and_escape_comes_back() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("j", "l", "j", "enter")  # 001 inside its story
            await settle(pilot)
            assert isinstance(app.screen, ReaderScreen)
            assert app.screen.article.path.endswith(sample("001").name)
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)
            assert _list(app).cursor == 2

    run(scenario)


def test_c_without_the_engine_says_so_and_stays(monkeypatch) -> None:
    from newsdiff.ui import engine

    monkeypatch.setattr(engine, "compare_available", lambda: False)

    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("space", "space", "c")
            assert isinstance(app.screen, LibraryScreen)
            assert any("comparison engine" in note for note in notes)

    run(scenario)


def test_c_with_nothing_marked_asks_for_marks() -> None:
    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("j", "j", "c")  # 002, a story of its own
            assert isinstance(app.screen, LibraryScreen)
            assert any("Mark two or more" in note for note in notes)

    run(scenario)


def test_c_compares_the_marked_reports(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("j", "l", "j", "space", "space", "c")  # 001 and 004, one by one
            await settle(pilot)
            assert _screen_of(app, CompareScreen)
            names = [d.article.path for d in app.screen.table.documents]
            assert names[0].endswith(sample("001").name)
            assert names[1].endswith(sample("004").name)

    run(scenario)


def test_c_compares_the_story_under_the_cursor(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app(stories=SampleStories())
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("j", "c")
            await settle(pilot)
            assert isinstance(app.screen, CompareScreen)
            assert app.screen.table.findings  # the 001/004 story

    run(scenario)


def test_two_paths_then_c_compares_them(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app([str(sample("001")), str(sample("004"))])
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("c")
            await settle(pilot)
            assert isinstance(app.screen, CompareScreen)
            assert len(app.screen.table.findings) == 6

    run(scenario)


def test_slash_filters_enter_keeps_escape_clears() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            await pilot.press("slash")
            field = screen.query_one("#filter", Input)
            assert field.display and app.focused is field
            await pilot.press(*"lewotobi")
            await settle(pilot)
            assert screen.model.entries == [~3]  # the story of 005 and 006
            await pilot.press("enter")
            assert app.focused is _list(app)
            await pilot.press("l")
            assert screen.model.entries == [~3, 5, 6]
            await pilot.press("escape")
            await settle(pilot)
            assert len(screen.model.entries) == 7
            assert not field.display

    run(scenario)


def test_filter_by_outlet_and_language() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            await pilot.press("slash", *"outlet:antara", "enter")
            await settle(pilot)
            # ANTARA twice (heading their stories), and "Warta Ekonomi Nusantara".
            assert screen.model.entries == [~0, ~1, 7]
            await pilot.press("slash", "ctrl+u", *"lang:en", "enter")
            await settle(pilot)
            assert screen.model.entries == [~3]

    run(scenario)


def test_s_sorts_by_the_next_column_and_shift_s_reverses() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            model = screen.model
            await pilot.press("s")
            assert model.sort_column == "title"
            titles = [model.articles[model.lead_article(e)].title.casefold() for e in model.entries]
            assert titles == sorted(titles) and len(titles) == 5
            await pilot.press("S")
            assert model.reverse
            titles = [model.articles[model.lead_article(e)].title.casefold() for e in model.entries]
            assert titles == sorted(titles, reverse=True)
            await pilot.press("s", "s")
            assert screen.model.sort_column == "date"

    run(scenario)


def test_sort_keeps_the_cursor_on_the_same_article() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("j", "j")  # sample 002 (KONTAN)
            await pilot.press("s")
            article_list = _list(app)
            assert article_list.current_entry == 2

    run(scenario)


def test_p_hides_and_shows_the_preview() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            preview = app.screen.query_one("#preview")
            await pilot.press("p")
            assert not preview.display
            await pilot.press("p")
            assert preview.display

    run(scenario)


def test_x_stops_loading_and_the_list_stays_usable() -> None:
    release = threading.Event()
    articles = synthetic_articles(50)

    def slow_source():
        yield from articles[:10]
        release.wait(5)
        yield from articles[10:]

    async def scenario() -> None:
        app = library_app(source=slow_source)
        notes = record_notifications(app)
        async with app.run_test(size=(100, 30)) as pilot:
            screen = app.screen
            for _ in range(100):
                await pilot.pause(0.02)
                if isinstance(app.screen, LibraryScreen) and app.screen.model.articles:
                    break
            screen = _screen(app)
            assert screen.is_loading and screen.query_one("#load-bar").display
            await pilot.press("j")
            assert _list(app).cursor == 1
            await pilot.press("x")
            release.set()
            await settle(pilot)
            assert not screen.is_loading
            assert len(screen.model.articles) < 50
            assert any("Loading stopped" in note for note in notes)

    run(scenario)


def test_x_does_nothing_once_loaded() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("x")
            assert len(_screen(app).model.articles) == 8

    run(scenario)


def test_e_opens_the_export_dialog() -> None:
    from newsdiff.ui.screens.export import ExportScreen

    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("e")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_question_mark_and_f1_open_help_for_the_library() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            for key in ("question_mark", "f1"):
                await pilot.press(key)
                assert isinstance(app.screen, HelpScreen)
                assert app.screen.help_title == "Keys — Library"
                descriptions = {k.description for k in app.screen.keys}
                assert {"Mark", "Compare", "Filter", "Quit"} <= descriptions
                await pilot.press("escape")
                assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_ctrl_p_opens_the_palette_with_newsdiff_commands() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("ctrl+p")
            await pilot.pause()
            assert isinstance(app.screen, CommandPalette)
            await pilot.press(*"theme: light")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.theme == "newsdiff-light"

    run(scenario)


def test_palette_sort_and_compare_commands() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            titles = [c.title for c in screen.palette_commands()]
            assert "Compare marked reports" in titles
            assert "Sort by outlet" in titles
            next(c for c in screen.palette_commands() if c.title == "Sort by outlet").run()
            assert screen.model.sort_column == "outlet"

    run(scenario)


def test_q_quits() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running

    run(scenario)


def test_clicking_a_heading_sorts_and_clicking_a_row_moves() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            await pilot.click("#list-header", offset=(6, 0))
            assert screen.model.sort_column == "title"
            await pilot.click("#list-header", offset=(6, 0))
            assert screen.model.reverse
            await pilot.click("#articles", offset=(10, 3))
            assert _list(app).cursor == 3

    run(scenario)


def test_entity_filter_analyses_the_library_then_filters() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            screen = _screen(app)
            await pilot.press("slash", *"entity:7000 jenazah", "enter")
            await settle(pilot)
            await settle(pilot)
            assert len(screen.entities) == 8
            model = screen.model
            assert model.entries == [~1]
            shown = {model.articles[i].path.rsplit("/", 1)[-1][:3] for i in model.members(~1)}
            assert shown == {"001", "004"}

    run(scenario)
