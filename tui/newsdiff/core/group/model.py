"""What grouping produces: stories of reports, pair statistics, sources and related links.

Articles are referred to by their index in the sequence given to
:func:`newsdiff.core.group.group`, so the app can keep its own list and the CLI its
paths; nothing here holds article text.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class PairStats:
    """Two reports of one story, measured both ways.

    ``copied`` and ``rewritten`` are shares of the *left* report's words: sentences
    found (nearly) verbatim in the right report, and sentences that line up with one of
    the right report's but were reworded. ``copied_back`` and ``rewritten_back`` are
    the same for the right report in the left.
    """

    left: int
    right: int
    similarity: float
    """Share of both reports' words in sentences that line up (see :mod:`shares`)."""
    copied: float
    rewritten: float
    copied_back: float
    rewritten_back: float


@dataclass(frozen=True, slots=True)
class SourceGuess:
    """The report that is probably the source of the others, and why."""

    article: int
    reasons: tuple[str, ...]
    """Short phrases a person can read: ``earliest date (2025-07-23)``, ``wire dateline
    (ANTARA)``, ``contains what 004 has (82%)``."""


@dataclass(frozen=True, slots=True)
class Story:
    """Reports of one event."""

    articles: tuple[int, ...]
    """Article indices: the source first when there is one, then by date and index."""
    source: SourceGuess | None = None
    pairs: tuple[PairStats, ...] = ()
    """Pair statistics: every pair for small stories, the source (or first report)
    against each other report for large ones (see ``MAX_ALL_PAIRS``)."""

    def __len__(self) -> int:
        return len(self.articles)


@dataclass(frozen=True, slots=True)
class RelatedLink:
    """Two reports of different stories that share facts: the same topic, a follow-up."""

    left: int
    right: int
    similarity: float
    reason: str
    """Why they are related but not one story: ``different day``, ``different counts``
    or ``shares facts``."""


@dataclass(frozen=True, slots=True)
class Grouping:
    """Every article in exactly one story (reports on their own are stories of one)."""

    stories: tuple[Story, ...]
    related: tuple[RelatedLink, ...] = ()
    story_of: tuple[int, ...] = field(default=())
    """Article index → index into ``stories``."""

    def story_for(self, article: int) -> Story:
        return self.stories[self.story_of[article]]

    def related_to(self, article: int) -> tuple[RelatedLink, ...]:
        return tuple(link for link in self.related if article in (link.left, link.right))
