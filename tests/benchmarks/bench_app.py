"""How fast the app starts, opens a big library, and scrolls (issue: the app).

Figures:

- **cold start**: a fresh ``python`` process that starts the app on the samples and
  exits once the library and preview are drawn, against a fresh process running a
  minimal Textual app that shows one static line and exits once drawn — both headless
  at 120×36, both timed the same way (wall clock around the process), both from
  bytecode (:func:`compile_newsdiff`). Target ≤ 1.5×.
- **library open**: from starting the app to all N synthetic articles listed (the
  list is usable from the first batch; the time to the first rows is in the note).
  The issue's budget is 3 s for 100,000, so the baseline is that budget.
- **library open from the SQLite index, grouped**: the issue's 100,000-article case.
  A generated corpus (``corpus.py``: realistic 2–6 KB reports, events told 1–4 times)
  is written to a temporary folder and read once by ingest (untimed: ingest has its
  own benchmark); the app's story cache is warmed by one untimed grouping (its time
  is in the note). Then the app is started on those articles with that cache and
  timed from start to the list usable *with its stories* (the grouping worker has
  looked the finished grouping up in the SQLite index and the list shows it); the
  time to the first rows and to all rows listed are in the note. Budget 3 s.
  The articles come from memory, not from the files: the app still reads every
  file through ingest when it opens a folder (the index holds grouping features and
  metadata, not the text the preview and reader show).
- **library page down**: median time from a ``pagedown`` press to the next frame the
  app composes (the key handled, the new page laid out and painted) at N articles;
  budget 50 ms. ``DataTable`` with the same rows is measured once as a reference in
  the note (why the list is a line-API widget).
- **reader open / page down / next highlight**: a generated article of N sentences
  with a highlight in each; budgets 2 s, 50 ms and 50 ms.
- **compare open / page down / next finding**: a generated pair of N sentences each
  (hand-built comparison: the engine's own time is its issue's benchmark); budgets
  2 s, 50 ms and 50 ms.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from tests.benchmarks.harness import Figure

REPO: Final = Path(__file__).resolve().parents[2]

SIZES: Final = {
    "smoke": {"articles": 2_000, "sentences": 200, "starts": 1, "presses": 5, "corpus": 300},
    "quick": {
        "articles": 20_000,
        "sentences": 1_000,
        "starts": 3,
        "presses": 15,
        "corpus": 10_000,
    },
    "full": {
        "articles": 100_000,
        "sentences": 5_000,
        "starts": 7,
        "presses": 25,
        "corpus": 100_000,
    },
}

MINIMAL_APP: Final = """
from textual.app import App
from textual.widgets import Static

class Minimal(App):
    def compose(self):
        yield Static("newsdiff")

    def on_mount(self):
        self.call_after_refresh(self.exit)

Minimal().run(headless=True, size=(120, 36))
"""

NEWSDIFF_APP: Final = """
from newsdiff.core.samples import samples_dir
from newsdiff.ui.app import NewsdiffApp

class Timed(NewsdiffApp):
    def on_library_loaded(self, message):
        self.call_after_refresh(self.exit)

