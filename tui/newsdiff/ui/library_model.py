"""What the library list shows: stories and reports in order, filtered, with marks.

The list widget draws one entry per screen line and asks this model which entry is on
which line. Entries are plain ints so 100,000 of them cost little: an entry ``>= 0``
is an article index, an entry ``< 0`` is the header of story ``~entry`` (a story with
two or more reports; a one-report story shows as its article alone).

Sorting keeps one key list per column, extended as articles arrive, so re-sorting
while a big folder loads stays cheap (Python's sort is fast on a list that is mostly
sorted already). No Textual here: the model is tested on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Final

from newsdiff.core.model import Article
from newsdiff.ui.stories import Grouping, Story

if TYPE_CHECKING:
    from newsdiff.core.group.model import RelatedLink

COLUMNS: Final = ("title", "outlet", "date", "language", "length", "overlap")
"""Sortable columns, in the order the list shows them."""


def word_count(text: str) -> int:
    """About how many words ``text`` has (spaces and line breaks, counted in C)."""
    return text.count(" ") + text.count("\n") + 1 if text else 0


def _key(column: str, article: Article, length: int, overlap: float | None) -> object:
    if column == "title":
        return article.title.casefold()
    if column == "outlet":
        return (article.outlet is None, (article.outlet or "").casefold())
    if column == "date":
        return (article.published is None, article.published or "")
    if column == "language":
        return article.language
    if column == "length":
        return length
    return -1.0 if overlap is None else overlap


class LibraryModel:
    """Articles, their stories, the order, the filter and the marks."""

    def __init__(self) -> None:
        self.articles: list[Article] = []
        self._lengths: list[int] = []
        """Word count per article, -1 until first asked for (counting 100,000 long
        texts when they arrive took most of a second of opening a big library)."""
        self.stories: list[Story] = []
        self.story_of: list[int] = []
        """Article index → index of its story."""
        self.overlap: dict[int, float] = {}
        self.related: tuple[RelatedLink, ...] = ()
        """Reports of different stories that share facts (from the grouping)."""
        self.sort_column: str | None = None
        """None keeps the order the articles were loaded in."""
        self.reverse = False
        self.visible: list[bool] | None = None
        """Per article: passes the filter (None: no filter)."""
        self.expanded: set[int] = set()
        self.marks: dict[int, None] = {}
        """Marked article indices, in the order they were marked (first is the pivot)."""
        self.entries: list[int] = []
        self._keys: dict[str, list[object]] = {}

    # -- loading -------------------------------------------------------------------

    def add(self, articles: Iterable[Article]) -> None:
        """Append articles, each its own story until a grouping says otherwise."""
        for article in articles:
            index = len(self.articles)
            self.articles.append(article)
            self._lengths.append(-1)
            self.story_of.append(len(self.stories))
            self.stories.append(Story((index,)))
            if self.visible is not None:
                self.visible.append(True)
        self._extend_keys()

    def set_grouping(self, grouping: Grouping) -> None:
        """Replace the stories (from a :class:`~newsdiff.ui.stories.StorySource`)."""
        story_of = list(range(len(self.articles)))
        for story_index, story in enumerate(grouping.stories):
            for member in story.members:
                story_of[member] = story_index
        self.stories = list(grouping.stories)
        self.story_of = story_of
        self.overlap = dict(grouping.overlap)
        self.related = tuple(grouping.related)
        self.expanded.clear()
        self._keys.pop("overlap", None)
        self._extend_keys()

    def _extend_keys(self) -> None:
        for column, keys in self._keys.items():
            for index in range(len(keys), len(self.articles)):
                keys.append(
                    _key(column, self.articles[index], self.length(index), self.overlap.get(index))
                )

    def length(self, index: int) -> int:
        """About how many words article ``index`` has (counted on first use)."""
        length = self._lengths[index]
        if length < 0:
            length = self._lengths[index] = word_count(self.articles[index].text)
        return length

    def keys(self, column: str) -> list[object]:
        """The sort key of every article for ``column`` (built on first use)."""
        if column not in self._keys:
            self._keys[column] = []
            self._extend_keys()
        return self._keys[column]

    # -- order and filter ----------------------------------------------------------

    def sort_by(self, column: str | None, reverse: bool = False) -> None:
        if column is not None and column not in COLUMNS:
            raise ValueError(f"unknown column {column!r}")
        self.sort_column = column
        self.reverse = reverse

    def set_filter(self, visible: list[bool] | None) -> None:
        self.visible = visible

    def rebuild(self) -> None:
        """Recompute :attr:`entries` from the stories, order, filter and expansion."""
        visible = self.visible
        order = self._story_order()
        entries: list[int] = []
        append = entries.append
        stories = self.stories
        for story_index in order:
            members = stories[story_index].members
            if len(members) == 1:
                if visible is None or visible[members[0]]:
                    append(members[0])
                continue
            shown = members if visible is None else [m for m in members if visible[m]]
            if not shown:
                continue
            append(~story_index)
            if story_index in self.expanded:
                entries.extend(shown)
        self.entries = entries

    def _story_order(self) -> Sequence[int]:
        count = len(self.stories)
        if self.sort_column is None:
            return range(count - 1, -1, -1) if self.reverse else range(count)
        keys = self.keys(self.sort_column)
        lead = [story.members[0] for story in self.stories]
        return sorted(range(count), key=lambda s: keys[lead[s]], reverse=self.reverse)

    # -- entries ---------------------------------------------------------------------

    def story_at(self, entry: int) -> int:
        """The story an entry belongs to."""
        return ~entry if entry < 0 else self.story_of[entry]

    def members(self, entry: int) -> tuple[int, ...]:
        """The articles an entry stands for: its story's reports, or the one article."""
        return self.stories[~entry].members if entry < 0 else (entry,)

    def related_reports(self, story: int) -> list[tuple[int, float, str]]:
        """Reports of other stories related to ``story``: (article, similarity, reason),
        most similar first, each report once."""
        members = set(self.stories[story].members)
        best: dict[int, tuple[float, str]] = {}
        for link in self.related:
            if link.left in members and link.right not in members:
                other = link.right
            elif link.right in members and link.left not in members:
                other = link.left
            else:
                continue
            if other not in best or best[other][0] < link.similarity:
                best[other] = (link.similarity, link.reason)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[0]))
        return [(article, similarity, reason) for article, (similarity, reason) in ranked]

    def lead_article(self, entry: int) -> int:
        return self.stories[~entry].members[0] if entry < 0 else entry

    def is_child(self, entry: int) -> bool:
        """True for a report shown under its story's header row."""
        return entry >= 0 and len(self.stories[self.story_of[entry]].members) > 1

    def toggle_expanded(self, story: int, expand: bool | None = None) -> bool:
        """Open or close a story; returns True when something changed."""
        if len(self.stories[story].members) < 2:
            return False
        want = story not in self.expanded if expand is None else expand
        if want == (story in self.expanded):
            return False
        (self.expanded.add if want else self.expanded.discard)(story)
        return True

    # -- marks -------------------------------------------------------------------------

    def toggle_mark(self, entry: int) -> None:
        """Mark (or unmark) the report — or all reports of a story header."""
        members = self.members(entry)
        if all(m in self.marks for m in members):
            for member in members:
                self.marks.pop(member, None)
        else:
            for member in members:
                self.marks.setdefault(member, None)

    def marked(self) -> list[int]:
        return list(self.marks)

    def clear_marks(self) -> None:
        self.marks.clear()

    def compare_choice(self, entry: int | None) -> list[int] | str:
        """The reports ``c`` compares (pivot first), or why there are none.

        The marked reports when two or more are marked; one marked report with the
        report (or story) under the cursor; else the reports of the story under the
        cursor (on its row or on one of its reports); else, when only two to four
        single reports are loaded (``newsdiff A B``), all of them.
        """
        marked = self.marked()
        if len(marked) >= 2:
            return marked
        if len(marked) == 1:
            if entry is not None and self.lead_article(entry) not in marked:
                return [marked[0], *[m for m in self.members(entry) if m != marked[0]]]
            return "One report is marked: mark another with space, then press c."
        if entry is not None:
            story = self.stories[self.story_at(entry)]
            if len(story.members) >= 2:
                return list(story.members)
        if 2 <= len(self.articles) <= 4 and all(len(s.members) == 1 for s in self.stories):
            return list(range(len(self.articles)))
        return "Mark two or more reports with space, then press c."

    def index_of(self, entry: int, hint: int = 0) -> int | None:
        """Where ``entry`` is in :attr:`entries` (None when filtered out)."""
        entries = self.entries
        if 0 <= hint < len(entries) and entries[hint] == entry:
            return hint
        try:
            return entries.index(entry)
        except ValueError:
            return None

    def find(self, predicate: Callable[[int], bool], start: int, step: int) -> int | None:
        """The next entry position from ``start`` (exclusive) where ``predicate`` holds."""
        position = start + step
        while 0 <= position < len(self.entries):
            if predicate(self.entries[position]):
                return position
            position += step
        return None
