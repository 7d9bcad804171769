"""``certainty_change``: done on one side, promised or possible on the other.

Three levels (``lexicons/certainty_markers.txt``):

- **done**: ``telah``/``sudah``/``sempat`` + verb, English ``has``/``have``/``had``/
  ``was``/``were`` + past participle (``have evacuated``, ``was suspended``), and —
  only when the other side has a marker on the same verb — a plain past tense
  (``raised`` against ``may raise``);
- **promised**: ``akan``, ``siap``, ``berjanji untuk``, ``dijadwalkan``, ``will``,
  ``would``, ``plans to``…;
- **possible**: ``mungkin``, ``bisa``, ``may``, ``might``, ``could``.

A marker counts only where the word diff changed the text (an unchanged ``telah`` says
the same on both sides) and only when it is not negated (``tidak akan``, ``belum
bisa``, ``will not``: a negated promise is another claim, not another certainty).
Markers are paired within an aligned row when they govern the same verb (``has
allowed`` / ``may allow``; ``memulangkan`` / ``dipulangkan``) or sit in the same
changed stretch of the word diff (``telah memulangkan`` / ``berjanji untuk
mengembalikan``); a pair with different levels is a finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.compare.findings.context import Places, SideView, changed_op_at
from newsdiff.core.compare.findings.facts import AMOUNT_KINDS
from newsdiff.core.compare.findings.messages import quoted
from newsdiff.core.compare.findings.words import (
    PUNCTUATION_BREAKS,
    PhraseTable,
    Token,
    places_between,
    tokenize,
    verb_stem,
)
from newsdiff.core.lexicons import load_set, load_table
from newsdiff.core.model import Finding, FindingKind, Row, RowKind

_FILLERS: Final = frozenset(
    {
        "untuk",
        "akan",
        "juga",
        "segera",
        "pun",
        "masih",
        "kembali",
        "to",
        "be",
        "been",
        "being",
        "have",
        "has",
        "also",
        "already",
        "now",
        "still",
        "since",
        "just",
        "soon",
        "then",
        "again",
        "yet",
    }
)
_AUXILIARIES: Final = frozenset(
    {
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "will",
        "would",
        "may",
        "might",
        "could",
        "shall",
        "did",
        "does",
        "do",
        "be",
        "been",
    }
)
ANCHOR_REACH: Final = 30
"""How far (in characters) after a marked verb an amount may be to name the finding."""


class _PastTense:
    """Where an English past tense (a lower-case word in ``-ed``) may stand."""

    pattern: Final = re.compile(r"(?<![\w])[a-z]{3,}ed(?![\w])")

    def places(self, text: str) -> list[int]:
        return [m.start() for m in self.pattern.finditer(text)]

    def places_in(self, text: str, start: int, end: int) -> list[int]:
        return places_between(self.pattern, text, start, end)


_PAST: Final = _PastTense()


@dataclass(frozen=True, slots=True)
class Mark:
    """A marker and the verb it governs, on one side of a row."""

    level: str
    strong: bool
    """False for a bare English past tense: a level only against a marker on its verb."""
    start: int
    end: int
    stem: str
    op: int | None
    sentence: int


@cache
def _lexicon() -> tuple[PhraseTable, frozenset[str], frozenset[str]]:
    markers = PhraseTable(load_table("certainty_markers"))
    return markers, load_set("negations"), load_set("participles_en")


def certainty_markers() -> PhraseTable:
    """The certainty markers (``telah``, ``akan``, ``may``…)."""
    return _lexicon()[0]


def _participle(token: Token, irregular: frozenset[str]) -> bool:
    word = token.folded
    return word in irregular or (len(word) > 4 and word.endswith(("ed", "en", "wn")))


def _negated(tokens: list[Token], i: int, negations: frozenset[str]) -> bool:
    before = [t.folded for t in tokens[max(0, i - 2) : i] if t.is_word]
    return bool(before) and (before[-1] in negations or before[0] in negations)


def _marks_in(view: SideView, row: Row, index: int) -> list[Mark]:
    markers, negations, irregular = _lexicon()
    document = view.document
    sentence = document.sentences[index]
    tokens = tokenize(document.sentence_text(index), sentence.start)
    marks: list[Mark] = []
    i = 0
    while i < len(tokens):
        length = markers.match(tokens, i)
        token = tokens[i]
        if not length:
            word = token.folded
            previous = tokens[i - 1].folded if i else ""
            if (
                token.text.islower()
                and len(word) > 4
                and word.endswith("ed")
                and previous not in _AUXILIARIES
                and previous not in negations
            ):
                op = changed_op_at(row, view.name, token.start)
                marks.append(
                    Mark("done", False, token.start, token.end, verb_stem(word), op, index)
                )
            i += 1
            continue
        level = markers.value(tokens, i, length)
        j = i + length
        while j < len(tokens) and tokens[j].folded in _FILLERS:
            j += 1
        verb = tokens[j] if j < len(tokens) and tokens[j].is_word else None
        skip = _negated(tokens, i, negations) or (verb is not None and verb.folded in negations)
        skip = skip or (
            token.folded == "mungkin" and i > 0 and tokens[i - 1].folded.startswith("se")
        )
        if level == "aux":
            skip = skip or verb is None or not _participle(verb, irregular)
            level = "done"
        if not skip:
            end = verb.end if verb is not None else tokens[j - 1].end
            stem = verb_stem(verb.text) if verb is not None else ""
            op = changed_op_at(row, view.name, token.start)
            marks.append(Mark(level, True, token.start, end, stem, op, index))
        i = j + 1 if verb is not None else j
    return marks


def _marks(view: SideView, row: Row) -> list[Mark]:
    """Marks in the row's changed text on this side, in reading order."""
    return [
        m
        for index in getattr(row, view.name)
        for m in _marks_in(view, row, index)
        if m.op is not None
    ]


