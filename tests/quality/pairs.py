"""The labelled report pairs (``tests/data/pairs/``): loading gold and scoring alignment.

See ``tests/data/pairs/README.md`` for the format. Gold rows name sentences by a
snippet of their text, so the set survives changes to the sentence splitter as long
as each snippet still falls in exactly one sentence; a snippet that does not is an
error, not a silent miss.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from newsdiff.core.analyze import analyze_all
from newsdiff.core.ingest import load
from newsdiff.core.model import Comparison, Document, RowKind

PAIRS = Path(__file__).resolve().parent.parent / "data" / "pairs"

ALIGNED_KINDS = frozenset({RowKind.SAME, RowKind.CHANGED, RowKind.MOVED})

Link = tuple[int, int]


@dataclass(frozen=True)
class GoldRow:
    kind: str
    """``same``, ``changed``, ``moved``, ``aligned`` (any of those three),
    ``left_only`` or ``right_only``."""
    left: tuple[int, ...]
    right: tuple[int, ...]

    @property
    def links(self) -> set[Link]:
        return {(a, b) for a in self.left for b in self.right}


@dataclass(frozen=True)
class Pair:
    name: str
    gold: dict
    left: Document
    right: Document
    rows: tuple[GoldRow, ...]
    """Sure rows: every content sentence of both sides is in exactly one."""
    possible: frozenset[Link] = field(default_factory=frozenset)
    """Links that are neither rewarded nor penalised (debatable alignments)."""

    @property
    def sure(self) -> set[Link]:
        return {link for row in self.rows for link in row.links}


def _documents(left: Path, right: Path) -> tuple[Document, Document]:
    """Both reports analysed together, as ``newsdiff compare`` does (a name found in
    one report is known in the other)."""
    articles = []
    for path in (left, right):
        result = load([str(path)])
        assert len(result.articles) == 1, f"{path}: expected one article, got {result.problems}"
        articles.append(result.articles[0])
    first, second = analyze_all(articles)
    return first, second


def resolve(document: Document, snippet: str, where: str) -> int:
    """Index of the one content sentence that contains ``snippet``."""
    hits = [
        s.index for s in document.content_sentences() if snippet in document.sentence_text(s.index)
    ]
    if len(hits) != 1:
        raise AssertionError(f"{where}: snippet {snippet!r} is in {len(hits)} content sentences")
    return hits[0]


def _indices(document: Document, snippets: Iterable[str], where: str) -> tuple[int, ...]:
    return tuple(sorted(resolve(document, s, where) for s in snippets))


def load_pair(folder: Path) -> Pair:
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    left, right = _documents((folder / gold["left"]).resolve(), (folder / gold["right"]).resolve())
    rows: list[GoldRow] = []
    possible: set[Link] = set()
    for number, row in enumerate(gold["rows"]):
        where = f"{folder.name} row {number}"
        a = _indices(left, row.get("left", []), where)
        b = _indices(right, row.get("right", []), where)
        if row.get("possible"):
            possible.update((x, y) for x in a for y in b)
        else:
            rows.append(GoldRow(row["kind"], a, b))
    return Pair(folder.name, gold, left, right, tuple(rows), frozenset(possible))


@cache
def all_pairs() -> tuple[Pair, ...]:
    return tuple(load_pair(folder) for folder in sorted(PAIRS.iterdir()) if folder.is_dir())


def predicted_links(comparison: Comparison) -> set[Link]:
    return {
        (a, b)
        for row in comparison.rows
        if row.kind in ALIGNED_KINDS
        for a in row.left
        for b in row.right
    }


@dataclass
class Score:
    """Pair-level counts, summed over pairs (micro average)."""

    true_links: int = 0
    predicted: int = 0
    predicted_allowed: int = 0
    gold: int = 0
    rows_right: int = 0
    rows: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.predicted_allowed / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_links / self.gold if self.gold else 1.0

    @property
    def row_accuracy(self) -> float:
        return self.rows_right / self.rows if self.rows else 1.0


def _row_matches(gold: GoldRow, comparison: Comparison, possible: frozenset[Link]) -> bool:
    if not (gold.left and gold.right):
        # A one-sided gold row is reproduced when its sentence is one-sided too, or
        # aligned only through debatable (possible) links.
        links = {
            (a, b)
            for row in comparison.rows
            if row.kind in ALIGNED_KINDS
            for a in row.left
            for b in row.right
            if a in gold.left or b in gold.right
        }
        return links <= possible
    for row in comparison.rows:
        if set(row.left) == set(gold.left) and set(row.right) == set(gold.right):
            if gold.kind == "aligned":
                return row.kind in ALIGNED_KINDS
            return row.kind.value == gold.kind
    return False


def score_pair(pair: Pair, comparison: Comparison, score: Score) -> None:
    """Add one pair's counts to ``score``.

    Precision: predicted links that are sure or possible gold links, over all predicted
    links. Recall: sure gold links predicted, over all sure gold links. Row accuracy:
    gold rows reproduced exactly (same sentences on both sides, same kind).
    """
    predicted = predicted_links(comparison)
    sure = pair.sure
    allowed = sure | pair.possible
    score.predicted += len(predicted)
    score.predicted_allowed += len(predicted & allowed)
    score.gold += len(sure)
    score.true_links += len(predicted & sure)
    for link in sorted(sure - predicted):
        score.misses.append(f"{pair.name}: missed {link}")
    for link in sorted(predicted - allowed):
        score.misses.append(f"{pair.name}: wrong {link}")
    for row in pair.rows:
        score.rows += 1
        if _row_matches(row, comparison, pair.possible):
            score.rows_right += 1
        else:
            score.misses.append(
                f"{pair.name}: row {row.kind} {row.left}->{row.right} not reproduced"
            )


def main() -> None:
    """Print alignment scores per pair and over the set: ``python -m tests.quality.pairs``."""
    from newsdiff.core.compare import compare

    total = Score()
    for pair in all_pairs():
        score = Score()
        comparison = compare(pair.left, pair.right)
        score_pair(pair, comparison, score)
        score_pair(pair, comparison, total)
        print(
            f"{pair.name:28} precision {score.precision:.3f}  recall {score.recall:.3f}  "
            f"rows {score.row_accuracy:.3f}  ({score.gold} gold links)"
        )
        for miss in score.misses:
            print(f"    {miss}")
    print(
        f"{'all pairs':28} precision {total.precision:.3f}  recall {total.recall:.3f}  "
        f"rows {total.row_accuracy:.3f}  ({total.gold} gold links, {total.rows} gold rows)"
    )


if __name__ == "__main__":
    main()
