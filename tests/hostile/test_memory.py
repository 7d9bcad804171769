"""Peak memory on the two big hostile inputs, against a bound stated relative to their size.

Each command runs in a fresh interpreter that reports its own peak resident set
(``VmHWM`` on Linux, else ``ru_maxrss``); the same command on a one-line article is
the baseline (the interpreter and the imports), and what the big input adds must stay
within:

- loading and splitting (``newsdiff list``): **6 bytes per input byte plus 400 bytes per
  sentence** — the 10 MB single line (3,500 capped sentences) and the file of 200,000
  one-word sentences (1.6 MB);
- the whole analysis (``newsdiff entities --format json``, spans and their JSON) on a
  1 MB single line: **150 bytes per input byte**.

Measured on the reference machine (README "Hostile input"): list adds ~40 MB on the
10 MB line and ~56 MB on the 200,000 sentences; entities adds ~95 MB on 1 MB.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.hostile.generator import LEAD_ID, ONE_WORD_SENTENCES, Manifest

_MEASURE = """
import os, resource, sys
from newsdiff.cli import main
sys.stdout = open(os.devnull, "w")
status = main(sys.argv[1:])
sys.stdout = sys.__stdout__
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
try:  # ru_maxrss survives exec (it may be the forking parent's); VmHWM does not
    with open("/proc/self/status") as status_file:
        for line in status_file:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) * 1024
except OSError:
    pass
print(status, peak)
"""


def _peak(*args: str) -> tuple[int, int]:
    """(exit status, peak resident bytes) of ``newsdiff ARGS`` in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "tui")}
    run = subprocess.run(
        [sys.executable, "-c", _MEASURE, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert "Traceback" not in run.stderr, run.stderr[-2000:]
    status, peak = run.stdout.split()
    return int(status), int(peak)


def _small(folder: Path) -> Path:
    small = folder / "small.txt"
    small.write_text(LEAD_ID + "\n", encoding="utf-8")
    return small


def test_loading_the_big_inputs_stays_within_the_bound(
    hostile_big: Manifest, tmp_path: Path
) -> None:
    status, baseline = _peak("list", "--format", "json", str(_small(tmp_path)))
    assert status == 0
    line = hostile_big.kinds["big_line"][0]
    many = hostile_big.kinds["many_sentences"][0]
    for path, sentences in ((line, 3_500), (many, ONE_WORD_SENTENCES)):
        size = path.stat().st_size
        status, peak = _peak("list", "--format", "json", str(path))
        assert status == 0
        extra = peak - baseline
        bound = 6 * size + 400 * sentences
        print(f"list {path.name}: {size / 1e6:.1f} MB in, +{extra / 1e6:.0f} MB peak")
        assert extra <= bound, f"{path.name}: +{extra / 1e6:.0f} MB > {bound / 1e6:.0f} MB"


def test_analysing_a_one_megabyte_line_stays_within_the_bound(tmp_path: Path) -> None:
    words = LEAD_ID.replace(". ", ", ") + " "
    text = (words * (1_000_000 // len(words) + 1))[:1_000_000]
    path = tmp_path / "line.txt"
    path.write_text(text + "\n", encoding="utf-8")
    status, baseline = _peak("entities", "--format", "json", str(_small(tmp_path)))
    assert status == 0
    status, peak = _peak("entities", "--format", "json", str(path))
    assert status == 0
    extra = peak - baseline
    print(f"entities 1 MB line: +{extra / 1e6:.0f} MB peak")
    assert extra <= 150 * path.stat().st_size, f"+{extra / 1e6:.0f} MB"
