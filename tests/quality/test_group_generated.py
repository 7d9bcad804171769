"""The benchmark generator's ground truth, and one busy topic with follow-ups."""

from __future__ import annotations

import pytest

from newsdiff.core.group import group
from newsdiff.core.ingest import read_bytes
from newsdiff.core.model import Article
from tests.benchmarks.corpus import build_busy_topic, build_corpus
from tests.quality.grouping_scores import f1, pairwise_scores

F1_FLOOR = 0.95


def _articles(generated) -> list[Article]:
    return [read_bytes(g.text.encode("utf-8"), g.name)[0] for g in generated]


def test_generated_corpus_pairwise_f1() -> None:
    generated = build_corpus(3000, seed=7)
    grouping = group(_articles(generated))
    precision, recall = pairwise_scores(
        [s.articles for s in grouping.stories], [g.event for g in generated]
    )
    print(f"generated corpus (3,000): precision {precision:.3f}, recall {recall:.3f}, "
          f"F1 {f1(precision, recall):.3f}")  # fmt: skip
    assert f1(precision, recall) >= F1_FLOOR


@pytest.mark.parametrize("lang", ["id", "en"])
def test_a_busy_topic_does_not_collapse_and_follow_ups_stay_related(lang: str) -> None:
    generated = build_busy_topic(40, seed=3, lang=lang, follow_ups=8)
    grouping = group(_articles(generated))
    events = [g.event for g in generated]
    precision, recall = pairwise_scores([s.articles for s in grouping.stories], events)
    print(f"busy topic ({lang}): precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= 0.95 and recall >= 0.9
    # No giant story: nothing larger than the largest event.
    assert max(len(s) for s in grouping.stories) <= 3
    follow_ups = [i for i, g in enumerate(generated) if g.refers_to]
    found = wanted = 0
    for index in follow_ups:
        story = grouping.story_for(index)
        assert {events[i] for i in story.articles} == {events[index]}, "follow-up merged"
        linked = {
            events[link.right if link.left == index else link.left]
            for link in grouping.related_to(index)
        }
        found += len(linked & set(generated[index].refers_to))
        wanted += len(generated[index].refers_to)
    print(f"busy topic ({lang}): follow-ups related to {found} of {wanted} earlier events")
    assert found / wanted >= 0.75
