"""``newsdiff compare`` run as a subprocess: output, JSON shape, colour and errors."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from newsdiff.cli.side_by_side import cell_width
from tests.conftest import sample

A = str(sample("001"))
B = str(sample("004"))


def newsdiff(*args: str, env: dict[str, str] | None = None, stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "newsdiff", *args],
        capture_output=True,
        text=True,
        input=stdin,
        env={**os.environ, "COLUMNS": "120", **(env or {})},
        timeout=120,
    )


def test_text_view_side_by_side_without_colour_in_a_pipe() -> None:
    result = newsdiff("compare", A, B)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out  # not a terminal: no colour
    assert out.startswith("similarity ")
    assert "│" in out
    # The findings follow the rows, grouped, each with its row and kind.
    findings = out[out.index("\nFindings (") :]
    assert "Disagreements" in findings and "In one report only" in findings
    assert "date_mismatch" in findings and "23 Juli 2027" in findings
    assert "certainty_change" in findings and "berjanji untuk" in findings
    # Word changes are bracketed when there is no colour.
    assert "[-" in out and "-]" in out and "{+" in out and "+}" in out


@pytest.mark.parametrize("columns", [60, 90, 160])
def test_text_view_fits_the_terminal_width(columns: int) -> None:
    result = newsdiff("compare", A, B, env={"COLUMNS": str(columns)})
    assert result.returncode == 0, result.stderr
    widths = [cell_width(line) for line in result.stdout.splitlines()]
    assert max(widths) <= columns


def _run_in_terminal(args: list[str], env: dict[str, str]) -> str:
    """Run newsdiff with stdout on a pseudo-terminal and return what it printed."""
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsdiff", *args],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "120", "TERM": "xterm", **env},
    )
    os.close(terminal)
    chunks: list[bytes] = []
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    process.wait(timeout=120)
    os.close(controller)
    assert process.returncode == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_colour_on_a_terminal_and_none_with_no_color() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    coloured = _run_in_terminal(["compare", A, B], {**env, "NO_COLOR": ""})
    assert "\x1b[31m" in coloured and "\x1b[32m" in coloured
    plain = _run_in_terminal(["compare", A, B], {"NO_COLOR": "1"})
    assert "\x1b[" not in plain
    assert "[-" in plain


def test_color_option_overrides_the_terminal_check() -> None:
    forced = newsdiff("compare", A, B, "--color", "always")
    assert forced.returncode == 0 and "\x1b[31m" in forced.stdout
    plain = newsdiff("compare", A, B, "--color", "never")
    assert plain.returncode == 0 and "\x1b" not in plain.stdout


def _check_shape(record: dict) -> None:
    """The ``newsdiff.comparison/1`` shape from DESIGN.md, field by field."""
    assert set(record) == {"schema", "left", "right", "similarity", "rows", "findings"}
    assert record["schema"] == "newsdiff.comparison/1"
    for side in ("left", "right"):
        assert set(record[side]) == {"path", "title", "outlet", "published", "language"}
    assert 0.0 <= record["similarity"] <= 1.0
    kinds = {"same", "changed", "moved", "left_only", "right_only"}
    for row in record["rows"]:
        assert set(row) == {"kind", "left", "right", "left_text", "right_text", "score", "ops"}
        assert row["kind"] in kinds
        assert all(isinstance(i, int) for i in row["left"] + row["right"])
        assert len(row["left"]) + len(row["right"]) >= 1
        assert len(row["left"]) <= 3 and len(row["right"]) <= 3
        assert 0.0 <= row["score"] <= 1.0
        if row["left"] and row["right"]:
            assert row["ops"]
            assert "".join(op["left"] for op in row["ops"]) == row["left_text"]
            assert "".join(op["right"] for op in row["ops"]) == row["right_text"]
        for op in row["ops"]:
            assert set(op) == {"op", "left", "right"}
            assert op["op"] in {"equal", "delete", "insert", "replace"}
    assert isinstance(record["findings"], list)
    for finding in record["findings"]:
        assert set(finding) == {"kind", "left", "right", "message"}


def test_json_has_the_comparison_shape() -> None:
    result = newsdiff("compare", A, B, "--format", "json")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    _check_shape(record)
    assert record["left"]["path"].endswith("001-antara-istanbul-third-round-23-july.txt")
    assert record["left"]["published"] == "2025-07-23"
    kinds = {finding["kind"] for finding in record["findings"]}
    assert {"date_mismatch", "certainty_change", "attribution_change"} <= kinds
    assert {"entity_only_left", "number_only_left"} <= kinds
    for finding in record["findings"]:
        for side in ("left", "right"):
            where = finding[side]
            if where is not None:
                assert set(where) == {"text", "value", "sentence", "start", "end"}
                assert isinstance(where["sentence"], int) and where["start"] < where["end"]
        assert finding["message"] and "\n" not in finding["message"]
    texts = [row["left_text"] for row in record["rows"] if row["kind"] != "right_only"]
    assert any("1.200 tawanan" in text for text in texts)
    replaced = [op for row in record["rows"] for op in row["ops"] if op["op"] == "replace"]
    assert any(
        "telah memulangkan" in op["left"] and "berjanji untuk mengembalikan" in op["right"]
        for op in replaced
    )
    # Boilerplate (credits, copyright) is in no row.
    assert not any("Copyright" in text for text in texts)


def test_standard_input_as_one_side() -> None:
    text = Path(B).read_text(encoding="utf-8")
    result = newsdiff("compare", A, "-", "--format", "json", stdin=text)
    assert result.returncode == 0, result.stderr
    _check_shape(json.loads(result.stdout))


@pytest.mark.parametrize("paths", [[], [A], [A, B, A]])
def test_wrong_number_of_paths_is_one_line_and_exit_2(paths: list[str]) -> None:
    result = newsdiff("compare", *paths)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "two paths" in lines[0]
    assert "Traceback" not in result.stderr


def test_a_missing_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = newsdiff("compare", A, str(tmp_path / "nope.txt"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "nope.txt" in lines[0]


def test_a_feed_with_several_items_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    items = "".join(
        f"<item><title>Item {i}</title><description>Teks berita nomor {i} cukup panjang "
        f"untuk dibaca sebagai artikel.</description></item>"
        for i in range(2)
    )
    feed.write_text(f"<rss version='2.0'><channel><title>x</title>{items}</channel></rss>")
    result = newsdiff("compare", A, str(feed))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "2 articles" in lines[0]


def test_bad_format_option_is_exit_2() -> None:
    result = newsdiff("compare", A, B, "--format", "xml")
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_terminal_escapes_in_article_text_are_shown_not_obeyed(tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Delegasi Rusia dan Ukraina menggelar perundingan damai \x1b]52;c;ZXZpbA==\x07 "
        "putaran ketiga di Istanbul.\n\nKedua pihak sepakat bertukar tawanan \x1b[2J lagi.\n",
        encoding="utf-8",
    )
    result = newsdiff("compare", A, str(hostile))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "\\x1b" in result.stdout


def test_compare_does_not_import_the_ui() -> None:
    script = (
        "import sys, io, contextlib\n"
        "from newsdiff.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        f"    main(['compare', {A!r}, {B!r}])\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual', 'rich'}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