Timed([str(samples_dir())]{source}).run(headless=True, size=(120, 36))
"""

WITH_SAMPLES: Final = NEWSDIFF_APP.replace("{source}", "")
UI_ONLY: Final = NEWSDIFF_APP.replace("{source}", ", source=lambda: iter(())")
"""The same app with nothing to load: what the screens cost without the ingest layer."""


def _process_seconds(script: str) -> float:
    """Wall-clock seconds of a fresh interpreter running ``script``."""
    env = dict(os.environ)
    env["NEWSDIFF_CONFIG"] = os.path.join(tempfile.gettempdir(), "newsdiff-bench-none.toml")
    env["NEWSDIFF_CACHE_DIR"] = os.path.join(tempfile.gettempdir(), "newsdiff-bench-app-cache")
    env.pop("NO_COLOR", None)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def compile_newsdiff() -> None:
    """Byte-compile the newsdiff package, as ``pip install`` does.

    Both apps must start from bytecode: Textual's modules in site-packages were
    compiled when it was installed, but with ``PYTHONDONTWRITEBYTECODE`` set (as in
    the project's sandboxes) a checkout's modules never get their ``__pycache__``, so
    every measured start would recompile the forty-odd newsdiff modules it imports — a
    cost the baseline never pays and no installed copy does either.
    """
    import compileall

    import newsdiff

    compileall.compile_dir(str(Path(newsdiff.__file__).parent), quiet=1)


def cold_start(repeat: int) -> list[Figure]:
    """The apps started ``repeat`` times each, in turn, so load on the machine hits all."""
    compile_newsdiff()
    scripts = {"minimal": MINIMAL_APP, "samples": WITH_SAMPLES, "ui": UI_ONLY}
    for script in scripts.values():
        _process_seconds(script)  # warm the file cache
    times: dict[str, list[float]] = {name: [] for name in scripts}
    for _ in range(repeat):
        for name, script in scripts.items():
            times[name].append(_process_seconds(script))
    baseline = statistics.median(times["minimal"])
    note = f"median of {repeat} fresh processes each, taken in turn"
    return [
        Figure(
            "app cold start (samples, 120x36)",
            statistics.median(times["samples"]),
            "minimal Textual app",
            baseline,
            target=1.5,
            note=note,
        ),
        Figure(
            "app cold start, nothing to load (screens only)",
            statistics.median(times["ui"]),
            "minimal Textual app",
            baseline,
            note=note,
        ),
    ]


async def _open_library(count: int, presses: int) -> tuple[float, float, float, list[float]]:
    from newsdiff.ui.app import NewsdiffApp
    from newsdiff.ui.config import Config
    from newsdiff.ui.screens.library import LibraryScreen
    from newsdiff.ui.widgets.article_list import ArticleList
    from tests.ui.conftest import synthetic_articles

    articles = synthetic_articles(count)
    app = NewsdiffApp(
        [],
        config=Config(),
        source=lambda: iter(articles),
        source_total=count,
        stories=_NoStories(),  # the list alone: grouping is measured on the corpus below
    )
    start = time.perf_counter()
    first_rows = None
    async with app.run_test(size=(120, 36)) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, LibraryScreen):
                if first_rows is None and screen.model.entries:
                    first_rows = time.perf_counter() - start
                if not screen.is_loading:
                    break
            await pilot.pause(0.005)
        await pilot.pause()
        opened = time.perf_counter() - start
        article_list = app.screen.query_one(ArticleList)
        assert len(article_list.model.entries) == count
        times = await _press_times(pilot, "pagedown", presses)
        height = article_list.size.height
        tick = time.perf_counter()
        for _ in range(presses):
            article_list._strips.clear()
            for y in range(height):
                article_list.render_line(y)
        paint = (time.perf_counter() - tick) / presses
    return opened, first_rows or opened, paint, times


class _NoStories:
    """Leaves every report its own story (the synthetic rows are not news)."""

    name = "none"

    def group(self, articles, progress=None, cancelled=None):  # type: ignore[no-untyped-def]
        from newsdiff.ui.stories import Grouping, Story

        return Grouping(tuple(Story((i,)) for i in range(len(articles))))


def _corpus_articles(count: int, folder: Path) -> list:
    """The generated corpus written to ``folder`` and loaded by ingest (untimed)."""
    from newsdiff.core.ingest import load
    from tests.benchmarks.corpus import write_corpus

    write_corpus(folder, count, seed=7)
    return list(load([str(folder)]).articles)


async def _open_grouped(articles: list, cache: Path, presses: int) -> dict[str, float | list]:
    """The app on ``articles`` with a warm story cache: times to rows, all rows, stories."""
    from newsdiff.ui.app import NewsdiffApp
    from newsdiff.ui.config import Config
    from newsdiff.ui.screens.library import LibraryScreen
    from newsdiff.ui.stories import CoreStories

    app = NewsdiffApp(
        [],
        config=Config(),
        source=lambda: iter(articles),
        source_total=len(articles),
        stories=CoreStories(cache),
    )
    marks: dict[str, float | list] = {}
    start = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        while True:
            screen = app.screen
            if isinstance(screen, LibraryScreen):
                now = time.perf_counter() - start
                if "rows" not in marks and screen.model.entries:
                    marks["rows"] = now
                if "listed" not in marks and not screen.is_loading:
                    marks["listed"] = now
                if (
                    "listed" in marks
                    and not screen.is_grouping
                    and len(screen.model.stories) < len(screen.model.articles)
                ):
                    break
                if now > 600:
                    raise RuntimeError("the grouping never reached the list")
            await pilot.pause(0.005)
        await pilot.pause()
        marks["grouped"] = time.perf_counter() - start
        marks["stories"] = float(len(app.screen.model.stories))
        marks["pages"] = await _press_times(pilot, "pagedown", presses)
    return marks


async def _press_times(pilot, key: str, presses: int) -> list[float]:
    """Seconds from each press of ``key`` to the first frame drawn after it.

    The app's ``_display`` is called with each composed frame (headless too, where it
    then writes nothing), so the time to it covers handling the key, laying out and
    painting the changed lines. ``pilot.press`` itself waits for idleness in 20 ms
    steps, which is why its own duration is not the figure.
    """
    app = pilot.app
    frames: list[float] = []
    original = app._display

    def display(screen, renderable) -> None:
        if renderable is not None:
            frames.append(time.perf_counter())
        original(screen, renderable)

    app._display = display
    times: list[float] = []
    try:
        for _ in range(presses):
            frames.clear()
            tick = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            after = [f for f in frames if f >= tick]
            if after:
                times.append(after[0] - tick)
    finally:
        app._display = original
    if not times:
        raise RuntimeError(f"pressing {key!r} never drew a frame")
    return times


async def _datatable(count: int) -> float:
    """Seconds for a DataTable to take ``count`` rows and draw (reference only)."""
    from rich.text import Text
    from textual.app import App
    from textual.widgets import DataTable

    from tests.ui.conftest import synthetic_articles

    articles = synthetic_articles(count)

    class Table(App[None]):
        def compose(self):
            yield DataTable()

    app = Table()
    start = time.perf_counter()
    async with app.run_test(size=(120, 36)) as pilot:
        table = app.query_one(DataTable)
        table.add_columns("Title", "Outlet", "Date", "Lang", "Words")
        table.add_rows(
            (Text(a.title), Text(a.outlet or "–"), a.published or "–", a.language, len(a.text))
            for a in articles
        )
        await pilot.pause()
    return time.perf_counter() - start


async def _compare(sentences: int, presses: int) -> tuple[float, list[float], list[float]]:
    from newsdiff.ui.app import NewsdiffApp
    from newsdiff.ui.config import Config
    from newsdiff.ui.screens.compare import CompareScreen
    from newsdiff.ui.widgets.compare_view import CompareView
    from tests.ui.fixtures import synthetic_comparison

    comparison = synthetic_comparison(sentences)
    app = NewsdiffApp([], config=Config(), source=lambda: iter(()))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        screen = CompareScreen(
            [comparison.left.article, comparison.right.article], comparisons=[comparison]
        )
        await app.push_screen(screen)
        view = screen.query_one(CompareView)
        while view.row_count == 0:
            await pilot.pause(0.001)
        await pilot.pause()
        opened = time.perf_counter() - start
        pages = await _press_times(pilot, "pagedown", presses)
        findings = await _press_times(pilot, "n", presses)
    return opened, pages, findings


async def _reader(sentences: int, presses: int) -> tuple[float, list[float], list[float]]:
    from newsdiff.ui.app import NewsdiffApp
    from newsdiff.ui.config import Config
    from newsdiff.ui.screens.reader import ReaderScreen
    from newsdiff.ui.widgets.article_view import ArticleView
    from tests.ui.fixtures import synthetic_long_document

    document = synthetic_long_document(sentences)
    app = NewsdiffApp([], config=Config(), source=lambda: iter(()))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        start = time.perf_counter()
        screen = ReaderScreen(document.article, document)
        await app.push_screen(screen)
        view = screen.query_one("#body", ArticleView)
        while view.line_count == 0:
            await pilot.pause(0.001)
        await pilot.pause()
        opened = time.perf_counter() - start
        pages = await _press_times(pilot, "pagedown", presses)
        steps = await _press_times(pilot, "n", presses)
    return opened, pages, steps


def _grouped_figures(count: int, presses: int) -> list[Figure]:
    """The corpus opened with a warm story cache (see the module docstring)."""
    from newsdiff.ui.stories import CoreStories

    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-app-") as tmp:
        articles = _corpus_articles(count, Path(tmp) / "corpus")
        cache = Path(tmp) / "cache"
        tick = time.perf_counter()
        warmed = CoreStories(cache).group(articles)
        cold = time.perf_counter() - tick
        if warmed.warnings:
            raise RuntimeError(f"the story cache was not used: {warmed.warnings}")
        marks = asyncio.run(_open_grouped(articles, cache, presses))
    pages = marks["pages"]
    assert isinstance(pages, list)
    return [
        Figure(
            f"library open from the SQLite index, {count:,} articles, grouped",
            float(marks["grouped"]),  # type: ignore[arg-type]
            "budget",
            3.0,
            target=1.0,
            note=f"{int(marks['stories']):,} stories; first rows after "  # type: ignore[call-overload]
            f"{marks['rows']:.2f} s, all rows listed after {marks['listed']:.2f} s; "
            f"grouping the same articles with a cold cache took {cold:.1f} s (untimed here)",
        ),
        Figure(
            f"library page down, {count:,} articles grouped",
            statistics.median(pages),
            "budget",
            0.05,
            target=1.0,
            note=f"median of {presses} presses, key to frame; max {max(pages) * 1000:.0f} ms",
        ),
    ]


def run(scale: str) -> list[Figure]:
    sizes = SIZES[scale]
    count, sentences, presses = sizes["articles"], sizes["sentences"], sizes["presses"]
    figures = cold_start(sizes["starts"])

    opened, first_rows, paint, times = asyncio.run(_open_library(count, presses))
    reference = ""
    if scale != "smoke":
        reference = f"; DataTable with the same rows: {asyncio.run(_datatable(count)):.2f} s"
    figures.append(
        Figure(
            f"library open, {count:,} articles",
            opened,
            "budget",
            3.0,
            target=1.0,
            note=f"first rows usable after {first_rows:.2f} s{reference}",
        )
    )
    figures.append(
        Figure(
            f"library page down, {count:,} articles",
            statistics.median(times),
            "budget",
            0.05,
            target=1.0,
            note=f"median of {presses} presses, key to frame; max {max(times) * 1000:.0f} ms; "
            f"painting the list's page alone {paint * 1000:.1f} ms",
        )
    )

    figures.extend(_grouped_figures(sizes["corpus"], presses))

    opened, pages, steps = asyncio.run(_reader(sentences, presses))
    figures.append(
        Figure(f"reader open, {sentences:,} sentences", opened, "budget", 2.0, target=1.0)
    )
    for label, times in (("page down", pages), ("next highlight", steps)):
        figures.append(
            Figure(
                f"reader {label}, {sentences:,} sentences",
                statistics.median(times),
                "budget",
                0.05,
                target=1.0,
                note=f"median of {presses} presses, key to frame; max {max(times) * 1000:.0f} ms",
            )
        )

    opened, pages, findings = asyncio.run(_compare(sentences, presses))
    figures.append(
        Figure(f"compare open, {sentences:,} sentences", opened, "budget", 2.0, target=1.0)
    )
    for label, times in (("page down", pages), ("next finding", findings)):
        figures.append(
            Figure(
                f"compare {label}, {sentences:,} sentences",
                statistics.median(times),
                "budget",
                0.05,
                target=1.0,
                note=f"median of {presses} presses, key to frame; max {max(times) * 1000:.0f} ms",
            )
        )
    return figures
