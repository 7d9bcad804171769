"""The installed ``newsdiff`` in a real terminal (tmux), driven the way a person would.

What issue 6's "Done when" asks, from the keyboard alone: open the samples, find the
``001``/``004`` story in the grouped library, open its overview and the comparison,
step through every finding, open the help, read an article with its highlights, and
quit — then check that the process ended with status 0.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

TMUX = shutil.which("tmux")
NEWSDIFF = Path(sys.executable).with_name("newsdiff")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (.ci/run installs it)"),
    pytest.mark.skipif(not NEWSDIFF.exists(), reason="newsdiff is not installed in this venv"),
]


class Terminal:
    """One tmux server of our own (its own socket), with one window."""

    def __init__(self, tmp_path: Path, width: int = 100, height: int = 30) -> None:
        self.socket = f"newsdiff-e2e-{os.getpid()}"
        self.status_file = tmp_path / "status"
        env = (
            f"NEWSDIFF_CONFIG={tmp_path / 'none.toml'} NEWSDIFF_CACHE_DIR={tmp_path / 'cache'} "
            "TERM=xterm-256color"
        )
        # Under pytest COLUMNS=80 and LINES=24 are set (a plugin does it), and Textual
        # would take them over the pane's real size: drop them.
        command = (
            f"cd {tmp_path} && env -u COLUMNS -u LINES {env} {NEWSDIFF}; "
            f"echo $? > {self.status_file}"
        )
        self._tmux("new-session", "-d", "-s", "e2e", "-x", str(width), "-y", str(height), command)

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            [TMUX, "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def keys(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", "e2e", key)
            time.sleep(0.15)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "e2e")

    def wait_for(self, predicate: Callable[[str], bool], timeout: float = 15) -> str:
        deadline = time.monotonic() + timeout
        text = ""
        while time.monotonic() < deadline:
            text = self.screen()
            if predicate(text):
                return text
            time.sleep(0.1)
        raise AssertionError(f"screen never matched; last screen:\n{text}")

    def wait_for_text(self, needle: str, timeout: float = 15) -> str:
        return self.wait_for(lambda text: needle in text, timeout)

    def exit_status(self, timeout: float = 10) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.status_file.exists() and self.status_file.read_text().strip():
                return int(self.status_file.read_text())
            time.sleep(0.1)
        raise AssertionError(f"newsdiff did not exit; last screen:\n{self.screen()}")

    def close(self) -> None:
        self._tmux("kill-server")


@pytest.fixture
def terminal(tmp_path: Path):
    term = Terminal(tmp_path, width=120, height=36)
    yield term
    term.close()


def test_a_person_finds_the_story_compares_reads_and_quits(terminal: Terminal) -> None:
    screen = terminal.wait_for_text("5 stories")  # grouped: three stories, two alone
    assert "8 articles" in screen and "(2) Delegasi Rusia dan Ukraina" in screen

    # Find the 001/004 story: the second story row; the preview names 001.
    terminal.keys("j")
    screen = terminal.wait_for_text("samples/001-antara")
    assert "story of 2 reports · likely source" in screen

    terminal.keys("Enter")  # the story overview
    screen = terminal.wait_for_text("pair compared")
    assert "Story · 2 reports" in screen and "A ↔ B" in screen
    flowing = " ".join(screen.split())  # wrapped lines joined
    assert "Likely source: A" in flowing and "earliest date (2025-07-23)" in flowing
    findings = int(re.search(r"1 pair compared · (\d+) findings", screen).group(1))
    assert findings > 0

    terminal.keys("Enter")  # the comparison of 001 (source, left) and 004
    screen = terminal.wait_for(lambda s: "row 1 of" in s and "Istanbul (ANTARA)" in s)
    assert "Situasi konflik" in screen and f"{findings} findings" in screen
    for number in range(1, findings + 1):
        terminal.keys("n")
        terminal.wait_for_text(f"finding {number} of {findings}")
    terminal.keys("Escape")
    terminal.wait_for_text("Story · 2 reports")
    terminal.keys("Escape")
    terminal.wait_for_text("5 stories")

    terminal.keys("?")
    screen = terminal.wait_for_text("Keys — Library")
    assert "library.story" in screen
    terminal.keys("Escape")
    terminal.wait_for(lambda s: "Keys — Library" not in s)

    terminal.keys("l", "j", "Enter")  # open 001 (inside its story) in the reader
    screen = terminal.wait_for_text("highlights")
    assert "Istana Ciragan" in screen and "samples/001-antara" in screen
    terminal.keys("n")
    terminal.wait_for_text("highlight 1 of")
    terminal.keys("n")
    terminal.wait_for_text("highlight 2 of")
    terminal.keys("Escape")
    terminal.wait_for_text("5 stories")

    terminal.keys("q")
    assert terminal.exit_status() == 0
