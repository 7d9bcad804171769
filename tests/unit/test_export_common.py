"""The shared pieces of the export: runs of marked text, default names, stories."""

from __future__ import annotations

import json
from dataclasses import replace

from newsdiff.core.export import default_name, render, target_paths
from newsdiff.core.export.common import ADDED, REMOVED, Marks, Piece, exported_spans
from newsdiff.core.export.story import build_story
from newsdiff.core.model import Article, Document, Span, SpanKind
from tests.unit.export_fixtures import sample_document


def _document(text: str, spans: list[tuple[int, int, SpanKind]]) -> Document:
    article = Article(path="x.txt", text=text, title="x")
    return Document(article, (), tuple(Span(k, a, b, text[a:b], text[a:b]) for a, b, k in spans))


def test_spans_are_whole_and_changes_are_cut_inside_them() -> None:
    text = "Rabu (23/7) malam di Istanbul"
    document = _document(text, [(0, 11, SpanKind.DATE), (21, 29, SpanKind.PLACE)])
    marks = Marks(document, [(0, 17, REMOVED), (25, 40, REMOVED)])
    runs = marks.runs(0, len(text))
    assert [(r.start, r.end, r.span.kind if r.span else None) for r in runs] == [
        (0, 11, SpanKind.DATE),
        (11, 21, None),
        (21, 29, SpanKind.PLACE),
    ]
    assert runs[0].pieces == (Piece(0, 11, REMOVED),)
    assert runs[1].pieces == (Piece(11, 17, REMOVED), Piece(17, 21, None))
    assert runs[2].pieces == (Piece(21, 25, None), Piece(25, 29, REMOVED))


def test_a_stretch_keeps_only_the_spans_wholly_inside_it() -> None:
    text = "Vladimir Medinsky said"
    document = _document(text, [(0, 17, SpanKind.PERSON)])
    runs = Marks(document, [(9, 22, ADDED)]).runs(9, 22)
    assert [(r.start, r.end, r.span) for r in runs] == [(9, 22, None)]
    assert runs[0].pieces == (Piece(9, 22, ADDED),)


def test_overlapping_spans_keep_the_first_and_longest() -> None:
    document = _document(
        "Bank Indonesia Jakarta",
        [(0, 14, SpanKind.ORG), (5, 22, SpanKind.PLACE), (0, 4, SpanKind.ORG)],
    )
    assert [(s.start, s.end) for s in exported_spans(document)] == [(0, 14)]


def test_default_names_and_targets(tmp_path) -> None:  # type: ignore[no-untyped-def]
    left, right = sample_document("001"), sample_document("004")
    story = build_story([left, right])
    assert default_name(left, "md") == "001-antara-istanbul-third-round-23-july.md"
    assert default_name(story, "html") == "story-001-004.html"
    assert default_name(story.pairs[0].comparison, "brat") == "001-vs-004"
    weird = replace(left, article=replace(left.article, path="feeds/a b?.xml#3"))
    assert default_name(weird, "txt") == "a-b.txt"
    assert target_paths("brat", tmp_path / "x.ann", article=True) == [
        tmp_path / "x.txt",
        tmp_path / "x.ann",
    ]
    assert target_paths("brat", tmp_path / "x", article=False) == [tmp_path / "x"]


def test_a_story_puts_its_source_on_the_left_and_keeps_the_grouping_stats() -> None:
    documents = [sample_document(p) for p in ("004", "001", "002")]
    story = build_story(documents, source=1, stats={(0, 1): {"copied": 0.4, "rewritten": True}})
    assert [(p.left, p.right) for p in story.pairs] == [(1, 0), (0, 2), (1, 2)]
    record = json.loads(render(story, "json"))
    assert record["source"] == documents[1].article.path
    first = record["pairs"][0]
    assert (first["left"], first["right"]) == (documents[1].article.path, documents[0].article.path)
    assert first["copied"] == 0.4 and first["rewritten"] is True
    assert first["comparison"]["left"]["path"] == documents[1].article.path
    assert record["pairs"][1].get("copied") is None
    assert [r["path"] for r in record["reports"]] == [d.article.path for d in documents]


def test_a_story_from_the_grouping_keeps_its_source_reasons_and_directed_shares() -> None:
    from newsdiff.core.export.story import pair_stats, story_from_grouping
    from newsdiff.core.group.model import PairStats, SourceGuess
    from newsdiff.core.group.model import Story as GroupStory

    documents = [sample_document(p) for p in ("004", "001")]
    # Library indices 7 (001) and 3 (004); the grouping measured 001 against 004.
    measured = PairStats(7, 3, 0.22, copied=0.1, rewritten=0.6, copied_back=0.0,
                         rewritten_back=0.35)  # fmt: skip
    story = GroupStory((7, 3), SourceGuess(7, ("earliest date (2025-07-23)",)), (measured,))
    position = {3: 0, 7: 1}.__getitem__
    assert pair_stats([measured], position)[(0, 1)]["rewritten"] == 0.35  # 004's share
    exported = story_from_grouping(documents, story, position=position)
    assert exported.source == 1 and exported.source_reasons == ("earliest date (2025-07-23)",)
    (pair,) = exported.pairs
    assert (pair.left, pair.right) == (1, 0)
    assert dict(pair.stats)["rewritten"] == 0.6 and dict(pair.stats)["copied_back"] == 0.0
    record = json.loads(render(exported, "json"))
    assert record["source_reasons"] == ["earliest date (2025-07-23)"]
    assert record["pairs"][0]["grouping_similarity"] == 0.22
