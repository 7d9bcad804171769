"""The hostile corpus, generated once per test session into a temporary folder."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.hostile.generator import Manifest, generate, generate_big


@pytest.fixture(scope="session")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="session")
def hostile_big(tmp_path_factory: pytest.TempPathFactory) -> Manifest:
    return generate_big(tmp_path_factory.mktemp("hostile-big"))


def newsdiff(
    *args: str,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 300,
    stdin: bytes | None = None,
) -> subprocess.CompletedProcess[bytes]:
    """Run the CLI as a person would, output as raw bytes (escapes must be seen as bytes)."""
    environment = {**os.environ, "PYTHONPATH": str(REPO / "tui"), "COLUMNS": "120"}
    environment.pop("NEWSDIFF_DEBUG", None)
    environment.pop("FORCE_COLOR", None)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        env=environment,
        timeout=timeout,
        check=False,
    )


def tree_digest(*folders: Path) -> dict[str, str]:
    """Path → SHA-256 of every file (and symlink target) under the folders."""
    digests: dict[str, str] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_symlink():
                digests[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                digests[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return digests
