"""How alike two sentences (or two runs of sentences) are: IDF-weighted Dice.

The score is ``2·w(A∩B) / (w(A) + w(B))`` over the content-term sets of both sides,
each term weighted by its inverse document frequency over the sentences of *both*
reports. Why this and not an edit distance or ``token_set_ratio``:

- word order does not matter, so a paraphrase that moves a clause still scores high;
- rare, specific words (names, places, ``jenazah``) count for much more than the words
  every sentence of the story repeats (``Rusia``, ``Ukraina``, ``perundingan``);
- it is symmetric in size, so a short sentence whose few words all occur in a long one
  does *not* score 1 — the trap ``token_set_ratio`` falls into (it scores 100 whenever
  one side's words are a subset of the other's);
- a split is visible: a long sentence scores higher against the union of its two
  halves than against either half, which is how splits and merges are found.

Values are already masked out of the terms (see :mod:`features`), so a changed number
or date costs nothing here; findings compare values separately. An *equal* value on
both sides is evidence, though — ``3.000 jenazah`` in a sentence that shares little
else — so shared values add their weight to both the overlap and the total, and
unshared values add nothing to either.
"""

from __future__ import annotations

import math
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain, pairwise
from operator import itemgetter

from newsdiff.core.compare.features import SentenceProfile


class Similarity:
    """Scores between sentence runs of two reports, with IDF over both."""

    def __init__(self, left: Sequence[SentenceProfile], right: Sequence[SentenceProfile]) -> None:
        self.left = left
        self.right = right
        both = (*left, *right)
        frequency = Counter(chain.from_iterable(p.terms for p in both))
        fact_frequency = Counter(chain.from_iterable(p.facts for p in both))
        total = len(left) + len(right)
        self.document_frequency = frequency
        # Terms in rarity order: fewest sentences first, then alphabetical, so ties
        # never depend on set order.
        by_rarity = sorted(frequency.items())
        by_rarity.sort(key=itemgetter(1))
        self.term_ids: dict[str, int] = {term: i for i, (term, _) in enumerate(by_rarity)}
        """Each term's position in rarity order (0 = the rarest)."""
        # Most terms occur once or twice: one logarithm per distinct count.
        logs = {count: math.log((total + 1) / count) for count in set(frequency.values())}
        self.idf_by_id = list(map(logs.__getitem__, map(itemgetter(1), by_rarity)))
        self.idf: dict[str, float] = dict(zip(self.term_ids, self.idf_by_id, strict=True))
        self.fact_idf: dict[str, float] = {
            fact: math.log((total + 1) / count) for fact, count in fact_frequency.items()
        }
        self._idf_of = self.idf.__getitem__
        id_of, idf_at = self.term_ids.__getitem__, self.idf_by_id.__getitem__
        self.left_ids, self.left_weight = _ids_and_weights(left, id_of, idf_at)
        self.right_ids, self.right_weight = _ids_and_weights(right, id_of, idf_at)

    def weight(self, terms: Iterable[str]) -> float:
        return sum(map(self._idf_of, terms))

    def fact_weight(self, facts: Iterable[str]) -> float:
        return sum(map(self.fact_idf.__getitem__, facts))

    def _score(self, shared: float, total: float, shared_facts: float) -> float:
        total += 2.0 * shared_facts
        return 2.0 * (shared + shared_facts) / total if total > 0 else 0.0

    def pair(self, left: int, right: int) -> float:
        """Score of one left sentence against one right sentence (positions)."""
        a, b = self.left[left], self.right[right]
        shared = a.terms & b.terms
        facts = a.facts & b.facts
        if not shared and not facts:
            return 0.0
        return self._score(
            self.weight(shared),
            self.left_weight[left] + self.right_weight[right],
            self.fact_weight(facts),
        )

    def scored(
        self, pairs: Iterable[tuple[int, int]], floor: float = 0.0
    ) -> list[tuple[float, int, int]]:
        """``(score, left, right)`` for each pair scoring at least ``floor``: :meth:`pair`
        for many at once (alignment asks for tens of thousands, most below its
        threshold, so those are dropped here rather than built and thrown away)."""
        left, right = self.left, self.right
        left_weight, right_weight = self.left_weight, self.right_weight
        idf, fact_idf = self._idf_of, self.fact_idf.__getitem__
        out: list[tuple[float, int, int]] = []
        for a, b in pairs:
            pa, pb = left[a], right[b]
            shared = pa.terms & pb.terms
            # Most sentences state no value: their facts are not intersected at all.
            if pa.facts and (facts := pa.facts & pb.facts):
                shared_facts = sum(map(fact_idf, facts))
            elif shared:
                shared_facts = 0  # the sum over no facts, as it always was
            else:
                if floor <= 0.0:
                    out.append((0.0, a, b))
                continue
            total = left_weight[a] + right_weight[b] + 2.0 * shared_facts
            score = 2.0 * (sum(map(idf, shared)) + shared_facts) / total if total > 0 else 0.0
            if score >= floor:
                out.append((score, a, b))
        return out

    def terms(self, side: Sequence[SentenceProfile], positions: Sequence[int]) -> frozenset[str]:
        if len(positions) == 1:
            return side[positions[0]].terms
        return frozenset().union(*(side[position].terms for position in positions))

    def facts(self, side: Sequence[SentenceProfile], positions: Sequence[int]) -> frozenset[str]:
        if len(positions) == 1:
            return side[positions[0]].facts
        return frozenset().union(*(side[position].facts for position in positions))

    def group(self, left: Sequence[int], right: Sequence[int]) -> float:
        """Score of a run of left sentences against a run of right sentences."""
        if len(left) == 1 and len(right) == 1:
            return self.pair(left[0], right[0])
        a = self.terms(self.left, left)
        b = self.terms(self.right, right)
        facts = self.facts(self.left, left) & self.facts(self.right, right)
        return self._score(
            self.weight(a & b), self.weight(a) + self.weight(b), self.fact_weight(facts)
        )

    def containment(self, part: frozenset[str], whole: frozenset[str]) -> float:
        """How much of ``part`` (by weight) occurs in ``whole``."""
        weight = self.weight(part)
        return self.weight(part & whole) / weight if weight > 0 else 0.0


def _ids_and_weights(
    profiles: Sequence[SentenceProfile],
    id_of: Callable[[str], int],
    idf_at: Callable[[int], float],
) -> tuple[array, list[float]]:
    """Every term of every profile as its id (profile after profile, each profile's
    terms in set order), and each profile's weight.

    One look-up per term serves both the weights and the candidate index
    (:mod:`candidates` reads the ids). A weight adds its terms' IDF in the same order
    :meth:`Similarity.weight` would, so it is the very same float.
    """
    ids = list(map(id_of, chain.from_iterable(p.terms for p in profiles)))
    idfs = list(map(idf_at, ids))
    bounds = accumulate((len(p.terms) for p in profiles), initial=0)
    return array("q", ids), [sum(idfs[a:b]) for a, b in pairwise(bounds)]
