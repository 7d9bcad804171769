"""The library's ``/`` filter: words that must all match, some tied to a field.

``istanbul`` matches the title, outlet, path or body text; ``outlet:antara``,
``lang:en``, ``title:…``, ``entity:medinsky`` and ``text:…`` look in one place only.
Quotes keep a phrase together (``"tiga putaran"``). Matching ignores case. Every term
must match (AND), which is how people narrow a list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from newsdiff.core.model import Article

FIELDS: Final = {
    "title": "title",
    "outlet": "outlet",
    "lang": "language",
    "language": "language",
    "entity": "entity",
    "text": "text",
    "path": "path",
}
"""Prefix a person types → the field it looks in."""


@dataclass(frozen=True, slots=True)
class Term:
    """One thing that must match: ``field`` is None for "anywhere"."""

    field: str | None
    needle: str

    def pattern(self) -> re.Pattern[str]:
        return re.compile(re.escape(self.needle), re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed filter."""

    terms: tuple[Term, ...]

    @property
    def uses_entities(self) -> bool:
        return any(term.field == "entity" for term in self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


def parse_query(text: str) -> Query:
    """The terms in what a person typed (unbalanced quotes are taken literally)."""
    import shlex  # deferred: the library's first screen imports this module, not a query

    try:
        words = shlex.split(text)
    except ValueError:
        words = text.split()
    terms: list[Term] = []
    for word in words:
        prefix, colon, rest = word.partition(":")
        if colon and prefix.lower() in FIELDS and rest:
            terms.append(Term(FIELDS[prefix.lower()], rest.casefold()))
        elif word:
            terms.append(Term(None, word.casefold()))
    return Query(tuple(terms))


def matching(
    articles: Sequence[Article],
    query: Query,
    entities: Mapping[int, frozenset[str]] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
    offset: int = 0,
) -> list[bool] | None:
    """Which articles match ``query`` (None when cancelled part-way).

    ``entities`` maps an article index to the casefolded names and values of its
    spans; an article not in it has not been analysed and does not match an
    ``entity:`` term. ``offset`` is the library index of ``articles[0]``.
    """
    entities = entities or {}
    checks = [(term, term.pattern()) for term in query.terms]
    out: list[bool] = []
    for index, article in enumerate(articles):
        if index % 2048 == 0 and cancelled():
            return None
        out.append(
            all(
                _matches(article, offset + index, term, pattern, entities)
                for term, pattern in checks
            )
        )
    return out


def _matches(
    article: Article,
    index: int,
    term: Term,
    pattern: re.Pattern[str],
    entities: Mapping[int, frozenset[str]],
) -> bool:
    field = term.field
    if field == "entity":
        return any(term.needle in name for name in entities.get(index, ()))
    if field == "language":
        return article.language.casefold().startswith(term.needle)
    if field == "outlet":
        return pattern.search(article.outlet or "") is not None
    if field == "title":
        return pattern.search(article.title) is not None
    if field == "path":
        return pattern.search(article.path) is not None
    if field == "text":
        return pattern.search(article.text) is not None
    return any(
        pattern.search(value) is not None
        for value in (article.title, article.outlet or "", article.path, article.text)
    )
