"""Find the parts of an article that are not the report: teasers, credits, notices.

Boilerplate is marked, never deleted: the reader shows it dimmed and later stages
skip it, but the text and its offsets stay exactly as loaded. The label and phrase
lists are data (``lexicons/boilerplate_*.txt``, ``lexicons/closing_marks.txt``).
"""

from __future__ import annotations

import re
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


def _reason_for_line(line: str) -> BoilerplateReason | None:
    """The reason a whole line is boilerplate, or None."""
    if len(line) <= MAX_LABEL_LINE:
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
    if len(line) <= MAX_NOTICE_LINE:
        folded = line.casefold()
        if "©" in line:
            return BoilerplateReason.COPYRIGHT
        for phrase, reason in load_table("boilerplate_phrases").items():
            if phrase in folded:
                return BoilerplateReason(reason)
    if line in _closing_marks():
        return BoilerplateReason.CLOSING
    return None


def _fold(label: str) -> str:
    return " ".join(label.split()).casefold()


def _trailing_mark(line: str) -> str | None:
    """A closing mark that ends a line of prose (``… pertempuran. Selesai``)."""
    for mark in _closing_marks():
        if line.endswith(mark) and len(line) > len(mark):
            before = line[: -len(mark)]
            if before.endswith((" ", "\t")) and before.rstrip()[-1:] in {".", "!", "?", '"', "”"}:
                return mark
    return None


def find_boilerplate(text: str) -> tuple[Region, ...]:
    """Boilerplate regions of ``text`` in order.

    A caption that repeats the lead is found by containment of its words in one of
    the opening lines, so a dateline in front of the lead does not hide it.
    """
    regions: list[Region] = []
    lead: list[str] = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        raw = match.group(0)
        stripped = raw.strip()
        if not stripped:
            continue
        start += len(raw) - len(raw.lstrip())
        end = start + len(stripped)
        reason = _reason_for_line(stripped)
        if reason is not None:
            regions.append(Region(start, end, reason))
            continue
        words = " ".join(_WORD.findall(text[start:end].casefold()))
        if words.count(" ") + 1 >= MIN_REPEAT_WORDS and any(words in e for e in lead):
            regions.append(Region(start, end, BoilerplateReason.REPEATED))
            continue
        if len(lead) < LEAD_LINES:
            lead.append(words)
        mark = _trailing_mark(stripped)
        if mark is not None:
            regions.append(Region(end - len(mark), end, BoilerplateReason.CLOSING))
    return tuple(regions)
