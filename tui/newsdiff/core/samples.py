"""Where the bundled sample articles are.

An installed wheel carries them as ``newsdiff/samples`` (hatch copies the top-level
``samples/`` folder in); a source checkout or editable install reads the top-level
folder directly, so there is only ever one copy in the repository.
"""

from __future__ import annotations

from pathlib import Path


def samples_dir() -> Path:
    """The folder of bundled samples (inside the package, or the checkout's ``samples/``)."""
    package = Path(__file__).resolve().parent.parent
    inside = package / "samples"
    if inside.is_dir():
        return inside
    return package.parent.parent / "samples"
