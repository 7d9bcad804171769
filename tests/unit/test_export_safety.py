"""Hostile article text stays text: in a real browser, in Markdown renderers, in terminals.

The HTML test renders the export in headless Chromium (Debian's ``chromium``; skipped
when it is not installed — ``.ci/run`` installs it) and reads the DOM back: the
article's ``<script>``, ``<img onerror>``, ``</td>``, entities, quotes, Rich markup and
ANSI escape sequence must all be visible text, no element may come from the article,
and nothing may run.
"""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from newsdiff.core.compare import compare
from newsdiff.core.export import html, markdown, text
from tests.unit.export_fixtures import HOSTILE_TEXT, hostile_document, hostile_variant
from tests.unit.export_parsers import parse_html

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")

PAGE_ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p",
    "nav", "span", "mark", "main", "article", "table", "thead", "tbody", "tr", "th", "td",
    "a", "div", "del", "ins", "ol", "li", "dl", "dt", "dd", "q", "section",
}  # fmt: skip
"""Every element newsdiff's pages use; anything else came from article text."""


def _chromium(tmp_path: Path, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    profile = tmp_path / "profile"
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        "--virtual-time-budget=3000",  # time for anything that would run to run
        *extra,
        page.as_uri(),
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [name for name, _ in attrs]
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
@pytest.mark.parametrize("what", ["article", "comparison"])
def test_a_real_browser_shows_hostile_text_as_text(tmp_path: Path, what: str) -> None:
    document = hostile_document()
    subject = document if what == "article" else compare(document, hostile_variant())
    page = tmp_path / f"{what}.html"
    page.write_text(html.render(subject), encoding="utf-8")

    dumped = _chromium(tmp_path, page, "--dump-dom")
    assert dumped.returncode == 0, dumped.stderr[-2000:]
    dom = dumped.stdout
    elements = _Elements()
    elements.feed(dom)
    assert set(elements.tags) <= PAGE_ELEMENTS, set(elements.tags) - PAGE_ELEMENTS
    assert not {"onerror", "onclick", "src", "style"} & set(elements.attributes)
    title = "<script>alert('title')</script>" if what == "article" else "hostile-2 [x].txt"
    assert title in elements.title

    blocks = parse_html(dom).blocks
    if what == "article":
        # The DOM as the browser built it reads back to the article, character for character.
        assert [b.parsed.text for b in blocks] == [HOSTILE_TEXT]
    else:
        shown = "".join(b.parsed.text for b in blocks)
        for visible in ("<script>alert(1)</script>", "</td>", "[bold red]", "&amp;", '"quoted"'):
            assert visible in shown
    assert "[@click=app.quit]quit[/]" in dom
    assert "\x1b" not in dom  # the ESC is a visible \\x1b box, its code kept aside

    shot = tmp_path / f"{what}.png"
    taken = _chromium(tmp_path, page, f"--screenshot={shot}", "--window-size=1200,900")
    assert taken.returncode == 0, taken.stderr[-2000:]
    assert shot.exists() and shot.stat().st_size > 10_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_page_allows_no_script_and_no_network() -> None:
    page = html.render(hostile_document())
    policy = page.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    assert "'unsafe-inline'" not in policy
    assert "http://" not in page and "https://" not in page
    assert page.count("<script") == 0 and "onerror=" not in page.replace("onerror=alert", "")


def test_markdown_renders_hostile_text_as_text() -> None:
    from markdown_it import MarkdownIt

    renderer = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    for subject in (hostile_document(), compare(hostile_document(), hostile_variant())):
        rendered = renderer.render(markdown.render(subject))
        elements = _Elements()
        elements.feed(rendered)
        allowed = {"h1", "h2", "p", "strong", "sup", "s", "ins", "br", "hr", "table", "thead"}
        allowed |= {"tbody", "tr", "th", "td", "ol", "ul", "li", "em"}
        assert set(elements.tags) <= allowed, set(elements.tags) - allowed
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered
        assert "[bold red]" in rendered and "[@click=app.quit]" in rendered
        assert "\x1b" not in rendered and "\u202e" not in rendered
    # An article line that looks like Markdown block syntax stays a paragraph of text.
    rendered = renderer.render(markdown.render(hostile_document()))
    assert "<h1>Not a heading" not in rendered and "<p># Not a heading</p>" in rendered
    assert "<p>1. not a list" in rendered and "<p>---</p>" in rendered
    assert "<pre>" not in rendered


def test_text_is_inert_on_a_terminal_and_through_rich_markup() -> None:
    from rich.text import Text

    for subject in (hostile_document(), compare(hostile_document(), hostile_variant())):
        output = text.render(subject)
        assert "\x1b" not in output and "\u202e" not in output
        shown = Text.from_markup(output)  # what a script printing it with Rich would see
        assert shown.spans == []
        # Rich reads our "\[" as a literal bracket (and leaves "\]" as is): no style, no
        # action is made from the article's markup.
        assert "[bold red\\]red?[/bold red\\]" in shown.plain
        assert "[@click=app.quit\\]" in shown.plain
