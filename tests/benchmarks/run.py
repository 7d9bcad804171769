"""Run every benchmark and print a table of ratios against their baselines.

    python -m tests.benchmarks.run [--scale smoke|quick|full] [NAME ...]

NAME selects benchmark modules by substring (``ingest`` runs ``bench_ingest.py``).
Each module runs in a fresh interpreter, so one benchmark's heap (the app benchmark
holds 100,000 articles) never slows the next one's allocations and garbage
collection. Results are also written to ``tests/benchmarks/results/latest.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.harness import SCALES, Figure

HERE = Path(__file__).resolve().parent


def discover(names: list[str]) -> list[str]:
    modules = sorted(p.stem for p in HERE.glob("bench_*.py"))
    if names:
        modules = [m for m in modules if any(n in m for n in names)]
    return modules


def format_table(figures: list[Figure]) -> str:
    header = ("benchmark", "measured", "baseline", "ratio", "target", "ok", "note")
    rows = [
        (
            f.name,
            f"{f.seconds:.3f} s",
            f"{f.baseline} {f.baseline_seconds:.3f} s",
            f"{f.ratio:.2f}x",
            f"<= {f.target:g}x" if f.target is not None else "-",
            {True: "yes", False: "NO", None: "-"}[f.passed],
            f.note,
        )
        for f in figures
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(header, widths, strict=True)).rstrip()]
    lines += [
        "  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows
    ]
    return "\n".join(lines)


def _run_one(name: str, scale: str, out: Path) -> int:
    """Run one benchmark module here and write its figures to ``out`` as JSON."""
    module = importlib.import_module(f"tests.benchmarks.{name}")
    figures = module.run(scale)
    out.write_text(json.dumps([dataclasses.asdict(f) for f in figures]), encoding="utf-8")
    return 0


def _run_isolated(name: str, scale: str) -> list[Figure]:
    """The figures of benchmark module ``name``, measured in a fresh interpreter."""
    with tempfile.TemporaryDirectory(prefix="newsdiff-bench-run-") as tmp:
        out = Path(tmp) / "figures.json"
        command = [sys.executable, "-m", "tests.benchmarks.run", "--scale", scale]
        done = subprocess.run([*command, "--module-to", str(out), name], cwd=HERE.parents[1])
        if done.returncode != 0:
            raise SystemExit(f"benchmark {name} failed (exit status {done.returncode})")
        return [Figure(**fields) for fields in json.loads(out.read_text(encoding="utf-8"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.run")
    parser.add_argument("--scale", choices=SCALES, default="quick")
    parser.add_argument("--module-to", help=argparse.SUPPRESS)  # internal: one module
    parser.add_argument("names", nargs="*")
    args = parser.parse_args(argv)
    if args.module_to:
        return _run_one(args.names[0], args.scale, Path(args.module_to))
    figures: list[Figure] = []
    for name in discover(args.names):
        print(f"running {name} ({args.scale})…", file=sys.stderr, flush=True)
        figures.extend(_run_isolated(name, args.scale))
    print(format_table(figures))
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    record = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}",
        "scale": args.scale,
        "figures": [
            {
                "name": f.name,
                "seconds": f.seconds,
                "baseline": f.baseline,
                "baseline_seconds": f.baseline_seconds,
                "ratio": f.ratio,
                "target": f.target,
                "passed": f.passed,
                "note": f.note,
            }
            for f in figures
        ],
    }
    (out / "latest.json").write_text(json.dumps(record, indent=2), encoding="utf-8")
    return 0 if all(f.passed is not False for f in figures) else 1


if __name__ == "__main__":
    raise SystemExit(main())
