"""Paths: files, folders, globs, stdin, duplicates, and every bad input the issue names.

Each bad input becomes exactly one :class:`Problem` naming the file and the reason,
and the good inputs next to it still load.
"""

from __future__ import annotations

import builtins
import gzip
import io
import os
from pathlib import Path

import pytest

from newsdiff.core.ingest import iter_load, load
from newsdiff.core.model import Article, Problem

LEAD = (
    "Jakarta (ANTARA) - Presiden meresmikan jalan tol baru pada Senin (3/3/2025) di Jakarta.\n"
    "Ia berkata jalan itu penting bagi warga yang setiap hari pergi ke kota.\n"
)


def write(path: Path, text: str = LEAD) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def problem_for(result, path: Path | str) -> Problem:
    matches = [p for p in result.problems if p.path == str(path)]
    assert len(matches) == 1, f"expected one problem for {path}, got {result.problems}"
    return matches[0]


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt")
    write(tmp_path / "a.md", "# Judul\n\n" + LEAD)
    write(tmp_path / "sub" / "deeper" / "c.txt")
    write(tmp_path / ".hidden" / "d.txt")
    write(tmp_path / "notes.pdf", "not an article type")
    result = load([str(tmp_path)])
    assert [Path(a.path).relative_to(tmp_path).as_posix() for a in result.articles] == [
        "a.md",
        "b.txt",
        "sub/deeper/c.txt",
    ]
    assert result.problems == ()


def test_a_glob_expands_and_a_literal_path_wins(tmp_path: Path) -> None:
    write(tmp_path / "x1.txt")
    write(tmp_path / "x2.txt")
    write(tmp_path / "y.txt")
    result = load([str(tmp_path / "x*.txt")])
    assert [Path(a.path).name for a in result.articles] == ["x1.txt", "x2.txt"]
    recursive = load([str(tmp_path / "**" / "*.txt")])
    assert len(recursive.articles) == 3


def test_a_glob_matching_nothing_is_a_problem(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.nothing")
    result = load([pattern])
    assert "matches no files" in problem_for(result, pattern).reason


def test_stdin_is_read_for_a_dash() -> None:
    result = load(["-"], stdin=io.BytesIO(LEAD.encode("utf-16")))
    (article,) = result.articles
    assert article.path == "-" and article.outlet == "ANTARA" and article.language == "id"


def test_the_same_file_named_several_ways_is_read_once(tmp_path: Path) -> None:
    target = write(tmp_path / "news" / "a.txt")
    (tmp_path / "link.txt").symlink_to(target)
    news = tmp_path / "news"
    names = [target, news, news / "*.txt", target, tmp_path / "link.txt"]
    result = load([str(name) for name in names])
    assert [a.path for a in result.articles] == [str(target)]
    assert result.problems == ()


def test_gzipped_files_load_and_broken_gzip_is_a_problem(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(LEAD.encode()))
    (tmp_path / "b.txt.gz").write_bytes(b"not gzip at all")
    result = load([str(tmp_path)])
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]
    assert "not a valid gzip file" in problem_for(result, tmp_path / "b.txt.gz").reason


@pytest.fixture
def bad_inputs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """Every bad input from the issue, with a word its reason must contain."""
    made: dict[str, tuple[Path, str]] = {}
    (tmp_path / "empty-folder").mkdir()
    made["empty folder"] = (tmp_path / "empty-folder", "no article files")
    made["missing"] = (tmp_path / "missing.txt", "no such file")
    made["empty file"] = (write(tmp_path / "empty.txt", ""), "empty file")
    made["whitespace"] = (write(tmp_path / "blank.txt", " \n\t\n  "), "only whitespace")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    made["binary"] = (binary, "binary file")
    undecodable = tmp_path / "undecodable.txt"
    undecodable.write_bytes(b"Berita \x81\x8d\x90 rusak dan tidak bisa dibaca.")
    made["undecodable"] = (undecodable, "undecodable bytes")
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: costs no disk
    made["50 MB"] = (big, "larger than the 32 MB limit")
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    made["symlink loop (file)"] = (loop, "symlink loop")
    looped = tmp_path / "looped"
    write(looped / "inside.txt")
    (looped / "again").symlink_to(looped)
    made["symlink loop (folder)"] = (looped / "again", "symlink loop")
    made["malformed HTML"] = (write(tmp_path / "broken.html", "<html><body><div><p"), "HTML")
    made["malformed JSON"] = (write(tmp_path / "broken.json", '{"title": "x", "text": '), "JSON")
    made["malformed XML"] = (
        write(tmp_path / "broken.xml", "<rss><channel><item><title>x</title><description>y"),
        "malformed XML",
    )
    return made


