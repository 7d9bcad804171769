"""How fast two reports are compared, against all-pairs ``rapidfuzz.process.cdist``.

For generated pairs of 100, 1,000 and 10,000 sentences (see :mod:`generate_pairs`),
the whole comparison — profiles, candidates, alignment, moves, word diff, findings —
is timed against the baseline the issue names: ``cdist`` of every left sentence
against every right sentence (default scorer ``fuzz.ratio``, ``workers=-1``, a
``uint8`` matrix so 10,000 × 10,000 fits in 100 MB), run in the same process. Each
time is the best of three runs, except the 10,000-sentence baseline (one run of most
of a minute).

Each figure's note records alignment recall and precision on the generated pairs —
for newsdiff, and for the baseline read the most generous way (every sentence's best
partner in both directions, no threshold) — and newsdiff's peak Python memory
(tracemalloc, measured in a separate run so it does not slow the timed one).

Targets: ≤ 0.5× the baseline at 1,000 sentences, ≤ 0.1× at 10,000, with recall at
least the baseline's. Smoke scale runs 100 only; quick adds 1,000; full adds 10,000.
"""

from __future__ import annotations

from tests.benchmarks.generate_pairs import GeneratedPair, generate_pair
from tests.benchmarks.harness import Figure, peak_memory, timed

SIZES = {"smoke": (100,), "quick": (100, 1_000), "full": (100, 1_000, 10_000)}
TARGETS = {1_000: 0.5, 10_000: 0.1}


def _repeats(pair: GeneratedPair) -> int:
    """Baseline runs: best of three below 10,000 sentences (a shared machine is noisy),
    one above (a run takes most of a minute, which averages the noise out itself)."""
    return 3 if len(pair.left_sentences) < 10_000 else 1


def baseline_links(pair: GeneratedPair) -> tuple[float, set[tuple[int, int]]]:
    """Seconds for all-pairs cdist, and the links its best-partner reading gives."""
    import numpy as np
    from rapidfuzz import process

    seconds, matrix = timed(
        lambda: process.cdist(
            pair.left_sentences, pair.right_sentences, workers=-1, dtype=np.uint8
        ),
        repeat=_repeats(pair),
    )
    best_right = matrix.argmax(axis=1)
    best_left = matrix.argmax(axis=0)
    links = {(i, int(j)) for i, j in enumerate(best_right)}
    links |= {(int(i), j) for j, i in enumerate(best_left)}
    return seconds, links


def newsdiff_links(pair: GeneratedPair) -> tuple[float, set[tuple[int, int]]]:
    from newsdiff.core.compare import compare

    # Best of three at every size: a few seconds at most, and the machine is shared.
    seconds, comparison = timed(lambda: compare(pair.left, pair.right), repeat=3)
    links = {
        (a, b)
        for row in comparison.rows
        if row.left and row.right
        for a in row.left
        for b in row.right
    }
    return seconds, links


def recall_precision(links: set[tuple[int, int]], truth: frozenset) -> tuple[float, float]:
    hits = len(links & truth)
    return hits / len(truth), (hits / len(links) if links else 1.0)


def measure(size: int) -> Figure:
    from newsdiff.core.compare import compare

    pair = generate_pair(size)
    base_seconds, base = baseline_links(pair)
    ours_seconds, ours = newsdiff_links(pair)
    peak, _ = peak_memory(lambda: compare(pair.left, pair.right))
    recall, precision = recall_precision(ours, pair.links)
    base_recall, base_precision = recall_precision(base, pair.links)
    verdict = "ok" if recall >= base_recall else "BELOW BASELINE"
    return Figure(
        name=f"compare {size:,} x {len(pair.right.sentences):,} sentences",
        seconds=ours_seconds,
        baseline="cdist all pairs",
        baseline_seconds=base_seconds,
        target=TARGETS.get(size),
        note=(
            f"recall {recall:.3f} vs cdist {base_recall:.3f} ({verdict}); "
            f"precision {precision:.3f} vs {base_precision:.3f}; "
            f"peak {peak / 2**20:.0f} MB"
        ),
    )


def run(scale: str) -> list[Figure]:
    return [measure(size) for size in SIZES[scale]]
