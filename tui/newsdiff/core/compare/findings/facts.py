"""What a value is worth when two reports are compared: amounts and dates.

Findings compare values, never strings: ``14`` and ``empat belas``, ``Rp 1,2 triliun``
and ``Rp 1.200 miliar``, ``1.000`` (id) and ``1,000`` (en) have equal amounts because
extraction already normalised them (``Span.quantity``, ``Span.date``). What this module
adds is the comparison itself:

- **Amounts** are the same fact when the numbers are equal (a range: both ends), both
  are ordinals or neither is, money is in the same currency, and the qualifiers do not
  point opposite ways. So ``lebih dari 1.000`` and ``1.000`` are the same fact — a
  qualifier sharpens or loosens a figure without contradicting it — while ``more than
  1,000`` and ``fewer than 1,000`` disagree, and so do ``at least 125`` and ``more than
  130`` (different numbers, whatever the qualifiers). Units convert where they convert
  exactly (``12,000 metres`` = ``12 km``, ``dua jam`` = ``120 menit``; the factors are in
  ``lexicons/unit_scales.txt``). The counted noun does not decide
  sameness (``1.000 orang`` = ``1.000 tahanan`` = ``1,000 prisoners``); it decides
  which values stand in the same slot when they differ.
- **Dates** are compared on the parts both sides state: a year-less ``16 Mei`` agrees
  with ``2025-05-16``; ``Jumat`` agrees with any Friday; ``2025-07-23`` and
  ``2027-07-23`` disagree. Times are compared with times only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Final

from newsdiff.core.lexicons import load_lines
from newsdiff.core.model import Span, SpanKind

AMOUNT_KINDS: Final = frozenset(
    {SpanKind.NUMBER, SpanKind.QUANTITY, SpanKind.MONEY, SpanKind.PERCENT}
)
DATE_KINDS: Final = frozenset({SpanKind.DATE, SpanKind.TIME})

_UP: Final = frozenset({"more_than", "at_least"})
_DOWN: Final = frozenset({"less_than", "at_most", "nearly"})


@dataclass(frozen=True, slots=True)
class Amount:
    """A NUMBER, QUANTITY, MONEY or PERCENT span's worth."""

    amount: Decimal
    upper: Decimal | None
    unit: str
    qualifier: str
    ordinal: bool
    kind: SpanKind

    @property
    def measure(self) -> tuple[Decimal, str] | None:
        """The amount in its base unit (``12 km`` → ``(12000, "m")``), for units that
        convert exactly; None for counted nouns, currencies and the rest."""
        scale = _scales().get(self.unit)
        if scale is None or self.upper is not None:
            return None
        factor, base = scale
        return ((self.amount * factor).normalize(), base)

    @property
    def currency(self) -> str:
        return self.unit.split("/")[0] if self.kind is SpanKind.MONEY else ""

    @property
    def slot(self) -> str:
        """What the amount counts or measures, as a key: two differing amounts with the
        same slot are a mismatch (``2.200 rumah`` / ``2.500 rumah``)."""
        if self.ordinal:
            return "#ordinal"
        if self.kind is SpanKind.PERCENT:
            return "%"
        if self.kind is SpanKind.MONEY:
            return f"${self.unit}"
        if (scale := _scales().get(self.unit)) is not None:
            return scale[1]
        unit = self.unit.casefold()
        if len(unit) > 3 and unit.endswith("s"):
            unit = unit[:-1]
        return unit[:5]


@cache
def _scales() -> dict[str, tuple[Decimal, str]]:
    """``unit → (factor, base unit)`` from ``lexicons/unit_scales.txt``; a base unit
    maps to itself so ``m`` and ``km`` meet."""
    scales: dict[str, tuple[Decimal, str]] = {}
    for entry in load_lines("unit_scales"):
        unit, _, rest = entry.partition("=")
        factor, base = rest.split()
        scales[unit.strip()] = (Decimal(factor), base)
        scales.setdefault(base, (Decimal(1), base))
    return scales


