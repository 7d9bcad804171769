"""MinHash sketches of five-word shingles, one permutation for all slots, in numpy.

A classic MinHash applies 128 hash functions to every shingle and keeps each
function's minimum: 128 multiply-and-min passes over every shingle of the corpus,
which is what makes the plain ``datasketch`` pipeline slow. *One permutation hashing*
(Li, Owen and Zhang, 2012) hashes each shingle once, uses the top bits of the hash to
pick one of 128 bins and keeps each bin's minimum of the remaining bits: one pass, and
the same Jaccard estimate (two articles agree in a bin with probability equal to their
resemblance). Bins that no shingle fell into are filled from the next non-empty bin to
the right, shifted by a constant per step ("rotation" densification, Shrivastava and
Li, 2014), so short articles still compare bin by bin.

Everything is vectorised over a whole batch of articles: shingle hashes are combined
from stable word hashes with 64-bit multiply-and-add (wrapping), and the per-bin minima
are one ``np.minimum.at``.
"""

from __future__ import annotations

from typing import Final

import numpy as np

SHINGLE_WORDS: Final = 5
SIGNATURE_SIZE: Final = 128
_BIN_BITS: Final = 7  # 2**7 == SIGNATURE_SIZE
EMPTY: Final = np.uint32(0xFFFFFFFF)
_MULTIPLIER: Final = np.uint64(0x9E3779B97F4A7C15)
_MIX_1: Final = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2: Final = np.uint64(0x94D049BB133111EB)
_ROTATION: Final = np.uint32(0x9E3779B1)


def mix64(values: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: every input bit affects every output bit."""
    # In place on one new array: every step over a few million hashes is a memory pass.
    with np.errstate(over="ignore"):
        mixed = values >> np.uint64(30)
        mixed ^= values
        mixed *= _MIX_1
        mixed ^= mixed >> np.uint64(27)
        mixed *= _MIX_2
        mixed ^= mixed >> np.uint64(31)
    return mixed


def shingle_hashes(words: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """Hashes of the shingles starting at each word where ``valid`` (all in one article).

    Every start is hashed from shifted views of ``words`` (no gathers), then the valid
    ones are kept: most starts are valid, and contiguous passes are cheaper.
    """
    count = len(words) - SHINGLE_WORDS + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    hashed = words[:count].copy()
    with np.errstate(over="ignore"):
        for step in range(1, SHINGLE_WORDS):
            hashed *= _MULTIPLIER
            hashed += words[step : step + count]
    return mix64(hashed[valid[:count]])


def signatures(
    words: np.ndarray, doc: np.ndarray, position: np.ndarray, offsets: np.ndarray
) -> np.ndarray:
    """One-permutation MinHash signatures, shape ``(articles, SIGNATURE_SIZE)``.

    ``words`` are the stable word hashes of all articles in a row, ``doc`` the article
    of each word, ``position`` its place in the article and ``offsets`` where each
    article's words start. An article with fewer than :data:`SHINGLE_WORDS` words gets
    a signature of :data:`EMPTY` bins, which matches nothing.
    """
    count = len(offsets) - 1
    lengths = np.diff(offsets)
    valid = position + SHINGLE_WORDS <= lengths[doc]
    shingles = shingle_hashes(words, valid)
    owner = doc[valid]
    bins = (shingles >> np.uint64(64 - _BIN_BITS)).astype(np.int64)
    values = ((shingles >> np.uint64(64 - _BIN_BITS - 32)) & np.uint64(0xFFFFFFFF)).astype(
        np.uint32
    )
    sketch = np.full(count * SIGNATURE_SIZE, EMPTY, dtype=np.uint32)
    np.minimum.at(sketch, owner * SIGNATURE_SIZE + bins, values)
    return densify(sketch.reshape(count, SIGNATURE_SIZE))


def densify(sketch: np.ndarray) -> np.ndarray:
    """Fill empty bins from the next non-empty bin to the right (circularly)."""
    empty = sketch == EMPTY
    if not empty.any():
        return sketch
    size = sketch.shape[1]
    columns = np.arange(2 * size)
    filled = np.where(np.tile(~empty, 2), columns, 4 * size)
    # For each column, the nearest non-empty column at or to its right.
    nearest = np.minimum.accumulate(filled[:, ::-1], axis=1)[:, ::-1][:, :size]
    has_any = nearest[:, 0] < 4 * size
    rows = np.flatnonzero(has_any)
    distance = (nearest[rows] - np.arange(size)).astype(np.uint32)
    with np.errstate(over="ignore"):
        borrowed = sketch[rows[:, None], nearest[rows] % size] + distance * _ROTATION
    out = sketch.copy()
    out[rows] = np.where(empty[rows], borrowed, sketch[rows])
    return out
