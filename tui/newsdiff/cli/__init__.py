"""The ``newsdiff`` command: the app, or one of the non-interactive commands.

``newsdiff [PATH...]`` opens the app; ``newsdiff COMMAND ...`` runs a command that
prints to stdout and never imports the UI. Each command lives in its own module,
imported only when it runs, so ``newsdiff list`` starts as fast as Python allows.

Exit status: 0 all good; 1 some inputs were skipped (each named on stderr);
2 nothing could be done or the arguments are wrong. Never a traceback: an
unexpected error is reported in one line (set ``NEWSDIFF_DEBUG=1`` for the trace).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from typing import Final

from newsdiff import __version__
from newsdiff.cli.common import EXIT_FAILURE, CliError, OneLineArgumentParser

COMMANDS: Final = {
    "list": ("newsdiff.cli.list_cmd", "list the articles with their metadata"),
    "entities": ("newsdiff.cli.entities_cmd", "show people, places, organisations, numbers, dates"),
    "compare": ("newsdiff.cli.compare_cmd", "two reports side by side: aligned, diffed"),
    "export": ("newsdiff.cli.export_cmd", "save an article, comparison or story: md, html, json…"),
    "stories": ("newsdiff.cli.stories_cmd", "group reports into stories; copied share, source"),
}
"""Sub-command name → (module, one-line summary). Each module defines ``configure(parser)``
and ``run(args) -> int``."""

DESCRIPTION: Final = """\
Compare news reports: aligned sentences, word changes and the facts that disagree.

With no PATH, the bundled sample articles are used. A PATH may be a file, a folder
(read recursively), a glob or '-' for standard input.
"""


def _epilog() -> str:
    lines = ["commands:"]
    lines += [f"  {name:<10} {summary}" for name, (_, summary) in COMMANDS.items()]
    lines += [
        "",
        "Run 'newsdiff COMMAND --help' for a command's options.",
        "Exit status: 0 all good, 1 some inputs skipped, 2 nothing done or bad arguments.",
    ]
    return "\n".join(lines)


def _app_parser() -> argparse.ArgumentParser:
    parser = OneLineArgumentParser(
        prog="newsdiff",
        usage="newsdiff [-h] [--version] [PATH ...]\n       newsdiff COMMAND [options] [PATH ...]",
        description=DESCRIPTION,
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"newsdiff {__version__}")
    parser.add_argument("paths", nargs="*", metavar="PATH", help="articles to open")
    common_options(parser)
    return parser


def common_options(parser: argparse.ArgumentParser) -> None:
    """Options every command shares."""
    parser.add_argument(
        "--max-size",
        type=_megabytes,
        default=None,
        metavar="MB",
        help="skip files larger than this many megabytes (default 32)",
    )


def _megabytes(value: str) -> int:
    try:
        megabytes = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of megabytes: {value!r}") from None
    if megabytes <= 0:
        raise argparse.ArgumentTypeError("must be more than 0")
    return int(megabytes * 1024 * 1024)


def _command_parser(name: str) -> tuple[argparse.ArgumentParser, object]:
    module_name, summary = COMMANDS[name]
    module = importlib.import_module(module_name)
    parser = OneLineArgumentParser(
        prog=f"newsdiff {name}",
        description=getattr(module, "DESCRIPTION", summary),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    common_options(parser)
    module.configure(parser)
    return parser, module


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsdiff`` console script."""
    argv = sys.argv[1:] if argv is None else argv
    try:
        if argv and argv[0] in COMMANDS:
            parser, module = _command_parser(argv[0])
            args = parser.parse_args(argv[1:])
            return module.run(args)
        args = _app_parser().parse_args(argv)
        from newsdiff.cli.app_cmd import run_app

        return run_app(args)
    except CliError as error:
        print(f"newsdiff: {error}", file=sys.stderr)
        return error.status
    except KeyboardInterrupt:
        print("newsdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader of our output went away (``newsdiff list | head``): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except Exception as error:  # the promise is one line, never a traceback
        if os.environ.get("NEWSDIFF_DEBUG"):
            raise
        print(
            f"newsdiff: internal error: {type(error).__name__}: {error} "
            "(set NEWSDIFF_DEBUG=1 for details)",
            file=sys.stderr,
        )
        return EXIT_FAILURE
