"""A clause prepared for entity finding: tokens, folded words and capitalised runs.

A clause is a sentence, or the part of the first sentence after its dateline. Every
finder reads the same prepared lists, so each word is folded and classified once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.analyze.extract.gazetteer import Lexicons, Match
from newsdiff.core.analyze.extract.name_tokens import (
    Token,
    fold,
    is_capitalised,
    is_word,
    sentence_initial_flags,
)
from newsdiff.core.lexicons import load_table

NAME_CONNECTORS: Final = frozenset(
    {"bin", "binti", "van", "von", "de", "der", "den", "da", "al", "el", "la", "le", "du", "dos"}
)
"""Lower-case particles inside personal names (``Ursula von der Leyen``)."""

ORG_CONNECTORS: Final = frozenset({"dan", "and", "of", "for", "untuk", "the", "&", "de", "la"})
"""Words that join the parts of an organisation's name (``Dewan Keamanan dan …``)."""

MAX_RUN_TOKENS: Final = 12
"""A run of capitals longer than this is cut: no name is that long, and the limit keeps
every later step linear on 100,000 capitalised words in a row."""


@cache
def calendar_words() -> frozenset[str]:
    """Month and weekday names: capitalised, but dates, never entities."""
    return frozenset(load_table("months")) | frozenset(load_table("weekdays"))


@dataclass(frozen=True, slots=True)
class Clause:
    """One clause's tokens with per-token facts."""

    tokens: list[Token]
    raw: list[str]
    folded: list[str]
    initial: list[bool]
    capital: list[bool]
    """A capitalised word that may belong to a name (months and weekdays excluded)."""
    headline: bool
    names: list[Match]
    """Gazetteer matches, longest first, non-overlapping."""
    name_at: list[int]
    """For each token, the index in ``names`` of the match covering it, or -1."""

    def __len__(self) -> int:
        return len(self.tokens)

    def char_span(self, start: int, end: int) -> tuple[int, int]:
        """Character offsets of tokens ``[start, end)``."""
        return self.tokens[start].start, self.tokens[end - 1].end

    def name_covering(self, index: int) -> Match | None:
        """The gazetteer match that covers token ``index``, if any."""
        at = self.name_at[index] if 0 <= index < len(self.name_at) else -1
        return self.names[at] if at >= 0 else None

    def name_starting(self, index: int) -> Match | None:
        """The gazetteer match that starts at token ``index``, if any."""
        match = self.name_covering(index)
        return match if match is not None and match.start == index else None

    def glued(self, index: int) -> bool:
        """True when token ``index`` touches the previous one (no space between)."""
        return (
            0 < index < len(self.tokens) and self.tokens[index - 1].end == self.tokens[index].start
        )


def prepare(tokens: list[Token], lex: Lexicons, headline: bool = False) -> Clause:
    """Fold, flag and scan ``tokens`` once for all finders."""
    raw = [t.text for t in tokens]
    folded = [w.casefold() if w.isascii() else fold(w) for w in raw]
    calendar = calendar_words()
    capital = [
        is_word(w) and is_capitalised(w) and f.rstrip(".") not in calendar
        for w, f in zip(raw, folded, strict=True)
    ]
    names = lex.names.scan(folded, raw)
    name_at = [-1] * len(tokens)
    for number, match in enumerate(names):
        for index in range(match.start, match.end):
            name_at[index] = number
    return Clause(
        tokens=tokens,
        raw=raw,
        folded=folded,
        initial=sentence_initial_flags(tokens),
        capital=capital,
        headline=headline or is_title_case(raw, folded, lex),
        names=names,
        name_at=name_at,
    )


def is_title_case(raw: list[str], folded: list[str], lex: Lexicons) -> bool:
    """Headline style (``Pembahasan Pertukaran Tahanan``, ``Volcano On Flores Kills``).

    Ordinary words (function words, common words) are capitalised at least as often as
    other words are written in lower case. Names do not count either way, so a sentence
    full of names is still a sentence.
    """
    ordinary_capitals = lower = 0
    for index in range(1, len(raw)):
        word = raw[index]
        if not is_word(word):
            continue
        key = folded[index]
        if word[0].islower():
            lower += len(word) > 3
        elif (key in lex.stopwords or key in lex.common_words or key in lex.stop_capitals) and raw[
            index - 1
        ] not in {":", '"', "“", "‘", "'"}:
            ordinary_capitals += 1
    return ordinary_capitals >= 1 and ordinary_capitals >= lower


def runs(clause: Clause, lex: Lexicons) -> list[tuple[int, int]]:
    """Maximal runs of capitalised words, with name particles and glued hyphens inside.

    A sentence-initial ordinary word (``Dalam``, ``Menurut``, ``The``) does not start
    a run. Connectors (``dan``, ``of``) are kept inside for the organisation patterns
    to judge; a run never ends on one.
    """
    found: list[tuple[int, int]] = []
    total = len(clause)
    index = 0
    while index < total:
        if not clause.capital[index] or _ordinary_start(clause, index, lex):
            index += 1
            continue
        start = index
        end = index + 1
        while end < total and end - start < MAX_RUN_TOKENS:
            if clause.capital[end] and not clause.initial[end]:
                end += 1
                continue
            joined = _joiner(clause, end)
            if joined and end + joined < total and clause.capital[end + joined]:
                end += joined + 1
                continue
            break
        found.append((start, end))
        index = end
    return found


def _ordinary_start(clause: Clause, index: int, lex: Lexicons) -> bool:
    if not clause.initial[index]:
        return clause.folded[index] in lex.stop_capitals or clause.folded[index] in lex.demonyms
    return lex.is_ordinary_start(clause.raw[index])


def _joiner(clause: Clause, index: int) -> int:
    """How many tokens at ``index`` join two capitalised words (0 when none do)."""
    word = clause.folded[index]
    if word in NAME_CONNECTORS or word in ORG_CONNECTORS:
        return 1
    if word in {"-", "‐", "'", "’"} and clause.glued(index) and clause.glued(index + 1):
        return 1
    if word == "." and clause.glued(index) and len(clause.raw[index - 1]) <= 2:
        return 1  # an initial: "M. Razi", "B.J. Habibie"
    return 0
