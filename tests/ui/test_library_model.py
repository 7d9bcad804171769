"""The library's entries: order, stories, filter and marks, without the widget."""

from __future__ import annotations

import pytest

from newsdiff.core.model import Article
from newsdiff.ui.library_model import LibraryModel, word_count
from newsdiff.ui.stories import Grouping, Story


def _article(title: str, outlet: str | None = None, published: str | None = None) -> Article:
    return Article(
        path=f"{title}.txt",
        text=f"{title} text body",
        title=title,
        outlet=outlet,
        published=published,
    )


@pytest.fixture
def model() -> LibraryModel:
    model = LibraryModel()
    model.add(
        [
            _article("charlie", "B", "2025-01-03"),
            _article("alpha", None, None),
            _article("bravo", "A", "2025-01-01"),
        ]
    )
    model.rebuild()
    return model


def test_each_article_is_its_own_story_in_load_order(model: LibraryModel) -> None:
    assert model.entries == [0, 1, 2]
    assert len(model.stories) == 3
    assert [story.members for story in model.stories] == [(0,), (1,), (2,)]


def test_sorting_by_title_and_reversing(model: LibraryModel) -> None:
    model.sort_by("title")
    model.rebuild()
    assert model.entries == [1, 2, 0]
    model.sort_by("title", reverse=True)
    model.rebuild()
    assert model.entries == [0, 2, 1]


def test_missing_values_sort_last(model: LibraryModel) -> None:
    model.sort_by("date")
    model.rebuild()
    assert model.entries == [2, 0, 1]
    model.sort_by("outlet")
    model.rebuild()
    assert model.entries == [2, 0, 1]


def test_unknown_column_is_refused(model: LibraryModel) -> None:
    with pytest.raises(ValueError):
        model.sort_by("colour")


def test_filter_hides_articles(model: LibraryModel) -> None:
    model.set_filter([True, False, True])
    model.rebuild()
    assert model.entries == [0, 2]


def test_story_rows_expand_to_their_reports(model: LibraryModel) -> None:
    model.set_grouping(Grouping((Story((0, 2)), Story((1,))), {0: 0.5, 2: 0.5}))
    model.rebuild()
    assert model.entries == [~0, 1]
    assert model.toggle_expanded(0)
    model.rebuild()
    assert model.entries == [~0, 0, 2, 1]
    assert model.is_child(0) and not model.is_child(1)
    assert not model.toggle_expanded(1)  # a one-report story has nothing to expand


def test_marking_a_story_marks_all_its_reports(model: LibraryModel) -> None:
    model.set_grouping(Grouping((Story((0, 2)), Story((1,)))))
    model.rebuild()
    model.toggle_mark(~0)
    assert model.marked() == [0, 2]
    model.toggle_mark(~0)
    assert model.marked() == []


def test_articles_added_while_filtered_are_visible_until_filtered(model: LibraryModel) -> None:
    model.set_filter([False, False, False])
    model.add([_article("delta")])
    model.rebuild()
    assert model.entries == [3]


def test_word_count_is_cheap_and_close() -> None:
    assert word_count("satu dua\ntiga") == 3
    assert word_count("") == 0


def test_compare_choice_marked_story_or_the_whole_small_library(model: LibraryModel) -> None:
    assert model.compare_choice(0) == [0, 1, 2]  # three single reports: all of them
    model.toggle_mark(2)
    assert model.compare_choice(0) == [2, 0]  # the marked one is the pivot
    assert "mark another" in model.compare_choice(2)
    model.toggle_mark(1)
    assert model.compare_choice(0) == [2, 1]
    model.clear_marks()
    model.set_grouping(Grouping((Story((0, 2)), Story((1,)))))
    model.rebuild()
    assert model.compare_choice(~0) == [0, 2]
    model.toggle_expanded(0, True)
    model.rebuild()
    assert model.entries[:3] == [~0, 0, 2]
    assert model.compare_choice(2) == [0, 2]  # on a report of a story: the story
    model.add([_article(f"x{i}") for i in range(5)])
    model.rebuild()
    assert "Mark two or more" in model.compare_choice(1)


def test_related_reports_of_a_story_most_similar_first(model: LibraryModel) -> None:
    from newsdiff.core.group.model import RelatedLink

    links = (RelatedLink(0, 1, 0.4, "different day"), RelatedLink(1, 2, 0.7, "shares facts"))
    model.set_grouping(Grouping((Story((0, 2)), Story((1,), related=(0,))), related=links))
    assert model.related_reports(0) == [(1, 0.7, "shares facts")]
    assert model.related_reports(1) == [(2, 0.7, "shares facts"), (0, 0.4, "different day")]