def amount_of(span: Span) -> Amount | None:
    """The amount of a value span, or None for dates, times and entities."""
    if span.kind not in AMOUNT_KINDS or span.quantity is None:
        return None
    q = span.quantity
    return Amount(q.amount, q.upper, q.unit, q.qualifier, q.ordinal, span.kind)


def _direction(qualifier: str) -> str:
    return "up" if qualifier in _UP else "down" if qualifier in _DOWN else ""


def same_amount(a: Amount, b: Amount) -> bool:
    """True when ``a`` and ``b`` state the same figure (see the module notes)."""
    if a.ordinal != b.ordinal or a.upper != b.upper:
        return False
    if a.amount != b.amount and (a.measure is None or a.measure != b.measure):
        return False
    if a.kind is SpanKind.MONEY and b.kind is SpanKind.MONEY and a.currency != b.currency:
        return False
    up, down = _direction(a.qualifier), _direction(b.qualifier)
    return not (up and down and up != down)


def fact_key(span: Span) -> str:
    """A key for "the same fact" when counting distinct facts: a bare number by its
    amount (``9`` and ``nine``), anything else by its canonical value."""
    amount = amount_of(span)
    if amount is not None and span.kind is SpanKind.NUMBER and not amount.unit:
        return f"#{'o' if amount.ordinal else ''}{amount.amount.normalize()}"
    return span.value


# --- dates ------------------------------------------------------------------------------

_FULL: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH: Final = re.compile(r"(\d{4})-(\d{2})")
_YEAR: Final = re.compile(r"(\d{4})")
_YEARLESS_DAY: Final = re.compile(r"--(\d{2})-(\d{2})")
_YEARLESS_MONTH: Final = re.compile(r"--(\d{2})")
_WEEKDAY: Final = re.compile(r"-W-(\d)")
_TIME: Final = re.compile(r"\d{2}:\d{2}")


@dataclass(frozen=True, slots=True)
class When:
    """A DATE or TIME span's worth, part by part (None where the text does not say)."""

    level: str
    """``time``, ``day``, ``weekday``, ``month`` or ``year``: the most precise part."""
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    """0 = Monday: the date's own weekday when the date is known, else as written."""
    time: str | None = None

    @property
    def slot(self) -> str:
        """Which dates can stand in for each other when they differ: a day and a
        weekday (``Sunday`` vs ``Monday``, ``Selasa (22/11)`` vs ``Rabu (23/11)``)."""
        return "day" if self.level == "weekday" else self.level


def when_of(span: Span) -> When | None:
    """The parts of a date or time span, or None when it is not one (or unreadable)."""
    if span.kind not in DATE_KINDS or span.date is None:
        return None
    iso = span.date.iso
    if _TIME.fullmatch(iso):
        return When("time", time=iso)
    if m := _FULL.fullmatch(iso):
        year, month, day = (int(g) for g in m.groups())
        try:
            weekday: int | None = date(year, month, day).weekday()
        except ValueError:
            weekday = span.date.weekday
        return When("day", year, month, day, weekday)
    if m := _YEARLESS_DAY.fullmatch(iso):
        return When("day", None, int(m[1]), int(m[2]), span.date.weekday)
    if (m := _WEEKDAY.fullmatch(iso)) and 1 <= int(m[1]) <= 7:
        return When("weekday", weekday=int(m[1]) - 1)
    if m := _MONTH.fullmatch(iso):
        return When("month", int(m[1]), int(m[2]))
    if m := _YEARLESS_MONTH.fullmatch(iso):
        return When("month", None, int(m[1]))
    if m := _YEAR.fullmatch(iso):
        return When("year", int(m[1]))
    return None


