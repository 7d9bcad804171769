"""Value extraction speed: 1,000 sample-sized articles against merely tokenising them.

Figures (each against a baseline measured in the same run):

* ``extract values`` — :func:`find_value_spans` over N articles (sentences already
  split), against tokenising the same articles with :func:`segment.tokenize`.
* ``analyze 3 KB article`` — the whole analysis of one 3 KB article (sentences, value
  and entity extraction, merge), per article, against tokenising it; the note gives
  milliseconds against the issue's target of 15 ms.
* ``value lexicon load`` — building every value lexicon in a fresh interpreter, against
  starting that interpreter and importing the package; the note gives seconds against
  the target of 0.5 s.
"""

from __future__ import annotations

import subprocess
import sys
import time
from itertools import cycle, islice

from newsdiff.core.analyze import analyze, sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.ingest import load
from newsdiff.core.model import Article
from newsdiff.core.samples import samples_dir
from newsdiff.core.segment import tokenize
from tests.benchmarks.harness import Figure, timed

ARTICLES = {"smoke": 16, "quick": 200, "full": 1000}
REPEAT = {"smoke": 1, "quick": 3, "full": 5}
TARGET_RATIO = 8.0
"""Value extraction may cost at most this many times tokenising the same text."""
TARGET_MS_PER_3KB = 15.0
TARGET_LOAD_SECONDS = 0.5


def _articles(count: int) -> list[Article]:
    samples = list(load([str(samples_dir())]).articles)
    return list(islice(cycle(samples), count))


def _three_kb_article() -> Article:
    samples = list(load([str(samples_dir())]).articles)
    by_name = {a.path.rsplit("/", 1)[-1][:3]: a for a in samples}
    text = ""
    for key in ("001", "007", "000", "005"):
        for line in by_name[key].text.splitlines():
            if len((text + line).encode("utf-8")) > 3072:
                break
            text += line + "\n"
    return Article(path="3kb", text=text, title="", language="id", published="2025-07-23")


def _fresh_interpreter(code: str) -> float:
    """Seconds a child Python reports for running ``code`` after its own start."""
    script = f"import time\nstart = time.perf_counter()\n{code}\nprint(time.perf_counter() - start)"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    return float(result.stdout.strip().splitlines()[-1])


def run(scale: str) -> list[Figure]:
    repeat = REPEAT[scale]
    articles = _articles(ARTICLES[scale])
    prepared = [(article, sentences_of(article)) for article in articles]
    size = sum(len(a.text.encode("utf-8")) for a in articles)

    def extract() -> int:
        return sum(len(find_value_spans(a, s)) for a, s in prepared)

    def tokenise() -> int:
        return sum(len(tokenize(a.text)) for a in articles)

    find_value_spans(*prepared[0])  # load the lexicons outside the timing
    extract_seconds, spans = timed(extract, repeat)
    token_seconds, _ = timed(tokenise, repeat)

    article = _three_kb_article()
    rounds = 20 if scale == "smoke" else 200
    analyze(article)
    whole_seconds, _ = timed(lambda: [analyze(article) for _ in range(rounds)], repeat)
    article_token_seconds, _ = timed(
        lambda: [tokenize(article.text) for _ in range(rounds)], repeat
    )
    per_article_ms = whole_seconds / rounds * 1000

    loads = [
        _fresh_interpreter(
            "from newsdiff.core.analyze.extract.vocabulary import vocabulary\nvocabulary()"
        )
        for _ in range(repeat)
    ]
    imports = [
        _fresh_interpreter("import newsdiff.core.analyze.extract.vocabulary") for _ in range(repeat)
    ]
    load_seconds = min(loads)
    return [
        Figure(
            name=f"extract values, {len(articles)} articles",
            seconds=extract_seconds,
            baseline="tokenise them",
            baseline_seconds=token_seconds,
            target=TARGET_RATIO,
            note=f"{size / 1024:.0f} KB, {spans} spans, "
            f"{extract_seconds / len(articles) * 1000:.2f} ms per article",
        ),
        Figure(
            name="analyze 3 KB article",
            seconds=whole_seconds / rounds,
            baseline="tokenise it",
            baseline_seconds=article_token_seconds / rounds,
            note=f"{per_article_ms:.2f} ms per {len(article.text.encode('utf-8'))} B article "
            f"(target <= {TARGET_MS_PER_3KB:g} ms: "
            f"{'yes' if per_article_ms <= TARGET_MS_PER_3KB else 'NO'})",
        ),
        Figure(
            name="value lexicon load",
            seconds=load_seconds,
            baseline="import the package",
            baseline_seconds=min(imports),
            note=f"{load_seconds:.3f} s incl. import "
            f"(target <= {TARGET_LOAD_SECONDS:g} s: "
            f"{'yes' if load_seconds <= TARGET_LOAD_SECONDS else 'NO'})",
        ),
    ]


if __name__ == "__main__":  # pragma: no cover
    started = time.perf_counter()
    for figure in run("quick"):
        print(figure)
    print(f"{time.perf_counter() - started:.1f} s")
