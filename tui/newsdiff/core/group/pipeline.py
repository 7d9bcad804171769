"""The grouping pipeline: features → candidates → verification → stories → statistics.

Every stage is vectorised over the whole corpus or runs per candidate pair, never over
all pairs. Progress is reported as ``(stage, done, total)`` and a cancel check is
polled between batches, so a thread worker can show a bar and stop the work early
(:class:`InterruptedError` is raised on cancel).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Final

import numpy as np

from newsdiff.core.group.assemble import assemble
from newsdiff.core.group.cluster import average_linkage, shared_neighbours
from newsdiff.core.group.features import FeatureTable, extract, grouping_text
from newsdiff.core.group.index import fact_pairs
from newsdiff.core.group.lsh import lsh_pairs
from newsdiff.core.group.model import Grouping
from newsdiff.core.group.pairs import unique_sorted
from newsdiff.core.group.source import ReportFacts
from newsdiff.core.group.verify import Evidence, verify
from newsdiff.core.group.vocabulary import Vocabulary
from newsdiff.core.group.weights import CorpusWeights, corpus_weights
from newsdiff.core.model import Article

Progress = Callable[[str, int, int], None]
"""``progress(stage, done, total)``; stages: features, candidates, verify, stories."""
Cancelled = Callable[[], bool]

BATCH: Final = 512
"""Articles per feature batch: big enough for numpy to pay off, small enough to report
progress often and keep temporary arrays small."""


def report_facts(article: Article) -> ReportFacts:
    """What source guessing needs from an article."""
    dateline = False
    if article.dateline and article.outlet:
        start, end = article.dateline
        dateline = f"({article.outlet}".casefold() in article.text[start:end].casefold()
    name = article.path.replace("\\", "/").rsplit("/", 1)[-1]
    return ReportFacts(
        name=name,
        published=article.published,
        outlet=article.outlet,
        agency=article.agency,
        agency_dateline=dateline,
    )


def compute_features(
    articles: Sequence[Article],
    vocabulary: Vocabulary | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> FeatureTable:
    """Grouping features of ``articles``, in batches (see :mod:`features`)."""
    vocabulary = vocabulary or Vocabulary()
    parts = []
    for start in range(0, len(articles), BATCH):
        if cancelled is not None and cancelled():
            raise InterruptedError("grouping cancelled")
        batch = articles[start : start + BATCH]
        parts.append(
            extract([grouping_text(a) for a in batch], [a.published for a in batch], vocabulary)
        )
        if progress is not None:
            progress("features", min(start + BATCH, len(articles)), len(articles))
    if not parts:
        return extract([], [], vocabulary)
    return FeatureTable.concat(parts)


def candidate_pairs(table: FeatureTable, weights: CorpusWeights) -> tuple[np.ndarray, np.ndarray]:
    """Pairs worth verifying: shared sketch bands (copies) or shared rare facts (rewrites)."""
    count = len(table)
    copy_left, copy_right = lsh_pairs(table.signature)
    fact_left, fact_right = fact_pairs(table, weights)
    keys = unique_sorted(
        np.concatenate([copy_left * count + copy_right, fact_left * count + fact_right])
    )
    return keys // max(count, 1), keys % max(count, 1)


def story_clusters(
    table: FeatureTable, cancelled: Cancelled | None = None, progress: Progress | None = None
) -> tuple[list[list[int]], Evidence]:
    """Clusters of article numbers and the verified evidence they were built from."""
    count = len(table)
    weights = corpus_weights(table)
    if progress is not None:
        progress("candidates", 0, 1)
    left, right = candidate_pairs(table, weights)
    if progress is not None:
        progress("verify", 0, len(left))
    evidence = verify(table, weights, left, right)
    if cancelled is not None and cancelled():
        raise InterruptedError("grouping cancelled")
    score = evidence.story_score
    neighbours = shared_neighbours(count, evidence.left, evidence.right, score)
    scaled = np.where(score > 0, score * np.sqrt(neighbours), score)
    if progress is not None:
        progress("stories", 0, count)
    clusters = average_linkage(count, evidence.left, evidence.right, scaled, cancelled=cancelled)
    return clusters, evidence


def group_features(
    table: FeatureTable,
    reports: Sequence[ReportFacts],
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Grouping:
    """Stories of the articles whose features are ``table`` (one report each)."""
    clusters, evidence = story_clusters(table, cancelled, progress)
    if progress is not None:
        progress("measure", 0, 1)
    return assemble(clusters, evidence, table, reports, cancelled)


def group(
    articles: Sequence[Article],
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
    features: FeatureTable | None = None,
) -> Grouping:
    """Group ``articles`` into stories. See the package docstring."""
    table = (
        features
        if features is not None
        else compute_features(articles, progress=progress, cancelled=cancelled)
    )
    return group_features(table, [report_facts(a) for a in articles], progress, cancelled)
