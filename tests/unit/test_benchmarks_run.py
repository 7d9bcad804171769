"""Every benchmark still runs (at smoke scale). Timing is not asserted here."""

from __future__ import annotations

import importlib

import pytest

from tests.benchmarks.run import discover


@pytest.mark.parametrize("name", discover([]))
def test_benchmark_runs_at_smoke_scale(name: str) -> None:
    module = importlib.import_module(f"tests.benchmarks.{name}")
    figures = module.run("smoke")
    assert figures, f"{name} produced no figures"
    for figure in figures:
        assert figure.seconds >= 0 and figure.baseline_seconds > 0
