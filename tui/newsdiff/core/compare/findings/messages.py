"""The one-line messages findings carry, in English, whatever the reports' language.

A message names the fact and quotes both sides as written, so a person can check it
against the text without opening the JSON: ``rumah: "lebih dari 2.200 rumah" (>2200
rumah) on the left, "Lebih dari 2.500 rumah" (>2500 rumah) on the right``.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.compare.findings.facts import Amount, When
from newsdiff.core.model import Span, SpanKind

WEEKDAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ENTITY_NOUNS: Final = {
    SpanKind.PERSON: "person",
    SpanKind.ORG: "organisation",
    SpanKind.PLACE: "place",
}
LEVEL_WORDS: Final = {"done": "done", "promised": "promised", "possible": "possible"}


def quoted(text: str) -> str:
    """``text`` in double quotes, on one line."""
    return f'"{" ".join(text.split())}"'


def written(span: Span) -> str:
    """A value as written, with its canonical value when that says more."""
    text = " ".join(span.text.split())
    if span.value.casefold() == text.casefold():
        return quoted(text)
    return f"{quoted(text)} ({span.value})"


def amount_subject(amount: Amount) -> str:
    """What a differing amount is about: its unit or counted noun, else its kind."""
    if amount.ordinal:
        return "ordinal"
    if amount.kind is SpanKind.PERCENT:
        return "percentage"
    if amount.kind is SpanKind.MONEY:
        return "amount of money"
    return amount.unit or "number"


def date_subject(left: When, right: When) -> str:
    """``year``, ``date``, ``weekday`` or ``time``: the part that differs."""
    if left.level == "time":
        return "time"
    moved = left.year is not None and right.year is not None and left.year != right.year
    if moved and (left.month, left.day) == (right.month, right.day):
        return "year"
    if left.level == "weekday" or right.level == "weekday":
        return "weekday"
    return "date"


def weekday_note(when: When) -> str:
    return f", a {WEEKDAYS[when.weekday]}" if when.weekday is not None else ""


def entity_noun(span: Span) -> str:
    return ENTITY_NOUNS.get(span.kind, "name")


def only_in(span: Span, side: str) -> str:
    """``"Turki" (Turkey, place) is only in the left report``."""
    text = " ".join(span.text.split())
    noun = entity_noun(span) if span.kind in ENTITY_NOUNS else ""
    value = span.value if span.value.casefold() != text.casefold() else ""
    if value.startswith("-W-"):
        value = ""  # a weekday's value says no more than its name
    notes = [n for n in (value, noun) if n]
    note = f" ({', '.join(notes)})" if notes else ""
    return f"{quoted(text)}{note} is only in the {side} report"
