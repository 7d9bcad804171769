"""``newsdiff export``: an article, a comparison or a story, written to a file safely."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Final

from newsdiff.cli.common import (
    EXIT_FAILURE,
    CliError,
    exit_status,
    load_inputs,
)
from newsdiff.core.sanitize import visible, visible_line

if TYPE_CHECKING:
    from newsdiff.core.export.common import Subject
    from newsdiff.core.model import Document

DESCRIPTION: Final = """\
Export the highlights and findings to share them elsewhere. One article exports
the article with its people, organisations, places, numbers and dates marked; two
or more export their comparison against the first (rows, word changes, findings);
--story exports the story they form (every pair compared; the story grouping
names the likely source and measures each pair's copied and rewritten shares).

Formats: md (Markdown), html (one standalone page), json (newsdiff.entities/1,
newsdiff.comparison/1 — an array of them for three or more reports — or
newsdiff.story/1), txt (plain text with [KIND text] tags) and brat (standoff .txt +
.ann for annotation tools; OUT.txt and OUT.ann for an article, a folder OUT for a
comparison or a story).

Files are written atomically; an existing file is never replaced without --force.
'-o -' writes to standard output (not for brat)."""

FORMATS: Final = ("md", "html", "json", "txt", "brat")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or -")
    parser.add_argument(
        "--format", "-f", choices=FORMATS, required=True, help="what to write (required)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the file to write ('-' for standard output; for brat a base name or folder)",
    )
    parser.add_argument(
        "--force", action="store_true", help="replace OUT if it exists (atomically)"
    )
    parser.add_argument(
        "--story",
        action="store_true",
        help="export the story the reports form: every pair compared, with the "
        "grouping's source guess and shares",
    )


def _check_arguments(args: argparse.Namespace) -> None:
    if args.output == "-" and args.format == "brat":
        raise CliError("brat writes two files (.txt and .ann) or a folder; give -o NAME, not -")
    if args.paths.count("-") > 1:
        raise CliError("standard input can be only one of the paths")


def _refuse_existing(paths: list[Path]) -> None:
    for path in paths:
        if path.exists() or path.is_symlink():
            raise CliError(f"{visible_line(str(path))} exists; add --force to replace it")


def _early_targets(args: argparse.Namespace) -> list[Path]:
    """What will be written, as far as it is known before loading (to fail fast)."""
    out = Path(args.output)
    if args.format != "brat":
        return [out]
    if out.suffix in (".txt", ".ann"):
        out = out.with_suffix("")
    return [out.with_name(out.name + ".txt"), out.with_name(out.name + ".ann"), out]


def run(args: argparse.Namespace) -> int:
    _check_arguments(args)
    to_stdout = args.output == "-"
    if not to_stdout:
        # Before the slow part: a refused export should not make anyone wait.
        early = _early_targets(args)
        folder = early[0].parent
        if not folder.is_dir():
            state = "is not a folder" if folder.exists() else "does not exist"
            raise CliError(
                f"cannot write {visible_line(args.output)}: the folder "
                f"{visible_line(str(folder))} {state}"
            )
        if not args.force:
            _refuse_existing(early if args.format != "brat" else early[:2])
    from newsdiff.core.analyze import analyze_all
    from newsdiff.core.export import ExportError, TargetExists, render, save, targets

    result = load_inputs(args)
    documents = analyze_all(result.articles)
    subject = _subject(documents, args.story)
    if to_stdout:
        text = render(subject, args.format)
        if sys.stdout.isatty():
            text = visible(text)  # the formats escape already; this is the last guard
        sys.stdout.write(text)
        sys.stdout.flush()
        return exit_status(result)
    out = Path(args.output)
    if not args.force:
        _refuse_existing(targets(subject, args.format, out))
    try:
        written = save(subject, args.format, out, overwrite=args.force)
    except TargetExists as error:
        message = f"{visible_line(str(error.path))} exists; add --force to replace it"
        raise CliError(message) from None
    except ExportError as error:
        raise CliError(str(error), EXIT_FAILURE) from None
    for path in written:
        print(f"newsdiff: wrote {visible_line(str(path))}", file=sys.stderr)
    return exit_status(result)


def _subject(documents: list[Document], story: bool) -> Subject:
    """What the documents export as: an article, a comparison or a story."""
    if story:
        from newsdiff.core.export.story import build_story

        return build_story(documents)
    if len(documents) == 1:
        return documents[0]
    from newsdiff.core.compare import compare, compare_many

    if len(documents) == 2:
        return compare(documents[0], documents[1])
    return compare_many(documents, pivot=0)