def test_every_bad_input_is_one_problem_and_the_rest_still_loads(
    tmp_path: Path, bad_inputs: dict[str, tuple[Path, str]]
) -> None:
    good = write(tmp_path / "good" / "a.txt")
    paths = [str(good)] + [
        str(path) for name, (path, _) in bad_inputs.items() if "folder)" not in name
    ]
    paths.append(str(tmp_path / "looped"))
    result = load(paths)
    assert [a.path for a in result.articles] == [str(good), str(tmp_path / "looped" / "inside.txt")]
    for name, (path, reason) in bad_inputs.items():
        assert reason in problem_for(result, path).reason, name
    assert len(result.problems) == len(bad_inputs)
    for problem in result.problems:
        assert "\n" not in str(problem) and "Traceback" not in str(problem)


def test_the_size_limit_can_be_raised(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", LEAD * 20)
    assert load([str(path)], max_bytes=1000).problems
    assert load([str(path)], max_bytes=100_000).articles


def test_an_unreadable_file_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: chmod 000 does not block reads (see the next test)")
        result = load([str(path)])
        assert "permission denied" in problem_for(result, path).reason
    finally:
        path.chmod(0o644)


def test_a_permission_error_while_reading_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same path as chmod 000, forced, so it is exercised even when run as root."""
    path = write(tmp_path / "secret.txt")
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)
    result = load([str(path)])
    assert result.articles == ()
    assert problem_for(result, path).reason == "permission denied"


def test_an_unreadable_folder_is_a_problem(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    write(folder / "sub" / "a.txt")
    (folder / "sub").chmod(0)
    try:
        if os.access(folder / "sub", os.R_OK):
            pytest.skip("running as root: chmod 000 does not block reads")
        result = load([str(folder)])
        assert any("permission denied" in p.reason for p in result.problems)
    finally:
        (folder / "sub").chmod(0o755)


def test_a_permission_error_while_walking_is_a_problem(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The chmod 000 folder case, forced, so it is exercised even when run as root."""
    folder = tmp_path / "locked"
    write(folder / "open" / "a.txt")
    write(folder / "sub" / "b.txt")
    real_scandir = os.scandir

    def refusing_scandir(path=".", *args, **kwargs):
        if str(path) == str(folder / "sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path, *args, **kwargs)

    monkeypatch.setattr(os, "scandir", refusing_scandir)
    result = load([str(folder)])
    assert [Path(a.path).name for a in result.articles] == ["a.txt"]
    assert problem_for(result, folder / "sub").reason == "folder permission denied; skipped"


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = load([str(fifo)])
    assert "not a regular file" in problem_for(result, fifo).reason


def test_a_folder_given_as_a_file_glob_match_is_walked(tmp_path: Path) -> None:
    write(tmp_path / "2025" / "a.txt")
    write(tmp_path / "2024" / "b.txt")
    result = load([str(tmp_path / "202*")])
    assert sorted(Path(a.path).name for a in result.articles) == ["a.txt", "b.txt"]


def test_iter_load_yields_as_it_goes(tmp_path: Path) -> None:
    write(tmp_path / "a.txt")
    write(tmp_path / "b.txt")
    stream = iter_load([str(tmp_path / "missing"), str(tmp_path)])
    first = next(stream)
    assert isinstance(first, Problem)
    assert all(isinstance(item, Article) for item in stream)
