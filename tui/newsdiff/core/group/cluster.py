"""Stories from verified pairs: average linkage, never a chain of weak links.

Taking connected components of "similar enough" pairs would let one busy topic (a
dozen floods in one city, each reported a few times, and follow-ups that mention two
of them) collapse into one giant story through a chain of pairs that are each a
little alike. Average linkage does not chain: two groups merge only when the
*average* score over all pairs between them — pairs never found as candidates count
as 0, pairs whose leads put the events on different days count negative — reaches
:data:`STORY_THRESHOLD`. A follow-up that shares a few facts with each of two events
is linked to both as *related* but merged into neither.

The graph is split into connected components of positive pairs first; each component
is clustered on its own with a heap of candidate merges (stale entries skipped), so
the cost follows the number of verified pairs, not the square of the corpus.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import Final

import numpy as np

STORY_THRESHOLD: Final = 0.07
"""Average score between two groups at which they are one story."""
NEIGHBOURS: Final = 8
"""How many best partners of each report shared-neighbour scaling looks at."""


def shared_neighbours(
    count: int, left: np.ndarray, right: np.ndarray, score: np.ndarray, k: int = NEIGHBOURS
) -> np.ndarray:
    """For each pair, the share of the two reports' closest partners they have in common.

    Each report's neighbourhood is itself and its ``k`` best-scoring partners; a pair's
    value is the size of the overlap of the two neighbourhoods over ``k + 1``
    (Jarvis and Patrick's shared nearest neighbours). Reports of one event are each
    other's closest partners; two events of one kind can be as alike, pair by pair,
    but their reports' closest partners are their own event's reports.
    """
    if len(left) == 0:
        return np.zeros(0)
    positive = score > 0
    owner = np.concatenate([left[positive], right[positive]])
    other = np.concatenate([right[positive], left[positive]])
    heavy = np.concatenate([score[positive], score[positive]])
    order = np.lexsort((-heavy, owner))
    owner, other = owner[order], other[order]
    first = np.ones(len(owner), dtype=bool)
    first[1:] = owner[1:] != owner[:-1]
    run_start = np.maximum.accumulate(np.where(first, np.arange(len(owner)), 0))
    near = (np.arange(len(owner)) - run_start) < k
    everyone = np.arange(count, dtype=np.int64)
    keys = np.sort(np.concatenate([owner[near] * count + other[near], everyone * count + everyone]))
    # Expand each pair's left neighbourhood and look each member up in the right's.
    hood_owner = np.concatenate([owner[near], everyone])
    hood_member = np.concatenate([other[near], everyone])
    by_owner = np.argsort(hood_owner, kind="stable")
    hood_owner, hood_member = hood_owner[by_owner], hood_member[by_owner]
    offsets = np.searchsorted(hood_owner, np.arange(count + 1))
    starts = offsets[left]
    lengths = offsets[left + 1] - starts
    pair_of = np.repeat(np.arange(len(left)), lengths)
    within = np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    members = hood_member[np.repeat(starts, lengths) + within]
    wanted = right[pair_of] * count + members
    found = np.searchsorted(keys, wanted)
    hit = keys[np.minimum(found, len(keys) - 1)] == wanted
    return np.bincount(pair_of, weights=hit, minlength=len(left)) / (k + 1)


def components(count: int, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Connected-component label (the smallest member) of every article.

    Label propagation with pointer jumping, all in numpy: each round every edge pulls
    both ends to the smaller label and every label jumps to its label's label; news
    graphs are shallow, so a handful of rounds settle it.
    """
    label = np.arange(count, dtype=np.int64)
    if not len(left):
        return label
    while True:
        low = np.minimum(label[left], label[right])
        before = label.copy()
        np.minimum.at(label, left, low)
        np.minimum.at(label, right, low)
        while True:
            jumped = label[label]
            if np.array_equal(jumped, label):
                break
            label = jumped
        if np.array_equal(label, before):
            return label


def average_linkage(
    count: int,
    left: np.ndarray,
    right: np.ndarray,
    score: np.ndarray,
    threshold: float = STORY_THRESHOLD,
    cancelled: Callable[[], bool] | None = None,
) -> list[list[int]]:
    """Groups of articles (each sorted), singletons included, in order of first member."""
    positive = score > 0
    label = components(count, left[positive], right[positive])
    stories: list[list[int]] = []
    sizes = np.bincount(label, minlength=count)
    alone = np.flatnonzero(sizes[label] == 1)
    stories.extend([int(node)] for node in alone)
    # Members and edges of each larger component, sorted by component, cut in slices.
    grouped = np.flatnonzero(sizes[label] > 1)
    members_order = grouped[np.argsort(label[grouped], kind="stable")]
    member_label = label[members_order]
    inside = label[left] == label[right]
    inside &= sizes[label[left]] > 1
    edge_label = label[left[inside]]
    edge_order = np.argsort(edge_label, kind="stable")
    edge_left = left[inside][edge_order]
    edge_right = right[inside][edge_order]
    edge_score = score[inside][edge_order]
    edge_label = edge_label[edge_order]
    roots = np.unique(member_label)
    member_start = np.searchsorted(member_label, roots)
    member_stop = np.searchsorted(member_label, roots, side="right")
    edge_start = np.searchsorted(edge_label, roots)
    edge_stop = np.searchsorted(edge_label, roots, side="right")
    for number in range(len(roots)):
        if cancelled is not None and number % 256 == 0 and cancelled():
            raise InterruptedError("grouping cancelled")
        lo, hi = edge_start[number], edge_stop[number]
        stories.extend(
            _cluster(
                members_order[member_start[number] : member_stop[number]].tolist(),
                zip(
                    edge_left[lo:hi].tolist(),
                    edge_right[lo:hi].tolist(),
                    edge_score[lo:hi].tolist(),
                    strict=True,
                ),
                threshold,
            )
        )
    stories.sort(key=lambda story: story[0])
    return stories


def _cluster(
    members: list[int], edges: Iterable[tuple[int, int, float]], threshold: float
) -> list[list[int]]:
    """Average-linkage agglomeration of one component (greedy, best merge first)."""
    size = {node: 1 for node in members}
    owned = {node: [node] for node in members}
    sums: dict[int, dict[int, float]] = {node: {} for node in members}
    for a, b, s in edges:
        sums[a][b] = sums[a].get(b, 0.0) + s
        sums[b][a] = sums[b].get(a, 0.0) + s
    version = dict.fromkeys(members, 0)
    heap: list[tuple[float, int, int, int, int]] = []
    for a in members:
        for b, total in sums[a].items():
            if a < b and total > 0:
                heap.append((-total, a, b, 0, 0))
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if version.get(a) != version_a or version.get(b) != version_b:
            continue  # stale: one side has merged since
        if -negative < threshold:
            break  # the best current merge is not good enough; nothing else is
        keep, gone = (a, b) if len(sums[a]) >= len(sums[b]) else (b, a)
        for other, total in sums.pop(gone).items():
            if other == keep:
                continue
            merged = sums[keep].get(other, 0.0) + total
            sums[keep][other] = merged
            sums[other].pop(gone, None)
            sums[other][keep] = merged
        sums[keep].pop(gone, None)
        size[keep] += size.pop(gone)
        owned[keep].extend(owned.pop(gone))
        del version[gone]
        version[keep] += 1
        for other, total in sums[keep].items():
            if total > 0:
                x, y = (keep, other) if keep < other else (other, keep)
                average = total / (size[keep] * size[other])
                heapq.heappush(heap, (-average, x, y, version[x], version[y]))
    return [sorted(group) for group in owned.values()]
