"""``newsdiff list`` run as a subprocess: formats, samples, bad inputs, exit status."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

LEAD = (
    "Jakarta (ANTARA) - Presiden meresmikan jalan tol baru pada Senin (3/3/2025) di Jakarta.\n"
    "Ia berkata jalan itu penting bagi warga yang setiap hari pergi ke kota.\n"
)


def newsdiff(
    *args: str, cwd: Path | None = None, stdin: bytes | None = None, columns: int = 160
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui"), "COLUMNS": str(columns)}
    env.pop("NEWSDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        cwd=cwd,
        input=stdin.decode("utf-8", "surrogateescape") if stdin is not None else None,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def test_json_lists_every_sample_from_any_directory(tmp_path: Path) -> None:
    run = newsdiff("list", "--format", "json", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    document = json.loads(run.stdout)
    assert document["schema"] == "newsdiff.articles/1"
    articles = {Path(a["path"]).name[:3]: a for a in document["articles"]}
    assert sorted(articles) == ["000", "001", "002", "003", "004", "005", "006", "007"]
    for article in articles.values():
        assert set(article) == {
            "path",
            "title",
            "outlet",
            "place",
            "published",
            "language",
            "sentences",
            "boilerplate_chars",
        }
        assert article["title"] and article["sentences"] > 3
    assert articles["001"]["published"] == "2025-07-23"
    assert articles["004"]["published"] == "2027-07-23"
    assert {k: (a["outlet"], a["place"], a["language"]) for k, a in articles.items()} == {
        "000": ("ANTARA", "Istanbul", "id"),
        "001": ("ANTARA", "Istanbul", "id"),
        "002": ("KONTAN", "Istanbul", "id"),
        "003": (None, None, "id"),
        "004": (None, None, "id"),
        "005": ("Kabar Wire", "Larantuka", "en"),
        "006": (None, None, "en"),
        "007": ("Warta Ekonomi Nusantara", "Jakarta", "id"),
    }
    assert articles["000"]["boilerplate_chars"] > 0 and articles["003"]["boilerplate_chars"] == 0


def test_text_table_lists_every_sample() -> None:
    run = newsdiff("list")
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["FILE", "TITLE", "OUTLET", "PLACE", "DATE", "LANG", "SENT"]
    assert len(lines) == 9
    assert lines[2].startswith("001-antara-istanbul-third-round-23-july.txt")
    assert "2025-07-23" in lines[2] and "ANTARA" in lines[2]


@pytest.mark.parametrize("columns", [80, 120, 200])
def test_the_table_fits_the_terminal(columns: int) -> None:
    lines = newsdiff("list", columns=columns).stdout.splitlines()
    assert len(lines) == 9
    assert all(len(line) <= columns for line in lines)
    assert all(line.split()[-2] in {"id", "en", "LANG"} for line in lines)


def test_bad_inputs_are_named_on_stderr_and_the_rest_is_listed(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(LEAD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "broken.json").write_text('{"text": ', encoding="utf-8")
    with (tmp_path / "big.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    missing = tmp_path / "missing.txt"
    run = newsdiff("list", "--format", "json", str(tmp_path), str(missing))
    assert run.returncode == 1
    listed = [Path(a["path"]).name for a in json.loads(run.stdout)["articles"]]
    assert listed == ["good.txt"]
    errors = run.stderr.splitlines()
    assert sorted(errors) == sorted(
        [
            f"newsdiff: {missing}: no such file or folder",
            f"newsdiff: {tmp_path / 'big.txt'}: file is 50 MB, larger than the 32 MB limit",
            f"newsdiff: {tmp_path / 'binary.txt'}: binary file, not text",
            f"newsdiff: {tmp_path / 'broken.json'}: malformed JSON (Expecting value at line 1)",
            f"newsdiff: {tmp_path / 'empty.txt'}: empty file",
        ]
    )
    assert "Traceback" not in run.stderr


def test_nothing_loadable_exits_2_with_one_line_per_problem(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    run = newsdiff("list", str(tmp_path / "empty.txt"), str(tmp_path / "nope"))
    assert run.returncode == 2
    assert run.stdout == ""
    assert run.stderr.splitlines() == [
        f"newsdiff: {tmp_path / 'empty.txt'}: empty file",
        f"newsdiff: {tmp_path / 'nope'}: no such file or folder",
        "newsdiff: no articles could be loaded",
    ]


def test_an_empty_folder_exits_2(tmp_path: Path) -> None:
    run = newsdiff("list", str(tmp_path))
    assert run.returncode == 2
    assert f"{tmp_path}: folder holds no article files" in run.stderr


def test_stdin_and_the_size_limit(tmp_path: Path) -> None:
    run = newsdiff("list", "--format", "json", "-", stdin=LEAD.encode())
    assert run.returncode == 0, run.stderr
    (article,) = json.loads(run.stdout)["articles"]
    assert (article["path"], article["outlet"], article["published"]) == (
        "-",
        "ANTARA",
        "2025-03-03",
    )
    big = tmp_path / "big.txt"
    big.write_text(LEAD * 2000, encoding="utf-8")  # ~300 KB
    run = newsdiff("list", "--max-size", "0.1", str(big), str(tmp_path / "missing"))
    assert run.returncode == 2 and "file is 0.3 MB, larger than the 0.1 MB limit" in run.stderr


def test_article_text_cannot_drive_the_terminal(tmp_path: Path) -> None:
    hostile = "Judul \x1b[31mmerah\x1b[0m \u202eterbalik\n" + LEAD
    (tmp_path / "hostile.txt").write_text(hostile, encoding="utf-8")
    (tmp_path / "evil\x1b]0;name\x07.txt").write_text(LEAD, encoding="utf-8")
    for fmt in ("text", "json"):
        run = newsdiff("list", "--format", fmt, str(tmp_path))
        assert run.returncode == 0, run.stderr
        assert "\x1b" not in run.stdout and "\u202e" not in run.stdout and "\x07" not in run.stdout
    assert "\\x1b" in newsdiff("list", str(tmp_path)).stdout


@pytest.mark.parametrize(
    "args",
    [
        ("list", "--format", "xml"),
        ("list", "--max-size", "lots"),
        ("list", "--max-size", "-1"),
        ("list", "--no-such-option"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(args: tuple[str, ...]) -> None:
    run = newsdiff(*args)
    assert run.returncode == 2
    assert run.stdout == ""
    (line,) = run.stderr.splitlines()
    assert line.startswith("newsdiff list: error:") and "--help" in line


def test_a_closed_pipe_is_not_an_error() -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    run = subprocess.run(
        f"'{sys.executable}' -m newsdiff list | head -1",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert run.stdout.startswith("FILE")
    assert "Traceback" not in run.stderr and "Error" not in run.stderr
