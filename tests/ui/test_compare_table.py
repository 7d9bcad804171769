"""Comparisons laid out as columns: rows, gaps, findings and swapping."""

from __future__ import annotations

import pytest

from newsdiff.core.model import RowKind
from newsdiff.ui.compare_table import ADDED, REMOVED, build_table
from tests.ui.fixtures import comparison_001_004, three_way


def test_one_table_row_per_comparison_row_with_gaps() -> None:
    comparison = comparison_001_004()
    table = build_table([comparison])
    assert table.columns == 2
    assert len(table.rows) == len(comparison.rows)
    first = table.rows[0]
    assert first.cells[0] is None and first.cells[1] is not None
    assert first.kinds == (None, RowKind.RIGHT_ONLY)
    split = table.rows[8]
    assert split.cells[1] is not None and split.cells[1].sentences == (9, 10)


def test_cells_cover_their_sentences_text() -> None:
    comparison = comparison_001_004()
    table = build_table([comparison])
    cell = table.rows[2].cells[0]
    assert cell is not None
    assert comparison.left.text[cell.start : cell.end] == comparison.left.sentence_text(0)


def test_findings_land_on_their_rows_even_without_a_row_index() -> None:
    table = build_table([comparison_001_004()])
    rows = [ref.row for ref in table.findings]
    assert rows[0] == 2
    # The attribution finding has no row; its left sentence (6) is in row 10.
    assert rows[4] == 10


def test_word_ops_become_removed_and_added_marks() -> None:
    comparison = comparison_001_004()
    table = build_table([comparison])
    left = {comparison.left.text[s:e] for s, e, n in table.diff_marks[0] if n == REMOVED}
    right = {comparison.right.text[s:e] for s, e, n in table.diff_marks[1] if n == ADDED}
    assert "telah memulangkan" in left
    assert "berjanji untuk mengembalikan" in right


def test_swap_exchanges_sides_and_one_sided_kinds() -> None:
    table = build_table([comparison_001_004()])
    swapped = table.swapped()
    assert swapped.documents == table.documents[::-1]
    assert swapped.rows[0].kinds == (None, RowKind.LEFT_ONLY)
    assert swapped.rows[0].cells[0] is not None
    assert swapped.findings[0].left_column == 1
    assert swapped.swapped().rows == table.rows


def test_three_reports_follow_the_pivot() -> None:
    table = build_table(three_way())
    assert table.columns == 3
    assert len(table.similarity) == 2
    pivot_rows = [row for row in table.rows if row.cells[0] is not None]
    assert all(row.cells[2] is not None for row in pivot_rows)
    # Rows only the second report has come before the pivot block they preceded.
    assert table.rows[0].cells[0] is None and table.rows[0].cells[1] is not None
    assert len(table.findings) == 6 and all(ref.right_column == 1 for ref in table.findings)
    assert table.findings[0].row is not None
    with pytest.raises(ValueError):
        table.swapped()


def test_nothing_to_compare_is_an_error() -> None:
    with pytest.raises(ValueError):
        build_table([])


def test_a_cell_of_scattered_sentences_keeps_them_apart() -> None:
    from newsdiff.ui.compare_table import _cell

    document = comparison_001_004().left
    cell = _cell(document, (3, 1, 2, 7))
    assert cell is not None and cell.sentences == (1, 2, 3, 7)
    assert len(cell.runs) == 2
    assert cell.runs[0] == (document.sentences[1].start, document.sentences[3].end)
