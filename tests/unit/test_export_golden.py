"""The seeds 001 vs 004 comparison in every format, against reviewed golden files.

The files in ``tests/data/golden/`` were read by eye once; after that any change to
an export shows up here as a diff. When a change is intended (a new finding, a
better alignment, a layout change), regenerate them and read the diff again:

    NEWSDIFF_UPDATE_GOLDEN=1 python -m pytest tests/unit/test_export_golden.py
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pytest

from newsdiff.core.analyze import analyze_all
from newsdiff.core.compare import compare
from newsdiff.core.export import brat, render
from newsdiff.core.ingest import load
from newsdiff.core.model import Comparison
from tests.conftest import REPO, sample

GOLDEN = REPO / "tests" / "data" / "golden"
UPDATE = bool(os.environ.get("NEWSDIFF_UPDATE_GOLDEN"))


@cache
def seeds_comparison() -> Comparison:
    """001 vs 004, loaded by paths relative to the repository (as the README shows)."""
    paths = [str(sample(p).relative_to(REPO)) for p in ("001", "004")]
    cwd = Path.cwd()
    os.chdir(REPO)
    try:
        left, right = analyze_all(load(paths).articles)
    finally:
        os.chdir(cwd)
    return compare(left, right)


def _check(path: Path, content: str) -> None:
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8", newline="\n")
        return
    assert path.exists(), f"{path} is missing: run with NEWSDIFF_UPDATE_GOLDEN=1 to create it"
    expected = path.read_text(encoding="utf-8")
    assert content == expected, (
        f"{path.name} differs from the export; if the change is intended, regenerate with "
        "NEWSDIFF_UPDATE_GOLDEN=1 and review the diff"
    )


@pytest.mark.parametrize("fmt", ["md", "html", "json", "txt"])
def test_the_seed_comparison_matches_its_golden_file(fmt: str) -> None:
    _check(GOLDEN / f"001-vs-004.{fmt}", render(seeds_comparison(), fmt))


def test_the_seed_comparison_in_brat_matches_its_golden_folder() -> None:
    files = brat.render(seeds_comparison())
    folder = GOLDEN / "001-vs-004.brat"
    for name, content in files.items():
        _check(folder / name, content)
    if not UPDATE:
        assert sorted(p.name for p in folder.iterdir()) == sorted(files)
