"""``number_mismatch`` and ``date_mismatch``: the same slot, a different value.

Alignment masks values out of its similarity, so an aligned row whose values differ is
exactly where a changed figure lives. Inside each aligned row:

1. values equal on both sides (as facts: see :mod:`facts`) are matched and set aside;
2. a value the other report states elsewhere is set aside too — it moved, it did not
   change (``in 2023`` in one sentence, ``in 2023`` two sentences later);
3. what is left is paired slot by slot: amounts with the same unit or counted noun
   (``2.200 rumah`` / ``2.500 rumah``), percentages with percentages, money in one
   currency, dates with dates (a weekday with a date), times with times — in text
   order within each slot; a lone unit-less number on each side (``49`` / ``52``) is
   one slot too.

Two more date checks need no alignment: a full date that shares day and month with a
date on the other side but not the year (``Rabu (23/7)`` in a 2025 report against
``23 Juli 2027``) is the same event moved in time wherever the sentences landed; and a
date whose weekday contradicts it (``DateValue.weekday_conflict``) is reported against
the other side's agreeing date.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Generic, NamedTuple, TypeVar

from newsdiff.core.compare.findings.context import SideView
from newsdiff.core.compare.findings.facts import (
    AMOUNT_KINDS,
    DATE_KINDS,
    Amount,
    ValueIndex,
    When,
    agree,
    amount_of,
    fact_key,
    same_amount,
    when_of,
)
from newsdiff.core.compare.findings.messages import (
    WEEKDAYS,
    amount_subject,
    date_subject,
    quoted,
    written,
)
from newsdiff.core.model import Finding, FindingKind, Row, Span

T = TypeVar("T", Amount, When)


class Placed(NamedTuple, Generic[T]):
    """A value span with its worth."""

    span: Span
    fact: T


@dataclass
class Settled:
    """Values the mismatch pass has accounted for, so no only-side finding repeats them."""

    keys: dict[str, set[str]] = field(default_factory=lambda: {"left": set(), "right": set()})
    """Fact keys (:func:`facts.fact_key`) that are one side of a mismatch."""
    matched: dict[str, set[int]] = field(default_factory=lambda: {"left": set(), "right": set()})
    """Start offsets of spans matched to an equal value in their row."""

    amounts: dict[str, set[Decimal]] = field(
        default_factory=lambda: {"left": set(), "right": set()}
    )
    """Amounts of mismatched values: a bare number with one of them is the same fact
    restated (a headline's ``nine`` when ``nine people`` is the changed toll)."""

    def settle(self, left: Span, right: Span) -> None:
        for side, span in (("left", left), ("right", right)):
            self.keys[side].add(fact_key(span))
            if (amount := amount_of(span)) is not None:
                self.amounts[side].add(amount.amount)

    def covers(self, side: str, span: Span) -> bool:
        if span.start in self.matched[side] or fact_key(span) in self.keys[side]:
            return True
        amount = amount_of(span)
        return (
            amount is not None
            and not amount.unit
            and not amount.ordinal
            and amount.amount in self.amounts[side]
        )


def _pair_by_slot(
    left: list[Placed[T]], right: list[Placed[T]], slot: Callable[[T], str]
) -> list[tuple[Placed[T], Placed[T]]]:
    """Pairs of values in the same slot, in text order (the i-th with the i-th)."""
    pairs: list[tuple[Placed[T], Placed[T]]] = []
    for key in sorted({slot(x.fact) for x in left} & {slot(y.fact) for y in right}):
        if key:
            mine = [x for x in left if slot(x.fact) == key]
            theirs = [y for y in right if slot(y.fact) == key]
            pairs.extend(zip(mine, theirs, strict=False))
    return pairs


def _unmatched(
    left: list[Placed[T]],
    right: list[Placed[T]],
    equal: Callable[[T, T], bool | None],
    settled: Settled,
) -> tuple[list[Placed[T]], list[Placed[T]]]:
    """Each side's values that the other side states nowhere; the rest are noted as
    matched in ``settled`` so no later finder reports them."""
    unmatched: tuple[list[Placed[T]], list[Placed[T]]] = ([], [])
    for mine, theirs, opened, side in (
        (left, right, unmatched[0], "left"),
        (right, left, unmatched[1], "right"),
    ):
        for placed in mine:
            if any(equal(placed.fact, other.fact) for other in theirs):
                settled.matched[side].add(placed.span.start)
            else:
                opened.append(placed)
    return unmatched


def _amount_findings(
    number: int,
    lv: SideView,
    rv: SideView,
    spans: tuple[list[Span], list[Span]],
    indexes: tuple[ValueIndex, ValueIndex],
    settled: Settled,
) -> list[Finding]:
    left = [Placed(s, a) for s in spans[0] if (a := amount_of(s)) is not None]
    right = [Placed(s, a) for s in spans[1] if (a := amount_of(s)) is not None]
    unmatched = _unmatched(left, right, same_amount, settled)
    # A value the other report states elsewhere, for the same thing, moved: not changed.
    lopen = [x for x in unmatched[0] if not indexes[1].has_amount(x.fact, same_slot=True)]
    ropen = [x for x in unmatched[1] if not indexes[0].has_amount(x.fact, same_slot=True)]
    pairs = _pair_by_slot(lopen, ropen, lambda a: a.slot)
    paired = {id(x) for pair in pairs for x in pair}
    lrest = [x for x in lopen if id(x) not in paired]
    rrest = [x for x in ropen if id(x) not in paired]
    if len(lrest) == 1 and len(rrest) == 1:
        a, b = lrest[0].fact, rrest[0].fact
        if a.ordinal == b.ordinal and (not a.unit or not b.unit) and a.kind == b.kind:
            pairs.append((lrest[0], rrest[0]))
    findings = []
    for mine, theirs in pairs:
        settled.settle(mine.span, theirs.span)
        message = (
            f"{amount_subject(mine.fact)}: {written(mine.span)} on the left, "
            f"{written(theirs.span)} on the right"
        )
        findings.append(
            Finding(
                FindingKind.NUMBER_MISMATCH,
                lv.side(mine.span),
                rv.side(theirs.span),
                message,
                number,
            )
        )
    return findings


def _date_written(span: Span, when: When) -> str:
    if when.level == "day" and when.year is not None:
        return f"{quoted(span.text)} ({span.value}, {WEEKDAYS[when.weekday or 0]})"
    if when.level in ("weekday", "time") or span.value == span.text:
        return quoted(span.text)
    return written(span)


def _date_finding(
    number: int | None, lv: SideView, rv: SideView, mine: Placed[When], theirs: Placed[When]
) -> Finding:
    subject = date_subject(mine.fact, theirs.fact)
    message = (
        f"{subject}: {_date_written(*mine)} on the left, {_date_written(*theirs)} on the right"
    )
    return Finding(
        FindingKind.DATE_MISMATCH, lv.side(mine.span), rv.side(theirs.span), message, number
    )


def _conflicted(span: Span) -> bool:
    return bool(span.date and span.date.weekday_conflict)


def _conflict_finding(
    number: int | None, lv: SideView, rv: SideView, mine: Placed[When], theirs: Placed[When]
) -> Finding:
    """A date whose written weekday contradicts it, against the other side's date."""
    wrong, wrong_side, other, other_side = mine, "left", theirs, "right"
    if not _conflicted(mine.span):
        wrong, wrong_side, other, other_side = theirs, "right", mine, "left"
    named = wrong.span.date.weekday if wrong.span.date else None
    said = f"names a {WEEKDAYS[named]}" if named is not None else "names another weekday"
    actual = WEEKDAYS[wrong.fact.weekday] if wrong.fact.weekday is not None else "another day"
    message = (
        f"weekday contradicts the date: {quoted(wrong.span.text)} on the {wrong_side} {said}, "
        f"but {wrong.span.value} is a {actual}; the {other_side} has {quoted(other.span.text)}"
    )
    return Finding(
        FindingKind.DATE_MISMATCH, lv.side(mine.span), rv.side(theirs.span), message, number
    )


def _date_findings(
    number: int,
    lv: SideView,
    rv: SideView,
    spans: tuple[list[Span], list[Span]],
    indexes: tuple[ValueIndex, ValueIndex],
    settled: Settled,
) -> list[Finding]:
    left = [Placed(s, w) for s in spans[0] if (w := when_of(s)) is not None]
    right = [Placed(s, w) for s in spans[1] if (w := when_of(s)) is not None]
    findings = []
    reported: set[int] = set()
    for mine in left:
        for theirs in right:
            if agree(mine.fact, theirs.fact) and _conflicted(mine.span) != _conflicted(theirs.span):
                wrong = mine.span if _conflicted(mine.span) else theirs.span
                if wrong.start not in reported:
                    reported.add(wrong.start)
                    settled.settle(mine.span, theirs.span)
                    findings.append(_conflict_finding(number, lv, rv, mine, theirs))
    unmatched = _unmatched(left, right, agree, settled)
    lopen = [x for x in unmatched[0] if not indexes[1].has_date(x.fact, loose=False)]
    ropen = [x for x in unmatched[1] if not indexes[0].has_date(x.fact, loose=False)]
    for mine, theirs in _pair_by_slot(lopen, ropen, lambda w: w.slot):
        if agree(mine.fact, theirs.fact) is False:
            settled.settle(mine.span, theirs.span)
            findings.append(_date_finding(number, lv, rv, mine, theirs))
    return findings


def _moved_years(
    lv: SideView, rv: SideView, indexes: tuple[ValueIndex, ValueIndex], settled: Settled
) -> list[Finding]:
    """Full dates with the same day and month but another year, anywhere in the reports."""
    by_day: tuple[dict[tuple, list[Placed[When]]], dict[tuple, list[Placed[When]]]] = ({}, {})
    for view, other, table in ((lv, indexes[1], by_day[0]), (rv, indexes[0], by_day[1])):
        for span in view.content_spans():
            when = when_of(span)
            if when is None or when.level != "day" or when.year is None:
                continue
            if settled.covers(view.name, span) or other.has_date(when):
                continue
            table.setdefault((when.month, when.day), []).append(Placed(span, when))
    findings = []
    for day in sorted(by_day[0].keys() & by_day[1].keys()):
        for mine, theirs in zip(by_day[0][day], by_day[1][day], strict=False):
            settled.settle(mine.span, theirs.span)
            row = lv.row_of.get(lv.side(mine.span).sentence)
            findings.append(_date_finding(row, lv, rv, mine, theirs))
    return findings


def value_findings(
    lv: SideView, rv: SideView, rows: Sequence[Row], indexes: tuple[ValueIndex, ValueIndex]
) -> tuple[list[Finding], Settled]:
    """Number and date mismatches, and what they settled (for the only-side pass)."""
    kinds = AMOUNT_KINDS | DATE_KINDS
    settled = Settled()
    findings: list[Finding] = []
    for number, row in enumerate(rows):
        if not (row.left and row.right):
            continue
        spans = (
            [s for s in lv.row_spans(row) if s.kind in kinds],
            [s for s in rv.row_spans(row) if s.kind in kinds],
        )
        if not (spans[0] and spans[1]):
            continue
        findings += _amount_findings(number, lv, rv, spans, indexes, settled)
        findings += _date_findings(number, lv, rv, spans, indexes, settled)
    findings += _moved_years(lv, rv, indexes, settled)
    return findings, settled
