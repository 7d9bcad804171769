"""A story to export: its reports and the comparison of each pair of them.

The export needs only what :class:`~newsdiff.core.export.common.StoryExport` holds, so
it does not depend on how a story was found. :func:`build_story` makes one from
reports that belong together — the ones a person named (``newsdiff export --story``),
or a story the grouping found, whose likely source and pair measurements can be
passed along — by comparing every pair with the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from newsdiff.core.export.common import StoryExport, StoryPair
from newsdiff.core.model import Document

PairStats = Mapping[tuple[int, int], Mapping[str, float | bool | None]]
"""What a grouping measured for a pair of report indices (``{"copied": 0.8}``)."""


def build_story(
    documents: Sequence[Document],
    *,
    source: int | None = None,
    pairs: Sequence[tuple[int, int]] | None = None,
    stats: PairStats | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> StoryExport:
    """Compare the pairs of a story (every pair unless ``pairs`` names them).

    The likely source, when known, is the left side of each of its pairs, so its
    wording is the baseline the others are read against. ``progress(done, total)``
    is called after each comparison (a UI worker shows it).
    """
    from newsdiff.core.compare import compare

    if source is not None and not 0 <= source < len(documents):
        raise ValueError(f"source {source} is not one of the {len(documents)} reports")
    wanted = list(pairs) if pairs is not None else list(combinations(range(len(documents)), 2))
    stats = stats or {}
    built: list[StoryPair] = []
    for done, (left, right) in enumerate(wanted, start=1):
        if right == source:
            left, right = right, left
        measured = stats.get((left, right)) or stats.get((right, left)) or {}
        built.append(
            StoryPair(
                left=left,
                right=right,
                comparison=compare(documents[left], documents[right]),
                stats=tuple(measured.items()),
            )
        )
        if progress is not None:
            progress(done, len(wanted))
    return StoryExport(documents=tuple(documents), pairs=tuple(built), source=source)
