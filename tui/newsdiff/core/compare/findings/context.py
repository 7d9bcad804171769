"""One report as the finders see it: its content spans by sentence and by row.

Every finder needs the same few lookups — which spans a sentence holds, which row a
sentence landed in, where the dateline is — so they are built once per side, in one
pass over the spans, and shared.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from newsdiff.core.compare.features import ReportWords
from newsdiff.core.model import Document, FindingSide, OpKind, Row, Span


class Places(Protocol):
    """Anything that finds where its words may stand in a text (a phrase table)."""

    def places(self, text: str) -> list[int]: ...

    def places_in(self, text: str, start: int, end: int) -> list[int]:
        """:meth:`places` that start in ``text[start:end]``, reading only there."""
        ...


@dataclass(frozen=True, slots=True)
class SideView:
    """A document with the indexes the finders share (build with :func:`side_view`)."""

    document: Document
    name: str
    """``left`` or ``right``: which attribute of a :class:`Row` holds this side."""
    row_of: dict[int, int]
    """Sentence index → index of the row it is in (content sentences only)."""
    spans_of: dict[int, tuple[Span, ...]]
    """Sentence index → its spans in text order (content sentences only)."""
    starts: tuple[int, ...] = ()
    """Start offset of every sentence, for finding the sentence of an offset."""
    content: frozenset[int] = frozenset()
    """Indices of the content (non-boilerplate) sentences."""
    outlet_names: frozenset[str] = field(default_factory=frozenset)
    """The report's own outlet and agency names, case-folded: never a finding."""
    words: ReportWords | None = None
    """The report's words, when profiling gathered them: finders then read only the
    sentences that hold the words they look for."""

    @property
    def text(self) -> str:
        return self.document.text

    def in_dateline(self, span: Span) -> bool:
        """True for a span inside the dateline (``Istanbul (ANTARA) -``): where the report
        was filed, not what it reports."""
        dateline = self.document.article.dateline
        return dateline is not None and span.start < dateline[1] and span.end > dateline[0]

    def row_spans(self, row: Row) -> list[Span]:
        """The spans of the row's sentences on this side, in text order."""
        return [s for i in getattr(row, self.name) for s in self.spans_of.get(i, ())]

    def content_spans(self) -> list[Span]:
        """Every span of a content sentence, in text order."""
        return [s for i in sorted(self.spans_of) for s in self.spans_of[i]]

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that holds ``offset``."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def places_of(self, table: Places) -> dict[int, list[int]]:
        """Content sentence → offsets where a phrase of ``table`` may start: one pass
        over the whole text, so sentences without any are never tokenised; or, when
        the report's words are known and cover the table, a pass over just the
        sentences holding one of its words."""
        words = self.words
        firsts: frozenset[str] | None = getattr(table, "firsts", None)
        whole = getattr(table, "word_firsts", None)
        if words is not None and firsts is not None and firsts == whole <= words.watch:
            return self._places_in_sentences(table, words, firsts)
        found: dict[int, list[int]] = {}
        for offset in table.places(self.text):
            index = self.sentence_at(offset)
            if index in self.content:
                found.setdefault(index, []).append(offset)
        return found

    def _places_in_sentences(
        self, table: Places, words: ReportWords, firsts: frozenset[str]
    ) -> dict[int, list[int]]:
        text = self.text
        found: dict[int, list[int]] = {}
        for index in sorted(words.watched.keys() | words.unsure):
            if index not in self.content:
                continue
            start, end = self.region(index)
            if index in words.unsure:
                places = table.places_in(text, start, end)
            elif held := firsts & words.watched[index]:
                places = _word_places(text, start, end, held)
            else:
                continue
            if places:
                found[index] = places
        return found

    def region(self, index: int) -> tuple[int, int]:
        """The stretch of text sentence ``index`` owns: up to the next sentence (as
        :meth:`sentence_at` says), and from the start of the text for the first."""
        sentences = self.document.sentences
        start = sentences[index].start if index > 0 else 0
        end = sentences[index + 1].start if index + 1 < len(sentences) else len(self.text)
        return start, end

    def side(self, span: Span, value: str | None = None) -> FindingSide:
        """Where ``span`` is, as one side of a finding."""
        return FindingSide(
            text=span.text,
            value=span.value if value is None else value,
            sentence=span.sentence if span.sentence >= 0 else self.sentence_at(span.start),
            start=span.start,
            end=span.end,
        )

    def stretch(self, start: int, end: int, value: str, sentence: int | None = None) -> FindingSide:
        """An arbitrary stretch of this side's text (a speech cue, a marker and verb)."""
        return FindingSide(
            text=self.text[start:end],
            value=value,
            sentence=self.sentence_at(start) if sentence is None else sentence,
            start=start,
            end=end,
        )


def _is_word_character(text: str, offset: int) -> bool:
    """What ``\\w`` says of ``text[offset]`` (False outside the text)."""
    return 0 <= offset < len(text) and (text[offset].isalnum() or text[offset] == "_")


def _word_places(text: str, start: int, end: int, words: frozenset[str]) -> list[int]:
    """Where in ``text[start:end]`` a whole run of word characters is one of ``words``
    (case-folded): what a case-insensitive ``(?<!\\w)(?:words)(?!\\w)`` finds there,
    for text whose case folding keeps every offset and that holds no ``ı``/``İ``."""
    folded = text[start:end].casefold()
    places = []
    for word in words:
        at = folded.find(word)
        while at >= 0:
            offset = start + at
            if not _is_word_character(text, offset - 1) and not _is_word_character(
                text, offset + len(word)
            ):
                places.append(offset)
            at = folded.find(word, at + len(word))
    places.sort()
    return places


def side_view(
    document: Document, rows: Sequence[Row], name: str, words: ReportWords | None = None
) -> SideView:
    """Build the shared indexes for one side in a single pass over its spans."""
    row_of = {i: number for number, row in enumerate(rows) for i in getattr(row, name)}
    content = {s.index for s in document.sentences if not s.boilerplate}
    starts = [s.start for s in document.sentences]
    grouped: dict[int, list[Span]] = {}
    for span in sorted(document.spans, key=lambda s: (s.start, s.end)):
        index = span.sentence if span.sentence >= 0 else bisect_right(starts, span.start) - 1
        if index in content:
            grouped.setdefault(index, []).append(span)
    article = document.article
    outlets = {n.casefold() for n in (article.outlet, article.agency) if n}
    return SideView(
        document=document,
        name=name,
        row_of=row_of,
        spans_of={i: tuple(spans) for i, spans in grouped.items()},
        starts=tuple(starts),
        content=frozenset(content),
        outlet_names=frozenset(outlets),
        words=words,
    )


def changed_op_at(row: Row, side: str, offset: int) -> int | None:
    """Index of the row's non-equal word op that covers ``offset`` on ``side``, or None
    (the offset is in unchanged text). Two stretches in the same op stand in the same
    slot: the rewrite replaced one with the other.

    One loop per side, testing the offsets first: the finders ask this for every
    marker and name they meet in a changed row."""
    if side == "left":
        for number, op in enumerate(row.ops):
            if op.left_start <= offset < op.left_end and op.op is not _EQUAL:
                return number
    else:
        for number, op in enumerate(row.ops):
            if op.right_start <= offset < op.right_end and op.op is not _EQUAL:
                return number
    return None


_EQUAL = OpKind.EQUAL
