"""Ingest + sentence splitting of a folder of articles vs merely reading and regex-splitting.

The corpus (``corpus.py``, seed 7) is written to a temporary folder once; the page
cache is warmed by one untimed read, so both sides measure CPU work, not the disk.

- **baseline**: walk the folder, read each file, decode UTF-8, split on
  ``(?<=[.!?])\\s+`` — the least any loader could do.
- **measured**: ``newsdiff.core.ingest.load`` on the folder (encoding detection,
  metadata, boilerplate, language, title) and ``sentences_of`` for every article (the
  real splitter with abbreviations, quotes and datelines) — what ``newsdiff list`` and
  the app do before anything else.

Two figures: the load in one process (``workers=1``), and the load as ``newsdiff``
runs it by default, with worker processes on the machine's cores
(:mod:`newsdiff.core.ingest.parallel`); sentences are split in the calling process
either way. The baseline is one process, so the second ratio shows what the cores buy
(nothing on a machine whose other cores are busy).

Target: at most 4× the baseline (issue 2).
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path
from typing import Final

from newsdiff.core.ingest.parallel import available_cores, worker_count
from tests.benchmarks.corpus import write_corpus
from tests.benchmarks.harness import Figure, timed

SIZES: Final = {"smoke": 60, "quick": 1500, "full": 10_000}
SEED: Final = 7
TARGET: Final = 4.0
_NAIVE_SPLIT: Final = re.compile(r"(?<=[.!?])\s+")


def read_and_split(folder: Path) -> int:
    """The floor: every file read, decoded and split on a regex; returns the count."""
    count = 0
    for root, _dirs, files in os.walk(folder):
        for name in sorted(files):
            if name.startswith("."):
                continue
            with open(os.path.join(root, name), "rb") as handle:
                text = handle.read().decode("utf-8")
            count += len(_NAIVE_SPLIT.split(text))
    return count


def ingest_and_split(folder: Path, workers: int | None = 1) -> int:
    """newsdiff's own path: load every article and split it into sentences.

    ``workers=None`` loads as ``newsdiff`` does by default (a process per core for a
    big folder); 1 keeps the load in this process.
    """
    from newsdiff.core.analyze import sentences_of
    from newsdiff.core.ingest import load

    result = load([str(folder)], workers=workers)
    assert not result.problems, result.problems[:3]
    return sum(len(sentences_of(article)) for article in result.articles)


def run(scale: str) -> list[Figure]:
    n = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-") as tmp:
        folder = Path(tmp) / "corpus"
        paths = write_corpus(folder, n, SEED)
        size = sum(p.stat().st_size for p in paths)
        read_and_split(folder)  # warm the page cache
        ingest_and_split(folder)  # and the lazy imports, lexicons and regexes
        repeat = 3 if scale != "full" else 2
        baseline, naive = timed(lambda: read_and_split(folder), repeat=repeat)
        seconds, sentences = timed(lambda: ingest_and_split(folder), repeat=repeat)
        workers = worker_count(n)
        multi, _ = timed(lambda: ingest_and_split(folder, workers=None), repeat=repeat)
    note = f"{size / 1e6:.1f} MB, {sentences:,} sentences ({naive:,} by regex)"
    return [
        Figure(
            name=f"ingest+split {n:,} articles, 1 process",
            seconds=seconds,
            baseline="read+regex split",
            baseline_seconds=baseline,
            target=TARGET,
            note=f"{note}, {n / seconds:,.0f} articles/s",
        ),
        Figure(
            name=f"ingest+split {n:,} articles, default ({workers} load process"
            + ("es)" if workers > 1 else ")"),
            seconds=multi,
            baseline="read+regex split (1 process)",
            baseline_seconds=baseline,
            target=TARGET,
            note=f"{available_cores()} cores; {n / multi:,.0f} articles/s",
        ),
    ]
