"""``newsdiff stories``: which reports tell the same event, how much they share, the source."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any, Final, TextIO

from newsdiff.cli.common import (
    EXIT_FAILURE,
    EXIT_OK,
    EXIT_PARTIAL,
    CliError,
    add_format_option,
    input_paths,
    print_json,
    report_problems,
)
from newsdiff.core.sanitize import visible_line

DESCRIPTION: Final = """\
Group reports into stories: reports of the same event (copies, rewrites that share the
facts but few words) form a story; reports that are only related (same topic, another
day, a later report that refers back) are linked as related, not merged. For each
story: its reports, each pair's similarity, the share of each report copied from or
rewritten from the other, and a guess of the source with its reasons.

Features of every article are kept in a cache (platform cache folder, or
$NEWSDIFF_CACHE_DIR, or --cache-dir), so reopening a large folder skips the work.

JSON shape: {"schema": "newsdiff.stories/1", "stories": [{"articles": [paths],
"source": path or null, "pairs": [{"left", "right", "similarity", "copied",
"rewritten"}]}], "related": [{"left", "right", "similarity"}]}. Every report is in
exactly one story (a report on its own is a story of one). Pairs are listed in both
directions: "copied" and "rewritten" are shares of the LEFT report's words."""

SCHEMA: Final = "newsdiff.stories/1"
MAX_RELATED_SHOWN: Final = 5
"""Related reports listed under a story in the text output (JSON lists them all)."""
PROGRESS_AFTER: Final = 0.5
"""Seconds of work before a progress bar appears (short runs stay quiet)."""
_STAGES: Final = {
    "reading": "reading",
    "features": "reading words",
    "candidates": "finding candidates",
    "verify": "checking pairs",
    "stories": "forming stories",
    "measure": "measuring pairs",
}


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files, folders, globs or -")
    add_format_option(parser)
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument(
        "--cache-dir", metavar="DIR", help="keep the cache in DIR (default: the user cache folder)"
    )


