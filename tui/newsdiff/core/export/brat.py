"""brat standoff (``.txt`` + ``.ann``), for brat, INCEpTION and other annotation tools.

- The ``.txt`` is the article text, character for character, so every offset in
  the ``.ann`` is an offset into it (and into the article). Only characters that
  would act on a terminal are swapped one for one: C0 controls for their Unicode
  control pictures (ESC → ␛), other controls, bidi marks and lone surrogates for
  U+FFFD.
- Each span is a text-bound annotation ``T1<TAB>PERSON 120 137<TAB>Vladimir Medinsky``;
  its canonical value, when it differs from the text, is a note
  ``#1<TAB>AnnotatorNotes T1<TAB>value: …``. A span that crosses a line break (or a
  tab) is written as brat's discontinuous form ``T1<TAB>ORG 10 15;16 24<TAB>…``, its
  fragments joined by a space, since brat's text field cannot hold a line break.
- A comparison or a story is a folder: one ``.txt``/``.ann`` pair per report, and an
  ``annotation.conf`` naming every type. Besides the spans, each report's ``.ann``
  marks its word changes (``Removed`` in the first report of a pair, ``Added`` in the
  other) and each finding on the side(s) where it sits, typed by the finding's kind
  (``date_mismatch`` …) with a note giving its number, message and the other side.
  brat has no relations across documents, so the two sides of a finding are tied by
  that number; the row alignment itself is in the JSON export.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Final

from newsdiff.core.export.common import (
    StoryExport,
    Subject,
    documents_of,
    finding_label,
    report_label,
    short_name,
)
from newsdiff.core.model import Comparison, Document, FindingKind, FindingSide, OpKind, SpanKind
from newsdiff.core.sanitize import SURROGATES, UNSAFE_CHARACTERS, visible_line

_BREAKS: Final = re.compile(r"[\n\t\r]+")


def safe_text(text: str) -> str:
    """The ``.txt``: ``text`` with terminal-active characters swapped one for one."""

    def swap(match: re.Match[str]) -> str:
        code = ord(match.group(0))
        if code < 0x20:
            return chr(0x2400 + code)
        return "␡" if code == 0x7F else "\ufffd"

    return UNSAFE_CHARACTERS.sub(swap, SURROGATES.sub("\ufffd", text))


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut at line breaks and tabs, each fragment trimmed of them."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _BREAKS.finditer(text, start, end):
        if match.start() > cursor:
            pieces.append((cursor, match.start()))
        cursor = match.end()
    if cursor < end:
        pieces.append((cursor, end))
    return pieces


class Annotations:
    """The ``.ann`` of one document, numbered as it grows."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: list[str] = []
        self._t = 0
        self._notes = 0

    def entity(self, kind: str, start: int, end: int, note: str = "") -> str | None:
        """Add a text-bound annotation (trimmed of surrounding whitespace); its id."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        parts = fragments(self.text, start, end)
        if not parts:
            return None
        self._t += 1
        ident = f"T{self._t}"
        offsets = ";".join(f"{lo} {hi}" for lo, hi in parts)
        surface = " ".join(self.text[lo:hi] for lo, hi in parts)
        self.lines.append(f"{ident}\t{kind} {offsets}\t{surface}")
        if note:
            self._notes += 1
            self.lines.append(f"#{self._notes}\tAnnotatorNotes {ident}\t{visible_line(note)}")
        return ident

    def render(self) -> str:
        return "".join(line + "\n" for line in self.lines)


def _span_annotations(document: Document, text: str) -> Annotations:
    annotations = Annotations(text)
    for span in sorted(document.spans, key=lambda s: (s.start, s.end)):
        note = f"value: {span.value}" if span.value and span.value != span.text else ""
        annotations.entity(span.kind.value, span.start, span.end, note)
    return annotations


def render_article(document: Document) -> tuple[str, str]:
    """The ``.txt`` and ``.ann`` of one article."""
    text = safe_text(document.text)
    return text, _span_annotations(document, text).render()


def _describe(side: FindingSide | None, report: str) -> str:
    if side is None:
        return f"{report}: nothing"
    return f'{report}: "{side.text}" (sentence {side.sentence})'


def _file_names(documents: Sequence[Document]) -> list[str]:
    """A short, unique file stem per report: ``001``, ``004`` (``001-2`` on a clash)."""
    names: list[str] = []
    for document in documents:
        name = short_name(document.article)
        candidate, count = name, 1
        while candidate in names or candidate == "annotation":
            count += 1
            candidate = f"{name}-{count}"
        names.append(candidate)
    return names


def _pairs(subject: Subject) -> Iterator[tuple[str, Comparison, int, int]]:
    """Each pairwise comparison: the prefix its findings are numbered by, and the
    positions of its two reports among the exported documents."""
    if isinstance(subject, StoryExport):
        for number, pair in enumerate(subject.pairs, start=1):
            yield f"pair {number} ", pair.comparison, pair.left, pair.right
    elif isinstance(subject, Comparison):
        yield "", subject, 0, 1
    else:
        others = [i for i, c in enumerate(subject.comparisons) if c is not None]  # type: ignore[union-attr]
        for number, index in enumerate(others, start=1):
            comparison = subject.comparisons[index]  # type: ignore[union-attr]
            assert comparison is not None
            yield f"pair {number} ", comparison, subject.pivot, index  # type: ignore[union-attr]


def annotation_conf() -> str:
    kinds = [kind.value for kind in SpanKind]
    findings = [kind.value for kind in FindingKind]
    return (
        "# Types used by newsdiff's brat export (see README, Export).\n"
        "[entities]\n" + "\n".join([*kinds, "Removed", "Added", *findings]) + "\n"
        "[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        "[events]\n[attributes]\n"
    )


def render_folder(subject: Subject) -> dict[str, str]:
    """A comparison or story as files: ``name.txt``/``name.ann`` per report, and the conf."""
    documents = documents_of(subject)
    names = _file_names(documents)
    texts = [safe_text(d.text) for d in documents]
    annotations = [_span_annotations(d, t) for d, t in zip(documents, texts, strict=True)]
    for prefix, comparison, left, right in _pairs(subject):
        # With one pair the type says it all; with several, which pair a change is from.
        which = f"{prefix.strip()}: " if prefix else ""
        removed = f"{which}not in {report_label(documents[right].article)}" if prefix else ""
        added = f"{which}not in {report_label(documents[left].article)}" if prefix else ""
        for row in comparison.rows:
            for op in row.ops:
                if op.op in (OpKind.DELETE, OpKind.REPLACE):
                    annotations[left].entity("Removed", op.left_start, op.left_end, removed)
                if op.op in (OpKind.INSERT, OpKind.REPLACE):
                    annotations[right].entity("Added", op.right_start, op.right_end, added)
        for number, finding in enumerate(comparison.findings, start=1):
            label = f"{prefix}finding {number}: {finding_label(finding.kind)}: {finding.message}"
            left_name = report_label(documents[left].article)
            right_name = report_label(documents[right].article)
            for side, here, other, other_name in (
                (finding.left, left, finding.right, right_name),
                (finding.right, right, finding.left, left_name),
            ):
                if side is not None:
                    note = f"{label} | other side, {_describe(other, other_name)}"
                    annotations[here].entity(finding.kind.value, side.start, side.end, note)
    files = {"annotation.conf": annotation_conf()}
    for name, text, annotation in zip(names, texts, annotations, strict=True):
        files[f"{name}.txt"] = text
        files[f"{name}.ann"] = annotation.render()
    return files


def render(subject: Subject) -> dict[str, str]:
    """File name (or, for one article, suffix ``.txt``/``.ann``) → content."""
    if isinstance(subject, Document):
        text, annotations = render_article(subject)
        return {".txt": text, ".ann": annotations}
    return render_folder(subject)
