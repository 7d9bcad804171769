"""Candidate pairs from shared rare facts: how rewrites are found.

A rewrite shares its source's facts — ``1.200``, ``7.000``, ``3.000``, ``Istanbul``,
``23 Juli`` — more than its phrasing, so shingle sketches miss it. This is an inverted
index from each fact to the articles that have it. Facts that many articles have
(:data:`DF_LIMIT`) are left out: they are not specific to one event, and their
posting lists would pair everything with everything. For every remaining fact, each
pair of its articles gets the fact's ``idf²`` weight; the weights of a pair add up
over the facts it shares, and each article keeps its :data:`PARTNERS` heaviest
partners and any others nearly as heavy (:data:`MORE_PARTNERS`). Verification
(:mod:`verify`) then decides with the full fact sets.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.pairs import best_per_article, merge_pairs, pairs_within_groups
from newsdiff.core.group.weights import CorpusWeights

DF_LIMIT: Final = 64
"""Facts in more articles than this are not indexed."""
PARTNERS: Final = 6
"""Candidates every article keeps: its heaviest partners by shared fact weight."""
MORE_PARTNERS: Final = 48
"""Further candidates an article keeps when they share nearly as much as its best: a
story told by dozens of outlets needs most of its pairs verified, a report with one
close partner and many loose ones does not."""
SHARE_OF_BEST: Final = 0.3


def fact_pairs(table: FeatureTable, weights: CorpusWeights) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs ``(left, right)`` that share rare facts."""
    count = len(table)
    frequency = weights.fact_frequency
    indexed = (frequency >= 2) & (frequency <= DF_LIMIT)
    # One value sort of (fact, article) packed in an integer groups the postings.
    packed = np.sort(weights.fact_ids[indexed] * count + table.facts.row_ids()[indexed])
    fact_ids, articles = packed // count, packed % count
    fact_weight = weights.fact_idf_squared[fact_ids]
    if len(fact_ids) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    boundary = np.flatnonzero(np.diff(fact_ids)) + 1
    starts = np.concatenate([[0], boundary])
    sizes = np.diff(np.concatenate([starts, [len(fact_ids)]]))
    left, right, weight = pairs_within_groups(articles, starts, sizes, fact_weight[starts])
    left, right, weight = merge_pairs(left, right, weight, count)
    keep = best_per_article(left, right, weight, MORE_PARTNERS, PARTNERS, SHARE_OF_BEST)
    return left[keep], right[keep]
