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

from newsdiff.core.model import Document, FindingSide, OpKind, Row, Span


class Places(Protocol):
    """Anything that finds where its words may stand in a text (a phrase table)."""

    def places(self, text: str) -> list[int]: ...


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
        over the whole text, so sentences without any are never tokenised."""
        found: dict[int, list[int]] = {}
        for offset in table.places(self.text):
            index = self.sentence_at(offset)
            if index in self.content:
                found.setdefault(index, []).append(offset)
        return found

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


def side_view(document: Document, rows: Sequence[Row], name: str) -> SideView:
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
    )


def changed_op_at(row: Row, side: str, offset: int) -> int | None:
    """Index of the row's non-equal word op that covers ``offset`` on ``side``, or None
    (the offset is in unchanged text). Two stretches in the same op stand in the same
    slot: the rewrite replaced one with the other."""
    for number, op in enumerate(row.ops):
        if op.op is OpKind.EQUAL:
            continue
        start, end = (
            (op.left_start, op.left_end) if side == "left" else (op.right_start, op.right_end)
        )
        if start <= offset < end:
            return number
    return None
