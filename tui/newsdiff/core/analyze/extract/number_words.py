"""Numbers written as words, digits with scale words, and ordinals.

``dua puluh lima``, ``lima belas``, ``tiga setengah``, ``seribu``, ``two dozen``,
``half a million``, ``one hundred and five`` and ``1,2 juta`` all become one exact
Decimal. The grammar is small and strict on purpose: each word must make sense after
the one before it (``dua tiga`` is two numbers, not 23), so a run of number words is
never silently misread. Ordinals (``ketiga``, ``kedua belas``, ``third``,
``twenty-first``, ``ke-9``, ``9th``) are read here too, as positions rather than counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from newsdiff.core.analyze.extract.numbers import parse_digits, parse_fraction
from newsdiff.core.analyze.extract.tokens import Token, adjacent
from newsdiff.core.analyze.extract.vocabulary import NumberWord, Vocabulary

_KE_DIGITS: Final = re.compile(r"ke-(\d{1,4})")
_SUFFIXES: Final = {"st": 1, "nd": 2, "rd": 3, "th": 0}
_A_WORDS: Final = frozenset({"a", "an"})
_AND_WORDS: Final = frozenset({"and"})
_TOP: Final = 3
"""Magnitude bound at the start of a group: below a thousand."""


@dataclass(frozen=True, slots=True)
class NumberReading:
    """A number read from tokens ``[start, end)``."""

    value: Decimal
    start: int
    end: int
    words: int
    """How many number words it used (0 for digits alone)."""
    scale: Decimal = Decimal(1)
    """What scale words (``juta``, ``million``) multiplied it by (1 without one)."""
    single_word: str = ""
    """The word when the number is one plain cardinal word (``one``, ``satu``)."""


class _Grammar:
    """Accumulates number words left to right; ``feed`` refuses a word that cannot
    continue the number, which ends it."""

    def __init__(self, start: Decimal = Decimal(0), magnitude: int = _TOP) -> None:
        self.total = Decimal(0)
        self.group = start
        self.magnitude = magnitude if start == 0 else _magnitude(start)
        self.before_last = _TOP
        self.last: Decimal | None = start if start else None
        self.last_scale: Decimal | None = None
        self.closed = False
        """After a teen, a dozen or a fraction only a scale word may follow."""

    @property
    def value(self) -> Decimal:
        return self.total + self.group

    def feed(self, word: NumberWord) -> bool:
        role, value = word.role, word.value
        if role == "cardinal":
            return self._cardinal(value)
        if role == "scale":
            return self._scale(value)
        if role == "fraction" and self.last is None and self.value == 0:
            self.group = value  # "setengah jam", "half a million"
            self.closed = True
            return True
        if self.last is None or (self.closed and role != "fraction"):
            return False
        if role == "teen":
            if not (1 <= self.last <= 9 and self.before_last > 1):
                return False
            self.group += value
            self.closed = True
            return True
        if role == "multiplier":
            return self._multiply(value)
        if role == "fraction" and not self.closed:
            self.group += value
            self.closed = True
            return True
        return False

    def _cardinal(self, value: Decimal) -> bool:
        if value >= 1000:  # seribu, sejuta: a scale with its own "one"
            if self.group or self.closed:
                return False
            return self._scale(value, own_unit=True)
        magnitude = _magnitude(value)
        if self.closed or magnitude >= self.magnitude:
            return False
        self.before_last = self.magnitude
        self.group += value
        self.last = value
        self.magnitude = 1 if 10 <= value <= 19 else magnitude
        if 10 <= value <= 19:
            self.magnitude = 0  # nothing smaller may follow "lima belas" / "fifteen"
            self.closed = value >= 11
        return True

    def _multiply(self, factor: Decimal) -> bool:
        assert self.last is not None
        if factor == 12:  # "two dozen", "a dozen"
            if self.last > 9:
                return False
            self.group += self.last * (factor - 1)
            self.closed = True
            return True
        magnitude = _magnitude(factor)
        if not (1 <= self.last <= 9) or self.before_last <= magnitude:
            return False
        self.group += self.last * (factor - 1)
        self.magnitude = magnitude
        self.last = self.last * factor
        return True

    def _scale(self, scale: Decimal, own_unit: bool = False) -> bool:
        if self.last_scale is not None and scale >= self.last_scale:
            return False
        amount = Decimal(1) if own_unit else self.group
        if amount == 0:
            return False
        self.total += amount * scale
        self.group = Decimal(0)
        self.magnitude = _TOP
        self.before_last = _TOP
        self.last = None
        self.last_scale = scale
        self.closed = False
        return True


def _magnitude(value: Decimal) -> int:
    if value < 10:
        return 0
    if value < 100:
        return 1
    return 2


def read_number(
    tokens: list[Token], i: int, vocab: Vocabulary, notation: str
) -> NumberReading | None:
    """A number at token ``i``: digits (with any scale words after them) or words."""
    token = tokens[i]
    if token.numeric:
        fraction = parse_fraction(token.text)
        if fraction is not None:
            numerator, denominator = fraction
            if numerator >= denominator or denominator > 10:
                return None  # "16/5" is a date (or nothing), never 3.2
            return NumberReading(Decimal(numerator) / Decimal(denominator), i, i + 1, 0)
        value = parse_digits(token.text, notation)
        if value is None:
            return None
        end = i + 1
        scale = Decimal(1)
        while end < len(tokens) and end - i <= 2:  # "5 ribu triliun": compound scales
            word = vocab.number_words.get(tokens[end].lower)
            if word is None or word.role != "scale":
                break
            # Scale words are powers of ten: shifting the exponent is exact at any size.
            value = value.scaleb(word.value.adjusted())
            scale = scale.scaleb(word.value.adjusted())
            end += 1
        return NumberReading(value, i, end, 0, scale)
    return read_number_words(tokens, i, vocab)


def read_number_words(tokens: list[Token], i: int, vocab: Vocabulary) -> NumberReading | None:
    """A number written in words starting at token ``i`` (``a``/``an`` may open it)."""
    grammar = _Grammar()
    j = i
    used = 0
    if tokens[i].lower in _A_WORDS:
        if i + 1 >= len(tokens):
            return None
        following = vocab.number_words.get(tokens[i + 1].lower)
        if following is None or following.role not in ("multiplier", "scale", "fraction"):
            return None
        if following.role == "fraction":
            grammar.feed(following)
            return _finish(grammar, tokens, i, i + 2, 1, vocab)
        grammar.feed(NumberWord("cardinal", Decimal(1)))
        j = i + 1
    while j < len(tokens):
        lower = tokens[j].lower
        word = vocab.number_words.get(lower)
        if word is None and "-" in lower:
            if not _feed_compound(grammar, lower, vocab):
                break
            used += 1
            j += 1
            continue
        if word is None:
            step = _connector(tokens, j, grammar, vocab)
            if step == 0:
                break
            j += step
            used += 1
            continue
        if not grammar.feed(word):
            break
        used += 1
        j += 1
    if used == 0:
        return None
    return _finish(grammar, tokens, i, j, used, vocab)


def _connector(tokens: list[Token], j: int, grammar: _Grammar, vocab: Vocabulary) -> int:
    """How many tokens an English ``and`` / ``a`` joint consumes (0: the number ends).

    ``one hundred and five``, ``two and a half``, ``half a million``.
    """
    lower = tokens[j].lower
    nxt = vocab.number_words.get(tokens[j + 1].lower) if j + 1 < len(tokens) else None
    if lower in _AND_WORDS and nxt is not None:
        if nxt.role == "cardinal" and grammar.last_scale is not None and grammar.group == 0:
            return 1  # "a thousand and one"
        if nxt.role == "cardinal" and grammar.magnitude == 2 and nxt.value < 100:
            return 1  # "one hundred and five"
    if lower in _AND_WORDS and j + 2 < len(tokens) and tokens[j + 1].lower in _A_WORDS:
        fraction = vocab.number_words.get(tokens[j + 2].lower)
        if fraction is not None and fraction.role == "fraction" and grammar.feed(fraction):
            return 3  # "two and a half"
    if lower in _A_WORDS and nxt is not None and nxt.role == "scale" and grammar.closed:
        # "half a million": the fraction multiplies the scale that follows
        return 1 if grammar.group < 1 else 0
    return 0


def _feed_compound(grammar: _Grammar, lower: str, vocab: Vocabulary) -> bool:
    """``twenty-five`` as one token: every part must be a number word."""
    parts = [vocab.number_words.get(part) for part in lower.split("-")]
    if len(parts) < 2 or any(p is None or p.role != "cardinal" for p in parts):
        return False
    return all(grammar.feed(p) for p in parts if p is not None)


def _finish(
    grammar: _Grammar, tokens: list[Token], start: int, end: int, used: int, vocab: Vocabulary
) -> NumberReading | None:
    value = grammar.value
    if value == 0 and tokens[start].lower not in ("nol", "zero"):
        return None
    single = tokens[start].lower if used == 1 and end == start + 1 else ""
    scale = grammar.last_scale if grammar.last_scale is not None else Decimal(1)
    return NumberReading(value, start, end, used, scale, single)


@dataclass(frozen=True, slots=True)
class OrdinalReading:
    """An ordinal (a position: ``ketiga``, ``third``, ``ke-9``) over tokens ``[start, end)``."""

    position: int
    start: int
    end: int


def read_ordinal(tokens: list[Token], i: int, vocab: Vocabulary) -> OrdinalReading | None:
    """An ordinal starting at token ``i``, or None."""
    token = tokens[i]
    lower = token.lower
    match = _KE_DIGITS.fullmatch(lower)
    if match:
        return OrdinalReading(int(match.group(1)), i, i + 1)
    if token.numeric:
        return _digits_with_suffix(tokens, i)
    position = vocab.ordinals.get(lower)
    if position is None and "-" in lower:
        return _compound_ordinal(lower, i, vocab)
    if position is None:
        return None
    if lower.startswith("ke") and position >= 2 and i + 1 < len(tokens):
        # "kedua belas" (12th), "kedua puluh lima" (25th): ke- + a cardinal phrase
        grammar = _Grammar(Decimal(position))
        j = i + 1
        while j < len(tokens):
            word = vocab.number_words.get(tokens[j].lower)
            if word is None or word.role in ("scale", "fraction") or not grammar.feed(word):
                break
            j += 1
        if j > i + 1:
            return OrdinalReading(int(grammar.value), i, j)
    return OrdinalReading(position, i, i + 1)


def _digits_with_suffix(tokens: list[Token], i: int) -> OrdinalReading | None:
    """``9th``, ``21st``: digits glued to an English ordinal suffix."""
    if i + 1 >= len(tokens) or not adjacent(tokens, i + 1) or not tokens[i].text.isdigit():
        return None
    suffix = tokens[i + 1].lower
    if suffix not in _SUFFIXES:
        return None
    number = int(tokens[i].text)
    expected = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    if 11 <= number % 100 <= 13:
        expected = "th"
    if suffix != expected:
        return None
    return OrdinalReading(number, i, i + 2)


def _compound_ordinal(lower: str, i: int, vocab: Vocabulary) -> OrdinalReading | None:
    """``twenty-first``: cardinal parts, then an ordinal last part."""
    *heads, tail = lower.split("-")
    position = vocab.ordinals.get(tail)
    if position is None or not heads:
        return None
    total = Decimal(position)
    for head in heads:
        word = vocab.number_words.get(head)
        if word is None or word.role != "cardinal":
            return None
        total += word.value
    return OrdinalReading(int(total), i, i + 1)
