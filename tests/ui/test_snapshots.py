"""Screenshots of each screen on the samples, compared with accepted ones.

Run ``pytest tests/ui/test_snapshots.py --snapshot-update`` after a deliberate change
(for instance when the extractors or the comparison engine land and the real spans
and rows replace the hand-built fixtures), look at the report, and commit the SVGs.
"""

from __future__ import annotations

import pytest

from newsdiff.ui.config import Config
from newsdiff.ui.screens.compare import CompareScreen
from newsdiff.ui.screens.reader import ReaderScreen
from tests.ui.conftest import library_app, settle
from tests.ui.fixtures import comparison_001_004, document_001

SIZES = [(120, 36), (80, 24)]
THEMES = ["dark", "light"]


async def _library(pilot) -> None:
    await settle(pilot)  # grouped by the core: three stories, 002 and 007 alone
    await pilot.press("j", "l", "j", "space")  # 001/004 story open, 001 marked, cursor on 004
    await settle(pilot)


async def _story(pilot) -> None:
    await settle(pilot)
    await pilot.press("j", "enter")  # the 001/004 story's overview, its pair compared
    await settle(pilot)


async def _reader(pilot) -> None:
    await settle(pilot)
    document = document_001()
    await pilot.app.push_screen(ReaderScreen(document.article, document))
    await pilot.press("n", "n")
    await settle(pilot)


async def _compare(pilot) -> None:
    await settle(pilot)
    comparison = comparison_001_004()
    articles = [comparison.left.article, comparison.right.article]
    await pilot.app.push_screen(CompareScreen(articles, comparisons=[comparison]))
    await pilot.press("n", "n", "n", "n")  # the certainty change, both sides marked
    await settle(pilot)


SCREENS = {"library": _library, "story": _story, "reader": _reader, "compare": _compare}


@pytest.mark.parametrize("theme", THEMES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen: str, size: tuple[int, int], theme: str) -> None:
    app = library_app(config=Config(theme=theme))
    assert snap_compare(app, terminal_size=size, run_before=SCREENS[screen])
