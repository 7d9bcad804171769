"""The synthetic benchmark corpus: deterministic, realistic sizes, known clusters."""

from __future__ import annotations

import json
import random
from pathlib import Path

from newsdiff.core.ingest import load
from tests.benchmarks.corpus import (
    CLUSTERS_FILE,
    MAX_BYTES,
    MIN_BYTES,
    build_corpus,
    clusters,
    generate_article,
    write_corpus,
)


def test_the_same_seed_gives_the_same_corpus() -> None:
    assert build_corpus(40, seed=3) == build_corpus(40, seed=3)
    assert build_corpus(40, seed=3) != build_corpus(40, seed=4)
    assert generate_article(random.Random(9), "id") == generate_article(random.Random(9), "id")


def test_articles_are_news_sized_in_both_languages() -> None:
    articles = build_corpus(300, seed=1)
    assert len(articles) == 300
    assert {a.lang for a in articles} == {"id", "en"}
    for article in articles:
        assert MIN_BYTES <= len(article.text.encode()) <= MAX_BYTES
    assert len({a.name for a in articles}) == 300


def test_clusters_are_rewrites_of_one_event_that_share_its_facts() -> None:
    articles = build_corpus(300, seed=1)
    groups = clusters(articles)
    assert 1 < len(groups) < 300
    assert any(len(names) >= 3 for names in groups.values())
    by_name = {a.name: a for a in articles}
    for names in groups.values():
        versions = [by_name[n] for n in names]
        assert [v.version for v in versions] == list(range(len(versions)))
        assert len({v.lang for v in versions}) == 1
        if len(versions) > 1:
            # Rewrites are not copies, but they name the same people and place.
            original, rewrite = versions[0].text, versions[1].text
            assert original != rewrite
            place = original.split("\n")[0]
            assert any(word in rewrite for word in place.split() if word.istitle())
    assert any(a.changed_fact for a in articles)


def test_written_corpus_loads_cleanly_with_ground_truth(tmp_path: Path) -> None:
    paths = write_corpus(tmp_path / "corpus", 30, seed=5)
    truth = json.loads((tmp_path / "corpus" / CLUSTERS_FILE).read_text(encoding="utf-8"))
    assert truth["seed"] == 5 and set(truth["articles"]) == {p.name for p in paths}
    result = load([str(tmp_path / "corpus")])
    assert result.problems == ()  # the hidden ground-truth file is not read as an article
    assert len(result.articles) == 30
    for article in result.articles:
        assert article.language == truth["articles"][Path(article.path).name]["lang"]
