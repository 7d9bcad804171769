"""What a sentence looks like to alignment: its content terms, with values masked.

Two reports of one event share facts more than phrasing, and a rewrite that changes
``1.200`` to ``1.500`` or ``Juli 2025`` to ``Juli 2027`` still says the same thing in
the same place — that is a finding, not a different sentence. So every stretch that
writes a value (a number, a number word, an amount with its currency and unit, a date
with its month and weekday) is cut out of the terms before sentences are compared,
and its offsets are kept for the findings stage. Value spans from extraction are used
when the document has them; tokens that look like values are masked either way, so
alignment works the same before and after extraction.

Terms are case-folded word stems: the first :data:`STEM_LENGTH` letters of each
word that is not a function word. Prefix truncation is a crude stemmer, but it works
for both languages without a model (``kilometres``/``kilometers``,
``evacuated``/``evacuate``, ``pertukaran``/``pertukarannya``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.lexicons import load_set, load_table
from newsdiff.core.model import VALUE_KINDS, Document, Sentence
from newsdiff.core.segment import TOKEN_PATTERN

STEM_LENGTH: Final = 6
"""How many leading letters of a word make its term."""

_NUMBER_TAGS: Final = frozenset({"number", "scale", "ordinal"})
_VALUE_JOINERS: Final = frozenset("()/-–")
"""Punctuation that keeps a value stretch open: ``Jumat (16/5)`` is one value."""


@dataclass(frozen=True, slots=True)
class SentenceProfile:
    """One content sentence as alignment sees it."""

    index: int
    """The sentence's index in ``Document.sentences``."""
    start: int
    end: int
    terms: frozenset[str]
    """Content-word stems, values masked out."""
    values: tuple[tuple[int, int], ...]
    """Offsets (into the article text) of the value stretches that were masked."""
    facts: frozenset[str] = frozenset()
    """Comparable keys of the masked values (span values, or normalised numerals):
    an equal value on both sides is evidence two sentences align; a different one is
    not held against them."""


class _Lexicon:
    """The word lists masking needs, loaded once."""

    def __init__(self) -> None:
        self.value_words = load_table("value_words")
        self.calendar = frozenset(load_table("months")) | frozenset(load_table("weekdays"))
        self.stopwords = load_set("stopwords_id") | load_set("stopwords_en")


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _value_ranges(document: Document) -> tuple[list[int], list[int]]:
    """Starts and ends of the document's value spans, sorted by start."""
    spans = sorted((span.start, span.end) for span in document.spans if span.kind in VALUE_KINDS)
    return [s for s, _ in spans], [e for _, e in spans]


def _inside(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    """True when ``[start, end)`` lies inside one of the sorted spans."""
    i = bisect_left(starts, start + 1) - 1
    return i >= 0 and ends[i] >= end


def _mask(
    text: str, tokens: list[tuple[int, int]], span_starts: list[int], span_ends: list[int]
) -> list[bool]:
    """Which tokens write a value (see the module docstring)."""
    lex = _lexicon()
    words = lex.value_words
    count = len(tokens)
    masked = [False] * count
    tags: list[str] = [""] * count
    for i, (start, end) in enumerate(tokens):
        token = text[start:end]
        low = token.casefold()
        tags[i] = words.get(low, "")
        masked[i] = (
            (bool(span_starts) and _inside(span_starts, span_ends, start, end))
            or any(ch.isdigit() for ch in token)
            or tags[i] in _NUMBER_TAGS
            or (low in lex.calendar and token[:1].isupper())
        )
    # Currencies before and units after a masked number belong to the value.
    for i in range(count):
        before = i > 0 and masked[i - 1]
        after = i + 1 < count and masked[i + 1]
        if (tags[i] == "currency" and (before or after)) or (tags[i] == "unit" and before):
            masked[i] = True
    return masked


def _is_word(token: str) -> bool:
    return token[:1].isalnum()


_GROUPED: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def numeral_key(token: str) -> str:
    """A numeral as a comparable key: ``1.000`` (id) and ``1,000`` (en) are both ``1000``.

    Only for tokens without a value span; a separator followed by exactly three
    digits is read as grouping, any other as a decimal point.
    """
    if _GROUPED.fullmatch(token):
        return token.replace(".", "").replace(",", "")
    return token.replace(",", ".")


def profile_sentence(
    document: Document,
    sentence: Sentence,
    span_starts: Sequence[int] = (),
    span_ends: Sequence[int] = (),
    span_facts: Sequence[str] = (),
) -> SentenceProfile:
    """Terms and masked value stretches of one sentence."""
    text = document.article.text
    tokens = [m.span() for m in TOKEN_PATTERN.finditer(text, sentence.start, sentence.end)]
    masked = _mask(text, tokens, list(span_starts), list(span_ends))
    stopwords = _lexicon().stopwords
    terms: set[str] = set()
    facts: set[str] = set()
    values: list[tuple[int, int]] = []
    open_value: list[int] | None = None
    for (start, end), is_value in zip(tokens, masked, strict=True):
        token = text[start:end]
        if is_value:
            if token[:1].isdigit():
                facts.add(numeral_key(token))
            if open_value is None:
                open_value = [start, end]
                values.append((start, end))
            else:
                open_value[1] = end
                values[-1] = (open_value[0], end)
            continue
        if not _is_word(token):
            if token not in _VALUE_JOINERS:
                open_value = None
            continue
        open_value = None
        low = token.casefold()
        if low in stopwords or len(low) < 2:
            continue
        terms.add(low[:STEM_LENGTH])
    return SentenceProfile(
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        terms=frozenset(terms),
        values=tuple(values),
        facts=frozenset(facts | set(span_facts)),
    )


def profile_document(document: Document) -> list[SentenceProfile]:
    """Profiles of the document's content sentences (boilerplate skipped), in order."""
    starts, ends = _value_ranges(document)
    facts: dict[int, list[str]] = {}
    for span in document.spans:
        if span.kind in VALUE_KINDS:
            facts.setdefault(span.sentence, []).append(span.value)
    return [
        profile_sentence(document, sentence, starts, ends, facts.get(sentence.index, ()))
        for sentence in document.sentences
        if not sentence.boilerplate
    ]
