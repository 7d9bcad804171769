"""What the value readers share: the article context they read in, what they return,
and the canonical value strings (README "Span values").

Keeping the value-string format in one place means amounts, dates and times cannot
drift apart in how they spell the same fact, and the comparison engine can rely on
``Span.value`` being equal exactly when the facts are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Final

from newsdiff.core.analyze.extract.numbers import Notation, decimal_text
from newsdiff.core.analyze.extract.vocabulary import Vocabulary
from newsdiff.core.model import DateValue, Quantity, SpanKind

_SIX_PLACES: Final = Decimal("0.000001")

QUALIFIER_SYMBOLS: Final = {
    "approx": "~",
    "more_than": ">",
    "at_least": ">=",
    "less_than": "<",
    "at_most": "<=",
    "nearly": "<~",
}
"""How a qualifier is written in front of an amount in ``Span.value``."""


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """The article's own date, as far as it is known (year always)."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, iso: str | None) -> PublishedDate | None:
        if not iso:
            return None
        parts = iso.split("-")
        try:
            numbers = [int(p) for p in parts[:3]]
        except ValueError:
            return None
        if not numbers or not 1000 <= numbers[0] <= 9999:
            return None
        month = numbers[1] if len(numbers) > 1 and 1 <= numbers[1] <= 12 else None
        day = numbers[2] if month and len(numbers) > 2 and 1 <= numbers[2] <= 31 else None
        return cls(numbers[0], month, day)

    def as_date(self) -> dt.date | None:
        """The full date, or None when the day is not known."""
        if self.month is None or self.day is None:
            return None
        try:
            return dt.date(self.year, self.month, self.day)
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class ValueContext:
    """Everything about the article that changes how its values read."""

    vocab: Vocabulary
    language: str
    notation: Notation
    published: PublishedDate | None
    today: dt.date
    """Latest year a weekday may place a year-less date in, when nothing else does."""


@dataclass(frozen=True, slots=True)
class Found:
    """A value found over tokens ``[first, stop)`` of a sentence."""

    kind: SpanKind
    first: int
    stop: int
    value: str
    quantity: Quantity | None = None
    date: DateValue | None = None


def amount_value(kind: SpanKind, quantity: Quantity) -> str:
    """The canonical ``Span.value`` of a NUMBER, QUANTITY, MONEY or PERCENT."""
    if quantity.ordinal:
        return f"ordinal:{decimal_text(quantity.amount)}"
    text = QUALIFIER_SYMBOLS.get(quantity.qualifier, "") + decimal_text(quantity.amount)
    if quantity.upper is not None:
        text += ".." + decimal_text(quantity.upper)
    if kind == SpanKind.PERCENT:
        return text + "%"
    return f"{text} {quantity.unit}" if quantity.unit else text


def ordinal_found(position: int, first: int, stop: int) -> Found:
    quantity = Quantity(amount=Decimal(position), ordinal=True)
    return Found(SpanKind.NUMBER, first, stop, amount_value(SpanKind.NUMBER, quantity), quantity)


def rounded(quantity: Quantity) -> Quantity:
    """A value with no exact decimal (1/3) is kept to six places and marked approximate."""
    places = -quantity.amount.normalize().as_tuple().exponent  # type: ignore[operator]
    if places <= 12:
        return quantity
    return replace(
        quantity,
        amount=quantity.amount.quantize(_SIX_PLACES),
        upper=quantity.upper.quantize(_SIX_PLACES) if quantity.upper is not None else None,
        qualifier=quantity.qualifier or "approx",
    )
