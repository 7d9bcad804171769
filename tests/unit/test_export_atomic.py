"""Writes are all or nothing: no partial file, no stray temporary, no clobbered file."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from newsdiff.core.export import atomic
from newsdiff.core.export.atomic import (
    ExportError,
    TargetExists,
    write_file,
    write_files,
    write_folder,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_file(target, b"<p>new</p>")
    assert target.read_bytes() == b"<p>new</p>"
    assert _leftovers(tmp_path) == []
    mode = stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    assert mode == 0o666 & ~umask  # an ordinary file, not a private temporary


def test_an_existing_file_is_left_untouched_without_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    target.write_bytes(b"precious")
    with pytest.raises(TargetExists) as raised:
        write_file(target, b"new")
    assert "report.html exists" in str(raised.value)
    assert target.read_bytes() == b"precious"
    assert _leftovers(tmp_path) == []


def test_overwrite_replaces_and_keeps_the_permissions(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_file(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def _full_disk_after(limit: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.write`` writes ``limit`` bytes, then the disk is full (ENOSPC)."""
    real_write = os.write
    written = {"bytes": 0}

    def write(descriptor: int, data: bytes | memoryview) -> int:
        room = limit - written["bytes"]
        if room <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        count = real_write(descriptor, bytes(data[:room]))
        written["bytes"] += count
        return count

    monkeypatch.setattr(atomic.os, "write", write)


@pytest.mark.parametrize("existing", [False, True])
def test_a_full_disk_leaves_no_partial_file_and_the_original_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, existing: bool
) -> None:
    target = tmp_path / "report.json"
    if existing:
        target.write_bytes(b'{"old": true}')
    _full_disk_after(10, monkeypatch)
    with pytest.raises(ExportError) as raised:
        write_file(target, b'{"new": "' + b"x" * 1000 + b'"}', overwrite=True)
    message = str(raised.value)
    assert message == f"cannot write {target}: no space left on the device"
    assert "\n" not in message
    assert _leftovers(tmp_path) == []
    if existing:
        assert target.read_bytes() == b'{"old": true}'
    else:
        assert not target.exists()


def test_a_failing_fsync_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fsync(descriptor: int) -> None:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", fsync)
    with pytest.raises(ExportError, match="Input/output error"):
        write_file(tmp_path / "a.txt", b"text")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "reason"),
    [(errno.EACCES, "permission denied"), (errno.EROFS, "read-only file system")],
)
def test_an_unwritable_location_is_one_clear_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, reason: str
) -> None:
    # Tests run as root here, where chmod cannot make a folder unwritable: the OS error
    # is simulated where the temporary file is created.
    def refuse(*args: object, **kwargs: object) -> int:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(atomic.os, "open", refuse)
    with pytest.raises(ExportError) as raised:
        write_file(tmp_path / "out.html", b"x")
    assert str(raised.value) == f"cannot write {tmp_path / 'out.html'}: {reason}"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
def test_a_read_only_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            write_file(folder / "out.html", b"x")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "out.md"
    with pytest.raises(ExportError) as raised:
        write_file(target, b"x")
    assert str(raised.value) == (
        f"cannot write {target}: the folder {target.parent} does not exist"
    )


def test_a_folder_in_the_way_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out.md").mkdir()
    with pytest.raises(ExportError, match="it is a folder"):
        write_file(tmp_path / "out.md", b"x", overwrite=True)


def test_a_file_that_appears_during_the_write_is_not_clobbered(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.txt"
    real_link = os.link

    def someone_else_was_faster(source: Path, destination: Path) -> None:
        Path(destination).write_bytes(b"theirs")
        real_link(source, destination)

    monkeypatch.setattr(atomic.os, "link", someone_else_was_faster)
    with pytest.raises(TargetExists):
        write_file(target, b"ours")
    assert target.read_bytes() == b"theirs"
    assert _leftovers(tmp_path) == []


def test_without_hard_links_the_file_is_still_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_links(source: Path, destination: Path) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic.os, "link", no_links)
    write_file(tmp_path / "a.txt", b"text")
    assert (tmp_path / "a.txt").read_bytes() == b"text"
    assert _leftovers(tmp_path) == []


def test_several_files_are_all_or_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "a.ann"
    second.write_bytes(b"existing")
    with pytest.raises(TargetExists):
        write_files({first: b"text", second: b"T1"})
    assert not first.exists() and second.read_bytes() == b"existing"

    second.unlink()
    real_link = os.link
    calls = {"n": 0}

    def second_fails(source: Path, destination: Path) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(errno.EIO, "Input/output error")
        real_link(source, destination)

    monkeypatch.setattr(atomic.os, "link", second_fails)
    with pytest.raises(ExportError):
        write_files({first: b"text", second: b"T1"})
    assert list(tmp_path.iterdir()) == []  # the first file was taken back


def test_a_folder_appears_whole(tmp_path: Path) -> None:
    folder = tmp_path / "001-vs-004"
    write_folder(folder, {"001.txt": b"a", "001.ann": b"T1", "annotation.conf": b"[entities]"})
    assert sorted(p.name for p in folder.iterdir()) == ["001.ann", "001.txt", "annotation.conf"]
    assert [p.name for p in tmp_path.iterdir()] == ["001-vs-004"]
    with pytest.raises(TargetExists):
        write_folder(folder, {"001.txt": b"b"})
    assert (folder / "001.txt").read_bytes() == b"a"
    write_folder(folder, {"001.txt": b"b"}, overwrite=True)
    assert (folder / "001.txt").read_bytes() == b"b"


def test_a_folder_that_fails_halfway_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _full_disk_after(3, monkeypatch)
    with pytest.raises(ExportError, match="no space left") as raised:
        write_folder(tmp_path / "out", {"a.txt": b"abc", "b.txt": b"defgh"})
    assert ".tmp" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []
