"""Which columns the library list keeps as it narrows (titles must stay readable)."""

from __future__ import annotations

import pytest

from newsdiff.ui.widgets.article_list import MIN_TITLE, columns_for


def names(width: int) -> list[str]:
    return [name for name, _ in columns_for(width)]


def test_a_wide_list_shows_every_column() -> None:
    assert names(120) == ["title", "outlet", "date", "language", "length", "overlap"]


def test_columns_drop_language_then_length_then_overlap_then_outlet() -> None:
    seen = [tuple(names(width)) for width in range(120, 20, -1)]
    orders = list(dict.fromkeys(seen))
    assert orders == [
        ("title", "outlet", "date", "language", "length", "overlap"),
        ("title", "outlet", "date", "length", "overlap"),
        ("title", "outlet", "date", "overlap"),
        ("title", "outlet", "date"),
        ("title", "date"),
    ]


@pytest.mark.parametrize("width", [72, 80, 100, 120])
def test_the_title_keeps_its_minimum_while_columns_can_go(width: int) -> None:
    columns = dict(columns_for(width))
    assert columns["title"] >= MIN_TITLE
    # Every row is exactly as wide as the list: gutter + title + (space + column)s.
    assert 4 + sum(columns.values()) + len(columns) - 1 == width


def test_the_library_pane_at_120_columns_keeps_overlap_and_a_long_title() -> None:
    # 120 columns: the list pane is 72 cells (3fr of 5 beside the preview).
    columns = dict(columns_for(72))
    assert "overlap" in columns and "language" not in columns
    assert columns["title"] >= 34
