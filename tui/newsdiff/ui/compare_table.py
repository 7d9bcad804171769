"""Comparisons laid out as a table: a column per report, one aligned row per line-up.

The core's :class:`~newsdiff.core.model.Comparison` pairs two reports. The compare
view draws columns, so this module turns one comparison (two columns) or several
comparisons against the same pivot (three or more columns) into rows of cells, and
ties each finding to the table row it belongs to. It decides layout only — what is
the same, changed or moved comes from the core as is.

With several comparisons, rows follow the pivot's sentences; a sentence only another
report has sits after the pivot row it followed in that report.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from newsdiff.core.model import Comparison, Document, Finding, OpKind, Row, RowKind

REMOVED: Final = "diff--removed"
"""Style name for pivot-side text the other report does not have (or changed)."""
ADDED: Final = "diff--added"
"""Style name for text the other report has instead (or in addition)."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One report's part of a table row: its sentences and the text range they cover."""

    sentences: tuple[int, ...]
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class TableRow:
    """One aligned row: a cell per column (None is a gap) and how each relates."""

    cells: tuple[Cell | None, ...]
    kinds: tuple[RowKind | None, ...]
    """Per column, the row kind against the pivot (None for the pivot column itself,
    and for a column with no row here)."""
    moved_from: tuple[int | None, ...]
    """Per column, for a moved row: the table row its partner would have had."""
    score: float = 1.0


@dataclass(frozen=True, slots=True)
class FindingRef:
    """A finding placed in the table: which row and which two columns it spans."""

    finding: Finding
    row: int | None
    left_column: int
    right_column: int


@dataclass(frozen=True, slots=True)
class CompareTable:
    """Everything the compare view draws, in column order."""

    documents: tuple[Document, ...]
    rows: tuple[TableRow, ...]
    findings: tuple[FindingRef, ...]
    diff_marks: tuple[tuple[tuple[int, int, str], ...], ...]
    """Per column: ``(start, end, style name)`` ranges of word-level changes."""
    similarity: tuple[float, ...] = ()
    """Per non-pivot column: similarity to the pivot."""

    @property
    def columns(self) -> int:
        return len(self.documents)

    def swapped(self) -> CompareTable:
        """The same two-report table with its sides exchanged.

        Three or more columns are re-compared against a new pivot instead (the
        relations are against the pivot, so reversing them would be wrong).
        """
        if self.columns != 2:
            raise ValueError("only a two-report table can be swapped in place")
        rows = tuple(
            TableRow(
                cells=row.cells[::-1],
                kinds=_mirror_kinds(row.kinds),
                moved_from=row.moved_from[::-1],
                score=row.score,
            )
            for row in self.rows
        )
        last = self.columns - 1
        findings = tuple(
            FindingRef(ref.finding, ref.row, last - ref.left_column, last - ref.right_column)
            for ref in self.findings
        )
        return CompareTable(
            self.documents[::-1], rows, findings, self.diff_marks[::-1], self.similarity
        )


def _mirror_kinds(kinds: tuple[RowKind | None, ...]) -> tuple[RowKind | None, ...]:
    """Kinds after a two-column swap: only-left and only-right trade places."""
    kind = kinds[1]
    flipped = {RowKind.LEFT_ONLY: RowKind.RIGHT_ONLY, RowKind.RIGHT_ONLY: RowKind.LEFT_ONLY}
    return (None, flipped.get(kind, kind) if kind is not None else None)


def _cell(document: Document, sentences: tuple[int, ...]) -> Cell | None:
    if not sentences:
        return None
    indices = sorted(sentences)
    first, last = document.sentences[indices[0]], document.sentences[indices[-1]]
    return Cell(tuple(indices), first.start, last.end)


def _op_marks(rows: Sequence[Row]) -> tuple[list[tuple[int, int, str]], list[tuple[int, int, str]]]:
    left: list[tuple[int, int, str]] = []
    right: list[tuple[int, int, str]] = []
    for row in rows:
        for op in row.ops:
            if op.op in (OpKind.DELETE, OpKind.REPLACE) and op.left_end > op.left_start:
                left.append((op.left_start, op.left_end, REMOVED))
            if op.op in (OpKind.INSERT, OpKind.REPLACE) and op.right_end > op.right_start:
                right.append((op.right_start, op.right_end, ADDED))
    return left, right


def build_table(comparisons: Sequence[Comparison]) -> CompareTable:
    """The table for one comparison, or for several sharing the same left (pivot) report."""
    if not comparisons:
        raise ValueError("nothing to compare")
    if len(comparisons) == 1:
        return _pair_table(comparisons[0])
    return _pivot_table(comparisons)


