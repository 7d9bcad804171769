"""What can be exported, and the one walk over marked text every writer shares.

Three things can be exported (:data:`Subject`):

- an article: a :class:`~newsdiff.core.model.Document` with its spans;
- a comparison: a :class:`~newsdiff.core.model.Comparison` of two reports, or a
  :class:`~newsdiff.core.compare.MultiComparison` of three or more against a pivot —
  rows, word ops and findings;
- a story: :class:`StoryExport`, its reports and the comparison of each pair.

Every writer turns a stretch of article text into :class:`Run` objects — plain text
or one span, each split into :class:`Piece` objects where a word change starts or
ends — so spans are always whole (the outer mark) and word changes sit inside them.
Writers differ only in how they spell a run, a piece and an unsafe character.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Final, TypeAlias

from newsdiff.core.model import (
    Article,
    Comparison,
    Document,
    FindingKind,
    RowKind,
    Span,
    SpanKind,
)

if TYPE_CHECKING:
    from newsdiff.core.compare import MultiComparison
    from newsdiff.core.compare.table import Cell, CompareTable


@dataclass(frozen=True, slots=True)
class StoryPair:
    """Two reports of a story and how they compare."""

    left: int
    """Index into :attr:`StoryExport.documents` (the likely source, when known)."""
    right: int
    comparison: Comparison
    """``compare(documents[left], documents[right])``: rows, word ops and findings."""
    stats: tuple[tuple[str, float | bool | None], ...] = ()
    """What the grouping measured for the pair (``("copied", 0.8)`` …), written as is
    into ``newsdiff.story/1``; empty when the story was not made by the grouping."""

    @property
    def similarity(self) -> float:
        return self.comparison.similarity


@dataclass(frozen=True, slots=True)
class StoryExport:
    """A story as exported: its reports, and the comparison of each pair of them."""

    documents: tuple[Document, ...]
    pairs: tuple[StoryPair, ...]
    source: int | None = None
    """Index of the report guessed to be the source, if any."""
    source_reasons: tuple[str, ...] = ()
    """Why the grouping takes :attr:`source` for the source (``earliest date …``)."""


Subject: TypeAlias = "Document | Comparison | MultiComparison | StoryExport"
"""Anything a writer accepts."""


KIND_LABELS: Final = {
    SpanKind.PERSON: "person",
    SpanKind.ORG: "organisation",
    SpanKind.PLACE: "place",
    SpanKind.DATE: "date",
    SpanKind.TIME: "time",
    SpanKind.NUMBER: "number",
    SpanKind.QUANTITY: "quantity",
    SpanKind.MONEY: "money",
    SpanKind.PERCENT: "percentage",
}
"""Span kinds in legend order, with the word a legend uses."""

ROW_LABELS: Final = {
    RowKind.SAME: "same",
    RowKind.CHANGED: "changed",
    RowKind.MOVED: "moved",
    RowKind.LEFT_ONLY: "only left",
    RowKind.RIGHT_ONLY: "only right",
}

ROW_SYMBOLS: Final = {
    RowKind.SAME: "=",
    RowKind.CHANGED: "≠",
    RowKind.MOVED: "↕",
    RowKind.LEFT_ONLY: "◂",
    RowKind.RIGHT_ONLY: "▸",
}
"""The marks the app draws between columns, used by the HTML and Markdown tables."""

REMOVED: Final = "removed"
ADDED: Final = "added"


def finding_label(kind: FindingKind) -> str:
    """``date_mismatch`` → ``date mismatch``."""
    return kind.value.replace("_", " ")


def report_label(article: Article) -> str:
    """The file name of a report, for headings and column titles."""
    name = PurePath(article.path.split("#", 1)[0]).name or article.path
    return name + (f"#{article.path.split('#', 1)[1]}" if "#" in article.path else "")


def report_details(article: Article) -> list[str]:
    """Outlet, date and language of a report, those that are known."""
    return [part for part in (article.outlet, article.published, article.language) if part]


@dataclass(frozen=True, slots=True)
class Piece:
    """A stretch of text inside a run, word-changed (``removed``/``added``) or not."""

    start: int
    end: int
    change: str | None


@dataclass(frozen=True, slots=True)
class Run:
    """Plain text, or one whole span, made of pieces."""

    start: int
    end: int
    span: Span | None
    pieces: tuple[Piece, ...]


def exported_spans(document: Document) -> tuple[Span, ...]:
    """The spans inline formats mark: in order, non-empty, none overlapping another.

    When two spans overlap (the extractor avoids it), the earlier — or the longer at
    the same start — is kept; JSON and brat export every span regardless.
    """
    kept: list[Span] = []
    cursor = 0
    length = len(document.text)
    for span in sorted(document.spans, key=lambda s: (s.start, -s.end)):
        if span.start >= cursor and span.start < span.end <= length:
            kept.append(span)
            cursor = span.end
    return tuple(kept)


class Marks:
    """A document's spans and word changes, ready to cut any stretch into runs.

    Lookups are by bisection, so marking every cell of a 5,000-sentence comparison
    costs a few microseconds a cell, not a walk over every span.
    """

    def __init__(self, document: Document, changes: Sequence[tuple[int, int, str]] = ()) -> None:
        self.text = document.text
        self.spans = exported_spans(document)
        self._span_starts = [span.start for span in self.spans]
        cleaned: list[tuple[int, int, str]] = []
        for start, end, change in sorted(changes):
            if cleaned and start < cleaned[-1][1]:
                start = cleaned[-1][1]
            if end > start:
                cleaned.append((start, end, change))
        self.changes = cleaned
        self._change_starts = [start for start, _, _ in cleaned]
        self._change_ends = [end for _, end, _ in cleaned]

    def runs(self, start: int, end: int) -> list[Run]:
        """``text[start:end]`` as runs: the spans wholly inside it, and the text between."""
        runs: list[Run] = []
        cursor = start
        index = bisect_left(self._span_starts, start)
        while index < len(self.spans):
            span = self.spans[index]
            if span.start >= end:
                break
            index += 1
            if span.end > end:
                continue
            if span.start > cursor:
                runs.append(Run(cursor, span.start, None, self.pieces(cursor, span.start)))
            runs.append(Run(span.start, span.end, span, self.pieces(span.start, span.end)))
            cursor = span.end
        if cursor < end:
            runs.append(Run(cursor, end, None, self.pieces(cursor, end)))
        return runs

    def pieces(self, start: int, end: int) -> tuple[Piece, ...]:
        """``[start, end)`` cut where word changes begin and end."""
        pieces: list[Piece] = []
        cursor = start
        index = bisect_left(self._change_ends, start + 1)
        while index < len(self.changes) and self._change_starts[index] < end:
            lo, hi, change = self.changes[index]
            lo, hi = max(lo, start), min(hi, end)
            if lo > cursor:
                pieces.append(Piece(cursor, lo, None))
            if hi > lo:
                pieces.append(Piece(lo, hi, change))
                cursor = hi
            index += 1
        if cursor < end:
            pieces.append(Piece(cursor, end, None))
        return tuple(pieces)


def column_marks(table: CompareTable) -> list[Marks]:
    """One :class:`Marks` per column of ``table``, with its word changes."""
    from newsdiff.core.compare.table import ADDED as TABLE_ADDED

    marks: list[Marks] = []
    for document, changes in zip(table.documents, table.diff_marks, strict=True):
        marks.append(
            Marks(
                document,
                [(lo, hi, ADDED if style == TABLE_ADDED else REMOVED) for lo, hi, style in changes],
            )
        )
    return marks


@dataclass(frozen=True, slots=True)
class CellRun:
    """Consecutive sentences of a table cell: their indices and the text they cover."""

    first: int
    last: int
    start: int
    end: int

    @property
    def label(self) -> str:
        """``3``, or ``9-10`` for a run of sentences."""
        return str(self.first) if self.first == self.last else f"{self.first}-{self.last}"


def cell_runs(document: Document, cell: Cell) -> list[CellRun]:
    """A cell's sentences grouped into runs of consecutive ones (usually one run)."""
    runs: list[CellRun] = []
    for index in cell.sentences:
        sentence = document.sentences[index]
        if runs and index == runs[-1].last + 1:
            previous = runs[-1]
            runs[-1] = CellRun(previous.first, index, previous.start, sentence.end)
        else:
            runs.append(CellRun(index, index, sentence.start, sentence.end))
    return runs


