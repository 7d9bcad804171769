"""The side-by-side text view of a comparison, for ``newsdiff compare``.

Plain ANSI, no Rich: the CLI stays light and the core stays UI-free. Each row shows
its number, a mark (``=`` same, ``~`` changed, ``↕`` moved, ``<`` left only, ``>`` right
only) and both texts wrapped to half the terminal width. Word changes are coloured —
deleted and replaced words red on the left, inserted and replacing words green on the
right — or, without colour (``NO_COLOR``, a pipe, ``TERM=dumb``), bracketed the way
``git diff --word-diff`` does: ``[-old-]`` and ``{+new+}``. Article text goes through
:func:`newsdiff.core.sanitize.visible` first, so it can never steer the terminal.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from newsdiff.core.compare.record import run_text
from newsdiff.core.model import Comparison, Document, FindingKind, OpKind, Row, RowKind
from newsdiff.core.sanitize import visible

MARKS: Final = {
    RowKind.SAME: "=",
    RowKind.CHANGED: "~",
    RowKind.MOVED: "↕",
    RowKind.LEFT_ONLY: "<",
    RowKind.RIGHT_ONLY: ">",
}

_RESET: Final = "\x1b[0m"
_STYLES: Final = {
    "del": "\x1b[31m",  # red
    "ins": "\x1b[32m",  # green
    "left": "\x1b[31m",
    "right": "\x1b[32m",
    "move": "\x1b[35m",  # magenta
    "dim": "\x1b[2m",
    "bold": "\x1b[1m",
}
_BRACKETS: Final = {"del": ("[-", "-]"), "ins": ("{+", "+}")}
MIN_COLUMN: Final = 16
SEPARATOR: Final = " │ "


def use_colour(stream_is_tty: bool, choice: str = "auto") -> bool:
    """``always``/``never`` as asked; ``auto``: only on a terminal that is not ``dumb``,
    and never when ``NO_COLOR`` is set (no-color.org)."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("TERM") == "dumb":
        return False
    return stream_is_tty