def _rows_with_changed(view: SideView, rows: Sequence[Row], table: Places) -> set[int]:
    """Rows where a word of ``table`` stands in changed text on this side, found in one
    pass over the report."""
    found: set[int] = set()
    for index, places in view.places_of(table).items():
        number = view.row_of.get(index)
        if number is None or number in found:
            continue
        if any(changed_op_at(rows[number], view.name, place) is not None for place in places):
            found.add(number)
    return found


def _rows_with_past(view: SideView, rows: Sequence[Row], numbers: set[int]) -> set[int]:
    """Those of rows ``numbers`` where a past tense stands in changed text on this side
    (``_rows_with_changed`` for :data:`_PAST`, reading only these rows' sentences)."""
    found: set[int] = set()
    text = view.text
    for number in numbers:
        for index in getattr(rows[number], view.name):
            places = _PAST.places_in(text, *view.region(index))
            if any(changed_op_at(rows[number], view.name, place) is not None for place in places):
                found.add(number)
                break
    return found


def _anchor(view: SideView, mark: Mark) -> str:
    """The amount right after the marked verb, in the same clause: what is claimed
    (``telah memulangkan 7.000 jenazah``)."""
    for span in view.spans_of.get(mark.sentence, ()):
        between = view.text[mark.end : span.start]
        if (
            span.kind in AMOUNT_KINDS
            and span.start >= mark.end
            and len(between) <= ANCHOR_REACH
            and not any(ch in PUNCTUATION_BREAKS for ch in between)
        ):
            return " ".join(span.text.split())
    return ""


def _pairs(left: list[Mark], right: list[Mark]) -> list[tuple[Mark, Mark]]:
    """Markers about the same verb, or in the same changed stretch, one partner each."""
    candidates = []
    for a_number, a in enumerate(left):
        for b_number, b in enumerate(right):
            if not (a.strong or b.strong):
                continue
            if a.stem and a.stem == b.stem:
                priority = 0
            elif a.strong and b.strong and a.op == b.op:
                priority = 1
            else:
                continue
            candidates.append((priority, a_number + b_number, min(a_number, b_number), a, b))
    candidates.sort(key=lambda c: c[:3])
    used_left: set[int] = set()
    used_right: set[int] = set()
    pairs = []
    for *_, a, b in candidates:
        if id(a) in used_left or id(b) in used_right:
            continue
        used_left.add(id(a))
        used_right.add(id(b))
        pairs.append((a, b))
    return pairs


def certainty_findings(lv: SideView, rv: SideView, rows: Sequence[Row]) -> list[Finding]:
    """Certainty changes in aligned rows (see the module notes)."""
    findings: list[Finding] = []
    # A pair needs a marker in changed text on one side and a marker or a past tense
    # in changed text on the other; no other row is tokenised.
    markers = _lexicon()[0]
    strong = (_rows_with_changed(lv, rows, markers), _rows_with_changed(rv, rows, markers))
    # A past tense counts only against a marker on the other side: look for one only
    # in the rows that have a marker on the other side and none on this one.
    past = (
        _rows_with_past(lv, rows, strong[1] - strong[0]),
        _rows_with_past(rv, rows, strong[0] - strong[1]),
    )
    candidates = (strong[0] & (strong[1] | past[1])) | (strong[1] & (strong[0] | past[0]))
    for number in sorted(candidates):
        row = rows[number]
        if not (row.left and row.right) or row.kind is RowKind.SAME:
            continue
        left, right = _marks(lv, row), _marks(rv, row)
        if not (left and right):
            continue
        for a, b in _pairs(left, right):
            if a.level == b.level:
                continue
            subject = _anchor(lv, a) or _anchor(rv, b) or "certainty"
            message = (
                f"{subject}: {a.level} ({quoted(lv.text[a.start : a.end])}) on the left, "
                f"{b.level} ({quoted(rv.text[b.start : b.end])}) on the right"
            )
            findings.append(
                Finding(
                    FindingKind.CERTAINTY_CHANGE,
                    lv.stretch(a.start, a.end, a.level, a.sentence),
                    rv.stretch(b.start, b.end, b.level, b.sentence),
                    message,
                    number,
                )
            )
    return findings
