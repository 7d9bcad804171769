"""Alignment scored against the labelled report pairs (``tests/data/pairs/``).

Pair-level precision and recall over aligned sentence pairs (a 1:2 split row is two
links), micro-averaged over the whole set, with debatable links counted as neither
right nor wrong (see the pairs README); and row accuracy: gold rows reproduced
exactly — the same sentences on both sides and the same kind.
"""

from __future__ import annotations

import pytest

from newsdiff.core.compare import compare
from newsdiff.core.model import RowKind
from tests.quality.pairs import ALIGNED_KINDS, Score, all_pairs, predicted_links, score_pair

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.95
ROW_ACCURACY_FLOOR = 0.90


def test_the_set_is_big_enough_and_in_both_languages() -> None:
    pairs = all_pairs()
    assert len(pairs) >= 12
    languages = {pair.gold["language"] for pair in pairs}
    assert {"id", "en"} <= languages


@pytest.mark.parametrize("pair", all_pairs(), ids=lambda pair: pair.name)
def test_gold_rows_cover_every_content_sentence_once(pair) -> None:
    for side in ("left", "right"):
        document = getattr(pair, side)
        seen = sorted(i for row in pair.rows for i in getattr(row, side))
        assert seen == [s.index for s in document.content_sentences()], side
    for row in pair.rows:
        assert row.kind in {"same", "changed", "moved", "aligned", "left_only", "right_only"}
        assert bool(row.left and row.right) == (row.kind not in {"left_only", "right_only"})


@pytest.mark.parametrize("pair", all_pairs(), ids=lambda pair: pair.name)
def test_gold_findings_are_well_formed(pair) -> None:
    kinds = {
        "number_mismatch",
        "date_mismatch",
        "entity_mismatch",
        "entity_only_left",
        "entity_only_right",
        "number_only_left",
        "number_only_right",
        "attribution_change",
        "certainty_change",
    }
    left_text, right_text = pair.left.text, pair.right.text
    for finding in pair.gold["findings"]:
        assert finding["kind"] in kinds
        assert finding["left"] is not None or finding["right"] is not None
        if finding["left"] is not None:
            assert finding["left"] in left_text, finding
        if finding["right"] is not None:
            assert finding["right"] in right_text, finding
        if finding["kind"].endswith("_only_left"):
            assert finding["right"] is None
        if finding["kind"].endswith("_only_right"):
            assert finding["left"] is None
    for equal in pair.gold["equal_values"]:
        assert equal["left"] in left_text and equal["right"] in right_text, equal


def test_alignment_precision_and_recall_over_the_set() -> None:
    total = Score()
    for pair in all_pairs():
        score_pair(pair, compare(pair.left, pair.right), total)
    report = "\n".join(total.misses)
    assert total.precision >= PRECISION_FLOOR, report
    assert total.recall >= RECALL_FLOOR, report
    assert total.row_accuracy >= ROW_ACCURACY_FLOOR, report


def _pair(name: str):
    return next(pair for pair in all_pairs() if pair.name == name)


def test_seed_000_003_repeated_caption_makes_no_row_and_the_1000_exchange_aligns() -> None:
    pair = _pair("s1-seed-000-003")
    comparison = compare(pair.left, pair.right)
    caption = [s.index for s in pair.left.sentences if s.boilerplate and s.index < 10]
    assert caption, "the repeated lead in 000 is marked as boilerplate"
    in_rows = [i for row in comparison.rows for i in row.left]
    assert not set(caption) & set(in_rows)
    assert sorted(in_rows) == [s.index for s in pair.left.content_sentences()]
    exchange = next(
        row
        for row in comparison.rows
        if row.left and "1.000 orang" in pair.left.sentence_text(row.left[0])
    )
    assert exchange.kind in ALIGNED_KINDS
    assert "1.000 tahanan" in pair.right.sentence_text(exchange.right[0])


def test_seed_001_004_rows_are_sensible() -> None:
    pair = _pair("s2-seed-001-004")
    comparison = compare(pair.left, pair.right)
    links = predicted_links(comparison)

    def link(left_snippet: str, right_snippet: str) -> tuple[int, int]:
        from tests.quality.pairs import resolve

        return (resolve(pair.left, left_snippet, "001"), resolve(pair.right, right_snippet, "004"))

    assert link("bertukar masing-masing 1.200", "melibatkan 1.200") in links
    assert link("telah memulangkan 7.000", "berjanji untuk mengembalikan 7.000") in links
    assert link("tiga kelompok kerja", "tiga kelompok kerja daring yang") in links
    assert link("Pertemuan antara Presiden Rusia", "Presiden masing-masing negara") in links
    # Nothing of 004's padding (the opening commentary, the headings) is aligned.
    padding = [
        link("Dalam pembicaraan itu", s)[1]
        for s in (
            "Situasi konflik antara",
            "Mengapa pertemuan ini",
            "Strategi untuk Mencapai Damai",
        )
    ]
    assert not {b for _, b in links} & set(padding)
    assert all(row.kind is not RowKind.SAME for row in comparison.rows)
