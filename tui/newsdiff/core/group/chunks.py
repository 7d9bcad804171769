"""A batch of text cut into whitespace-separated chunks, each told by a 64-bit key, in numpy.

Grouping reads every word of every article. ``str.split`` makes a Python string of
each of the millions of tokens, and looking each one up in a dictionary hashes it
again: together they cost most of what reading and tokenising the files costs. Here
the batch is encoded to UTF-8 once and cut with array passes instead; each chunk gets
a key, so only the *distinct* keys of a batch (tens of thousands, not hundreds of
thousands) ever become Python objects (:mod:`vocabulary`).

The cut is exactly ``str.split()``'s: the same whitespace characters (ASCII and the
Unicode ones such as no-break and ideographic spaces, :data:`WHITESPACE`), found in
the bytes of their UTF-8 encodings. A key is

- for a chunk of up to 7 bytes, its bytes and its length: the chunk itself, exact;
- for a longer one, a 63-bit hash of its bytes (SplitMix64 over 8-byte words; chunks
  over :data:`_HASHED_BYTES` bytes, rare, hashed with BLAKE2b) with the top bit set,
  so it never equals a short chunk's key. Two long chunks share a key with
  probability about 2⁻⁶³ per pair — the odds every 64-bit word hash in grouping
  already takes.

Keys live only in memory (ids in the vocabulary); nothing stored depends on them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.group.minhash import mix64

WHITESPACE: Final = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680"
    "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000"
)
"""Every character ``str.split()`` splits on (``str.isspace``; a test holds them equal)."""

_SHORT_BYTES: Final = 7
_HASHED_BYTES: Final = 24
_PAD: Final = _HASHED_BYTES + 8
_LONG: Final = np.uint64(1 << 63)
_GOLDEN: Final = np.uint64(0x9E3779B97F4A7C15)


def _tables() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    ascii_space = np.zeros(256, dtype=bool)
    lead = np.zeros(256, dtype=bool)
    two, three = [], []
    for char in WHITESPACE:
        encoded = char.encode("utf-8")
        if len(encoded) == 1:
            ascii_space[encoded[0]] = True
            continue
        lead[encoded[0]] = True
        (two if len(encoded) == 2 else three).append(int.from_bytes(encoded, "big"))
    return ascii_space, lead, np.array(two, np.uint32), np.array(three, np.uint32)


_ASCII_SPACE, _WIDE_LEAD, _WIDE_TWO, _WIDE_THREE = _tables()
_LOW_BYTES: Final = np.array([(1 << (8 * k)) - 1 for k in range(8)] + [2**64 - 1], np.uint64)


@dataclass(frozen=True, slots=True, eq=False)
class Chunks:
    """The chunks of one text: a key each, and where each lies in ``data``."""

    keys: np.ndarray
    """``uint64``, one per chunk, in reading order."""
    starts: np.ndarray
    lengths: np.ndarray
    data: bytes
    """The text in UTF-8 (lone surrogates passed through), padded with zero bytes."""

    def text(self, index: int) -> str:
        """Chunk ``index`` as the ``str`` that ``str.split`` would have made."""
        start = int(self.starts[index])
        return self.data[start : start + int(self.lengths[index])].decode("utf-8", "surrogatepass")


def chunk(text: str) -> Chunks:
    """``text`` cut as ``text.split()`` cuts it, each chunk with its key."""
    data = text.encode("utf-8", "surrogatepass")
    size = len(data)
    data += bytes(_PAD)
    raw = np.frombuffer(data, dtype=np.uint8)[:size]
    # Comparisons run at memory speed, table lookups do not: every byte up to the
    # space is taken as whitespace, then the few control bytes below 28 (of which
    # only tab, line feed, carriage return and co are whitespace) are looked up.
    space = raw <= 32
    control = np.flatnonzero(raw < 28)
    space[control] = _ASCII_SPACE[raw[control]]
    # Wide whitespace starts with one of a few lead bytes, all at least 0xC2.
    wide = np.flatnonzero(raw >= 0xC2)
    wide = wide[_WIDE_LEAD[raw[wide]]]
    if len(wide):
        padded = np.frombuffer(data, dtype=np.uint8)
        first, second, third = (padded[wide + k].astype(np.uint32) for k in range(3))
        two = np.isin((first << 8) | second, _WIDE_TWO)
        three = np.isin((first << 16) | (second << 8) | third, _WIDE_THREE)
        for step, found in ((0, two | three), (1, two | three), (2, three)):
            space[wide[found] + step] = True
    edges = np.diff(space.view(np.int8), prepend=np.int8(1), append=np.int8(1))
    starts = np.flatnonzero(edges == -1)
    lengths = np.flatnonzero(edges == 1) - starts
    # Every byte offset as the start of an 8-byte little-endian word (an unaligned
    # view with a stride of one byte), so a chunk's first bytes are one gather.
    words = np.ndarray((size + _HASHED_BYTES - 8,), dtype="<u8", buffer=data, strides=(1,))
    first = words[starts]
    first &= _LOW_BYTES[np.minimum(lengths, 8)]
    keys = first | (lengths.astype(np.uint64) << np.uint64(56))
    long = np.flatnonzero(lengths > _SHORT_BYTES)
    if len(long):
        keys[long] = _long_keys(words, data, starts[long], lengths[long], first[long])
    return Chunks(keys, starts, lengths, data)


def _long_keys(
    words: np.ndarray, data: bytes, starts: np.ndarray, lengths: np.ndarray, first: np.ndarray
) -> np.ndarray:
    """Keys of chunks over :data:`_SHORT_BYTES` bytes (``first``: their first 8 bytes)."""
    with np.errstate(over="ignore"):
        hashed = mix64(first ^ (lengths.astype(np.uint64) * _GOLDEN))
        for offset in range(8, _HASHED_BYTES, 8):
            word = words[starts + offset]
            word &= _LOW_BYTES[np.clip(lengths - offset, 0, 8)]
            hashed = mix64(hashed ^ word)
    for at in np.flatnonzero(lengths > _HASHED_BYTES).tolist():
        start = int(starts[at])
        digest = hashlib.blake2b(data[start : start + int(lengths[at])], digest_size=8)
        hashed[at] = int.from_bytes(digest.digest(), "little")
    return hashed | _LONG
