"""HTML extraction scored on the fundus pages (skips without ../shared/data).

The similarity and the match rule are defined in ``tests/quality/html_eval.py``;
``python -m tests.quality.html_eval`` prints the current figures. The floors sit a
little under what was measured (222/258 = 86.0 % matching, mean 0.937; titles 80.6 %,
authors 79.4 %, dates 96.5 %), so a regression fails and noise does not.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from tests.quality.html_eval import (
    Extracted,
    PageScore,
    body_similarity,
    fundus_pages,
    newsdiff_extractor,
    run,
    score,
    summarise,
)

MATCH_SHARE_FLOOR = 0.84
MEAN_SIMILARITY_FLOOR = 0.92
TITLE_FLOOR = 0.77
AUTHOR_FLOOR = 0.75
DATE_FLOOR = 0.94


def test_similarity_rewards_the_body_and_punishes_extras_and_gaps() -> None:
    body = "Satu dua tiga empat lima.\nEnam tujuh delapan sembilan sepuluh."
    assert body_similarity(body, body) == 1.0
    assert (
        body_similarity(body, "  satu DUA tiga empat lima. enam tujuh delapan sembilan sepuluh. ")
        == 1.0
    )
    half = body_similarity(body, "Satu dua tiga empat lima.")
    assert 0.6 < half < 0.7  # 2·5 / (10 + 5)
    padded = body_similarity(body, body + " Iklan berita lain " * 5)
    assert padded < 0.6
    assert body_similarity("日本語の記事", "日本語の記事です") > 0.8  # CJK: one token per character


@cache
def _scores(fundus: Path) -> list[PageScore]:
    """Extraction takes ~10 s, so the tests below share one run."""
    return run(fundus_pages(fundus), newsdiff_extractor)


@pytest.fixture
def scores(shared_data: Path) -> list[PageScore]:
    found = _scores(shared_data / "html" / "fundus")
    assert len(found) == 258
    return found


def test_fundus_body_extraction_holds_its_floor(scores: list[PageScore]) -> None:
    summary = summarise("newsdiff", scores)
    assert summary.matched / summary.pages >= MATCH_SHARE_FLOOR, summary.line()
    assert summary.mean >= MEAN_SIMILARITY_FLOOR, summary.line()


def test_fundus_metadata_holds_its_floor(scores: list[PageScore]) -> None:
    summary = summarise("newsdiff", scores)
    assert summary.titles >= TITLE_FLOOR, summary.line()
    assert summary.authors >= AUTHOR_FLOOR, summary.line()
    assert summary.dates >= DATE_FLOOR, summary.line()


def test_extracted_pages_keep_their_paragraphs_as_lines(scores: list[PageScore]) -> None:
    """Paragraphs arrive as lines, so sentence splitting and boilerplate marking see them."""
    matched = [s for s in scores if s.body >= 0.9 and len(s.page.paragraphs) >= 3]
    assert len(matched) > 150
    lines = sum(s.lines for s in matched)
    paragraphs = sum(len(s.page.paragraphs) for s in matched)
    assert lines >= 0.95 * paragraphs
    assert sum(s.lines >= 0.8 * len(s.page.paragraphs) for s in matched) >= 0.95 * len(matched)


def test_a_page_that_fails_scores_zero_not_a_crash(shared_data: Path) -> None:
    page = fundus_pages(shared_data / "html" / "fundus")[0]
    assert score(page, Extracted("")).body == 0.0
