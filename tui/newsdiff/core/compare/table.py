"""Comparisons laid out as a table: a column per report, one aligned row per line-up.

A :class:`~newsdiff.core.model.Comparison` pairs two reports. The app's compare view
and the exports (HTML, Markdown, text) draw columns, so this module turns one
comparison (two columns) or several comparisons against the same pivot (three or more
columns) into rows of cells, and ties each finding to the table row it belongs to. It
decides layout only — what is the same, changed or moved comes from the comparison as
is. (Not to be confused with :class:`newsdiff.core.compare.multi.TableRow`, the pivot
line-up this module reads for three or more reports.)

With three or more reports the core lines them up against a pivot
(``compare_many``); this module puts the pivot first and keeps the core's rows.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from newsdiff.core.model import Comparison, Document, Finding, OpKind, Row, RowKind

if TYPE_CHECKING:
    from newsdiff.core.compare import MultiComparison

REMOVED: Final = "diff--removed"
"""Mark for pivot-side text the other report does not have (or changed); also the
app's style name."""
ADDED: Final = "diff--added"
"""Mark for text the other report has instead (or in addition); also the app's style
name."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One report's part of a table row: its sentences and the text they cover.

    ``runs`` are the character ranges of consecutive sentences; a report that moved
    parts of one pivot block apart can have more than one.
    """

    sentences: tuple[int, ...]
    start: int
    end: int
    runs: tuple[tuple[int, int], ...] = ()


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
    indices = sorted(set(sentences))
    runs: list[tuple[int, int]] = []
    previous = None
    for index in indices:
        sentence = document.sentences[index]
        if previous is not None and index == previous + 1:
            runs[-1] = (runs[-1][0], sentence.end)
        else:
            runs.append((sentence.start, sentence.end))
        previous = index
    return Cell(tuple(indices), runs[0][0], runs[-1][1], tuple(runs))


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


def build_table(result: Sequence[Comparison] | MultiComparison) -> CompareTable:
    """The table for one comparison (two columns) or a multi-report comparison.

    ``result`` is ``[comparison]`` from ``compare(left, right)``, or what
    ``compare_many(documents)`` returns: the core's table of every report against a
    pivot, which is shown with the pivot first.
    """
    if not isinstance(result, Sequence):
        return _multi_table(result)
    if len(result) != 1:
        raise ValueError("give one comparison, or the result of compare_many")
    return _pair_table(result[0])


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


def _multi_table(multi: MultiComparison) -> CompareTable:
    """The core's pivot table, with the pivot as the first column."""
    order = [multi.pivot, *(i for i in range(len(multi.documents)) if i != multi.pivot)]
    documents = tuple(multi.documents[i] for i in order)
    row_maps: dict[int, dict[int, int]] = {i: {} for i in order[1:]}
    for position, row in enumerate(multi.table):
        for i in order[1:]:
            for number in row.cells[i].rows:
                row_maps[i][number] = position
    rows: list[TableRow] = []
    for row in multi.table:
        cells: list[Cell | None] = []
        kinds: list[RowKind | None] = []
        moved: list[int | None] = []
        scores: list[float] = []
        for i in order:
            cell = row.cells[i]
            cells.append(_cell(multi.documents[i], cell.sentences))
            kinds.append(cell.kind)
            comparison = multi.comparisons[i]
            pair_rows = [comparison.rows[n] for n in cell.rows] if comparison else []
            scores.extend(r.score for r in pair_rows)
            froms = [r.moved_from for r in pair_rows if r.moved_from is not None]
            moved.append(row_maps[i].get(froms[0]) if froms and i in row_maps else None)
        rows.append(TableRow(tuple(cells), tuple(kinds), tuple(moved), min(scores, default=1.0)))
    table_rows = tuple(rows)
    lookup = _sentence_rows(table_rows)
    findings: list[FindingRef] = []
    diff_marks: list[tuple[tuple[int, int, str], ...]] = [()]
    similarity: list[float] = []
    for column, i in enumerate(order[1:], start=1):
        comparison = multi.comparisons[i]
        if comparison is None:
            diff_marks.append(())
            continue
        for finding in comparison.findings:
            position = _finding_row(finding, len(table_rows), lookup, column, row_maps[i])
            findings.append(FindingRef(finding, position, 0, column))
        diff_marks.append(tuple(_op_marks(comparison.rows)[1]))
        similarity.append(comparison.similarity)
    return CompareTable(
        documents, table_rows, tuple(findings), tuple(diff_marks), tuple(similarity)
    )
