"""People, organisations and places (issue: extraction).

Placeholder until the entity extractor lands: finds nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from newsdiff.core.model import Article, Sentence, Span


def find_entity_spans(
    article: Article, sentences: Sequence[Sentence], known_names: Iterable[str] = ()
) -> list[Span]:
    """Entity spans in ``article`` (none yet)."""
    return []
