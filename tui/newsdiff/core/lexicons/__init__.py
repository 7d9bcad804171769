"""Word lists kept as data files, loaded once and cached.

Each ``*.txt`` file holds one entry per line; ``#`` at the start of a line or after a
space starts a comment, and blank lines are ignored. Entries are kept as written (case
matters for some lists); callers fold case where a list is case-insensitive. Keeping
lexicons out of code lets a reviewer extend them without touching logic, and each
file's header records where its entries came from.
"""

from __future__ import annotations

import os
import re
from functools import cache

_COMMENT = re.compile(r"(?:^|\s)#.*$")
_HERE = os.path.dirname(__file__)


def _read(name: str) -> str:
    """The text of ``lexicons/<name>.txt``.

    Read straight from the package folder, where an installed or checked-out package
    keeps it: ``importlib.resources`` (which also reads zipped packages) adds its
    imports and a few objects per file to the app's start, so it is used only when
    the plain file is not there.
    """
    try:
        with open(os.path.join(_HERE, f"{name}.txt"), encoding="utf-8") as handle:
            return handle.read()
    except FileNotFoundError:
        from importlib import resources

        return resources.files(__package__).joinpath(f"{name}.txt").read_text(encoding="utf-8")


@cache
def load_lines(name: str) -> tuple[str, ...]:
    """Entries of ``lexicons/<name>.txt`` in file order, comments and blanks removed."""
    text = _read(name)
    entries: list[str] = []
    for line in text.splitlines():
        entry = _COMMENT.sub("", line).strip()
        if entry:
            entries.append(entry)
    return tuple(entries)


@cache
def load_set(name: str, *, fold: bool = True) -> frozenset[str]:
    """The entries of ``lexicons/<name>.txt`` as a set, case-folded unless ``fold=False``."""
    entries = load_lines(name)
    return frozenset(e.casefold() for e in entries) if fold else frozenset(entries)


@cache
def load_table(name: str) -> dict[str, str]:
    """``key = value`` entries of ``lexicons/<name>.txt`` (keys case-folded)."""
    table: dict[str, str] = {}
    for entry in load_lines(name):
        key, sep, value = entry.partition("=")
        if sep:
            table[key.strip().casefold()] = value.strip()
    return table
