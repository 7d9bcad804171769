"""Entity F1 on third-party Indonesian NER data (skips without ../shared/data).

Typed, entity-level exact match over PERSON / PLACE / ORG on the given tokens (see
``newsdiff.core.analyze.extract.evaluation``). Floors: NERGrit ``valid`` ≥ 0.70 and
idner-news-2k ``dev`` ≥ 0.75 for the extractor as shipped (tagger and rules); the
rules alone keep a lower floor so the fallback does not silently rot.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.analyze.extract.corpus import read_conll
from newsdiff.core.analyze.extract.evaluation import Mode, evaluate

FLOORS = {
    ("nergrit/valid.txt", Mode.COMBINED): 0.70,
    ("nergrit/valid.txt", Mode.RULES): 0.38,
    ("idner-news-2k/dev.txt", Mode.COMBINED): 0.75,
    ("idner-news-2k/dev.txt", Mode.RULES): 0.52,
}


@pytest.mark.slow
@pytest.mark.parametrize(("relative", "mode"), list(FLOORS), ids=lambda v: str(v))
def test_entity_f1_floor(shared_data: Path, relative: str, mode: Mode) -> None:
    sentences = read_conll(shared_data / "ner-id" / relative)
    assert len(sentences) > 100
    result = evaluate(sentences, mode)
    print(f"{relative} [{mode.value}]: {result.summary()}")
    assert result.f1 >= FLOORS[(relative, mode)]
