"""The grouping cache: reuse, change and deletion noticed, damage set aside, kills survived."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from newsdiff.core.group.library import group_paths
from newsdiff.core.group.store import FILE_NAME, StoryStore
from tests.conftest import REPO, SAMPLES


def _copy_samples(folder: Path) -> Path:
    folder.mkdir()
    for sample in SAMPLES.glob("*.txt"):
        (folder / sample.name).write_bytes(sample.read_bytes())
    return folder


def _stories(result) -> list[list[str]]:
    names = [Path(r.path).name[:3] for r in result.reports]
    return sorted(sorted(names[i] for i in s.articles) for s in result.grouping.stories)


def test_reopening_reuses_the_cache_and_notices_changes(tmp_path: Path) -> None:
    folder = _copy_samples(tmp_path / "articles")
    store = StoryStore(tmp_path / "cache")
    first = group_paths([str(folder)], store=store)
    assert not first.reused
    again = group_paths([str(folder)], store=store)
    assert again.reused and _stories(again) == _stories(first)
    assert [r.outlet for r in again.reports] == [r.outlet for r in first.reports]

    # A changed file is read again (its size and time changed) and grouped anew.
    changed = folder / "006-en-lewotobi-eruption-rewrite.txt"
    changed.write_text("Harga beras naik tipis di pasar induk, kata pedagang.\n", encoding="utf-8")
    after_change = group_paths([str(folder)], store=store)
    assert not after_change.reused
    assert ["006"] in _stories(after_change) and ["005"] in _stories(after_change)

    # A deleted file is simply gone from the input.
    (folder / "007-id-bps-inflasi-beras.txt").unlink()
    after_delete = group_paths([str(folder)], store=store)
    assert len(after_delete.reports) == 7
    assert store.prune([str(p) for p in folder.iterdir()]) == 1
    store.close()


def test_cached_features_give_the_same_stories_without_rereading(tmp_path: Path) -> None:
    folder = _copy_samples(tmp_path / "articles")
    store = StoryStore(tmp_path / "cache")
    fresh = group_paths([str(folder)], store=store)
    # Force a regrouping from cached features: forget the finished grouping only.
    store.connection.execute("DELETE FROM groupings")
    from_features = group_paths([str(folder)], store=store)
    assert not from_features.reused
    assert _stories(from_features) == _stories(fresh)
    assert from_features.grouping.related == fresh.grouping.related
    store.close()


def test_a_foreign_or_corrupt_cache_is_set_aside_with_one_warning(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / FILE_NAME).write_bytes(b"this is not a database at all" * 100)
    warnings: list[str] = []
    store = StoryStore(cache, warn=warnings.append)
    assert len(warnings) == 1 and "set aside" in warnings[0]
    assert len(list(cache.glob(f"{FILE_NAME}.broken-*"))) == 1
    assert group_paths([str(SAMPLES)], store=store).reports
    store.close()

    foreign = tmp_path / "foreign"
    foreign.mkdir()
    other = sqlite3.connect(foreign / FILE_NAME)
    other.execute("CREATE TABLE notes (text TEXT)")
    other.commit()
    other.close()
    warnings.clear()
    StoryStore(foreign, warn=warnings.append).close()
    assert len(warnings) == 1 and "not a newsdiff stories cache" in warnings[0]


_WRITER = """
import sys
from newsdiff.core.group.store import StoryStore
store = StoryStore(sys.argv[1])
blob = bytes(200_000)
print("ready", flush=True)
number = 0
while True:
    rows = [(f"{number}-{i}", blob, {"title": "t"}) for i in range(20)]
    store.save(rows, [(f"/x/{number}", 1, 1, [["/x", "h"]])])
    number += 1
"""


def test_a_process_killed_mid_write_leaves_a_working_cache(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(cache)], stdout=subprocess.PIPE, env=env
    )
    assert writer.stdout is not None and writer.stdout.readline().strip() == b"ready"
    time.sleep(1.0)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    warnings: list[str] = []
    store = StoryStore(cache, warn=warnings.append)
    assert warnings == []
    assert store.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    saved = store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert saved % 20 == 0  # whole transactions only
    assert group_paths([str(SAMPLES)], store=store).reports
    store.close()


def test_grouping_loaded_articles_with_the_cache_matches_grouping_without(
    tmp_path: Path,
) -> None:
    from newsdiff.core.group import group, group_articles
    from newsdiff.core.ingest import load

    articles = load([str(SAMPLES)]).articles
    plain = group(articles)
    store = StoryStore(tmp_path / "cache")
    first = group_articles(articles, store=store)
    assert store.connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 8
    store.connection.execute("DELETE FROM groupings")  # force a run from cached features
    from_features = group_articles(articles, store=store)
    again = group_articles(articles, store=store)  # the finished grouping, reused
    for other in (first, from_features, again):
        assert other.stories == plain.stories
        assert other.related == plain.related
        assert other.story_of == plain.story_of
    store.close()
