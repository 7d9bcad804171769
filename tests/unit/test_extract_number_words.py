"""Numbers in words, digits with scale words, and ordinals."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsdiff.core.analyze.extract.number_words import (
    read_number,
    read_number_words,
    read_ordinal,
)
from newsdiff.core.analyze.extract.tokens import sentence_tokens
from newsdiff.core.analyze.extract.vocabulary import vocabulary


def tokens(text: str):
    return sentence_tokens(text, 0, len(text))


def words(text: str) -> tuple[Decimal, str] | None:
    toks = tokens(text)
    reading = read_number_words(toks, 0, vocabulary())
    if reading is None:
        return None
    return reading.value, text[toks[0].start : toks[reading.end - 1].end]


@pytest.mark.parametrize(
    ("text", "value", "consumed"),
    [
        ("tiga", "3", "tiga"),
        ("seribu", "1000", "seribu"),
        ("dua puluh lima", "25", "dua puluh lima"),
        ("lima belas", "15", "lima belas"),
        ("sebelas", "11", "sebelas"),
        ("seratus dua puluh tiga", "123", "seratus dua puluh tiga"),
        ("dua ratus lima puluh ribu", "250000", "dua ratus lima puluh ribu"),
        ("seribu lima ratus", "1500", "seribu lima ratus"),
        ("tiga setengah tahun", "3.5", "tiga setengah"),
        ("satu setengah juta", "1500000", "satu setengah juta"),
        ("setengah jam", "0.5", "setengah"),
        ("dua juta tiga ratus ribu", "2300000", "dua juta tiga ratus ribu"),
        ("two dozen", "24", "two dozen"),
        ("a dozen eggs", "12", "a dozen"),
        ("half a million", "500000", "half a million"),
        ("one hundred and five", "105", "one hundred and five"),
        ("a thousand and one", "1001", "a thousand and one"),
        ("two and a half years", "2.5", "two and a half"),
        ("twenty-five", "25", "twenty-five"),
        ("twenty five", "25", "twenty five"),
        ("ten thousand", "10000", "ten thousand"),
        ("one million two hundred thousand", "1200000", "one million two hundred thousand"),
        ("nol", "0", "nol"),
    ],
)
def test_number_words(text: str, value: str, consumed: str) -> None:
    assert words(text) == (Decimal(value), consumed)


@pytest.mark.parametrize(
    ("text", "consumed"),
    [
        ("dua tiga", "dua"),  # two numbers, not 23
        ("twenty twenty", "twenty"),
        ("lima belas belas", "lima belas"),
        ("two and three", "two"),
    ],
)
def test_a_word_that_cannot_continue_ends_the_number(text: str, consumed: str) -> None:
    reading = words(text)
    assert reading is not None and reading[1] == consumed


@pytest.mark.parametrize("text", ["a house", "an apple", "puluh", "ribu", "and"])
def test_words_that_start_no_number(text: str) -> None:
    assert words(text) is None


@pytest.mark.parametrize(
    ("text", "notation", "value"),
    [
        ("1,2 juta", "id", "1200000"),
        ("1.200 miliar", "id", "1200000000000"),
        ("2.5 billion", "en", "2500000000"),
        ("5 ribu triliun", "id", "5000000000000000"),
        ("3/4", "id", "0.75"),
    ],
)
def test_digits_with_scale_words(text: str, notation: str, value: str) -> None:
    reading = read_number(tokens(text), 0, vocabulary(), notation)
    assert reading is not None and reading.value == Decimal(value)


def test_a_slash_form_bigger_than_one_is_no_number() -> None:
    assert read_number(tokens("16/5"), 0, vocabulary(), "id") is None


@pytest.mark.parametrize(
    ("text", "position", "consumed"),
    [
        ("ketiga", 3, "ketiga"),
        ("kesembilan", 9, "kesembilan"),
        ("pertama", 1, "pertama"),
        ("kedua belas", 12, "kedua belas"),
        ("kedua puluh lima", 25, "kedua puluh lima"),
        ("ke-9", 9, "ke-9"),
        ("third", 3, "third"),
        ("twenty-first", 21, "twenty-first"),
        ("9th", 9, "9th"),
        ("21st", 21, "21st"),
        ("12th", 12, "12th"),
    ],
)
def test_ordinals(text: str, position: int, consumed: str) -> None:
    toks = tokens(text)
    reading = read_ordinal(toks, 0, vocabulary())
    assert reading is not None and reading.position == position
    assert text[toks[0].start : toks[reading.end - 1].end] == consumed


@pytest.mark.parametrize("text", ["9st", "1th", "kedua-nya", "tiga"])
def test_not_ordinals(text: str) -> None:
    assert read_ordinal(tokens(text), 0, vocabulary()) is None
