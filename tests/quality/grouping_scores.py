"""Pairwise precision and recall of "same story", shared by the grouping quality tests."""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Sequence


def pairwise_scores(
    stories: Sequence[Sequence[int]], labels: Sequence[Hashable]
) -> tuple[float, float]:
    """Precision and recall over all pairs of reports: same story vs same gold cluster."""
    true_pairs = sum(
        count * (count - 1) // 2
        for story in stories
        for count in Counter(labels[i] for i in story).values()
    )
    predicted = sum(len(story) * (len(story) - 1) // 2 for story in stories)
    gold = sum(count * (count - 1) // 2 for count in Counter(labels).values())
    precision = true_pairs / predicted if predicted else 1.0
    recall = true_pairs / gold if gold else 1.0
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0
