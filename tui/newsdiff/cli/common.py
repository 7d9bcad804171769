"""What every command shares: exit codes, argument errors, loading with reports."""

from __future__ import annotations

import argparse
import sys
from typing import Any, Final, NoReturn, TextIO

from newsdiff.core.ingest import DEFAULT_MAX_BYTES, LoadResult, load
from newsdiff.core.model import Problem
from newsdiff.core.samples import samples_dir
from newsdiff.core.sanitize import visible_line

EXIT_OK: Final = 0
EXIT_PARTIAL: Final = 1
"""Some inputs were skipped; each is named on stderr."""
EXIT_FAILURE: Final = 2
"""Nothing could be done, or the arguments are wrong."""


class CliError(Exception):
    """A failure reported as one line on stderr, with the exit status to use."""

    def __init__(self, message: str, status: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.status = status


class OneLineArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line naming the fix, not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_FAILURE, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def report_problems(
    problems: tuple[Problem, ...] | list[Problem], stream: TextIO | None = None
) -> None:
    """One line per skipped input on stderr: ``newsdiff: PATH: reason``."""
    stream = stream or sys.stderr
    for problem in problems:
        print(
            f"newsdiff: {visible_line(problem.path)}: {visible_line(problem.reason)}", file=stream
        )


def input_paths(paths: list[str]) -> list[str]:
    """The paths to read: the ones given, or the bundled samples when none were."""
    return paths or [str(samples_dir())]


def load_inputs(args: argparse.Namespace, paths: list[str] | None = None) -> LoadResult:
    """Load the command's inputs, report problems on stderr; fail when nothing loaded."""
    result = load(
        input_paths(args.paths if paths is None else paths),
        max_bytes=getattr(args, "max_size", None) or DEFAULT_MAX_BYTES,
    )
    report_problems(result.problems)
    if not result.articles:
        raise CliError("no articles could be loaded", EXIT_FAILURE)
    return result


def exit_status(result: LoadResult) -> int:
    """0 when every input loaded, 1 when some were skipped."""
    return EXIT_PARTIAL if result.problems else EXIT_OK


def add_format_option(
    parser: argparse.ArgumentParser, choices: tuple[str, ...] = ("text", "json")
) -> None:
    parser.add_argument(
        "--format",
        choices=choices,
        default=choices[0],
        help=f"output format (default {choices[0]})",
    )


def print_json(document: Any, stream: TextIO | None = None) -> None:
    """JSON on stdout, UTF-8 kept readable, one document per call.

    json escapes C0 controls itself; C1 controls and bidi marks are escaped too
    (:func:`newsdiff.core.export.jsonfmt.dumps`, shared with the JSON export), so JSON
    printed to a terminal cannot steer it.
    """
    from newsdiff.core.export.jsonfmt import dumps

    stream = stream or sys.stdout
    stream.write(dumps(document))
