"""The bundled samples group as the seeds say: two Istanbul stories, a related follow-up."""

from __future__ import annotations

from pathlib import Path

from newsdiff.core.group import group
from newsdiff.core.ingest import load
from tests.conftest import SAMPLES


def test_samples_form_the_expected_stories_sources_and_related_links() -> None:
    articles = load([str(SAMPLES)]).articles
    names = [Path(a.path).name[:3] for a in articles]
    grouping = group(articles)
    stories = sorted(sorted(names[i] for i in s.articles) for s in grouping.stories)
    assert stories == [["000", "003"], ["001", "004"], ["002"], ["005", "006"], ["007"]]

    sources = {
        tuple(sorted(names[i] for i in s.articles)): names[s.source.article]
        for s in grouping.stories
        if s.source is not None
    }
    assert sources == {("000", "003"): "000", ("001", "004"): "001", ("005", "006"): "005"}
    reasons = next(s.source.reasons for s in grouping.stories if s.source and
                   names[s.source.article] == "001")  # fmt: skip
    assert "earliest date (2025-07-23)" in reasons and "wire dateline (ANTARA)" in reasons

    # 002 refers back to both rounds of talks: related to both stories, in neither.
    related = {(names[r.left], names[r.right]) for r in grouping.related}
    linked_to_002 = {a if b == "002" else b for a, b in related if "002" in (a, b)}
    assert linked_to_002 & {"000", "003"} and linked_to_002 & {"001", "004"}
    # The unrelated inflation report is linked to nothing.
    assert not any("007" in pair for pair in related)

    for story in grouping.stories:
        for pair in story.pairs:
            assert 0 < pair.similarity <= 1
            assert 0 <= pair.copied + pair.rewritten <= 1
            assert 0 <= pair.copied_back + pair.rewritten_back <= 1
