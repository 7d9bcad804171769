"""Documents for the export tests: the analysed samples and a hostile article.

The hostile article holds what must stay inert in every format — HTML and script
tags, a table cell end, entities, quotes, Rich markup and actions, an ANSI escape
sequence, a bidi override, Markdown syntax at line starts, fake export marks — with
spans placed on the nastiest parts (one across a line break).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from newsdiff.core.analyze import analyze_all, sentences_of
from newsdiff.core.ingest import load
from newsdiff.core.model import Article, Document, Span, SpanKind
from tests.conftest import SAMPLES

HOSTILE_TEXT = (
    "# Not a heading\n"
    "1. not a list <script>alert(1)</script> & </td> \"quoted\" 'single' &amp; &lt;\n"
    "    indented [bold red]red?[/bold red] and [@click=app.quit]quit[/] here.\n"
    "ESC \x1b[31mred\x1b[0m and bidi \u202eevil\u202c, backslash \\x1b \\[ { } |pipe| "
    "*star* _u_ ~~s~~ `tick` $math$ <b>bold</b>.\n"
    "---\n"
    "- dash <img src=x onerror=alert(2)> said Vladimir\nMedinsky in [PERSON fake] "
    "{+fake+} [-fake-] **fake**<sup>ORG</sup>.\n"
    "\n"
    "+ plus line ends with a backslash \\\n"
    "last line\twith a tab."
)

HOSTILE_SPANS = (
    ("<script>alert(1)</script>", SpanKind.PLACE),
    ("[bold red]red?[/bold red]", SpanKind.ORG),
    ("[@click=app.quit]quit[/]", SpanKind.ORG),
    ("\x1b[31mred\x1b[0m", SpanKind.NUMBER),
    ("\u202eevil\u202c", SpanKind.PERSON),
    ("|pipe|", SpanKind.QUANTITY),
    ("*star*", SpanKind.DATE),
    ("Vladimir\nMedinsky", SpanKind.PERSON),
    ("<img src=x onerror=alert(2)>", SpanKind.MONEY),
    ("[PERSON fake]", SpanKind.PERSON),
    ("backslash \\", SpanKind.TIME),
    ("with a tab", SpanKind.PERCENT),
)


def hostile_document(text: str = HOSTILE_TEXT, path: str = "hostile <b>&amp;</b>.txt") -> Document:
    article = Article(
        path=path, text=text, title="<script>alert('title')</script> [bold]T[/bold]", language="en"
    )
    sentences = sentences_of(article)
    spans = []
    for phrase, kind in HOSTILE_SPANS:
        start = text.find(phrase)
        if start == -1:
            continue
        end = start + len(phrase)
        sentence = next((s.index for s in sentences if s.start <= start < s.end), -1)
        spans.append(Span(kind, start, end, phrase, f"value of {phrase}", sentence=sentence))
    spans.sort(key=lambda s: s.start)
    return Document(article, sentences, tuple(spans))


def hostile_variant() -> Document:
    """The hostile article reworded, so a comparison has changes on both sides."""
    text = HOSTILE_TEXT.replace("not a list", "still not a list").replace(
        "said Vladimir", "claimed Vladimir"
    )
    return replace(hostile_document(text, path="hostile-2 [x].txt"))


@cache
def sample_documents() -> tuple[Document, ...]:
    """Every bundled sample, analysed together (as ``newsdiff export`` would)."""
    return tuple(analyze_all(load([str(SAMPLES)]).articles))


def sample_document(prefix: str) -> Document:
    for document in sample_documents():
        if document.article.path.rsplit("/", 1)[-1].startswith(prefix):
            return document
    raise LookupError(prefix)