def _pair_table(comparison: Comparison) -> CompareTable:
    left, right = comparison.left, comparison.right
    rows = tuple(
        TableRow(
            cells=(_cell(left, row.left), _cell(right, row.right)),
            kinds=(None, row.kind),
            moved_from=(None, row.moved_from),
            score=row.score,
        )
        for row in comparison.rows
    )
    lookup = _sentence_rows(rows)
    findings = tuple(
        FindingRef(finding, _finding_row(finding, len(rows), lookup, 1), 0, 1)
        for finding in comparison.findings
    )
    left_marks, right_marks = _op_marks(comparison.rows)
    return CompareTable(
        (left, right),
        rows,
        findings,
        (tuple(left_marks), tuple(right_marks)),
        (comparison.similarity,),
    )


def _sentence_rows(rows: Sequence[TableRow]) -> list[dict[int, int]]:
    """Per column: sentence index → table row."""
    columns = len(rows[0].cells) if rows else 0
    lookup: list[dict[int, int]] = [{} for _ in range(columns)]
    for position, row in enumerate(rows):
        for column, cell in enumerate(row.cells):
            if cell is not None:
                for sentence in cell.sentences:
                    lookup[column].setdefault(sentence, position)
    return lookup


def _finding_row(
    finding: Finding,
    row_count: int,
    lookup: list[dict[int, int]],
    column: int,
    row_map: dict[int, int] | None = None,
) -> int | None:
    """The table row of a finding: its own row, else the row of either side's sentence."""
    if finding.row is not None:
        mapped = row_map.get(finding.row) if row_map is not None else finding.row
        if mapped is not None and 0 <= mapped < row_count:
            return mapped
    if finding.left is not None and finding.left.sentence in lookup[0]:
        return lookup[0][finding.left.sentence]
    if finding.right is not None and finding.right.sentence in lookup[column]:
        return lookup[column][finding.right.sentence]
    return None


def _pivot_table(comparisons: Sequence[Comparison]) -> CompareTable:
    pivot = comparisons[0].left
    columns = len(comparisons) + 1
    anchors: dict[int, dict[int, tuple[int, Row]]] = {}
    """Pivot anchor sentence → comparison index → (row index, row)."""
    extras: dict[tuple[int, int], list[tuple[int, Row]]] = {}
    """(anchor or -1, comparison index) → right-only rows that follow that anchor."""
    for k, comparison in enumerate(comparisons):
        last_anchor = -1
        for index, row in enumerate(comparison.rows):
            if row.left:
                last_anchor = min(row.left)
                anchors.setdefault(last_anchor, {})[k] = (index, row)
            else:
                extras.setdefault((last_anchor, k), []).append((index, row))

    rows: list[TableRow] = []
    row_maps: list[dict[int, int]] = [{} for _ in comparisons]

    def add_extras(anchor: int) -> None:
        for k, comparison in enumerate(comparisons):
            for index, row in extras.get((anchor, k), []):
                cells: list[Cell | None] = [None] * columns
                kinds: list[RowKind | None] = [None] * columns
                cells[k + 1] = _cell(comparison.right, row.right)
                kinds[k + 1] = row.kind
                row_maps[k][index] = len(rows)
                rows.append(TableRow(tuple(cells), tuple(kinds), (None,) * columns, row.score))

    add_extras(-1)
    for anchor in sorted(anchors):
        by_comparison = anchors[anchor]
        cells = [None] * columns
        kinds = [None] * columns
        moved: list[int | None] = [None] * columns
        scores: list[float] = []
        first_k = min(by_comparison)
        cells[0] = _cell(pivot, by_comparison[first_k][1].left)
        for k, (index, row) in by_comparison.items():
            cells[k + 1] = _cell(comparisons[k].right, row.right)
            kinds[k + 1] = row.kind
            moved[k + 1] = row.moved_from
            scores.append(row.score)
            row_maps[k][index] = len(rows)
        rows.append(
            TableRow(tuple(cells), tuple(kinds), tuple(moved), min(scores) if scores else 1.0)
        )
        add_extras(anchor)

    table_rows = tuple(
        TableRow(
            row.cells,
            row.kinds,
            tuple(
                None if moved is None or column == 0 else row_maps[column - 1].get(moved)
                for column, moved in enumerate(row.moved_from)
            ),
            row.score,
        )
        for row in rows
    )
    lookup = _sentence_rows(table_rows)
    findings: list[FindingRef] = []
    diff_marks: list[tuple[tuple[int, int, str], ...]] = [()]
    for k, comparison in enumerate(comparisons):
        for finding in comparison.findings:
            position = _finding_row(finding, len(table_rows), lookup, k + 1, row_maps[k])
            findings.append(FindingRef(finding, position, 0, k + 1))
        _, right_marks = _op_marks(comparison.rows)
        diff_marks.append(tuple(right_marks))
    return CompareTable(
        (pivot, *(c.right for c in comparisons)),
        table_rows,
        tuple(findings),
        tuple(diff_marks),
        tuple(c.similarity for c in comparisons),
    )
