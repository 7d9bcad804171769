"""Gazetteers and name lexicons: known places, organisations, people, titles and heads.

The data lives in ``core/lexicons/`` (``places.txt``, ``organisations.txt``,
``people.txt``, ``titles.txt``, ``org_heads.txt``, ``place_heads.txt``,
``given_names.txt``, ``stop_capitals.txt``, ``common_acronyms.txt``, ``demonyms.txt``,
``event_ends.txt``, ``common_words.txt``, and the generated ``places_world.txt`` and
``given_names_en.txt``, see :mod:`build_lexicons`). This module turns the files into
phrase indexes over folded token tuples so a sentence is scanned once, longest match
first, in time linear in its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, Final

from newsdiff.core.analyze.extract.name_tokens import fold, is_all_caps, is_capitalised, tokens_in
from newsdiff.core.lexicons import load_lines, load_set
from newsdiff.core.model import SpanKind

GAZETTEER_FILES: Final = (
    ("places", SpanKind.PLACE),
    ("places_world", SpanKind.PLACE),
    ("organisations", SpanKind.ORG),
    ("people", SpanKind.PERSON),
)


@dataclass(frozen=True, slots=True)
class Entry:
    """What a gazetteer alias names: its kind and canonical name."""

    kind: SpanKind
    canonical: str
    exact: tuple[str, ...] | None = None
    """The alias's own tokens when it is written in capitals and must match as written."""


@dataclass(frozen=True, slots=True)
class Match:
    """A phrase found at tokens ``[start, end)`` with what it names."""

    start: int
    end: int
    entry: Entry


@lru_cache(maxsize=4096)
def alias_words(alias: str) -> tuple[str, ...]:
    """An alias split the way article text is split, so both compare token by token."""
    return tuple(token.text for token in tokens_in(alias))


class PhraseIndex:
    """Folded token tuples → entries, looked up longest first from each position."""

    def __init__(self) -> None:
        self._phrases: dict[tuple[str, ...], list[Entry]] = {}
        self._lengths: dict[str, tuple[int, ...]] = {}

    def add(self, words: Sequence[str], entry: Entry) -> None:
        if not words:
            return
        key = tuple(fold(w) for w in words)
        entries = self._phrases.setdefault(key, [])
        if all(e.kind != entry.kind or e.exact != entry.exact for e in entries):
            entries.append(entry)
        lengths = set(self._lengths.get(key[0], ()))
        lengths.add(len(key))
        self._lengths[key[0]] = tuple(sorted(lengths, reverse=True))

    def starts_with(self, folded_word: str) -> bool:
        """True when some phrase starts with this folded word (a cheap pre-check)."""
        return folded_word in self._lengths

    def __contains__(self, words: tuple[str, ...]) -> bool:
        return tuple(fold(w) for w in words) in self._phrases

    def entries(self, words: Sequence[str]) -> list[Entry]:
        return self._phrases.get(tuple(fold(w) for w in words), [])

    def longest_at(
        self, folded: Sequence[str], raw: Sequence[str], index: int, *, need_capital: bool
    ) -> tuple[int, list[Entry]] | None:
        """The longest phrase starting at ``index``: its length and usable entries."""
        lengths = self._lengths.get(folded[index])
        if not lengths:
            return None
        total = len(folded)
        for length in lengths:
            if index + length > total:
                continue
            entries = self._phrases.get(tuple(folded[index : index + length]))
            if not entries:
                continue
            usable = [
                e
                for e in entries
                if (
                    tuple(raw[index : index + length]) == e.exact
                    if e.exact is not None
                    else not need_capital or is_capitalised(raw[index])
                )
            ]
            if usable:
                return length, usable
        return None

    def scan(
        self, folded: Sequence[str], raw: Sequence[str], *, need_capital: bool = True
    ) -> list[Match]:
        """Non-overlapping longest matches, left to right."""
        found: list[Match] = []
        index = 0
        total = len(folded)
        firsts = self._lengths
        while index < total:
            if folded[index] not in firsts:
                index += 1
                continue
            hit = self.longest_at(folded, raw, index, need_capital=need_capital)
            if hit is None:
                index += 1
                continue
            length, entries = hit
            found.append(Match(index, index + length, entries[0]))
            index += length
        return found


class Lexicons:
    """Every entity lexicon, loaded once per process (see :func:`lexicons`)."""

    def __init__(self) -> None:
        self.names = PhraseIndex()
        for file_name, kind in GAZETTEER_FILES:
            for line in load_lines(file_name):
                aliases = [a.strip() for a in line.split("|") if a.strip()]
                canonical = aliases[0]
                for alias in aliases:
                    words = alias_words(alias)
                    exact = words if is_all_caps(alias.replace(" ", "")) else None
                    self.names.add(words, Entry(kind, canonical, exact))
        self.titles = _plain_index(load_lines("titles"), SpanKind.PERSON)
        self.org_start, self.org_end = _head_indexes("org_heads", SpanKind.ORG)
        self.place_start, self.place_end = _head_indexes("place_heads", SpanKind.PLACE)
        self.given_names = frozenset(
            fold(n) for name in ("given_names", "given_names_en") for n in load_lines(name)
        )
        self.stop_capitals = frozenset(fold(w) for w in load_lines("stop_capitals"))
        self.common_acronyms = frozenset(load_lines("common_acronyms"))
        self.demonyms = frozenset(fold(w) for w in load_lines("demonyms"))
        self.event_ends = frozenset(fold(w) for w in load_lines("event_ends"))
        """Last words of names of events, laws, awards and works (``… Act``)."""
        self.stopwords = load_set("stopwords_id") | load_set("stopwords_en")
        self.common_words = frozenset(fold(w) for w in load_lines("common_words"))
        """Words seen in lower case in running text: ordinary words, not names."""
        self.feature_cache: dict[str, Any] = {}
        """Per-word tagger features (see :mod:`features`), filled as words are seen."""
        self.canonical_kind: dict[str, SpanKind] = {}
        for file_name, kind in GAZETTEER_FILES:
            for line in load_lines(file_name):
                self.canonical_kind.setdefault(line.split("|")[0].strip(), kind)

    def is_ordinary_start(self, word: str) -> bool:
        """A capitalised word that, at a sentence start, is just an ordinary word."""
        folded = fold(word)
        return (
            folded in self.stop_capitals or folded in self.stopwords or folded in self.common_words
        )


def _plain_index(lines: Iterable[str], kind: SpanKind) -> PhraseIndex:
    index = PhraseIndex()
    for line in lines:
        index.add(alias_words(line), Entry(kind, line))
    return index


def _head_indexes(name: str, kind: SpanKind) -> tuple[PhraseIndex, PhraseIndex]:
    starts, ends = PhraseIndex(), PhraseIndex()
    for line in load_lines(name):
        where, _, words = line.partition(" ")
        target = starts if where == "start" else ends
        target.add(alias_words(words.strip()), Entry(kind, words.strip()))
    return starts, ends


@cache
def lexicons() -> Lexicons:
    """The lexicons, built on first use."""
    return Lexicons()
