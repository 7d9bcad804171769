"""Findings scored against the labelled report pairs, and the seeds' named findings.

Floors from issue 4: recall of the required gold findings ≥ 0.90 over the set, and at
most one false finding per pair on average (optional gold findings neither count nor
penalise). The score is printed per kind (``pytest -s``, or ``python -m
tests.quality.findings_scoring`` for the per-pair detail).
"""

from __future__ import annotations

import pytest

from newsdiff.core.compare import compare
from newsdiff.core.model import Comparison, Finding, FindingKind
from tests.quality.findings_scoring import FindingScore, occurrences, score_findings
from tests.quality.pairs import Pair, all_pairs

RECALL_FLOOR = 0.90
FALSE_PER_PAIR_CEILING = 1.0

VALUE_KINDS = frozenset(
    {
        FindingKind.NUMBER_MISMATCH,
        FindingKind.DATE_MISMATCH,
        FindingKind.NUMBER_ONLY_LEFT,
        FindingKind.NUMBER_ONLY_RIGHT,
    }
)
NAME_KINDS = frozenset(
    {FindingKind.ENTITY_MISMATCH, FindingKind.ENTITY_ONLY_LEFT, FindingKind.ENTITY_ONLY_RIGHT}
)


def _pair(name: str) -> Pair:
    return next(pair for pair in all_pairs() if pair.name.startswith(name))


def _comparison(name: str) -> Comparison:
    pair = _pair(name)
    return compare(pair.left, pair.right)


def test_findings_recall_and_false_findings_over_the_set() -> None:
    total = FindingScore()
    for pair in all_pairs():
        score_findings(pair, compare(pair.left, pair.right).findings, total)
    report = "\n".join(
        [
            f"recall {total.recall:.3f}, false findings per pair {total.false_per_pair:.2f}",
            *total.kind_lines(),
            *total.misses,
        ]
    )
    print(report)
    assert total.recall >= RECALL_FLOOR, report
    assert total.false_per_pair <= FALSE_PER_PAIR_CEILING, report


def _touching(finding: Finding, side: str, places: list[range]) -> bool:
    where = getattr(finding, side)
    return where is not None and any(where.start < p.stop and p.start < where.end for p in places)


@pytest.mark.parametrize("pair", all_pairs(), ids=lambda pair: pair.name)
def test_equal_values_and_names_make_no_findings(pair: Pair) -> None:
    findings = compare(pair.left, pair.right).findings
    for kinds, key in ((VALUE_KINDS, "equal_values"), (NAME_KINDS, "equal_entities")):
        for equal in pair.gold.get(key, []):
            left = occurrences(pair.left, equal["left"], None, pair.name)
            right = occurrences(pair.right, equal["right"], None, pair.name)
            for finding in findings:
                if finding.kind in kinds:
                    assert not _touching(finding, "left", left), (equal, finding)
                    assert not _touching(finding, "right", right), (equal, finding)


def _find(
    comparison: Comparison, kind: FindingKind, left: str | None, right: str | None
) -> Finding | None:
    """The finding of ``kind`` whose sides contain (or lie in) the given texts."""

    def fits(side, text: str | None) -> bool:
        if text is None:
            return True
        return side is not None and (text in side.text or side.text in text)

    return next(
        (
            f
            for f in comparison.findings
            if f.kind is kind and fits(f.left, left) and fits(f.right, right)
        ),
        None,
    )


def test_seed_001_vs_004_reports_the_rewrites_changes() -> None:
    comparison = _comparison("s2-seed-001-004")
    year = _find(comparison, FindingKind.DATE_MISMATCH, "Rabu (23/7)", "23 Juli 2027")
    assert year is not None and year.left.value == "2025-07-23" and year.right.value == "2027-07-23"
    assert "year" in year.message
    certainty = _find(
        comparison,
        FindingKind.CERTAINTY_CHANGE,
        "telah memulangkan",
        "berjanji untuk mengembalikan",
    )
    assert certainty is not None and "7.000 jenazah" in certainty.message
    assert (certainty.left.value, certainty.right.value) == ("done", "promised")
    credit = _find(
        comparison, FindingKind.ATTRIBUTION_CHANGE, "imbuhnya", "Presiden masing-masing negara"
    )
    assert credit is not None and "Medinsky" in credit.message
    only_left = {
        f.left.value for f in comparison.findings if f.kind is FindingKind.ENTITY_ONLY_LEFT
    }
    assert {
        "Vladimir Medinsky",
        "Rustem Umerov",
        "Volodymyr Zelensky",
        "Hakan Fidan",
        "Istana Ciragan",
    } <= only_left
    # 1.200 tawanan and 7.000 jenazah are the same facts on both sides.
    for text in ("1.200 tawanan", "7.000 jenazah"):
        for side, document in (("left", comparison.left), ("right", comparison.right)):
            places = occurrences(document, text, None, text)
            assert not any(
                f.kind in VALUE_KINDS and _touching(f, side, places) for f in comparison.findings
            ), text


def test_seed_000_vs_003_exchange_is_one_fact_and_kyslytsya_is_new() -> None:
    comparison = _comparison("s1-seed-000-003")
    for side, document, text in (
        ("left", comparison.left, "1.000 orang"),
        ("right", comparison.right, "1.000 tahanan"),
    ):
        places = occurrences(document, text, None, text)
        assert not any(_touching(f, side, places) for f in comparison.findings), text
    assert _find(comparison, FindingKind.ENTITY_ONLY_RIGHT, None, "Serhiy Kyslytsya")
    # Nothing is anchored in the caption that repeats the lead (boilerplate).
    boilerplate = {s.index for s in comparison.left.sentences if s.boilerplate}
    assert not any(f.left and f.left.sentence in boilerplate for f in comparison.findings)


def test_samples_005_vs_006_report_toll_day_credit_and_certainty() -> None:
    comparison = _comparison("s3-sample-005-006")
    toll = _find(comparison, FindingKind.NUMBER_MISMATCH, "at least 10 people", "nine people")
    assert toll is not None and toll.left.value == ">=10 people"
    day = _find(comparison, FindingKind.DATE_MISMATCH, "Monday", "Tuesday")
    assert day is not None and "Frans Seda" in comparison.left.sentence_text(day.left.sentence)
    credit = _find(
        comparison, FindingKind.ATTRIBUTION_CHANGE, "said Abdul Muhari", "According to officials"
    )
    assert credit is not None and "Abdul Muhari" in credit.message
    assert _find(comparison, FindingKind.CERTAINTY_CHANGE, "have evacuated", "will evacuate")
