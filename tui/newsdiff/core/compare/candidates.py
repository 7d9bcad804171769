"""Which sentence pairs are worth scoring: an inverted index over rare terms.

Scoring every left sentence against every right sentence is quadratic — fine for two
articles, hopeless for two 10,000-sentence dumps. Sentences that say the same thing
share at least one specific word, so each side's terms are indexed and every sentence
looks up only its rarest terms, accumulating their IDF per sentence on the other side.
That sum is the numerator of the final score restricted to the looked-up terms, so
the top few by it are the pairs worth scoring in full.

Terms frequent on the other side (more than :data:`MAX_POSTINGS` sentences) are never
looked up: they carry little weight and would make the lookup quadratic again. Small
inputs (under :data:`EXHAUSTIVE_PAIRS` pairs) skip both limits, so every pair with any
shared term is a candidate.

The lookup runs on arrays (numpy), all sentences at once: each sentence's terms as
ids in rarity order (:attr:`Similarity.term_ids`), the other side's postings, and one
grouped sum per (sentence, partner) — the same sums, added in the same order, as a
loop over dictionaries would make, at a fraction of the cost.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from newsdiff.core.compare.features import SentenceProfile
from newsdiff.core.compare.similarity import Similarity

if TYPE_CHECKING:
    import numpy as np

EXHAUSTIVE_PAIRS: Final = 250_000
"""Below this many sentence pairs, every pair sharing a term is a candidate."""
MAX_POSTINGS: Final = 48
"""Terms found in more sentences than this on the other side are not looked up."""
LOOKUP_TERMS: Final = 8
"""How many of a sentence's rarest terms are looked up."""
PER_SENTENCE: Final = 3
"""How many best-looking partners each sentence keeps."""


class _Side:
    """One side's terms as arrays: ``(sentence, term id)`` entries sorted by sentence,
    then by id (rarest first), and each term's postings (the sentences holding it)."""

    def __init__(
        self, profiles: Sequence[SentenceProfile], term_ids: array, vocabulary: int
    ) -> None:
        """``term_ids``: every profile's terms as ids, profile after profile (as
        :class:`Similarity` keeps them)."""
        import numpy as np

        self.count = len(profiles)
        lengths = np.fromiter((len(p.terms) for p in profiles), np.int64, len(profiles))
        terms = np.frombuffer(term_ids, dtype=np.int64) if len(term_ids) else np.zeros(0, np.int64)
        sentences = np.repeat(np.arange(len(profiles), dtype=np.int64), lengths)
        order = np.argsort(sentences * vocabulary + terms, kind="stable")
        self.sentences = sentences[order]
        self.terms = terms[order]
        self.frequency = np.bincount(self.terms, minlength=vocabulary)
        by_term = np.argsort(self.terms * max(1, len(profiles)) + self.sentences, kind="stable")
        self.postings = self.sentences[by_term]
        """Sentences holding each term, grouped by term id, ascending within a term."""
        self.posting_start = np.concatenate(([0], np.cumsum(self.frequency)[:-1]))


def _group_rank(groups: np.ndarray) -> np.ndarray:
    """Position of each entry within its run of equal ``groups`` values (0, 1, 2…)."""
    import numpy as np

    if len(groups) == 0:
        return groups
    starts = np.flatnonzero(np.concatenate(([True], groups[1:] != groups[:-1])))
    run_lengths = np.diff(np.concatenate((starts, [len(groups)])))
    return np.arange(len(groups)) - np.repeat(starts, run_lengths)


def _one_way(
    queries: _Side, postings: _Side, idf: np.ndarray, exhaustive: bool
) -> tuple[np.ndarray, np.ndarray]:
    """``(query positions, other positions)`` of each query's best-looking partners."""
    import numpy as np

    frequency = postings.frequency
    usable = frequency > 0 if exhaustive else (frequency > 0) & (frequency <= MAX_POSTINGS)
    keep = usable[queries.terms]
    query, term = queries.sentences[keep], queries.terms[keep]
    if not exhaustive:  # the LOOKUP_TERMS rarest (ids are in rarity order)
        first = _group_rank(query) < LOOKUP_TERMS
        query, term = query[first], term[first]
    counts = frequency[term]
    total = int(counts.sum())
    if total == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    ends = np.cumsum(counts)
    offsets = np.arange(total) + np.repeat(postings.posting_start[term] - (ends - counts), counts)
    other = postings.postings[offsets]
    size = postings.count
    pair_keys = np.repeat(query, counts) * size + other
    # Group equal pairs: a stable sort (the keys come in sorted runs, one per looked-up
    # term of each query, which the sort exploits) ...
    order = np.argsort(pair_keys, kind="stable")
    ordered = pair_keys[order]
    new = np.concatenate(([True], ordered[1:] != ordered[:-1]))
    group = np.cumsum(new) - 1
    inverse = np.empty_like(group)
    inverse[order] = group
    # ... and sum each pair's weights with bincount, which adds in array order: per
    # pair, the rarest term's weight first, as a loop over the terms would.
    scores = np.bincount(inverse, weights=np.repeat(idf[term], counts))
    keys = ordered[new]
    query, other = keys // size, keys % size
    if not exhaustive:
        chosen = _best_per_query(query, scores)
        query, other = query[chosen], other[chosen]
    return query, other


def _best_per_query(query: np.ndarray, scores: np.ndarray) -> np.ndarray:
    """Indices of each query's :data:`PER_SENTENCE` best scores (all of them when it
    has no more), ties to the earlier entry; entries are grouped by query.

    A few rounds of "each group's maximum", rather than a sort of every score.
    """
    import numpy as np

    starts = np.flatnonzero(np.concatenate(([True], query[1:] != query[:-1])))
    group = np.repeat(np.arange(len(starts)), np.diff(np.append(starts, len(query))))
    left = scores.copy()
    chosen = []
    for _ in range(PER_SENTENCE):
        top = np.maximum.reduceat(left, starts)
        hits = np.flatnonzero((left == top[group]) & (left >= 0))
        hit_groups = group[hits]
        firsts = hits[np.concatenate(([True], hit_groups[1:] != hit_groups[:-1]))]
        chosen.append(firsts)
        left[firsts] = -1.0
    return np.sort(np.concatenate(chosen))


def candidate_pairs(similarity: Similarity) -> list[tuple[int, int]]:
    """``(left position, right position)`` pairs worth scoring in full, each once, in
    order (scoring them in order reads both reports' profiles front to back)."""
    import numpy as np

    left, right = similarity.left, similarity.right
    if not left or not right:
        return []
    exhaustive = len(left) * len(right) <= EXHAUSTIVE_PAIRS
    vocabulary = len(similarity.term_ids)
    idf = np.array(similarity.idf_by_id, dtype=np.float64)
    left_side = _Side(left, similarity.left_ids, vocabulary)
    right_side = _Side(right, similarity.right_ids, vocabulary)
    a, b = _one_way(left_side, right_side, idf, exhaustive)
    d, c = _one_way(right_side, left_side, idf, exhaustive)
    keys = np.unique(np.concatenate((a * len(right) + b, c * len(right) + d)))
    return list(zip((keys // len(right)).tolist(), (keys % len(right)).tolist(), strict=True))
