"""The ways newsdiff starts: the console script, ``python -m``, and an installed wheel."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from newsdiff import __version__
from tests.conftest import REPO, SAMPLES

SCRIPT = Path(sys.executable).parent / "newsdiff"


def run(command: list[str], cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, **env}
    environment.pop("NEWSDIFF_DEBUG", None)
    return subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, env=environment, timeout=300
    )


@pytest.fixture(scope="module")
def console_script() -> Path:
    if not SCRIPT.exists():
        pytest.fail(f"the console script is not installed next to {sys.executable}")
    return SCRIPT


def test_version(console_script: Path, tmp_path: Path) -> None:
    for command in ([str(console_script)], [sys.executable, "-m", "newsdiff"]):
        result = run([*command, "--version"], cwd=tmp_path)
        assert result.returncode == 0
        assert result.stdout.strip() == f"newsdiff {__version__}"


@pytest.mark.parametrize("args", [("--help",), ("list", "--help"), ("list", "-h")])
def test_help_everywhere(console_script: Path, args: tuple[str, ...]) -> None:
    result = run([str(console_script), *args])
    assert result.returncode == 0 and result.stderr == ""
    assert result.stdout.startswith("usage: newsdiff")
    if args == ("--help",):
        assert "list" in result.stdout and "Exit status" in result.stdout


@pytest.mark.parametrize("args", [("--bogus",), ("--max-size", "zero"), ("list", "--format")])
def test_bad_arguments_are_one_line_and_exit_2(console_script: Path, args: tuple[str, ...]) -> None:
    result = run([str(console_script), *args])
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert "error:" in line and "--help" in line


def test_python_m_newsdiff_lists_the_samples(tmp_path: Path) -> None:
    result = run([sys.executable, "-m", "newsdiff", "list", "--format", "json"], cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["articles"]) == len(list(SAMPLES.glob("*.txt")))


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel ``pip install .`` would build (hatchling, no network needed)."""
    out = tmp_path_factory.mktemp("wheel")
    result = run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(REPO),
            "--no-deps",
            "--no-build-isolation",
            "--quiet",
            "-w",
            str(out),
        ]
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("newsdiff-*.whl")
    return built


def test_the_wheel_carries_the_samples(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        for sample in sorted(SAMPLES.glob("*.txt")):
            inside = f"newsdiff/samples/{sample.name}"
            assert inside in names, f"{inside} missing from {wheel.name}"
            assert archive.read(inside) == sample.read_bytes()
        assert "newsdiff/core/lexicons/stopwords_id.txt" in names
        assert not any(name.startswith(("tests/", "samples/")) for name in names)


def test_the_installed_wheel_finds_its_samples_from_anywhere(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    install = run([*pip, "--target", str(target), str(wheel)])
    assert install.returncode == 0, install.stderr
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Only the installed copy of newsdiff is importable here (not the checkout's tui/).
    script = (
        "import sys; sys.path = [p for p in sys.path if not p.endswith('tui')];"
        f"sys.path.insert(0, {str(target)!r});"
        "import newsdiff.cli as c; assert c.__file__.startswith("
        f"{str(target)!r}), c.__file__; sys.exit(c.main(['list', '--format', 'json']))"
    )
    result = run([sys.executable, "-c", script], cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    paths = [a["path"] for a in json.loads(result.stdout)["articles"]]
    assert len(paths) == len(list(SAMPLES.glob("*.txt")))
    assert all(p.startswith(str(target / "newsdiff" / "samples")) for p in paths)
