"""Grouping's numpy tokeniser cuts exactly where ``str.split`` does and numbers chunks
as a token-by-token dictionary lookup would."""

from __future__ import annotations

import numpy as np

from newsdiff.core.group.chunks import WHITESPACE, chunk
from newsdiff.core.group.keytable import KeyTable
from newsdiff.core.group.vocabulary import BOUNDARY, PARAGRAPH, Vocabulary

# Every kind of chunk the key treats differently: short (exact), 8–24 bytes (hashed
# from words), longer (BLAKE2b); multi-byte letters, 4-byte emoji, a lone surrogate,
# NUL bytes, and look-alikes of whitespace bytes inside other characters.
AWKWARD = (
    "a\u00a0b  \u3000c\x1cd\u2009e “kutipan” — ‘x’ … "
    + "x" * 7 + " " + "y" * 8 + " " + "z" * 15 + " " + "w" * 16 + " "
    + "v" * 24 + " " + "u" * 25 + " " + "t" * 100 + " "
    + "Ärzte\u2028Öl 東京\u205f😀😀 \ud800z \x00\x00 \x00 q\u200b r\u0085s\u1680t"
    + " ¡\u00c2\u00a0 \u2027\u202a end\n\n tail "
)  # fmt: skip


def test_whitespace_is_what_str_split_splits_on() -> None:
    every = "".join(c for c in map(chr, range(0x110000)) if c.isspace())
    assert every == WHITESPACE
    assert all(len(f"a{c}b".split()) == 2 for c in WHITESPACE)


def test_chunks_are_str_split() -> None:
    for text in (AWKWARD, "", "   ", "one", " lead and trail ", WHITESPACE.join("abc")):
        chunks = chunk(text)
        assert [chunks.text(i) for i in range(len(chunks.keys))] == text.split(), text


def test_keys_tell_chunks_apart_exactly_as_text_does() -> None:
    # Chunks that differ in one byte anywhere (last of a word, inside the length
    # byte's place, past 24 bytes) get different keys; equal chunks equal keys.
    base = ["abcdefg", "abcdefgh", "abcdefgI", "abcdefgA", "p" * 23 + "a", "p" * 23 + "b",
            "q" * 30 + "a", "q" * 30 + "b", "ab", "ab\x00", "\x00ab"]  # fmt: skip
    text = " ".join(base + base[::-1])
    chunks = chunk(text)
    words = text.split()
    for i in range(len(words)):
        for j in range(len(words)):
            assert (chunks.keys[i] == chunks.keys[j]) == (words[i] == words[j]), (i, j)


def test_batch_ids_number_chunks_in_order_of_first_sight() -> None:
    # (Ingest never passes a lone surrogate on, and judging one would fail to hash.)
    awkward = AWKWARD.replace("\ud800", "")
    texts = [awkward, "b a b\nc", "", awkward[::-1], "baru sekali a"]
    vocabulary = Vocabulary()
    vocabulary["sudah"]  # a chunk known from a lookup, not from a batch
    reference = {"sudah": 0}
    for batch in (texts[:2], texts[2:], texts, ["sudah baru"]):
        ids, offsets = vocabulary.batch_ids(batch)
        joined = f" {BOUNDARY} ".join(batch).replace("\n", f" {PARAGRAPH} ")
        expected = [reference.setdefault(c, len(reference)) for c in joined.split()]
        boundary = reference.setdefault(BOUNDARY, len(reference))
        assert ids.tolist() == [i for i in expected if i != boundary]
        assert offsets[-1] == len(ids) and len(offsets) == len(batch) + 1
    assert list(vocabulary) == list(reference)
    vocabulary.judge_new()
    assert len(vocabulary.kind) >= len(reference)
    assert np.array_equal(vocabulary.batch_ids(["a b"])[0], [reference["a"], reference["b"]])


def test_key_table_finds_what_was_added_through_growth_and_collisions() -> None:
    rng = np.random.default_rng(3)
    table = KeyTable()
    # 30,000 keys in a table at most a third full share home slots thousands of
    # times, so finding them takes probing; small keys (short chunks') are in too.
    small = np.arange(1, 200, dtype=np.uint64) << np.uint64(56)
    spread = rng.integers(1, 2**63, 30_000, dtype=np.int64).astype(np.uint64)
    added = np.unique(np.concatenate([small, spread]))
    ids = rng.permutation(len(added))
    for part in np.array_split(np.arange(len(added)), 7):  # grows several times
        table.add(added[part], ids[part])
    assert len(table) == len(added)
    absent = np.setdiff1d(rng.integers(1, 2**63, 5_000, dtype=np.int64).astype(np.uint64), added)
    queries = np.concatenate([added, absent, added[::-1]])
    expected = np.concatenate([ids, np.full(len(absent), -1), ids[::-1]])
    assert np.array_equal(table.find(queries), expected)
    # Past a quarter million keys the lookup goes a slice at a time.
    assert np.array_equal(table.find(np.tile(queries, 5)), np.tile(expected, 5))
