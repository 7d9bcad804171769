"""Names remembered across a report and across reports, and the values they resolve to.

A person is named in full once (``Vladimir Medinsky``) and by surname after that
(``Medinsky``), sometimes only in another report; an organisation is spelled out once
with its acronym (``Badan Pusat Statistik (BPS)``) and abbreviated later. The
:class:`NameBook` remembers every confidently found name by kind and canonical value,
proposes the names it knows where they recur, and gives a mention its canonical value:
the gazetteer's name, else the full name a part belongs to, else the name as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import NAME_CONNECTORS, Clause
from newsdiff.core.analyze.extract.gazetteer import Entry, Lexicons, PhraseIndex, alias_words
from newsdiff.core.analyze.extract.name_tokens import fold, is_all_caps, is_capitalised
from newsdiff.core.model import SpanKind

MIN_PART_LETTERS = 3
"""A one- or two-letter part of a name (``M``, ``Al``) is never taken as the name."""


@dataclass(frozen=True, slots=True)
class KnownName:
    """An entity found in another loaded report: its kind and canonical value."""

    kind: SpanKind
    name: str


def normalised_surface(text: str, kind: SpanKind) -> str:
    """The written name as a value: spaces collapsed, a shouted place name (``LARANTUKA``)
    in title case."""
    words = text.split()
    if kind == SpanKind.PLACE and all(is_all_caps(w) and len(w) > 3 for w in words):
        words = [w.capitalize() for w in words]
    return " ".join(words)


_Value = tuple[SpanKind, str]


K = TypeVar("K")


def _put(table: dict[K, _Value | None], key: K, value: _Value) -> None:
    """Store ``value``; a key already naming something else becomes ambiguous (None)."""
    old = table.get(key, value)
    table[key] = value if old == value else None


class NameBook:
    """Names by kind and value, looked up by their words or by one part of a person's name."""

    def __init__(self) -> None:
        self._exact: dict[tuple[str, ...], tuple[SpanKind, str] | None] = {}
        self._parts: dict[str, tuple[SpanKind, str] | None] = {}
        self._index: PhraseIndex | None = None

    def add(self, kind: SpanKind, surface: str, canonical: str) -> None:
        """Remember ``surface`` (and ``canonical``) as naming ``canonical`` of ``kind``."""
        self._index = None
        value = (kind, canonical)
        for text in {surface, canonical}:
            words = alias_words(text)
            if words:
                _put(self._exact, tuple(fold(w) for w in words), value)
        if kind != SpanKind.PERSON:
            return
        words = [w for w in alias_words(canonical) if w[:1].isalpha()]
        if len(words) < 2:
            return
        for part in (words[0], words[-1]):
            if (
                len(part) >= MIN_PART_LETTERS
                and is_capitalised(part)
                and fold(part) not in NAME_CONNECTORS
            ):
                _put(self._parts, fold(part), value)

    def add_known(self, names: Iterable[KnownName | str]) -> None:
        for name in names:
            if isinstance(name, KnownName):
                self.add(name.kind, name.name, name.name)
            elif name.strip():
                self.add(SpanKind.PERSON, name, name)

    def lookup(self, words: Sequence[str]) -> tuple[SpanKind, str] | None:
        """What the words name, if the book knows them and they are not ambiguous."""
        key = tuple(fold(w) for w in words)
        found = self._exact.get(key)
        if found is None and len(key) == 1:
            found = self._parts.get(key[0])
        return found

    def index(self) -> PhraseIndex:
        """Every remembered name as a phrase index, for finding them in text."""
        if self._index is None:
            index = PhraseIndex()
            for key, value in self._exact.items():
                if value is not None:
                    index.add(key, Entry(value[0], value[1]))
            for part, value in self._parts.items():
                if value is not None and (part,) not in self._exact:
                    index.add((part,), Entry(value[0], value[1]))
            self._index = index
        return self._index

    def candidates(self, clause: Clause, lex: Lexicons) -> list[Candidate]:
        """Where remembered names recur in ``clause`` (capitalised, as names are)."""
        found: list[Candidate] = []
        for match in self.index().scan(clause.folded, clause.raw):
            if match.end - match.start == 1:
                word = clause.raw[match.start]
                if clause.initial[match.start] and lex.is_ordinary_start(word):
                    continue
                if len(word) < MIN_PART_LETTERS and not is_all_caps(word):
                    continue
            s, e = clause.char_span(match.start, match.end)
            found.append(Candidate(s, e, match.entry.kind, Source.MEMORY, match.entry.canonical))
        return found


def remember(book: NameBook, text: str, mentions: Iterable[Candidate]) -> None:
    """Add a report's confident mentions to ``book`` (bare capital runs only when long)."""
    for mention in mentions:
        surface = text[mention.start : mention.end]
        if mention.source == Source.RUN and len(surface.split()) < 2:
            continue
        book.add(mention.kind, surface, value_of(book, text, mention))


def value_of(book: NameBook, text: str, mention: Candidate) -> str:
    """The canonical value of a mention: list name, remembered full name, or as written."""
    if mention.canonical:
        return mention.canonical
    surface = text[mention.start : mention.end]
    known = book.lookup(alias_words(surface))
    if known is not None and known[0] == mention.kind:
        return known[1]
    return normalised_surface(surface, mention.kind)


_ACRONYM_AFTER: Final = re.compile(r"[ \t]*\((?P<acronym>[A-Z][A-Za-z0-9&-]{1,11})\)")
"""``… Statistik (BPS)``: an acronym in brackets right after a name."""


def link_acronyms(text: str, mentions: Sequence[Candidate], book: NameBook) -> None:
    """``Badan Pusat Statistik (BPS)``: the acronym and the name get one value.

    The acronym is remembered even when nothing else proposed it, so its later
    occurrences are found as the organisation (or place) it stands for.
    """
    by_start = {m.start: m for m in mentions}
    for mention in mentions:
        match = _ACRONYM_AFTER.match(text, mention.end)
        if match is None or not is_all_caps(match.group("acronym")):
            continue
        acronym = match.group("acronym")
        named = by_start.get(match.start("acronym"))
        if named is not None and named.canonical and not mention.canonical:
            value = named.canonical
        else:
            value = value_of(book, text, mention)
        book.add(mention.kind, acronym, value)
        book.add(mention.kind, text[mention.start : mention.end], value)
