"""Generated report pairs of any size, with the true alignment, for the compare benchmark.

Real reports have a few dozen sentences; the benchmark needs 10,000. A left report is
made of sentences drawn from a Zipf-distributed vocabulary of made-up words (so rare
and common words behave as in text), with function words and numbers mixed in. The
right report is a rewrite of it, sentence by sentence:

- most sentences are kept with edits: some words replaced by others (paraphrase),
  some dropped, some inserted, a number changed now and then;
- some are heavily reworded, deleted (left only), split in two, or merged with the
  next one; new sentences are inserted (right only);
- finally some sentences are moved elsewhere.

Every step records which left sentence became which right sentence, so the true links
are known. Seeded, so a run is repeatable.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from newsdiff.core.analyze import analyze
from newsdiff.core.ingest import build_article
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import Document

_CONSONANTS = "bcdfghjklmnprstw"
_VOWELS = "aeiou"
_FUNCTION_WORDS = [
    "yang",
    "dan",
    "di",
    "ke",
    "dari",
    "untuk",
    "dengan",
    "pada",
    "dalam",
    "ini",
    "itu",
    "akan",
    "telah",
    "juga",
    "tidak",
    "bahwa",
    "oleh",
    "sebagai",
    "atau",
    "karena",
    "the",
    "of",
    "and",
    "to",
    "in",
    "that",
    "for",
    "on",
    "with",
    "said",
    "was",
]


@dataclass(frozen=True)
class GeneratedPair:
    left: Document
    right: Document
    links: frozenset[tuple[int, int]]
    """True (left sentence index, right sentence index) links."""
    left_sentences: list[str]
    right_sentences: list[str]


class _Writer:
    def __init__(self, seed: int, vocabulary: int) -> None:
        self.random = random.Random(seed)
        words: set[str] = set()
        while len(words) < vocabulary:
            syllables = self.random.randint(2, 4)
            words.add(
                "".join(
                    self.random.choice(_CONSONANTS) + self.random.choice(_VOWELS)
                    for _ in range(syllables)
                )
                + self.random.choice(["", "n", "k", "t", "s"])
            )
        self.words = sorted(words)
        weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]
        total = sum(weights)
        self.cumulative: list[float] = []
        running = 0.0
        for weight in weights:
            running += weight / total
            self.cumulative.append(running)

    def word(self) -> str:
        if self.random.random() < 0.3:
            return self.random.choice(_FUNCTION_WORDS)
        from bisect import bisect_left

        index = bisect_left(self.cumulative, self.random.random())
        return self.words[min(index, len(self.words) - 1)]

    def number(self) -> str:
        value = self.random.choice([self.random.randint(2, 99), self.random.randint(100, 99_999)])
        return f"{value:,}".replace(",", ".")

    def sentence(self) -> list[str]:
        words = [self.word() for _ in range(self.random.randint(10, 28))]
        if self.random.random() < 0.4:
            words.insert(self.random.randrange(len(words)), self.number())
        return words

    def edit(self, words: list[str], rate: float) -> list[str]:
        out: list[str] = []
        for word in words:
            roll = self.random.random()
            if word[:1].isdigit() and roll < 0.3:
                out.append(self.number())  # a changed value
            elif roll < rate:
                out.append(self.word())  # a paraphrased word
            elif roll < rate * 1.6:
                continue  # a dropped word
            else:
                out.append(word)
            if self.random.random() < rate * 0.6:
                out.append(self.word())  # an inserted word
        return out or [self.word()]


def _text(sentences: list[list[str]]) -> list[str]:
    return [" ".join(words).capitalize() + "." for words in sentences]


def _document(sentences: list[str], name: str) -> Document:
    paragraphs = [" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)]
    text = "\n\n".join(paragraphs) + "\n"
    document = analyze(build_article(RawRecord(text=text, source_format="text"), name))
    if len(document.sentences) != len(sentences):
        raise AssertionError(f"{name}: {len(document.sentences)} sentences, made {len(sentences)}")
    return document


def generate_pair(size: int, seed: int = 7) -> GeneratedPair:
    """A left report of ``size`` sentences and its rewrite, with the true links."""
    writer = _Writer(seed, vocabulary=max(2_000, size * 3))
    rng = writer.random
    left = [writer.sentence() for _ in range(size)]
    # Each right sentence with the left sentences it came from.
    right: list[tuple[list[str], tuple[int, ...]]] = []
    i = 0
    while i < size:
        roll = rng.random()
        if roll < 0.06:
            pass  # deleted: left only
        elif roll < 0.12 and len(left[i]) >= 12:
            cut = len(left[i]) // 2
            right.append((writer.edit(left[i][:cut], 0.1), (i,)))
            right.append((writer.edit(left[i][cut:], 0.1), (i,)))
        elif roll < 0.16 and i + 1 < size:
            right.append((writer.edit(left[i] + left[i + 1], 0.1), (i, i + 1)))
            i += 1
        elif roll < 0.24:
            right.append((writer.edit(left[i], 0.3), (i,)))  # heavily reworded
        else:
            right.append((writer.edit(left[i], 0.12), (i,)))
        if rng.random() < 0.05:
            right.append((writer.sentence(), ()))  # new: right only
        i += 1
    # Moves: take single sentences out and put them elsewhere.
    for _ in range(max(1, len(right) // 40)):
        item = right.pop(rng.randrange(len(right)))
        right.insert(rng.randrange(len(right) + 1), item)
    links = frozenset((a, b) for b, (_, sources) in enumerate(right) for a in sources)
    left_text = _text(left)
    right_text = _text([words for words, _ in right])
    return GeneratedPair(
        left=_document(left_text, f"generated-{size}-left"),
        right=_document(right_text, f"generated-{size}-right"),
        links=links,
        left_sentences=left_text,
        right_sentences=right_text,
    )
