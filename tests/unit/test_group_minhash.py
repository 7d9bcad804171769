"""One-permutation MinHash estimates resemblance; LSH finds copies, not strangers."""

from __future__ import annotations

import numpy as np

from newsdiff.core.group.lsh import lsh_pairs
from newsdiff.core.group.minhash import EMPTY, SHINGLE_WORDS, densify, shingle_hashes, signatures


def _signature(words: list[np.ndarray]) -> np.ndarray:
    lengths = np.array([len(w) for w in words])
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    doc = np.repeat(np.arange(len(words)), lengths)
    position = np.arange(offsets[-1]) - offsets[doc]
    return signatures(np.concatenate(words), doc, position, offsets)


def _shingles(words: np.ndarray) -> set[int]:
    valid = np.arange(len(words)) + SHINGLE_WORDS <= len(words)
    return set(shingle_hashes(words, valid).tolist())


def test_signature_agreement_estimates_exact_resemblance() -> None:
    rng = np.random.default_rng(5)
    base = rng.integers(0, 2**63, 600, dtype=np.int64).astype(np.uint64)
    errors = []
    for keep in (1.0, 0.9, 0.7, 0.5, 0.3):
        other = base.copy()
        changed = rng.random(len(other)) > keep
        other[changed] = rng.integers(0, 2**63, int(changed.sum()), dtype=np.int64).astype(
            np.uint64
        )
        a, b = _shingles(base), _shingles(other)
        exact = len(a & b) / len(a | b)
        sig = _signature([base, other])
        estimate = float((sig[0] == sig[1]).mean())
        errors.append(abs(estimate - exact))
    assert max(errors) < 0.12
    assert np.mean(errors) < 0.06


def test_short_texts_get_empty_signatures_and_empty_bins_are_filled() -> None:
    sig = _signature([np.arange(3, dtype=np.uint64)])
    assert (sig == EMPTY).all()
    sketch = np.full((1, 8), EMPTY, dtype=np.uint32)
    sketch[0, 5] = 7
    filled = densify(sketch)
    assert (filled != EMPTY).all() and filled[0, 5] == 7


def test_lsh_pairs_copies_and_leaves_unrelated_texts_apart() -> None:
    rng = np.random.default_rng(1)
    texts = [rng.integers(0, 2**63, 400, dtype=np.int64).astype(np.uint64) for _ in range(30)]
    copy = texts[3].copy()
    copy[::40] = 12345  # a few words changed
    texts.append(copy)
    left, right = lsh_pairs(_signature(texts))
    assert (3, 30) in set(zip(left.tolist(), right.tolist(), strict=True))
    assert len(left) == 1
