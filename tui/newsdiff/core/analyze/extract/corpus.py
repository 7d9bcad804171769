"""Labelled NER corpora (CoNLL-style BIO files) and entity-level scoring.

Used by the tagger's training script and by the quality tests, so both read the data
and count a hit the same way: an entity is a (first token, last token, kind) triple
and a hit is an exact match of all three (the usual CoNLL measure).

Two layouts are read: NERGrit (``token<TAB>tag``, tags ``PERSON``/``PLACE``/
``ORGANISATION``) and idner-news-2k (``token POS tag``, tags ``PER``/``LOC``/``ORG``).
Labels are mapped to the span kinds PERSON, PLACE and ORG; anything else is dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsdiff.core.analyze.extract.name_tokens import Token
from newsdiff.core.model import SpanKind

LABEL_KINDS: Final = {
    "PERSON": SpanKind.PERSON,
    "PER": SpanKind.PERSON,
    "PPL": SpanKind.PERSON,
    "PLACE": SpanKind.PLACE,
    "LOC": SpanKind.PLACE,
    "PLC": SpanKind.PLACE,
    "ORGANISATION": SpanKind.ORG,
    "ORGANIZATION": SpanKind.ORG,
    "ORG": SpanKind.ORG,
}

Entity = tuple[int, int, str]
"""First token, one past the last token, kind."""


@dataclass(frozen=True, slots=True)
class LabelledSentence:
    """A sentence as given tokens with BIO tags over PERSON / PLACE / ORG."""

    words: tuple[str, ...]
    tags: tuple[str, ...]

    def text_and_tokens(self) -> tuple[str, list[Token]]:
        """The words joined by single spaces, and each word's offsets in that text."""
        tokens: list[Token] = []
        offset = 0
        for word in self.words:
            tokens.append(Token(offset, offset + len(word), word))
            offset += len(word) + 1
        return " ".join(self.words), tokens

    def entities(self) -> set[Entity]:
        return entities_from_tags(self.tags)


def _normalise_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, _, label = tag.partition("-")
    kind = LABEL_KINDS.get(label.upper())
    if kind is None or prefix not in {"B", "I"}:
        return "O"
    return f"{prefix}-{kind.value}"


def read_conll(path: Path) -> list[LabelledSentence]:
    """Sentences of a CoNLL-style file: first column the word, last column the tag."""
    sentences: list[LabelledSentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t") if "\t" in line else line.split(" ")
        parts = [p for p in parts if p != ""]
        if not parts:
            if words:
                sentences.append(LabelledSentence(tuple(words), tuple(tags)))
                words, tags = [], []
            continue
        words.append(parts[0])
        tags.append(_normalise_tag(parts[-1]) if len(parts) > 1 else "O")
    if words:
        sentences.append(LabelledSentence(tuple(words), tuple(tags)))
    return sentences


def entities_from_tags(tags: Sequence[str]) -> set[Entity]:
    """Entities of a BIO sequence; an ``I-`` without its ``B-`` starts an entity."""
    found: set[Entity] = set()
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            found.add((start, index, kind))
            start, kind = -1, ""
        if prefix in {"B", "I"}:
            start, kind = index, label
    return found


def entities_from_spans(
    tokens: Sequence[Token], spans: Iterable[tuple[int, int, str]]
) -> set[Entity]:
    """Character spans mapped to the given tokens they overlap."""
    found: set[Entity] = set()
    for start, end, kind in spans:
        covered = [i for i, t in enumerate(tokens) if t.start < end and start < t.end]
        if covered:
            found.add((covered[0], covered[-1] + 1, kind))
    return found


@dataclass(frozen=True, slots=True)
class Score:
    """Entity-level exact-match counts, overall and per kind."""

    true_positives: int
    predicted: int
    gold: int
    by_kind: tuple[tuple[str, int, int, int], ...] = ()

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        lines = [f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"]
        for kind, tp, predicted, gold in self.by_kind:
            p = tp / predicted if predicted else 0.0
            r = tp / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            lines.append(f"  {kind:<7} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (gold {gold})")
        return "\n".join(lines)


def score(pairs: Iterable[tuple[set[Entity], set[Entity]]]) -> Score:
    """Score (predicted, gold) entity sets of many sentences."""
    counts: dict[str, list[int]] = {}
    tp = predicted = gold = 0
    for guess, truth in pairs:
        tp += len(guess & truth)
        predicted += len(guess)
        gold += len(truth)
        for kind in {k for _, _, k in guess | truth}:
            row = counts.setdefault(kind, [0, 0, 0])
            row[0] += sum(1 for e in guess & truth if e[2] == kind)
            row[1] += sum(1 for e in guess if e[2] == kind)
            row[2] += sum(1 for e in truth if e[2] == kind)
    by_kind = tuple((k, *counts[k]) for k in sorted(counts))
    return Score(tp, predicted, gold, by_kind)  # type: ignore[arg-type]
