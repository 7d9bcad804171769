"""``newsdiff export`` run as a subprocess, in every form it takes."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import sample
from tests.unit.export_fixtures import HOSTILE_TEXT

A = str(sample("001"))
B = str(sample("004"))
C = str(sample("002"))


def newsdiff(*args: str, stdin: str | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", "export", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=cwd,
        timeout=180,
    )


def _one_line(stderr: str) -> str:
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert "Traceback" not in stderr
    return lines[0]


FIRST_LINES = {
    "md": "# ",
    "html": "<!DOCTYPE html>",
    "json": "{",
    "txt": "newsdiff article: ",
}


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt"])
def test_one_path_exports_the_article(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"004.{fmt}"
    result = newsdiff(B, "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert _one_line(result.stderr) == f"newsdiff: wrote {out}"
    content = out.read_text(encoding="utf-8")
    assert content.startswith(FIRST_LINES[fmt])
    assert "23 Juli 2027" in content
    if fmt == "json":
        assert json.loads(content)["schema"] == "newsdiff.entities/1"


def test_one_path_exports_brat_as_two_files(tmp_path: Path) -> None:
    result = newsdiff(B, "--format", "brat", "-o", str(tmp_path / "004.ann"))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["004.ann", "004.txt"]
    text = (tmp_path / "004.txt").read_text(encoding="utf-8")
    assert text == Path(B).read_text(encoding="utf-8").replace("\r\n", "\n")
    ann = (tmp_path / "004.ann").read_text(encoding="utf-8")
    assert "\tDATE " in ann and "\t23 Juli 2027" in ann


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt", "brat"])
def test_two_paths_export_the_comparison(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("001-vs-004" + ("" if fmt == "brat" else f".{fmt}"))
    result = newsdiff(A, B, "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    if fmt == "brat":
        assert sorted(p.name for p in out.iterdir()) == [
            "001.ann", "001.txt", "004.ann", "004.txt", "annotation.conf"
        ]  # fmt: skip
        return
    content = out.read_text(encoding="utf-8")
    if fmt == "json":
        record = json.loads(content)
        assert record["schema"] == "newsdiff.comparison/1"
        assert record["left"]["path"] == A and record["right"]["path"] == B
    elif fmt == "html":
        assert '<table class="compare cols-2">' in content and "Findings (" in content
    elif fmt == "md":
        assert "## Rows" in content and "## Findings" in content
    else:
        assert content.startswith("newsdiff comparison\n") and "== findings" in content


def test_three_paths_export_against_the_first(tmp_path: Path) -> None:
    out = tmp_path / "three.json"
    result = newsdiff(A, B, C, "--format", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    records = json.loads(out.read_text(encoding="utf-8"))
    assert [(r["left"]["path"], r["right"]["path"]) for r in records] == [(A, B), (A, C)]


@pytest.mark.parametrize("fmt", ["json", "html", "md", "txt", "brat"])
def test_story_exports_every_pair(tmp_path: Path, fmt: str) -> None:
    out = tmp_path / ("story" + ("" if fmt == "brat" else f".{fmt}"))
    result = newsdiff(A, B, C, "--story", "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    if fmt == "brat":
        assert len(list(out.glob("*.ann"))) == 3
        return
    content = out.read_text(encoding="utf-8")
    if fmt == "json":
        story = json.loads(content)
        assert story["schema"] == "newsdiff.story/1"
        assert [r["path"] for r in story["reports"]] == [A, B, C]
        assert [(p["left"], p["right"]) for p in story["pairs"]] == [(A, B), (A, C), (B, C)]
        # The grouping over the three: 001 is the source of the 001/004 story, and that
        # pair carries its shares (62% of 001 rewritten in 004); 002 is only related.
        assert story["source"] == A and "earliest date (2025-07-23)" in story["source_reasons"]
        assert story["pairs"][0]["rewritten"] > 0.5 > story["pairs"][0]["rewritten_back"]
        assert "copied" not in story["pairs"][1]
        assert all(p["comparison"]["schema"] == "newsdiff.comparison/1" for p in story["pairs"])
    else:
        assert content.count("air 3") >= 1  # "Pair 3" / "pair 3"


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt"])
def test_dash_writes_to_standard_output(fmt: str) -> None:
    result = newsdiff(A, B, "--format", fmt, "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("{" if fmt == "json" else FIRST_LINES.get(fmt, "")[:1])
    assert result.stderr == ""


def test_brat_cannot_go_to_standard_output() -> None:
    result = newsdiff(B, "--format", "brat", "-o", "-")
    assert result.returncode == 2
    assert "brat writes two files" in _one_line(result.stderr)


def test_an_existing_file_is_refused_then_replaced_with_force(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    out.write_text("precious", encoding="utf-8")
    result = newsdiff(A, B, "--format", "html", "-o", str(out))
    assert result.returncode == 2
    assert _one_line(result.stderr) == f"newsdiff: {out} exists; add --force to replace it"
    assert out.read_text(encoding="utf-8") == "precious"
    result = newsdiff(A, B, "--format", "html", "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]


def test_an_existing_brat_folder_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "pair"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = newsdiff(A, B, "--format", "brat", "-o", str(out))
    assert result.returncode == 2
    assert "exists; add --force" in _one_line(result.stderr)
    assert [p.name for p in out.iterdir()] == ["keep.txt"]


def test_a_missing_folder_is_one_line_and_nothing_is_written(tmp_path: Path) -> None:
    out = tmp_path / "missing" / "report.md"
    result = newsdiff(B, "--format", "md", "-o", str(out))
    assert result.returncode == 2
    assert _one_line(result.stderr) == (
        f"newsdiff: cannot write {out}: the folder {out.parent} does not exist"
    )
    assert list(tmp_path.iterdir()) == []


def test_a_skipped_input_is_named_and_the_rest_exported(tmp_path: Path) -> None:
    out = tmp_path / "a.txt"
    result = newsdiff(B, str(tmp_path / "nope.txt"), "--format", "txt", "-o", str(out))
    assert result.returncode == 1
    assert "nope.txt: no such file or folder" in result.stderr
    assert out.read_text(encoding="utf-8").startswith("newsdiff article: ")


def test_arguments_are_checked_in_one_line() -> None:
    for args in (["--format", "md"], [B, "-o", "x.md"], [B, "--format", "pdf", "-o", "x"]):
        result = newsdiff(*args)
        assert result.returncode == 2
        assert "see 'newsdiff export --help'" in _one_line(result.stderr)


def test_standard_input_can_be_exported(tmp_path: Path) -> None:
    result = newsdiff("-", "--format", "json", "-o", "-", stdin=HOSTILE_TEXT)
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["path"] == "-"


@pytest.mark.parametrize("fmt", ["txt", "md", "html", "json"])
def test_nothing_reaches_a_terminal_as_an_escape_sequence(tmp_path: Path, fmt: str) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(HOSTILE_TEXT, encoding="utf-8")
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", "export", str(hostile), "--format", fmt, "-o", "-"],
        stdout=terminal,
        stderr=subprocess.PIPE,
    )
    os.close(terminal)
    chunks = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(controller)
    shown = b"".join(chunks).decode("utf-8")
    assert process.returncode == 0
    assert "\x1b" not in shown and "\u202e" not in shown
    if fmt != "json":  # JSON holds spans, not the text around them
        assert "31m" in shown  # the sequence is there, made visible
