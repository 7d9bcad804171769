"""Plain text: spans as ``[PERSON Vladimir Medinsky]``, for grep and colourless terminals.

Conventions (README "Export"):

- a span is ``[KIND text]`` — an opening bracket, the kind in capitals, one space,
  the text, a closing bracket;
- in a comparison, words only the left (pivot) side has are ``[-like this-]`` and
  words only the other side has ``{+like this+}``, inside a span's brackets when they
  fall inside a span;
- article text (and every title, path, value and message) is escaped so every
  bracket in the output is a mark: ``\\[``, ``\\]``,
  ``\\{``, ``\\}`` and ``\\\\`` are literal characters; a control character or bidi mark
  is ``\\xHH`` (below U+0100) or ``\\uHHHH``, so the file can be printed on any
  terminal; in a comparison's rows a line break inside a row is ``\\n``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Final

from newsdiff.core.export.common import (
    ADDED,
    KIND_LABELS,
    ROW_LABELS,
    Marks,
    Run,
    StoryExport,
    Subject,
    cell_runs,
    column_marks,
    comparison_table,
    finding_label,
    report_details,
)
from newsdiff.core.model import Document, FindingSide, Span
from newsdiff.core.sanitize import SURROGATES, UNSAFE_CHARACTERS

if TYPE_CHECKING:
    from newsdiff.core.compare.table import CompareTable

_SPECIAL: Final = re.compile(r"[\\\[\]{}]|" + UNSAFE_CHARACTERS.pattern + "|" + SURROGATES.pattern)
_SPECIAL_OR_NEWLINE: Final = re.compile(_SPECIAL.pattern + "|\n")

LEGEND: Final = (
    "legend: [KIND text] marks a span (KIND: "
    + " ".join(kind.value for kind in KIND_LABELS)
    + "); \\[ \\] \\{ \\} \\\\ are literal; \\xHH and \\uHHHH are control characters"
)
COMPARISON_LEGEND: Final = (
    LEGEND + "\n        [-text-] only in the first report, {+text+} only in the other; "
    "in rows \\n is a line break"
)


def _escape_one(match: re.Match[str]) -> str:
    character = match.group(0)
    if character in "\\[]{}":
        return "\\" + character
    if character == "\n":
        return "\\n"
    code = ord(character)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escape(text: str, *, newlines: bool = False) -> str:
    """Article text with brackets, backslashes and controls escaped (see module doc)."""
    pattern = _SPECIAL_OR_NEWLINE if newlines else _SPECIAL
    return pattern.sub(_escape_one, text)


def line(text: str) -> str:
    """Metadata or a message on one line: whitespace runs as one space, escaped."""
    return escape(" ".join(text.split()))


def marked(marks: Marks, runs: Sequence[Run], *, newlines: bool = False) -> str:
    """Runs as text with ``[KIND …]`` spans and ``[-…-]``/``{+…+}`` word changes."""
    text = marks.text
    out: list[str] = []
    for run in runs:
        if run.span is not None:
            out.append(f"[{run.span.kind.value} ")
        for piece in run.pieces:
            body = escape(text[piece.start : piece.end], newlines=newlines)
            if piece.change is None:
                out.append(body)
            elif piece.change == ADDED:
                out.append("{+" + body + "+}")
            else:
                out.append("[-" + body + "-]")
        if run.span is not None:
            out.append("]")
    return "".join(out)


def span_table(spans: Sequence[Span]) -> str:
    """Kind, text, value and offsets of each span, one per line."""
    if not spans:
        return "(no spans)"
    rows = [("KIND", "TEXT", "VALUE", "OFFSETS")] + [
        (s.kind.value, line(s.text), line(s.value), f"{s.start}-{s.end}") for s in spans
    ]
    widths = [min(40, max(len(row[i]) for row in rows)) for i in range(3)]
    return "\n".join(
        "  ".join(cell.ljust(widths[i]) for i, cell in enumerate(row[:3])) + "  " + row[3]
        for row in rows
    )


def _header_line(label: str, document: Document, extra: str = "") -> str:
    article = document.article
    parts = [line(article.path), *map(line, report_details(article))]
    return f"{label}  " + " · ".join(parts) + extra


def render_article(document: Document) -> str:
    marks = Marks(document)
    article = document.article
    head = [
        f"newsdiff article: {line(article.title)}",
        _header_line("path", document),
        LEGEND,
    ]
    body = marked(marks, marks.runs(0, len(document.text)))
    return "\n".join(head) + "\n\n" + body + "\n\n== spans\n" + span_table(document.spans) + "\n"


def column_labels(count: int) -> list[str]:
    """``L``/``R`` for two reports, ``A``, ``B``, ``C``… ``Z``, then ``#27``… for more.

    Past ``Z`` the letters would run on into ``[``, ``{`` and the C1 controls
    (U+0080–U+009F), which a terminal reads as escape sequences.
    """
    if count == 2:
        return ["L", "R"]
    return [chr(ord("A") + i) if i < 26 else f"#{i + 1}" for i in range(count)]


def _side(label: str, side: FindingSide | None) -> str:
    if side is None:
        return f"   {label}: (nothing)"
    value = f" = {line(side.value)}" if side.value and side.value != side.text else ""
    return f'   {label}: "{escape(side.text, newlines=True)}"{value} (sentence {side.sentence})'


def comparison_body(table: CompareTable, labels: Sequence[str]) -> str:
    """The rows and findings of a comparison, columns named by ``labels``."""
    marks = column_marks(table)
    findings_at: dict[int, list[int]] = {}
    for number, ref in enumerate(table.findings, start=1):
        if ref.row is not None:
            findings_at.setdefault(ref.row, []).append(number)
    lines: list[str] = []
    for position, row in enumerate(table.rows):
        kinds = [k for k in row.kinds if k is not None]
        kind = ROW_LABELS[kinds[0]] if len(set(kinds)) == 1 else "mixed"
        notes = [f"row {position + 1}", kind]
        if any(k is not None and k.value in ("changed", "moved") for k in kinds):
            notes.append(f"score {row.score:.2f}")
        moved = [m for m in row.moved_from if m is not None]
        if moved:
            notes.append(f"in order it would be row {moved[0] + 1}")
        if position in findings_at:
            notes.append("findings " + ", ".join(map(str, findings_at[position])))
        lines.append(" · ".join(notes))
        for column, cell in enumerate(row.cells):
            if cell is None:
                continue
            for run in cell_runs(table.documents[column], cell):
                body = marked(marks[column], marks[column].runs(run.start, run.end), newlines=True)
                lines.append(f"  {labels[column]} {run.label:<6} {body}")
    lines.append("")
    lines.append(f"== findings ({len(table.findings)})")
    for number, ref in enumerate(table.findings, start=1):
        finding = ref.finding
        where = f" · row {ref.row + 1}" if ref.row is not None else ""
        lines.append(f"{number}. {finding_label(finding.kind)}{where}: {line(finding.message)}")
        lines.append(_side(labels[ref.left_column], finding.left))
        lines.append(_side(labels[ref.right_column], finding.right))
    return "\n".join(lines)


def render_comparison(subject: Subject) -> str:
    table = comparison_table(subject)  # type: ignore[arg-type]
    labels = column_labels(table.columns)
    head = ["newsdiff comparison"]
    for column, document in enumerate(table.documents):
        extra = ""
        if column == 0 and table.columns > 2:
            extra = " · pivot"
        elif column > 0 and column - 1 < len(table.similarity):
            extra = f" · similarity {table.similarity[column - 1]:.2f}"
        head.append(_header_line(labels[column], document, extra))
    head.append(COMPARISON_LEGEND)
    return "\n".join(head) + "\n\n" + comparison_body(table, labels) + "\n"


def render_story(story: StoryExport) -> str:
    labels = [chr(ord("A") + i) if i < 26 else f"#{i + 1}" for i in range(len(story.documents))]
    head = [f"newsdiff story: {len(story.documents)} reports, {len(story.pairs)} pairs"]
    for index, document in enumerate(story.documents):
        extra = " · likely source" if index == story.source else ""
        head.append(_header_line(labels[index], document, extra))
    head.append(COMPARISON_LEGEND)
    blocks = ["\n".join(head)]
    for number, pair in enumerate(story.pairs, start=1):
        left, right = labels[pair.left], labels[pair.right]
        title = (
            f"== pair {number}: {left} vs {right} · similarity {pair.similarity:.2f} · "
            f"{len(pair.comparison.findings)} findings"
        )
        table = comparison_table(pair.comparison)
        blocks.append(title + "\n" + comparison_body(table, [left, right]))
    return "\n\n".join(blocks) + "\n"


def render(subject: Subject) -> str:
    if isinstance(subject, Document):
        return render_article(subject)
    if isinstance(subject, StoryExport):
        return render_story(subject)
    return render_comparison(subject)
