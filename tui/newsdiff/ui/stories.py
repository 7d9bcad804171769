"""Where the library's story rows come from: the core's grouping, seen by the app.

The library shows stories (reports of one event) that expand to their reports. The
grouping itself is the core's (:mod:`newsdiff.core.group`); this module turns its
result into what the list needs — stories in load order, the stories each one is
related to, and an overlap figure per report — and runs it with the SQLite cache in
a way that can never take the app down: a cache that cannot be opened or fails
mid-run is dropped and the grouping done again without it, with a warning the screen
shows as a notification.

Nothing heavy is imported here at module level: the grouping (numpy, SQLite) is
imported inside :meth:`CoreStories.group`, which runs on a worker thread.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from newsdiff.core.model import Article

if TYPE_CHECKING:
    from newsdiff.core.group.model import Grouping as CoreGrouping
    from newsdiff.core.group.model import PairStats, RelatedLink

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``, called on the grouping thread."""
Cancelled = Callable[[], bool]


@dataclass(frozen=True, slots=True)
class Story:
    """Reports of one event, as indices into the library's article list."""

    members: tuple[int, ...]
    """Article indices, the likely source first when one is known."""
    related: tuple[int, ...] = ()
    """Indices of other stories that are related but not the same event."""
    source: int | None = None
    """The article index guessed to be the source, if any."""
    reasons: tuple[str, ...] = ()
    """Why :attr:`source` is the source (``earliest date (2025-07-23)`` …)."""
    pairs: tuple[PairStats, ...] = ()
    """The grouping's measurements per pair of members (article indices)."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """A grouping of the whole library into stories."""

    stories: tuple[Story, ...]
    overlap: Mapping[int, float] = field(default_factory=dict)
    """Article index → how much of it the other reports of its story share (0–1)."""
    related: tuple[RelatedLink, ...] = ()
    """Pairs of reports in different stories that share facts (article indices)."""
    warnings: tuple[str, ...] = ()
    """Things a person should know (the cache was set aside or not used)."""


class StorySource(Protocol):
    """Anything that can group articles into stories (in a worker thread)."""

    name: str

    def group(
        self,
        articles: Sequence[Article],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Grouping: ...


class CoreStories:
    """Stories from the core's grouping, with the SQLite cache when it can be used.

    ``cache_dir`` None means the core's default (``$NEWSDIFF_CACHE_DIR``, else the
    platformdirs user cache directory); ``use_cache=False`` groups in memory only.
    """

    name = "stories by copied text and shared facts"

    def __init__(self, cache_dir: Path | str | None = None, *, use_cache: bool = True) -> None:
        self.cache_dir = cache_dir
        self.use_cache = use_cache

    def prepare(self) -> None:
        """Import what grouping needs (numpy, SQLite, the cache), ahead of :meth:`group`."""
        import newsdiff.core.group.library
        import newsdiff.core.group.store  # noqa: F401

    def group(
        self,
        articles: Sequence[Article],
        progress: Progress | None = None,
        cancelled: Cancelled | None = None,
    ) -> Grouping:
        from newsdiff.core.compare.collector import collector_paused

        # Grouping makes hundreds of thousands of small objects (a stored grouping's
        # pairs and stories): the cycle collector would walk them again and again.
        with collector_paused():
            return self._group(articles, progress, cancelled)

    def _group(
        self, articles: Sequence[Article], progress: Progress | None, cancelled: Cancelled | None
    ) -> Grouping:
        from newsdiff.core.group import group_articles

        warnings: list[str] = []
        store = self._open_store(warnings) if self.use_cache else None
        try:
            result = group_articles(articles, store=store, progress=progress, cancelled=cancelled)
        except InterruptedError:
            raise
        except Exception as error:  # the cache's fault or not: once more without it
            if store is None:
                raise
            warnings.append(
                f"grouping with the story cache failed ({type(error).__name__}: {error}); "
                "grouped without it"
            )
            result = group_articles(articles, store=None, progress=progress, cancelled=cancelled)
        finally:
            if store is not None:
                _close_quietly(store)
        return from_core(result, warnings)

    def _open_store(self, warnings: list[str]) -> object | None:
        """The cache, or None (with a warning) when it cannot be opened at all."""
        try:
            from newsdiff.core.group.store import StoryStore

            return StoryStore(self.cache_dir, warn=warnings.append)
        except Exception as error:  # unreadable folder, locked or foreign file…
            warnings.append(f"story cache not used ({type(error).__name__}: {error})")
            return None


def _close_quietly(store: object) -> None:
    try:
        store.close()  # type: ignore[attr-defined]
    except Exception:  # closing a broken cache must not lose the grouping
        return


def from_core(grouping: CoreGrouping, warnings: Sequence[str] = ()) -> Grouping:
    """The core's grouping as the library shows it.

    Stories come in load order (by their first-loaded report) so the list keeps the
    order the files were given in; each report's overlap is the largest share of its
    words that another report of its story copied or rewrote (from the pair shares,
    in the right direction).
    """
    core_stories = grouping.stories
    order = sorted(range(len(core_stories)), key=lambda s: min(core_stories[s].articles))
    new_index = [0] * len(core_stories)
    for new, old in enumerate(order):
        new_index[old] = new
    count = 1 + max((max(s.articles) for s in core_stories), default=-1)
    story_of = [-1] * count
    for old, story in enumerate(core_stories):
        for article in story.articles:
            story_of[article] = new_index[old]
    linked: dict[int, set[int]] = {}
    for link in grouping.related:
        if link.left >= count or link.right >= count:
            continue
        left, right = story_of[link.left], story_of[link.right]
        if left < 0 or right < 0 or left == right:
            continue
        linked.setdefault(left, set()).add(right)
        linked.setdefault(right, set()).add(left)
    overlap: dict[int, float] = {}
    get = overlap.get
    for story in core_stories:
        for pair in story.pairs:
            left, right = pair.left, pair.right
            share = pair.copied + pair.rewritten
            if share > get(left, -1.0):
                overlap[left] = share if share < 1.0 else 1.0
            share = pair.copied_back + pair.rewritten_back
            if share > get(right, -1.0):
                overlap[right] = share if share < 1.0 else 1.0
    stories = []
    append = stories.append
    for new, old in enumerate(order):
        story = core_stories[old]
        source = story.source
        related = linked.get(new)
        append(
            Story(
                story.articles,
                tuple(sorted(related)) if related else (),
                source.article if source else None,
                source.reasons if source else (),
                story.pairs,
            )
        )
    return Grouping(tuple(stories), overlap, tuple(grouping.related), tuple(warnings))


def default_story_source() -> StorySource:
    """The grouping the app uses: the core's, with the cache."""
    return CoreStories()
