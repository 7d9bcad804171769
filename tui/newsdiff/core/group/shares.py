"""How much of one report is copied from, or rewritten from, another — sentence by sentence.

For two reports of one story, each sentence of the first is

- **copied** when the second report has a sentence with the same words in the same
  order (case, punctuation and numbers aside: a copied sentence whose count was
  changed is still copied, and the changed count is a finding for the comparison
  view), or
- **rewritten** when it is not copied but lines up with one sentence of the second:
  their content words (values left out, as in :mod:`newsdiff.core.compare.features`)
  reach a Dice score of :data:`ALIGNED_DICE`, the comparison engine's own
  ``MATCH_THRESHOLD``.

Shares are by words, in both directions (what share of A is in B, and of B in A).
The pair's ``similarity`` is the share of both reports' words that line up, rewritten
sentences counted by their Dice score — the comparison engine's ``overall_similarity``
computed on words instead of characters, which is why the two agree
(``tests/quality/test_group_shares.py`` holds them to it) at a fraction of the cost.

Pairs are measured in batches: the sentence-term pairs of both sides are joined with
one ``searchsorted`` for the whole batch, so the cost is a few array passes per batch,
not per pair.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.compare.align import MATCH_THRESHOLD
from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.pairs import search_many, unique_sorted
from newsdiff.core.group.ragged import Ragged

ALIGNED_DICE: Final = MATCH_THRESHOLD
SPREAD_LIMIT: Final = 8
"""Sentences of one report a term may occur in and still help align sentences."""
_SENTENCE_BITS: Final = np.uint64(20)
_SENTENCE_MASK: Final = np.uint64((1 << 20) - 1)
_PAIR_SHIFT: Final = np.uint64(40)
MAX_BATCH_PAIRS: Final = 1 << 24
"""Pairs measured together at most (the pair's bits in a 64-bit cell key)."""


@dataclass(frozen=True, slots=True)
class PairShares:
    """Shares of each side's words (``left`` in ``right`` and back), and the coverage."""

    copied: float
    rewritten: float
    copied_back: float
    rewritten_back: float
    similarity: float


CELL_BUDGET: Final = 1 << 20
"""Sentence-pair cells per batch (the largest temporary array, in int64 counts)."""


def measure_pairs(
    table: FeatureTable, left: Sequence[int], right: Sequence[int]
) -> list[PairShares]:
    """Shares for each pair ``(left[i], right[i])`` of articles of ``table``."""
    left = np.asarray(left, dtype=np.int64)
    right = np.asarray(right, dtype=np.int64)
    lengths = table.sentence_words.lengths()
    cells = np.cumsum(lengths[left] * lengths[right])
    out: list[PairShares] = []
    start = 0
    while start < len(left):
        base = cells[start - 1] if start else 0
        stop = int(np.searchsorted(cells, base + CELL_BUDGET, side="right"))
        stop = min(max(stop, start + 1), start + MAX_BATCH_PAIRS)
        # The reports of this batch, their spread terms left out once each.
        reports = unique_sorted(np.concatenate([left[start:stop], right[start:stop]]))
        specific = specific_terms(table.sentence_terms.take(reports))
        local_left = np.searchsorted(reports, left[start:stop])
        local_right = np.searchsorted(reports, right[start:stop])
        out.extend(
            _measure(table, specific, left[start:stop], right[start:stop], local_left, local_right)
        )
        start = stop
    return out


def _measure(
    table: FeatureTable,
    specific: Ragged,
    left: np.ndarray,
    right: np.ndarray,
    local_left: np.ndarray,
    local_right: np.ndarray,
) -> list[PairShares]:
    """Shares of a batch of pairs; ``specific`` holds the batch's reports' terms, in
    the order ``local_left``/``local_right`` index."""
    sizes = table.sentence_words
    a_rows, b_rows = sizes.lengths()[left], sizes.lengths()[right]
    a_best, b_best = _best_dice(table, specific, left, right, local_left, local_right, b_rows)
    a_copied = _copied(table, left, right)
    b_copied = _copied(table, right, left)
    a_words = sizes.take(left).values.astype(np.float64)
    b_words = sizes.take(right).values.astype(np.float64)
    a_stats = _tally(a_words, a_copied, a_best, _owners(a_rows), len(left))
    b_stats = _tally(b_words, b_copied, b_best, _owners(b_rows), len(left))
    a_copy, a_rewrite, a_total, a_cover = a_stats
    b_copy, b_rewrite, b_total, b_cover = b_stats
    columns = [
        _share(a_copy, a_total),
        _share(a_rewrite, a_total),
        _share(b_copy, b_total),
        _share(b_rewrite, b_total),
        np.minimum(1.0, _share(a_cover + b_cover, a_total + b_total)),
    ]
    return [PairShares(*row) for row in zip(*(c.tolist() for c in columns), strict=True)]


def _share(part: np.ndarray, whole: np.ndarray) -> np.ndarray:
    return np.round(np.where(whole > 0, part / np.maximum(whole, 1), 0.0), 4)


def _owners(rows: np.ndarray) -> np.ndarray:
    return np.repeat(np.arange(len(rows), dtype=np.int64), rows)


def _copied(table: FeatureTable, side: np.ndarray, other: np.ndarray) -> np.ndarray:
    """Per sentence of each ``side`` article: its fingerprint occurs in ``other``'s."""
    prints = table.sentence_prints
    mine = prints.take(side)
    theirs = prints.take(other)
    # Tag each fingerprint with its pair so one sorted lookup serves every pair.
    pair_mine = _owners(mine.lengths()).astype(np.uint64)
    pair_theirs = _owners(theirs.lengths()).astype(np.uint64)
    with np.errstate(over="ignore"):
        tagged_mine = mine.values ^ (pair_mine * np.uint64(0x9E3779B97F4A7C15))
        tagged_theirs = theirs.values ^ (pair_theirs * np.uint64(0x9E3779B97F4A7C15))
    tagged_theirs = np.sort(tagged_theirs[theirs.values != 0])
    if not len(tagged_theirs):
        return np.zeros(len(mine.values), dtype=bool)
    found = search_many(tagged_theirs, tagged_mine)
    hit = tagged_theirs[np.minimum(found, len(tagged_theirs) - 1)] == tagged_mine
    return hit & (mine.values != 0)


def _best_dice(
    table: FeatureTable,
    specific: Ragged,
    left: np.ndarray,
    right: np.ndarray,
    local_left: np.ndarray,
    local_right: np.ndarray,
    b_rows: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence of each side, its best content-word Dice with a sentence of the other."""
    sizes = table.sentence_words
    a_sentences = int(sizes.lengths()[left].sum())
    b_sentences = int(sizes.lengths()[right].sum())
    a_first = np.cumsum(sizes.lengths()[left]) - sizes.lengths()[left]
    b_first = np.cumsum(b_rows) - b_rows
    a_pair, a_term, a_sentence = _unpack(specific.take(local_left))
    b_pair, b_term, b_sentence = _unpack(specific.take(local_right))
    # Distinct terms per sentence (the Dice denominators).
    a_count = np.bincount(a_first[a_pair] + a_sentence, minlength=a_sentences)
    b_count = np.bincount(b_first[b_pair] + b_sentence, minlength=b_sentences)
    a_best = np.zeros(a_sentences)
    b_best = np.zeros(b_sentences)
    if not len(a_term) or not len(b_term):
        return a_best, b_best
    # Join on (pair, term): b's keys are sorted already, so its runs of one key are
    # found in one pass and each of a's keys is looked up once among b's distinct keys.
    a_key = (a_pair.astype(np.uint64) << np.uint64(32)) | a_term
    b_key = (b_pair.astype(np.uint64) << np.uint64(32)) | b_term
    b_new = np.ones(len(b_key), dtype=bool)
    np.not_equal(b_key[1:], b_key[:-1], out=b_new[1:])
    b_start = np.flatnonzero(b_new)
    b_distinct = b_key[b_start]
    b_run = np.diff(np.append(b_start, len(b_key)))
    found = np.minimum(np.searchsorted(b_distinct, a_key), len(b_distinct) - 1)
    matched = b_distinct[found] == a_key
    low = b_start[found]
    runs = np.where(matched, b_run[found], 0)
    total = int(runs.sum())
    if not total:
        return a_best, b_best
    # Every (a entry, b entry) of one term in one pair: a's entry repeated over its
    # run of b's, as a cell key (pair, a sentence, b sentence) in bit fields, whose
    # sort order is that of the cells and which unpacks with shifts.
    run_start = np.cumsum(runs) - runs
    match_b = np.repeat(low - run_start, runs) + np.arange(total)
    cell = np.repeat(
        (a_pair.astype(np.uint64) << _PAIR_SHIFT)
        | (a_sentence.astype(np.uint64) << _SENTENCE_BITS),
        runs,
    )
    cell |= b_sentence[match_b].astype(np.uint64)
    cell.sort()
    first = np.ones(len(cell), dtype=bool)
    first[1:] = cell[1:] != cell[:-1]
    starts = np.flatnonzero(first)
    hit = cell[starts]
    shared = np.diff(np.append(starts, len(cell)))
    hit_pair = (hit >> _PAIR_SHIFT).astype(np.int64)
    row = ((hit >> _SENTENCE_BITS) & _SENTENCE_MASK).astype(np.int64)
    column = (hit & _SENTENCE_MASK).astype(np.int64)
    a_index = a_first[hit_pair] + row
    b_index = b_first[hit_pair] + column
    dice = 2.0 * shared / (a_count[a_index] + b_count[b_index])
    np.maximum.at(a_best, a_index, dice)
    np.maximum.at(b_best, b_index, dice)
    return a_best, b_best


def specific_terms(terms: Ragged) -> Ragged:
    """Each report's (term, sentence) entries without the terms it uses in more than
    :data:`SPREAD_LIMIT` sentences.

    A word on every other line of a report (``banjir`` in a flood report) says nothing
    about which sentence lines up with which — the comparison engine gives it a low
    IDF weight for that reason — and joining it would pair every such sentence with
    every other.
    """
    values = terms.values
    if not len(values):
        return terms
    owner = terms.row_ids()
    term = values >> _SENTENCE_BITS
    # Entries are sorted by term within each report: runs of one term are its spread.
    run = np.ones(len(term), dtype=bool)
    run[1:] = (term[1:] != term[:-1]) | (owner[1:] != owner[:-1])
    starts = np.flatnonzero(run)
    spread = np.diff(np.append(starts, len(term)))
    keep = np.repeat(spread <= SPREAD_LIMIT, spread)
    offsets = np.zeros(len(terms) + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner[keep], minlength=len(terms)), out=offsets[1:])
    return Ragged(values[keep], offsets)


def _unpack(terms: Ragged) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pair number, term and sentence of each entry of rows taken for a batch of pairs."""
    pair = _owners(terms.lengths())
    return pair, terms.values >> _SENTENCE_BITS, (terms.values & _SENTENCE_MASK).astype(np.int64)


def _tally(
    words: np.ndarray, copied: np.ndarray, dice: np.ndarray, owner: np.ndarray, count: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per pair: copied words, rewritten words, all words, score-weighted covered words."""
    rewritten = ~copied & (dice >= ALIGNED_DICE)
    copied_words = np.bincount(owner, weights=words * copied, minlength=count)
    rewritten_words = np.bincount(owner, weights=words * rewritten, minlength=count)
    total = np.bincount(owner, weights=words, minlength=count)
    covered = copied_words + np.bincount(owner, weights=words * dice * rewritten, minlength=count)
    return copied_words, rewritten_words, total, covered
