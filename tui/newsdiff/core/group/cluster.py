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
from collections.abc import Callable
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
    """Connected-component label of every article (union-find, path halving)."""
    parent = np.arange(count, dtype=np.int64)

    def find(node: int) -> int:
        while parent[node] != node:
            parent[node] = parent[parent[node]]
            node = int(parent[node])
        return node

    for a, b in zip(left.tolist(), right.tolist(), strict=True):
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    return np.array([find(node) for node in range(count)], dtype=np.int64)


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
    groups: dict[int, list[int]] = {}
    for node, root in enumerate(label.tolist()):
        groups.setdefault(root, []).append(node)
    edges_by_component: dict[int, list[tuple[int, int, float]]] = {}
    for a, b, s in zip(left.tolist(), right.tolist(), score.tolist(), strict=True):
        if label[a] == label[b]:
            edges_by_component.setdefault(int(label[a]), []).append((a, b, s))
    stories: list[list[int]] = []
    for root, members in groups.items():
        if cancelled is not None and cancelled():
            raise InterruptedError("grouping cancelled")
        if len(members) == 1:
            stories.append(members)
            continue
        stories.extend(_cluster(members, edges_by_component.get(root, []), threshold))
    stories.sort(key=lambda story: story[0])
    return stories


def _cluster(
    members: list[int], edges: list[tuple[int, int, float]], threshold: float
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
