"""Measure language detection (``id`` / ``en`` / ``und``) on labelled text.

Labelled sets, all from ``../shared/data`` except the samples:

- ``en``: the 413 ECB+ articles (``ecbplus-dev/text``) and the fundus pages whose
  ``<html lang>`` is ``en`` (their expected body text);
- ``id``: Indonesian NER sentences (nergrit, nerp, idner-news-2k) joined into
  pseudo-documents of 10 consecutive sentences, and the fundus page marked ``id``;
- ``und``: every other fundus page with a declared language (German, Japanese,
  Spanish, …) — newsdiff must not force these into Indonesian or English;
- the bundled samples, with the language each is written in.

    python -m tests.quality.language_eval
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

SENTENCES_PER_DOCUMENT: Final = 10
SAMPLE_LANGUAGES: Final = {
    "000": "id",
    "001": "id",
    "002": "id",
    "003": "id",
    "004": "id",
    "005": "en",
    "006": "en",
    "007": "id",
}


@dataclass(frozen=True, slots=True)
class Labelled:
    source: str
    """Which set the text comes from (``ecbplus``, ``nergrit``, ``fundus``, ``samples``)."""
    name: str
    text: str
    language: str


def _conll_sentences(path: Path) -> Iterator[list[str]]:
    """Token lists of a CoNLL-style file (token first on each line, blank between)."""
    tokens: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if tokens:
                yield tokens
            tokens = []
            continue
        tokens.append(line.split()[0])
    if tokens:
        yield tokens


def indonesian_documents(data: Path) -> Iterator[Labelled]:
    """10-sentence pseudo-documents from the Indonesian NER sets."""
    for corpus, files in (
        ("nergrit", ("train.txt", "valid.txt")),
        ("nerp", ("train.txt", "valid.txt")),
        ("idner-news-2k", ("train.txt", "dev.txt")),
    ):
        for name in files:
            path = data / "ner-id" / corpus / name
            if not path.is_file():
                continue
            sentences = [" ".join(s) for s in _conll_sentences(path)]
            for i in range(0, len(sentences), SENTENCES_PER_DOCUMENT):
                chunk = sentences[i : i + SENTENCES_PER_DOCUMENT]
                if len(chunk) == SENTENCES_PER_DOCUMENT:
                    yield Labelled(corpus, f"{name}:{i}", "\n".join(chunk), "id")


def english_documents(data: Path) -> Iterator[Labelled]:
    for path in sorted((data / "ecbplus-dev" / "text").glob("*.txt")):
        yield Labelled("ecbplus", path.name, path.read_text(encoding="utf-8"), "en")


MISDECLARED: Final = {
    "HabariLeo": "sw",  # Tanzanian, body in Swahili
    "Dizindaba": "xh",  # South African, body in Xhosa
    "EyethuNews": "zu",  # body in Zulu
    "Ilanga": "zu",
    "Isolezwe": "zu",
    "IsolezweLesiXhosa": "xh",
}
"""Publishers whose pages declare ``<html lang="en">`` over a body in another language
(read by a person on this project); their label is the body's language."""


def fundus_documents(data: Path) -> Iterator[Labelled]:
    """Fundus pages with a declared language: ``en``/``id`` as such, others ``und``."""
    from tests.quality.html_eval import fundus_pages

    for page in fundus_pages(data / "html" / "fundus"):
        declared = MISDECLARED.get(page.path.name.rsplit("_", 3)[0], page.lang)
        if declared is None:
            continue
        expected = declared if declared in {"en", "id"} else "und"
        text = "\n".join((*page.summary, *page.paragraphs))
        yield Labelled(f"fundus-{expected}", page.path.name, text, expected)


def sample_documents(samples: Path) -> Iterator[Labelled]:
    for path in sorted(samples.glob("*.txt")):
        yield Labelled(
            "samples", path.name, path.read_text(encoding="utf-8"), SAMPLE_LANGUAGES[path.name[:3]]
        )


def all_documents(data: Path | None, samples: Path) -> list[Labelled]:
    documents = list(sample_documents(samples))
    if data is not None:
        documents += [*english_documents(data), *fundus_documents(data)]
        documents += list(indonesian_documents(data))
    return documents


@dataclass(frozen=True, slots=True)
class Accuracy:
    by_source: dict[str, tuple[int, int]]
    """Source → (correct, total)."""
    confusions: Counter[tuple[str, str]]
    """(expected, got) → count, for the wrong answers."""

    @property
    def correct(self) -> int:
        return sum(c for c, _ in self.by_source.values())

    @property
    def total(self) -> int:
        return sum(t for _, t in self.by_source.values())

    def share(self, source: str | None = None) -> float:
        if source is None:
            return self.correct / self.total if self.total else 0.0
        correct, total = self.by_source[source]
        return correct / total if total else 0.0


def measure(documents: list[Labelled]) -> Accuracy:
    from newsdiff.core.ingest.language import detect_language

    by_source: dict[str, tuple[int, int]] = {}
    confusions: Counter[tuple[str, str]] = Counter()
    for document in documents:
        got = detect_language(document.text)
        correct, total = by_source.get(document.source, (0, 0))
        by_source[document.source] = (correct + (got == document.language), total + 1)
        if got != document.language:
            confusions[(document.language, got)] += 1
    return Accuracy(by_source, confusions)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.quality.language_eval")
    parser.add_argument("--errors", action="store_true", help="list the misread documents")
    args = parser.parse_args(argv)
    from tests.conftest import SAMPLES, SHARED_DATA

    documents = all_documents(SHARED_DATA, SAMPLES)
    accuracy = measure(documents)
    for source, (correct, total) in sorted(accuracy.by_source.items()):
        print(f"{source:<16} {correct:>5}/{total:<5} {correct / total:.1%}")
    print(f"{'all':<16} {accuracy.correct:>5}/{accuracy.total:<5} {accuracy.share():.1%}")
    for (expected, got), count in accuracy.confusions.most_common():
        print(f"  {expected} read as {got}: {count}")
    if args.errors:
        from newsdiff.core.ingest.language import detect_language

        for document in documents:
            got = detect_language(document.text)
            if got != document.language:
                print(f"  {document.source} {document.name}: {document.language} → {got}")
    if SHARED_DATA is None:
        print("(../shared/data absent: samples only)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
