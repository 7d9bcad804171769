"""From an :class:`Article` to a :class:`Document`: sentences, then spans.

Boilerplate sentences are kept (the reader shows them dimmed) but flagged, so later
stages can skip them without re-deriving anything.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from newsdiff.core.model import Article, Document, Region, Sentence
from newsdiff.core.segment import sentence_bounds


def sentences_of(article: Article) -> tuple[Sentence, ...]:
    """The article's sentences, with boilerplate flagged and the dateline kept whole.

    Every load of every article comes through here, so the sentences are built
    straight from the splitter's plain tuples, and boilerplate is matched region by
    region (a handful per article) instead of testing every sentence against every
    region; :meth:`Article.is_boilerplate` gives the same answer for each sentence.
    """
    keep = (article.dateline,) if article.dateline else ()
    bounds = sentence_bounds(article.text, keep_together=keep)
    if not article.boilerplate:
        return tuple(
            Sentence(index, start, end, paragraph, False, heading)
            for index, (start, end, paragraph, heading) in enumerate(bounds)
        )
    flagged = _mostly_inside(bounds, article.boilerplate)
    return tuple(
        Sentence(index, start, end, paragraph, index in flagged, heading)
        for index, (start, end, paragraph, heading) in enumerate(bounds)
    )


def _mostly_inside(
    bounds: list[tuple[int, int, int, bool]], regions: tuple[Region, ...]
) -> set[int]:
    """Indices of the sentences at least half covered by the regions.

    Sentences are in order and do not overlap, so those a region touches are found by
    bisecting on the region's end and walking back while they still reach into it.
    """
    covered: dict[int, int] = {}
    for region in regions:
        k = bisect_left(bounds, (region.end,)) - 1  # the last sentence starting before it
        while k >= 0 and bounds[k][1] > region.start:
            start, end = bounds[k][0], bounds[k][1]
            overlap = min(end, region.end) - max(start, region.start)
            if overlap > 0:
                covered[k] = covered.get(k, 0) + overlap
            k -= 1
    return {k for k, chars in covered.items() if chars * 2 >= bounds[k][1] - bounds[k][0]}


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
