"""No input makes value extraction super-linear.

Work is counted, not timed: every line the extractor's own modules execute is counted
with ``sys.settrace`` while extracting an adversarial input of size n and of size 2n,
and the count may at most roughly double. The full-size inputs the issue names
(100,000 digits, 10,000 dots, a 1 MB line with no spaces, ``1.1.1.1…``) also go through
the whole analysis in a child process, which must finish (a hang detector, not a timing
assertion).
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import newsdiff.core.analyze.extract as extract_package
from newsdiff.core.analyze import sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.model import Article
from newsdiff.core.segment import tokenize
from tests.conftest import sample
from tests.unit.value_helpers import TODAY

EXTRACT_DIR = str(Path(extract_package.__file__).resolve().parent)
GROWTH = 2.3
"""Allowed ratio of work at 2n to work at n (linear is 2; quadratic would be 4)."""


def counted_lines(text: str) -> int:
    """Lines executed inside ``core/analyze/extract/`` while extracting values."""
    article = Article(path="adversarial", text=text, title="", language="id")
    sentences = sentences_of(article)
    count = 0

    def local(frame, event, arg):  # type: ignore[no-untyped-def]
        nonlocal count
        if event == "line":
            count += 1
        return local

    def global_trace(frame, event, arg):  # type: ignore[no-untyped-def]
        return local if frame.f_code.co_filename.startswith(EXTRACT_DIR) else None

    sys.settrace(global_trace)
    try:
        find_value_spans(article, sentences, today=TODAY)
    finally:
        sys.settrace(None)
    return count


def _sample_text() -> str:
    return sample("007").read_text(encoding="utf-8")


ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "digits": lambda n: "1" * n,
    "dots": lambda n: "." * n,
    "dotted digits": lambda n: "1." * n,
    "no spaces": lambda n: "ab1,2+c.d" * (n // 9),
    "number words": lambda n: "dua puluh lima ribu " * (n // 20),
    "ke words": lambda n: "kedua " * (n // 6),
    "qualifiers": lambda n: "lebih dari " * (n // 11),
    "currencies": lambda n: "Rp Rp 5 " * (n // 8),
    "ranges": lambda n: "1 - 2 - 3 - " * (n // 12),
    "weekdays": lambda n: "Jumat (16/5) " * (n // 13),
    "phone runs": lambda n: "+62 812 " * (n // 8),
    "dense news": lambda n: (_sample_text() + "\n") * max(1, n // 1000),
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_work_grows_linearly(name: str) -> None:
    make = ADVERSARIAL[name]
    small = counted_lines(make(4000))
    large = counted_lines(make(8000))
    assert large <= GROWTH * small + 200, f"{name}: {small} lines at n, {large} at 2n"


def test_the_tokenizer_stays_linear_on_runs_of_dots() -> None:
    """The e-mail alternative of the token pattern used to rescan a run of dots (or
    ``a+a+…``) from every token start; counted by tokens, the work is now one pass."""
    for text in ("." * 20000, "a+" * 10000, "a.." * 6000):
        assert len(tokenize(text)) == len(tokenize(text[: len(text) // 2])) * 2


_FULL_SIZE = """
import sys
from newsdiff.core.analyze import analyze
from newsdiff.core.model import Article
inputs = {
    "100,000 digits": "1" * 100_000,
    "10,000 dots": "." * 10_000,
    "1 MB line without spaces": ("x1.y2,z3+" * 120_000)[:1_000_000],
    "1 MB of dots": "." * 1_000_000,
    "1.1.1.1...": "1." * 500_000,
}
for name, text in inputs.items():
    document = analyze(Article(path=name, text=text, title="", language="und"))
    assert all(text[s.start:s.end] == s.text for s in document.spans), name
    print(name, len(document.spans))
"""


@pytest.mark.slow
def test_full_size_adversarial_inputs_finish() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _FULL_SIZE], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("\n") == 5
