"""Exact evidence for candidate pairs: shared words, shared facts, counts, dates.

Candidates come from sketches and indexes (:mod:`lsh`, :mod:`index`); nothing is
grouped on a sketch alone. Every candidate pair gets exact measures computed from both
articles' full features:

- ``content`` — cosine of the lead-weighted tf-idf content-word vectors;
- ``facts`` — the share of fact weight the two have in common (weighted Dice over
  names, numbers and dates, ``idf²`` weights, see :mod:`weights`);
- ``agree`` / ``disagree`` — of the things both count (``… warga``, ``… rumah``), how
  many they give the same number for and how many a different one. A rewrite repeats
  its source's counts (and may change one); two events told from one template — last
  week's flood report and today's — count the same things with other numbers;
- ``conflict`` — whether the two leads put their events on different days
  (:mod:`anchors`).

:attr:`Evidence.similarity` folds shared words and facts into one number in [0, 1];
:attr:`Evidence.story_score` applies the counter-evidence. The constants were set on
the labelled data described in the README (seed articles, ECB+ topics 1–20, the
benchmark generator) and ``tests/quality`` holds them to their scores.

Scoring is vectorised per left article: its weights are scattered into dense arrays
once and gathered for all its partners, so the cost is one pass over the partners'
terms and facts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.group.anchors import conflicts
from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.ragged import Ragged
from newsdiff.core.group.weights import CorpusWeights

CONTENT_WEIGHT: Final = 0.4
"""How much the content-word cosine adds to the fact overlap."""
FACTS_NEEDED: Final = 3
"""Telling facts (:data:`TELLING_WEIGHT`) two reports must share to count as one story,
unless their wording alone is close (:data:`CONTENT_ALONE`): one or two shared numbers
happen between unrelated reports."""
TELLING_WEIGHT: Final = 4.0
"""A fact's weight (``idf²``) from which it counts as telling: in fewer than about one
article in seven."""
CONTENT_ALONE: Final = 0.5
DISAGREEMENTS_NEEDED: Final = 2
"""Counted things with different numbers before two reports are told apart by them."""
CONFLICT_SCORE: Final = 0.0
"""What a pair counts in a story's average when its leads put the events on different
days, or when the two count the same things with different numbers: nothing, however
alike the two are (a negative score would let one misread date split a real story)."""


@dataclass(frozen=True, slots=True, eq=False)
class Evidence:
    """Exact measures for pairs ``(left[i], right[i])``."""

    left: np.ndarray
    right: np.ndarray
    content: np.ndarray
    facts: np.ndarray
    shared_facts: np.ndarray
    """How many telling facts (:data:`TELLING_WEIGHT`) the two have in common."""
    agree: np.ndarray
    """Counted words both have with at least one number in common."""
    disagree: np.ndarray
    """Counted words both have with no number in common."""
    conflict: np.ndarray

    def __len__(self) -> int:
        return len(self.left)

    @property
    def similarity(self) -> np.ndarray:
        """How much the two reports have in common (no date or number judgement)."""
        return np.clip(self.facts + CONTENT_WEIGHT * self.content, 0.0, 1.0)

    @property
    def counts_differ(self) -> np.ndarray:
        return (self.disagree >= DISAGREEMENTS_NEEDED) & (self.disagree > self.agree)

    @property
    def story_score(self) -> np.ndarray:
        """The similarity with counter-evidence applied: what story clustering uses.

        A pair that shares a single fact and little wording is a coincidence (two
        events that both counted 672 of something), not evidence.
        """
        against = self.conflict | self.counts_differ
        lone = (self.shared_facts < FACTS_NEEDED) & (self.content < CONTENT_ALONE)
        return np.where(against | lone, CONFLICT_SCORE, self.similarity)

    def take(self, mask: np.ndarray) -> Evidence:
        return Evidence(
            self.left[mask], self.right[mask], self.content[mask], self.facts[mask],
            self.shared_facts[mask], self.agree[mask], self.disagree[mask],
            self.conflict[mask],
        )  # fmt: skip


def verify(
    table: FeatureTable, weights: CorpusWeights, left: np.ndarray, right: np.ndarray
) -> Evidence:
    """Exact evidence for each pair ``(left[i], right[i])``."""
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    content = np.zeros(len(left), dtype=np.float64)
    shared_facts = np.zeros(len(left), dtype=np.float64)
    fact_count = np.zeros(len(left), dtype=np.float64)
    shared_slots = np.zeros(len(left), dtype=np.float64)
    shared_values = np.zeros(len(left), dtype=np.float64)
    if len(left):
        order = np.argsort(left, kind="stable")
        left_sorted, right_sorted = left[order], right[order]
        bounds = np.flatnonzero(np.diff(left_sorted)) + 1
        starts = np.concatenate([[0], bounds]).tolist()
        stops = np.concatenate([bounds, [len(left_sorted)]]).tolist()
        terms = _Overlap(table.terms, weights.term_ids, weights.term_weights, weights.term_count)
        facts = _Overlap(table.facts, weights.fact_ids, weights.fact_weights, weights.fact_count)
        slots = _Overlap(table.slots, weights.slot_ids, None, weights.slot_count)
        values = _Overlap(table.slot_values, weights.slot_value_ids, None, weights.slot_value_count)
        for start, stop in zip(starts, stops, strict=True):
            article = int(left_sorted[start])
            partners = right_sorted[start:stop]
            picked = order[start:stop]
            content[picked] = terms.products(article, partners)
            shared_facts[picked], fact_count[picked] = facts.summed(article, partners)
            shared_slots[picked] = slots.shared(article, partners)
            shared_values[picked] = values.shared(article, partners)
    totals = weights.fact_totals[left] + weights.fact_totals[right]
    fact_dice = np.where(totals > 0, shared_facts / np.maximum(totals, 1e-9), 0.0)
    agree = np.minimum(shared_values, shared_slots)
    return Evidence(
        left=left,
        right=right,
        content=np.clip(content, 0.0, 1.0).astype(np.float32),
        facts=np.clip(fact_dice, 0.0, 1.0).astype(np.float32),
        shared_facts=fact_count.astype(np.int32),
        agree=agree.astype(np.int32),
        disagree=(shared_slots - agree).astype(np.int32),
        conflict=conflicts(table.anchors, left, right),
    )


class _Overlap:
    """One article's values scattered into a dense array, gathered for its partners."""

    def __init__(
        self, column: Ragged, dense_ids: np.ndarray, weights: np.ndarray | None, size: int
    ) -> None:
        self.offsets = column.offsets
        self.dense_ids = dense_ids
        self.weights = weights if weights is not None else np.ones(len(dense_ids), np.float32)
        self.dense = np.zeros(size, dtype=np.float32)
        self.telling = TELLING_WEIGHT

    def _gather(self, partners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Positions of all the partners' values, and which partner each belongs to."""
        starts = self.offsets[partners]
        lengths = self.offsets[partners + 1] - starts
        owners = np.repeat(np.arange(len(partners), dtype=np.int64), lengths)
        if not len(owners):
            return owners, owners
        before = np.cumsum(lengths) - lengths
        positions = np.arange(len(owners), dtype=np.int64) - np.repeat(before - starts, lengths)
        return positions, owners

    def products(self, article: int, partners: np.ndarray) -> np.ndarray:
        """Sum over shared values of the product of both weights (a dot product)."""
        lo, hi = self.offsets[article], self.offsets[article + 1]
        own = self.dense_ids[lo:hi]
        self.dense[own] = self.weights[lo:hi]
        positions, owners = self._gather(partners)
        products = self.dense[self.dense_ids[positions]] * self.weights[positions]
        self.dense[own] = 0.0
        return np.bincount(owners, weights=products, minlength=len(partners))

    def summed(self, article: int, partners: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Sum over shared weighted values of both weights (a weighted Dice's numerator),
        and how many such values are shared."""
        lo, hi = self.offsets[article], self.offsets[article + 1]
        own = self.dense_ids[lo:hi]
        self.dense[own] = self.weights[lo:hi]
        positions, owners = self._gather(partners)
        mine = self.dense[self.dense_ids[positions]]
        shared = (mine > 0) & (self.weights[positions] >= self.telling)
        both = np.where(mine > 0, mine + self.weights[positions], 0.0)
        self.dense[own] = 0.0
        return (
            np.bincount(owners, weights=both, minlength=len(partners)),
            np.bincount(owners, weights=shared, minlength=len(partners)),
        )

    def shared(self, article: int, partners: np.ndarray) -> np.ndarray:
        """Sum over shared values of the partner's weight."""
        lo, hi = self.offsets[article], self.offsets[article + 1]
        own = self.dense_ids[lo:hi]
        self.dense[own] = 1.0
        positions, owners = self._gather(partners)
        present = self.dense[self.dense_ids[positions]] * self.weights[positions]
        self.dense[own] = 0.0
        return np.bincount(owners, weights=present, minlength=len(partners))
