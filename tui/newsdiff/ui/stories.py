"""Where the library's story rows come from: a pluggable grouping source.

The library shows stories (reports of one event) that expand to their reports. Until
the core can group reports (issue 5), every article is its own story; the grouping
engine will plug in as another :class:`StorySource` without the list changing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from newsdiff.core.model import Article


@dataclass(frozen=True, slots=True)
class Story:
    """Reports of one event, as indices into the library's article list."""

    members: tuple[int, ...]
    """Article indices, the likely source first when one is known."""
    related: tuple[int, ...] = ()
    """Indices of other stories that are related but not the same event."""
    source: int | None = None
    """The article index guessed to be the source, if any."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """A grouping of the whole library into stories."""

    stories: tuple[Story, ...]
    overlap: Mapping[int, float] = field(default_factory=dict)
    """Article index → how much of it the other reports of its story share (0–1)."""


class StorySource(Protocol):
    """Anything that can group articles into stories (in a worker thread)."""

    name: str

    def group(self, articles: Sequence[Article]) -> Grouping: ...


class SingletonStories:
    """Every article its own story: the grouping until the core can do better."""

    name = "one story per article"

    def group(self, articles: Sequence[Article]) -> Grouping:
        return Grouping(tuple(Story((index,)) for index in range(len(articles))))


def default_story_source() -> StorySource:
    """The best grouping this build of the core offers."""
    return SingletonStories()
