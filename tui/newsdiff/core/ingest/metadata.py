"""Metadata read from an article's own text: outlet, dateline, credits, date, title.

Wire copy carries its metadata in conventional places: a dateline before the lead
(``Istanbul (ANTARA) -``, ``KONTAN.CO.ID - ISTANBUL.``, ``JAKARTA, 16 Mei 2025
(ANTARA) -``, ``LONDON (Reuters) -``), credit lines at the end (``Pewarta: Xinhua``,
``Editor: M Razi Rahman``, ``Sumber: Anadolu Agency | Editor: Handoyo``) and a
copyright line (``Copyright © ANTARA 2025``). These patterns are read here; anything a
container states outright (an HTML page's author, a JSON ``date``) wins over them.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Final

from newsdiff.core.calendar import iso, month_number, valid_date, weekday_number, year_from_weekday
from newsdiff.core.lexicons import load_table

_PLACE: Final = r"[A-Z][A-Za-zÀ-ÿ.'’-]*(?:[ ][A-Z][A-Za-zÀ-ÿ.'’-]*){0,3}"
_DASH: Final = r"\s*[-–—]+\s*"

DATELINE_AGENCY: Final = re.compile(
    rf"(?P<place>{_PLACE})(?:,\s*(?P<detail>[^()\n]{{1,40}}?))?\s*"
    rf"\((?P<outlet>[A-Za-z][A-Za-z0-9 .&/-]{{0,40}})\){_DASH}"
)
"""``Istanbul (ANTARA) -``, ``JAKARTA, 16 Mei 2025 (ANTARA) -``, ``KYIV, Ukraine (AP) —``."""

DATELINE_DOMAIN: Final = re.compile(
    rf"(?P<outlet>[A-Z][A-Za-z0-9-]*(?:\.[A-Za-z]{{2,}})+)(?:{_DASH}|\s*,\s*)"
    rf"(?P<place>{_PLACE})\s*(?:[.,]|{_DASH})\s*"
)
"""``KONTAN.CO.ID - ISTANBUL.``, ``TEMPO.CO, Jakarta -``."""

DATELINE_PLACE_DOMAIN: Final = re.compile(
    rf"(?P<place>{_PLACE}),\s*(?P<outlet>[A-Za-z][A-Za-z0-9-]*(?:\.[A-Za-z]{{2,}})+){_DASH}"
)
"""``JAKARTA, KOMPAS.com -``, ``Jakarta, Beritasatu.com -``: the place first."""

DATELINE_CAPS: Final = re.compile(
    r"(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,\s*(?P<detail>[^\n]{1,40}?))?\s*[-–—]+\s+"
)
"""``LONDON —`` or ``JAKARTA, May 16 —``: a capitalised place with no agency."""

_COPYRIGHT: Final = re.compile(
    r"(?:©|\(c\))\s*(?P<holder>[A-Za-z][\w .&-]{0,40}?)?\s*"
    r"(?P<year>(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_CREDIT_PART: Final = re.compile(
    r"^\(?\s*(?P<label>reporting by|writing by|editing by|additional reporting by|pewarta|"
    r"reporter|penulis|writer|editor|redaktur|penyunting|sumber|source)"
    r"(?:\s*:\s*|\s+(?<=by\s))(?P<value>[^()\n]+?)\)?\s*$",
    re.IGNORECASE,
)
"""One credit (``Pewarta: Xinhua``, ``Editing by Jane Doe``) of a line split at ``|``/``;``."""

_CREDIT_LINE: Final = re.compile(
    r"\n([ \t(]*(?:reporting|writing|editing|additional|pewarta|reporter|penulis|writer|"
    r"editor|redaktur|penyunting|sumber|source)\b[^\n]*)",
    re.IGNORECASE,
)
"""A line that starts like a credit (group 1), after the newline before it: the only
lines the credit parser needs to read. Searched in ``"\\n" + text``: a pattern that
opens with a newline lets the regex engine jump from line to line, where ``^`` with
MULTILINE makes it try every position (three times slower)."""

_BYLINE_LABELS: Final = frozenset(
    {"pewarta", "reporter", "penulis", "writer", "reporting by", "writing by"}
)
_EDITOR_LABELS: Final = frozenset({"editor", "redaktur", "penyunting", "editing by"})
_SOURCE_LABELS: Final = frozenset({"sumber", "source"})
MAX_CREDIT_LINE: Final = 300

_NAME: Final = r"[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|van|von|de|da|bin|binti))*"
ENGLISH_BYLINE: Final = re.compile(
    rf"^[ \t]*By\s+(?P<value>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME}){{0,4}})[ \t]*$",
    re.MULTILINE,
)
"""``By Jane Doe``, ``By Jane Doe and John Roe``, ``By JANE DOE, Reuters`` on a line
of its own (a sentence starting "By the end of …" does not match)."""
MAX_BYLINE_WORDS: Final = 10
_DAY_MONTH_SLASH: Final = re.compile(
    r"\b(?P<weekday>[A-Z][a-z']+)?\s*\(\s*(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})"
    r"(?:\s*/\s*(?P<year>(?:19|20)\d\d))?\s*\)"
)
"""``Jumat (16/5)``, ``Senin (3/3/2025)``: Indonesian day/month in brackets."""
_FULL_DATE: Final = re.compile(
    r"\b(?:(?P<weekday>[A-Z][a-z']+),?\s+)?(?:tanggal\s+)?(?P<day>\d{1,2})\s+"
    r"(?P<month>[A-Z][a-z]{2,9}\.?)\s+(?P<year>(?:19|20)\d\d)\b"
)
_FULL_DATE_EN: Final = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8}\.?)\s+(?P<day>\d{1,2}),?\s+(?P<year>(?:19|20)\d\d)\b"
)

_YEAR: Final = re.compile(r"(?:19|20)(?<!\w..)\d\d\b")
"""A year, 1900–2099, standing alone: ``\\b(?:19|20)\\d\\d\\b`` with the opening boundary
checked after the century (no word character before it), so the engine jumps from
one ``1`` or ``2`` to the next instead of trying every position."""
_FULL_DATE_CORE: Final = re.compile(r"\d\s+[A-Z][a-z]{2,9}\.?\s+(?:19|20)\d\d\b")
_FULL_DATE_EN_CORE: Final = re.compile(r"[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+(?:19|20)\d\d\b")
"""What every ``_FULL_DATE`` / ``_FULL_DATE_EN`` match contains, as patterns that open
with a character class: a lead without them is settled in one quick pass, without
trying the full patterns (optional weekday, ``tanggal``) at every position."""
_SLASH_TAIL: Final = re.compile(r"\(\s*\d{1,2}\s*/\s*\d{1,2}(?:\s*/\s*(?:19|20)\d\d)?\s*\)")
"""``_DAY_MONTH_SLASH`` from its bracket on: where each of its matches may be."""
_WEEKDAY_TAIL: Final = frozenset("abcdefghijklmnopqrstuvwxyz'")

LEAD_CHARS: Final = 700
"""The stretch at the top of an article where a full date is taken as its date."""

TITLE_CHARS: Final = 90


def current_date() -> dt.date:
    """Today, the bound for a year found from a weekday (tests pin it)."""
    return dt.date.today()


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """What the text says about itself; every field may be missing."""

    outlet: str | None = None
    agency: str | None = None
    place: str | None = None
    byline: str | None = None
    editor: str | None = None
    published: str | None = None
    dateline: tuple[int, int] | None = None
    """Offsets of the dateline prefix in the text, when there is one."""


def _agency(name: str) -> str | None:
    return load_table("agencies").get(" ".join(name.split()).casefold())


def _clean_outlet(raw: str) -> str:
    """``KONTAN.CO.ID`` → ``KONTAN``; agency names to their usual spelling."""
    raw = " ".join(raw.split())
    if "." in raw and " " not in raw:
        raw = raw.split(".", 1)[0]
    return _agency(raw) or raw


def _clean_place(raw: str) -> str:
    raw = " ".join(raw.split()).strip(" .,")
    return raw.title() if raw.isupper() and len(raw) > 3 else raw


def find_dateline(text: str, start: int = 0) -> tuple[re.Match[str], str] | None:
    """The dateline at ``start`` (the first line of the report), with its pattern name."""
    for name, pattern in (
        ("agency", DATELINE_AGENCY),
        ("domain", DATELINE_DOMAIN),
        ("place-domain", DATELINE_PLACE_DOMAIN),
        ("caps", DATELINE_CAPS),
    ):
        match = pattern.match(text, start)
        if match:
            return match, name
    return None


def read_metadata(
    text: str, first_line: int = 0, today: dt.date | None = None, top: int | None = None
) -> TextMetadata:
    """Read outlet, agency, place, credits and publication date from ``text``.

    ``first_line`` is the offset of the lead (after credit lines some outlets print
    above it, and after a headline); ``top`` is where the content starts (a headline
    or date line above the lead may carry the date). ``today`` bounds the year a
    weekday may resolve to.
    """
    today = today or current_date()
    outlet = agency = place = byline = editor = None
    dateline_range: tuple[int, int] | None = None
    dateline_date: str | None = None
    found = find_dateline(text, first_line)
    if found:
        match, _ = found
        place = _clean_place(match.group("place"))
        if "outlet" in match.groupdict() and match.group("outlet"):
            outlet = _clean_outlet(match.group("outlet"))
        dateline_range = match.span()
        detail = match.groupdict().get("detail")
        if detail:
            dateline_date = _date_in(detail, None, today)

    for found in _CREDIT_LINE.finditer("\n" + text):
        line = found.group(1)
        if len(line) > MAX_CREDIT_LINE:
            continue
        for part in re.split(r"[|;]", line):
            credit = _CREDIT_PART.match(part.strip())
            if credit is None:
                continue
            label = " ".join(credit.group("label").split()).casefold()
            value = credit.group("value").strip()
            if label in _BYLINE_LABELS or label == "additional reporting by":
                byline = byline or value
                agency = agency or _agency(value)
            elif label in _EDITOR_LABELS:
                editor = editor or value
            elif label in _SOURCE_LABELS:
                agency = agency or _agency(value) or value
    english = ENGLISH_BYLINE.search(text, 0, min(len(text), first_line + 400))
    if english and not byline and len(english.group(0).split()) <= MAX_BYLINE_WORDS:
        names = [n.strip() for n in re.split(r"\s*(?:,|\band\b|&)\s*", english.group("value"))]
        wires = [n for n in names if _agency(n)]
        byline = ", ".join(n for n in names if n and not _agency(n)) or None
        agency = agency or (_agency(wires[0]) if wires else None)

    copyright_year: int | None = None
    holder: str | None = None
    notices = _COPYRIGHT.finditer(text) if _may_hold_copyright(text) else ()
    for notice in notices:
        copyright_year = int(notice.group("year"))
        holder = notice.group("holder")
    if outlet is None and holder:
        outlet = _clean_outlet(holder)
    if outlet is None and agency:
        outlet = agency
    if agency is None and outlet and _agency(outlet):
        agency = None  # the outlet is itself an agency; no separate wire credited

    lead_start = first_line if top is None else min(top, first_line)
    published = dateline_date or _lead_date(text, lead_start, copyright_year, today)
    if published is None and copyright_year is not None:
        published = iso(copyright_year)
    return TextMetadata(
        outlet=outlet,
        agency=agency,
        place=place,
        byline=byline,
        editor=editor,
        published=published,
        dateline=dateline_range,
    )


def _lead_date(text: str, first_line: int, year: int | None, today: dt.date) -> str | None:
    """A date the lead states: a full date, or a day/month fixed by a year or weekday."""
    lead = text[first_line : first_line + LEAD_CHARS]
    return _date_in(lead, year, today)


def date_in(fragment: str, year: int | None = None, today: dt.date | None = None) -> str | None:
    """The first date ``fragment`` states (see :func:`_date_in`)."""
    return _date_in(fragment, year, today or current_date())


def _date_in(fragment: str, year: int | None, today: dt.date) -> str | None:
    # The full-date patterns are costly to try at every word; most leads hold no year.
    patterns = (
        (pattern for pattern, core in _FULL_DATES if core.search(fragment))
        if _YEAR.search(fragment)
        else ()
    )
    for pattern in patterns:
        for match in pattern.finditer(fragment):
            month = month_number(match.group("month"))
            day, full_year = int(match.group("day")), int(match.group("year"))
            if month and valid_date(full_year, month, day):
                return iso(full_year, month, day)
    match = _day_month_slash(fragment) if "/" in fragment else None
    if match:
        day, month = int(match.group("day")), int(match.group("month"))
        weekday = weekday_number(match.group("weekday") or "")
        if match.group("year"):
            year = int(match.group("year"))
        if year is not None and valid_date(year, month, day):
            return iso(year, month, day)
        if weekday is not None and 1 <= month <= 12:
            latest = today.year
            if (month, day) > (today.month, today.day):
                latest -= 1  # a report does not date itself in the future
            found = year_from_weekday(month, day, weekday, latest)
            if found is not None:
                return iso(found, month, day)
    return None


_FULL_DATES: Final = ((_FULL_DATE, _FULL_DATE_CORE), (_FULL_DATE_EN, _FULL_DATE_EN_CORE))


def _day_month_slash(fragment: str) -> re.Match[str] | None:
    """``_DAY_MONTH_SLASH.search(fragment)``, found from the brackets backwards.

    A match is an optional weekday (``[A-Z][a-z']+`` after a word boundary), spaces
    and a bracketed ``(16/5)``. Tried at every position, the optional weekday makes
    the pattern slow; instead each bracket is found with a pattern that opens with
    ``(``, and the pattern is tried only where a match using that bracket can start:
    at the capital opening the word right before it, or (no weekday) right after the
    word character before its spaces. Brackets are visited in order, and a match
    through a later bracket starts after an earlier one, so the first found is the
    leftmost, as ``search`` would return.
    """
    for bracket in _SLASH_TAIL.finditer(fragment):
        spaces = bracket.start()
        while spaces and fragment[spaces - 1].isspace():
            spaces -= 1
        word = spaces
        while word and fragment[word - 1] in _WEEKDAY_TAIL:
            word -= 1
        for start in (word - 1, spaces):
            if start >= 0:
                match = _DAY_MONTH_SLASH.match(fragment, start)
                if match:
                    return match
    return None


def _may_hold_copyright(text: str) -> bool:
    """Whether ``_COPYRIGHT`` can match at all: it needs ``©``, ``(c)`` or ``(C)``."""
    return "©" in text or "(c)" in text or "(C)" in text


def derive_title(sentence: str) -> str:
    """A readable title from a lead sentence: the dateline dropped, cut at a word."""
    sentence = " ".join(sentence.split())
    if len(sentence) <= TITLE_CHARS:
        return sentence.rstrip(" ,;:")
    cut = sentence.rfind(" ", 0, TITLE_CHARS)
    cut = cut if cut > TITLE_CHARS // 2 else TITLE_CHARS
    return sentence[:cut].rstrip(" ,;:") + "…"
