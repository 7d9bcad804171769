"""A handful of small files is read before the app starts; anything else on the thread."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsdiff.core.samples import samples_dir
from newsdiff.ui.app import NewsdiffApp
from newsdiff.ui.loader import SMALL_LOAD_BYTES, SMALL_LOAD_FILES, few_small_files
from newsdiff.ui.screens.library import LibraryScreen
from tests.ui.conftest import run, settle


def _write(folder: Path, count: int, size: int = 100) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"{number:03}.txt"
        path.write_text(f"Judul {number}\n\n" + "kata " * (size // 5), encoding="utf-8")
        paths.append(str(path))
    return paths


def test_the_samples_and_a_few_files_are_a_small_load(tmp_path: Path) -> None:
    assert few_small_files([str(samples_dir())])
    assert few_small_files(_write(tmp_path / "a", 3))
    assert few_small_files([str(tmp_path / "a")])


def test_many_files_big_files_and_odd_inputs_go_to_the_thread(tmp_path: Path) -> None:
    _write(tmp_path / "many", SMALL_LOAD_FILES + 1)
    assert not few_small_files([str(tmp_path / "many")])
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (SMALL_LOAD_BYTES + 1))
    assert not few_small_files([str(big)])
    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Berita</p></body></html>", encoding="utf-8")
    assert not few_small_files([str(page)])  # trafilatura's import: on the thread
    assert not few_small_files(["-"])
    assert not few_small_files([str(tmp_path / "*.txt")])  # a glob is expanded later
    assert not few_small_files([str(tmp_path / "missing.txt")])
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    assert not few_small_files([str(fifo)])


def test_a_symlink_loop_ends_the_walk(tmp_path: Path) -> None:
    loop = tmp_path / "loop"
    loop.mkdir()
    (loop / "again").symlink_to(loop, target_is_directory=True)
    assert few_small_files([str(loop)]) is False


@pytest.mark.parametrize("small", [True, False])
def test_the_app_lists_the_same_articles_either_way(tmp_path: Path, small: bool) -> None:
    count = 3 if small else SMALL_LOAD_FILES + 2
    _write(tmp_path / "in", count)

    async def scenario() -> None:
        app = NewsdiffApp([str(tmp_path / "in")])
        if small:  # finished before the app runs (a bigger load is on its thread)
            assert app.loader.finished
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            assert len(screen.model.articles) == count
            assert not screen.is_loading

    run(scenario)


def test_a_bad_file_in_a_small_load_is_skipped_with_a_notice(tmp_path: Path) -> None:
    _write(tmp_path / "in", 2)
    (tmp_path / "in" / "bad.json").write_text("{not json", encoding="utf-8")

    async def scenario() -> None:
        app = NewsdiffApp([str(tmp_path / "in")])
        assert app.loader.finished
        async with app.run_test(size=(100, 30)) as pilot:
            await settle(pilot)
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            assert len(screen.model.articles) == 2
            assert len(screen.problems) == 1 and "bad.json" in str(screen.problems[0])

    run(scenario)
