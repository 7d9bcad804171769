"""A hash table from 64-bit keys to ids, looked up a whole array at a time.

The vocabulary looks up every token of a batch — hundreds of thousands of keys
(:mod:`chunks`) — against the few tens of thousands it has seen. Sorting the batch
to find its distinct keys costs more than the rest of the lookup; a hash table in
numpy needs one multiply, one gather and one compare per key, and only the few keys
that collide take another round (linear probing, the table at most a third full).

Key 0 marks an empty slot: no chunk key is 0 (a short chunk's key holds its length in
the top byte, a long chunk's has the top bit set).
"""

from __future__ import annotations

from typing import Final

import numpy as np

_GOLDEN: Final = np.uint64(0x9E3779B97F4A7C15)
_SMALLEST: Final = 1 << 12
_SLICE: Final = 1 << 18


class KeyTable:
    """Keys (``uint64``, never 0) → ids (``int32``); insert only keys not yet in it."""

    def __init__(self) -> None:
        self._keys = np.zeros(_SMALLEST, dtype=np.uint64)
        self._ids = np.full(_SMALLEST, -1, dtype=np.int32)
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def _slots(self, keys: np.ndarray) -> np.ndarray:
        """Home slot of each key: the top bits of a multiplicative hash."""
        bits = len(self._keys).bit_length() - 1
        with np.errstate(over="ignore"):
            return ((keys * _GOLDEN) >> np.uint64(64 - bits)).astype(np.intp)

    def find(self, keys: np.ndarray, dtype: type = np.int32) -> np.ndarray:
        """The id (as ``dtype``) of each key, -1 for keys not in the table.

        Long arrays (every term of a corpus) are looked up a slice at a time: the
        temporaries stay a few megabytes instead of several times the input.
        """
        if len(keys) <= _SLICE:
            return self._find(keys).astype(dtype, copy=False)
        ids = np.empty(len(keys), dtype=dtype)
        for start in range(0, len(keys), _SLICE):
            ids[start : start + _SLICE] = self._find(keys[start : start + _SLICE])
        return ids

    def _find(self, keys: np.ndarray) -> np.ndarray:
        slot = self._slots(keys)
        found = self._keys[slot]
        ids = self._ids[slot]
        missed = found != keys
        ids[missed] = -1
        # Keys whose home slot holds another key probe on, a few rounds for a few keys.
        missed &= found != 0
        probing = np.flatnonzero(missed)
        mask = len(self._keys) - 1
        while len(probing):
            slot[probing] = (slot[probing] + 1) & mask
            found = self._keys[slot[probing]]
            hit = found == keys[probing]
            ids[probing[hit]] = self._ids[slot[probing[hit]]]
            probing = probing[~hit & (found != 0)]
        return ids

    def add(self, keys: np.ndarray, ids: np.ndarray) -> None:
        """Insert distinct ``keys`` (none already in the table) with their ``ids``."""
        if 3 * (self._count + len(keys)) > len(self._keys):
            self._grow(self._count + len(keys))
        self._place(keys, ids)
        self._count += len(keys)

    def _grow(self, needed: int) -> None:
        size = len(self._keys)
        while 3 * needed > size:
            size *= 2
        used = np.flatnonzero(self._keys)
        keys, ids = self._keys[used], self._ids[used]
        self._keys = np.zeros(size, dtype=np.uint64)
        self._ids = np.full(size, -1, dtype=np.int32)
        self._place(keys, ids)

    def _place(self, keys: np.ndarray, ids: np.ndarray) -> None:
        slot = self._slots(keys)
        mask = len(self._keys) - 1
        waiting = np.arange(len(keys))
        while len(waiting):
            free = self._keys[slot[waiting]] == 0
            # One key per free slot this round (the first that wants it).
            candidates = waiting[free]
            _, first = np.unique(slot[candidates], return_index=True)
            placed = candidates[first]
            self._keys[slot[placed]] = keys[placed]
            self._ids[slot[placed]] = ids[placed]
            # The rest move on from an occupied slot, or try their slot again.
            left = np.ones(len(keys), dtype=bool)
            left[placed] = False
            waiting = waiting[left[waiting]]
            taken = self._keys[slot[waiting]] != 0
            slot[waiting[taken]] = (slot[waiting[taken]] + 1) & mask
