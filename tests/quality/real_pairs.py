"""Print the disagreements newsdiff finds between real reports of one event.

``python -m tests.quality.real_pairs`` compares 72 pairs of English reports from ECB+
(``../shared/data/ecbplus-dev``; for each of its 36 events, two pairs drawn with a
fixed seed) and prints every disagreement finding — number, date, entity, attribution
and certainty — with both sentences, for reading by hand. There is no gold for these
findings; the count and the list are what changed between versions (README,
"Findings").
"""

from __future__ import annotations

import json
import random
import sys
from collections import Counter
from pathlib import Path

from newsdiff.core.analyze import analyze_all
from newsdiff.core.compare import compare
from newsdiff.core.ingest import load
from newsdiff.core.model import FindingKind
from tests.conftest import SHARED_DATA

DISAGREEMENTS = frozenset(
    {
        FindingKind.NUMBER_MISMATCH,
        FindingKind.DATE_MISMATCH,
        FindingKind.ENTITY_MISMATCH,
        FindingKind.ATTRIBUTION_CHANGE,
        FindingKind.CERTAINTY_CHANGE,
    }
)
SEED = 11


def pairs(root: Path) -> list[tuple[str, str]]:
    """Two random pairs of reports per ECB+ event, the same on every run."""
    clusters = json.loads((root / "clusters.json").read_text(encoding="utf-8"))
    rng = random.Random(SEED)
    chosen: list[tuple[str, str]] = []
    for event in sorted(clusters):
        members = clusters[event]
        if len(members) >= 2:
            for _ in range(2):
                a, b = rng.sample(members, 2)
                chosen.append((a, b))
    return chosen


def main() -> int:
    if SHARED_DATA is None:
        print("../shared/data is not present", file=sys.stderr)
        return 2
    root = SHARED_DATA / "ecbplus-dev"
    counts: Counter[str] = Counter()
    chosen = pairs(root)
    for a, b in chosen:
        loaded = load([str(root / "text" / f"{a}.txt"), str(root / "text" / f"{b}.txt")])
        left, right = analyze_all(list(loaded.articles))
        for finding in compare(left, right).findings:
            if finding.kind not in DISAGREEMENTS:
                continue
            counts[finding.kind.value] += 1
            print(f"{a} / {b}  {finding.kind.value}: {finding.message}")
            for side, document in (("L", left), ("R", right)):
                stretch = finding.left if side == "L" else finding.right
                if stretch is not None:
                    print(f"    {side}: {document.sentence_text(stretch.sentence)[:200]}")
    print(
        f"{len(chosen)} pairs, {sum(counts.values())} disagreements: {dict(sorted(counts.items()))}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
