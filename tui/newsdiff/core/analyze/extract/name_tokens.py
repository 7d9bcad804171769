"""Word tokens for finding names, with the few facts every later step asks about.

The shared tokenizer (:func:`newsdiff.core.segment.tokenize`) keeps hyphenated words
whole, which is right for ``masing-masing`` and ``Laki-laki`` but joins two names in
``Subianto-Manturov`` or ``RI-Rusia``. Here a hyphen is split off when the part after
it starts with a capital, so each name can be a span of its own; gazetteer aliases go
through the same function, so ``Guinea-Bissau`` still matches itself.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, NamedTuple

from newsdiff.core.segment import TOKEN_PATTERN

_CAPITAL_HYPHEN: Final = re.compile(r"[-‐‑](?=[^\W\d_])")

MAX_WORD_CHARS: Final = 64
"""Longer "words" (a 1 MB line without spaces) are kept whole but never looked up."""

_OPENERS: Final = frozenset("\"“‘'«-–—:")


class Token(NamedTuple):
    """One token: offsets into the article text and the text itself."""

    start: int
    end: int
    text: str


def _split_capital_hyphens(text: str, start: int, end: int, out: list[Token]) -> None:
    word = text[start:end]
    if "-" not in word and "‐" not in word and "‑" not in word:
        out.append(Token(start, end, word))
        return
    cut = start
    for match in _CAPITAL_HYPHEN.finditer(word):
        after = word[match.end()]
        if not after.isupper():
            continue
        hyphen = start + match.start()
        if hyphen > cut:
            out.append(Token(cut, hyphen, text[cut:hyphen]))
        out.append(Token(hyphen, hyphen + 1, text[hyphen]))
        cut = hyphen + 1
    if cut < end:
        out.append(Token(cut, end, text[cut:end]))


def tokens_in(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with absolute offsets, capital hyphens split."""
    stop = len(text) if end is None else end
    out: list[Token] = []
    for match in TOKEN_PATTERN.finditer(text, start, stop):
        s, e = match.span()
        if e - s > 2 and e - s <= MAX_WORD_CHARS:
            _split_capital_hyphens(text, s, e, out)
        else:
            out.append(Token(s, e, match.group(0)))
    return out


def fold(word: str) -> str:
    """Case- and accent-insensitive key: ``Türkiye`` and ``TURKIYE`` → ``turkiye``."""
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def is_capitalised(word: str) -> bool:
    """Starts with a capital letter (``Rusia``, ``ANTARA``, ``McDonald``)."""
    return bool(word) and word[0].isupper()


def is_all_caps(word: str) -> bool:
    """Two or more letters, all capitals (``BPS``, ``ANTARA``); digits allowed (``G20``)."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_word(word: str) -> bool:
    return word[:1].isalpha()


def sentence_initial_flags(tokens: list[Token]) -> list[bool]:
    """Which tokens start a sentence or a quotation, where any word is capitalised.

    The first word of the sentence counts, and so does a word right after an opening
    quote, a colon or a dash (``Baca juga: Rusia …``, ``“Meskipun …``).
    """
    flags = [False] * len(tokens)
    expect = True
    for index, token in enumerate(tokens):
        text = token.text
        if text[:1].isalnum():
            flags[index] = expect and is_word(text)
            expect = False
        elif text in _OPENERS:
            # A dash only opens at the start (a dateline's ``-``), not inside a sentence.
            expect = expect or text not in "-–—" or index <= 1
    return flags
