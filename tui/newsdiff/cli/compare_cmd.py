"""``newsdiff compare A B``: two reports side by side, or as ``newsdiff.comparison/1`` JSON."""

from __future__ import annotations

import argparse
import shutil
import sys
from typing import Final

from newsdiff.cli.common import EXIT_FAILURE, EXIT_OK, CliError, add_format_option, print_json
from newsdiff.core.model import Article
from newsdiff.core.sanitize import visible_line

DESCRIPTION: Final = """\
Compare two reports of the same event: sentences aligned side by side (same,
changed, moved, only on one side, splits and merges), the words that changed inside
each aligned row, and the facts that disagree.

Text output fits the terminal width and colours word changes (red: deleted, green:
inserted); without a terminal or with NO_COLOR set (or with --color never) it marks
them [-like this-] and {+like this+} instead.

JSON shape: {"schema": "newsdiff.comparison/1", "left": {...}, "right": {...},
"similarity", "rows": [{"kind", "left", "right", "left_text", "right_text", "score",
"ops": [{"op", "left", "right"}]}], "findings": [...]}"""


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="the two reports (files or -)")
    add_format_option(parser)
    parser.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the text output (default auto: on a terminal, unless NO_COLOR is set)",
    )


def _load_one(path: str, max_bytes: int | None) -> Article:
    from newsdiff.core.ingest import DEFAULT_MAX_BYTES, load

    result = load([path], max_bytes=max_bytes or DEFAULT_MAX_BYTES)
    if result.problems and not result.articles:
        problem = result.problems[0]
        raise CliError(f"{visible_line(problem.path)}: {visible_line(problem.reason)}")
    if len(result.articles) != 1:
        raise CliError(
            f"{visible_line(path)}: holds {len(result.articles)} articles; "
            "compare needs one report per path"
        )
    return result.articles[0]


def run(args: argparse.Namespace) -> int:
    if len(args.paths) != 2:
        raise CliError(f"compare needs exactly two paths, got {len(args.paths)}", EXIT_FAILURE)
    if args.paths.count("-") > 1:
        raise CliError("standard input can be only one of the two paths", EXIT_FAILURE)
    from newsdiff.core.analyze import analyze_all
    from newsdiff.core.compare import compare
    from newsdiff.core.compare.record import comparison_record

    articles = [_load_one(path, args.max_size) for path in args.paths]
    left, right = analyze_all(articles)
    comparison = compare(left, right)
    if args.format == "json":
        print_json(comparison_record(comparison))
        return EXIT_OK
    from newsdiff.cli.side_by_side import render, use_colour

    width = shutil.get_terminal_size((100, 24)).columns
    colour = use_colour(sys.stdout.isatty(), args.color)
    sys.stdout.write(render(comparison, width, colour) + "\n")
    return EXIT_OK