def agree(a: When, b: When) -> bool | None:
    """True when ``a`` and ``b`` can be the same moment, False when they cannot, None
    when they share no part to compare (a year and a weekday, a date and a time)."""
    if a.level == "time" or b.level == "time":
        return a.time == b.time if a.level == b.level else None
    shared = False
    for x, y in ((a.year, b.year), (a.month, b.month), (a.day, b.day)):
        if x is not None and y is not None:
            shared = True
            if x != y:
                return False
    if a.weekday is not None and b.weekday is not None:
        shared = True
        if a.weekday != b.weekday:
            return False
    return True if shared else None


def _keys(w: When) -> list[tuple]:
    """Keys under which ``w`` is filed in a :class:`ValueIndex` (``?`` keys: a value
    stated only this precisely, which a more precise one on the other side matches)."""
    if w.level == "time":
        return [("t", w.time)]
    keys: list[tuple] = []
    if w.level == "weekday":
        return [("wd", w.weekday), ("wd?", w.weekday)]
    if w.day is not None:
        keys.append(("md", w.month, w.day))
        if w.year is None:
            keys.append(("md?", w.month, w.day))
        else:
            keys.append(("ymd", w.year, w.month, w.day))
    if w.weekday is not None:
        keys.append(("wd", w.weekday))
    if w.month is not None:
        keys.append(("m", w.month))
        if w.year is not None:
            keys.append(("ym", w.year, w.month))
    if w.year is not None:
        keys.append(("y", w.year))
    return keys


def _lookups(w: When, loose: bool = True) -> list[tuple]:
    """Keys that, found in the other report's index, mean it states ``w`` too (a
    weekday alone, ``Rabu``, matches any Wednesday only when ``loose``)."""
    if w.level == "time":
        return [("t", w.time)]
    if w.level == "weekday":
        return [("wd", w.weekday)]
    if w.level == "day":
        found = [("ymd", w.year, w.month, w.day), ("md?", w.month, w.day)]
        if w.year is None:
            found.append(("md", w.month, w.day))
        if w.weekday is not None and loose:
            found.append(("wd?", w.weekday))
        return found
    if w.level == "month":
        return [("ym", w.year, w.month)] if w.year is not None else [("m", w.month)]
    return [("y", w.year)]


class ValueIndex:
    """Every value of one report, keyed for "does this report state that value anywhere?"

    Amounts are filed by amount and dates by their parts, so each lookup is a
    dictionary probe: the findings stage stays linear in the number of spans.
    """

    def __init__(self, spans: list[Span]) -> None:
        self._amounts: dict[Decimal, list[Amount]] = {}
        self._measures: dict[tuple[Decimal, str], list[Amount]] = {}
        self._dates: set[tuple] = set()
        for span in spans:
            if (amount := amount_of(span)) is not None:
                self._amounts.setdefault(amount.amount, []).append(amount)
                if (measure := amount.measure) is not None:
                    self._measures.setdefault(measure, []).append(amount)
            elif (when := when_of(span)) is not None:
                self._dates.update(_keys(when))

    def has_amount(self, amount: Amount, same_slot: bool = False) -> bool:
        """True when the report states an equal amount; with ``same_slot``, only one
        that counts the same thing (or counts nothing named)."""
        measure = amount.measure
        candidates = [
            *self._amounts.get(amount.amount, ()),
            *(self._measures.get(measure, ()) if measure is not None else ()),
        ]
        return any(
            same_amount(amount, other)
            and not (same_slot and amount.unit and other.unit and amount.slot != other.slot)
            for other in candidates
        )

    def has_date(self, when: When, loose: bool = True) -> bool:
        """True when the report states ``when``; unless ``loose``, a bare weekday
        elsewhere does not count for a full date."""
        return any(key in self._dates for key in _lookups(when, loose))

    def has(self, span: Span) -> bool:
        """True when this report states ``span``'s value anywhere."""
        if (amount := amount_of(span)) is not None:
            return self.has_amount(amount)
        if (when := when_of(span)) is not None:
            return self.has_date(when)
        return False
