"""Turn what a person typed (files, folders, globs, ``-``) into a list of inputs.

Folders are walked recursively in a stable, sorted order; symlinked folders are
followed once (a loop is reported, not walked forever); hidden files and folders and
files whose extension says they are not articles are skipped quietly inside folders,
but a file named explicitly is always tried so its problem can be reported.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from newsdiff.core.model import Problem

ARTICLE_EXTENSIONS: Final = frozenset(
    {
        ".txt",
        ".text",
        ".md",
        ".markdown",
        ".html",
        ".htm",
        ".xhtml",
        ".xml",
        ".rss",
        ".atom",
        ".json",
        ".jsonl",
        ".ndjson",
        ".gz",
    }
)
"""Extensions that a folder walk picks up (``.gz`` for gzipped pages and feeds)."""

_GLOB_CHARS: Final = frozenset("*?[")
_KNOWN: Final = ".txt, .md, .html, .xml/.rss/.atom, .json, .jsonl, optionally .gz"


@dataclass(frozen=True, slots=True)
class Input:
    """One thing to read: a file on disk, or standard input when ``path`` is ``-``."""

    path: str
    """The path as shown to people (relative paths stay relative)."""


def _is_hidden(name: str) -> bool:
    return name.startswith(".")


def _walk(folder: Path, problems: list[Problem]) -> Iterator[tuple[str, str]]:
    """Files under ``folder`` in sorted order, following symlinked folders once, each
    with its real path (what ``os.path.realpath`` gives, to tell duplicates apart).

    A symlink that points back to a folder above it (a loop) is reported and not
    entered; one that points to a folder already read elsewhere is skipped quietly,
    since its files were read once already. An unreadable folder is reported.
    """
    seen: set[str] = set()

    def unreadable(error: OSError) -> None:
        where = error.filename or str(folder)
        reason = "permission denied" if isinstance(error, PermissionError) else "unreadable"
        problems.append(Problem(str(where), f"folder {reason}; skipped"))

    for root, dirs, files in os.walk(folder, followlinks=True, onerror=unreadable):
        real = os.path.realpath(root)
        if real in seen:
            dirs[:] = []
            continue
        seen.add(real)
        kept = []
        for name in sorted(d for d in dirs if not _is_hidden(d)):
            path = os.path.join(root, name)
            target = os.path.realpath(path)
            if os.path.islink(path) and (real + os.sep).startswith(target.rstrip(os.sep) + os.sep):
                problems.append(Problem(path, "symlink loop (points back to a folder above it)"))
                continue
            kept.append(name)
        dirs[:] = kept
        links: frozenset[str] | None = None
        for name in sorted(files):
            if _is_hidden(name):
                continue
            path = os.path.join(root, name)
            if os.path.splitext(name)[1].lower() in ARTICLE_EXTENSIONS:
                if links is None:
                    links = _symlinks_in(root, files)
                yield path, os.path.realpath(path) if name in links else os.path.join(real, name)
            elif os.path.islink(path) and not os.path.exists(path):
                try:
                    os.stat(path)
                except OSError as error:
                    if error.errno == errno.ELOOP:
                        problems.append(Problem(path, "symlink loop"))


def _symlinks_in(folder: str, names: list[str]) -> frozenset[str]:
    """Which of ``names`` in ``folder`` are symlinks, from one directory listing (all
    of them, to be safe, when the folder cannot be listed again).

    A file that is no symlink has the real path of its folder joined with its name;
    only symlinks need ``os.path.realpath``, which looks up every part of the path
    (a tenth of the time spent loading a folder of small files).
    """
    try:
        with os.scandir(folder) as entries:
            return frozenset(entry.name for entry in entries if entry.is_symlink())
    except OSError:
        return frozenset(names)


def expand(paths: list[str]) -> list[Input | Problem]:
    """The command-line paths as inputs, with a problem for each bad path, in order.

    The same file named twice (directly, through a folder, a glob or a symlink) is
    read once.
    """
    out: list[Input | Problem] = []
    seen: set[str] = set()

    def add(item: Input, key: str | None = None) -> None:
        if key is None:
            key = item.path if item.path == "-" else os.path.realpath(item.path)
        if key not in seen:
            seen.add(key)
            out.append(item)

    def walk(folder: Path) -> int:
        found = 0
        for path, real in _walk(folder, out):  # _walk appends its problems to ``out``
            found += 1
            add(Input(path), real)
        return found

    for raw in paths:
        if raw == "-":
            add(Input("-"))
            continue
        path = Path(raw)
        if path.is_dir():
            if not walk(path):
                out.append(Problem(raw, f"folder holds no article files ({_KNOWN})"))
            continue
        if path.exists() or path.is_symlink():
            add(Input(raw))
            continue
        if _GLOB_CHARS & set(raw):
            found = 0
            import glob  # deferred: only patterns need it

            for match in sorted(glob.glob(raw, recursive=True)):
                if os.path.isdir(match):
                    found += walk(Path(match))
                elif os.path.isfile(match):
                    found += 1
                    add(Input(match))
            if not found:
                out.append(Problem(raw, "pattern matches no files"))
            continue
        out.append(Problem(raw, "no such file or folder"))
    return out


def expand_paths(paths: list[str]) -> tuple[list[Input], list[Problem]]:
    """:func:`expand`, split into the inputs and the problems."""
    items = expand(paths)
    return (
        [item for item in items if isinstance(item, Input)],
        [item for item in items if isinstance(item, Problem)],
    )
