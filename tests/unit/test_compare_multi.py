"""Three or more reports against a pivot: one aligned table a view can show as columns."""

from __future__ import annotations

import pytest

from newsdiff.core.analyze import analyze_all
from newsdiff.core.compare import compare_many
from newsdiff.core.compare.multi import most_complete
from newsdiff.core.ingest import load
from newsdiff.core.model import RowKind
from tests.conftest import sample


@pytest.fixture(scope="module")
def documents():
    paths = [str(sample("005")), str(sample("006")), str(sample("001")), str(sample("004"))]
    return analyze_all(load(paths).articles)


def test_every_sentence_of_every_report_appears_once_in_its_column(documents) -> None:
    multi = compare_many(documents[:2] + documents[3:])
    for column, document in enumerate(multi.documents):
        seen = [i for row in multi.table for i in row.cells[column].sentences]
        assert sorted(seen) == [s.index for s in document.content_sentences()]
    pivot_column = [i for row in multi.table for i in row.cells[multi.pivot].sentences]
    assert pivot_column == sorted(pivot_column)  # the pivot reads in its own order


def test_the_pivot_is_the_most_complete_report_unless_chosen(documents) -> None:
    pair = documents[:2]
    multi = compare_many(pair)
    assert multi.pivot == most_complete(pair)
    assert multi.comparisons[multi.pivot] is None
    chosen = compare_many(pair, pivot=1)
    assert chosen.pivot == 1
    assert chosen.comparisons[0] is not None and chosen.comparisons[0].left is pair[1]


def test_cells_agree_with_the_pairwise_rows(documents) -> None:
    trio = [documents[0], documents[1], documents[0]]
    multi = compare_many(trio, pivot=0)
    for row in multi.table:
        pivot_cell = row.cells[0]
        assert pivot_cell.kind is None
        for column in (1, 2):
            cell = row.cells[column]
            comparison = multi.comparisons[column]
            assert comparison is not None
            for number in cell.rows:
                pairwise = comparison.rows[number]
                assert set(pairwise.right) <= set(cell.sentences)
                assert set(pairwise.left) <= set(pivot_cell.sentences)
    # The pivot compared with itself: every row the same.
    assert all(row.cells[2].kind is RowKind.SAME for row in multi.table if row.cells[0].sentences)
    # The rewrite's headline exists only on its side: a row of its own.
    assert any(
        row.cells[1].kind is RowKind.RIGHT_ONLY and not row.cells[0].sentences
        for row in multi.table
    )


def test_bad_arguments(documents) -> None:
    with pytest.raises(ValueError):
        compare_many(documents[:1])
    with pytest.raises(ValueError):
        compare_many(documents[:2], pivot=5)
