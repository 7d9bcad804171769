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
    chosen: list[Span] = []
    for span in sorted(spans, key=_priority, reverse=True):
        if span.end <= span.start:
            continue
        if any(span.start < other.end and other.start < span.end for other in chosen):
            continue
        chosen.append(span)
    chosen.sort(key=lambda s: (s.start, s.end))
    starts = [s.start for s in sentences]
    out: list[Span] = []
    for span in chosen:
        index = bisect_right(starts, span.start) - 1
        sentence = sentences[index].index if index >= 0 else -1
        out.append(span if span.sentence == sentence else replace(span, sentence=sentence))
    return tuple(out)
