"""Entity extraction stays linear on adversarial input, measured by work, not time.

Work is the number of Python function calls (and calls into C) made while extracting,
counted with :func:`sys.setprofile`: deterministic, and blind to how busy the machine
is. Each input is run at its full size and at half of it; doubling the input may at
most double the work, plus a margin for fixed costs. (Work done inside one regular
expression call is one call here; the token pattern's own linearity is covered by
the e-mail alternative matching only whole runs, and the benchmark times these
inputs at full size.)
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable

import pytest

from newsdiff.core.analyze import sentences_of
from newsdiff.core.analyze.extract.entities import find_entity_spans
from newsdiff.core.model import Article

MAX_GROWTH = 2.25
"""Work at full size over work at half size: 2 for linear, a little more for noise."""

NAMES = [
    "Jakarta",
    "Medinsky",
    "Badan",
    "Rusia",
    "Kabupaten",
    "Presiden",
    "Ajudan",
    "Dewan",
    "BPS",
    "Putin",
    "Anadolu",
    "Agency",
    "Istana",
    "Umerov",
]
"""Names, titles and head words: every rule has something to chew on."""


def capitalised_words(count: int) -> str:
    rng = random.Random(7)
    return " ".join(rng.choice(NAMES) for _ in range(count))


def work(text: str, language: str = "id") -> int:
    article = Article(path="adversarial", text=text, title="", language=language)
    sentences = sentences_of(article)
    calls = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal calls
        calls += 1

    sys.setprofile(count)
    try:
        spans = find_entity_spans(article, sentences)
    finally:
        sys.setprofile(None)
    for span in spans:
        assert text[span.start : span.end] == span.text
    return calls


CASES: dict[str, tuple[Callable[[int], str], int]] = {
    "100,000 digits": (lambda n: "7" * n, 100_000),
    "10,000 dots": (lambda n: "." * n, 10_000),
    "10,000 spaced dots": (lambda n: ". " * n, 10_000),
    "1 MB line without spaces": (lambda n: "Ab" * (n // 2), 1_000_000),
    "1 MB of capital hyphens": (lambda n: "-".join(["Ab"] * (n // 3)), 1_000_000),
    "100,000 capitalised words": (capitalised_words, 100_000),
}


@pytest.fixture(scope="module", autouse=True)
def warm_up() -> None:
    """Load lexicons and the model before counting, so fixed costs do not count."""
    work("Presiden Joko Widodo tiba di Jakarta bersama Menteri Luar Negeri.")


@pytest.mark.slow
@pytest.mark.parametrize("name", list(CASES))
def test_work_grows_linearly(name: str) -> None:
    make, size = CASES[name]
    half = work(make(size // 2))
    full = work(make(size))
    assert full <= MAX_GROWTH * max(half, 1) + 1000, f"{name}: {half} → {full} calls"


def test_english_rules_grow_linearly_too() -> None:
    half = work(capitalised_words(10_000), "en")
    full = work(capitalised_words(20_000), "en")
    assert full <= MAX_GROWTH * half
