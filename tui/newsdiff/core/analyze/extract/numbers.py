"""Numbers written in digits: Indonesian and English notation, exactly.

Indonesian groups thousands with ``.`` and writes decimals with ``,`` (``1.234,56``);
English does the opposite (``1,234.56``). Most written numbers say which notation
they use by their shape alone: a separator followed by one, two or four-plus digits
is a decimal point (``3,5``, ``3.5``), two of the same separator are thousands
(``1.200.000``), and a mix says which is which. Only a lone separator before exactly
three digits (``1.200``, ``1,200``) is truly ambiguous; for those the article's
language decides, unless the text's own unambiguous numbers clearly say otherwise,
and the choice is recorded on the value (:attr:`Quantity.notation`) so it is never
silently wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final

ID: Final = "id"
EN: Final = "en"
GROUPING: Final = "grouping"
"""Fallback notation: a lone separator before three digits groups thousands."""

MAX_DIGITS: Final = 18
"""Longer digit runs are identifiers, not amounts (and keep every product of a number
and a scale word within Decimal's 28-digit precision, so arithmetic stays exact)."""

_PLAIN: Final = re.compile(r"\d+")
_AMBIGUOUS: Final = re.compile(r"[1-9]\d{0,2}[.,]\d{3}")
_GROUPED_ID: Final = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_GROUPED_EN: Final = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?")
_DECIMAL: Final = re.compile(r"\d+[.,]\d+")
_FRACTION: Final = re.compile(r"([1-9]\d?)/([1-9]\d?)")
_EVIDENCE: Final = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+")
"""Starts only where a digit run starts, so a long run is tried once, not at every digit."""
_TIME_CUE: Final = re.compile(r"(?:pukul|jam|pkl\.?)\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Notation:
    """How an article writes ambiguous digits, and why (recorded on each value)."""

    reading: str
    """``id``, ``en`` or ``grouping``."""
    reason: str
    """``language``, ``evidence`` or ``default``."""

    @property
    def label(self) -> str:
        """The string stored in :attr:`Quantity.notation` for an ambiguous number."""
        if self.reason == "language":
            return self.reading
        if self.reason == "evidence":
            return f"{self.reading}-evidence"
        return self.reading


def digit_count(text: str) -> int:
    return sum(ch.isdigit() for ch in text)


def shape_of(text: str) -> str | None:
    """Which notation a digit string proves: ``id``, ``en``, ``either`` (plain digits or
    an ambiguous ``1.200``) or None when it is no number at all (``1.1.1``)."""
    if _PLAIN.fullmatch(text) or _AMBIGUOUS.fullmatch(text):
        return "either"
    if _GROUPED_ID.fullmatch(text):
        return ID
    if _GROUPED_EN.fullmatch(text):
        return EN
    if _DECIMAL.fullmatch(text):
        return ID if "," in text else EN
    return None


def is_ambiguous(text: str) -> bool:
    """True for a lone separator before exactly three digits: ``1.200``, ``12,500``."""
    return _AMBIGUOUS.fullmatch(text) is not None


def parse_digits(text: str, notation: str) -> Decimal | None:
    """The exact value of a digit string read in ``notation`` (``id``, ``en`` or
    ``grouping``), or None when it is not a number (``1.1.1``, too many digits)."""
    body = text.lstrip("-−")
    negative = len(body) != len(text)
    if not body or digit_count(body) > MAX_DIGITS or len(body) > 2 * MAX_DIGITS:
        return None
    value = _read(body, notation)
    if value is None:
        return None
    return -value if negative else value


def _read(body: str, notation: str) -> Decimal | None:
    if _PLAIN.fullmatch(body):
        return Decimal(body)
    if _AMBIGUOUS.fullmatch(body):
        decimal_mark = {ID: ",", EN: "."}.get(notation)
        if decimal_mark is not None and decimal_mark in body:
            return Decimal(body.replace(",", "."))
        return Decimal(body.replace(".", "").replace(",", ""))
    if _GROUPED_ID.fullmatch(body):
        return Decimal(body.replace(".", "").replace(",", "."))
    if _GROUPED_EN.fullmatch(body):
        return Decimal(body.replace(",", ""))
    if _DECIMAL.fullmatch(body):
        try:
            return Decimal(body.replace(",", "."))
        except InvalidOperation:  # pragma: no cover - the pattern only admits digits
            return None
    return None


def parse_fraction(text: str) -> tuple[int, int] | None:
    """Numerator and denominator of ``1/2``-like tokens (both 1–99), else None."""
    match = _FRACTION.fullmatch(text)
    return (int(match.group(1)), int(match.group(2))) if match else None


def choose_notation(text: str, language: str) -> Notation:
    """The notation for the article's ambiguous numbers.

    The article's language decides, unless at least two unambiguous numbers in the
    text use the other notation and outnumber those that use the language's own. An
    article of undetermined language follows its unambiguous numbers; when they are
    silent, a lone separator before three digits is read as grouping thousands.
    """
    votes = {ID: 0, EN: 0}
    for match in _EVIDENCE.finditer(text):
        token = match.group(0)
        if len(token) > 2 * MAX_DIGITS:
            continue
        if _TIME_CUE.search(text, max(0, match.start() - 8), match.start()):
            continue
        shape = shape_of(token)
        if shape in votes:
            votes[shape] += 1
    if language in (ID, EN):
        other = EN if language == ID else ID
        if votes[other] >= 2 and votes[other] > votes[language]:
            return Notation(other, "evidence")
        return Notation(language, "language")
    if votes[ID] != votes[EN]:
        return Notation(ID if votes[ID] > votes[EN] else EN, "evidence")
    return Notation(GROUPING, "default")


def decimal_text(value: Decimal) -> str:
    """A value as the canonical plain decimal: no grouping, no exponent, no trailing
    zeros (``1.2E+3`` → ``1200``, ``3.50`` → ``3.5``)."""
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def format_number(value: Decimal, notation: str) -> str:
    """``value`` written the way ``notation`` (``id`` or ``en``) writes numbers, with
    thousands grouped: the inverse of :func:`parse_digits`."""
    group, point = (".", ",") if notation == ID else (",", ".")
    plain = format(value, "f")
    sign = "-" if plain.startswith("-") else ""
    whole, _, fraction = plain.lstrip("-").partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    written = group.join(groups)
    return f"{sign}{written}{point}{fraction}" if fraction else f"{sign}{written}"
