"""From a reader's :class:`RawRecord` to an :class:`Article`: boilerplate, metadata,
title and language read from the text itself.

What a container states outright (an HTML ``<title>``, a feed item's date, a JSON
``source``) wins; the text fills in the rest. The first content line is a headline
when it reads like one (short, capitalised, unpunctuated, more text below); the
dateline and the lead are then looked for on the line after it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Final

from newsdiff.core.ingest.boilerplate import find_boilerplate
from newsdiff.core.ingest.dates import normalise_date
from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.ingest.language import SAMPLE_CHARS, detect_language
from newsdiff.core.ingest.metadata import date_in, derive_title, read_metadata
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import Article, Region
from newsdiff.core.sanitize import SURROGATES
from newsdiff.core.segment import split_sentences

MAX_TITLE_LINE_WORDS: Final = 16
"""A first line longer than this is the lead itself, not a headline above it."""

MAX_DATE_LINE_WORDS: Final = 6

_SHORT_LINE_CHARS: Final = 1000
"""Longer than any headline or date line: such a line is not split into words to count
them (a 10 MB line made a list of 1.5 million words just to say no)."""

_LINE: Final = re.compile(r"[^\n]+")
_HEADLINE_ENDINGS: Final = frozenset(".!?,;:\"”'’)")


def build_article(record: RawRecord, path: str, content_hash: str = "") -> Article:
    """An :class:`Article` from a reader's record plus what the text says of itself."""
    record = without_surrogates(record)
    text = record.text
    if not text.strip():
        raise IngestError("no article text")
    regions = find_boilerplate(text)
    first_line = first_content_offset(text, regions)
    heading = heading_line(text, first_line)
    above_lead = heading is not None or _is_date_line(text, first_line)
    lead = _next_line(text, first_line, regions) if above_lead else first_line
    meta = read_metadata(text, lead, top=first_line)
    title, derived = record.title, False
    if not title:
        title = heading
    if not title:
        title, derived = _title_from_lead(text, lead, meta.dateline), True
    return Article(
        path=path,
        text=text,
        title=" ".join(title.split()),
        title_derived=derived,
        outlet=record.outlet or meta.outlet,
        place=meta.place,
        byline=record.author or meta.byline,
        editor=meta.editor,
        published=normalise_date(record.published) or meta.published,
        language=detect_language(content_text(text, regions, SAMPLE_CHARS), record.language),
        url=record.url,
        source_format=record.source_format,
        encoding=record.encoding,
        content_hash=content_hash,
        agency=meta.agency,
        dateline=meta.dateline,
        boilerplate=regions,
        original=record.original,
    )


def without_surrogates(record: RawRecord) -> RawRecord:
    """The record with lone surrogates shown as U+FFFD, one character for one.

    Decoded bytes never hold them, but JSON may spell them (``"\\ud800"``) and a feed
    may too: such a string cannot be encoded, so hashing it, tagging it or writing it
    out would fail far from here. Replacing them keeps every offset where it was.
    """
    changes = {
        name: SURROGATES.sub("\ufffd", value)
        for name in _STRING_FIELDS
        if isinstance(value := getattr(record, name), str) and _has_surrogates(value)
    }
    return replace(record, **changes) if changes else record


def _has_surrogates(value: str) -> bool:
    """True when ``value`` holds a lone surrogate.

    Encoding to UTF-8 fails on exactly those, and runs in C at three times the speed
    of searching for them (8 us for a 4 KB article, on every load); ASCII holds none.
    """
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


_STRING_FIELDS: Final = (
    "text",
    "title",
    "author",
    "published",
    "url",
    "outlet",
    "original",
    "language",
)


def content_text(text: str, regions: tuple[Region, ...], enough: int | None = None) -> str:
    """The text with boilerplate regions left out (for language detection).

    With ``enough``, the result may stop once it holds that many characters: language
    detection reads only the opening, and joining the rest would copy it for nothing.
    """
    if not regions:
        return text
    parts, cursor, size = [], 0, 0
    for region in regions:
        parts.append(text[cursor : region.start])
        size += len(parts[-1]) + 1
        cursor = region.end
        if enough is not None and size > enough:  # the parts joined hold `enough` already
            return " ".join(parts)
    parts.append(text[cursor:])
    return " ".join(parts)


def first_content_offset(text: str, regions: tuple[Region, ...], after: int = 0) -> int:
    """Offset of the first non-blank line at or after ``after`` that is not boilerplate."""
    starts = {region.start for region in regions}
    for match in _LINE.finditer(text, after):
        line = match.group(0)
        start = match.start() + len(line) - len(line.lstrip())
        if line.strip() and start not in starts:
            return start
    return after


def _next_line(text: str, line_start: int, regions: tuple[Region, ...]) -> int:
    """The first content line after the one starting at ``line_start``."""
    end = text.find("\n", line_start)
    return line_start if end == -1 else first_content_offset(text, regions, end + 1)


def heading_line(text: str, first_line: int) -> str | None:
    """The first line when it reads as a headline: short, unpunctuated, more text below."""
    line_end = text.find("\n", first_line)
    if line_end == -1 or not text[line_end:].strip():
        return None
    if line_end - first_line > _SHORT_LINE_CHARS:
        return None  # far too long for a headline; not split into words to find out
    line = text[first_line:line_end].strip()
    if not line or line[-1] in _HEADLINE_ENDINGS or len(line.split()) > MAX_TITLE_LINE_WORDS:
        return None
    if _is_date_line(text, first_line):
        return None
    return line if line[0].isupper() else None


def _is_date_line(text: str, line_start: int) -> bool:
    """A short line stating a date above the lead (``Jakarta, 16 Mei 2025``)."""
    line_end = text.find("\n", line_start)
    if line_end == -1 or line_end - line_start > _SHORT_LINE_CHARS:
        return False
    line = text[line_start:line_end]
    return len(line.split()) <= MAX_DATE_LINE_WORDS and date_in(line) is not None


def _title_from_lead(text: str, lead: int, dateline: tuple[int, int] | None) -> str:
    """A title from the lead's first sentence, the dateline left out."""
    line_end = text.find("\n", lead)
    line_end = len(text) if line_end == -1 else line_end
    lead_start = dateline[1] if dateline and dateline[0] >= lead else lead
    sentences = split_sentences(text[lead_start:line_end], limit=1)
    if not sentences:
        return text[lead:line_end].strip() or "(untitled)"
    first = sentences[0]
    return derive_title(text[lead_start + first.start : lead_start + first.end])
