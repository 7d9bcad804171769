"""Positions and parts: ordinals (``ketiga``, ``ke-9``, ``third``, ``9th``) and English
ordinals used as fractions (``a third of``).

An Indonesian ke- word is an ordinal after its noun (``putaran ketiga``: the third
round) but a collective before it (``kedua pihak``: both sides; ``ketiga negara``: all
three countries) — those name things already counted, so they are no value at all.
Slash fractions (``1/2``) are amounts, read with the other digits in
:mod:`number_words`.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from newsdiff.core.analyze.extract.number_words import read_ordinal
from newsdiff.core.analyze.extract.readings import (
    Found,
    ValueContext,
    amount_value,
    ordinal_found,
    rounded,
)
from newsdiff.core.analyze.extract.tokens import Token
from newsdiff.core.analyze.extract.vocabulary import Vocabulary
from newsdiff.core.model import Quantity, SpanKind

_KALI: Final = frozenset({"kali", "kalinya"})
_VERB_PREFIXES: Final = ("me", "ber", "di")


def read_ordinal_span(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """An ordinal (``ketiga``, ``ke-9``, ``third``, ``9th``) — unless an Indonesian
    ke- word stands before its noun as a collective (``kedua pihak``: both sides)."""
    reading = read_ordinal(tokens, i, ctx.vocab)
    if reading is None:
        return None
    if reading.end == i + 1 and _collective(tokens, i, ctx.vocab):
        return None
    return ordinal_found(reading.position, reading.start, reading.end)


def read_fraction_words(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """``a third of``, ``one fifth of``: an English ordinal as a fraction (1/N)."""
    if tokens[i].lower not in ("a", "one") or i + 2 >= len(tokens):
        return None
    position = ctx.vocab.ordinals.get(tokens[i + 1].lower)
    if position is None or position < 3 or tokens[i + 2].lower != "of":
        return None
    quantity = rounded(Quantity(amount=Decimal(1) / Decimal(position)))
    return Found(SpanKind.NUMBER, i, i + 2, amount_value(SpanKind.NUMBER, quantity), quantity)


def _collective(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """``kedua pihak``, ``antara kedua presiden``: "both"/"all three", not a position.

    After its noun a ke- word is an ordinal (``putaran ketiga``); before a noun, and
    after a function word, a verb or nothing, it is a collective.
    """
    lower = tokens[i].lower
    if not lower.startswith("ke") or lower.startswith("ke-") or vocab.ordinals.get(lower, 0) < 2:
        return False
    following = tokens[i + 1] if i + 1 < len(tokens) else None
    if following is None or not following.alpha or following.lower in _KALI:
        return False
    if following.lower in vocab.stopwords:
        return False
    if i == 0:
        return True
    prev = tokens[i - 1].lower
    return (
        prev in vocab.stopwords
        or not tokens[i - 1].alpha
        or (prev.startswith(_VERB_PREFIXES) and len(prev) >= 6)
    )
