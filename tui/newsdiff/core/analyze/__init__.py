"""From an :class:`Article` to a :class:`Document`: sentences, then spans.

Boilerplate sentences are kept (the reader shows them dimmed) but flagged, so later
stages can skip them without re-deriving anything.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsdiff.core.model import Article, Document, Sentence
from newsdiff.core.segment import split_sentences


def sentences_of(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, with boilerplate flagged and the dateline kept whole."""
    keep = (article.dateline,) if article.dateline else ()
    return tuple(
        Sentence(
            index=index,
            start=span.start,
            end=span.end,
            paragraph=span.paragraph,
            boilerplate=article.is_boilerplate(span.start, span.end),
            heading=span.heading,
        )
        for index, span in enumerate(split_sentences(article.text, keep_together=keep))
    )


def analyze(article: Article, known_names: Iterable[str] = ()) -> Document:
    """Sentences and spans of one article.

    ``known_names`` are entity names already found in other loaded reports, so a
    surname alone (``Medinsky``) is recognised after ``Vladimir Medinsky`` elsewhere.
    """
    from newsdiff.core.analyze.extract import extract_spans

    sentences = sentences_of(article)
    spans = extract_spans(article, sentences, known_names)
    return Document(article=article, sentences=sentences, spans=spans)


def analyze_all(articles: Iterable[Article]) -> list[Document]:
    """Analyse several articles together, so a name found in one is known in all.

    Entities are drafted for every article first and their confident names pooled in
    one name book; each article is then finished against the whole book, so
    ``Medinsky`` alone in one report gets ``Vladimir Medinsky`` from another. Drafting
    once and finishing once keeps the cost that of analysing each article alone.
    """
    from newsdiff.core.analyze.extract import merge_spans
    from newsdiff.core.analyze.extract.entities import draft_entities, fill_book, finish_entities
    from newsdiff.core.analyze.extract.memory import NameBook
    from newsdiff.core.analyze.extract.values import find_value_spans

    drafts = []
    book = NameBook()
    for article in articles:
        sentences = sentences_of(article)
        draft = draft_entities(article, sentences)
        fill_book(book, article, draft)
        drafts.append((article, sentences, draft))
    documents: list[Document] = []
    for article, sentences, draft in drafts:
        values = find_value_spans(article, sentences)
        entities = finish_entities(article, draft, book)
        spans = merge_spans([*values, *entities], sentences)
        documents.append(Document(article=article, sentences=sentences, spans=spans))
    return documents
