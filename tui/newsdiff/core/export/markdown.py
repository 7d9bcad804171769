"""Markdown: readable as source, rendered well by GitHub and any CommonMark viewer.

Conventions (README "Export"):

- a span is ``**text**<sup>KIND</sup>`` — bold text with its kind in superscript
  (GitHub, GitLab and CommonMark renderers show the ``<sup>``; plain viewers show a
  readable tag);
- in a comparison, words only the first (pivot) report has are ``~~struck~~`` and
  words only the other has are ``<ins>inserted</ins>``;
- article text is escaped so every mark is newsdiff's: ``\\`` before any of
  ``\\ ` * _ ~ [ ] < > | & $``, before ``#``, ``+``, ``-``, ``=`` and a list number's
  ``.``/``)`` at the start of a line, leading spaces as ``&#32;`` (never a code
  block); a control character or bidi mark is ``\\xHH``/``\\uHHHH`` (shown as such);
- each line of an article is a paragraph; a line break inside a span or a table cell
  is ``<br>``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
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

_SPECIAL: Final = re.compile(
    r"[\\`*_~\[\]<>|&$]|" + UNSAFE_CHARACTERS.pattern + "|" + SURROGATES.pattern
)
_LINE_START: Final = re.compile(r"^([ \t]*)(?:([#+=-])|(\d+)([.)]))?")

LEGEND: Final = "**Legend:** **text**<sup>KIND</sup> marks a span — " + " · ".join(
    f"{kind.value} {label}" for kind, label in KIND_LABELS.items()
)
COMPARISON_LEGEND: Final = (
    LEGEND + ". ~~struck~~ words only the first report has, <ins>inserted</ins> words only "
    "the other has. Rows: " + " · ".join(f"{ROW_SYMBOLS[k]} {v}" for k, v in ROW_LABELS.items())
)


def _escape_one(match: re.Match[str]) -> str:
    character = match.group(0)
    code = ord(character)
    if code < 0x80:
        if character.isprintable():
            return "\\" + character
        return f"\\x{code:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str) -> str:
    """Article text as inert Markdown inline text (newlines left to the caller)."""
    return _SPECIAL.sub(_escape_one, text)


def _line_start(line: str) -> str:
    """Escape what would start a heading, list, rule or code block at a line's start."""

    def fix(match: re.Match[str]) -> str:
        spaces = match.group(1).replace(" ", "&#32;").replace("\t", "&#9;")
        if match.group(2):
            return spaces + "\\" + match.group(2)
        if match.group(3):
            return spaces + match.group(3) + "\\" + match.group(4)
        return spaces

    return _LINE_START.sub(fix, line, count=1)


def marked(marks: Marks, runs: Sequence[Run], *, newline: str) -> str:
    """Runs as Markdown; a newline outside spans becomes ``newline``, inside ``<br>``."""
    text = marks.text
    out: list[str] = []
    for run in runs:
        inner = "<br>" if run.span is not None else newline
        if run.span is not None:
            out.append("**")
        for piece in run.pieces:
            raw = text[piece.start : piece.end]
            core = raw.strip()
            if piece.change is None or not core:
                out.append(_lines(raw, inner))
                continue
            # Whitespace stays outside the marks: "~~ x~~" would not render as struck.
            lead = raw[: len(raw) - len(raw.lstrip())]
            trail = raw[len(raw.rstrip()) :]
            body = _lines(core, inner)
            mark = f"<ins>{body}</ins>" if piece.change == ADDED else f"~~{body}~~"
            out.append(_lines(lead, inner) + mark + _lines(trail, inner))
        if run.span is not None:
            out.append(f"**<sup>{run.span.kind.value}</sup>")
    return "".join(out)


def _lines(text: str, newline: str) -> str:
    return newline.join(escape(part) for part in text.split("\n"))


def _cell(text: str) -> str:
    """Plain (already escaped) text fit for a table cell: one line."""
    return text.replace("\n", "<br>")


def span_table(spans: Sequence[Span]) -> str:
    lines = ["| kind | text | value | offsets |", "|---|---|---|---:|"]
    lines += [
        f"| {s.kind.value} | {_cell(escape(s.text))} | {_cell(escape(s.value))} | "
        f"{s.start}–{s.end} |"
        for s in spans
    ]
    return "\n".join(lines) if spans else "(no spans)"


def _details(document: Document) -> str:
    article = document.article
    parts = [escape(part) for part in (article.path, *report_details(article))]
    return _cell(" · ".join(parts))


def render_article(document: Document) -> str:
    marks = Marks(document)
    body = marked(marks, marks.runs(0, len(document.text)), newline="\n")
    paragraphs = "\n\n".join(_line_start(line) for line in body.split("\n"))
    return (
        f"# {_cell(escape(document.article.title))}\n\n{_details(document)}\n\n{LEGEND}\n\n"
        f"---\n\n{paragraphs}\n\n---\n\n## Spans\n\n{span_table(document.spans)}\n"
    )


