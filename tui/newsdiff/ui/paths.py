"""Paths as people should see them: short, stable, and inert."""

from __future__ import annotations

import os
from pathlib import Path

from newsdiff.core.sanitize import visible_line


def display_path(path: str) -> str:
    """``path`` shortened for the screen.

    A bundled sample shows as ``samples/NAME`` wherever it is installed; a path under
    the current folder shows relative to it; one under the home folder starts with
    ``~``. Feed items keep their ``#N`` suffix; stdin stays ``-``.
    """
    if path == "-" or not path:
        return path
    base, hash_mark, item = path.partition("#")
    suffix = f"#{item}" if hash_mark and item.isdigit() else ""
    if not suffix:
        base = path
    try:
        resolved = Path(base).resolve()
    except (OSError, RuntimeError):
        return visible_line(path)
    from newsdiff.core.samples import samples_dir

    samples = samples_dir().resolve()
    if resolved.parent == samples:
        return visible_line(f"samples/{resolved.name}{suffix}")
    cwd = Path.cwd()
    if resolved.is_relative_to(cwd):
        return visible_line(f"{resolved.relative_to(cwd)}{suffix}")
    home = Path.home()
    if resolved.is_relative_to(home):
        return visible_line(f"~{os.sep}{resolved.relative_to(home)}{suffix}")
    return visible_line(path)
