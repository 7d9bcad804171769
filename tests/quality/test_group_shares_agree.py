"""The per-pair similarity agrees with the comparison engine's, at a fraction of its cost.

Grouping reports, for every pair of a story, the share of both reports' words in
sentences that line up (:mod:`newsdiff.core.group.shares`). The comparison engine
computes the same thing, by characters and with its full aligner; on the labelled
pairs and the seed pairs the two must agree closely.
"""

from __future__ import annotations

import numpy as np

from newsdiff.core.analyze import analyze_all
from newsdiff.core.compare import compare
from newsdiff.core.group import compute_features
from newsdiff.core.group.shares import measure_pairs
from newsdiff.core.ingest import load
from tests.conftest import SAMPLES
from tests.quality.pairs import PAIRS


def _pairs():
    for folder in sorted(PAIRS.iterdir()):
        if (folder / "left.txt").exists():
            yield folder.name, [str(folder / "left.txt"), str(folder / "right.txt")]
    samples = {p.name[:3]: str(p) for p in SAMPLES.glob("*.txt")}
    for a, b in (("000", "003"), ("001", "004"), ("005", "006"), ("000", "001"), ("001", "002")):
        yield f"samples {a}-{b}", [samples[a], samples[b]]


def test_pair_similarity_agrees_with_the_comparison_engine() -> None:
    ours, theirs = [], []
    for name, paths in _pairs():
        articles = load(paths).articles
        assert len(articles) == 2, name
        table = compute_features(articles)
        ours.append(measure_pairs(table, [0], [1])[0].similarity)
        left, right = analyze_all(articles)
        theirs.append(compare(left, right).similarity)
    ours_array, theirs_array = np.array(ours), np.array(theirs)
    correlation = float(np.corrcoef(ours_array, theirs_array)[0, 1])
    mean_gap = float(np.abs(ours_array - theirs_array).mean())
    print(f"pair similarity vs compare: correlation {correlation:.3f}, "
          f"mean absolute difference {mean_gap:.3f} over {len(ours)} pairs")  # fmt: skip
    assert correlation >= 0.95
    assert mean_gap <= 0.06
