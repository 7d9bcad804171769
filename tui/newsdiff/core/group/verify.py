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
from newsdiff.core.group.pairs import unique_sorted
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
MAX_BLOCK: Final = 256
"""Left articles scored together (one dense row each)."""
DENSE_BUDGET: Final = 1 << 23
"""Cells of the dense scatter array (float32), which bounds the block size."""
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
        overlaps = (
            _Overlap(weights.term_offsets, weights.term_ids, weights.term_weights,
                     weights.term_count),
            _Overlap(table.facts.offsets, weights.fact_ids, weights.fact_weights,
                     weights.fact_count),
            _Overlap(table.slots.offsets, weights.slot_ids, None, weights.slot_count),
            _Overlap(table.slot_values.offsets, weights.slot_value_ids, None,
                     weights.slot_value_count),
        )  # fmt: skip
        block = max(1, min(MAX_BLOCK, DENSE_BUDGET // max(weights.term_count, 1)))
        lefts = unique_sorted(left_sorted)
        for first in range(0, len(lefts), block):
            articles = lefts[first : first + block]
            lo = int(np.searchsorted(left_sorted, articles[0], side="left"))
            hi = int(np.searchsorted(left_sorted, articles[-1], side="right"))
            rows = np.searchsorted(articles, left_sorted[lo:hi])
            partners = right_sorted[lo:hi]
            picked = order[lo:hi]
            terms, facts, slots, values = overlaps
            content[picked] = terms.products(articles, rows, partners)
            shared_facts[picked], fact_count[picked] = facts.summed(articles, rows, partners)
            shared_slots[picked] = slots.shared(articles, rows, partners)
            shared_values[picked] = values.shared(articles, rows, partners)
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
    """A block of articles' values scattered into a dense array, gathered for partners.

    Row ``r`` of the dense array holds left article ``articles[r]``; each pair reads
    its partner's values from its left article's row. One block of up to
    :data:`MAX_BLOCK` articles costs a handful of array operations.
    """

    def __init__(
        self, offsets: np.ndarray, dense_ids: np.ndarray, weights: np.ndarray | None, size: int
    ) -> None:
        self.offsets = offsets
        self.dense_ids = dense_ids
        # Unweighted values are only counted: one byte a cell keeps the dense array
        # (block rows x distinct values) four times smaller, so its random reads stay
        # in cache.
        dtype = np.float32 if weights is not None else np.uint8
        self.weights = weights if weights is not None else np.ones(len(dense_ids), dtype)
        self.size = max(size, 1)
        self.dense = np.zeros(0, dtype=dtype)

    def _scatter(self, articles: np.ndarray) -> np.ndarray:
        """Write the block's own weights; returns the flat cells written (to clear)."""
        if len(self.dense) < len(articles) * self.size:
            self.dense = np.zeros(len(articles) * self.size, dtype=self.dense.dtype)
        positions, owners = _gather(self.offsets, articles)
        cells = owners * self.size + self.dense_ids[positions]
        self.dense[cells] = self.weights[positions]
        return cells

    def _read(self, rows: np.ndarray, partners: np.ndarray) -> tuple[np.ndarray, ...]:
        positions, owners = _gather(self.offsets, partners)
        mine = self.dense[rows[owners] * self.size + self.dense_ids[positions]]
        return mine, self.weights[positions], owners

    def products(self, articles: np.ndarray, rows: np.ndarray, partners: np.ndarray) -> np.ndarray:
        """Per pair: sum over shared values of the product of both weights (a dot product)."""
        cells = self._scatter(articles)
        mine, theirs, owners = self._read(rows, partners)
        self.dense[cells] = 0.0
        return np.bincount(owners, weights=mine * theirs, minlength=len(partners))

    def summed(
        self, articles: np.ndarray, rows: np.ndarray, partners: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """Per pair: the sum over shared weighted values of both weights (a weighted
        Dice's numerator), and how many shared values are telling."""
        cells = self._scatter(articles)
        mine, theirs, owners = self._read(rows, partners)
        self.dense[cells] = 0.0
        both = np.where(mine > 0, mine + theirs, 0.0)
        telling = (mine > 0) & (theirs >= TELLING_WEIGHT)
        return (
            np.bincount(owners, weights=both, minlength=len(partners)),
            np.bincount(owners, weights=telling, minlength=len(partners)),
        )

    def shared(self, articles: np.ndarray, rows: np.ndarray, partners: np.ndarray) -> np.ndarray:
        """Per pair: how many values the two share."""
        cells = self._scatter(articles)
        mine, _, owners = self._read(rows, partners)
        self.dense[cells] = 0.0
        return np.bincount(owners, weights=mine > 0, minlength=len(partners))


def _gather(offsets: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions of all values of ``rows`` of a ragged column, and which row each is."""
    starts = offsets[rows]
    lengths = offsets[rows + 1] - starts
    owners = np.repeat(np.arange(len(rows), dtype=np.int64), lengths)
    if not len(owners):
        return owners, owners
    before = np.cumsum(lengths) - lengths
    positions = np.arange(len(owners), dtype=np.int64) - np.repeat(before - starts, lengths)
    return positions, owners
