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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Final

from newsdiff.core.compare.features import SentenceProfile
from newsdiff.core.compare.similarity import Similarity

EXHAUSTIVE_PAIRS: Final = 250_000
"""Below this many sentence pairs, every pair sharing a term is a candidate."""
MAX_POSTINGS: Final = 48
"""Terms found in more sentences than this on the other side are not looked up."""
LOOKUP_TERMS: Final = 8
"""How many of a sentence's rarest terms are looked up."""
PER_SENTENCE: Final = 3
"""How many best-looking partners each sentence keeps."""


def _index(side: Sequence[SentenceProfile]) -> dict[str, list[int]]:
    postings: dict[str, list[int]] = defaultdict(list)
    for position, profile in enumerate(side):
        for term in profile.terms:
            postings[term].append(position)
    return postings


def _one_way(
    queries: Sequence[SentenceProfile],
    postings: dict[str, list[int]],
    idf: dict[str, float],
    exhaustive: bool,
) -> list[tuple[int, int]]:
    """``(query position, other position)`` for each query's best-looking partners."""
    pairs: list[tuple[int, int]] = []
    if exhaustive:
        usable = set(postings)
    else:
        usable = {term for term, found in postings.items() if len(found) <= MAX_POSTINGS}

    def rarity(term: str) -> tuple[float, str]:
        return -idf[term], term

    for position, profile in enumerate(queries):
        looked_up = profile.terms & usable
        if not exhaustive and len(looked_up) > LOOKUP_TERMS:
            # Ties broken by the term itself: set order must not decide the result.
            looked_up = sorted(looked_up, key=rarity)[:LOOKUP_TERMS]
        scores: dict[int, float] = {}
        get = scores.get
        for term in looked_up:
            weight = idf[term]
            for other in postings[term]:
                scores[other] = get(other, 0.0) + weight
        if exhaustive or len(scores) <= PER_SENTENCE:
            best: Iterable[int] = scores
        else:
            best = sorted(scores, key=lambda other: (-scores[other], other))[:PER_SENTENCE]
        pairs.extend((position, other) for other in best)
    return pairs


def candidate_pairs(similarity: Similarity) -> set[tuple[int, int]]:
    """``(left position, right position)`` pairs worth scoring in full."""
    left, right = similarity.left, similarity.right
    exhaustive = len(left) * len(right) <= EXHAUSTIVE_PAIRS
    idf = similarity.idf
    found = set(_one_way(left, _index(right), idf, exhaustive))
    found.update((a, b) for b, a in _one_way(right, _index(left), idf, exhaustive))
    return found