def comparison_table(subject: Comparison | MultiComparison) -> CompareTable:
    """The aligned table the app's compare view shows, for the writers to draw."""
    from newsdiff.core.compare.table import build_table

    if isinstance(subject, Comparison):
        return build_table([subject])
    return build_table(subject)


def comparisons_of(subject: Comparison | MultiComparison) -> list[Comparison]:
    """The pairwise comparisons: the one, or every report against the pivot."""
    if isinstance(subject, Comparison):
        return [subject]
    return [c for c in subject.comparisons if c is not None]


def documents_of(subject: Subject) -> tuple[Document, ...]:
    if isinstance(subject, Document):
        return (subject,)
    if isinstance(subject, Comparison):
        return (subject.left, subject.right)
    if isinstance(subject, StoryExport):
        return subject.documents
    return subject.documents


_LEADING_NUMBER: Final = re.compile(r"^(\d+)(?=[-_. ]|$)")
_UNSAFE_NAME: Final = re.compile(r"[^\w.-]+")


def short_name(article: Article, limit: int = 40) -> str:
    """A file-name-safe name for a report: its leading number (``001``), else its stem."""
    stem = PurePath(article.path.split("#", 1)[0]).stem or "article"
    number = _LEADING_NUMBER.match(stem)
    if number:
        return number.group(1)
    return _UNSAFE_NAME.sub("-", stem).strip("-.")[:limit] or "article"


def stem_for(kind: str, articles: Sequence[Article]) -> str:
    """A default file name without extension, for ``kind`` ``article``, ``comparison``
    or ``story``: ``004-istanbul-…``, ``001-vs-004``, ``story-001-004``.

    A single article keeps its whole stem, a comparison names both sides (the first
    two and a count when there are more), a story starts with ``story-``.
    """
    if kind == "article":
        stem = PurePath(articles[0].path.split("#", 1)[0]).stem
        return _UNSAFE_NAME.sub("-", stem).strip("-.")[:60] or "article"
    names = [short_name(article) for article in articles]
    if kind == "story":
        shown = "-".join(names[:4]) + (f"-and-{len(names) - 4}-more" if len(names) > 4 else "")
        return f"story-{shown}"
    more = f"-and-{len(names) - 2}-more" if len(names) > 2 else ""
    return f"{names[0]}-vs-{names[1]}{more}"


def subject_kind(subject: Subject) -> str:
    """``article``, ``comparison`` or ``story``."""
    if isinstance(subject, Document):
        return "article"
    return "story" if isinstance(subject, StoryExport) else "comparison"


def default_stem(subject: Subject) -> str:
    """:func:`stem_for` the subject's kind and reports."""
    return stem_for(subject_kind(subject), [d.article for d in documents_of(subject)])
