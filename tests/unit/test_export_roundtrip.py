"""Every exported span maps back to the exact text of the article, in every format.

JSON and brat are parsed; the inline marks of Markdown, HTML and plain text are read
back (tests/unit/export_parsers.py) and must give the article's text and each span's
kind at its offsets — for the samples, a hostile article, and comparisons.
"""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from newsdiff.core.compare import compare, compare_many
from newsdiff.core.export import brat, html, jsonfmt, markdown, text
from newsdiff.core.export.common import exported_spans
from newsdiff.core.model import Comparison, Document
from tests.unit.export_fixtures import hostile_document, hostile_variant, sample_documents
from tests.unit.export_parsers import parse_ann, parse_html, parse_markdown, parse_text


def documents() -> list[Document]:
    return [*sample_documents(), hostile_document()]


def _ids(document: Document) -> str:
    return document.article.path.rsplit("/", 1)[-1][:12]


def expected(document: Document) -> list[tuple[str, int, int]]:
    return [(s.kind.value, s.start, s.end) for s in exported_spans(document)]


@pytest.fixture(params=documents(), ids=_ids)
def document(request: pytest.FixtureRequest) -> Document:
    return request.param


def test_json_spans_are_the_article_text(document: Document) -> None:
    record = json.loads(jsonfmt.render(document))
    assert record["schema"] == "newsdiff.entities/1"
    assert record["path"] == document.article.path
    assert len(record["spans"]) == len(document.spans) > 0
    for span in record["spans"]:
        assert span["text"] == document.text[span["start"] : span["end"]]


def test_brat_offsets_point_into_the_txt(document: Document) -> None:
    txt, ann = brat.render_article(document)
    assert len(txt) == len(document.text)
    assert brat.safe_text(document.text) == txt
    annotations = parse_ann(ann)
    assert len(annotations) == len(document.spans)
    for (_, kind, fragments, surface), span in zip(
        annotations, sorted(document.spans, key=lambda s: (s.start, s.end)), strict=True
    ):
        assert kind == span.kind.value
        assert fragments[0][0] >= span.start and fragments[-1][1] <= span.end
        assert surface == " ".join(txt[a:b] for a, b in fragments)
        for a, b in fragments:
            assert "\n" not in txt[a:b] and "\t" not in txt[a:b]
        # Dropping only the line breaks and tabs between fragments gives the span back.
        joined = "".join(txt[a:b] for a, b in fragments)
        assert joined == re.sub(r"[\n\t]+", "", brat.safe_text(span.text)).strip()


def test_text_marks_read_back(document: Document) -> None:
    output = text.render(document)
    body = output.split("\n\n", 1)[1].rsplit("\n\n== spans\n", 1)[0]
    parsed = parse_text(body)
    assert parsed.text == document.text
    assert parsed.spans == expected(document)
    assert "\x1b" not in output and "\u202e" not in output


def test_markdown_marks_read_back(document: Document) -> None:
    output = markdown.render(document)
    body = output.split("\n---\n\n", 1)[1].rsplit("\n\n---\n\n## Spans", 1)[0]
    parsed = parse_markdown(body, paragraphs=True)
    assert parsed.text == document.text
    assert parsed.spans == expected(document)
    assert "\x1b" not in output and "\u202e" not in output


def test_html_marks_read_back(document: Document) -> None:
    parser = parse_html(html.render(document))
    [article] = parser.blocks
    assert article.parsed.text == document.text
    assert article.parsed.spans == [(k, s, e) for k, s, e in expected(document)]
    for kind, start, end, at, until in parser.claimed[0]:
        assert (start, end) == (at, until)
        assert kind in {s.kind.value for s in document.spans}


# -- comparisons ----------------------------------------------------------------------


@cache
def comparisons() -> dict[str, Comparison]:
    samples = {d.article.path.rsplit("/", 1)[-1][:3]: d for d in sample_documents()}
    return {
        "001-004": compare(samples["001"], samples["004"]),
        "005-006": compare(samples["005"], samples["006"]),
        "hostile": compare(hostile_document(), hostile_variant()),
    }


@pytest.fixture(params=["001-004", "005-006", "hostile"])
def comparison(request: pytest.FixtureRequest) -> Comparison:
    return comparisons()[request.param]


def _check_cell(document: Document, first: int, last: int, parsed) -> None:  # type: ignore[no-untyped-def]
    start, end = document.sentences[first].start, document.sentences[last].end
    assert parsed.text == document.text[start:end]
    inside = [s for s in exported_spans(document) if start <= s.start and s.end <= end]
    assert parsed.spans == [(s.kind.value, s.start - start, s.end - start) for s in inside]


