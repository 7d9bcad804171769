"""From clusters of article numbers to :class:`Story` objects and related links.

For each story of two or more reports: the pair statistics (:mod:`shares`), the source
guess (:mod:`source`) and the reading order (source first, then by date). Between
stories: related links — verified pairs that share facts but are not one story,
each report keeping its :data:`RELATED_PER_ARTICLE` most similar ones.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import combinations
from typing import Final

import numpy as np

from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.model import Grouping, PairStats, RelatedLink, Story
from newsdiff.core.group.pairs import best_per_article
from newsdiff.core.group.shares import measure_pairs
from newsdiff.core.group.source import ReportFacts, guess_source
from newsdiff.core.group.verify import Evidence

MAX_ALL_PAIRS: Final = 8
"""Stories of up to this many reports get every pair measured; larger ones get the
source (or first report) against each other report — linear, not quadratic."""
RELATED_THRESHOLD: Final = 0.3
"""Similarity (shared facts and words) at which reports of two stories are related."""
RELATED_PER_ARTICLE: Final = 3


def assemble(
    clusters: Sequence[Sequence[int]],
    evidence: Evidence,
    table: FeatureTable,
    reports: Sequence[ReportFacts],
    cancelled: Callable[[], bool] | None = None,
) -> Grouping:
    """Stories (largest first) with pair statistics and sources, and related links."""
    if cancelled is not None and cancelled():
        raise InterruptedError("grouping cancelled")
    ordered = [
        sorted(members, key=lambda m: (reports[m].published or "9999", m)) for members in clusters
    ]
    wanted = [_wanted(members) for members in ordered]
    measured = _measured(table, [pair for pairs in wanted for pair in pairs])
    stories: list[Story] = []
    for members, pairs in zip(ordered, wanted, strict=True):
        if len(members) == 1:
            stories.append(Story(articles=(members[0],)))
            continue
        stats = [measured[pair] for pair in pairs]
        source = guess_source(members, reports, stats)
        if source is not None and len(members) > MAX_ALL_PAIRS and source.article != members[0]:
            star = [(source.article, other) for other in members if other != source.article]
            again = _measured(table, star)
            stats = [again[pair] for pair in star]
            source = guess_source(members, reports, stats) or source
        if source is not None:
            members = [source.article, *(m for m in members if m != source.article)]
        stories.append(Story(articles=tuple(members), source=source, pairs=tuple(stats)))
    stories.sort(key=lambda story: (-len(story), story.articles[0]))
    story_of = [0] * len(reports)
    for number, story in enumerate(stories):
        for article in story.articles:
            story_of[article] = number
    return Grouping(
        stories=tuple(stories), related=_related(evidence, story_of), story_of=tuple(story_of)
    )


def _wanted(members: Sequence[int]) -> list[tuple[int, int]]:
    if len(members) <= MAX_ALL_PAIRS:
        return list(combinations(members, 2))
    return [(members[0], other) for other in members[1:]]


def _measured(
    table: FeatureTable, pairs: Sequence[tuple[int, int]]
) -> dict[tuple[int, int], PairStats]:
    shares = measure_pairs(table, [a for a, _ in pairs], [b for _, b in pairs])
    return {
        (a, b): PairStats(a, b, s.similarity, s.copied, s.rewritten, s.copied_back,
                          s.rewritten_back)
        for (a, b), s in zip(pairs, shares, strict=True)
    }  # fmt: skip


def _related(evidence: Evidence, story_of: Sequence[int]) -> tuple[RelatedLink, ...]:
    """Pairs of reports of different stories that share enough: each report keeps its
    :data:`RELATED_PER_ARTICLE` most similar."""
    if not len(evidence):
        return ()
    stories = np.asarray(story_of, dtype=np.int64)
    similarity = evidence.similarity
    candidates = np.flatnonzero(
        (stories[evidence.left] != stories[evidence.right]) & (similarity >= RELATED_THRESHOLD)
    )
    keep = candidates[
        best_per_article(
            evidence.left[candidates],
            evidence.right[candidates],
            similarity[candidates],
            RELATED_PER_ARTICLE,
        )
    ]
    # Pairs are distinct, so ordering them by (left, right) first is the links' order.
    keep = keep[np.lexsort((evidence.right[keep], evidence.left[keep]))]
    conflict, counts = evidence.conflict[keep], evidence.counts_differ[keep]
    reasons = np.where(conflict, "different day", np.where(counts, "different counts",
                                                             "shares facts"))  # fmt: skip
    # Plain Python numbers first (``tolist``): a numpy scalar per field is slow.
    return tuple(
        RelatedLink(a, b, round(s, 4), why)
        for a, b, s, why in zip(
            evidence.left[keep].tolist(), evidence.right[keep].tolist(),
            similarity[keep].tolist(), reasons.tolist(), strict=True,
        )
    )  # fmt: skip
