"""Grouping reports into stories, at 10,000 and 50,000 articles (and 100,000).

The corpus (``corpus.py``, seed 7, 2–6 KB articles in Indonesian and English, events
told 1–4 times) is written to a temporary folder; the page cache is warmed by one
untimed read. Baselines, measured in the same process:

- **floor**: walk the folder, read each file, decode it and tokenise it with ``\\w+``
  — the least any grouping could do;
- **datasketch**: the plain pipeline with the library named in the issue — five-word
  shingles of the same tokens, ``MinHash(num_perm=128)`` with its default hash
  (``update_batch``), every signature inserted into ``MinHashLSH(threshold=0.5)`` and
  queried for candidates. It stops at candidate pairs: no verification, no stories.

Measured (one process, no worker processes):

- **grouping from loaded text**: ``newsdiff.core.group.group`` on the articles already
  loaded by ingest — features, candidates, verification, stories, pair shares,
  sources and related links, everything ``newsdiff stories`` prints;
- **ingest**: ``newsdiff.core.ingest.load`` of the folder (another helper's stage,
  reported for context);
- **end to end**: ``group_paths`` on the folder with an empty cache: ingest, grouping,
  and writing every article's features to the SQLite cache;
- **reopen**: the same call again — unchanged files are not read, the finished
  grouping comes from the cache; **reopen, one file changed**: one file edited, so it
  is read again and the stories recomputed from cached features.

Targets (issue 5): grouping ≤ 3× the floor and ≤ 0.5× datasketch; per-article cost at
50,000 within 1.3× of that at 10,000; reopening ≤ 0.2× the first run; peak memory
under 2 GB at 100,000 (resident set of a fresh process running ``group_paths``).
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Final

from tests.benchmarks.corpus import write_corpus
from tests.benchmarks.harness import Figure, timed

SIZES: Final = {"smoke": (200,), "quick": (2000,), "full": (10_000, 50_000, 100_000)}
MEMORY_SIZE: Final = {"smoke": 200, "quick": 2000, "full": 100_000}
SEED: Final = 7
_WORD: Final = re.compile(r"\w+")
_SHINGLE: Final = 5
MEMORY_LIMIT_GB: Final = 2.0


def _files(folder: Path) -> list[str]:
    out = []
    for root, _dirs, files in os.walk(folder):
        out.extend(os.path.join(root, n) for n in sorted(files) if not n.startswith("."))
    return out


def read_and_tokenise(folder: Path) -> int:
    """The floor: every file read, decoded and tokenised with a regex."""
    count = 0
    for path in _files(folder):
        with open(path, "rb") as handle:
            count += len(_WORD.findall(handle.read().decode("utf-8")))
    return count


def _have_datasketch() -> bool:
    """The baseline library is an optional extra: without it that one figure is left out."""
    try:
        import datasketch  # noqa: F401
    except ImportError:
        print(
            "  datasketch is not installed (pip install -e '.[bench]'): its baseline is left out",
            file=sys.stderr,
            flush=True,
        )
        return False
    return True


def datasketch_pipeline(folder: Path) -> int:
    """Plain datasketch: 5-word shingles, MinHash(128), MinHashLSH; candidate pairs."""
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sketches = []
    for number, path in enumerate(_files(folder)):
        with open(path, "rb") as handle:
            words = _WORD.findall(handle.read().decode("utf-8").lower())
        shingles = {" ".join(words[i : i + _SHINGLE]).encode() for i in range(len(words) - 4)}
        sketch = MinHash(num_perm=128)
        sketch.update_batch(list(shingles))
        lsh.insert(str(number), sketch)
        sketches.append(sketch)
    return sum(len(lsh.query(sketch)) - 1 for sketch in sketches) // 2


def _peak_gb(folder: Path, cache: Path) -> float:
    """Peak resident memory of a fresh process grouping ``folder`` (GB)."""
    # VmHWM, not ru_maxrss: ru_maxrss survives exec, so a child of this (by then large)
    # benchmark process would report the parent's peak instead of its own.
    script = (
        "import resource, sys\n"
        "from newsdiff.core.group.library import group_paths\n"
        "from newsdiff.core.group.store import StoryStore\n"
        "group_paths([sys.argv[1]], store=StoryStore(sys.argv[2]))\n"
        "try:\n"
        "    status = open('/proc/self/status').read().split('VmHWM:')[1]\n"
        "    print(int(status.split()[0]))\n"
        "except (OSError, IndexError):\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": f"{root / 'tui'}{os.pathsep}{root}"}
    run = subprocess.run(
        [sys.executable, "-c", script, str(folder), str(cache)],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return int(run.stdout.strip().splitlines()[-1]) / (1024 * 1024)


def _ingest_then_group(folder: Path, repeat: int) -> tuple[float, float, int]:
    """Seconds to load the folder, seconds to group the loaded articles, stories of 2+."""
    from newsdiff.core.group import group
    from newsdiff.core.ingest import load

    ingest_seconds, loaded = timed(lambda: load([str(folder)]))
    grouping_seconds, grouping = timed(lambda: group(loaded.articles), repeat=repeat)
    return ingest_seconds, grouping_seconds, sum(1 for s in grouping.stories if len(s) > 1)


def _one_size(n: int, scale: str, tmp: Path) -> tuple[list[Figure], float]:
    from newsdiff.core.group import group
    from newsdiff.core.group.library import group_paths
    from newsdiff.core.group.store import StoryStore
    from newsdiff.core.ingest import load

    folder = tmp / f"corpus-{n}"
    paths = write_corpus(folder, n, SEED)
    size_mb = sum(p.stat().st_size for p in paths) / 1e6
    read_and_tokenise(folder)  # warm the page cache
    group(load([str(paths[0])]).articles)  # and the lazy imports and lexicons
    repeat = 2 if scale != "full" else 1
    floor, tokens = timed(lambda: read_and_tokenise(folder), repeat=repeat + 1)
    sketch = timed(lambda: datasketch_pipeline(folder)) if _have_datasketch() else None
    ingest_seconds, grouping_seconds, stories = _ingest_then_group(folder, repeat)

    cache = tmp / f"cache-{n}"
    first_seconds, first = timed(lambda: group_paths([str(folder)], store=StoryStore(cache)))
    reopen_seconds, reopened = timed(lambda: group_paths([str(folder)], store=StoryStore(cache)))
    assert reopened.reused and len(reopened.reports) == len(first.reports)
    edited = paths[len(paths) // 2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\nSelesai.\n", encoding="utf-8")
    changed_seconds, changed = timed(lambda: group_paths([str(folder)], store=StoryStore(cache)))
    assert not changed.reused
    del first, reopened, changed
    gc.collect()

    label = f"{n:,} articles"
    note = f"{size_mb:.0f} MB, {tokens:,} tokens, {stories:,} stories of 2+"
    figures = [
        Figure(f"stories: grouping {label}", grouping_seconds, "read+tokenise floor", floor,
               3.0, f"{note}; from loaded text, {n / grouping_seconds:,.0f} articles/s"),
        *([Figure(f"stories: grouping {label}", grouping_seconds, "datasketch pipeline",
                  sketch[0], 0.5, f"datasketch stops at {sketch[1]:,} candidate pairs")]
          if sketch else []),
        Figure(f"stories: ingest {label}", ingest_seconds, "read+tokenise floor", floor,
               None, "newsdiff.core.ingest.load alone (context)"),
        Figure(f"stories: end to end {label}", first_seconds, "read+tokenise floor", floor,
               None, "files to stories, empty cache, features saved"),
        Figure(f"stories: reopen {label}", reopen_seconds, "first run (end to end)",
               first_seconds, 0.2, "unchanged folder: grouping from the cache"),
        Figure(f"stories: reopen, 1 file changed {label}", changed_seconds,
               "first run (end to end)", first_seconds, None,
               "one file read again, stories from cached features"),
    ]  # fmt: skip
    return figures, grouping_seconds / n


def run(scale: str) -> list[Figure]:
    figures: list[Figure] = []
    per_article: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-stories-") as tmp:
        for n in SIZES[scale]:
            started = time.perf_counter()
            print(f"  stories: {n:,} articles…", file=sys.stderr, flush=True)
            sized, per_article[n] = _one_size(n, scale, Path(tmp))
            figures.extend(sized)
            print(f"  … {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
        sizes = sorted(per_article)
        if len(sizes) >= 2:
            small, large = sizes[0], sizes[1]
            figures.append(
                Figure(
                    f"stories: per-article grouping at {large:,}",
                    per_article[large] * 1e6,
                    f"per article at {small:,} (µs)",
                    per_article[small] * 1e6,
                    1.3,
                    "linear scaling: µs per article, grouping from loaded text",
                )
            )
        n = MEMORY_SIZE[scale]
        folder = Path(tmp) / f"corpus-{n}"
        if not folder.exists():
            write_corpus(folder, n, SEED)
        peak = _peak_gb(folder, Path(tmp) / "cache-memory")
        figures.append(
            Figure(
                f"stories: peak memory {n:,} articles",
                peak,
                f"{MEMORY_LIMIT_GB:g} GB limit",
                MEMORY_LIMIT_GB,
                1.0,
                f"{peak:.2f} GB peak resident set (VmHWM) of a fresh process, end to end",
            )
        )
    return figures
