"""Alignment on generated rewrites (the benchmark's pairs), at a size a test can afford.

The benchmark records recall at 1,000 and 10,000 sentences; this holds the floor in the
suite: newsdiff finds at least as many true links as all-pairs ``cdist`` read the most
generous way (each sentence's best partner, both directions, no threshold), and keeps
precision high while doing so.
"""

from __future__ import annotations

from newsdiff.core.compare import compare
from tests.benchmarks.bench_compare import baseline_links, recall_precision
from tests.benchmarks.generate_pairs import generate_pair


def test_recall_on_generated_rewrites_beats_all_pairs_cdist() -> None:
    pair = generate_pair(400, seed=11)
    comparison = compare(pair.left, pair.right)
    links = {
        (a, b)
        for row in comparison.rows
        if row.left and row.right
        for a in row.left
        for b in row.right
    }
    recall, precision = recall_precision(links, pair.links)
    _, base = baseline_links(pair)
    base_recall, _ = recall_precision(base, pair.links)
    assert recall >= base_recall
    assert recall >= 0.95 and precision >= 0.95


def test_generated_pairs_are_repeatable() -> None:
    first, second = generate_pair(50, seed=3), generate_pair(50, seed=3)
    assert first.links == second.links
    assert first.right_sentences == second.right_sentences
