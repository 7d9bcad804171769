"""Words with their offsets, and the small text tests the finders share.

The finders read sentences a few words at a time (a speech verb and the name before
it, a marker and the verb after it), so they need tokens that keep article offsets:
every finding points back at the exact stretch of text it is about.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from itertools import accumulate
from typing import Final, NamedTuple

from newsdiff.core.compare.masking import _alternatives

_TOKEN: Final = re.compile(r"(\d+(?:[.,:/]\d+)*|[^\W_]\w*(?:[-'’]\w+)*|[^\w\s])")
"""A numeral, a word (``masing-masing``, ``Jum'at``: a hyphen or apostrophe inside when
a word character follows), or one other character; one capturing group, for
``re.split``."""
_WORD_RUN: Final = re.compile(r"\w+")
_QUOTE: Final = re.compile(r"[\"“”«»]([^\"“”«»]+)[\"“”«»]")

PUNCTUATION_BREAKS: Final = frozenset(',;:.?!"“”«»—–')
"""Punctuation that ends a clause for the finders (parentheses do not: a name's
acronym in brackets belongs to the name)."""


class Token(NamedTuple):
    """A word or a punctuation mark, with offsets into the article text (a tuple: the
    finders make one per word of every sentence they read)."""

    text: str
    start: int
    end: int
    folded: str
    """``text`` case-folded."""

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def tokenize(text: str, base: int = 0) -> list[Token]:
    """Words and punctuation of ``text``; offsets are ``base`` plus the position.

    ``re.split`` gives tokens and the gaps between them in one call; offsets are the
    running sums of their lengths.
    """
    parts = _TOKEN.split(text)
    offsets = list(accumulate(map(len, parts), initial=base))
    words = parts[1::2]
    return list(map(Token, words, offsets[1:-1:2], offsets[2::2], map(str.casefold, words)))


_SPECIAL_CASES: Final = re.compile("[ıſ]")
"""The two characters whose lower case is not what the regex engine's case-insensitive
match takes them for (``(?i)i`` matches ``ı``, ``(?i)s`` matches ``ſ``)."""


def lowered(text: str) -> str | None:
    """``text`` in lower case when that keeps every offset and matches exactly what a
    case-insensitive pattern would (a lower-case pattern on it is twice as fast), else
    None."""
    low = text.lower()
    if len(low) != len(text) or _SPECIAL_CASES.search(text) is not None:
        return None
    return low


def places_between(pattern: re.Pattern[str], text: str, start: int, end: int) -> list[int]:
    """Starts of the matches of ``pattern`` (a word pattern: it matches within a run of
    word characters) that start in ``text[start:end]``, as a scan of the whole text
    finds them: the search reads on to the end of a word that crosses ``end``."""
    stop = end
    while stop < len(text) and (text[stop].isalnum() or text[stop] == "_"):
        stop += 1
    return [m.start() for m in pattern.finditer(text, start, stop) if m.start() < end]


class PhraseTable:
    """A lexicon of one- to three-word phrases, keyed by word tuples, with a quick test
    for whether a text can hold any of them at all (most sentences hold none, and
    tokenising only the ones that may keeps the finders fast)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.values = {tuple(key.split()): value for key, value in table.items()}
        self.firsts = frozenset(key[0] for key in self.values)
        self.word_firsts = frozenset(f for f in self.firsts if _WORD_RUN.fullmatch(f))
        """The firsts that are whole runs of word characters (a report's word list
        can answer for those)."""
        # A trie-shaped alternation: one pass over a whole report finds every place a
        # phrase may start (features' value pattern is built the same way).
        trie = _alternatives(self.firsts)
        self._any = re.compile(rf"(?<![\w])(?i:{trie})(?![\w])")
        self._lower = re.compile(rf"(?<![\w]){trie}(?![\w])")
        """The same on lower-cased text (the firsts are case-folded ASCII words)."""
        if not all(first.isascii() and first.islower() for first in self.firsts):
            self._lower = self._any

    def may_occur(self, text: str) -> bool:
        return self._any.search(text) is not None

    def places(self, text: str) -> list[int]:
        """Offsets in ``text`` where a phrase of the table may start."""
        low = lowered(text)
        if low is None:
            return [m.start() for m in self._any.finditer(text)]
        return [m.start() for m in self._lower.finditer(low)]

    def places_in(self, text: str, start: int, end: int) -> list[int]:
        """:meth:`places` that start in ``text[start:end]``, reading only there."""
        return places_between(self._any, text, start, end)

    def match(self, tokens: list[Token], i: int) -> int:
        """Length (in tokens) of the longest phrase that starts at ``tokens[i]``, or 0."""
        if tokens[i].folded not in self.firsts:
            return 0
        for length in (3, 2, 1):
            if i + length <= len(tokens):
                key = tuple(t.folded for t in tokens[i : i + length])
                if key in self.values:
                    return length
        return 0

    def value(self, tokens: list[Token], i: int, length: int) -> str:
        return self.values[tuple(t.folded for t in tokens[i : i + length])]


def has_quotation(text: str, min_words: int = 4) -> bool:
    """True when ``text`` quotes someone: a stretch of at least ``min_words`` words in
    quotation marks (a single quoted word is a term, not a quote)."""
    return any(len(m.group(1).split()) >= min_words for m in _QUOTE.finditer(text))


_SUFFIXES: Final = ("ing", "ied", "ed", "es", "s", "e")
_ID_PREFIXES: Final = ("meng", "meny", "mem", "men", "me", "di", "ber", "ter", "pe")
_ID_SUFFIXES: Final = ("kannya", "kan", "nya", "an", "i")


def verb_stem(word: str) -> str:
    """A rough stem that makes ``evacuated``/``evacuate``, ``raised``/``raise`` and
    ``memulangkan``/``dipulangkan`` meet; good enough to tell whether two markers are
    about the same verb, which is all it is used for."""
    stem = word.casefold()
    for prefix in _ID_PREFIXES:
        if stem.startswith(prefix) and len(stem) - len(prefix) >= 4:
            stem = stem[len(prefix) :]
            break
    for suffix in (*_ID_SUFFIXES, *_SUFFIXES):
        if stem.endswith(suffix) and len(stem) - len(suffix) >= 4:
            stem = stem[: -len(suffix)]
            break
    return stem[:6]


def content_stems(words: Iterable[str], ignore: frozenset[str]) -> frozenset[str]:
    """Six-letter stems of the words that are not in ``ignore`` (case-folded)."""
    return frozenset(
        w.casefold()[:6]
        for w in words
        if w[:1].isalnum() and len(w) > 1 and w.casefold() not in ignore
    )
