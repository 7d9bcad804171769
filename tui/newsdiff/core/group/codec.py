"""One article's grouping features as bytes, and many of them back as a table.

The cache stores each article's row of a :class:`FeatureTable` as one blob: a small
header (format tag and array lengths) and the raw little-endian arrays. Decoding is
``np.frombuffer`` slices, no parsing per value. The tag carries
:data:`FEATURES_VERSION`: a blob written by another version of the feature code is
not read back (it is recomputed from the article).
"""

from __future__ import annotations

import struct
from collections.abc import Sequence
from typing import Final

import numpy as np

from newsdiff.core.group.anchors import Anchors
from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.minhash import SIGNATURE_SIZE
from newsdiff.core.group.ragged import Ragged

FEATURES_VERSION: Final = 1
"""Bump when features change meaning: cached rows of other versions are recomputed."""
_TAG: Final = b"NDG" + bytes([FEATURES_VERSION])
_HEADER: Final = struct.Struct("<4s6I")
_COLUMNS: Final = (
    # (name, dtype, which length in the header)
    ("terms", "<u8", 0),
    ("term_tf", "<f4", 0),
    ("facts", "<u8", 1),
    ("fact_kinds", "<i1", 1),
    ("slots", "<u8", 2),
    ("slot_values", "<u8", 3),
    ("sentence_words", "<i4", 4),
    ("sentence_prints", "<u8", 4),
    ("sentence_terms", "<u8", 5),
)


class StaleFeatures(ValueError):
    """A blob from another feature version, or not a feature blob at all."""


def is_current(blob: bytes) -> bool:
    """True when ``blob`` was written by this version of the feature code."""
    return len(blob) >= _HEADER.size and blob[:4] == _TAG


def encode(table: FeatureTable, index: int) -> bytes:
    """The features of article ``index`` of ``table`` as bytes."""
    rows = {name: getattr(table, name).row(index) for name, _, _ in _COLUMNS}
    lengths = (
        len(rows["terms"]),
        len(rows["facts"]),
        len(rows["slots"]),
        len(rows["slot_values"]),
        len(rows["sentence_words"]),
        len(rows["sentence_terms"]),
    )
    parts = [
        _HEADER.pack(_TAG, *lengths),
        table.signature[index].astype("<u4").tobytes(),
        table.anchors.as_rows()[index].astype("<i2").tobytes(),
    ]
    parts += [rows[name].astype(dtype, copy=False).tobytes() for name, dtype, _ in _COLUMNS]
    return b"".join(parts)


def decode(blobs: Sequence[bytes]) -> FeatureTable:
    """A table of the articles ``blobs`` encode, in order. Raises :class:`StaleFeatures`."""
    signatures = np.zeros((len(blobs), SIGNATURE_SIZE), dtype=np.uint32)
    anchors = np.zeros((len(blobs), 5), dtype=np.int16)
    columns: dict[str, list[np.ndarray]] = {name: [] for name, _, _ in _COLUMNS}
    fixed = SIGNATURE_SIZE * 4 + 5 * 2
    for row, blob in enumerate(blobs):
        if len(blob) < _HEADER.size + fixed:
            raise StaleFeatures("feature blob too short")
        tag, *lengths = _HEADER.unpack_from(blob)
        if tag != _TAG:
            raise StaleFeatures("feature blob of another version")
        buffer = np.frombuffer(blob, dtype=np.uint8)
        at = _HEADER.size
        signatures[row] = buffer[at : at + SIGNATURE_SIZE * 4].view("<u4")
        at += SIGNATURE_SIZE * 4
        anchors[row] = buffer[at : at + 10].view("<i2")
        at += 10
        for name, dtype, which in _COLUMNS:
            size = np.dtype(dtype).itemsize * lengths[which]
            columns[name].append(buffer[at : at + size].view(dtype))
            at += size
        if at != len(blob):
            raise StaleFeatures("feature blob of unexpected length")
    ragged = {
        name: Ragged.from_rows(columns[name], np.dtype(dtype).newbyteorder("="))
        for name, dtype, _ in _COLUMNS
    }
    return FeatureTable(signature=signatures, anchors=Anchors.from_rows(anchors), **ragged)
