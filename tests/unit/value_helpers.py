"""Run the value extractor on one short text (shared by the value unit tests)."""

from __future__ import annotations

import datetime as dt

from newsdiff.core.analyze import sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.model import Article, Span

TODAY = dt.date(2026, 1, 1)


def spans_of(text: str, lang: str = "id", published: str | None = None) -> list[Span]:
    article = Article(path="t", text=text, title="", language=lang, published=published)
    return find_value_spans(article, sentences_of(article), today=TODAY)


def values_of(text: str, lang: str = "id", published: str | None = None) -> list[tuple]:
    """``(kind, text, value)`` of every value span."""
    return [(s.kind.value, s.text, s.value) for s in spans_of(text, lang, published)]
