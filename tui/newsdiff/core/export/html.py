"""HTML: one standalone page — inline CSS, no scripts, no network, safe to open.

- Every piece of article text goes through :func:`escape` (``html.escape`` plus
  control characters and bidi marks shown as small boxed ``\x1b``/``U+202E``
  ``<span class="ctl">`` marks that keep the character's code in ``data-char``), so it
  is text, never markup.
- A Content-Security-Policy allows nothing but the page's own stylesheet (by its
  hash): no script, image, font, frame or connection, even if something slipped
  through.
- Spans are ``<mark class="k-person" data-kind="PERSON" data-start data-end>``
  (offsets into the article text, so the marks can be read back); word changes are
  ``<del>``/``<ins>`` inside them. Colours follow the reader's light or dark
  preference and print on white.
- A comparison is a side-by-side table (rows ``#r3``), each finding (``#f1``) links to
  its row and each row to its findings; a moved row links to where it would be in order.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Sequence
from functools import cache
from html import escape as html_escape
from importlib import resources
from typing import TYPE_CHECKING, Final

from newsdiff.core.export.common import (
    ADDED,
    KIND_LABELS,
    ROW_LABELS,
    ROW_SYMBOLS,
    Marks,
    Run,
    StoryExport,
    Subject,
    cell_runs,
    column_marks,
    comparison_table,
    finding_label,
    report_details,
    report_label,
)
from newsdiff.core.export.text import column_labels
from newsdiff.core.model import Document, FindingSide, Span
from newsdiff.core.sanitize import SURROGATES, UNSAFE_CHARACTERS

if TYPE_CHECKING:
    from newsdiff.core.compare.table import CompareTable

_SPECIAL: Final = re.compile("[&<>\"']|" + UNSAFE_CHARACTERS.pattern + "|" + SURROGATES.pattern)
_ENTITIES: Final = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"}


def _escape_one(match: re.Match[str]) -> str:
    character = match.group(0)
    entity = _ENTITIES.get(character)
    if entity is not None:
        return entity
    code = ord(character)
    # Spelled out as sanitize.visible does (\x1b, U+202E): every font has these glyphs.
    shown = f"\\x{code:02x}" if code < 0x100 else f"U+{code:04X}"
    return f'<span class="ctl" data-char="{code:04x}" title="U+{code:04X}">{shown}</span>'


def escape(text: str) -> str:
    """Article text as inert HTML text (for attributes, :func:`attribute`)."""
    return _SPECIAL.sub(_escape_one, text)


def attribute(text: str) -> str:
    """Text for a quoted attribute: escaped, with controls as visible ``\\xHH``."""
    text = SURROGATES.sub("\ufffd", text)
    text = UNSAFE_CHARACTERS.sub(lambda m: f"\\x{ord(m.group(0)):02x}", text)
    return html_escape(text, quote=True)


@cache
def stylesheet() -> str:
    return resources.files("newsdiff.core.export").joinpath("page.css").read_text("utf-8")


def _policy(css: str) -> str:
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; "
        "script-src 'none'; base-uri 'none'; form-action 'none'"
    )


def page(title: str, language: str, body: str) -> str:
    """A complete page around ``body`` (already escaped HTML)."""
    css = stylesheet()
    lang = language if re.fullmatch(r"[A-Za-z]{2,3}", language or "") else "und"
    return (
        f'<!DOCTYPE html>\n<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_policy(css)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="newsdiff">\n'
        f"<title>{escape(title)}</title>\n<style>{css}</style>\n</head>\n<body>\n"
        f"{body}</body>\n</html>\n"
    )


def _mark_open(span: Span) -> str:
    kind = span.kind.value
    tip = KIND_LABELS[span.kind] + (f": {span.value}" if span.value else "")
    return (
        f'<mark class="k-{kind.lower()}" data-kind="{kind}" data-start="{span.start}" '
        f'data-end="{span.end}" title="{attribute(tip)}">'
    )


def marked(marks: Marks, runs: Sequence[Run]) -> str:
    """Runs as HTML: ``<mark>`` for spans, ``<del>``/``<ins>`` for word changes."""
    text = marks.text
    out: list[str] = []
    for run in runs:
        if run.span is not None:
            out.append(_mark_open(run.span))
        for piece in run.pieces:
            body = escape(text[piece.start : piece.end])
            if piece.change is None:
                out.append(body)
            elif piece.change == ADDED:
                out.append(f"<ins>{body}</ins>")
            else:
                out.append(f"<del>{body}</del>")
        if run.span is not None:
            out.append("</mark>")
    return "".join(out)


def legend(comparison: bool) -> str:
    items = [
        f'<span><mark class="k-{kind.value.lower()}">{label}</mark> {kind.value}</span>'
        for kind, label in KIND_LABELS.items()
    ]
    if comparison:
        items += [
            "<span><del>removed</del> only in the first report</span>",
            "<span><ins>added</ins> only in the other</span>",
            "<span>" + " · ".join(f"{ROW_SYMBOLS[k]} {v}" for k, v in ROW_LABELS.items()),
        ]
        items[-1] += "</span>"
    return '<nav class="legend" aria-label="legend">' + "".join(items) + "</nav>\n"


def _details(document: Document) -> str:
    parts = [document.article.path, *report_details(document.article)]
    return '<p class="meta">' + " · ".join(escape(p) for p in parts) + "</p>\n"


def span_table(spans: Sequence[Span]) -> str:
    if not spans:
        return '<p class="note">No spans.</p>\n'
    rows = "".join(
        f"<tr><td>{s.kind.value}</td><td>{escape(s.text)}</td><td>{escape(s.value)}</td>"
        f"<td>{s.start}–{s.end}</td></tr>\n"
        for s in spans
    )
    return (
        '<table class="spans"><thead><tr><th>kind</th><th>text</th><th>value</th>'
        f"<th>offsets</th></tr></thead><tbody>\n{rows}</tbody></table>\n"
    )


def render_article(document: Document) -> str:
    marks = Marks(document)
    article = document.article
    body = (
        f"<header><h1>{escape(article.title)}</h1>\n{_details(document)}</header>\n"
        f"{legend(False)}"
        f'<main><article class="text" lang="{attribute(article.language)}" data-start="0">'
        f"{marked(marks, marks.runs(0, len(document.text)))}</article>\n"
        f"<h2>Spans ({len(document.spans)})</h2>\n{span_table(document.spans)}</main>\n"
    )
    return page(article.title, article.language, body)


def _side(label: str, side: FindingSide | None) -> str:
    if side is None:
        return f"<dt>{escape(label)}</dt><dd>—</dd>"
    value = f" = {escape(side.value)}" if side.value and side.value != side.text else ""
    return (
        f"<dt>{escape(label)}</dt><dd><q>{escape(side.text)}</q>{value} "
        f'<span class="note">(sentence {side.sentence})</span></dd>'
    )


def comparison_section(
    table: CompareTable, labels: Sequence[str], prefix: str = "", level: int = 2
) -> str:
    """The side-by-side table and the findings; ids start with ``prefix``."""
    marks = column_marks(table)
    findings_at: dict[int, list[int]] = {}
    for number, ref in enumerate(table.findings, start=1):
        if ref.row is not None:
            findings_at.setdefault(ref.row, []).append(number)
    head = ['<th class="num">#</th>']
    for column, document in enumerate(table.documents):
        if column:
            head.append('<th class="rel"></th>')
        title = f"{labels[column]}: {report_label(document.article)}"
        head.append(f"<th>{escape(title)}</th>")
    out = [
        f'<table class="compare cols-{table.columns}"><thead><tr>{"".join(head)}</tr></thead>'
        "<tbody>\n"
    ]
    for position, row in enumerate(table.rows):
        kinds = [k for k in row.kinds if k is not None]
        classes = " ".join(dict.fromkeys(k.value for k in kinds))
        if position in findings_at:
            classes += " has-finding"
        number = f'<a href="#{prefix}r{position + 1}">{position + 1}</a>'
        for finding in findings_at.get(position, ()):
            number += f'<a class="flag" href="#{prefix}f{finding}">finding {finding}</a>'
        moved = [m for m in row.moved_from if m is not None]
        if moved:
            number += (
                f'<a class="move" href="#{prefix}r{moved[0] + 1}">↕ in order: {moved[0] + 1}</a>'
            )
        cells = [f'<td class="num">{number}</td>']
        for column, cell in enumerate(row.cells):
            if column:
                kind = row.kinds[column]
                symbol = ROW_SYMBOLS[kind] if kind is not None else ""
                tip = f' title="{ROW_LABELS[kind]}"' if kind is not None else ""
                cells.append(f'<td class="rel"{tip}>{symbol}</td>')
            if cell is None:
                cells.append('<td class="cell gap"></td>')
                continue
            runs = cell_runs(table.documents[column], cell)
            parts = [
                f'<div class="run" data-start="{run.start}" data-end="{run.end}">'
                + (f'<span class="sent">{run.label}</span> ' if len(runs) > 1 else "")
                + marked(marks[column], marks[column].runs(run.start, run.end))
                + "</div>"
                for run in runs
            ]
            cells.append(f'<td class="cell" data-column="{column}">{"".join(parts)}</td>')
        out.append(f'<tr id="{prefix}r{position + 1}" class="{classes}">{"".join(cells)}</tr>\n')
    out.append("</tbody></table>\n")
    out.append(f"<h{level}>Findings ({len(table.findings)})</h{level}>\n")
    if not table.findings:
        out.append('<p class="note">No facts disagree.</p>\n')
    else:
        out.append('<ol class="findings">\n')
        for number, ref in enumerate(table.findings, start=1):
            finding = ref.finding
            where = (
                f' <a href="#{prefix}r{ref.row + 1}">row {ref.row + 1}</a>'
                if ref.row is not None
                else ""
            )
            out.append(
                f'<li id="{prefix}f{number}" class="{finding.kind.value}">'
                f'<span class="kind">{finding_label(finding.kind)}</span>{where}: '
                f"{escape(finding.message)}<dl>"
                f"{_side(labels[ref.left_column], finding.left)}"
                f"{_side(labels[ref.right_column], finding.right)}</dl></li>\n"
            )
        out.append("</ol>\n")
    return "".join(out)


def _reports(documents: Sequence[Document], labels: Sequence[str], notes: Sequence[str]) -> str:
    rows = []
    for label, document, note in zip(labels, documents, notes, strict=True):
        article = document.article
        cells = [label, article.path, article.title, article.outlet or "", article.published or ""]
        cells += [article.language, note]
        rows.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>\n")
    return (
        '<table class="reports"><thead><tr><th></th><th>report</th><th>title</th>'
        "<th>outlet</th><th>published</th><th>language</th><th></th></tr></thead><tbody>\n"
        + "".join(rows)
        + "</tbody></table>\n"
    )


def render_comparison(subject: Subject) -> str:
    table = comparison_table(subject)  # type: ignore[arg-type]
    labels = column_labels(table.columns)
    notes = ["pivot" if table.columns > 2 else ""]
    notes += [f"similarity {s:.2f}" for s in table.similarity]
    notes += [""] * (table.columns - len(notes))
    title = "Comparison: " + " vs ".join(report_label(d.article) for d in table.documents)
    body = (
        f"<header><h1>{escape(title)}</h1>\n"
        f"{_reports(table.documents, labels, notes)}</header>\n{legend(True)}"
        f"<main>\n{comparison_section(table, labels)}</main>\n"
    )
    return page(title, table.documents[0].article.language, body)


def render_story(story: StoryExport) -> str:
    labels = [chr(ord("A") + i) if i < 26 else f"#{i + 1}" for i in range(len(story.documents))]
    notes = ["likely source" if i == story.source else "" for i in range(len(story.documents))]
    title = f"Story: {len(story.documents)} reports"
    pairs = "".join(
        f'<tr><td><a href="#p{n}">pair {n}</a></td><td>{labels[p.left]} vs {labels[p.right]}</td>'
        f"<td>{p.similarity:.2f}</td><td>{len(p.comparison.findings)}</td></tr>\n"
        for n, p in enumerate(story.pairs, start=1)
    )
    sections = "".join(
        f'<section id="p{n}"><h2>Pair {n}: {labels[p.left]} vs {labels[p.right]}</h2>\n'
        + comparison_section(
            comparison_table(p.comparison), [labels[p.left], labels[p.right]], f"p{n}-", 3
        )
        + "</section>\n"
        for n, p in enumerate(story.pairs, start=1)
    )
    language = story.documents[0].article.language if story.documents else "und"
    body = (
        f"<header><h1>{escape(title)}</h1>\n{_reports(story.documents, labels, notes)}"
        f"</header>\n{legend(True)}<main>\n<h2>Pairs</h2>\n"
        '<table class="pairs"><thead><tr><th>pair</th><th>reports</th><th>similarity</th>'
        f"<th>findings</th></tr></thead><tbody>\n{pairs}</tbody></table>\n{sections}</main>\n"
    )
    return page(title, language, body)


def render(subject: Subject) -> str:
    if isinstance(subject, Document):
        return render_article(subject)
    if isinstance(subject, StoryExport):
        return render_story(subject)
    return render_comparison(subject)
