"""Grouping's token judgement, hashing, features and their byte encoding."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from newsdiff.core.group.codec import decode, encode, is_current
from newsdiff.core.group.features import extract, grouping_text
from newsdiff.core.group.vocabulary import (
    FACT_DATE,
    FACT_NUMBER,
    KIND_NUMBER,
    KIND_SKIP,
    KIND_WORD,
    Vocabulary,
    judge,
    stable_hash,
)
from newsdiff.core.ingest import read_bytes
from tests.conftest import REPO

TEXT = (
    "Istanbul (ANTARA) - Delegasi Rusia dan Ukraina sepakat menukar 1.200 tawanan "
    "pada Rabu (23/7).\n"
    "Sebanyak 7.000 jenazah telah dipulangkan, dan 3.000 lainnya menyusul, kata Medinsky.\n"
    "Dr. Budi Santoso menilai pertukaran itu penting. Ia tiba pada 23 Juli 2025 di Istanbul.\n"
)


def test_punctuation_is_stripped_and_sentence_ends_are_seen() -> None:
    kind, word, _stem, fact, _, ends, upper, *_ = judge("“Kremlin,")
    assert (kind, word, ends, upper) == (KIND_WORD, "kremlin", False, True)
    assert fact == ""  # a capitalised word inside a sentence is a name
    assert judge("tawanan.")[5] is True
    assert judge("Dr.")[5] is False  # an abbreviation does not end a sentence
    assert judge("—")[0] == KIND_SKIP
    assert judge("dan")[2] is None  # a function word is not a content term
    assert judge("pertukaran")[2] == "pertuk"  # stems are the first six letters


def test_numbers_dates_and_years() -> None:
    number = judge("1.200")
    assert number[0] == KIND_NUMBER and number[3] == "#1200" and number[4] == FACT_NUMBER
    assert judge("1,200")[3] == number[3]  # Indonesian and English grouping agree
    day_month = judge("(23/7).")
    assert day_month[4] == FACT_DATE and day_month[10:12] == (7, 23)
    year = judge("2025,")
    assert year[4] == FACT_DATE and year[12] == 2025
    assert judge("3")[3] is None  # a single digit says too little to be a fact
    assert judge("Rabu")[7] == 2 and judge("July")[8] == 7


def test_hashes_are_stable_across_processes() -> None:
    script = (
        "from newsdiff.core.group.vocabulary import stable_hash;"
        "print(stable_hash('tawanan'), stable_hash('Istanbul'))"
    )
    env_run = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(REPO / "tui"), "PYTHONHASHSEED": "123"},
    )
    assert env_run.stdout.split() == [str(stable_hash("tawanan")), str(stable_hash("Istanbul"))]


def test_features_hold_terms_facts_counts_sentences_and_the_lead_date() -> None:
    vocabulary = Vocabulary()
    table = extract([TEXT], [None], vocabulary)
    assert len(table) == 1
    facts = set(table.facts.row(0).tolist())
    for token in ("1.200", "7.000", "Medinsky.", "Istanbul"):
        assert int(vocabulary.fact[vocabulary[token]]) in facts, token
    # "Dr." opens no fact (a title), "Ia" opens a sentence and is no name.
    assert int(vocabulary.fact[vocabulary["Ia"]]) == 0
    assert table.sentence_words.lengths()[0] == 4
    # A capitalised sentence opener is no fact, even when it names something.
    assert int(vocabulary.fact[vocabulary["Sebanyak"]]) == 0
    assert table.anchors.weekday[0] == 2 and (table.anchors.month[0], table.anchors.day[0]) == (
        7,
        23,
    )
    assert len(table.slots.row(0)) >= 3  # 1.200 tawanan, 7.000 jenazah, 3.000 lainnya
    assert (table.signature[0] != 0xFFFFFFFF).all()


def test_boilerplate_is_left_out() -> None:
    article = read_bytes(
        (TEXT + "Baca juga: Putin bertemu Trump di Alaska\nCopyright © ANTARA 2025\n").encode(),
        "a.txt",
    )[0]
    assert article.boilerplate
    assert "Baca juga" not in grouping_text(article)


def test_features_survive_encoding_bit_for_bit() -> None:
    vocabulary = Vocabulary()
    table = extract(
        [TEXT, TEXT.replace("1.200", "1.500"), "Pendek."], [None, None, None], vocabulary
    )
    blobs = [encode(table, i) for i in range(len(table))]
    assert all(is_current(blob) for blob in blobs)
    back = decode(blobs)
    assert (back.signature == table.signature).all()
    for name in ("terms", "term_tf", "facts", "fact_kinds", "slots", "slot_values",
                 "sentence_words", "sentence_prints", "sentence_terms"):  # fmt: skip
        ours, theirs = getattr(table, name), getattr(back, name)
        assert np.array_equal(ours.values, theirs.values), name
        assert np.array_equal(ours.offsets, theirs.offsets), name
    assert np.array_equal(back.anchors.as_rows(), table.anchors.as_rows())
    assert not is_current(b"NDG\x00" + blobs[0][4:])
