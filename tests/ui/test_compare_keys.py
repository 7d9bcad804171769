"""Every key of the compare screen, against the hand-built 001/004 comparison."""

from __future__ import annotations

from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.export import ExportScreen
from newsdiff.ui.screens.help import HelpScreen
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.widgets.compare_view import CompareView
from newsdiff.ui.widgets.findings_panel import FindingsPanel
from tests.conftest import sample
from tests.ui.conftest import library_app, record_notifications, run, settle
from tests.ui.fixtures import comparison_001_004, synthetic_comparison, three_way


async def open_compare(pilot, comparisons=None) -> CompareScreen:
    await settle(pilot)
    comparisons = comparisons or [comparison_001_004()]
    if isinstance(comparisons, list):
        articles = [comparisons[0].left.article, comparisons[0].right.article]
    else:  # the result of compare_many
        articles = [document.article for document in comparisons.documents]
    await pilot.app.push_screen(CompareScreen(articles, comparisons=comparisons))
    await settle(pilot)
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, CompareScreen)
    return screen


def _view(screen: CompareScreen) -> CompareView:
    return screen.query_one(CompareView)


def test_rows_columns_and_focus() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            view = _view(screen)
            assert app.focused is view
            assert view.row_count == 18
            assert screen.table.columns == 2
            assert len(screen.panel.options) == 6

    run(scenario)


def test_n_goes_to_each_finding_marks_both_sides_and_scrolls() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(80, 24)) as pilot:
            screen = await open_compare(pilot)
            view = _view(screen)
            await pilot.press("n")
            assert screen.finding_position == 0
            assert view.cursor_row == 2
            assert view.finding is screen.table.findings[0]
            await pilot.press("n", "n", "n")
            assert screen.finding_position == 3
            assert view.cursor_row == 8  # the certainty change
            top = int(view.scroll_y)
            start = view._row_starts[8]
            assert top <= start < top + view.scrollable_content_region.height
            assert screen.panel.highlighted == 3
            await pilot.press("N")
            assert screen.finding_position == 2
            for _ in range(4):
                await pilot.press("n")
            assert screen.finding_position == 0  # wraps around

    run(scenario)


def test_choosing_a_finding_in_the_panel_goes_to_it() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            await pilot.press("tab")
            panel = screen.query_one(FindingsPanel)
            assert app.focused is panel
            await pilot.press("down", "down", "down", "down", "enter")
            assert screen.finding_position == 4
            # The attribution finding has no row of its own: its sentence's row is used.
            assert _view(screen).cursor_row == 10
            await pilot.press("tab")
            assert app.focused is _view(screen)

    run(scenario)


def test_s_swaps_sides() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            left = screen.table.documents[0]
            await pilot.press("s")
            assert screen.table.documents[1] is left
            assert screen.table.rows[0].cells[0] is not None
            await pilot.press("s")
            assert screen.table.documents[0] is left

    run(scenario)


def test_number_keys_toggle_layers() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            view = _view(screen)
            for key, name in (("1", "diff"), ("2", "entities"), ("3", "values")):
                await pilot.press(key)
                assert name not in view.shown_layers
                assert f"{name}" not in screen.shown_layers
            status = str(screen.query_one("#compare-status").render())
            assert "word changes off" in status
            await pilot.press("1")
            assert "diff" in view.shown_layers

    run(scenario)


def test_layers_change_what_is_drawn() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            view = _view(screen)
            before = view._build_layers(0)
            await pilot.press("1")
            after = view._build_layers(0)
            assert len(before) == len(after) + 1

    run(scenario)


def test_cursor_and_paging_keys() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot, [synthetic_comparison(300)])
            view = _view(screen)
            await pilot.press("j", "j", "down")
            assert view.cursor_row == 3
            await pilot.press("k", "up")
            assert view.cursor_row == 1
            page = view.scrollable_content_region.height
            await pilot.press("pagedown")
            # A page on, snapped back to the start of the row that line falls in.
            first = view.scroll_y
            assert page - 3 <= first <= page
            assert view._row_starts[view.cursor_row] == first
            await pilot.press("space")
            assert first + page - 3 <= view.scroll_y <= first + page
            await pilot.press("b", "pageup")
            assert view.scroll_y == 0 and view.cursor_row == 0
            await pilot.press("G")
            assert view.cursor_row == view.row_count - 1
            assert view.scroll_y == view.max_scroll_y
            await pilot.press("g")
            assert view.cursor_row == 0 and view.scroll_y == 0

    run(scenario)


def test_f_hides_the_findings_and_escape_goes_back() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot)
            await pilot.press("f")
            assert not screen.query_one("#compare-bottom").display
            await pilot.press("f")
            assert screen.query_one("#compare-bottom").display
            await pilot.press("escape")
            assert isinstance(app.screen, LibraryScreen)

    run(scenario)


def test_e_and_help() -> None:
    async def scenario() -> None:
        app = library_app()
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await open_compare(pilot)
            await pilot.press("e")
            assert isinstance(app.screen, ExportScreen)
            await pilot.press("escape")
            assert not notes
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            assert {"Next finding", "Swap", "Word changes"} <= {
                k.description for k in app.screen.keys
            }
            await pilot.press("q")  # q closes help, it does not quit
            assert isinstance(app.screen, CompareScreen)

    run(scenario)


def test_three_reports_make_three_columns(with_engine: None) -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            screen = await open_compare(pilot, three_way())
            assert screen.table.columns == 3
            assert len(_view(screen).geometry()) == 2
            await pilot.press("n")
            assert screen.finding_position == 0
            await pilot.press("s")  # a new pivot: compared again by the engine
            await settle(pilot)
            assert screen.table.documents[0].article.path.endswith(
                "004-istanbul-third-round-rewrite-2027.txt"
            )

    run(scenario)


def test_an_engine_failure_is_a_notification(monkeypatch) -> None:
    from newsdiff.ui import engine

    def broken(left, right):
        raise RuntimeError("boom")

    monkeypatch.setattr(engine, "compare_available", lambda: True)
    monkeypatch.setattr(engine, "compare_documents", broken)

    async def scenario() -> None:
        app = library_app([str(sample("001")), str(sample("004"))])
        notes = record_notifications(app)
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            await pilot.press("c")  # the story of 001 and 004
            await settle(pilot)
            assert isinstance(app.screen, LibraryScreen)
            assert any("boom" in note for note in notes)
            assert app.is_running

    run(scenario)
