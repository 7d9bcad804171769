"""Rows of different lengths in one flat array: how per-article features are held.

A hundred thousand articles with a few hundred terms each are one ``values`` array
and one ``offsets`` array, not a hundred thousand small arrays: numpy works on all of
them at once, memory has no per-object overhead, and a row is a cheap view.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True, eq=False)
class Ragged:
    """``values[offsets[i]:offsets[i + 1]]`` is row ``i``."""

    values: np.ndarray
    offsets: np.ndarray
    """``int64``, one longer than the number of rows, starting at 0."""

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row(self, index: int) -> np.ndarray:
        return self.values[self.offsets[index] : self.offsets[index + 1]]

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def row_ids(self) -> np.ndarray:
        """For every value, the row it belongs to."""
        return np.repeat(np.arange(len(self), dtype=np.int64), self.lengths())

    @staticmethod
    def from_rows(rows: Sequence[np.ndarray], dtype: np.dtype | type) -> Ragged:
        offsets = np.zeros(len(rows) + 1, dtype=np.int64)
        if rows:
            np.cumsum([len(r) for r in rows], out=offsets[1:])
        values = np.concatenate(rows).astype(dtype, copy=False) if rows else np.zeros(0, dtype)
        return Ragged(values, offsets)

    @staticmethod
    def concat(parts: Sequence[Ragged]) -> Ragged:
        if not parts:
            return Ragged(np.zeros(0), np.zeros(1, dtype=np.int64))
        values = np.concatenate([p.values for p in parts])
        offsets = [parts[0].offsets]
        base = parts[0].offsets[-1]
        for part in parts[1:]:
            offsets.append(part.offsets[1:] + base)
            base += part.offsets[-1]
        return Ragged(values, np.concatenate(offsets))

    def take(self, indices: np.ndarray) -> Ragged:
        """The rows at ``indices``, in that order."""
        indices = np.asarray(indices, dtype=np.int64)
        starts = self.offsets[indices]
        lengths = self.offsets[indices + 1] - starts
        offsets = np.zeros(len(indices) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        if offsets[-1] == 0:
            return Ragged(self.values[:0], offsets)
        # Position of every taken value: its row's start plus its place in the row.
        within = np.arange(offsets[-1], dtype=np.int64) - np.repeat(offsets[:-1], lengths)
        return Ragged(self.values[np.repeat(starts, lengths) + within], offsets)
