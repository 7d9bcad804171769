"""When two values are the same fact: amounts, qualifiers, dates and the value index."""

from __future__ import annotations

from decimal import Decimal

import pytest

from newsdiff.core.compare.findings.facts import (
    Amount,
    ValueIndex,
    When,
    agree,
    fact_key,
    same_amount,
)
from newsdiff.core.model import DateValue, Quantity, Span, SpanKind


def amount(value: str, unit: str = "", qualifier: str = "", kind=SpanKind.QUANTITY) -> Amount:
    return Amount(Decimal(value), None, unit, qualifier, False, kind)


def span(kind: SpanKind, value: str, *, quantity=None, date=None, start: int = 0) -> Span:
    return Span(kind, start, start + 1, "x", value, quantity=quantity, date=date, sentence=0)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (amount("1000", "orang"), amount("1000", "tahanan"), True),  # the noun does not decide
        (amount("6.00", kind=SpanKind.PERCENT), amount("6", kind=SpanKind.PERCENT), True),
        (amount("1000", "orang", "more_than"), amount("1000", "orang"), True),  # documented
        (amount("1000", "", "more_than"), amount("1000", "", "less_than"), False),
        (amount("1000", "", "at_least"), amount("1000", "", "at_most"), False),
        (amount("2000", "m", "approx"), amount("2000", "m", "approx"), True),
        (amount("125", "people", "at_least"), amount("130", "people", "more_than"), False),
        (
            amount("1.2E+9", "USD", kind=SpanKind.MONEY),
            amount("1.2E+9", "IDR", kind=SpanKind.MONEY),
            False,
        ),
    ],
)
def test_same_amount(a: Amount, b: Amount, same: bool) -> None:
    assert same_amount(a, b) is same
    assert same_amount(b, a) is same


def test_ordinals_and_counts_are_different_facts() -> None:
    third = Amount(Decimal(3), None, "", "", True, SpanKind.NUMBER)
    assert not same_amount(third, amount("3"))


def test_slots_fold_plural_counted_nouns() -> None:
    assert amount("9", "people").slot == amount("10", "people").slot
    assert amount("2", "residents").slot == amount("3", "resident").slot
    assert amount("5", kind=SpanKind.PERCENT).slot != amount("5", "orang").slot


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (When("day", 2025, 5, 16, 4), When("day", None, 5, 16), True),  # 16 Mei, year unknown
        (When("day", 2025, 5, 16, 4), When("weekday", weekday=4), True),  # Jumat
        (When("day", 2025, 5, 16, 4), When("weekday", weekday=1), False),  # Selasa
        (When("day", 2025, 7, 23, 2), When("day", 2027, 7, 23, 4), False),  # the moved year
        (When("year", 2023), When("weekday", weekday=0), None),  # nothing to compare
        (When("time", time="03:00"), When("time", time="04:00"), False),
        (When("time", time="03:00"), When("day", 2025, 1, 1, 2), None),
        (When("month", 2023, 9), When("day", 2023, 9, 5, 1), True),
    ],
)
def test_agree(a: When, b: When, expected: bool | None) -> None:
    assert agree(a, b) is expected
    assert agree(b, a) is expected


def test_value_index_finds_values_stated_another_way() -> None:
    index = ValueIndex(
        [
            span(SpanKind.QUANTITY, "14 orang", quantity=Quantity(Decimal(14), "orang")),
            span(SpanKind.DATE, "2025-05-16", date=DateValue("2025-05-16", weekday=4)),
        ]
    )
    assert index.has(span(SpanKind.NUMBER, "14", quantity=Quantity(Decimal("14.0"))))
    assert index.has(span(SpanKind.DATE, "-W-5", date=DateValue("-W-5")))  # a Friday
    assert index.has(span(SpanKind.DATE, "--05-16", date=DateValue("--05-16")))
    assert not index.has(span(SpanKind.DATE, "-W-6", date=DateValue("-W-6")))
    assert not index.has(span(SpanKind.DATE, "2027-05-16", date=DateValue("2027-05-16")))
    assert not index.has(span(SpanKind.NUMBER, "15", quantity=Quantity(Decimal(15))))
    tahanan = Amount(Decimal(14), None, "tahanan", "", False, SpanKind.QUANTITY)
    assert index.has_amount(tahanan) and not index.has_amount(tahanan, same_slot=True)


def test_fact_key_counts_a_bare_number_by_its_amount() -> None:
    nine = span(SpanKind.NUMBER, "9", quantity=Quantity(Decimal(9)))
    also_nine = span(SpanKind.NUMBER, "9", quantity=Quantity(Decimal("9.0")))
    assert fact_key(nine) == fact_key(also_nine)
    people = span(SpanKind.QUANTITY, "9 people", quantity=Quantity(Decimal(9), "people"))
    assert fact_key(people) == "9 people"


def test_units_that_convert_exactly_are_compared_converted() -> None:
    assert same_amount(amount("12000", "m"), amount("12", "km"))
    assert same_amount(amount("2", "hour"), amount("120", "minute"))
    assert not same_amount(amount("12000", "m"), amount("12", "kg"))
    assert not same_amount(amount("1", "month"), amount("30", "day"))  # no exact factor
    assert amount("11", "km").slot == amount("12000", "m").slot  # the same slot: comparable
    index = ValueIndex([span(SpanKind.QUANTITY, "12 km", quantity=Quantity(Decimal(12), "km"))])
    assert index.has_amount(amount("12000", "m"))
