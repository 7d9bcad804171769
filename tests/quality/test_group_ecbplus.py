"""ECB+ topics 1–20: 36 same-event clusters, two events of one kind per topic.

Every topic holds two different events of the same type (two celebrities entering
rehab, two earthquakes on one island years apart): the hard negatives. The texts are
independent reports, not copies, so only shared facts and words tell the stories
apart. Pairwise precision and recall of "same story" must both reach 0.90.
"""

from __future__ import annotations

import json
from pathlib import Path

from newsdiff.core.group import group
from newsdiff.core.ingest import load
from tests.quality.grouping_scores import f1, pairwise_scores

FLOOR = 0.90


def test_ecbplus_same_story_precision_and_recall(shared_data: Path) -> None:
    root = shared_data / "ecbplus-dev"
    cluster_of = {
        article: cluster
        for cluster, articles in json.loads((root / "clusters.json").read_text()).items()
        for article in articles
    }
    articles = load([str(root / "text")]).articles
    labels = [cluster_of[Path(a.path).stem] for a in articles]
    assert len(articles) == 413 and len(set(labels)) == 36
    grouping = group(articles)
    precision, recall = pairwise_scores([s.articles for s in grouping.stories], labels)
    print(f"ECB+ same story: precision {precision:.3f}, recall {recall:.3f}, "
          f"F1 {f1(precision, recall):.3f}")  # fmt: skip
    assert precision >= FLOOR
    assert recall >= FLOOR
