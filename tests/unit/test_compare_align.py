"""Alignment behaviour on small hand-made reports: moves, splits, merges, values."""

from __future__ import annotations

import pytest
from rapidfuzz import fuzz, utils

from newsdiff.core.analyze import analyze
from newsdiff.core.compare import compare
from newsdiff.core.compare.features import numeral_key, profile_document
from newsdiff.core.compare.similarity import Similarity
from newsdiff.core.ingest import build_article
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import Comparison, Document, RowKind

LEFT = [
    "Rusia dan Ukraina menggelar perundingan damai di Istanbul pada Rabu (23/7).",
    "Delegasi Rusia dipimpin ajudan presiden Vladimir Medinsky.",
    "Kedua pihak sepakat bertukar 1.200 tawanan perang.",
    "Rusia telah memulangkan 7.000 jenazah tentara Ukraina.",
    "Turki menawarkan diri menjadi tuan rumah perundingan berikutnya.",
    "Pertempuran di wilayah Donetsk terus berlanjut sepanjang pekan.",
]


def article_document(text: str, name: str = "doc") -> Document:
    return analyze(build_article(RawRecord(text=text, source_format="text"), name))


def document(sentences: list[str], name: str = "doc") -> Document:
    return article_document("\n\n".join(sentences) + "\n", name)


def rows_of(comparison: Comparison) -> list[tuple[str, tuple[int, ...], tuple[int, ...]]]:
    return [(row.kind.value, row.left, row.right) for row in comparison.rows]


def assert_covers(comparison: Comparison) -> None:
    """Every content sentence of each side is in exactly one row."""
    for side, document_ in (("left", comparison.left), ("right", comparison.right)):
        seen = [i for row in comparison.rows for i in getattr(row, side)]
        assert sorted(seen) == [s.index for s in document_.content_sentences()], side


def test_identical_reports_are_all_same_rows() -> None:
    comparison = compare(document(LEFT), document(LEFT))
    assert [row.kind for row in comparison.rows] == [RowKind.SAME] * len(LEFT)
    assert all(row.score == 1.0 for row in comparison.rows)
    assert comparison.similarity == 1.0
    assert comparison.findings == ()


def test_a_sentence_moved_far_is_one_moved_row_not_a_delete_and_insert() -> None:
    right = [LEFT[4], *LEFT[:4], LEFT[5]]
    comparison = compare(document(LEFT), document(right))
    assert_covers(comparison)
    kinds = {row.left: row.kind for row in comparison.rows}
    assert kinds[(4,)] is RowKind.MOVED
    assert all(kind is RowKind.SAME for left, kind in kinds.items() if left != (4,))
    moved = next(row for row in comparison.rows if row.kind is RowKind.MOVED)
    assert moved.right == (0,)
    # The moved right sentence stands first in the right report: before row 0.
    assert moved.moved_from == 0


def test_a_sentence_split_in_two_is_one_row_with_both_halves() -> None:
    right = [
        LEFT[0],
        LEFT[1],
        "Kedua pihak sepakat.",
        "Mereka akan bertukar 1.200 tawanan perang.",
        *LEFT[3:],
    ]
    comparison = compare(document(LEFT), document(right))
    assert_covers(comparison)
    assert ("changed", (2,), (2, 3)) in rows_of(comparison)


def test_two_sentences_merged_into_one_is_one_row() -> None:
    right = [
        *LEFT[:2],
        "Kedua pihak sepakat bertukar 1.200 tawanan perang, dan Rusia telah memulangkan "
        "7.000 jenazah tentara Ukraina.",
        *LEFT[4:],
    ]
    comparison = compare(document(LEFT), document(right))
    assert_covers(comparison)
    assert ("changed", (2, 3), (2,)) in rows_of(comparison)


def test_a_changed_number_or_date_does_not_lower_the_alignment_score() -> None:
    right = list(LEFT)
    right[0] = LEFT[0].replace("Rabu (23/7)", "Kamis (24/7)")
    right[3] = LEFT[3].replace("7.000", "9.500")
    comparison = compare(document(LEFT), document(right))
    changed = {row.left: row for row in comparison.rows if row.kind is RowKind.CHANGED}
    assert set(changed) == {(0,), (3,)}
    assert changed[(0,)].score == pytest.approx(1.0)
    assert changed[(3,)].score == pytest.approx(1.0)
    replaced = [op for op in changed[(3,)].ops if op.op.value == "replace"]
    assert [(op.left.strip(), op.right.strip()) for op in replaced] == [("7.000", "9.500")]