def _changes_in(comparison: Comparison) -> int:
    return sum(1 for row in comparison.rows for op in row.ops if op.op.value != "equal")


def test_text_comparison_cells_read_back(comparison: Comparison) -> None:
    output = text.render(comparison)
    sides = {"L": comparison.left, "R": comparison.right}
    cells = 0
    changes = 0
    for line in output.splitlines():
        match = re.match(r"^  ([LR]) (\d+)(?:-(\d+))?\s+(.*)$", line)
        if not match:
            continue
        parsed = parse_text(match.group(4))
        first = int(match.group(2))
        _check_cell(sides[match.group(1)], first, int(match.group(3) or first), parsed)
        cells += 1
        changes += len(parsed.changes)
    assert cells == sum(bool(r.left) + bool(r.right) for r in comparison.rows)
    assert (changes > 0) == (_changes_in(comparison) > 0)


def _table_cells(line: str) -> list[str]:
    """A Markdown table line split on its unescaped pipes."""
    cells, current, i = [], [], 0
    while i < len(line):
        if line[i] == "\\":
            current.append(line[i : i + 2])
            i += 2
            continue
        if line[i] == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(line[i])
        i += 1
    return cells[1:]


def test_markdown_comparison_cells_read_back(comparison: Comparison) -> None:
    output = markdown.render(comparison)
    rows_part = output.split("## Rows", 1)[1].split("## Findings", 1)[0]
    table_lines = [line for line in rows_part.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(table_lines) == len(comparison.rows)
    for line, row in zip(table_lines, comparison.rows, strict=True):
        cells = _table_cells(line)
        for document, sentences, cell in (
            (comparison.left, row.left, cells[2]),
            (comparison.right, row.right, cells[3]),
        ):
            if not sentences:
                assert cell == ""
                continue
            parsed = parse_markdown(cell)
            ordered = sorted(sentences)
            _check_cell(document, ordered[0], ordered[-1], parsed)


def test_html_comparison_runs_read_back(comparison: Comparison) -> None:
    parser = parse_html(html.render(comparison))
    sides = [comparison.left, comparison.right]
    assert len(parser.blocks) == sum(bool(r.left) + bool(r.right) for r in comparison.rows)
    for block, claimed in zip(parser.blocks, parser.claimed, strict=True):
        document = sides[block.column or 0]
        assert block.parsed.text == document.text[block.start : block.end]
        for _, start, end, at, until in claimed:
            assert (start, end) == (block.start + at, block.start + until)
    marked = {(k, s, e) for claims in parser.claimed for k, s, e, _, _ in claims}
    for side in sides:
        for span in exported_spans(side):
            in_a_row = any(
                side.sentences[i].start <= span.start and span.end <= side.sentences[i].end
                for i in range(len(side.sentences))
                if not side.sentences[i].boilerplate
            )
            if in_a_row:
                assert (span.kind.value, span.start, span.end) in marked


def test_brat_comparison_offsets_point_into_each_txt(comparison: Comparison) -> None:
    files = brat.render(comparison)
    assert "annotation.conf" in files
    names = sorted(name[:-4] for name in files if name.endswith(".txt"))
    assert len(names) == 2
    for name, document in zip(names, (comparison.left, comparison.right), strict=True):
        txt, ann = files[f"{name}.txt"], files[f"{name}.ann"]
        assert txt == brat.safe_text(document.text)
        for _, _, fragments, surface in parse_ann(ann):
            assert surface == " ".join(txt[a:b] for a, b in fragments)


def test_json_comparison_is_the_comparison_record(comparison: Comparison) -> None:
    from newsdiff.core.compare.record import comparison_record

    assert json.loads(jsonfmt.render(comparison)) == json.loads(
        json.dumps(comparison_record(comparison))
    )


def test_three_reports_export_against_the_pivot() -> None:
    samples = {d.article.path.rsplit("/", 1)[-1][:3]: d for d in sample_documents()}
    multi = compare_many([samples["001"], samples["004"], samples["002"]], pivot=0)
    records = json.loads(jsonfmt.render(multi))
    assert [r["schema"] for r in records] == ["newsdiff.comparison/1"] * 2
    assert {r["left"]["path"] for r in records} == {samples["001"].article.path}
    parser = parse_html(html.render(multi))
    for block in parser.blocks:
        document = multi.documents[[0, 1, 2][block.column or 0]]
        assert block.parsed.text == document.text[block.start : block.end]
    assert "| A: 001" in markdown.render(multi)
    assert "\n  C " in text.render(multi)
    files = brat.render(multi)
    assert sorted(files) == [
        "001.ann",
        "001.txt",
        "002.ann",
        "002.txt",
        "004.ann",
        "004.txt",
        "annotation.conf",
    ]
