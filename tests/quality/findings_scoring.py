"""Findings scored against the labelled report pairs (``tests/data/pairs/``).

A predicted finding matches a gold one when the kinds are equal and, on each side the
gold names (non-null), the predicted side's offsets overlap an occurrence of the gold
text — inside the sentence named by ``left_sentence``/``right_sentence`` when given.
Recall: required (non-optional) gold findings matched by some prediction, over all
required gold findings. False findings: predictions that match no gold finding at all
(optional ones included, so a debatable finding is never held against the stage).

``python -m tests.quality.findings_scoring`` prints per-pair and per-kind figures.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsdiff.core.model import Document, Finding, FindingSide
from tests.quality.pairs import Pair, resolve


def occurrences(document: Document, text: str, snippet: str | None, where: str) -> list[range]:
    """Offsets of ``text`` in the document (inside the sentence ``snippet`` names)."""
    lo, hi = 0, len(document.text)
    if snippet:
        sentence = document.sentences[resolve(document, snippet, where)]
        lo, hi = sentence.start, sentence.end
    found = [
        range(lo + m.start(), lo + m.end())
        for m in re.finditer(re.escape(text), document.text[lo:hi])
    ]
    if not found:
        raise AssertionError(f"{where}: {text!r} is not in the text")
    return found


def _overlaps(side: FindingSide | None, places: list[range]) -> bool:
    return side is not None and any(side.start < p.stop and p.start < side.end for p in places)


@dataclass(frozen=True)
class GoldFinding:
    kind: str
    optional: bool
    left: list[range] | None
    right: list[range] | None
    label: str

    def matches(self, finding: Finding) -> bool:
        if finding.kind.value != self.kind:
            return False
        if self.left is not None and not _overlaps(finding.left, self.left):
            return False
        return self.right is None or _overlaps(finding.right, self.right)


def gold_findings(pair: Pair) -> list[GoldFinding]:
    out = []
    for number, gold in enumerate(pair.gold["findings"]):
        where = f"{pair.name} finding {number}"
        sides = {}
        for side, document in (("left", pair.left), ("right", pair.right)):
            text = gold[side]
            sides[side] = (
                None
                if text is None
                else occurrences(document, text, gold.get(f"{side}_sentence"), where)
            )
        label = f"{gold['kind']} {gold['left']!r} -> {gold['right']!r}"
        out.append(
            GoldFinding(
                gold["kind"], bool(gold.get("optional")), sides["left"], sides["right"], label
            )
        )
    return out


@dataclass
class FindingScore:
    """Counts summed over pairs."""

    required: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    false: Counter = field(default_factory=Counter)
    pairs: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        total = sum(self.required.values())
        return sum(self.found.values()) / total if total else 1.0

    @property
    def false_per_pair(self) -> float:
        return sum(self.false.values()) / self.pairs if self.pairs else 0.0

    def kind_lines(self) -> list[str]:
        kinds = sorted(set(self.required) | set(self.false))
        return [
            f"  {kind:20} recall {self.found[kind]}/{self.required[kind]}  false {self.false[kind]}"
            for kind in kinds
        ]


def describe(finding: Finding) -> str:
    def side(s: FindingSide | None) -> str:
        return "-" if s is None else repr(" ".join(s.text.split())[:60])

    return f"{finding.kind.value} {side(finding.left)} -> {side(finding.right)}"


def score_findings(pair: Pair, findings: tuple[Finding, ...], score: FindingScore) -> None:
    """Add one pair's counts (and its misses and false findings) to ``score``."""
    golds = gold_findings(pair)
    score.pairs += 1
    for gold in golds:
        if gold.optional:
            continue
        score.required[gold.kind] += 1
        if any(gold.matches(f) for f in findings):
            score.found[gold.kind] += 1
        else:
            score.misses.append(f"{pair.name}: missed {gold.label}")
    for finding in findings:
        if not any(gold.matches(finding) for gold in golds):
            score.false[finding.kind.value] += 1
            score.misses.append(f"{pair.name}: false {describe(finding)}")


def main() -> None:
    from newsdiff.core.compare import compare
    from tests.quality.pairs import all_pairs

    total = FindingScore()
    for pair in all_pairs():
        score = FindingScore()
        findings = compare(pair.left, pair.right).findings
        score_findings(pair, findings, score)
        score_findings(pair, findings, total)
        print(
            f"{pair.name:28} recall {score.recall:.3f}  false {sum(score.false.values())}"
            f"  ({sum(score.required.values())} required, {len(findings)} reported)"
        )
        for miss in score.misses:
            print(f"    {miss}")
    print(
        f"{'all pairs':28} recall {total.recall:.3f}  false per pair {total.false_per_pair:.2f}"
        f"  ({sum(total.required.values())} required over {total.pairs} pairs)"
    )
    print("\n".join(total.kind_lines()))


if __name__ == "__main__":
    main()
