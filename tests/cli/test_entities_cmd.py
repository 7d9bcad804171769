"""``newsdiff entities`` run as a subprocess: output shapes, colours, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.core.ingest import load
from tests.conftest import sample


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NEWSDIFF_DEBUG", None)
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", "entities", *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


def article_text(path: Path) -> str:
    (article,) = load([str(path)]).articles
    return article.text


def test_json_for_one_path_is_one_object_with_exact_offsets() -> None:
    path = sample("000")
    result = run_cli(str(path), "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["schema"] == "newsdiff.entities/1"
    assert record["path"] == str(path)
    assert record["language"] == "id"
    text = article_text(path)
    assert record["spans"], "no spans found"
    for span in record["spans"]:
        assert set(span) == {"kind", "text", "value", "start", "end"}
        assert text[span["start"] : span["end"]] == span["text"]
    starts = [s["start"] for s in record["spans"]]
    assert starts == sorted(starts)


def test_seed_000_names_the_people_places_and_organisations() -> None:
    result = run_cli(str(sample("000")), "--format", "json")
    spans = json.loads(result.stdout)["spans"]
    found = {(s["kind"], s["value"]) for s in spans} | {(s["kind"], s["text"]) for s in spans}
    for name in ("Vladimir Medinsky", "Rustem Umerov", "Hakan Fidan"):
        assert ("PERSON", name) in found
    for name in ("Vladimir Putin", "Volodymyr Zelensky"):  # named by surname only in 000
        assert ("PERSON", name) in found
    for name in ("Istanbul", "Turkiye", "Rusia", "Ukraina"):
        assert ("PLACE", name) in found
    for name in ("ANTARA", "Anadolu Agency"):
        assert ("ORG", name) in found


def test_json_for_several_paths_is_an_array_and_names_travel() -> None:
    result = run_cli(str(sample("001")), str(sample("004")), "--format", "json")
    assert result.returncode == 0, result.stderr
    records = json.loads(result.stdout)
    assert isinstance(records, list) and len(records) == 2
    assert all(r["schema"] == "newsdiff.entities/1" for r in records)


def test_lang_option_overrides_detection() -> None:
    result = run_cli(str(sample("005")), "--format", "json", "--lang", "id")
    assert json.loads(result.stdout)["language"] == "id"


def test_text_output_marks_spans_without_colour_when_piped() -> None:
    result = run_cli(str(sample("007")))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "[Badan Pusat Statistik|ORG]" in result.stdout
    assert "KIND" in result.stdout and "Badan Pusat Statistik" in result.stdout


def test_colour_is_forced_by_option_and_refused_by_no_color() -> None:
    coloured = run_cli(str(sample("007")), "--color", "always")
    assert "\x1b[1;33mBadan Pusat Statistik\x1b[0m" in coloured.stdout
    plain = run_cli(str(sample("007")), "--color", "auto", env={"NO_COLOR": "1"})
    assert "\x1b" not in plain.stdout


def test_article_text_cannot_steer_the_terminal(tmp_path: Path) -> None:
    evil = tmp_path / "evil.txt"
    evil.write_text("Presiden Joko Widodo tiba di Jakarta.\x1b]52;c;ZXZpbA==\x07 Selesai.\n")
    result = run_cli(str(evil), "--color", "always")
    assert result.returncode == 0, result.stderr
    assert "\x1b]52" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b" in result.stdout


def test_missing_input_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = run_cli(str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().startswith("newsdiff:")


def test_some_inputs_skipped_is_exit_1(tmp_path: Path) -> None:
    result = run_cli(str(sample("003")), str(tmp_path / "nope.txt"), "--format", "json")
    assert result.returncode == 1
    assert "nope.txt" in result.stderr
    assert json.loads(result.stdout)["schema"] == "newsdiff.entities/1"


@pytest.mark.parametrize("bad", [["--lang", "fr"], ["--format", "xml"], ["--color", "maybe"]])
def test_bad_arguments_are_exit_2(bad: list[str]) -> None:
    result = run_cli(str(sample("000")), *bad)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_command_does_not_import_rich_or_textual() -> None:
    script = (
        "import sys, io, contextlib\n"
        "from newsdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['entities', {str(sample('000'))!r}])\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'rich', 'textual'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
