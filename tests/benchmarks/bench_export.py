"""How fast a big comparison is exported, in every format, against the comparison itself.

The issue's target: exporting the comparison of a generated 5,000-sentence pair (the
generator of :mod:`bench_compare`) takes at most 2 s in each format. Each figure is
the export — rendering and the atomic write to a temporary folder — timed against
``compare(left, right)`` of the same pair in the same run, so the ratio says what an
export adds to the work a person already waited for; the target ratio is 2 s over
that comparison time. Best of three runs each. Smoke scale uses 200 sentences, quick
1,000, full 5,000.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.benchmarks.generate_pairs import generate_pair
from tests.benchmarks.harness import Figure, timed

SIZES = {"smoke": 200, "quick": 1_000, "full": 5_000}
LIMIT_SECONDS = 2.0
FORMATS = ("html", "md", "json", "txt", "brat")


def run(scale: str) -> list[Figure]:
    from newsdiff.core.compare import compare
    from newsdiff.core.export import save

    size = SIZES[scale]
    pair = generate_pair(size)
    compare_seconds, comparison = timed(lambda: compare(pair.left, pair.right), repeat=3)
    rows = len(comparison.rows)
    figures: list[Figure] = []
    folder = Path(tempfile.mkdtemp(prefix="newsdiff-bench-export-"))
    try:
        for fmt in FORMATS:
            out = folder / f"pair.{fmt}"

            def export(fmt: str = fmt, out: Path = out) -> int:
                written = save(comparison, fmt, out, overwrite=True)
                return sum(_size(path) for path in written)

            seconds, size_bytes = timed(export, repeat=3)
            verdict = "ok" if seconds <= LIMIT_SECONDS else "OVER 2 s"
            figures.append(
                Figure(
                    name=f"export {size:,}-sentence comparison as {fmt}",
                    seconds=seconds,
                    baseline="compare()",
                    baseline_seconds=compare_seconds,
                    target=round(LIMIT_SECONDS / compare_seconds, 2),
                    note=(
                        f"{seconds:.2f} s vs the 2 s limit ({verdict}); {rows:,} rows; "
                        f"{size_bytes / 2**20:.1f} MB written"
                    ),
                )
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size
