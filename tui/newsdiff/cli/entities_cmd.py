"""``newsdiff entities``: each article with its entities, numbers and dates marked.

Articles are analysed together (:func:`newsdiff.core.analyze.analyze_all`), so a name
found in one is recognised in the others. The text output marks spans with ANSI
colours on a terminal and with ``[text|KIND]`` brackets elsewhere; Rich is not used,
so the command starts fast and prints the same on any terminal.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from collections.abc import Sequence
from typing import Any, Final

from newsdiff.cli.common import add_format_option, exit_status, load_inputs, print_json
from newsdiff.core.model import Article, Document, Span, SpanKind
from newsdiff.core.sanitize import visible, visible_line

DESCRIPTION: Final = """\
Show each article with its people, organisations and places (and numbers, amounts
and dates) marked, then a table of the spans with their canonical values. Several
articles are analysed together: a name found in one is recognised in the others.
Without PATH, the bundled samples.

JSON shape (one object for one article, an array for several):
{"schema": "newsdiff.entities/1", "path", "language",
 "spans": [{"kind", "text", "value", "start", "end"}]}
where text == article_text[start:end]."""

COLOURS: Final = {
    SpanKind.PERSON: "1;36",
    SpanKind.ORG: "1;33",
    SpanKind.PLACE: "1;32",
    SpanKind.DATE: "34",
    SpanKind.TIME: "34",
    SpanKind.NUMBER: "35",
    SpanKind.QUANTITY: "35",
    SpanKind.MONEY: "35",
    SpanKind.PERCENT: "35",
}
"""SGR codes by kind: people, organisations and places bold; values plain."""

RESET: Final = "\x1b[0m"


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or -")
    add_format_option(parser)
    parser.add_argument(
        "--lang",
        choices=("auto", "id", "en"),
        default="auto",
        help="language of the articles (default auto: detected per article)",
    )
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default auto: on a terminal, unless NO_COLOR is set)",
    )


def use_colour(choice: str, stream: Any = None) -> bool:
    """Colour only on a terminal that is not ``dumb`` and without ``NO_COLOR``."""
    if choice != "auto":
        return choice == "always"
    stream = stream or sys.stdout
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


def marked_text(document: Document, colour: bool) -> str:
    """The article text, made safe to print, with every span marked."""
    text = document.text
    pieces: list[str] = []
    cursor = 0
    for span in document.spans:
        if span.start < cursor:
            continue
        pieces.append(visible(text[cursor : span.start]))
        surface = visible(text[span.start : span.end])
        if colour:
            pieces.append(f"\x1b[{COLOURS[span.kind]}m{surface}{RESET}")
        else:
            pieces.append(f"[{surface}|{span.kind.value}]")
        cursor = span.end
    pieces.append(visible(text[cursor:]))
    return "".join(pieces).rstrip()


def span_table(spans: Sequence[Span]) -> str:
    """A plain table: kind, text, value and offsets of each span."""
    header = ("KIND", "TEXT", "VALUE", "OFFSETS")
    rows = [
        (s.kind.value, visible_line(s.text), visible_line(s.value), f"{s.start}-{s.end}")
        for s in spans
    ]
    if not rows:
        return "(no spans)"
    widths = [min(40, max(len(r[i]) for r in [header, *rows])) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        cells = [
            (c if len(c) <= widths[i] else c[: widths[i] - 1] + "…").ljust(widths[i])
            for i, c in enumerate(row)
        ]
        return "  ".join(cells).rstrip()

    return "\n".join([line(header), *(line(r) for r in rows)])


def render(documents: Sequence[Document], colour: bool) -> str:
    blocks: list[str] = []
    for document in documents:
        article = document.article
        title = f"== {visible_line(article.path)} ({article.language})"
        blocks.append(
            "\n".join([title, "", marked_text(document, colour), "", span_table(document.spans)])
        )
    return "\n\n".join(blocks)


def _with_language(articles: Sequence[Article], language: str) -> list[Article]:
    if language == "auto":
        return list(articles)
    return [dataclasses.replace(a, language=language) for a in articles]


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.analyze import analyze_all

    result = load_inputs(args)
    documents = analyze_all(_with_language(result.articles, args.lang))
    if args.format == "json":
        from newsdiff.core.export.jsonfmt import document_record

        records = [document_record(d) for d in documents]
        print_json(records[0] if len(records) == 1 else records)
    else:
        print(render(documents, use_colour(args.color)))
    return exit_status(result)
