"""Entity extraction speed: articles against tokenising them, model load, bad input.

    python -m tests.benchmarks.run --scale full extract_entities

Figures (each against a baseline measured in the same run):

- entity extraction of 1,000 sample-sized articles (the bundled samples, cycled)
  against merely tokenising them, and the same for the whole extraction
  (:func:`newsdiff.core.analyze.analyze_all`: sentences, values and entities);
- one 3 KB article, entities alone and the whole analysis: the target of 15 ms is
  turned into a ratio against the baseline measured in this run, so ``ok`` means "at
  most 15 ms here and now";
- loading the lexicons and the tagger model in a fresh interpreter, against
  importing the core model there (target 0.5 s, turned into a ratio the same way);
- adversarial input at full size (100,000 capitalised words, a 1 MB line without
  spaces, 10,000 dots) against tokenising it, with no target: the linearity test in
  ``tests/unit/test_entities_linear.py`` is what holds the line.
"""

from __future__ import annotations

import random
import subprocess
import sys
from dataclasses import replace

from newsdiff.core.analyze import analyze, analyze_all, sentences_of
from newsdiff.core.analyze.extract.entities import find_entity_spans
from newsdiff.core.ingest import load
from newsdiff.core.model import Article
from newsdiff.core.samples import samples_dir
from newsdiff.core.segment import tokenize
from tests.benchmarks.harness import Figure, timed

ARTICLE_BUDGET_SECONDS = 0.015
LOAD_BUDGET_SECONDS = 0.5
COUNTS = {"smoke": 16, "quick": 200, "full": 1000}
ADVERSARIAL_SCALE = {"smoke": 0.01, "quick": 0.2, "full": 1.0}


def _articles(count: int) -> list[Article]:
    samples = load([str(samples_dir())]).articles
    return [replace(samples[i % len(samples)], path=f"bench-{i}") for i in range(count)]


def _article_of_size(chars: int) -> Article:
    samples = [a for a in load([str(samples_dir())]).articles if a.language == "id"]
    text = ""
    index = 0
    while len(text) < chars:
        text += samples[index % len(samples)].text + "\n"
        index += 1
    cut = text.rfind(". ", 0, chars) + 1 or chars
    return Article(path="bench-3kb", text=text[:cut], title="", language="id")


def _load_seconds(code: str) -> float:
    script = f"import time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)\n"
    best = float("inf")
    for _ in range(3):
        result = subprocess.run(
            [sys.executable, "-c", script], capture_output=True, text=True, check=True
        )
        best = min(best, float(result.stdout.strip()))
    return best


def _adversarial(scale: float) -> dict[str, str]:
    rng = random.Random(7)
    names = [
        "Jakarta",
        "Medinsky",
        "Badan",
        "Rusia",
        "Kabupaten",
        "Presiden",
        "Dewan",
        "BPS",
        "Putin",
        "Istana",
    ]
    words = max(10, int(100_000 * scale))
    return {
        f"{words:,} capitalised words": " ".join(rng.choice(names) for _ in range(words)),
        f"{int(1_000_000 * scale):,}-char line without spaces": "Ab" * int(500_000 * scale),
        f"{int(10_000 * scale):,} dots": "." * int(10_000 * scale),
    }


def run(scale: str) -> list[Figure]:
    figures: list[Figure] = []
    articles = _articles(COUNTS[scale])
    prepared = [(a, sentences_of(a)) for a in articles]
    chars = sum(len(a.text) for a in articles)
    find_entity_spans(*prepared[0])  # load lexicons and model outside the timings

    def tokenise_all() -> None:
        for article in articles:
            tokenize(article.text)

    def extract_all() -> None:
        for article, sentences in prepared:
            find_entity_spans(article, sentences)

    base, _ = timed(tokenise_all, repeat=3)
    seconds, _ = timed(extract_all, repeat=2)
    per_3kb = seconds / chars * 3000 * 1000
    figures.append(
        Figure(
            f"entities: {len(articles):,} sample-sized articles",
            seconds,
            "tokenise them",
            base,
            note=f"{per_3kb:.1f} ms per 3 KB, {chars / len(articles):,.0f} chars/article",
        )
    )
    whole, _ = timed(lambda: analyze_all(articles), repeat=1)
    figures.append(
        Figure(
            f"analyze_all (all spans): {len(articles):,} articles",
            whole,
            "tokenise them",
            base,
            note=f"{whole / chars * 3000 * 1000:.1f} ms per 3 KB, with cross-report memory",
        )
    )

    article = _article_of_size(3000)
    sentences = sentences_of(article)
    one_base, _ = timed(lambda: tokenize(article.text), repeat=20)
    one, _ = timed(lambda: find_entity_spans(article, sentences), repeat=10)
    figures.append(
        Figure(
            "entities: one 3 KB article",
            one,
            "tokenise it",
            one_base,
            target=ARTICLE_BUDGET_SECONDS / one_base,
            note=f"{one * 1000:.1f} ms (target <= {ARTICLE_BUDGET_SECONDS * 1000:.0f} ms)",
        )
    )

    whole_one, _ = timed(lambda: analyze(article), repeat=10)
    figures.append(
        Figure(
            "analyze (all spans): one 3 KB article",
            whole_one,
            "tokenise it",
            one_base,
            target=ARTICLE_BUDGET_SECONDS / one_base,
            note=f"{whole_one * 1000:.1f} ms: sentences, values and entities "
            f"(target <= {ARTICLE_BUDGET_SECONDS * 1000:.0f} ms)",
        )
    )

    load_base = _load_seconds("import newsdiff.core.model")
    load_all = _load_seconds(
        "from newsdiff.core.analyze.extract.gazetteer import lexicons\n"
        "from newsdiff.core.analyze.extract.tagger import available\n"
        "lexicons(); assert available()"
    )
    figures.append(
        Figure(
            "entities: load lexicons and tagger model",
            load_all,
            "import core model",
            load_base,
            target=LOAD_BUDGET_SECONDS / load_base,
            note=f"{load_all * 1000:.0f} ms in a fresh interpreter (target <= 500 ms)",
        )
    )

    for name, text in _adversarial(ADVERSARIAL_SCALE[scale]).items():
        bad = Article(path="adversarial", text=text, title="", language="id")
        bad_sentences = sentences_of(bad)
        bad_base, _ = timed(lambda text=text: tokenize(text), repeat=1)
        bad_seconds, _ = timed(lambda bad=bad, s=bad_sentences: find_entity_spans(bad, s), repeat=1)
        figures.append(Figure(f"entities: {name}", bad_seconds, "tokenise it", max(bad_base, 1e-6)))
    return figures
