"""Amounts: units, currencies, percentages, counted nouns, qualifiers and ranges."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests.unit.value_helpers import spans_of, values_of


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Jarak 35 km.", "id", ("QUANTITY", "35 km", "35 km")),
        ("Jarak 35 kilometres.", "en", ("QUANTITY", "35 kilometres", "35 km")),
        ("Jarak 35 kilometer.", "id", ("QUANTITY", "35 kilometer", "35 km")),
        ("Naik 3,5 persen.", "id", ("PERCENT", "3,5 persen", "3.5%")),
        ("Up 3.5%.", "en", ("PERCENT", "3.5%", "3.5%")),
        ("Up 3.5 percent.", "en", ("PERCENT", "3.5 percent", "3.5%")),
        ("Dana Rp 1,2 triliun.", "id", ("MONEY", "Rp 1,2 triliun", "1200000000000 IDR")),
        ("Dana Rp 1.200 miliar.", "id", ("MONEY", "Rp 1.200 miliar", "1200000000000 IDR")),
        ("Dana US$5 juta.", "id", ("MONEY", "US$5 juta", "5000000 USD")),
        ("Dana 5 juta dolar AS.", "id", ("MONEY", "5 juta dolar AS", "5000000 USD")),
        ("It cost $5 million.", "en", ("MONEY", "$5 million", "5000000 USD")),
        ("Sebanyak 1.000 tahanan.", "id", ("QUANTITY", "1.000 tahanan", "1000 tahanan")),
        ("Found 10 bodies.", "en", ("QUANTITY", "10 bodies", "10 bodies")),
        ("Beli 12 ekor sapi.", "id", ("QUANTITY", "12 ekor sapi", "12 sapi")),
        ("Tinggi 1,584-metre.", "en", ("QUANTITY", "1,584-metre", "1584 m")),
        ("Harga Rp 12.700 per kg.", "id", ("MONEY", "Rp 12.700 per kg", "12700 IDR/kg")),
        ("Kurs Rp 16.250 per USD.", "id", ("MONEY", "Rp 16.250 per USD", "16250 IDR/USD")),
    ],
)
def test_amounts_with_what_they_measure(text: str, lang: str, expected: tuple) -> None:
    assert values_of(text, lang) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Lebih dari 1.000 orang.", "id", ">1000 orang"),
        ("Sekitar 300 keluarga.", "id", "~300 keluarga"),
        ("Sedikitnya 12 orang.", "id", ">=12 orang"),
        ("Kurang dari 10 km.", "id", "<10 km"),
        ("Paling banyak 30 peserta.", "id", "<=30 peserta"),
        ("Hampir 40 persen.", "id", "<~40%"),
        ("At least 10 people.", "en", ">=10 people"),
        ("About 80 km.", "en", "~80 km"),
        ("Nearly 3,000 homes.", "en", "<~3000 homes"),
        ("Up to 5 km.", "en", "<=5 km"),
    ],
)
def test_qualifiers_go_in_front_of_the_value(text: str, lang: str, value: str) -> None:
    assert [v for _, _, v in values_of(text, lang)] == [value]


def test_qualifier_is_kept_on_the_quantity() -> None:
    (span,) = spans_of("Lebih dari 1.000 orang hadir.")
    assert span.quantity is not None
    assert span.quantity.qualifier == "more_than" and span.quantity.amount == Decimal(1000)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Tinggi 1,5 hingga 3,5 meter.", "id", "1.5..3.5 m"),
        ("Tinggi 1,5-3,5 meter.", "id", "1.5..3.5 m"),
        ("Between 2 and 3 million people left.", "en", "2000000..3000000 people"),
        ("Naik 10-15 juta rupiah.", "id", "10000000..15000000 IDR"),
        ("It takes 2 to 3 hours.", "en", "2..3 hour"),
    ],
)
def test_ranges_keep_both_ends(text: str, lang: str, value: str) -> None:
    assert [v for _, _, v in values_of(text, lang)] == [value]


def test_a_range_stores_its_upper_bound() -> None:
    (span,) = spans_of("Tinggi 1,5 hingga 3,5 meter.")
    assert span.quantity is not None
    assert (span.quantity.amount, span.quantity.upper) == (Decimal("1.5"), Decimal("3.5"))


def test_a_change_is_not_a_range_and_a_score_is_not_either() -> None:
    assert values_of("Output rose from 2 percent to 3 percent.", "en") == [
        ("PERCENT", "2 percent", "2%"),
        ("PERCENT", "3 percent", "3%"),
    ]
    assert [v for _, _, v in values_of("Skor 3-1.")] == ["3", "1"]


def test_three_and_a_half_is_not_thirty_five() -> None:
    assert values_of("Naik 35 persen, bukan 3,5 persen.") == [
        ("PERCENT", "35 persen", "35%"),
        ("PERCENT", "3,5 persen", "3.5%"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Salah satu pejabat menolak.",
        "Mereka datang satu per satu.",
        "Ini satu-satunya jalan.",
        "Masing-masing delegasi hadir.",
    ],
)
def test_phrases_with_number_words_that_name_no_number(text: str) -> None:
    assert values_of(text) == []


@pytest.mark.parametrize(
    "text", ["One of the victims.", "No one was hurt.", "The one who called.", "Half of them."]
)
def test_a_lone_one_or_half_is_no_number(text: str) -> None:
    assert values_of(text, "en") == []


def test_a_capitalised_number_word_mid_sentence_is_a_name() -> None:
    assert values_of("Lima orang ditahan di Lima, Peru.") == [("QUANTITY", "Lima orang", "5 orang")]


def test_digits_glued_to_letters_are_part_of_a_name() -> None:
    assert values_of("Jaringan 5G di 20 kota, COVID-19, MH17.") == [
        ("QUANTITY", "20 kota", "20 kota")
    ]


def test_counted_noun_skips_english_adjectives_and_refuses_verbs() -> None:
    assert values_of("Two missing residents and 127 active volcanoes.", "en") == [
        ("QUANTITY", "Two missing residents", "2 residents"),
        ("QUANTITY", "127 active volcanoes", "127 volcanoes"),
    ]
    assert values_of("Only 10 died.", "en") == [("NUMBER", "10", "10")]


def test_over_before_a_duration_means_during() -> None:
    assert values_of("Over five years it grew.", "en") == [("QUANTITY", "five years", "5 year")]


def test_ambiguous_digits_record_how_they_were_read() -> None:
    (span,) = spans_of("Only 1.200 remain.", "und")
    assert span.quantity is not None and span.quantity.notation == "grouping"
    (span,) = spans_of("Harga 3,5 juta.")
    assert span.quantity is not None and span.quantity.notation == ""


def test_a_fraction_with_no_exact_decimal_is_marked_approximate() -> None:
    (span,) = spans_of("Sebanyak 2/3 anggota setuju.")
    assert span.value == "~0.666667 anggota"
    assert span.quantity is not None and span.quantity.qualifier == "approx"