def cell_width(text: str) -> int:
    """Terminal cells ``text`` takes: wide East Asian characters count two, marks zero."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


@dataclass(frozen=True, slots=True)
class _Atom:
    """A word (or part of one, where a style changes) and whether a space precedes it."""

    text: str
    style: str | None
    space_before: bool


Segment = tuple[str, str | None]


def _atoms(segments: Iterable[Segment]) -> list[_Atom]:
    atoms: list[_Atom] = []
    space = False
    for text, style in segments:
        word = ""
        for ch in text:
            if ch.isspace():
                if word:
                    atoms.append(_Atom(word, style, space))
                    word = ""
                space = True
            else:
                word += ch
        if word:
            atoms.append(_Atom(word, style, space))
            space = False
    return atoms


def wrap(segments: Iterable[Segment], width: int) -> list[list[_Atom]]:
    """Styled text wrapped at spaces into lines of at most ``width`` cells."""
    lines: list[list[_Atom]] = [[]]
    used = 0
    for atom in _atoms(segments):
        size = cell_width(atom.text)
        gap = 1 if atom.space_before and lines[-1] else 0
        if lines[-1] and used + gap + size > width:
            lines.append([])
            used, gap = 0, 0
        text = atom.text
        while size > width:  # a word longer than the column: break it
            head = _fit(text, width - used)
            lines[-1].append(_Atom(head, atom.style, False))
            lines.append([])
            used = 0
            text = text[len(head) :]
            size = cell_width(text)
        lines[-1].append(_Atom(text, atom.style, gap == 1))
        used += gap + size
    return lines


def _fit(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        size = cell_width(ch)
        if used + size > width and out:
            break
        out += ch
        used += size
    return out


def render_line(atoms: Sequence[_Atom], width: int, colour: bool) -> str:
    """One wrapped line, padded to ``width`` cells, with ANSI styles when ``colour``.

    Neighbouring words of one style share one escape sequence (and the space between
    them), so a replaced phrase is one coloured run.
    """
    out: list[str] = []
    used = 0
    current: str | None = None
    for atom in atoms:
        style = atom.style if colour else None
        if style != current:
            if current is not None:
                out.append(_RESET)
            if atom.space_before:
                out.append(" ")
                used += 1
            if style is not None:
                out.append(_STYLES[style])
            current = style
        elif atom.space_before:
            out.append(" ")
            used += 1
        out.append(atom.text)
        used += cell_width(atom.text)
    if current is not None:
        out.append(_RESET)
    out.append(" " * max(0, width - used))
    return "".join(out)


def _shorten(text: str, width: int) -> str:
    """``text`` cut to ``width`` cells with an ellipsis."""
    if cell_width(text) <= width:
        return text
    return _fit(text, max(1, width - 1)) + "…"


def _clean(text: str) -> str:
    return visible(text).replace("\t", " ")


def row_segments(
    comparison: Comparison, row: Row, colour: bool
) -> tuple[list[Segment], list[Segment]]:
    """Both sides of a row as styled segments (brackets instead of styles without colour)."""
    if not row.ops:
        left = _clean(run_text(comparison.left, row.left))
        right = _clean(run_text(comparison.right, row.right))
        return ([(left, "left")] if left else []), ([(right, "right")] if right else [])
    left_segments: list[Segment] = []
    right_segments: list[Segment] = []
    for op in row.ops:
        if op.op is OpKind.EQUAL or not (op.left.strip() or op.right.strip()):
            # Equal, or only whitespace differs (a paragraph break vs a space).
            left_segments.append((_clean(op.left), None))
            right_segments.append((_clean(op.right), None))
            continue
        if op.left:
            left_segments.append(_styled(_clean(op.left), "del", colour))
        if op.right:
            right_segments.append(_styled(_clean(op.right), "ins", colour))
    return left_segments, right_segments


def _styled(text: str, style: str, colour: bool) -> Segment:
    if colour:
        return (text, style)
    opening, closing = _BRACKETS[style]
    core = text.rstrip()
    return (f"{opening}{core}{closing}{text[len(core) :]}", None)


def _describe(document: Document) -> str:
    article = document.article
    parts = [article.path, article.outlet, article.published, article.language]
    return " · ".join(_clean(p) for p in parts if p)


def render(comparison: Comparison, width: int, colour: bool) -> str:
    """The whole view: header, legend, rows side by side, then the findings."""
    rows = comparison.rows
    number_width = len(str(len(rows)))
    gutter = number_width + 3  # "12 ~ "
    column = max(MIN_COLUMN, (width - gutter - len(SEPARATOR)) // 2)

    def style(text: str, name: str) -> str:
        return f"{_STYLES[name]}{text}{_RESET}" if colour else text

    legend = "= same  ~ changed  ↕ moved  < left only  > right only"
    if not colour:
        legend += "   [-deleted-] {+inserted+}"
    lines = [
        style(f"similarity {comparison.similarity:.2f}", "bold"),
        f"{style('LEFT ', 'bold')} {_shorten(_describe(comparison.left), width - 6)}",
        f"{style('RIGHT', 'bold')} {_shorten(_describe(comparison.right), width - 6)}",
        _shorten(legend, width),
        "─" * min(width, gutter + 2 * column + len(SEPARATOR)),
    ]
    for number, row in enumerate(rows, start=1):
        left, right = row_segments(comparison, row, colour)
        if row.kind is RowKind.MOVED and row.moved_from is not None:
            where = f"row {row.moved_from + 1}" if row.moved_from < len(rows) else "the end"
            right.append(
                (f"  (moved: on the right this stands before {where})", "move" if colour else None)
            )
        left_lines = wrap(left, column)
        right_lines = wrap(right, column)
        mark = MARKS[row.kind]
        if colour and row.kind is RowKind.MOVED:
            mark = style(mark, "move")
        for k in range(max(len(left_lines), len(right_lines))):
            head = f"{number:>{number_width}} {mark} " if k == 0 else " " * gutter
            left_text = render_line(left_lines[k] if k < len(left_lines) else [], column, colour)
            right_text = render_line(right_lines[k] if k < len(right_lines) else [], column, colour)
            lines.append(f"{head}{left_text}{SEPARATOR}{right_text}".rstrip())
    lines.append("")
    lines.extend(render_findings(comparison, colour, width))
    return "\n".join(lines)


_ONE_SIDED: Final = frozenset(
    {
        FindingKind.ENTITY_ONLY_LEFT,
        FindingKind.ENTITY_ONLY_RIGHT,
        FindingKind.NUMBER_ONLY_LEFT,
        FindingKind.NUMBER_ONLY_RIGHT,
    }
)


def render_findings(comparison: Comparison, colour: bool, width: int = 100) -> list[str]:
    """The findings under the rows: facts that disagree first, then facts only one
    report has, each as ``row N  kind  message`` with the message wrapped under itself."""
    findings = comparison.findings
    if not findings:
        return ["Findings: none."]
    disagree = [f for f in findings if f.kind not in _ONE_SIDED]
    one_sided = [f for f in findings if f.kind in _ONE_SIDED]
    bold = (lambda t: f"{_STYLES['bold']}{t}{_RESET}") if colour else (lambda t: t)
    summary = f"{len(disagree)} where the reports disagree, {len(one_sided)} in one report only"
    lines = [bold(f"Findings ({len(findings)}):")]
    if cell_width(summary) + 16 <= width:
        lines[0] += f" {summary}"
    rows_width = len(str(len(comparison.rows)))
    kind_width = max(len(f.kind.value) for f in findings)
    for title, group in (("Disagreements", disagree), ("In one report only", one_sided)):
        if not group:
            continue
        lines.append(bold(title))
        for finding in group:
            row = (
                f"row {finding.row + 1:<{rows_width}}"
                if finding.row is not None
                else " " * (rows_width + 4)
            )
            head = f"  {row}  {finding.kind.value:<{kind_width}}  "
            indent = cell_width(head)
            column = max(MIN_COLUMN, width - indent)
            wrapped = wrap([(_clean(finding.message), None)], column)
            for k, atoms in enumerate(wrapped):
                text = render_line(atoms, 0, False).rstrip()
                if k == 0:
                    label = f"  {row}  " + (
                        f"{_STYLES['move']}{finding.kind.value:<{kind_width}}{_RESET}"
                        if colour
                        else f"{finding.kind.value:<{kind_width}}"
                    )
                    lines.append(f"{label}  {text}")
                else:
                    lines.append(f"{' ' * indent}{text}")
    return lines
