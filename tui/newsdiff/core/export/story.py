"""A story to export: its reports and the comparison of each pair of them.

The export needs only what :class:`~newsdiff.core.export.common.StoryExport` holds, so
it does not depend on how a story was found. :func:`build_story` makes one from
reports that belong together by comparing every pair with the engine. What the
grouping (:mod:`newsdiff.core.group`) knows about them — the likely source and why,
and each pair's similarity and copied/rewritten shares in both directions — goes in
too: from a story the grouping found (:func:`story_from_grouping`, what the app
exports), or, when the caller names the reports itself (``newsdiff export --story``),
from running the grouping over just those reports (:func:`measure`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import TYPE_CHECKING

from newsdiff.core.export.common import StoryExport, StoryPair
from newsdiff.core.model import Comparison, Document

if TYPE_CHECKING:
    from newsdiff.core.group.model import PairStats as GroupPair
    from newsdiff.core.group.model import Story as GroupStory

PairStats = Mapping[tuple[int, int], Mapping[str, float | bool | None]]
"""What a grouping measured for a pair of report indices (``{"copied": 0.8}``), keyed
by (left, right) as the export will show the pair."""


@dataclass(frozen=True, slots=True)
class Measured:
    """What the grouping says about a set of reports: the source, why, the pair stats."""

    source: int | None
    reasons: tuple[str, ...]
    stats: PairStats
    pairs: tuple[tuple[int, int], ...] = ()
    """The pairs the grouping measured, in its order (source first)."""


def pair_stats(pairs: Iterable[GroupPair], position: Callable[[int], int] = int) -> PairStats:
    """The grouping's pair measurements keyed both ways round.

    ``copied``/``rewritten`` are shares of the pair's *left* report, so the reversed
    key swaps them with the ``_back`` figures; ``position`` maps the grouping's article
    indices to the export's report indices.
    """
    stats: dict[tuple[int, int], dict[str, float | bool | None]] = {}
    for pair in pairs:
        left, right = position(pair.left), position(pair.right)
        shared = round(pair.similarity, 4)
        stats[(left, right)] = {
            "grouping_similarity": shared,
            "copied": round(pair.copied, 4),
            "rewritten": round(pair.rewritten, 4),
            "copied_back": round(pair.copied_back, 4),
            "rewritten_back": round(pair.rewritten_back, 4),
        }
        stats[(right, left)] = {
            "grouping_similarity": shared,
            "copied": round(pair.copied_back, 4),
            "rewritten": round(pair.rewritten_back, 4),
            "copied_back": round(pair.copied, 4),
            "rewritten_back": round(pair.rewritten, 4),
        }
    return stats


def from_group_story(story: GroupStory, position: Callable[[int], int] = int) -> Measured:
    """A story the grouping found, in the export's report indices."""
    source = position(story.source.article) if story.source else None
    return Measured(
        source=source,
        reasons=tuple(story.source.reasons) if story.source else (),
        stats=pair_stats(story.pairs, position),
        pairs=tuple((position(p.left), position(p.right)) for p in story.pairs),
    )


def measure(documents: Sequence[Document]) -> Measured | None:
    """Run the grouping over just these reports: the source of the largest story
    among them (when it has two or more reports) and every pair it measured.

    None when the grouping cannot run (a build without numpy, say): the story is
    then exported without the grouping's figures, as before.
    """
    try:
        from newsdiff.core.group import group
    except ImportError:
        return None
    grouping = group([d.article for d in documents])
    stats: dict[tuple[int, int], Mapping[str, float | bool | None]] = {}
    for story in grouping.stories:
        stats.update(pair_stats(story.pairs))
    largest = max(grouping.stories, key=len, default=None)
    if largest is None or len(largest) < 2 or largest.source is None:
        return Measured(None, (), stats)
    return Measured(largest.source.article, tuple(largest.source.reasons), stats)


def story_from_grouping(
    documents: Sequence[Document],
    story: GroupStory,
    *,
    position: Callable[[int], int] = int,
    comparisons: Mapping[tuple[int, int], Comparison] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> StoryExport:
    """Export a story the grouping found: its source, reasons, pairs and figures.

    ``position`` maps the grouping's article indices to indices into ``documents``
    (the app numbers articles across its whole library).
    """
    measured = from_group_story(story, position)
    return build_story(
        documents,
        source=measured.source,
        reasons=measured.reasons,
        pairs=measured.pairs or None,
        stats=measured.stats,
        comparisons=comparisons,
        progress=progress,
    )


def build_story(
    documents: Sequence[Document],
    *,
    source: int | None = None,
    reasons: Sequence[str] = (),
    pairs: Sequence[tuple[int, int]] | None = None,
    stats: PairStats | None = None,
    comparisons: Mapping[tuple[int, int], Comparison] | None = None,
    measure_with_grouping: bool = True,
    progress: Callable[[int, int], None] | None = None,
) -> StoryExport:
    """Compare the pairs of a story (every pair unless ``pairs`` names them).

    The likely source, when known, is the left side of each of its pairs, so its
    wording is the baseline the others are read against. When the caller gives no
    source and no figures, the grouping is run over the reports for them
    (``measure_with_grouping``). ``comparisons`` already made (by the app's story
    screen) are reused, keyed by (left, right) as shown. ``progress(done, total)`` is
    called after each comparison (a UI worker shows it).
    """
    from newsdiff.core.compare import compare

    if source is not None and not 0 <= source < len(documents):
        raise ValueError(f"source {source} is not one of the {len(documents)} reports")
    if source is None and stats is None and measure_with_grouping and len(documents) > 1:
        measured = measure(documents)
        if measured is not None:
            source, reasons, stats = measured.source, measured.reasons, measured.stats
    wanted = list(pairs) if pairs is not None else list(combinations(range(len(documents)), 2))
    stats = stats or {}
    comparisons = comparisons or {}
    built: list[StoryPair] = []
    for done, (left, right) in enumerate(wanted, start=1):
        if right == source:
            left, right = right, left
        measured_pair = stats.get((left, right)) or stats.get((right, left)) or {}
        comparison = comparisons.get((left, right)) or compare(documents[left], documents[right])
        built.append(
            StoryPair(
                left=left,
                right=right,
                comparison=comparison,
                stats=tuple(measured_pair.items()),
            )
        )
        if progress is not None:
            progress(done, len(wanted))
    return StoryExport(
        documents=tuple(documents),
        pairs=tuple(built),
        source=source,
        source_reasons=tuple(reasons) if source is not None else (),
    )