class _ProgressBar:
    """One self-rewriting line on a terminal's stderr; silent anywhere else."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.enabled = stream.isatty()
        self.started = time.monotonic()
        self.shown = False
        self.last = 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.enabled or now - self.started < PROGRESS_AFTER or now - self.last < 0.1:
            return
        self.last = now
        label = _STAGES.get(stage, stage)
        if total > 1:
            width = 24
            filled = int(width * min(done, total) / total)
            bar = "█" * filled + "░" * (width - filled)
            line = f"{label:<18} {bar} {done:,}/{total:,}"
        else:
            line = f"{label}…"
        self.stream.write("\r" + line[:78].ljust(78))
        self.stream.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            self.stream.write("\r" + " " * 78 + "\r")
            self.stream.flush()


def run(args: argparse.Namespace) -> int:
    from newsdiff.core.group.library import group_paths
    from newsdiff.core.group.store import StoryStore
    from newsdiff.core.ingest import DEFAULT_MAX_BYTES

    store = None
    if not args.no_cache:
        try:
            store = StoryStore(args.cache_dir)
        except OSError as error:
            print(f"newsdiff: cache not used ({error})", file=sys.stderr)
    bar = _ProgressBar(sys.stderr)
    try:
        result = group_paths(
            input_paths(args.paths),
            store=store,
            max_bytes=args.max_size or DEFAULT_MAX_BYTES,
            progress=bar,
        )
    finally:
        bar.clear()
        if store is not None:
            store.close()
    report_problems(result.problems)
    if not result.reports:
        raise CliError("no articles could be loaded", EXIT_FAILURE)
    if args.format == "json":
        print_json(stories_record(result))
    else:
        sys.stdout.write(render_text(result))
    return EXIT_PARTIAL if result.problems else EXIT_OK


def stories_record(result: Any) -> dict[str, Any]:
    """The grouping as ``newsdiff.stories/1``."""
    paths = [report.path for report in result.reports]
    stories = []
    for story in result.grouping.stories:
        pairs = []
        for pair in story.pairs:
            pairs.append(_pair(paths[pair.left], paths[pair.right], pair.similarity,
                               pair.copied, pair.rewritten))  # fmt: skip
            pairs.append(_pair(paths[pair.right], paths[pair.left], pair.similarity,
                               pair.copied_back, pair.rewritten_back))  # fmt: skip
        stories.append(
            {
                "articles": [paths[i] for i in story.articles],
                "source": paths[story.source.article] if story.source else None,
                "pairs": pairs,
            }
        )
    related = [
        {"left": paths[link.left], "right": paths[link.right], "similarity": link.similarity}
        for link in result.grouping.related
    ]
    return {"schema": SCHEMA, "stories": stories, "related": related}


def _pair(left: str, right: str, similarity: float, copied: float, rewritten: float) -> dict:
    return {
        "left": left,
        "right": right,
        "similarity": similarity,
        "copied": copied,
        "rewritten": rewritten,
    }


def _name(path: str) -> str:
    return visible_line(Path(path).name if path != "-" else "-")


def render_text(result: Any) -> str:
    """Stories for a person: reports with outlet and date, pairs, source, related links."""
    reports = result.reports
    grouping = result.grouping
    multi = [story for story in grouping.stories if len(story) > 1]
    alone = [story for story in grouping.stories if len(story) == 1]
    lines = [
        f"{len(reports)} reports: {len(multi)} {'story' if len(multi) == 1 else 'stories'} "
        f"of two or more, {len(alone)} on {'its' if len(alone) == 1 else 'their'} own, "
        f"{len(grouping.related)} related {'link' if len(grouping.related) == 1 else 'links'}",
    ]
    related_of: dict[int, dict[int, tuple[float, str]]] = {}
    for link in grouping.related:
        for one, other in ((link.left, link.right), (link.right, link.left)):
            known = related_of.setdefault(one, {})
            if other not in known or known[other][0] < link.similarity:
                known[other] = (link.similarity, link.reason)

    def related_lines(members: tuple[int, ...], indent: str) -> list[str]:
        best: dict[int, tuple[float, str]] = {}
        for member in members:
            for other, (similarity, why) in related_of.get(member, {}).items():
                if other not in members and (other not in best or best[other][0] < similarity):
                    best[other] = (similarity, why)
        ranked = sorted(best.items(), key=lambda item: -item[1][0])[:MAX_RELATED_SHOWN]
        return [
            f"{indent}related: {_name(reports[other].path)} ({why}, {similarity:.2f})"
            for other, (similarity, why) in ranked
        ]

    def describe(index: int) -> str:
        report = reports[index]
        outlet = visible_line(report.outlet) if report.outlet else "-"
        return f"{visible_line(report.path)}  ·  {outlet}  ·  {report.published or 'no date'}"

    for number, story in enumerate(multi, 1):
        lines += ["", f"Story {number} · {len(story)} reports"]
        for index in story.articles:
            mark = "*" if story.source and story.source.article == index else " "
            lines.append(f"  {mark} {describe(index)}")
        if story.source:
            reasons = "; ".join(visible_line(r) for r in story.source.reasons)
            lines.append(f"  source: {_name(reports[story.source.article].path)} — {reasons}")
        else:
            lines.append("  source: no guess (no date, wire dateline or containment tells)")
        for pair in story.pairs:
            lines.append(
                f"  {_name(reports[pair.left].path)} ↔ {_name(reports[pair.right].path)}: "
                f"similarity {pair.similarity:.2f}; copied {pair.copied:.0%} / "
                f"{pair.copied_back:.0%}, rewritten {pair.rewritten:.0%} / "
                f"{pair.rewritten_back:.0%}"
            )
        lines += related_lines(story.articles, "  ")
    if alone:
        lines += ["", "On their own:" if len(alone) > 1 else "On its own:"]
        for story in alone:
            lines.append(f"    {describe(story.articles[0])}")
            lines += related_lines(story.articles, "      ")
    return "\n".join(lines) + "\n"
