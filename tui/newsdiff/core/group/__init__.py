"""Group reports into stories: which overlap, how much, and which is the source.

    from newsdiff.core.group import group
    grouping = group(articles, progress=on_progress, cancelled=event.is_set)
    for story in grouping.stories:
        story.articles, story.source, story.pairs
    grouping.related

The stages, one module each:

- :mod:`vocabulary` — whitespace tokens, each distinct token judged once;
- :mod:`features` — per-article shingle sketch, content terms, facts, counts, lead
  anchor and sentences, vectorised over batches (:mod:`minhash`, :mod:`anchors`);
- :mod:`weights` — corpus IDF for terms and facts;
- :mod:`lsh` and :mod:`index` — candidate pairs from copied text and from shared rare
  facts (:mod:`pairs` holds the shared array helpers);
- :mod:`verify` — exact evidence for every candidate (never the sketch alone);
- :mod:`cluster` — average linkage over shared-neighbour-scaled scores: stories;
- :mod:`shares` and :mod:`source` — copied and rewritten shares per pair, the source;
- :mod:`assemble` — :class:`Story` objects and related links;
- :mod:`store` — the SQLite cache that makes reopening a folder cheap.
"""

from __future__ import annotations

from newsdiff.core.group.model import Grouping, PairStats, RelatedLink, SourceGuess, Story
from newsdiff.core.group.pipeline import Progress, compute_features, group, group_features

__all__ = [
    "Grouping",
    "PairStats",
    "Progress",
    "RelatedLink",
    "SourceGuess",
    "Story",
    "compute_features",
    "group",
    "group_features",
]
