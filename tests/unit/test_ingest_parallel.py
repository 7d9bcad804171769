"""Loading on worker processes yields exactly what loading in one process yields."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from newsdiff.core.ingest import iter_load, load, parallel
from newsdiff.core.model import Article, Problem
from tests.conftest import sample

LEAD = (
    "Jakarta (ANTARA) - Presiden meresmikan jalan tol baru pada Senin (3/3/2025) di Jakarta.\n"
    "Ia berkata jalan itu penting bagi warga yang setiap hari pergi ke kota.\n"
)


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    """Articles in several formats, a nested folder, and inputs that fail."""
    for index in range(12):
        (tmp_path / f"{index:02d}.txt").write_text(f"Berita {index}\n\n{LEAD}", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "seed.txt").write_text(sample("001").read_text(encoding="utf-8"))
    (tmp_path / "sub" / "binary.txt").write_bytes(b"\x00\x01\x02" * 50)
    (tmp_path / "sub" / "empty.txt").write_bytes(b"")
    records = [{"title": "Satu", "text": LEAD}, {"title": "Dua"}, {"title": "Tiga", "text": LEAD}]
    (tmp_path / "records.json").write_text(json.dumps(records), encoding="utf-8")
    return tmp_path


def test_workers_yield_the_same_items_in_the_same_order(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one = list(iter_load([str(mixed_folder), str(mixed_folder / "missing.txt")], workers=1))
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_WORKER", 1)
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_SPAWNED_WORKER", 1)
    assert parallel.worker_count(17, 2) == 2
    two = list(iter_load([str(mixed_folder), str(mixed_folder / "missing.txt")], workers=2))
    assert two == one
    assert any(isinstance(item, Problem) and "binary" in item.reason for item in two)
    assert isinstance(two[-1], Problem) and two[-1].path.endswith("missing.txt")
    assert sum(isinstance(item, Article) for item in two) == 12 + 1 + 2


def test_stopping_early_stops_the_workers(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_WORKER", 1)
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_SPAWNED_WORKER", 1)
    items = iter_load([str(mixed_folder)], workers=2)
    first = [next(items) for _ in range(3)]
    items.close()
    assert all(isinstance(item, Article) for item in first)


def test_standard_input_keeps_loading_in_one_process(
    mixed_folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_WORKER", 1)
    monkeypatch.setattr(parallel, "MIN_INPUTS_PER_SPAWNED_WORKER", 1)
    started: list[int] = []
    monkeypatch.setattr(parallel, "load_in_workers", lambda *args: started.append(1) or iter(()))
    result = load(["-", str(mixed_folder)], stdin=io.BytesIO(LEAD.encode()), workers=2)
    assert not started
    assert result.articles[0].path == "-"


def test_small_loads_stay_in_one_process(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "_can_fork", lambda: True)
    assert parallel.worker_count(150) == 1
    assert parallel.worker_count(10_000, 1) == 1
    assert parallel.worker_count(10_000, 3) == 3
    assert 1 <= parallel.worker_count(10_000) <= parallel.available_cores()
    monkeypatch.setattr(parallel, "_can_fork", lambda: False)  # spawned workers cost more
    assert parallel.worker_count(1_500, 3) == 1
    assert parallel.worker_count(10_000, 3) == 3
