"""``newsdiff list``: the loaded articles with the metadata read from them."""

from __future__ import annotations

import argparse
import os
import shutil
from typing import Any, Final

from newsdiff.cli.common import add_format_option, exit_status, load_inputs, print_json
from newsdiff.core.analyze import sentences_of
from newsdiff.core.model import Article
from newsdiff.core.sanitize import visible_line

DESCRIPTION: Final = """\
List the loaded articles with title, outlet, dateline place, date, language,
sentence count and boilerplate size. Without PATH, the bundled samples.

JSON shape: {"schema": "newsdiff.articles/1", "articles": [{"path", "title",
"outlet", "place", "published", "language", "sentences", "boilerplate_chars"}]}"""

SCHEMA: Final = "newsdiff.articles/1"

SHRINK_STAGES: Final = (
    {0: 48, 2: 16, 3: 14},  # first: long file names, outlets and places are capped
    {1: 48},  # then a long title, down to a readable length
    {0: 28, 1: 32},  # then file names give way before titles
    {1: 20, 0: 16, 2: 10, 3: 10},
    {1: 8, 0: 8, 2: 6, 3: 6},  # a very narrow terminal: everything gives way
)
"""Column index → the width it may shrink to, stage by stage, until the table fits
(FILE 0, TITLE 1, OUTLET 2, PLACE 3; date, language and count never shrink)."""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or -")
    add_format_option(parser)


def article_record(article: Article) -> dict[str, Any]:
    """One article as it appears in ``newsdiff.articles/1``."""
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "place": article.place,
        "published": article.published,
        "language": article.language,
        "sentences": sum(1 for s in sentences_of(article) if not s.boilerplate),
        "boilerplate_chars": article.boilerplate_chars,
    }


def run(args: argparse.Namespace) -> int:
    result = load_inputs(args)
    records = [article_record(article) for article in result.articles]
    if args.format == "json":
        print_json({"schema": SCHEMA, "articles": records})
    else:
        print(render_table(records))
    return exit_status(result)


def display_names(paths: list[str]) -> list[str]:
    """Paths shortened to what tells them apart: relative to their common folder.

    Standard input (``-``) and a mix of relative and absolute paths are shown as given.
    """
    files = [p for p in paths if p != "-"]
    try:
        if len(files) > 1:
            common = os.path.commonpath(files)
        else:
            common = os.path.dirname(files[0]) if files else ""
        if not common:
            return paths
        return [p if p == "-" else os.path.relpath(p, common) for p in paths]
    except ValueError:  # relative and absolute paths mixed, or different drives
        return paths


def _shrink(widths: list[int], room: int) -> None:
    """Narrow ``widths`` in place, stage by stage, until their sum fits ``room``."""
    stages = iter(SHRINK_STAGES)
    first = next(stages)
    for column, limit in first.items():
        widths[column] = min(widths[column], limit)
    for stage in stages:
        for column, limit in stage.items():
            overflow = sum(widths) - room
            if overflow <= 0:
                return
            widths[column] = max(min(widths[column], limit), widths[column] - overflow)


def render_table(records: list[dict[str, Any]]) -> str:
    """A plain table that fits the terminal: the title column takes what is left."""
    rel = display_names([r["path"] for r in records])
    columns = ["FILE", "TITLE", "OUTLET", "PLACE", "DATE", "LANG", "SENT"]
    rows = [
        [
            visible_line(name),
            visible_line(r["title"] or ""),
            visible_line(r["outlet"] or "-"),
            visible_line(r["place"] or "-"),
            r["published"] or "-",
            r["language"],
            str(r["sentences"]),
        ]
        for name, r in zip(rel, records, strict=True)
    ]
    widths = [max(len(columns[i]), *(len(row[i]) for row in rows)) for i in range(len(columns))]
    width = shutil.get_terminal_size((120, 24)).columns
    _shrink(widths, width - 2 * (len(columns) - 1))

    def fit(cell: str, size: int) -> str:
        return cell if len(cell) <= size else cell[: size - 1] + "…"

    lines = ["  ".join(fit(c, widths[i]).ljust(widths[i]) for i, c in enumerate(columns)).rstrip()]
    for row in rows:
        lines.append(
            "  ".join(fit(c, widths[i]).ljust(widths[i]) for i, c in enumerate(row)).rstrip()
        )
    return "\n".join(lines)
