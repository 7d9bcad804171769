"""Files that vanish, change or turn into something else while a load is under way."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

import newsdiff.core.ingest as ingest
from newsdiff.core.ingest import iter_load, load
from newsdiff.core.model import Article, Problem
from tests.hostile.generator import LEAD_EN, LEAD_ID


def _folder(root: Path, count: int) -> list[Path]:
    root.mkdir()
    paths = []
    for i in range(count):
        path = root / f"{i:04d}.txt"
        path.write_text(f"{LEAD_ID}\n\nNomor {i}.\n", encoding="utf-8")
        paths.append(path)
    return paths


def test_files_deleted_between_listing_and_reading_are_named(tmp_path: Path) -> None:
    paths = _folder(tmp_path / "news", 6)
    stream = iter_load([str(tmp_path / "news")], workers=1)
    first = next(stream)  # the folder is listed; the first file read
    assert isinstance(first, Article)
    for path in paths[2:4]:
        path.unlink()
    paths[4].unlink()
    paths[4].mkdir()  # a file that became a folder
    (tmp_path / "news" / "0005.txt").unlink()
    os.symlink("0005.txt", tmp_path / "news" / "0005.txt")  # and one that became a loop
    rest = list(stream)
    problems = {Path(p.path).name: p.reason for p in rest if isinstance(p, Problem)}
    assert problems == {
        "0002.txt": "vanished while loading",
        "0003.txt": "vanished while loading",
        "0004.txt": "is a folder",
        "0005.txt": "symlink loop",
    }
    assert [Path(a.path).name for a in rest if isinstance(a, Article)] == ["0001.txt"]


def test_files_deleted_while_worker_processes_read_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _folder(tmp_path / "news", 420)
    listed = ingest.expand

    def expand_then_delete(arguments: list[str]):
        items = listed(arguments)
        for path in paths[::3]:
            path.unlink()
        return items

    monkeypatch.setattr(ingest, "expand", expand_then_delete)
    result = load([str(tmp_path / "news")], workers=2)
    assert {Path(p.path).name for p in result.problems} == {p.name for p in paths[::3]}
    assert all(p.reason == "vanished while loading" for p in result.problems)
    assert len(result.articles) == len(paths) - len(paths[::3])


def test_a_file_rewritten_while_it_is_read_never_breaks_the_load(tmp_path: Path) -> None:
    target = tmp_path / "live.txt"
    target.write_text(LEAD_ID, encoding="utf-8")
    versions = [
        LEAD_ID.encode(),
        b"",
        b"   \n",
        b"\x00\x01\x02" * 100,
        LEAD_EN.encode("utf-16"),
        (LEAD_EN * 200).encode(),
        LEAD_ID.encode()[:-7] + b"\xe2\x80",  # cut inside a character
    ]
    stop = threading.Event()

    def rewrite() -> None:
        i = 0
        while not stop.is_set():
            data = versions[i % len(versions)]
            with open(target, "wb") as handle:  # truncates, then writes: a reader may
                handle.write(data[: len(data) // 2])  # see it empty or half written
                handle.flush()
                handle.write(data[len(data) // 2 :])
            i += 1
            time.sleep(0.0005)  # let the reader in with the file whole, too

    writer = threading.Thread(target=rewrite, daemon=True)
    writer.start()
    seen: set[str] = set()
    try:
        for _ in range(300):
            for result in iter_load([str(target)], workers=1):
                assert isinstance(result, Article | Problem)
                seen.add("article" if isinstance(result, Article) else result.reason)
    finally:
        stop.set()
        writer.join(timeout=5)
    assert len(seen) >= 2, seen  # the reader met the file in more than one state
