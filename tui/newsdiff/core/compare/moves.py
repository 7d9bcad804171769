"""Which links are moves: the ones outside the heaviest in-order backbone.

Sorted by their left position, the links' right positions mostly increase; the links
that break the increase are the sentences a rewrite moved. The backbone is the
heaviest strictly increasing subsequence of right positions (weight = sentences in
the link, plus its score to break ties toward the better match), found in
``O(n log n)`` with a Fenwick tree of prefix maxima. Between equally heavy backbones
the one that sits earlier on both sides wins (the smaller sum of positions): a rule
that reads the same from either side, so comparing B with A mirrors A with B. Every
link off the backbone is a move — shown as one row with both sides, never as a delete
plus an insert.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.core.compare.align import Link

_Total = tuple[float, int]
"""A chain's (weight, minus the sum of its links' positions): compared as a pair."""
_NO_TOTAL: _Total = (0.0, 0)


def backbone(links: Sequence[Link]) -> set[int]:
    """Indices of the links that stay in order on both sides."""
    return backbone_of(
        [
            (link.left[0], link.right[0], len(link.left) + len(link.right) + link.score)
            for link in links
        ]
    )


def backbone_of(links: Sequence[tuple[int, int, float]]) -> set[int]:
    """:func:`backbone` of links given as ``(first left, first right, weight)``.

    The Fenwick tree of prefix maxima is two flat lists (best total and its link per
    node) walked inline: it runs three times per comparison (twice while aligning,
    once for the moves), and method calls and tuple look-ups per node cost a quarter
    of its time. A node takes a value only when strictly better, so among equal
    totals the first one in (left order) stays.
    """
    if not links:
        return set()
    order = sorted(range(len(links)), key=[link[0] for link in links].__getitem__)
    ranks = {r: rank for rank, r in enumerate(sorted({link[1] for link in links}))}
    size = len(ranks) + 1
    tree_total = [_NO_TOTAL] * size
    """Node ``j`` (1-based): the best total over ranks ``j - (j & -j) .. j - 1``."""
    tree_link = [-1] * size
    total = [_NO_TOTAL] * len(links)
    previous = [-1] * len(links)
    for i in order:
        first_left, first_right, weight = links[i]
        rank = ranks[first_right]
        best, before = _NO_TOTAL, -1  # the best chain over ranks strictly below
        j = rank
        while j > 0:
            if tree_total[j] > best:
                best, before = tree_total[j], tree_link[j]
            j -= j & -j
        mine = (best[0] + weight, best[1] - first_left - first_right)
        total[i] = mine
        previous[i] = before
        j = rank + 1
        while j < size:
            if mine > tree_total[j]:
                tree_total[j] = mine
                tree_link[j] = i
            j += j & -j
    last = total.index(max(total))  # the heaviest chain; of equal ones, the first link's
    chain: set[int] = set()
    while last != -1:
        chain.add(last)
        last = previous[last]
    return chain


def moved_links(links: Sequence[Link]) -> set[int]:
    """Indices of the links that cross the backbone (moves)."""
    kept = backbone(links)
    return {i for i in range(len(links)) if i not in kept}
