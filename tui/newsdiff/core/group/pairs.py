"""Pairs of articles as two parallel arrays, and the few operations candidates need.

Both candidate sources (shared sketch bands, shared rare facts) end with groups of
articles that share something; every pair inside a group is a candidate. These helpers
expand groups to pairs, merge duplicates and keep each article's best partners —
all vectorised, because a corpus of 100,000 articles yields millions of raw pairs.
"""

from __future__ import annotations

import numpy as np

from newsdiff.core.group.keytable import KeyTable


def pairs_within_groups(
    members: np.ndarray, starts: np.ndarray, sizes: np.ndarray, weights: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every pair inside each group ``members[starts[g] : starts[g] + sizes[g]]``.

    Returns ``(left, right, weight)`` with ``left < right`` as article numbers, each pair
    carrying its group's weight (1 when ``weights`` is None).
    """
    sizes = sizes.astype(np.int64)
    keep = sizes >= 2
    starts, sizes = starts[keep].astype(np.int64), sizes[keep]
    group_weights = np.ones(len(sizes)) if weights is None else weights[keep]
    if not len(sizes):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    # Every position in a group pairs with each later position of the same group.
    positions = np.repeat(starts, sizes) + (
        np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    )
    group_end = np.repeat(starts + sizes, sizes)
    later = group_end - positions - 1
    first = np.repeat(positions, later)
    offset_in_run = np.arange(int(later.sum())) - np.repeat(np.cumsum(later) - later, later)
    second = first + 1 + offset_in_run
    a, b = members[first], members[second]
    weight = np.repeat(np.repeat(group_weights, sizes), later)
    return np.minimum(a, b), np.maximum(a, b), weight


def unique_sorted(values: np.ndarray) -> np.ndarray:
    """Distinct values, sorted. (``np.unique`` on large unsorted integer arrays takes a
    hash-table path that is many times slower than a plain sort.)"""
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


CACHED_LOOKUP = 1 << 16
"""Sorted values up to this many are searched in any order (they stay in cache)."""


def search_many(haystack: np.ndarray, needles: np.ndarray, side: str = "left") -> np.ndarray:
    """``np.searchsorted(haystack, needles, side)``, the needles looked up in order.

    A binary search per needle in random order misses the cache at every step; sorted
    needles walk the haystack in one direction. Sorting them first (and putting the
    answers back) is several times faster for the large lookups grouping makes.
    """
    if len(needles) < 2:
        return np.searchsorted(haystack, needles, side=side)  # type: ignore[call-overload]
    order = np.argsort(needles)
    found = np.empty(len(needles), dtype=np.int64)
    found[order] = np.searchsorted(haystack, needles[order], side=side)  # type: ignore[call-overload]
    return found


def dense_ids(values: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(distinct values, id of each value, how many times each distinct value occurs)``."""
    distinct = unique_sorted(values)
    if values.dtype == np.uint64 and len(distinct) and distinct[0] != 0:
        # Hashes (terms, facts, slots): one hash-table probe per value instead of a
        # binary search (key 0 marks the table's empty slots, hence the test).
        table = KeyTable()
        table.add(distinct, np.arange(len(distinct)))
        ids = table.find(values, np.int64)
    elif len(distinct) > CACHED_LOOKUP:
        ids = search_many(distinct, values)
    else:
        # Few distinct values stay in cache: a plain lookup is cheapest.
        ids = np.searchsorted(distinct, values)
    return distinct, ids, np.bincount(ids, minlength=len(distinct))


def merge_pairs(
    left: np.ndarray, right: np.ndarray, weight: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Distinct pairs (``left < right``, no self pairs) with their weights summed."""
    keep = left != right
    left, right, weight = left[keep], right[keep], weight[keep]
    key = np.minimum(left, right) * count + np.maximum(left, right)
    unique, inverse, _ = dense_ids(key)
    summed = np.bincount(inverse, weights=weight, minlength=len(unique))
    return unique // count, unique % count, summed


def _by_owner_heaviest_first(owner: np.ndarray, weight: np.ndarray) -> np.ndarray:
    """Order of entries by owner, heaviest first within an owner.

    Owner, rank of the weight and position packed in one integer make this one value
    sort instead of a two-key ``lexsort`` (several times slower on millions of pairs).
    """
    count = len(owner)
    owner_bits = max(1, int(owner.max()).bit_length())
    index_bits = max(1, (count - 1).bit_length())
    weight_bits = 63 - owner_bits - index_bits
    if weight_bits < 16:
        return np.lexsort((-weight, owner))
    top = float(weight.max()) or 1.0
    level = (2**weight_bits - 1) - np.round(
        np.clip(weight / top, 0.0, 1.0) * (2**weight_bits - 1)
    ).astype(np.int64)
    packed = (owner.astype(np.int64) << (weight_bits + index_bits)) | (level << index_bits)
    packed |= np.arange(count, dtype=np.int64)
    return np.sort(packed) & ((1 << index_bits) - 1)


def best_per_article(
    left: np.ndarray,
    right: np.ndarray,
    weight: np.ndarray,
    limit: int,
    at_least: int | None = None,
    share_of_best: float = 0.0,
) -> np.ndarray:
    """Mask of the pairs that are among the heaviest of either article.

    An article keeps its ``at_least`` heaviest pairs (``limit`` when None) and, up to
    ``limit``, every further pair at least ``share_of_best`` as heavy as its heaviest.
    """
    if len(left) == 0:
        return np.zeros(0, dtype=bool)
    pair = np.concatenate([np.arange(len(left)), np.arange(len(left))])
    owner = np.concatenate([left, right])
    heavy = np.concatenate([weight, weight])
    order = _by_owner_heaviest_first(owner, heavy)
    owner_sorted = owner[order]
    first = np.ones(len(order), dtype=bool)
    first[1:] = owner_sorted[1:] != owner_sorted[:-1]
    run_start = np.maximum.accumulate(np.where(first, np.arange(len(order)), 0))
    rank = np.arange(len(order)) - run_start
    floor = limit if at_least is None else at_least
    sorted_weight = heavy[order]
    strong = sorted_weight >= share_of_best * sorted_weight[run_start]
    chosen = (rank < floor) | ((rank < limit) & strong)
    keep = np.zeros(len(left), dtype=bool)
    keep[pair[order[chosen]]] = True
    return keep
