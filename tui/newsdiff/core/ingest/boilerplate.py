"""Find the parts of an article that are not the report: teasers, credits, notices.

Boilerplate is marked, never deleted: the reader shows it dimmed and later stages
skip it, but the text and its offsets stay exactly as loaded. The label and phrase
lists are data (``lexicons/boilerplate_*.txt``, ``lexicons/closing_marks.txt``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Final

from newsdiff.core.ingest.metadata import ENGLISH_BYLINE, MAX_BYLINE_WORDS
from newsdiff.core.lexicons import load_lines, load_table
from newsdiff.core.model import BoilerplateReason, Region

MAX_LABEL_LINE: Final = 300
"""A credit or teaser line longer than this is prose that happens to start with a label."""

MAX_NOTICE_LINE: Final = 400
"""Notices (copyright, crawling bans) are short; a long line mentioning one is prose."""

LEAD_LINES: Final = 5
"""How many opening lines a repeated caption is compared against."""

LEAD_LINE_REACH: Final = 10_000
"""How many characters of each lead line a repeated caption is looked for in."""

MIN_REPEAT_WORDS: Final = 6
"""A repeated line must be at least this long to count as a repeated lead, so short
stock phrases do not get marked."""

_LINE: Final = re.compile(r"[^\n]+")
_WORD: Final = re.compile(r"\w+")


@cache
def _label_pattern() -> re.Pattern[str]:
    labels = sorted(load_table("boilerplate_labels"), key=len, reverse=True)
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"^\(?\s*({alternatives})\s*(?::|\|)", re.IGNORECASE)


@cache
def _by_credit_pattern() -> re.Pattern[str]:
    labels = [label for label in load_table("boilerplate_labels") if label.endswith(" by")]
    alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    return re.compile(rf"^\(?\s*({alternatives})\s+\S", re.IGNORECASE)


@cache
def _closing_marks() -> tuple[str, ...]:
    return tuple(sorted(load_lines("closing_marks"), key=len, reverse=True))


@cache
def _closing_mark_set() -> frozenset[str]:
    return frozenset(_closing_marks())


@cache
def _label_first_words() -> tuple[tuple[str, ...], int]:
    """The first word of every label (lower case), and the longest of them."""
    words = tuple(sorted({label.split()[0] for label in load_table("boilerplate_labels")}))
    return words, max(map(len, words), default=0)


def _may_open_with_label(line: str) -> bool:
    """False when ``line`` cannot open with a label: after an optional bracket and
    spaces it does not start with any label's first word. One slice, one lower case
    and one ``startswith`` instead of thirty case-insensitive alternatives; a line
    opening outside ASCII (where case-insensitive matching has special cases) is
    left to the patterns."""
    rest = line[1:].lstrip() if line.startswith("(") else line
    words, longest = _label_first_words()
    head = rest[:longest]
    return not head.isascii() or head.lower().startswith(words)


@cache
def _label_line_start() -> re.Pattern[str]:
    """A line start where a label, a credit or ``By `` may open the line: the newline
    before it, the spaces, an optional bracket and a label's first word.

    Every line :func:`_label_reason` gives a reason opens like this (the same words,
    matched with the same case folding), so looking for these in the whole text at
    once leaves the per-line test for the few lines found, instead of a slice, a
    lower case and a ``startswith`` on every line. The pattern opens with the newline
    so the regex engine jumps from line to line; the first line is always tested.
    """
    words = "|".join(re.escape(word) for word in _label_first_words()[0])
    return re.compile(rf"\n[^\S\n]*(?:\([^\S\n]*)?(?:{words}|(?-i:By ))", re.IGNORECASE)


def _label_line_starts(text: str) -> set[int]:
    """Offsets of the lines (as split on newlines) that may open with a label; the
    first line (offset 0) is always among them."""
    return {0, *(match.start() + 1 for match in _label_line_start().finditer(text))}


def _label_reason(line: str) -> BoilerplateReason | None:
    """The reason a line that opens with a label or a credit is boilerplate, or None."""
    if _may_open_with_label(line):
        match = _label_pattern().match(line)
        if match:
            return BoilerplateReason(load_table("boilerplate_labels")[_fold(match.group(1))])
        if _by_credit_pattern().match(line):
            return BoilerplateReason.CREDIT
    if (
        line.startswith("By ")
        and len(line.split()) <= MAX_BYLINE_WORDS
        and ENGLISH_BYLINE.fullmatch(line)
    ):
        return BoilerplateReason.CREDIT
    return None


@cache
def _notice_phrases() -> tuple[tuple[str, BoilerplateReason], ...]:
    """``©`` and the phrases, in the order that decides a line's reason."""
    table = load_table("boilerplate_phrases")
    return (
        ("©", BoilerplateReason.COPYRIGHT),
        *((phrase, BoilerplateReason(reason)) for phrase, reason in table.items()),
    )


