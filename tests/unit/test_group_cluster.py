"""Stories are average-linkage clusters: no chaining through weak links."""

from __future__ import annotations

import numpy as np

from newsdiff.core.group.anchors import Anchors, conflicts
from newsdiff.core.group.cluster import average_linkage, components, shared_neighbours
from newsdiff.core.group.pairs import best_per_article, merge_pairs, pairs_within_groups


def _pairs(edges: list[tuple[int, int, float]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    left = np.array([a for a, _, _ in edges])
    right = np.array([b for _, b, _ in edges])
    return left, right, np.array([s for _, _, s in edges])


def test_a_chain_of_weak_links_is_not_one_story() -> None:
    # Two tight events (0-1-2, 5-6-7) and a chain 2-3-4-5 of links each above the
    # threshold: connected components would make one story of all eight.
    edges = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.85), (5, 6, 0.9), (5, 7, 0.8), (6, 7, 0.85)]
    edges += [(2, 3, 0.3), (3, 4, 0.3), (4, 5, 0.3)]
    left, right, score = _pairs(edges)
    assert len(set(components(8, left, right).tolist())) == 1
    stories = average_linkage(8, left, right, score, threshold=0.2)
    assert [0, 1, 2] in [s[:3] for s in stories]
    assert not any(0 in s and 5 in s for s in stories)
    assert all(len(s) <= 4 for s in stories)


def test_negative_evidence_keeps_alike_groups_apart() -> None:
    edges = [(0, 1, 0.8), (2, 3, 0.8), (0, 2, 0.5), (1, 3, 0.5), (0, 3, -1.0), (1, 2, -1.0)]
    left, right, score = _pairs(edges)
    assert average_linkage(4, left, right, score, threshold=0.2) == [[0, 1], [2, 3]]


def test_shared_neighbours_favour_mutual_closeness() -> None:
    edges = [(0, 1, 0.9), (0, 2, 0.8), (1, 2, 0.8), (2, 3, 0.4), (3, 4, 0.9)]
    left, right, score = _pairs(edges)
    shared = shared_neighbours(5, left, right, score, k=2)
    by_pair = dict(
        zip(zip(left.tolist(), right.tolist(), strict=True), shared.tolist(), strict=True)
    )
    assert by_pair[(0, 1)] > by_pair[(2, 3)]


def test_pair_helpers() -> None:
    left, right, _weight = pairs_within_groups(
        np.array([4, 1, 3, 9, 2]), np.array([0, 3]), np.array([3, 2]), np.array([1.0, 2.0])
    )
    assert sorted(zip(left.tolist(), right.tolist(), strict=True)) == [
        (1, 3),
        (1, 4),
        (2, 9),
        (3, 4),
    ]
    merged = merge_pairs(np.array([1, 3, 1]), np.array([3, 1, 2]), np.array([1.0, 2.0, 5.0]), 10)
    assert [a.tolist() for a in merged] == [[1, 1], [2, 3], [5.0, 3.0]]
    keep = best_per_article(np.array([0, 0, 0]), np.array([1, 2, 3]), np.array([9.0, 1.0, 8.0]), 1)
    assert keep.tolist() == [True, True, True]  # each right article keeps its only pair
    keep = best_per_article(
        np.array([0, 0, 0, 1]), np.array([1, 2, 3, 2]), np.array([9.0, 1.0, 8.0, 0.5]), 2, 1, 0.5
    )
    assert keep[0] and keep[2]


def _anchors(rows: list[tuple[int, int, int, int]]) -> Anchors:
    weekday, month, day, year = (np.array(c, dtype=np.int16) for c in zip(*rows, strict=True))
    return Anchors.build(weekday, month, day, year, np.zeros(len(rows), np.int16))


def test_lead_dates_tell_events_apart() -> None:
    anchors = _anchors(
        [
            (4, 5, 16, 2025),  # Friday 16 May 2025 (seed 000)
            (2, 7, 23, 2025),  # Wednesday 23 July 2025 (seed 001)
            (-1, 7, 23, 2027),  # 23 July 2027: the rewrite that changed the year (004)
            (4, 0, 0, 0),  # "Jumat" only (003)
            (0, 0, 0, 0),  # "Senin" only (002)
            (-1, 0, 0, 0),  # nothing known
        ]
    )
    pairs = [(0, 1), (1, 2), (0, 3), (1, 3), (3, 4), (4, 5), (0, 2)]
    found = conflicts(anchors, np.array([a for a, _ in pairs]), np.array([b for _, b in pairs]))
    assert dict(zip(pairs, found.tolist(), strict=True)) == {
        (0, 1): True,
        (1, 2): False,  # same day and month: the year is a finding, not another event
        (0, 3): False,
        (1, 3): True,  # 23 July 2025 was a Wednesday
        (3, 4): True,
        (4, 5): False,
        (0, 2): True,
    }
