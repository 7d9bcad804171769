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
_NONE: tuple[_Total, int] = ((0.0, 0), -1)


class _PrefixMax:
    """Fenwick tree: best (total, link) over ranks ``0..i``."""

    def __init__(self, size: int) -> None:
        self.tree: list[tuple[_Total, int]] = [_NONE] * (size + 1)

    def update(self, rank: int, value: tuple[_Total, int]) -> None:
        i = rank + 1
        while i < len(self.tree):
            if value[0] > self.tree[i][0]:
                self.tree[i] = value
            i += i & -i

    def query(self, rank: int) -> tuple[_Total, int]:
        """Best over ranks strictly below ``rank``."""
        best = _NONE
        i = rank
        while i > 0:
            if self.tree[i][0] > best[0]:
                best = self.tree[i]
            i -= i & -i
        return best


def backbone(links: Sequence[Link]) -> set[int]:
    """Indices of the links that stay in order on both sides."""
    return backbone_of(
        [
            (link.left[0], link.right[0], len(link.left) + len(link.right) + link.score)
            for link in links
        ]
    )


def backbone_of(links: Sequence[tuple[int, int, float]]) -> set[int]:
    """:func:`backbone` of links given as ``(first left, first right, weight)``."""
    if not links:
        return set()
    order = sorted(range(len(links)), key=lambda i: links[i][0])
    ranks = {r: rank for rank, r in enumerate(sorted({link[1] for link in links}))}
    tree = _PrefixMax(len(ranks))
    previous: dict[int, int] = {}
    total: dict[int, _Total] = {}
    for i in order:
        first_left, first_right, weight = links[i]
        rank = ranks[first_right]
        (before_weight, before_places), before = tree.query(rank)
        total[i] = (before_weight + weight, before_places - first_left - first_right)
        previous[i] = before
        tree.update(rank, (total[i], i))
    last = max(total, key=lambda i: (total[i], -i))
    chain: set[int] = set()
    while last != -1:
        chain.add(last)
        last = previous[last]
    return chain


def moved_links(links: Sequence[Link]) -> set[int]:
    """Indices of the links that cross the backbone (moves)."""
    kept = backbone(links)
    return {i for i in range(len(links)) if i not in kept}
