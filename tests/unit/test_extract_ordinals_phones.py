"""Ordinals versus collectives, English fractions, and phone-like digit runs."""

from __future__ import annotations

import pytest

from tests.unit.value_helpers import spans_of, values_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putaran ketiga dimulai.", [("NUMBER", "ketiga", "ordinal:3")]),
        ("Tahap kesembilan selesai.", [("NUMBER", "kesembilan", "ordinal:9")]),
        ("Juara ke-9 lomba.", [("NUMBER", "ke-9", "ordinal:9")]),
        ("Untuk kedua kalinya.", [("NUMBER", "kedua", "ordinal:2")]),
        ("Dari pihak ketiga, katanya.", [("NUMBER", "ketiga", "ordinal:3")]),
        ("Lantai kedua belas.", [("NUMBER", "kedua belas", "ordinal:12")]),
    ],
)
def test_ordinals_are_positions(text: str, expected: list) -> None:
    assert values_of(text) == expected


def test_an_ordinal_is_flagged_and_not_a_count() -> None:
    (span,) = spans_of("Putaran ketiga dimulai.")
    assert span.quantity is not None and span.quantity.ordinal and span.quantity.amount == 3


@pytest.mark.parametrize(
    "text",
    [
        "Kedua belah pihak sepakat.",
        "Kedua pihak saling menyalahkan.",
        "Ia bertemu kedua presiden.",
        "Fidan menyerukan kepada kedua delegasi.",
        "Ketiga negara itu setuju.",
        "Mereka memimpin kedua delegasi.",
    ],
)
def test_collective_ke_words_are_not_values(text: str) -> None:
    assert values_of(text) == []


def test_english_ordinals_and_fractions() -> None:
    assert values_of("The third round, the 9th meeting, a third of them.", "en") == [
        ("NUMBER", "third", "ordinal:3"),
        ("NUMBER", "9th", "ordinal:9"),
        ("NUMBER", "a third", "~0.333333"),
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Hubungi 0812-3456-7890.", "id"),
        ("Kantor di (021) 5551234.", "id"),
        ("Call +62 812 3456 7890 now.", "en"),
        ("Rekening 1234567890.", "id"),
        ("For tickets, call 555-1234 today.", "en"),
        ("Telp: 021 555 1234.", "id"),
    ],
)
def test_phone_numbers_and_identifiers_are_not_numbers(text: str, lang: str) -> None:
    assert values_of(text, lang) == []


def test_a_phone_number_does_not_swallow_what_follows() -> None:
    assert values_of("Hubungi 0812-3456-7890 untuk 3 tiket.") == [
        ("QUANTITY", "3 tiket", "3 tiket")
    ]
