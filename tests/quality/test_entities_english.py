"""Entity F1 on English news: the team's labels over ECB+ sentences (skips without
``../shared/data``).

English text is read by the rules alone (the tagger is trained on Indonesian), so this
is the score of the rules, gazetteers and generated world lexicons as shipped. The
``dev`` split (ECB+ topics 1–10) is what the English rules were tuned on; ``test``
(topics 11–20) was held out and is reported, with a lower floor. Typed, entity-level
exact match over PERSON / PLACE / ORG, as for the Indonesian corpora.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.analyze.extract.evaluation import Mode, evaluate
from tests.quality.english_entities import labelled_sentences

FLOORS = {"dev": 0.68, "test": 0.62}
"""Measured 0.726 (dev) and 0.675 (test); the rules before the English work scored
0.527 and 0.515."""


@pytest.mark.parametrize("split", list(FLOORS))
def test_english_entity_f1_floor(shared_data: Path, split: str) -> None:
    sentences = labelled_sentences(shared_data)[split]
    assert len(sentences) >= 60
    result = evaluate(sentences, Mode.COMBINED, language="en")
    print(f"ECB+ English {split} ({len(sentences)} sentences): {result.summary()}")
    assert result.f1 >= FLOORS[split]


def test_labels_stay_inside_their_lines(shared_data: Path) -> None:
    """Every labelled entity points at tokens of its ECB+ line (a changed text or a
    typo in the labels fails here rather than as a silently lower score)."""
    splits = labelled_sentences(shared_data)
    counted = sum(len(s.entities()) for sentences in splits.values() for s in sentences)
    assert counted == 185
