"""Numbers, quantities, money, percentages, dates and times (issue: extraction).

Placeholder until the value extractor lands: finds nothing.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.core.model import Article, Sentence, Span


def find_value_spans(article: Article, sentences: Sequence[Sentence]) -> list[Span]:
    """Value spans in ``article`` (none yet)."""
    return []
