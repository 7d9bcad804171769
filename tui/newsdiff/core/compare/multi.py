"""Three or more reports side by side: each compared with a pivot, one aligned table.

Aligning n reports jointly is a hard problem with little to gain for a reader: what
a person asks is "how does each report differ from *this* one". So every report is
compared with a pivot (chosen, or the most complete — the one with the most content
text), and the pairwise rows are laid over the pivot's sentences:

- a table row holds a block of pivot sentences — one sentence, or several when some
  report merged them into one row — and, for every other report, the sentences aligned
  with that block;
- a report's right-only sentences get rows of their own, before the pivot block they
  preceded in that report's comparison.

Each cell says how it relates to the pivot (``same``, ``changed``, ``moved``, or
``left_only`` when the pivot has the block and this report does not; ``right_only``
for a row the pivot lacks) and which rows of its pairwise :class:`Comparison` it came
from, so a view can show the word ops and findings of that pair.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from newsdiff.core.compare.pairwise import compare
from newsdiff.core.model import Comparison, Document, Row, RowKind


@dataclass(frozen=True, slots=True)
class TableCell:
    """One report's part of a table row."""

    sentences: tuple[int, ...]
    """Sentence indices in this report (empty when it has nothing here)."""
    kind: RowKind | None
    """How this cell relates to the pivot; ``None`` in the pivot's own column and in the
    empty cells of a row only one other report has."""
    rows: tuple[int, ...] = ()
    """Indices into this report's ``Comparison.rows`` (empty in the pivot column)."""


@dataclass(frozen=True, slots=True)
class TableRow:
    """One line of the aligned table: a cell per report, in ``documents`` order."""

    cells: tuple[TableCell, ...]


@dataclass(frozen=True, slots=True)
class MultiComparison:
    """Several reports aligned against a pivot."""

    documents: tuple[Document, ...]
    pivot: int
    """Index into ``documents`` of the report every other one is compared with."""
    comparisons: tuple[Comparison | None, ...]
    """``compare(documents[pivot], documents[i])`` for each i; ``None`` at the pivot."""
    table: tuple[TableRow, ...]


def most_complete(documents: Sequence[Document]) -> int:
    """Index of the report with the most content text (the first on a tie)."""

    def size(document: Document) -> int:
        return sum(s.end - s.start for s in document.content_sentences())

    return max(range(len(documents)), key=lambda i: (size(documents[i]), -i))


def _pivot_blocks(pivot: Document, comparisons: Sequence[Comparison | None]) -> list[list[int]]:
    """Runs of pivot content sentences that some comparison keeps in one row."""
    joined_with_next: set[int] = set()
    for comparison in comparisons:
        if comparison is None:
            continue
        for row in comparison.rows:
            joined_with_next.update(row.left[:-1])
    blocks: list[list[int]] = []
    for sentence in pivot.content_sentences():
        if blocks and blocks[-1][-1] in joined_with_next:
            blocks[-1].append(sentence.index)
        else:
            blocks.append([sentence.index])
    return blocks


def _cell_kind(rows: Sequence[Row]) -> RowKind:
    kinds = {row.kind for row in rows}
    if RowKind.MOVED in kinds:
        return RowKind.MOVED
    aligned = kinds - {RowKind.LEFT_ONLY}
    if not aligned:
        return RowKind.LEFT_ONLY
    if aligned == {RowKind.SAME} and RowKind.LEFT_ONLY not in kinds:
        return RowKind.SAME
    return RowKind.CHANGED


def _layout(
    documents: Sequence[Document], pivot: int, comparisons: Sequence[Comparison | None]
) -> tuple[TableRow, ...]:
    blocks = _pivot_blocks(documents[pivot], comparisons)
    block_of = {sentence: b for b, block in enumerate(blocks) for sentence in block}
    end = len(blocks)
    # For each column: comparison rows per block, and right-only rows before each block.
    rows_at: dict[int, dict[int, list[int]]] = {}
    pending: dict[int, dict[int, list[int]]] = {}
    for column, comparison in enumerate(comparisons):
        if comparison is None:
            continue
        rows_at[column] = defaultdict(list)
        pending[column] = defaultdict(list)
        waiting: list[int] = []
        for number, row in enumerate(comparison.rows):
            if not row.left:
                waiting.append(number)
                continue
            block = block_of[row.left[0]]
            rows_at[column][block].append(number)
            pending[column][block].extend(waiting)
            waiting = []
        pending[column][end].extend(waiting)

    def empty_except(column: int, cell: TableCell) -> TableRow:
        return TableRow(
            tuple(cell if c == column else TableCell((), None) for c in range(len(documents)))
        )

    table: list[TableRow] = []
    for b in range(end + 1):
        for column in pending:
            comparison = comparisons[column]
            assert comparison is not None
            for number in pending[column][b]:
                row = comparison.rows[number]
                table.append(
                    empty_except(column, TableCell(row.right, RowKind.RIGHT_ONLY, (number,)))
                )
        if b == end:
            break
        cells: list[TableCell] = []
        for column, comparison in enumerate(comparisons):
            if comparison is None:
                cells.append(TableCell(tuple(blocks[b]), None))
                continue
            numbers = rows_at[column][b]
            rows = [comparison.rows[n] for n in numbers]
            sentences = tuple(sorted({i for row in rows for i in row.right}))
            cells.append(TableCell(sentences, _cell_kind(rows), tuple(numbers)))
        table.append(TableRow(tuple(cells)))
    return tuple(table)


def compare_many(documents: Sequence[Document], pivot: int | None = None) -> MultiComparison:
    """Compare every report with the pivot and lay the results out as one table."""
    if len(documents) < 2:
        raise ValueError("compare_many needs at least two documents")
    if pivot is None:
        pivot = most_complete(documents)
    if not 0 <= pivot < len(documents):
        raise ValueError(f"pivot {pivot} is not one of the {len(documents)} documents")
    comparisons = tuple(
        None if i == pivot else compare(documents[pivot], document)
        for i, document in enumerate(documents)
    )
    return MultiComparison(
        documents=tuple(documents),
        pivot=pivot,
        comparisons=comparisons,
        table=_layout(documents, pivot, comparisons),
    )
