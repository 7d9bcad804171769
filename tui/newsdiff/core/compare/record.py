"""A comparison as plain data: the ``newsdiff.comparison/1`` JSON shape.

Kept in the core so the CLI, exports and scripts print the same thing. The shape is
documented in the README ("JSON output") and is stable: a change bumps the number
after the slash.
"""

from __future__ import annotations

from typing import Any, Final

from newsdiff.core.model import Comparison, Document, Finding, FindingSide, Row

SCHEMA: Final = "newsdiff.comparison/1"


def _report(document: Document) -> dict[str, Any]:
    article = document.article
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "language": article.language,
    }


def report_record(document: Document) -> dict[str, Any]:
    """A report as ``left``/``right`` show it (the story export lists its reports so)."""
    return _report(document)


def run_text(document: Document, indices: tuple[int, ...]) -> str:
    """The text of a run of sentences, from the first one's start to the last one's end."""
    if not indices:
        return ""
    sentences = document.sentences
    return document.text[sentences[indices[0]].start : sentences[indices[-1]].end]


def _row(comparison: Comparison, row: Row) -> dict[str, Any]:
    return {
        "kind": row.kind.value,
        "left": list(row.left),
        "right": list(row.right),
        "left_text": run_text(comparison.left, row.left),
        "right_text": run_text(comparison.right, row.right),
        "score": round(row.score, 4),
        "ops": [{"op": op.op.value, "left": op.left, "right": op.right} for op in row.ops],
    }


def _side(side: FindingSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "text": side.text,
        "value": side.value,
        "sentence": side.sentence,
        "start": side.start,
        "end": side.end,
    }


def _finding(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind.value,
        "left": _side(finding.left),
        "right": _side(finding.right),
        "message": finding.message,
    }


def comparison_record(comparison: Comparison) -> dict[str, Any]:
    """``comparison`` in the ``newsdiff.comparison/1`` shape."""
    return {
        "schema": SCHEMA,
        "left": _report(comparison.left),
        "right": _report(comparison.right),
        "similarity": comparison.similarity,
        "rows": [_row(comparison, row) for row in comparison.rows],
        "findings": [_finding(finding) for finding in comparison.findings],
    }
