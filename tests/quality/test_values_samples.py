"""Value spans in every bundled sample, scored against the team's hand labels.

``tests/data/samples_gold/values/<sample>.json`` lists every NUMBER, QUANTITY, MONEY,
PERCENT, DATE and TIME span of the sample with its offsets and canonical value. A span
is found when kind and offsets match; the floor is F1 ≥ 0.95 over all samples, and
every found span must carry exactly the labelled value.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from newsdiff.core.analyze import analyze, sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.ingest import load
from newsdiff.core.model import VALUE_KINDS, SpanKind
from tests.conftest import SAMPLES, sample

GOLD_DIR = Path(__file__).resolve().parent.parent / "data" / "samples_gold" / "values"
TODAY = dt.date(2026, 1, 1)
FLOOR = 0.95


def labelled_samples() -> list[Path]:
    return sorted(SAMPLES.glob("*.txt"))


def test_every_sample_has_value_labels() -> None:
    stems = {path.stem for path in labelled_samples()}
    labelled = {path.stem for path in GOLD_DIR.glob("*.json")}
    assert stems and stems == labelled


def test_value_spans_in_the_samples_meet_the_floor(capsys: pytest.CaptureFixture[str]) -> None:
    found = expected = predicted = 0
    wrong_values: list[str] = []
    report: list[str] = []
    for path in labelled_samples():
        article = load([str(path)]).articles[0]
        gold = json.loads((GOLD_DIR / f"{path.stem}.json").read_text(encoding="utf-8"))["spans"]
        spans = find_value_spans(article, sentences_of(article), today=TODAY)
        for span in gold:
            assert article.text[span["start"] : span["end"]] == span["text"], span
        by_place = {(s["kind"], s["start"], s["end"]): s for s in gold}
        got = {(s.kind.value, s.start, s.end): s for s in spans}
        hits = by_place.keys() & got.keys()
        found += len(hits)
        expected += len(by_place)
        predicted += len(got)
        for key in sorted(hits):
            if got[key].value != by_place[key]["value"]:
                wrong_values.append(
                    f"{path.stem} {key}: {got[key].value!r} != {by_place[key]['value']!r}"
                )
        for key in sorted(by_place.keys() - got.keys()):
            report.append(f"{path.stem} missed {key} {by_place[key]['text']!r}")
        for key in sorted(got.keys() - by_place.keys()):
            report.append(f"{path.stem} extra {key} {got[key].text!r} = {got[key].value!r}")
    precision = found / max(1, predicted)
    recall = found / max(1, expected)
    f1 = 2 * precision * recall / max(1e-9, precision + recall)
    with capsys.disabled():
        print(
            f"\nvalues in samples: precision {precision:.3f} recall {recall:.3f} F1 {f1:.3f} "
            f"({found} of {expected} labelled, {predicted} found), "
            f"{len(wrong_values)} wrong values"
        )
        for line in report + wrong_values:
            print("  ", line)
    assert f1 >= FLOOR, "\n".join(report)
    assert not wrong_values, "\n".join(wrong_values)


def test_seed_000_shows_the_thousand_with_its_noun_and_both_dates() -> None:
    """The issue's acceptance check, through the whole analysis pipeline."""
    article = load([str(sample("000"))]).articles[0]
    spans = [s for s in analyze(article).spans if s.kind in VALUE_KINDS]
    by_text = {(s.text, s.kind): s for s in spans}
    thousand = by_text[("1.000 orang", SpanKind.QUANTITY)]
    assert thousand.quantity is not None and thousand.quantity.amount == 1000
    assert thousand.quantity.unit == "orang" and thousand.value == "1000 orang"
    assert by_text[("Jumat (16/5)", SpanKind.DATE)].value == "2025-05-16"
    assert by_text[("Minggu (11/5)", SpanKind.DATE)].value == "2025-05-11"
    assert not any("kedua" in s.text.lower() for s in spans)
