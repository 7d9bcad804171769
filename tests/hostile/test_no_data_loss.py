"""No data loss: the story cache survives kills at random points and damage, and no
command ever changes a source article.

tests/unit/test_group_store.py kills a writer once, one second in, and sets aside a
foreign and a garbage cache; tests/unit/test_export_atomic.py covers atomic exports.
Here: several kills at random moments (seeded, so a failure can be replayed), a real
``newsdiff stories`` killed mid-run and then rerun, a cache cut in half, and every
command's sources hashed before and after (the hostile corpus does the same for every
run in test_cli_hostile.py and test_app_hostile.py).
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsdiff.core.group.store import FILE_NAME, StoryStore
from tests.conftest import REPO, SAMPLES
from tests.hostile.conftest import newsdiff, tree_digest
from tests.hostile.generator import Manifest
from tests.unit.test_group_store import _WRITER

KILLS = 5


def test_the_cache_survives_kills_at_random_points(tmp_path: Path) -> None:
    rng = random.Random(8)
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    saved_before = 0
    for _ in range(KILLS):
        writer = subprocess.Popen(
            [sys.executable, "-c", _WRITER, str(cache)], stdout=subprocess.PIPE, env=env
        )
        assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.0, 0.5))
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=10)
        warnings: list[str] = []
        store = StoryStore(cache, warn=warnings.append)
        assert warnings == []
        assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        saved = store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        assert saved % 20 == 0 and saved >= saved_before  # whole transactions, none lost
        saved_before = saved
        store.close()


def _stories(folder: Path, *extra: str) -> tuple[int, dict]:
    run = newsdiff("stories", "--format", "json", *extra, str(folder))
    assert b"Traceback" not in run.stderr, run.stderr[-2000:]
    return run.returncode, json.loads(run.stdout)


def test_stories_killed_mid_run_then_rerun_gives_the_same_stories(
    tmp_path: Path, hostile: Manifest
) -> None:
    folder = tmp_path / "articles"
    shutil.copytree(SAMPLES, folder)
    shutil.copytree(hostile.root / "escape", folder / "escape")
    before = tree_digest(folder)
    status, expected = _stories(folder, "--no-cache")
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    rng = random.Random(5)
    for _ in range(3):
        process = subprocess.Popen(
            [sys.executable, "-m", "newsdiff", "stories", "--cache-dir", str(cache), str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        time.sleep(rng.uniform(0.2, 1.5))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
        again_status, again = _stories(folder, "--cache-dir", str(cache))
        assert (again_status, again) == (status, expected)
    assert tree_digest(folder) == before


def test_a_cache_cut_in_half_is_set_aside_and_rebuilt(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    status, expected = _stories(SAMPLES, "--cache-dir", str(cache))
    assert status == 0
    database = cache / FILE_NAME
    with sqlite3.connect(database) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = database.read_bytes()
    database.write_bytes(data[: len(data) // 2] + b"\x00garbage" * 64)
    run = newsdiff("stories", "--format", "json", "--cache-dir", str(cache), str(SAMPLES))
    stderr = run.stderr.decode()
    assert "Traceback" not in stderr
    assert run.returncode == 0
    assert json.loads(run.stdout) == expected
    assert "set aside" in stderr
    assert len(list(cache.glob(f"{FILE_NAME}.broken-*"))) == 1
    status, again = _stories(SAMPLES, "--cache-dir", str(cache))
    assert (status, again) == (0, expected)


def test_no_command_touches_the_samples_or_the_corpus(hostile: Manifest, tmp_path: Path) -> None:
    before = tree_digest(SAMPLES, hostile.root)
    commands = [
        ["list", str(SAMPLES)],
        ["entities", "--format", "json", str(SAMPLES)],
        ["compare", str(sorted(SAMPLES.iterdir())[1]), str(sorted(SAMPLES.iterdir())[4])],
        ["stories", "--cache-dir", str(tmp_path / "c"), str(SAMPLES), str(hostile.root / "json")],
        ["export", str(SAMPLES), "--story", "--format", "brat", "-o", str(tmp_path / "b")],
        # An export aimed at a source file is refused without --force.
        ["export", str(hostile.root / "escape" / "sgr.txt"), "--format", "txt", "-o",
         str(hostile.root / "escape" / "sgr.txt")],
    ]  # fmt: skip
    for command in commands:
        run = newsdiff(*command)
        assert b"Traceback" not in run.stderr, (command, run.stderr[-2000:])
    assert tree_digest(SAMPLES, hostile.root) == before
