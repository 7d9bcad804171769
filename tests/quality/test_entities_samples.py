"""Entities of the bundled samples against the hand-labelled gold (F1 ≥ 0.95)."""

from __future__ import annotations

import pytest

from newsdiff.core.analyze import analyze, analyze_all
from newsdiff.core.ingest import load
from newsdiff.core.model import Article
from tests.conftest import SAMPLES
from tests.quality.entity_scoring import (
    Tally,
    gold_files,
    gold_spans,
    predicted_spans,
    sample_of,
)

F1_FLOOR = 0.95
VALUE_FLOOR = 0.95


def load_one(gold) -> Article:  # type: ignore[no-untyped-def]
    (article,) = load([str(sample_of(gold))]).articles
    return article


def test_every_sample_has_a_gold_file_whose_offsets_fit_the_text() -> None:
    golds = gold_files()
    assert {sample_of(g).name for g in golds} == {p.name for p in SAMPLES.glob("*.txt")}
    for gold in golds:
        text = load_one(gold).text
        spans = gold_spans(gold)
        assert spans, gold.name
        for start, end, kind in spans:
            assert kind in {"PERSON", "ORG", "PLACE"}
            assert 0 <= start < end <= len(text)


@pytest.mark.parametrize("together", [False, True], ids=["one-by-one", "analyze_all"])
def test_sample_entities_f1_and_values(together: bool) -> None:
    golds = gold_files()
    articles = [load_one(g) for g in golds]
    documents = analyze_all(articles) if together else [analyze(a) for a in articles]
    tally = Tally()
    for gold, document in zip(golds, documents, strict=True):
        tally.add(predicted_spans(document), gold_spans(gold))
    print(f"samples ({'together' if together else 'one by one'}): {tally}, F1 {tally.f1:.3f}")
    assert tally.f1 >= F1_FLOOR
    assert tally.value_accuracy >= VALUE_FLOOR
