"""Groupings as plain data (for the cache), and renumbered to another article order."""

from __future__ import annotations

from typing import Any

import numpy as np

from newsdiff.core.group.model import Grouping, PairStats, RelatedLink, SourceGuess, Story


def grouping_record(grouping: Grouping) -> dict[str, Any]:
    """A :class:`Grouping` as plain JSON-able data (for the cache)."""
    return {
        "stories": [
            [
                list(story.articles),
                [story.source.article, list(story.source.reasons)] if story.source else None,
                [
                    [p.left, p.right, p.similarity, p.copied, p.rewritten, p.copied_back,
                     p.rewritten_back]
                    for p in story.pairs
                ],
            ]
            for story in grouping.stories
        ],
        "related": [[r.left, r.right, r.similarity, r.reason] for r in grouping.related],
    }  # fmt: skip


def grouping_from_record(record: dict[str, Any], count: int) -> Grouping:
    stories = []
    story_of = np.full(count, -1, dtype=np.int64)
    for number, (articles, source, pairs) in enumerate(record["stories"]):
        stories.append(
            Story(
                articles=tuple(articles),
                source=SourceGuess(source[0], tuple(source[1])) if source else None,
                pairs=tuple(PairStats(*pair) for pair in pairs),
            )
        )
        story_of[articles] = number
    if (story_of < 0).any():
        raise ValueError("stored grouping does not cover every article")
    related = tuple(RelatedLink(*link) for link in record["related"])
    return Grouping(stories=tuple(stories), related=related, story_of=tuple(story_of.tolist()))


def renumber(grouping: Grouping, order: np.ndarray) -> Grouping:
    """The grouping with article ``i`` renamed ``order[i]`` (table row → input order)."""
    new = order.tolist()

    def pair(p: PairStats) -> PairStats:
        return PairStats(new[p.left], new[p.right], p.similarity, p.copied, p.rewritten,
                         p.copied_back, p.rewritten_back)  # fmt: skip

    stories = tuple(
        Story(
            articles=tuple(new[a] for a in story.articles),
            source=SourceGuess(new[story.source.article], story.source.reasons)
            if story.source
            else None,
            pairs=tuple(pair(p) for p in story.pairs),
        )
        for story in grouping.stories
    )
    related = tuple(
        RelatedLink(min(new[r.left], new[r.right]), max(new[r.left], new[r.right]),
                    r.similarity, r.reason)
        for r in grouping.related
    )  # fmt: skip
    story_of = [0] * len(new)
    for row, number in enumerate(grouping.story_of):
        story_of[new[row]] = number
    related = tuple(sorted(related, key=lambda r: (r.left, r.right)))
    return Grouping(stories=stories, related=related, story_of=tuple(story_of))
