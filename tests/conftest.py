"""Shared fixtures: the bundled samples and the optional third-party data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
SHARED_DATA = REPO.parent / "shared" / "data"
"""Third-party evaluation data (never committed). Tests that read it skip without it."""


def sample(prefix: str) -> Path:
    """The bundled sample whose file name starts with ``prefix`` (``"001"``)."""
    matches = sorted(SAMPLES.glob(f"{prefix}*"))
    assert len(matches) == 1, f"expected one sample starting with {prefix!r}, got {matches}"
    return matches[0]


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``, or skip the test when this checkout has no such folder."""
    if not SHARED_DATA.is_dir():
        pytest.skip("../shared/data is not present (third-party evaluation data)")
    return SHARED_DATA
