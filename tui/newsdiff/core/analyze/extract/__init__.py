"""Find spans in an article: values (numbers, amounts, dates) and entities.

Two extractors run independently — :mod:`values` for NUMBER/QUANTITY/MONEY/PERCENT/
DATE/TIME and :mod:`entities` for PERSON/ORG/PLACE — and :func:`merge_spans` makes one
non-overlapping, ordered list with each span tied to its sentence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace

from newsdiff.core.model import ENTITY_KINDS, Article, Sentence, Span


def extract_spans(
    article: Article,
    sentences: Sequence[Sentence],
    known_names: Iterable[str] = (),
) -> tuple[Span, ...]:
    """All spans of ``article``; ``known_names`` are entity names found in other reports."""
    from newsdiff.core.analyze.extract.entities import find_entity_spans
    from newsdiff.core.analyze.extract.values import find_value_spans

    values = find_value_spans(article, sentences)
    entities = find_entity_spans(article, sentences, known_names)
    return merge_spans([*values, *entities], sentences)


def _priority(span: Span) -> tuple[int, int]:
    """Longer spans win; on a tie a value beats an entity (``G20`` is not a number…)."""
    return (span.end - span.start, 0 if span.kind in ENTITY_KINDS else 1)


def merge_spans(spans: Iterable[Span], sentences: Sequence[Sentence]) -> tuple[Span, ...]:
    """Ordered, non-overlapping spans, each with the index of the sentence it is in."""
    # The chosen spans never overlap, so kept ordered by start they are ordered by end
    # too, and a new span can only clash with its two neighbours: a bisection per span,
    # not a scan of everything chosen (which was quadratic on a 10 MB one-line text).
    chosen: list[Span] = []
    chosen_starts: list[int] = []
    chosen_ends: list[int] = []
    for span in sorted(spans, key=_priority, reverse=True):
        if span.end <= span.start:
            continue
        at = bisect_right(chosen_starts, span.start)
        if at > 0 and chosen_ends[at - 1] > span.start:
            continue
        if at < len(chosen_starts) and chosen_starts[at] < span.end:
            continue
        chosen_starts.insert(at, span.start)
        chosen_ends.insert(at, span.end)
        chosen.insert(at, span)
    starts = [s.start for s in sentences]
    out: list[Span] = []
    for span in chosen:
        index = bisect_right(starts, span.start) - 1
        sentence = sentences[index].index if index >= 0 else -1
        out.append(span if span.sentence == sentence else replace(span, sentence=sentence))
    return tuple(out)
