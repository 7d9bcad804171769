"""Every word list the value readers use, loaded once from ``core/lexicons/``.

The lists are data (see each file's header for its source); this module only turns
them into the lookups the readers need: dictionaries by lower-cased word and
:class:`PhraseTable` objects for multi-word phrases. :func:`vocabulary` builds them on
first use and keeps them, so the load cost (a benchmark figure) is paid once per
process.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from newsdiff.core.analyze.extract.tokens import PhraseTable
from newsdiff.core.lexicons import load_lines, load_set, load_table


@dataclass(frozen=True, slots=True)
class NumberWord:
    """How a number word combines: see the header of ``lexicons/number_words.txt``."""

    role: str
    """``cardinal``, ``multiplier``, ``teen``, ``scale`` or ``fraction``."""
    value: Decimal


@dataclass(frozen=True, slots=True)
class Currency:
    """A currency alias: its ISO code and where it may stand relative to the amount."""

    code: str
    prefix: bool
    suffix: bool


_ROLES = {"*": "multiplier", "+": "teen", "^": "scale", "/": "fraction"}


def _number_word(value: str) -> NumberWord:
    role = _ROLES.get(value[:1])
    if role is None:
        return NumberWord("cardinal", Decimal(value))
    if role == "fraction":
        return NumberWord(role, Decimal(1) / Decimal(value[1:]))
    return NumberWord(role, Decimal(value[1:]))


def _currency(value: str) -> Currency:
    code, _, where = value.partition(" ")
    where = where.strip()
    return Currency(code, prefix=where != "suffix", suffix=where != "prefix")


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The value lexicons in the shapes the readers look them up in."""

    number_words: dict[str, NumberWord]
    ordinals: dict[str, int]
    months: dict[str, int]
    weekdays: dict[str, int]
    units: PhraseTable[str]
    currencies: PhraseTable[Currency]
    qualifiers: PhraseTable[str]
    range_words: PhraseTable[str]
    non_numbers: PhraseTable[bool]
    parts_of_day: PhraseTable[str]
    time_words: PhraseTable[str]
    year_cues: frozenset[str]
    stopwords: frozenset[str]
    counted_adjectives: frozenset[str]
    phone_cues: frozenset[str]
    classifiers: frozenset[str]
    starters: frozenset[str] = frozenset()
    """Lower-cased words a value can start with; any other word is skipped at once."""


@cache
def vocabulary() -> Vocabulary:
    """All value lexicons, loaded on first call and cached for the process."""
    vocab = Vocabulary(
        number_words={k: _number_word(v) for k, v in load_table("number_words").items()},
        ordinals={k: int(v) for k, v in load_table("ordinal_words").items()},
        months={k: int(v) for k, v in load_table("months").items()},
        weekdays={k: int(v) for k, v in load_table("weekdays").items()},
        units=PhraseTable(_pairs("units")),
        currencies=PhraseTable((k, _currency(v)) for k, v in _pairs("currencies")),
        qualifiers=PhraseTable(_pairs("qualifiers")),
        range_words=PhraseTable(_pairs("range_words")),
        non_numbers=PhraseTable((line, True) for line in load_lines("non_numbers")),
        parts_of_day=PhraseTable(_pairs("parts_of_day")),
        time_words=PhraseTable(_pairs("time_words")),
        year_cues=load_set("year_cues"),
        stopwords=load_set("value_stopwords"),
        counted_adjectives=load_set("counted_adjectives"),
        phone_cues=load_set("phone_cues"),
        classifiers=load_set("classifiers"),
    )
    starters = {"a", "an"}
    starters |= set(vocab.number_words) | set(vocab.ordinals)
    starters |= set(vocab.months) | set(vocab.weekdays)
    for table in (
        vocab.qualifiers,
        vocab.currencies,
        vocab.range_words,
        vocab.non_numbers,
        vocab.time_words,
    ):
        starters |= table.first_words()
    return replace(vocab, starters=frozenset(starters))


def _pairs(name: str) -> list[tuple[str, str]]:
    """``key = value`` lines of a lexicon with the key's case kept (multi-word keys)."""
    pairs: list[tuple[str, str]] = []
    for line in load_lines(name):
        key, sep, value = line.rpartition(" = ")
        if sep:
            pairs.append((key.strip(), value.strip()))
    return pairs
