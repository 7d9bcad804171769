"""Helpers for driving the app with Textual's pilot."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

import pytest
from textual.pilot import Pilot

from newsdiff.core.model import Article, Comparison, Document, Row, RowKind
from newsdiff.ui import engine
from newsdiff.ui.app import NewsdiffApp
from newsdiff.ui.config import Config
from newsdiff.ui.screens.library import LibraryScreen
from newsdiff.ui.stories import Grouping, Story
from tests.conftest import SAMPLES
from tests.ui.fixtures import comparison_001_004


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads the developer's own settings file, story cache or colour preference."""
    monkeypatch.setenv("NEWSDIFF_CONFIG", str(tmp_path / "no-config.toml"))
    # The story cache is a fresh folder per test (tests/conftest.py), outside tmp_path:
    # some tests list what they wrote there.
    monkeypatch.delenv("NO_COLOR", raising=False)


def run(scenario: Callable[[], Awaitable[None]]) -> None:
    """Run an async pilot scenario from a plain test function."""
    asyncio.run(scenario())


async def settle(pilot: Pilot) -> None:
    """Wait until loading and every other worker is done and the screen is drawn."""
    app = pilot.app
    for _ in range(200):
        screen = app.screen
        if not isinstance(screen, LibraryScreen) or not screen.is_loading:
            break
        await pilot.pause(0.02)
    for _ in range(500):
        screen = app.screen
        grouping = isinstance(screen, LibraryScreen) and screen.grouping_pending
        if not grouping and all(worker.is_finished for worker in app.workers):
            break
        await pilot.pause(0.01)
    await pilot.pause()


def library_app(paths: Sequence[str] | None = None, **kwargs: object) -> NewsdiffApp:
    kwargs.setdefault("config", Config())
    return NewsdiffApp(list(paths or [str(SAMPLES)]), **kwargs)  # type: ignore[arg-type]


class SampleStories:
    """Groups the samples as the grouping engine should: two stories and a related one."""

    name = "sample stories"

    def group(self, articles: Sequence[Article], progress=None, cancelled=None) -> Grouping:  # type: ignore[no-untyped-def]
        by_prefix = {a.path.rsplit("/", 1)[-1][:3]: i for i, a in enumerate(articles)}
        pairs = [("000", "003"), ("001", "004")]
        grouped = {by_prefix[p] for pair in pairs for p in pair if p in by_prefix}
        stories = [Story(tuple(by_prefix[p] for p in pair)) for pair in pairs]
        stories += [Story((i,)) for i in range(len(articles)) if i not in grouped]
        related = by_prefix.get("002")
        if related is not None:
            position = next(n for n, s in enumerate(stories) if s.members == (related,))
            stories[position] = Story((related,), related=(0, 1))
        overlap = {by_prefix[p]: 0.6 for pair in pairs for p in pair}
        return Grouping(tuple(stories), overlap)


def fake_compare(left: Document, right: Document) -> Comparison:
    """Stands in for the engine: the hand-built 001/004 comparison, or a plain one."""
    names = (left.article.path.rsplit("/", 1)[-1][:3], right.article.path.rsplit("/", 1)[-1][:3])
    if names == ("001", "004"):
        return comparison_001_004()
    count = min(len(left.sentences), len(right.sentences))
    rows = tuple(Row(RowKind.SAME, (i,), (i,), 1.0) for i in range(count))
    return Comparison(left, right, 0.5, rows, ())


@pytest.fixture
def with_engine(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pretend the comparison engine is installed."""
    monkeypatch.setattr(engine, "compare_available", lambda: True)
    monkeypatch.setattr(engine, "compare_documents", fake_compare)


def record_notifications(app: NewsdiffApp) -> list[str]:
    """Collect every notification's text (they are still shown)."""
    seen: list[str] = []
    original = app.notify

    def notify(message: str, *args: object, **kwargs: object) -> None:
        seen.append(str(message))
        original(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = notify  # type: ignore[method-assign]
    return seen


def synthetic_articles(count: int, offset: int = 0) -> list[Article]:
    """``count`` small articles with varied outlets, dates and languages."""
    outlets = ["ANTARA", "Kabar Wire", None, "KONTAN"]
    return [
        Article(
            path=f"gen/{i:06d}.txt",
            text=f"Report {i} about talks in Istanbul. " * (1 + i % 7),
            title=f"Report {i:06d} on the talks",
            outlet=outlets[i % 4],
            published=f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}",
            language="id" if i % 3 else "en",
        )
        for i in range(offset, offset + count)
    ]