@cache
def _notice_phrases_utf8() -> tuple[tuple[bytes, BoilerplateReason], ...]:
    return tuple((phrase.encode(), reason) for phrase, reason in _notice_phrases())


_LOWERS_TO_ASCII: Final = ("İ".encode(), "\u212a".encode())
"""The only characters outside ASCII whose lower case holds an ASCII letter (İ → i̇,
the Kelvin sign → k)."""


def _notice_lines(text: str) -> dict[int, BoilerplateReason]:
    """Line numbers holding a notice phrase or ``©``, found by scanning the whole text
    once per phrase (a per-line, per-phrase test costs more on long articles).

    The phrases are ASCII (and ``©``, a byte sequence no other character's UTF-8
    contains), so they are looked for in the UTF-8 bytes with their ASCII letters
    lowered: lowering a text with curly quotes looks every character up in the
    Unicode tables (counted with valgrind: encoding and lowering the bytes take a
    third of the instructions). Only a text holding one of the two characters whose
    lower case is partly ASCII is lowered as text, so both ways find the same lines.
    """
    data = text.encode("utf-8", "surrogatepass")
    if _LOWERS_TO_ASCII[0] in data or _LOWERS_TO_ASCII[1] in data:
        return _lines_holding(text.lower(), "\n", _notice_phrases())
    return _lines_holding(data.lower(), b"\n", _notice_phrases_utf8())


def _lines_holding(
    folded: str | bytes,
    newline: str | bytes,
    phrases: Sequence[tuple[str | bytes, BoilerplateReason]],
) -> dict[int, BoilerplateReason]:
    """Line number → the reason of the first phrase (in order) each line holds, in the
    lowered text or its lowered UTF-8 bytes (lowering never adds or removes a newline)."""
    found: dict[int, BoilerplateReason] = {}
    for phrase, reason in phrases:
        position = folded.find(phrase)  # type: ignore[arg-type]
        while position != -1:
            found.setdefault(folded.count(newline, 0, position), reason)  # type: ignore[arg-type]
            line_end = folded.find(newline, position)  # type: ignore[arg-type]
            position = -1 if line_end == -1 else folded.find(phrase, line_end)  # type: ignore[arg-type]
    return found


def _fold(label: str) -> str:
    return " ".join(label.split()).casefold()


def _trailing_mark(line: str) -> str | None:
    """A closing mark that ends a line of prose (``… pertempuran. Selesai``)."""
    if not line.endswith(_closing_marks()):
        return None
    for mark in _closing_marks():
        if line.endswith(mark) and len(line) > len(mark):
            before = line[: -len(mark)]
            if before.endswith((" ", "\t")) and before.rstrip()[-1:] in {".", "!", "?", '"', "”"}:
                return mark
    return None


_OPENING_WORDS: Final = re.compile(r"\W*(\w+)\W+(\w+)\W+(\w+)\W+(\w+)\W+(\w+)\W+(\w+)")
_FIRST_WORD: Final = re.compile(r"\W*(\w+)")
_LINE_FIRST_WORD: Final = re.compile(r"\n[^\w\n]*(\w*)")
"""The first word of each line after the first (empty when the line holds none)."""
_SENTENCE_END: Final = re.compile(r"[.!?…][\"'”’)]*\s+")
_DASH: Final = re.compile(r"[-–—](?<=\s[-–—])[-–—]*\s+")
r"""Where the sentences of a lead line start (besides the line's start): after a
sentence end and after a dateline dash. The six words from each such place are the
line's openings — what ``(?:^|[.!?…][\"'”’)]*\s+|\s[-–—]+\s+)(?=\W*(\w+)\W+…)`` would
find. Here the places come from patterns that open with the punctuation they look
for (the regex engine jumps between candidates, where ``^|…|\s`` makes it try every
position), and the six words are matched from each place (two or three per line)."""


