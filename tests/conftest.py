"""Shared fixtures: the bundled samples and the optional third-party data folder."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests and fuzzing draw the same examples on every run unless asked not to:
# a merge must not fail on a draw that the previous run did not make. A hunt for new
# bugs is a separate, explicit run (NEWSDIFF_HYPOTHESIS_RANDOM=1, or a bigger
# NEWSDIFF_FUZZ_EXAMPLES); whatever it finds is kept as an ``@example``.
settings.register_profile("newsdiff-seeded", derandomize=True, deadline=None)
settings.register_profile("newsdiff-random", deadline=None)
_RANDOM = os.environ.get("NEWSDIFF_HYPOTHESIS_RANDOM") or os.environ.get("NEWSDIFF_FUZZ_EXAMPLES")
settings.load_profile("newsdiff-random" if _RANDOM else "newsdiff-seeded")

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"


def _find_shared_data() -> Path | None:
    """``$NEWSDIFF_SHARED_DATA``, else the first ``shared/data`` above the checkout."""
    override = os.environ.get("NEWSDIFF_SHARED_DATA")
    if override:
        return Path(override) if Path(override).is_dir() else None
    for parent in REPO.parents:
        candidate = parent / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


SHARED_DATA = _find_shared_data()
"""Third-party evaluation data (never committed). Tests that read it skip without it."""


def sample(prefix: str) -> Path:
    """The bundled sample whose file name starts with ``prefix`` (``"001"``)."""
    matches = sorted(SAMPLES.glob(f"{prefix}*"))
    assert len(matches) == 1, f"expected one sample starting with {prefix!r}, got {matches}"
    return matches[0]


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``, or skip the test when this checkout has no such folder."""
    if SHARED_DATA is None:
        pytest.skip("../shared/data is not present (third-party evaluation data)")
    return SHARED_DATA


@pytest.fixture(autouse=True)
def _private_story_cache(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No test touches the user's story cache: the app groups every library it opens
    with the cache, so each test gets a fresh one (tests may point it elsewhere)."""
    monkeypatch.setenv("NEWSDIFF_CACHE_DIR", str(tmp_path_factory.mktemp("story-cache")))
