"""Score entity spans of the bundled samples against the hand-labelled gold files."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.model import ENTITY_KINDS, Document
from tests.conftest import REPO, SAMPLES

GOLD_DIR = REPO / "tests" / "data" / "samples_gold" / "entities"

Triple = tuple[int, int, str]


def gold_files() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def sample_of(gold: Path) -> Path:
    return SAMPLES / json.loads(gold.read_text(encoding="utf-8"))["sample"]


def gold_spans(gold: Path) -> dict[Triple, str]:
    """(start, end, kind) → value of every labelled entity."""
    data = json.loads(gold.read_text(encoding="utf-8"))
    return {(s["start"], s["end"], s["kind"]): s["value"] for s in data["spans"]}


def predicted_spans(document: Document) -> dict[Triple, str]:
    return {
        (s.start, s.end, s.kind.value): s.value for s in document.spans if s.kind in ENTITY_KINDS
    }


@dataclass
class Tally:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    values_right: int = 0

    def add(self, predicted: dict[Triple, str], gold: dict[Triple, str]) -> None:
        hits = predicted.keys() & gold.keys()
        self.true_positives += len(hits)
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.values_right += sum(1 for h in hits if predicted[h] == gold[h])

    @property
    def f1(self) -> float:
        if not self.true_positives:
            return 0.0
        precision = self.true_positives / self.predicted
        recall = self.true_positives / self.gold
        return 2 * precision * recall / (precision + recall)

    @property
    def value_accuracy(self) -> float:
        return self.values_right / self.true_positives if self.true_positives else 0.0
