"""The reader shows article text as text: never markup, never terminal escapes."""

from __future__ import annotations

from textual.geometry import Offset
from textual.selection import Selection

from newsdiff.core.model import Article, Document, Span, SpanKind
from newsdiff.ui.screens.reader import ReaderScreen
from newsdiff.ui.widgets.article_view import ArticleView
from tests.ui.conftest import library_app, run, settle

HOSTILE = (
    "Judul [bold red]bukan markup[/] dan \x1b[31mmerah\x1b[0m serta \u202eterbalik\n"
    "Baris kedua dengan Medinsky di [link=http://x]tautan[/link]."
)


def _document() -> Document:
    article = Article(path="hostile.txt", text=HOSTILE, title="[b]Judul[/b] \x1b]0;x\x07")
    start = HOSTILE.index("Medinsky")
    span = Span(SpanKind.PERSON, start, start + 8, "Medinsky", "Medinsky")
    return Document(article, (), (span,))


def _screen_text(view: ArticleView) -> str:
    lines = []
    for y in range(view.line_count):
        strip = view.render_line(y)
        lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


def test_markup_and_escapes_are_shown_inert() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            document = _document()
            await app.push_screen(ReaderScreen(document.article, document))
            await pilot.pause()
            view = app.screen.query_one("#body", ArticleView)
            shown = _screen_text(view)
            assert "[bold red]bukan markup[/]" in shown
            assert "[link=http://x]tautan[/link]" in shown
            assert "\x1b" not in shown and "\u202e" not in shown
            assert "\\x1b[31m" in shown and "<U+202E>" in shown
            title = str(app.screen.query_one("#reader-title").render())
            assert "[b]Judul[/b]" in title and "\x1b" not in title and "\x07" not in title

    run(scenario)


def test_highlight_lands_on_the_name_after_escapes() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            document = _document()
            await app.push_screen(ReaderScreen(document.article, document))
            await pilot.pause()
            view = app.screen.query_one("#body", ArticleView)
            person = view.get_component_rich_style("kind--person")
            strip = view.render_line(1)
            styled = "".join(s.text for s in strip if s.style and s.style.bgcolor == person.bgcolor)
            assert styled == "Medinsky"

    run(scenario)


def test_selection_copies_the_article_text_inert() -> None:
    async def scenario() -> None:
        app = library_app()
        async with app.run_test(size=(120, 36)) as pilot:
            await settle(pilot)
            document = _document()
            await app.push_screen(ReaderScreen(document.article, document))
            await pilot.pause()
            view = app.screen.query_one("#body", ArticleView)
            line = view._lines[1]
            start = line.column(HOSTILE.index("Medinsky"))
            copied = view.get_selection(Selection(Offset(start, 1), Offset(start + 8, 1)))
            assert copied == ("Medinsky", "\n")
            everything, _ = view.get_selection(Selection(None, None))
            assert everything.startswith("Judul [bold red]") and "\x1b" not in everything

    run(scenario)
