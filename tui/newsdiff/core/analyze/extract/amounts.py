"""Amounts: numbers with what they count, their currency or percent sign, how exact
they are, and ranges.

An amount is read as ``[qualifier] [currency] NUMBER [range] [currency | unit |
percent | counted noun] [per unit]`` — ``lebih dari Rp 16 triliun``, ``sekitar 22 juta
keluarga``, ``1,5 hingga 3,5 meter``, ``between 2 and 3 million``, ``3.5%``,
``two missing residents``. A lone ``one``/``satu``/``half`` needs a unit or a noun to
be a number (``one of``, ``the one who`` are not), and a capitalised number word in
mid-sentence is a name (``Lima``). Ordinals and fractions are read in :mod:`ordinals`,
phone-like digit runs in :mod:`phones`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Final

from newsdiff.core.analyze.extract.number_words import NumberReading, read_number
from newsdiff.core.analyze.extract.numbers import is_ambiguous
from newsdiff.core.analyze.extract.readings import Found, ValueContext, amount_value, rounded
from newsdiff.core.analyze.extract.tokens import Token, adjacent
from newsdiff.core.analyze.extract.vocabulary import Currency, Vocabulary
from newsdiff.core.model import Quantity, SpanKind

_OPENERS: Final = frozenset({"(", '"', "“", "'", "‘", ":", "-", "–", "—", "«", "["})
"""Tokens after which a capitalised word still starts a clause (``"Dua orang…``)."""
_FRACTION_WORDS: Final = frozenset({"half", "setengah", "separuh", "quarter"})
_LONE_WORDS: Final = frozenset({"one", "satu"}) | _FRACTION_WORDS
"""Number words too common as other parts of speech to stand alone as a number."""
_PER: Final = frozenset({"per", "/"})
_DURING: Final = frozenset({"over"})
"""Qualifier words that mean "during" before a duration (``over five years``)."""
_DURATIONS: Final = frozenset({"year", "month", "week", "day", "hour", "minute", "second"})
_EN_PER: Final = frozenset({"a", "an", "per"})


DateStart = Callable[[int], bool]
"""Whether a date or time reading starts at a token index (a qualifier before a date
is not an amount: ``sekitar 16 Mei``)."""


@dataclass(frozen=True, slots=True)
class _Side:
    """One end of an amount: its number and any currency written with it."""

    number: NumberReading
    currency: str | None


def read_amount(
    tokens: list[Token], i: int, ctx: ValueContext, *, heading: bool, date_at: DateStart
) -> Found | None:
    """An amount starting at token ``i`` (a qualifier, a currency or the number itself)."""
    vocab = ctx.vocab
    qualifier, j = "", i
    matched = vocab.qualifiers.match(tokens, i)
    if matched is not None:
        qualifier, j = matched
        if j >= len(tokens) or date_at(j):
            return None
    between = vocab.range_words.match(tokens, j)
    opens_between = between is not None and between[0] == "between"
    if opens_between and between is not None:
        j = between[1]
    low = _side(tokens, j, ctx)
    if low is None:
        return None
    if low.number.words and not _word_number_allowed(tokens, i, heading):
        return None
    k = low.number.end
    high: _Side | None = None
    if opens_between:
        joiner = vocab.range_words.match(tokens, k)
        if joiner is None or joiner[0] != "and":
            return None
        high = _side(tokens, joiner[1], ctx)
        if high is None:
            return None
    else:
        high = _range_tail(tokens, k, ctx, low, first=i)
    if high is not None:
        k = high.number.end
    if _glued_to_a_word(tokens, k, vocab):
        return None  # "5G", "76ers", "2024an": digits glued to a word are part of a name
    if low.number.single_word in _FRACTION_WORDS and high is None:
        k = _skip_article(tokens, k, vocab)  # "half a century"
    currency = low.currency or (high.currency if high else None)
    unit = ""
    if currency is None:
        suffix = _currency_suffix(tokens, k, vocab)
        if suffix is not None:
            currency, k = suffix
    if currency is not None:
        kind = SpanKind.MONEY
        unit = currency
    else:
        measured = _unit(tokens, k, vocab)
        if measured is not None:
            unit, k = measured
            kind = SpanKind.PERCENT if unit == "%" else SpanKind.QUANTITY
        else:
            counted = _counted_noun(tokens, k, ctx)
            kind = SpanKind.QUANTITY if counted else SpanKind.NUMBER
            if counted is not None:
                unit, k = counted
    if kind in (SpanKind.MONEY, SpanKind.QUANTITY) and unit:
        per = _per_unit(tokens, k, vocab, money=kind == SpanKind.MONEY)
        if per is not None:
            unit, k = f"{unit}/{per[0]}", per[1]
    if qualifier and tokens[i].lower in _DURING and unit in _DURATIONS:
        # "over five years" is a time span, not "more than five years"
        return read_amount(tokens, j, ctx, heading=heading, date_at=date_at)
    lone = low.number.single_word in _LONE_WORDS and high is None
    if lone and kind == SpanKind.NUMBER and not qualifier:
        return None
    amount, upper = _bounds(low.number, high.number if high else None)
    quantity = rounded(
        Quantity(
            amount=amount,
            unit="" if kind == SpanKind.PERCENT else unit,
            upper=upper,
            qualifier=qualifier,
            notation=_notation_label(tokens, low, high, ctx),
        )
    )
    return Found(kind, i, k, amount_value(kind, quantity), quantity)


def _glued_to_a_word(tokens: list[Token], k: int, vocab: Vocabulary) -> bool:
    """A word right against the digits that is not a unit, currency or scale."""
    if k >= len(tokens) or not adjacent(tokens, k) or not tokens[k].alpha:
        return False
    if not tokens[k - 1].numeric:
        return False
    lower = tokens[k].lower
    if len(lower) == 1:
        return True  # "5G", "3D": never metres or grams when glued
    return not (lower in vocab.units or lower in vocab.currencies)


def _skip_article(tokens: list[Token], k: int, vocab: Vocabulary) -> int:
    """After a fraction word, ``a``/``an`` before a unit belongs to the amount."""
    article = k + 1 < len(tokens) and tokens[k].lower in ("a", "an")
    return k + 1 if article and vocab.units.match(tokens, k + 1) is not None else k


def _side(tokens: list[Token], j: int, ctx: ValueContext) -> _Side | None:
    """``[currency] NUMBER`` at token ``j``."""
    if j >= len(tokens):
        return None
    currency: str | None = None
    prefix = ctx.vocab.currencies.match(tokens, j)
    if prefix is not None and prefix[0].prefix:
        currency, j = prefix[0].code, prefix[1]
        if j < len(tokens) and tokens[j].text == "." and not tokens[j - 1].text[-1:].isdigit():
            j += 1  # "Rp. 5.000"
        if j >= len(tokens):
            return None
    token = tokens[j]
    if token.numeric:
        if not _clean_digits(tokens, j, after_currency=currency is not None):
            return None
    elif not token.alpha:
        return None
    number = read_number(tokens, j, ctx.vocab, ctx.notation.reading)
    if number is None:
        return None
    return _Side(number, currency)


def _clean_digits(tokens: list[Token], j: int, *, after_currency: bool) -> bool:
    """Digits that are an amount: not glued to letters (``5G``), not a clock
    (``10:30``), no leading zero (``021``)."""
    text = tokens[j].text
    if ":" in text:
        return False
    if len(text) > 1 and text[0] == "0" and text[1].isdigit():
        return False
    glued = j > 0 and adjacent(tokens, j) and tokens[j - 1].alpha
    return after_currency or not glued


def _word_number_allowed(tokens: list[Token], i: int, heading: bool) -> bool:
    """A capitalised number word mid-sentence is a name (``Lima``), unless in a heading."""
    if not tokens[i].capitalised or heading or i == 0:
        return True
    return tokens[i - 1].text in _OPENERS


def _range_tail(
    tokens: list[Token], k: int, ctx: ValueContext, low: _Side, first: int
) -> _Side | None:
    """``hingga 3,5``, ``-3,5``, ``to 3``: the upper end of a range, when there is one."""
    joiner = ctx.vocab.range_words.match(tokens, k)
    if joiner is None or joiner[0] != "to":
        return None
    if tokens[k].lower == "to" and first > 0 and tokens[first - 1].lower == "from":
        return None  # "rose from 2 to 3" is a change, not a range
    high = _side(tokens, joiner[1], ctx)
    if high is None or (high.currency and low.currency and high.currency != low.currency):
        return None
    low_value, high_value = _bounds(low.number, high.number)
    if high_value is None or high_value <= low_value:
        return None
    if tokens[k].text in ("-", "–") and high.number.words:
        return None
    return high


def _bounds(low: NumberReading, high: NumberReading | None) -> tuple[Decimal, Decimal | None]:
    """The two ends of a range; ``10-15 juta`` carries the scale to the lower end."""
    if high is None:
        return low.value, None
    amount = low.value
    shifted = low.value.scaleb(high.scale.adjusted())
    if low.scale == 1 and high.scale != 1 and shifted <= high.value:
        amount = shifted
    return amount, high.value


def _currency_suffix(tokens: list[Token], k: int, vocab: Vocabulary) -> tuple[str, int] | None:
    matched = vocab.currencies.match(tokens, k)
    if matched is None:
        return None
    currency: Currency = matched[0]
    return (currency.code, matched[1]) if currency.suffix else None


def _unit(tokens: list[Token], k: int, vocab: Vocabulary) -> tuple[str, int] | None:
    """A unit or percent sign after the number (``35 km``, ``1,584-metre``, ``3,5%``)."""
    if k >= len(tokens):
        return None
    if tokens[k].text == "-" and adjacent(tokens, k) and k + 1 < len(tokens):
        if not adjacent(tokens, k + 1):
            return None
        k += 1  # "1,584-metre"
    matched = vocab.units.match(tokens, k)
    if matched is None:
        return None
    token = tokens[k]
    if token.capitalised and (token.lower in vocab.weekdays or token.lower in vocab.months):
        return None  # "2 Minggu" is a Sunday, not two weeks
    return matched


def _per_unit(
    tokens: list[Token], k: int, vocab: Vocabulary, money: bool
) -> tuple[str, int] | None:
    """``per kilogram``, ``/kg``, ``perbulan``, ``a day``: the rate an amount is given
    per; for money also a currency (``Rp 16.250 per dolar AS``: an exchange rate)."""
    glued = tokens[k].lower if k < len(tokens) else ""
    if glued.startswith("per") and len(glued) > 3:  # "perbulan", "perkilogram"
        unit = vocab.units.word(glued[3:])
        if unit is not None and unit != "%":
            return unit, k + 1
    if k + 1 >= len(tokens) or tokens[k].lower not in (_PER | _EN_PER):
        return None
    matched = vocab.units.match(tokens, k + 1)
    if matched is not None and matched[0] != "%":
        return matched
    if money and tokens[k].lower in _PER:
        currency = vocab.currencies.match(tokens, k + 1)
        if currency is not None:
            return currency[0].code, currency[1]
    return None


def _counted_noun(tokens: list[Token], k: int, ctx: ValueContext) -> tuple[str, int] | None:
    """The noun a number counts: the next word in Indonesian (``1.000 tahanan``); in
    English after any adjectives (``two missing residents``)."""
    vocab = ctx.vocab
    word = noun_candidate(tokens, k, vocab)
    if word is None:
        return None
    if word.lower in vocab.classifiers:
        counted = noun_candidate(tokens, k + 1, vocab)
        return (counted.lower, k + 2) if counted is not None else (word.lower, k + 1)
    if ctx.language == "id":
        return word.lower, k + 1
    after = noun_candidate(tokens, k + 1, vocab) if k + 1 < len(tokens) else None
    listed = word.lower in vocab.counted_adjectives
    if not (listed or word.lower.endswith(("ed", "ing"))):
        return word.lower, k + 1
    if after is not None:
        return after.lower, k + 2
    if word.lower.endswith("ing") and not listed:
        return word.lower, k + 1  # "ten missing": the participle names who is counted
    return None  # "10 died": a verb, not a noun


def noun_candidate(tokens: list[Token], k: int, vocab: Vocabulary) -> Token | None:
    if k >= len(tokens):
        return None
    token = tokens[k]
    if not token.alpha or token.capitalised or len(token.text) < 2:
        return None
    lower = token.lower
    if lower in vocab.stopwords or lower in vocab.number_words or lower in vocab.ordinals:
        return None
    if lower in vocab.range_words or lower in vocab.qualifiers:
        return None
    return token


def _notation_label(tokens: list[Token], low: _Side, high: _Side | None, ctx: ValueContext) -> str:
    """The recorded notation when the digits could be read two ways (``1.200``)."""
    sides = [low] if high is None else [low, high]
    for side in sides:
        token = tokens[side.number.start]
        if token.numeric and is_ambiguous(token.text):
            return ctx.notation.label
    return ""