def test_equal_values_written_differently_count_as_shared_evidence() -> None:
    assert numeral_key("1.000") == numeral_key("1,000") == "1000"
    assert numeral_key("3,5") == "3.5"
    left = document(["Sebanyak 1.000 tahanan ditukar di perbatasan."])
    right = document(["Sebanyak 1,000 tahanan ditukar di perbatasan."])
    profiles_left, profiles_right = profile_document(left), profile_document(right)
    assert "1000" in profiles_left[0].facts & profiles_right[0].facts


def test_a_subset_sentence_does_not_score_like_a_match() -> None:
    long = (
        "Rusia dan Ukraina sepakat bertukar tawanan perang di Istanbul setelah perundingan panjang."
    )
    short = "Rusia dan Ukraina sepakat."
    # The lexical trap: every word of the short sentence is in the long one.
    assert fuzz.token_set_ratio(long, short, processor=utils.default_process) == 100
    left = document([long])
    right = document([short, long.replace("panjang", "yang panjang")])
    similarity = Similarity(profile_document(left), profile_document(right))
    assert similarity.pair(0, 0) < 0.5 < similarity.pair(0, 1)
    comparison = compare(left, right)
    assert ("changed", (0,), (1,)) in rows_of(comparison)
    assert ("right_only", (), (0,)) in rows_of(comparison)


def test_unrelated_sentences_stay_one_sided() -> None:
    right = [
        "Harga beras di pasar tradisional naik tiga persen bulan ini.",
        "Bank sentral mempertahankan suku bunga acuan.",
    ]
    comparison = compare(document(LEFT), document(right))
    assert_covers(comparison)
    assert {row.kind for row in comparison.rows} == {RowKind.LEFT_ONLY, RowKind.RIGHT_ONLY}
    assert comparison.similarity == 0.0


def test_boilerplate_never_makes_a_row() -> None:
    text = (
        "Istanbul (ANTARA) - Rusia dan Ukraina menggelar perundingan damai di Istanbul.\n"
        "Kedua pihak sepakat bertukar tawanan.\n"
        "Baca juga: Rusia dapat berikan dukungan militer\n"
        "Copyright © ANTARA 2025\n"
    )
    left = article_document(text)
    right = document(["Rusia dan Ukraina menggelar perundingan damai di Istanbul."])
    boilerplate = {s.index for s in left.sentences if s.boilerplate}
    assert boilerplate
    comparison = compare(left, right)
    assert_covers(comparison)
    assert not boilerplate & {i for row in comparison.rows for i in row.left}


def test_an_empty_side_gives_only_one_sided_rows() -> None:
    text = "Baca juga: Rusia dapat berikan dukungan militer\nCopyright © ANTARA 2025\n"
    empty = article_document(text)
    assert not empty.content_sentences()
    comparison = compare(document(LEFT), empty)
    assert [row.kind for row in comparison.rows] == [RowKind.LEFT_ONLY] * len(LEFT)
    assert comparison.similarity == 0.0


def _with_spans(document: Document, spans: list[tuple[str, str, str]]) -> Document:
    """``document`` with spans (kind, text, value) found by their first occurrence."""
    from dataclasses import replace

    from newsdiff.core.analyze.extract import merge_spans
    from newsdiff.core.model import Span, SpanKind

    made = []
    for kind, text, value in spans:
        start = document.text.index(text)
        made.append(Span(SpanKind(kind), start, start + len(text), text, value))
    return replace(document, spans=merge_spans(made, document.sentences))


def test_spans_are_used_when_extraction_provides_them() -> None:
    left = _with_spans(
        document(
            [
                "BI membeli surat berharga senilai Rp 1,2 triliun pekan ini, "
                "kata Vladimir Medinsky.",
                "Rapat berikutnya digelar bulan depan.",
            ]
        ),
        [
            ("MONEY", "Rp 1,2 triliun", "1200000000000 IDR"),
            ("PERSON", "Vladimir Medinsky", "Vladimir Medinsky"),
        ],
    )
    right = _with_spans(
        document(
            [
                "BI membeli surat berharga senilai Rp 1.200 miliar pekan ini, kata Vladimir Putin.",
                "Rapat berikutnya digelar bulan depan.",
            ]
        ),
        [
            ("MONEY", "Rp 1.200 miliar", "1200000000000 IDR"),
            ("PERSON", "Vladimir Putin", "Vladimir Putin"),
        ],
    )
    left_profile, right_profile = profile_document(left)[0], profile_document(right)[0]
    # The equal amount is one shared fact, whatever its spelling.
    assert "1200000000000 IDR" in left_profile.facts & right_profile.facts
    comparison = compare(left, right)
    row = comparison.rows[0]
    changes = [(op.left.strip(), op.right.strip()) for op in row.ops if op.op.value != "equal"]
    # Spans change as whole units: the amount and the person, not their words.
    assert changes == [
        ("Rp 1,2 triliun", "Rp 1.200 miliar"),
        ("Vladimir Medinsky", "Vladimir Putin"),
    ]
