"""The library filter: words and field prefixes, all of which must match."""

from __future__ import annotations

from newsdiff.core.model import Article
from newsdiff.ui.filtering import Query, Term, matching, parse_query

ARTICLES = [
    Article(
        path="a.txt",
        text="Medinsky berbicara di Istanbul",
        title="Perundingan",
        outlet="ANTARA",
        language="id",
    ),
    Article(
        path="b.txt",
        text="The volcano erupted",
        title="Lewotobi",
        outlet="Kabar Wire",
        language="en",
    ),
]


def test_parse_fields_phrases_and_bare_words() -> None:
    query = parse_query('outlet:antara "di Istanbul" LANG:id x:y')
    assert query.terms == (
        Term("outlet", "antara"),
        Term(None, "di istanbul"),
        Term("language", "id"),
        Term(None, "x:y"),
    )


def test_unbalanced_quotes_do_not_fail() -> None:
    assert parse_query('"open').terms == (Term(None, '"open'),)


def test_bare_words_search_title_outlet_path_and_text() -> None:
    assert matching(ARTICLES, parse_query("medinsky")) == [True, False]
    assert matching(ARTICLES, parse_query("kabar")) == [False, True]
    assert matching(ARTICLES, parse_query("b.txt")) == [False, True]


def test_every_term_must_match() -> None:
    assert matching(ARTICLES, parse_query("lang:id volcano")) == [False, False]
    assert matching(ARTICLES, parse_query("lang:en volcano")) == [False, True]


def test_entity_terms_use_the_analysed_spans_only() -> None:
    entities = {0: frozenset({"vladimir medinsky"})}
    assert matching(ARTICLES, parse_query("entity:medinsky"), entities) == [True, False]
    assert matching(ARTICLES, parse_query("entity:medinsky")) == [False, False]
    assert parse_query("entity:x").uses_entities


def test_offset_maps_a_batch_to_library_indices() -> None:
    entities = {7: frozenset({"lewotobi"})}
    assert matching(ARTICLES, parse_query("entity:lewotobi"), entities, offset=6) == [False, True]


def test_cancelling_returns_none() -> None:
    assert matching(ARTICLES, Query((Term(None, "x"),)), cancelled=lambda: True) is None
