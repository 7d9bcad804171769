"""Every key of the reader, and what it changes."""

from __future__ import annotations

from dataclasses import replace

from textual.widgets import Input

from newsdiff.core.model import Document, SpanKind
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.screens.reader import ReaderScreen
from newsdiff.ui.widgets.article_view import ArticleView
from newsdiff.ui.widgets.legend import Legend
from newsdiff.ui.widgets.span_panel import SpanPanel
from tests.ui.conftest import library_app, run, settle
from tests.ui.fixtures import document_001


async def open_reader(pilot, document: Document | None = None) -> ReaderScreen:
    await settle(pilot)
    document = document or document_001()
    await pilot.app.push_screen(ReaderScreen(document.article, document))
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def _body(screen: ReaderScreen) -> ArticleView:
    return screen.query_one("#body", ArticleView)


def test_the_body_has_focus_and_every_span_is_a_highlight() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            assert app.focused is body
            assert len(body.targets()) == len(screen.document.spans)
            assert "20 highlights" in str(screen.query_one("#reader-status").render())

    run(scenario)


def test_n_and_shift_n_step_through_highlights() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            await pilot.press("n")
            assert body.current == 0
            await pilot.press("n", "n")
            assert body.current == 2
            await pilot.press("N")
            assert body.current == 1
            assert "highlight 2 of 20" in str(screen.query_one("#reader-status").render())

    run(scenario)


def test_n_scrolls_a_far_highlight_into_view() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            await pilot.press("N")  # wraps to the last highlight, near the end
            start, _ = body.targets()[body.current]
            line = body.line_of(start)
            top = int(body.scroll_y)
            assert body.scroll_y > 0
            assert top <= line < top + body.scrollable_content_region.height

    run(scenario)


def test_number_keys_toggle_each_kind() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            people = sum(1 for s in screen.document.spans if s.kind == SpanKind.PERSON)
            total = len(body.targets())
            await pilot.press("1")
            assert SpanKind.PERSON in body.hidden_kinds
            assert SpanKind.PERSON in screen.query_one(Legend).hidden
            assert len(body.targets()) == total - people
            await pilot.press("1")
            assert not body.hidden_kinds
            for key in "23456789":
                await pilot.press(key)
            assert len(body.hidden_kinds) == 8
            assert {s.kind for s in body.visible_spans()} == {SpanKind.PERSON}

    run(scenario)


def test_slash_searches_and_n_steps_through_hits() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            await pilot.press("slash")
            field = screen.query_one("#search", Input)
            assert app.focused is field
            await pilot.press(*"pertukaran")
            hits = body.search_ranges()
            assert len(hits) == screen.document.text.lower().count("pertukaran")
            assert body.current == 0
            await pilot.press("enter")
            assert app.focused is body and not field.display
            await pilot.press("n")
            assert body.current == 1
            assert body.search == "pertukaran"
            await pilot.press("escape")  # first escape clears the search
            assert body.search == "" and isinstance(app.screen, ReaderScreen)
            await pilot.press("escape")  # the second goes back
            assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_search_treats_markup_and_regex_characters_literally() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            await pilot.press("slash", *"[bold](23/7).*")
            assert body.search_ranges() == []
            await pilot.press("escape")
            await pilot.press("slash", *"(23/7)")
            assert len(body.search_ranges()) == 1

    run(scenario)


def test_tab_moves_to_the_panel_and_enter_marks_every_occurrence() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            panel = screen.query_one(SpanPanel)
            await pilot.press("tab")
            assert app.focused is panel
            # Move to "Istanbul ×3" under Places and choose it.
            target = next(
                i
                for i, option in enumerate(panel.options)
                if option.id and option.id.endswith("Istanbul") and option.id.startswith("PLACE")
            )
            panel.highlighted = target
            await pilot.press("enter")
            assert body.marked == (SpanKind.PLACE, "Istanbul")
            assert len(body.marked_ranges()) == 3
            assert body.current == 0
            await pilot.press("tab")
            assert app.focused is body
            await pilot.press("n")
            assert body.current == 1 and len(body.targets()) == 3
            await pilot.press("tab", "enter")  # choosing it again clears the mark
            assert body.marked is None

    run(scenario)


def test_shift_b_hides_boilerplate_lines() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            body = _body(screen)
            before = body.line_count
            await pilot.press("B")
            assert body.hide_boilerplate
            article = screen.document.article
            shown = [line for line in body._lines if line.end > line.start]
            assert not any(article.is_boilerplate(line.start, line.end) for line in shown)
            assert body.line_count < before
            await pilot.press("B")
            assert body.line_count == before

    run(scenario)


def test_p_hides_the_panel() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_reader(pilot)
            panel = screen.query_one(SpanPanel)
            await pilot.press("p")
            assert not panel.display
            await pilot.press("tab")
            assert app.focused is _body(screen)
            await pilot.press("p")
            assert panel.display

    run(scenario)


def test_scroll_keys_move_the_body() -> None:
    long = document_001()
    text = (long.text + "\n") * 20
    long = replace(long, article=replace(long.article, text=text, boilerplate=()), spans=())

    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_reader(pilot, long)
            body = _body(screen)
            page = body.scrollable_content_region.height
            await pilot.press("j", "j")
            assert body.scroll_y == 2
            await pilot.press("k")
            assert body.scroll_y == 1
            await pilot.press("space")
            assert body.scroll_y == 1 + page
            await pilot.press("b")
            assert body.scroll_y == 1
            await pilot.press("G")
            assert body.scroll_y == body.max_scroll_y > 0
            await pilot.press("g")
            assert body.scroll_y == 0
            await pilot.press("pagedown")
            assert body.scroll_y == page

    run(scenario)


def test_e_opens_the_export_dialog_and_help_lists_reader_keys() -> None:
    from newsdiff.ui.screens.export import ExportScreen

    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await open_reader(pilot)
            await pilot.press("e")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("escape")
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            assert app.screen.help_title == "Keys — Reader"
            keys = {k.description: k for k in app.screen.keys}
            assert {"Next", "Search", "Show/hide person"} <= set(keys)
            assert keys["Down"].where == "the focused panel"
            await pilot.press("f1")
            assert isinstance(app.screen, ReaderScreen)

    run(scenario)


def test_opening_without_a_document_analyses_in_a_worker() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            article = app.screen.model.articles[1]
            await app.push_screen(ReaderScreen(article))
            await settle(pilot)
            screen = app.screen
            assert screen.document is not None
            assert len(screen.document.sentences) > 5

    run(scenario)