def _quote(label: str, side: FindingSide | None) -> str:
    if side is None:
        return f"   - {label}: —"
    value = f" = {_cell(escape(side.value))}" if side.value and side.value != side.text else ""
    return f"   - {label}: “{_cell(escape(side.text))}”{value} (sentence {side.sentence})"


def comparison_body(table: CompareTable, labels: Sequence[str], level: str) -> str:
    """The rows as a table and the findings as a list, columns named by ``labels``."""
    marks = column_marks(table)
    findings_at: dict[int, list[int]] = {}
    for number, ref in enumerate(table.findings, start=1):
        if ref.row is not None:
            findings_at.setdefault(ref.row, []).append(number)
    titles = [
        f"{labels[i]}: {escape(report_label(d.article))}" for i, d in enumerate(table.documents)
    ]
    lines = [
        f"{level} Rows",
        "",
        "| # | | " + " | ".join(titles) + " | notes |",
        "|---:|:-:|" + "---|" * len(titles) + "---|",
    ]
    for position, row in enumerate(table.rows):
        kinds = [k for k in row.kinds if k is not None]
        symbol = " ".join(dict.fromkeys(ROW_SYMBOLS[k] for k in kinds))
        cells: list[str] = []
        for column, cell in enumerate(row.cells):
            if cell is None:
                cells.append("")
                continue
            runs = cell_runs(table.documents[column], cell)
            parts = [
                (f"<sub>{run.label}</sub> " if len(runs) > 1 else "")
                + marked(marks[column], marks[column].runs(run.start, run.end), newline="<br>")
                for run in runs
            ]
            cells.append("<br>".join(parts))
        notes = [ROW_LABELS[kinds[0]] if len(set(kinds)) == 1 else "mixed"]
        moved = [m for m in row.moved_from if m is not None]
        if moved:
            notes.append(f"in order row {moved[0] + 1}")
        if position in findings_at:
            notes.append("findings " + ", ".join(map(str, findings_at[position])))
        lines.append(
            f"| {position + 1} | {symbol} | " + " | ".join(cells) + f" | {', '.join(notes)} |"
        )
    lines += ["", f"{level} Findings ({len(table.findings)})", ""]
    if not table.findings:
        lines.append("No facts disagree.")
    for number, ref in enumerate(table.findings, start=1):
        finding = ref.finding
        where = f" (row {ref.row + 1})" if ref.row is not None else ""
        lines.append(
            f"{number}. **{finding_label(finding.kind)}**{where}: {_cell(escape(finding.message))}"
        )
        lines.append(_quote(labels[ref.left_column], finding.left))
        lines.append(_quote(labels[ref.right_column], finding.right))
    return "\n".join(lines)


def _reports_table(
    documents: Sequence[Document], labels: Sequence[str], notes: Sequence[str]
) -> str:
    lines = ["| | report | outlet | published | language | |", "|---|---|---|---|---|---|"]
    for label, document, note in zip(labels, documents, notes, strict=True):
        article = document.article
        cells = [article.path, article.outlet or "", article.published or "", article.language]
        lines.append(f"| {label} | " + " | ".join(_cell(escape(c)) for c in cells) + f" | {note} |")
    return "\n".join(lines)


def render_comparison(subject: Subject) -> str:
    table = comparison_table(subject)  # type: ignore[arg-type]
    labels = column_labels(table.columns)
    notes = ["pivot" if table.columns > 2 else ""]
    notes += [f"similarity {s:.2f}" for s in table.similarity]
    notes += [""] * (table.columns - len(notes))
    names = " vs ".join(escape(report_label(d.article)) for d in table.documents)
    return (
        f"# Comparison: {names}\n\n{_reports_table(table.documents, labels, notes)}\n\n"
        f"{COMPARISON_LEGEND}\n\n{comparison_body(table, labels, '##')}\n"
    )


def render_story(story: StoryExport) -> str:
    labels = [chr(ord("A") + i) if i < 26 else f"#{i + 1}" for i in range(len(story.documents))]
    notes = ["likely source" if i == story.source else "" for i in range(len(story.documents))]
    blocks = [
        f"# Story: {len(story.documents)} reports, {len(story.pairs)} pairs",
        _reports_table(story.documents, labels, notes),
        COMPARISON_LEGEND,
        "## Pairs",
        "| pair | reports | similarity | findings |\n|---:|---|---:|---:|\n"
        + "\n".join(
            f"| {n} | {labels[p.left]} vs {labels[p.right]} | {p.similarity:.2f} | "
            f"{len(p.comparison.findings)} |"
            for n, p in enumerate(story.pairs, start=1)
        ),
    ]
    for number, pair in enumerate(story.pairs, start=1):
        pair_labels = [labels[pair.left], labels[pair.right]]
        blocks.append(f"## Pair {number}: {pair_labels[0]} vs {pair_labels[1]}")
        blocks.append(comparison_body(comparison_table(pair.comparison), pair_labels, "###"))
    return "\n\n".join(blocks) + "\n"


def render(subject: Subject) -> str:
    if isinstance(subject, Document):
        return render_article(subject)
    if isinstance(subject, StoryExport):
        return render_story(subject)
    return render_comparison(subject)
