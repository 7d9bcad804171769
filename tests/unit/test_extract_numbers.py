"""Digits in Indonesian and English notation: reading, choosing, formatting."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsdiff.core.analyze.extract.numbers import (
    EN,
    GROUPING,
    ID,
    choose_notation,
    decimal_text,
    format_number,
    is_ambiguous,
    parse_digits,
    parse_fraction,
    shape_of,
)


@pytest.mark.parametrize(
    ("text", "notation", "expected"),
    [
        ("1.200", ID, "1200"),
        ("1,200", EN, "1200"),
        ("1.200", EN, "1.2"),  # English decimal point with three places
        ("1,200", ID, "1.2"),
        ("1.200", GROUPING, "1200"),
        ("1,200", GROUPING, "1200"),
        ("3,5", EN, "3.5"),  # a lone separator before one digit is a decimal either way
        ("3.5", ID, "3.5"),
        ("1.234,56", EN, "1234.56"),  # the mix says which is which
        ("1,234.56", ID, "1234.56"),
        ("1.234.567", EN, "1234567"),  # a repeated separator groups thousands
        ("0,125", EN, "0.125"),  # a leading zero is never a thousands group
        ("35", ID, "35"),
        ("-1.234,5", ID, "-1234.5"),
    ],
)
def test_digits_read_exactly(text: str, notation: str, expected: str) -> None:
    assert parse_digits(text, notation) == Decimal(expected)


@pytest.mark.parametrize("text", ["1.1.1", "1,2.3", "12.34.56", "1" * 19, "."])
def test_strings_that_are_not_numbers(text: str) -> None:
    assert parse_digits(text, ID) is None


def test_shapes_say_which_notation_a_string_proves() -> None:
    assert shape_of("3,5") == ID and shape_of("1.234.567") == ID
    assert shape_of("3.5") == EN and shape_of("1,234,567") == EN
    assert shape_of("1.200") == "either" and shape_of("2025") == "either"
    assert is_ambiguous("12.500") and not is_ambiguous("1.2500") and not is_ambiguous("0.125")


def test_language_decides_unless_the_text_clearly_says_otherwise() -> None:
    assert choose_notation("Harga 1.200.", "id").label == "id"
    assert choose_notation("Rate 1.200.", "en").label == "en"
    # An Indonesian article that writes every decimal the English way
    english_style = "Naik 3.5 persen, lalu 2.75 persen dan 1,234,567 orang."
    assert choose_notation(english_style, "id").label == "en-evidence"
    # One stray number is not enough to overrule the language
    assert choose_notation("Naik 3.5 persen.", "id").label == "id"


def test_undetermined_text_follows_its_numbers_or_groups_thousands() -> None:
    assert choose_notation("1.200 dan 3,5", "und").label == "id-evidence"
    assert choose_notation("1.200 and 3.5", "und").label == "en-evidence"
    assert choose_notation("only 1.200", "und").label == GROUPING


def test_clock_times_are_no_evidence() -> None:
    text = "pukul 19.30 dan jam 10.15 dan pukul 08.45, harga 1.200"
    assert choose_notation(text, "und").label == GROUPING


def test_canonical_decimal_text() -> None:
    assert decimal_text(Decimal("1.2E+3")) == "1200"
    assert decimal_text(Decimal("3.50")) == "3.5"
    assert decimal_text(Decimal("0E-2")) == "0"
    assert decimal_text(Decimal("1200000000000")) == "1200000000000"


def test_fractions() -> None:
    assert parse_fraction("1/2") == (1, 2)
    assert parse_fraction("16/5") == (16, 5)
    assert parse_fraction("1/2/3") is None


@given(
    st.decimals(
        min_value=Decimal("-999999999999"),
        max_value=Decimal("999999999999"),
        places=4,
        allow_nan=False,
        allow_infinity=False,
    ),
    st.sampled_from([ID, EN]),
)
def test_formatting_then_parsing_gives_the_number_back(value: Decimal, notation: str) -> None:
    written = format_number(value, notation)
    assert parse_digits(written, notation) == value, written


def test_formatting_groups_thousands() -> None:
    assert format_number(Decimal("1234567.5"), ID) == "1.234.567,5"
    assert format_number(Decimal("1234567.5"), EN) == "1,234,567.5"
    assert format_number(Decimal("-12"), ID) == "-12"
