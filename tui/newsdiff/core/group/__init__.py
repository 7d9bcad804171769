"""Group reports into stories: which overlap, how much, and which is the source.

    from newsdiff.core.group import group
    grouping = group(articles, progress=on_progress, cancelled=event.is_set)
    for story in grouping.stories:
        story.articles, story.source, story.pairs
    grouping.related

``group`` works in memory; ``group_articles(articles, store=StoryStore())`` does the same
with the SQLite cache (features by content hash, finished groupings by input), and
``group_paths`` (what ``newsdiff stories`` runs) reads files itself so unchanged ones are
not read at all. All three are safe to call from a worker thread (one call per thread;
``progress(stage, done, total)`` is called on that thread; ``cancelled()`` is polled and
a cancelled run raises :class:`InterruptedError`).

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
- :mod:`store`, :mod:`codec`, :mod:`records` and :mod:`library` — the SQLite cache that
  makes reopening a folder cheap, and grouping with it.
"""

from __future__ import annotations

from newsdiff.core.group.model import Grouping, PairStats, RelatedLink, SourceGuess, Story
from newsdiff.core.group.pipeline import Progress, compute_features, group, group_features


def group_articles(*args, **kwargs):  # type: ignore[no-untyped-def]
    """See :func:`newsdiff.core.group.library.group_articles` (imported on first use:
    the cache pulls in SQLite and ingest)."""
    from newsdiff.core.group.library import group_articles as cached

    return cached(*args, **kwargs)


__all__ = [
    "Grouping",
    "PairStats",
    "Progress",
    "RelatedLink",
    "SourceGuess",
    "Story",
    "compute_features",
    "group",
    "group_articles",
    "group_features",
]
