"""Two reports compared: the pipeline from documents to a :class:`Comparison`."""

from __future__ import annotations

from newsdiff.core.compare.align import align
from newsdiff.core.compare.candidates import candidate_pairs
from newsdiff.core.compare.collector import collector_paused
from newsdiff.core.compare.features import profile_report
from newsdiff.core.compare.findings import find_findings, watched_words
from newsdiff.core.compare.moves import moved_links
from newsdiff.core.compare.rows import build_rows
from newsdiff.core.compare.similarity import Similarity
from newsdiff.core.model import Comparison, Document, Row


def overall_similarity(left: Document, right: Document, rows: tuple[Row, ...]) -> float:
    """Share of both reports' content text that is aligned, weighted by row score.

    Characters rather than sentences, so a long paragraph counts for more than a
    one-line heading.
    """
    total = sum(s.end - s.start for d in (left, right) for s in d.content_sentences())
    if total == 0:
        return 1.0
    aligned = 0.0
    for row in rows:
        if row.left and row.right:
            size = sum(left.sentences[i].end - left.sentences[i].start for i in row.left)
            size += sum(right.sentences[i].end - right.sentences[i].start for i in row.right)
            aligned += row.score * size
    return round(min(1.0, aligned / total), 4)


def compare(left: Document, right: Document) -> Comparison:
    """Align two reports sentence by sentence, with word ops and findings."""
    with collector_paused():
        return _compare(left, right)


def _compare(left: Document, right: Document) -> Comparison:
    watch = watched_words()
    left_profiles, left_words = profile_report(left, watch)
    right_profiles, right_words = profile_report(right, watch)
    similarity = Similarity(left_profiles, right_profiles)
    links = align(similarity, candidate_pairs(similarity))
    rows = build_rows(left, right, left_profiles, right_profiles, links, moved_links(links))
    return Comparison(
        left=left,
        right=right,
        similarity=overall_similarity(left, right, rows),
        rows=rows,
        findings=find_findings(left, right, rows, (left_words, right_words)),
    )
