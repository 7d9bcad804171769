"""Writing exports safely: all or nothing, and never over a file without leave.

An export is written to a temporary file in the target's own folder (same file
system, so the final rename is atomic), flushed and fsynced, and only then put in
place. A failure at any point — a missing folder, a read-only location, a full disk —
removes the temporary files and raises :class:`ExportError` with one line a person
can act on; the target is either the complete new file or what it was before.

Without ``overwrite`` a target that exists is left untouched (:class:`TargetExists`).
The check is made again at the last moment by hard-linking the temporary file to the
target, which fails when something appeared there in the meantime, so even a race
cannot clobber a file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Final

from newsdiff.core.sanitize import visible_line

_REASONS: Final = {
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "read-only file system",
    errno.ENOSPC: "no space left on the device",
    errno.EDQUOT: "disk quota exceeded",
    errno.EISDIR: "it is a folder",
    errno.ENAMETOOLONG: "the name is too long",
    errno.EFBIG: "the file is too large",
}

_LINK_UNSUPPORTED: Final = frozenset(
    {errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV, errno.EMLINK}
)
"""Errors from ``os.link`` that mean "this file system has no hard links" (FAT, some
network mounts): then the exists-check and a plain rename have to do."""


class ExportError(Exception):
    """An export could not be written; the message is one line, naming the path."""


class TargetExists(ExportError):
    """The target exists and overwriting was not allowed; nothing was written."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{visible_line(str(path))} exists; not overwritten")
        self.path = path


def describe(error: OSError, path: Path) -> str:
    """``cannot write PATH: reason`` for an OS error, in words rather than errno."""
    reason = _REASONS.get(error.errno or 0) or error.strerror or str(error)
    return f"cannot write {visible_line(str(path))}: {reason}"


def _check_parent(path: Path) -> None:
    parent = path.parent
    if not parent.exists():
        raise ExportError(
            f"cannot write {visible_line(str(path))}: the folder "
            f"{visible_line(str(parent))} does not exist"
        )
    if not parent.is_dir():
        raise ExportError(
            f"cannot write {visible_line(str(path))}: {visible_line(str(parent))} is not a folder"
        )
    if path.is_dir():
        raise ExportError(f"cannot write {visible_line(str(path))}: it is a folder")


def _temporary_name(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def _write_temporary(path: Path, data: bytes) -> Path:
    """``data`` in a new temporary file next to ``path``, on disk; its name."""
    temporary = _temporary_name(path)
    # 0o666 honours the umask, like any new file (mkstemp would make it private).
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        view = memoryview(data)
        while view:
            written = os.write(descriptor, view)
            view = view[written:]
        os.fsync(descriptor)
    except BaseException:
        os.close(descriptor)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    os.close(descriptor)
    return temporary


def _commit(temporary: Path, path: Path, overwrite: bool) -> None:
    """Put ``temporary`` in place of ``path`` (replacing it only when allowed)."""
    if overwrite:
        with contextlib.suppress(OSError):
            shutil.copymode(path, temporary)  # an overwritten file keeps its permissions
        os.replace(temporary, path)
        return
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise TargetExists(path) from None
    except OSError as error:
        if error.errno not in _LINK_UNSUPPORTED:
            raise
        if path.exists():
            raise TargetExists(path) from None
        os.replace(temporary, path)
        return
    os.unlink(temporary)


def _sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (best effort: not every OS allows it)."""
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)


def write_files(files: Mapping[Path, bytes], *, overwrite: bool = False) -> None:
    """Write every file atomically, or none.

    All temporary files are written first; only when every one is on disk are they
    put in place. Without ``overwrite`` an existing target stops everything before a
    byte is written; a target that appears during the write is not touched either,
    and the files already put in place by this call are taken back.

    Raises:
        TargetExists: a target exists and ``overwrite`` is False.
        ExportError: the files could not be written (one line, with the reason).
    """
    paths = list(files)
    for path in paths:
        _check_parent(path)
        if not overwrite and (path.exists() or path.is_symlink()):
            raise TargetExists(path)
    temporaries: dict[Path, Path] = {}
    placed: list[Path] = []
    current = paths[0] if paths else Path()
    try:
        for path in paths:
            current = path
            temporaries[path] = _write_temporary(path, files[path])
        for path in paths:
            current = path
            _commit(temporaries[path], path, overwrite)
            del temporaries[path]
            placed.append(path)
    except BaseException as error:
        for temporary in temporaries.values():
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        if not overwrite:
            for path in placed:  # ours, new: take them back so it is all or nothing
                with contextlib.suppress(OSError):
                    os.unlink(path)
        if isinstance(error, OSError):
            raise ExportError(describe(error, current)) from error
        raise
    for folder in {path.parent for path in paths}:
        _sync_folder(folder)


def write_file(path: Path, data: bytes, *, overwrite: bool = False) -> None:
    """Write one file atomically (see :func:`write_files`)."""
    write_files({path: data}, overwrite=overwrite)


def write_folder(folder: Path, files: Mapping[str, bytes], *, overwrite: bool = False) -> None:
    """Write a folder of files (``name → bytes``) as one unit.

    A new folder is built under a temporary name beside it and renamed into place
    when complete, so it appears whole or not at all. An existing folder is refused
    without ``overwrite``; with it, each file inside is replaced atomically (files of
    an older export that this one does not write are left as they are).

    Raises:
        TargetExists: the folder exists and ``overwrite`` is False.
        ExportError: the folder could not be written.
    """
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"cannot write {visible_line(str(folder))}: it exists and is a file")
    if folder.is_dir():
        if not overwrite:
            raise TargetExists(folder)
        write_files({folder / name: data for name, data in files.items()}, overwrite=True)
        return
    _check_parent(folder)
    temporary = _temporary_name(folder)
    try:
        os.mkdir(temporary, 0o777)
    except OSError as error:
        raise ExportError(describe(error, folder)) from error
    try:
        write_files({temporary / name: data for name, data in files.items()}, overwrite=False)
        os.rename(temporary, folder)
    except ExportError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        # Name the folder asked for, not the temporary one.
        raise ExportError(str(error).replace(str(temporary), str(folder))) from error
    except OSError as error:
        shutil.rmtree(temporary, ignore_errors=True)
        if error.errno in (errno.EEXIST, errno.ENOTEMPTY):
            raise TargetExists(folder) from None
        raise ExportError(describe(error, folder)) from error
    except BaseException:
        shutil.rmtree(temporary, ignore_errors=True)
        raise
    _sync_folder(folder.parent)
