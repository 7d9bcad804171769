"""The value extractor as a whole: spans, offsets, sentences, and its lexicons."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.analyze.extract.tokens import PhraseTable, sentence_tokens
from newsdiff.core.analyze.extract.vocabulary import vocabulary
from newsdiff.core.ingest import load
from newsdiff.core.lexicons import load_lines
from newsdiff.core.model import VALUE_KINDS, SpanKind
from tests.conftest import SAMPLES
from tests.unit.value_helpers import spans_of

VALUE_LEXICONS = (
    "number_words",
    "ordinal_words",
    "units",
    "currencies",
    "qualifiers",
    "range_words",
    "non_numbers",
    "parts_of_day",
    "time_words",
    "year_cues",
    "value_stopwords",
    "counted_adjectives",
    "phone_cues",
    "classifiers",
)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.stem[:3])
def test_spans_point_at_their_text_in_order_without_overlap(path) -> None:
    from newsdiff.core.analyze import sentences_of
    from newsdiff.core.analyze.extract.values import find_value_spans

    article = load([str(path)]).articles[0]
    sentences = sentences_of(article)
    spans = find_value_spans(article, sentences)
    assert spans
    for span in spans:
        assert article.text[span.start : span.end] == span.text
        assert span.kind in VALUE_KINDS and span.value
        sentence = sentences[span.sentence]
        assert sentence.start <= span.start and span.end <= sentence.end
        assert (span.date is not None) == (span.kind in (SpanKind.DATE, SpanKind.TIME))
        assert (span.quantity is not None) != (span.date is not None)
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start


def test_values_of_both_notations_compare_equal() -> None:
    (indonesian,) = spans_of("Sebanyak 1.000 tahanan.", "id")
    (english,) = spans_of("Some 1,000 prisoners.", "en")
    assert indonesian.quantity is not None and english.quantity is not None
    assert indonesian.quantity.amount == english.quantity.amount == Decimal(1000)
    (trillion,) = spans_of("Dana Rp 1,2 triliun.")
    (billions,) = spans_of("Dana Rp 1.200 miliar.")
    assert trillion.value == billions.value == "1200000000000 IDR"


def test_spans_never_cross_a_sentence_boundary() -> None:
    spans = spans_of("Jumlahnya 5.\nDua orang hadir.")
    assert [(s.text, s.sentence) for s in spans] == [("5", 0), ("Dua orang", 1)]


def test_a_heading_may_capitalise_its_number_words() -> None:
    text = "Volcano Kills Nine As Thousands Flee\n\nThe volcano erupted on Sunday."
    assert [s.text for s in spans_of(text, "en")] == ["Nine", "Sunday"]


def test_boilerplate_values_are_still_found() -> None:
    (span,) = spans_of("Copyright © ANTARA 2025")
    assert (span.kind, span.value) == (SpanKind.DATE, "2025")


@pytest.mark.parametrize("name", VALUE_LEXICONS)
def test_every_value_lexicon_says_who_wrote_it(name: str) -> None:
    from importlib import resources

    text = resources.files("newsdiff.core.lexicons").joinpath(f"{name}.txt").read_text("utf-8")
    header = "\n".join(line for line in text.splitlines()[:8] if line.startswith("#"))
    assert "Written by the newsdiff team" in header.replace("\n# ", " ")
    assert load_lines(name), f"{name} has no entries"


def test_lexicon_shapes() -> None:
    vocab = vocabulary()
    scales = [w.value for w in vocab.number_words.values() if w.role == "scale"]
    assert scales and all(v == Decimal(10) ** v.adjusted() for v in scales)
    assert vocab.number_words["dua"].value == 2 and vocab.number_words["belas"].role == "teen"
    assert vocab.ordinals["kesembilan"] == 9 and vocab.ordinals["third"] == 3
    assert {"lebih", "rp", "jumat", "pukul", "kedua", "one"} <= vocab.starters


@pytest.mark.parametrize(
    ("alias", "unit"), [("km", "km"), ("kilometres", "km"), ("kilometer", "km"), ("persen", "%")]
)
def test_unit_aliases_share_one_unit(alias: str, unit: str) -> None:
    tokens = sentence_tokens(alias, 0, len(alias))
    assert vocabulary().units.match(tokens, 0) == (unit, len(tokens))


def test_phrase_table_prefers_the_longest_phrase() -> None:
    table = PhraseTable([("dolar", "USD"), ("dolar Singapura", "SGD"), ("US$", "USD")])
    text = "5 dolar Singapura dan US$5"
    tokens = sentence_tokens(text, 0, len(text))
    assert table.match(tokens, 1) == ("SGD", 3)
    assert table.match(tokens, 4) == ("USD", 5)
    assert table.match(tokens, 0) is None


_PIECES = (
    "1.000 ",
    "3,5 ",
    "16/5 ",
    "1/2 ",
    "(",
    ") ",
    "Rp ",
    "US$",
    "$",
    "- ",
    "hingga ",
    "dan ",
    "antara ",
    "between ",
    "and ",
    "lebih dari ",
    "sekitar ",
    "dua ",
    "puluh ",
    "belas ",
    "setengah ",
    "juta ",
    "million ",
    "a ",
    "half ",
    "kedua ",
    "ketiga ",
    "ke-9 ",
    "9th ",
    "Jumat ",
    "Minggu ",
    "Mei ",
    "May ",
    "2025 ",
    "pukul ",
    "19.30 ",
    "WIB ",
    "10:30 ",
    "a.m. ",
    "malam ",
    "persen ",
    "% ",
    "km ",
    "orang ",
    "per ",
    "kilogram ",
    "0812",
    "-",
    "+62 ",
    ". ",
    ", ",
    "\n",
    "one ",
    "of ",
    "tanggal ",
    "x",
    "5G ",
    "Nov. ",
)


@given(st.lists(st.sampled_from(_PIECES), max_size=40), st.sampled_from(["id", "en", "und"]))
@settings(max_examples=300, deadline=None)
def test_any_mix_of_value_words_gives_consistent_spans(pieces: list[str], lang: str) -> None:
    text = "".join(pieces)
    spans = spans_of(text, lang, published="2025-05-16")
    for span in spans:
        assert text[span.start : span.end] == span.text and span.value
    for left, right in itertools.pairwise(spans):
        assert left.end <= right.start
