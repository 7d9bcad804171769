"""``newsdiff stories`` run as a subprocess: text, JSON shape, cache, bad input, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO, SAMPLES


def newsdiff(*args: str, cache: Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui"), "NEWSDIFF_CACHE_DIR": str(cache)}
    env.pop("NEWSDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", "stories", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


def _names(paths: list[str]) -> list[str]:
    return sorted(Path(p).name[:3] for p in paths)


def test_json_shape_and_the_sample_stories(tmp_path: Path) -> None:
    run = newsdiff("--format", "json", cache=tmp_path / "cache", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""  # no progress bar when stderr is not a terminal
    document = json.loads(run.stdout)
    assert set(document) == {"schema", "stories", "related"}
    assert document["schema"] == "newsdiff.stories/1"
    stories = document["stories"]
    assert sorted(_names(s["articles"]) for s in stories) == [
        ["000", "003"], ["001", "004"], ["002"], ["005", "006"], ["007"]
    ]  # fmt: skip
    for story in stories:
        assert set(story) == {"articles", "source", "pairs"}
        assert story["source"] is None or story["source"] in story["articles"]
        expected_pairs = len(story["articles"]) * (len(story["articles"]) - 1)
        assert len(story["pairs"]) == expected_pairs  # both directions
        for pair in story["pairs"]:
            assert set(pair) == {"left", "right", "similarity", "copied", "rewritten"}
            assert {pair["left"], pair["right"]} <= set(story["articles"])
            assert 0 <= pair["copied"] + pair["rewritten"] <= 1
    by_names = {tuple(_names(s["articles"])): s for s in stories}
    assert Path(by_names[("001", "004")]["source"]).name.startswith("001")
    assert by_names[("002",)]["source"] is None and by_names[("002",)]["pairs"] == []
    for link in document["related"]:
        assert set(link) == {"left", "right", "similarity"}
    related_to_002 = {
        Path(link["left" if "002" in Path(link["right"]).name else "right"]).name[:3]
        for link in document["related"]
        if "002" in Path(link["left"]).name or "002" in Path(link["right"]).name
    }
    assert related_to_002 & {"000", "003"} and related_to_002 & {"001", "004"}


def test_text_output_names_reports_sources_and_related(tmp_path: Path) -> None:
    run = newsdiff(str(SAMPLES), cache=tmp_path / "cache")
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert out.startswith("8 reports: 3 stories of two or more, 2 on their own")
    assert "source: 001-antara-istanbul-third-round-23-july.txt — earliest date (2025-07-23)" in out
    assert "wire dateline (ANTARA)" in out
    assert "related: 001-antara-istanbul-third-round-23-july.txt (different day" in out
    assert "On their own:" in out and "007-id-bps-inflasi-beras.txt" in out


def test_the_second_run_is_served_from_the_cache_and_no_cache_leaves_none(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = newsdiff("--format", "json", str(SAMPLES), cache=cache)
    second = newsdiff("--format", "json", str(SAMPLES), cache=cache)
    assert first.stdout == second.stdout
    assert (cache / "stories.sqlite3").exists()
    other = tmp_path / "elsewhere"
    third = newsdiff("--format", "json", "--no-cache", str(SAMPLES), cache=other)
    assert third.stdout == first.stdout and not other.exists()
    explicit = tmp_path / "explicit"
    newsdiff("--cache-dir", str(explicit), str(SAMPLES), cache=other)
    assert (explicit / "stories.sqlite3").exists()


def test_a_broken_cache_costs_one_warning_line(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    (cache / "stories.sqlite3").write_bytes(b"\x00garbage" * 500)
    run = newsdiff("--format", "json", str(SAMPLES), cache=cache)
    assert run.returncode == 0
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "set aside" in lines[0]
    assert json.loads(run.stdout)["schema"] == "newsdiff.stories/1"


def test_exit_status_for_skipped_and_missing_inputs(tmp_path: Path) -> None:
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    partial = newsdiff("--format", "json", str(SAMPLES), str(bad), cache=tmp_path / "c")
    assert partial.returncode == 1
    assert "empty.txt" in partial.stderr and "Traceback" not in partial.stderr
    assert json.loads(partial.stdout)["schema"] == "newsdiff.stories/1"
    missing = newsdiff(str(tmp_path / "nope.txt"), cache=tmp_path / "c")
    assert missing.returncode == 2
    assert "no articles could be loaded" in missing.stderr and "Traceback" not in missing.stderr
    wrong = newsdiff("--format", "xml", cache=tmp_path / "c")
    assert wrong.returncode == 2 and "invalid choice" in wrong.stderr


def test_article_text_cannot_steer_the_terminal(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    lead = "Jakarta (ANTARA) - Banjir melanda 12 kelurahan pada Senin (3/3), kata BPBD.\n"
    for name in ("a\x1b[31m.txt", "b.txt"):
        (folder / name).write_text(lead * 3, encoding="utf-8")
    run = newsdiff(str(folder), cache=tmp_path / "cache")
    assert run.returncode == 0, run.stderr
    assert "\x1b" not in run.stdout and "\\x1b" in run.stdout