class _Lead:
    """The opening lines, kept to recognise a later line that repeats part of them.

    A repeat (seed 000 prints its lead sentence again as a photo caption) starts where
    a lead sentence starts, so only the six words opening each lead sentence are
    indexed; a line whose own first six words are not among them is no repeat, and the
    word lists of the full test are built only when one is (almost never: building
    them for every lead line cost as much as the rest of the lead's indexing).
    """

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.openings: set[str] = set()
        self.first_words: set[str] = set()
        """The first word of every opening: a line starting with another repeats none."""

    @property
    def full(self) -> bool:
        return len(self.lines) >= LEAD_LINES

    def add(self, line: str) -> None:
        """Index the openings of one more lead line.

        A place (the line's start, or the end of the spaces after a sentence end or a
        dash) never falls inside a word, so the six words matched from it are the six
        words of the line's word list that start there.
        """
        self.lines.append(line)
        # A caption repeats a sentence or two; indexing a whole 10 MB line's words
        # (a match object each) cost 40 times the file in memory.
        folded = line[:LEAD_LINE_REACH].lower()
        places = [0, *(m.end() for m in _SENTENCE_END.finditer(folded))]
        places += [m.end() for m in _DASH.finditer(folded)]
        for place in places:
            opening = _OPENING_WORDS.match(folded, place)
            if opening is not None:
                words = opening.groups()
                self.openings.add(" ".join(words))
                self.first_words.add(words[0])

    def may_repeat(self, first_word: str) -> bool:
        """False when a line whose first word is ``first_word`` cannot be a repeat."""
        return bool(first_word) and (
            not first_word.isascii() or first_word.lower() in self.first_words
        )

    def repeats(self, line: str) -> bool:
        """True when ``line``'s words (6 or more) occur in order within one lead line."""
        first = _FIRST_WORD.match(line)
        if first is None or not self.may_repeat(first.group(1)):
            return False  # most lines: settled without lowering the line (ASCII lowers alone)
        opening = _OPENING_WORDS.match(line.lower())
        if opening is None or " ".join(opening.groups()) not in self.openings:
            return False
        words = _words_of(line)
        if words.count(" ") + 1 < MIN_REPEAT_WORDS:
            return False
        return any(f" {words} " in f" {_words_of(lead[:LEAD_LINE_REACH])} " for lead in self.lines)


def _words_of(line: str) -> str:
    return " ".join(_WORD.findall(line.lower()))


def find_boilerplate(text: str) -> tuple[Region, ...]:
    """Boilerplate regions of ``text`` in order.

    A caption that repeats the lead is found by containment of its words in one of
    the opening lines, so a dateline in front of the lead does not hide it.
    """
    regions: list[Region] = []
    lead = _Lead()
    notices = _notice_lines(text)
    marks = _closing_mark_set()
    mark_endings = _closing_marks()
    reading_lead = True  # until the lead holds LEAD_LINES lines
    label_lines = _label_line_starts(text)
    offset = 0
    first_words = ["", *_LINE_FIRST_WORD.findall(text)]  # from the second line on
    for number, raw in enumerate(text.split("\n")):
        line_start, offset = offset, offset + len(raw) + 1
        stripped = raw.strip()
        if not stripped:
            continue
        reason = (
            _label_reason(stripped)
            if line_start in label_lines and len(stripped) <= MAX_LABEL_LINE
            else None
        )
        if reason is None and number in notices and len(stripped) <= MAX_NOTICE_LINE:
            reason = notices[number]
        if reason is None and stripped in marks:
            reason = BoilerplateReason.CLOSING
        if (
            reason is None
            and lead.lines
            and lead.may_repeat(first_words[number])
            and lead.repeats(stripped)
        ):
            reason = BoilerplateReason.REPEATED
        if reason is not None:
            start = line_start + len(raw) - len(raw.lstrip())
            regions.append(Region(start, start + len(stripped), reason))
            continue
        if reading_lead:
            lead.add(stripped)
            reading_lead = not lead.full
        # Offsets are worked out only for a line that gets a region (few do).
        if stripped.endswith(mark_endings):
            mark = _trailing_mark(stripped)
            if mark is not None:
                end = line_start + len(raw) - len(raw.lstrip()) + len(stripped)
                regions.append(Region(end - len(mark), end, BoilerplateReason.CLOSING))
    return tuple(regions)
