"""The core must never import the UI stack: scripts and the CLI stay light."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import newsdiff.core


def core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(newsdiff.core.__path__, prefix="newsdiff.core.")
    )


def test_every_core_module_imports_without_textual_or_rich() -> None:
    modules = core_modules()
    assert "newsdiff.core.ingest" in modules and "newsdiff.core.segment" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in {'textual', 'rich'})\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"core pulled in UI modules: {result.stdout}"


def test_non_interactive_cli_does_not_import_textual() -> None:
    script = (
        "import sys\n"
        "from newsdiff.cli import main\n"
        "import io, contextlib\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    main(['list', '--format', 'json'])\n"
        "print(any(m.split('.')[0] == 'textual' for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
