"""Tokens as the value readers see them, and multi-word lexicon lookups over them.

The readers in :mod:`numbers`, :mod:`amounts`, :mod:`dates` and :mod:`times` walk a
sentence's tokens left to right and look a few tokens ahead. Giving each token its
lower-cased text and a coarse shape once, here, keeps those readers to dictionary
lookups and comparisons — the only way extraction stays a small share of the 15 ms a
3 KB article may take.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final, Generic, NamedTuple, TypeVar

from newsdiff.core.segment import tokenize

V = TypeVar("V")

DIGITS: Final = frozenset("0123456789")


class Token(NamedTuple):
    """One token of a sentence: offsets into the article text and its shape.

    A named tuple rather than a frozen dataclass: it is just as immutable, and an
    article makes hundreds of them, where building a frozen dataclass (one
    ``object.__setattr__`` per field) was most of the extraction time.
    """

    start: int
    end: int
    text: str
    lower: str
    numeric: bool
    """Starts with a digit: ``1.000``, ``3,5``, ``16/5``, ``10:30`` (the tokenizer keeps
    digits and their separators together)."""
    alpha: bool
    """Letters only (hyphens and apostrophes inside are allowed)."""

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


def sentence_tokens(text: str, start: int, end: int) -> list[Token]:
    """The tokens of ``text[start:end]`` with absolute offsets."""
    tokens: list[Token] = []
    append = tokens.append
    for lo, hi in tokenize(text, start, end):
        piece = text[lo:hi]
        first = piece[0]
        alpha = first.isalpha() and (
            piece.isalpha() or piece.replace("-", "").replace("'", "").isalpha()
        )
        append(Token(lo, hi, piece, piece.lower(), first in DIGITS, alpha))
    return tokens


def adjacent(tokens: list[Token], i: int) -> bool:
    """True when token ``i`` touches the token before it (no space: ``3.5%``, ``Rp5``)."""
    return 0 < i < len(tokens) and tokens[i - 1].end == tokens[i].start


class PhraseTable(Generic[V]):
    """Longest-match lookup of one- or multi-word phrases over tokens.

    Phrases are tokenized the way article text is, so ``dolar AS``, ``km/jam`` and
    ``at least`` match token runs; a phrase that is one raw token in the text
    (``US$`` glued to digits) is also kept as written.
    """

    def __init__(self, entries: Iterable[tuple[str, V]]) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], V]]] = {}
        for phrase, value in entries:
            lowered = phrase.lower()
            words = tuple(lowered[lo:hi] for lo, hi in tokenize(lowered))
            for key in {words, (lowered,)}:
                if key and key[0]:
                    self._by_first.setdefault(key[0], []).append((key, value))
        for candidates in self._by_first.values():
            candidates.sort(key=lambda item: len(item[0]), reverse=True)
        self.longest = max((len(k) for c in self._by_first.values() for k, _ in c), default=0)

    def __contains__(self, word: str) -> bool:
        return word in self._by_first

    def word(self, lower: str) -> V | None:
        """The value of a one-word phrase, looked up by its lower-cased text."""
        for words, value in self._by_first.get(lower, ()):
            if len(words) == 1:
                return value
        return None

    def first_words(self) -> frozenset[str]:
        """Every word a phrase of the table starts with."""
        return frozenset(self._by_first)

    def match(self, tokens: list[Token], i: int) -> tuple[V, int] | None:
        """The value of the longest phrase starting at token ``i`` and the index after it."""
        if i >= len(tokens):
            return None
        candidates = self._by_first.get(tokens[i].lower)
        if not candidates:
            return None
        for words, value in candidates:
            stop = i + len(words)
            if stop <= len(tokens) and all(
                tokens[i + k].lower == word for k, word in enumerate(words)
            ):
                return value, stop
        return None
