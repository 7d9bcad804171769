"""Value extraction scored against the team's labelled sentences (tests/data/values_gold.jsonl).

Each line is one sentence with its language, an optional publication date and every
value span a careful reader would mark (kind, surface text, canonical value). A span
counts as found only when kind, text and value all match, so a right span with a wrong
value (``1.200`` read as 1.2) is both a miss and a false alarm. Floors: precision and
recall of at least 0.98 over the whole set.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from newsdiff.core.analyze import sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.model import Article

GOLD = Path(__file__).resolve().parent.parent / "data" / "values_gold.jsonl"
TODAY = dt.date(2026, 1, 1)
"""Fixed "today" so a weekday that fixes a missing year gives the same year every run."""
FLOOR = 0.98

Key = tuple[str, str, str]


def load_gold() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


def extracted(row: dict) -> list[Key]:
    article = Article(
        path="gold",
        text=row["text"],
        title="",
        language=row["lang"],
        published=row.get("published"),
    )
    spans = find_value_spans(article, sentences_of(article), today=TODAY)
    return [(s.kind.value, s.text, s.value) for s in spans]


def score() -> tuple[Counter, Counter, Counter, list[str]]:
    """True positives, predictions and gold spans per kind, and a line per mistake."""
    hits: Counter = Counter()
    predicted: Counter = Counter()
    expected: Counter = Counter()
    mistakes: list[str] = []
    for row in load_gold():
        gold = Counter((s["kind"], s["text"], s["value"]) for s in row["spans"])
        got = Counter(extracted(row))
        common = gold & got
        for key, count in common.items():
            hits[key[0]] += count
        for key, count in got.items():
            predicted[key[0]] += count
        for key, count in gold.items():
            expected[key[0]] += count
        if common != gold or common != got:
            missing = sorted((gold - got).elements())
            extra = sorted((got - gold).elements())
            mistakes.append(f"{row['text']!r}: missing {missing} extra {extra}")
    return hits, predicted, expected, mistakes


def test_gold_set_is_big_and_covers_both_languages() -> None:
    rows = load_gold()
    assert len(rows) >= 150
    assert {row["lang"] for row in rows} >= {"id", "en", "und"}
    kinds = {span["kind"] for row in rows for span in row["spans"]}
    assert kinds == {"NUMBER", "QUANTITY", "MONEY", "PERCENT", "DATE", "TIME"}
    assert sum(1 for row in rows if not row["spans"]) >= 15, "traps with no value at all"


def test_values_precision_and_recall_meet_the_floor(capsys: pytest.CaptureFixture[str]) -> None:
    hits, predicted, expected, mistakes = score()
    precision = sum(hits.values()) / max(1, sum(predicted.values()))
    recall = sum(hits.values()) / max(1, sum(expected.values()))
    with capsys.disabled():
        print(
            f"\nvalues gold: precision {precision:.3f} recall {recall:.3f} "
            f"({sum(hits.values())} of {sum(expected.values())} gold, "
            f"{sum(predicted.values())} predicted)"
        )
        for kind in sorted(expected | predicted):
            p = hits[kind] / max(1, predicted[kind])
            r = hits[kind] / max(1, expected[kind])
            print(f"  {kind:9} precision {p:.3f} recall {r:.3f} (gold {expected[kind]})")
        for line in mistakes:
            print("  MISMATCH", line)
    assert precision >= FLOOR and recall >= FLOOR, "\n".join(mistakes)
