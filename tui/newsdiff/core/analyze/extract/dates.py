"""Dates as news text writes them, in Indonesian and English.

``Jumat (16/5)``, ``Rabu (23/7) malam``, ``23 Juli 2027``, ``Maret 2022``, ``16 Mei``,
``Tuesday``, ``Monday afternoon``, ``Nov. 3, 2025``, ``2025-05-16``, ``pada 2022``.
A slash form is a date only where news uses it as one — after a weekday, in
parentheses, with a year, after ``tanggal`` — or where it cannot be a fraction
(``16/5``: a fraction is smaller than one, ``1/2``). A bare number from 1900 to 2099 is
a year unless a unit, currency or counted noun follows it (``2000 orang``). English
``May`` and ``March`` are months only with a date or a time word around them.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.analyze.extract.amounts import noun_candidate
from newsdiff.core.analyze.extract.readings import Found, ValueContext
from newsdiff.core.analyze.extract.timeline import (
    day_is_valid,
    resolve_day,
    resolve_month,
    resolve_weekday,
    resolve_year,
)
from newsdiff.core.analyze.extract.tokens import Token, adjacent
from newsdiff.core.model import DateValue, SpanKind

_MONTH_ABBREVIATIONS: Final = frozenset(
    {"jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "aug", "sep", "sept", "okt", "oct"}
    | {"nov", "des", "dec"}
)
_WEEKDAY_ABBREVIATIONS: Final = frozenset(
    {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"}
)
_CUED_MONTHS: Final = frozenset({"may", "march"})
"""English month names that are also common words; they need a cue or a date part."""
_MONTH_CUES: Final = frozenset({"last", "next", "this", "early", "late", "mid", "in", "since"})
_WEEK_WORDS: Final = frozenset({"lalu", "depan", "ini"})
"""``Minggu lalu`` at the start of a sentence is "last week", not "last Sunday"."""
_DATE_CUES: Final = frozenset({"tanggal", "tgl"})
_SUFFIXES: Final = frozenset({"st", "nd", "rd", "th"})
_DayMonth = tuple[int, int, int | None, int]
"""Day, month, year (None when not written) and the token index after them."""
YEAR_LOW: Final = 1900
YEAR_HIGH: Final = 2099


def read_date(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """A date starting at token ``i``, or None."""
    token = tokens[i]
    if token.numeric:
        return _from_digits(tokens, i, ctx)
    if not token.capitalised:
        return None
    if token.lower in ctx.vocab.weekdays:
        return _from_weekday(tokens, i, ctx)
    if token.lower in ctx.vocab.months:
        return _from_month(tokens, i, ctx)
    return None


def _found(first: int, stop: int, value: DateValue) -> Found:
    return Found(SpanKind.DATE, first, stop, value.iso, date=value)


def _part_of_day(tokens: list[Token], k: int, ctx: ValueContext) -> tuple[str, int]:
    matched = ctx.vocab.parts_of_day.match(tokens, k)
    return matched if matched is not None else ("", k)


def _from_weekday(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    lower = tokens[i].lower
    weekday = ctx.vocab.weekdays[lower]
    nxt = tokens[i + 1].lower if i + 1 < len(tokens) else ""
    if lower == "minggu" and i == 0 and nxt in _WEEK_WORDS:
        return None
    k = i + 1
    if k < len(tokens) and tokens[k].text == "." and lower in _WEEKDAY_ABBREVIATIONS:
        k += 1
    j = k + 1 if k < len(tokens) and tokens[k].text == "," else k
    day_month = _bracketed_slash(tokens, j, ctx) or _written_date(tokens, j, ctx)
    if day_month is None:
        if lower in _WEEKDAY_ABBREVIATIONS:
            return None
        part, stop = _part_of_day(tokens, i + 1, ctx)
        return _found(i, stop, resolve_weekday(ctx, weekday, part))
    day, month, year, stop = day_month
    part, stop = _part_of_day(tokens, stop, ctx)
    return _found(i, stop, resolve_day(ctx, month, day, year, weekday, part))


def _bracketed_slash(tokens: list[Token], j: int, ctx: ValueContext) -> _DayMonth | None:
    """``(16/5)`` or ``16/5`` right after a weekday."""
    if j < len(tokens) and tokens[j].text == "(":
        if j + 2 < len(tokens) and tokens[j + 2].text == ")":
            parsed = _slash(tokens[j + 1].text, ctx)
            return (*parsed, j + 3) if parsed else None
        return None
    if j < len(tokens) and tokens[j].numeric:
        parsed = _slash(tokens[j].text, ctx)
        return (*parsed, j + 1) if parsed else None
    return None


def _slash(text: str, ctx: ValueContext) -> tuple[int, int, int | None] | None:
    """Day, month and year of ``16/5``, ``16/5/2025`` (``5/16/2025`` in English when
    only that order makes a date)."""
    parts = text.split("/")
    if not 2 <= len(parts) <= 3 or not all(p.isdigit() and len(p) <= 4 for p in parts):
        return None
    first, second = int(parts[0]), int(parts[1])
    year: int | None = None
    if len(parts) == 3:
        year = int(parts[2])
        if len(parts[2]) == 2:
            year += 2000
        elif len(parts[2]) != 4:
            return None
    day, month = first, second
    if ctx.language == "en" and day_is_valid(first, second, year) and first <= 12:
        day, month = second, first
    if not (1 <= month <= 12 and day_is_valid(month, day, year)):
        if day_is_valid(first, second, year) and 1 <= first <= 12:
            day, month = second, first
        else:
            return None
    return day, month, year


def _written_date(tokens: list[Token], j: int, ctx: ValueContext) -> _DayMonth | None:
    """``16 Mei [2025]``, ``3rd November 2025``, ``Nov. 3[, 2025]``, ``May 16``."""
    return _day_first(tokens, j, ctx) or _month_first(tokens, j, ctx)


def _day_number(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """A day of the month (1–31) at ``j``, with any ``st``/``nd``/``rd``/``th`` glued on."""
    if j >= len(tokens) or not tokens[j].text.isdigit() or len(tokens[j].text) > 2:
        return None
    day = int(tokens[j].text)
    if not 1 <= day <= 31:
        return None
    stop = j + 1
    if stop < len(tokens) and tokens[stop].lower in _SUFFIXES and adjacent(tokens, stop):
        stop += 1
    return day, stop


def _month_name(tokens: list[Token], j: int, ctx: ValueContext) -> tuple[int, int] | None:
    if j >= len(tokens) or not tokens[j].capitalised:
        return None
    month = ctx.vocab.months.get(tokens[j].lower)
    if month is None:
        return None
    stop = j + 1
    if tokens[j].lower in _MONTH_ABBREVIATIONS and stop < len(tokens) and tokens[stop].text == ".":
        stop += 1
    return month, stop


def _year_at(tokens: list[Token], j: int) -> tuple[int, int] | None:
    if j < len(tokens) and tokens[j].text.isdigit() and len(tokens[j].text) == 4:
        year = int(tokens[j].text)
        if 1000 <= year <= 2999:
            return year, j + 1
    return None


def _day_first(tokens: list[Token], j: int, ctx: ValueContext) -> _DayMonth | None:
    day = _day_number(tokens, j)
    if day is None:
        return None
    k = day[1]
    if k < len(tokens) and tokens[k].lower == "of":
        k += 1
    month = _month_name(tokens, k, ctx)
    if month is None or not day_is_valid(month[0], day[0], None):
        return None
    year = _year_at(tokens, month[1])
    stop = year[1] if year else month[1]
    if year is not None and not day_is_valid(month[0], day[0], year[0]):
        return None
    return day[0], month[0], year[0] if year else None, stop


def _month_first(tokens: list[Token], j: int, ctx: ValueContext) -> _DayMonth | None:
    month = _month_name(tokens, j, ctx)
    if month is None:
        return None
    day = _day_number(tokens, month[1])
    if day is None or not day_is_valid(month[0], day[0], None):
        return None
    k = day[1]
    year = None
    if k + 1 < len(tokens) and tokens[k].text == ",":
        year = _year_at(tokens, k + 1)
    elif ctx.language != "id":
        year = _year_at(tokens, k)
    if year is not None and not day_is_valid(month[0], day[0], year[0]):
        return None
    return day[0], month[0], year[0] if year else None, year[1] if year else k


def _from_month(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """``Nov. 3, 2025``, ``Maret 2022``, or a month on its own (``pada Agustus lalu``)."""
    written = _month_first(tokens, i, ctx)
    if written is not None:
        day, month, year, stop = written
        part, stop = _part_of_day(tokens, stop, ctx)
        return _found(i, stop, resolve_day(ctx, month, day, year, None, part))
    month_stop = _month_name(tokens, i, ctx)
    if month_stop is None:
        return None
    month, stop = month_stop
    year = _year_at(tokens, stop)
    if year is not None:
        return _found(i, year[1], resolve_month(ctx, month, year[0]))
    lower = tokens[i].lower
    if lower in _MONTH_ABBREVIATIONS:
        return None
    if stop < len(tokens) and tokens[stop].capitalised and tokens[stop].alpha:
        return None  # "April Jones", "Juli Sutrisno": a name
    if lower in _CUED_MONTHS:
        prev = tokens[i - 1].lower if i else ""
        if prev not in _MONTH_CUES and prev not in ctx.vocab.year_cues:
            return None
    return _found(i, stop, resolve_month(ctx, month, None))


def _from_digits(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    text = tokens[i].text
    if "/" in text:
        return _slash_date(tokens, i, ctx)
    iso_date = _iso_date(tokens, i, ctx)
    if iso_date is not None:
        return iso_date
    written = _day_first(tokens, i, ctx)
    if written is not None:
        day, month, year, stop = written
        part, stop = _part_of_day(tokens, stop, ctx)
        return _found(i, stop, resolve_day(ctx, month, day, year, None, part))
    return _year(tokens, i, ctx)


def _slash_date(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    parsed = _slash(tokens[i].text, ctx)
    if parsed is None:
        return None
    day, month, year = parsed
    prev = tokens[i - 1] if i else None
    bracketed = (
        prev is not None and prev.text == "(" and i + 1 < len(tokens) and tokens[i + 1].text == ")"
    )
    cued = prev is not None and prev.lower in _DATE_CUES
    numerator, denominator = (int(p) for p in tokens[i].text.split("/")[:2])
    fraction_like = year is None and numerator < denominator <= 10
    if not (year is not None or bracketed or cued or not fraction_like):
        return None
    return _found(i, i + 1, resolve_day(ctx, month, day, year))


def _iso_date(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """``2025-05-16`` (the tokenizer splits it at the hyphens)."""
    if i + 4 >= len(tokens) or len(tokens[i].text) != 4 or not tokens[i].text.isdigit():
        return None
    parts = tokens[i : i + 5]
    if not all(adjacent(tokens, i + k) for k in range(1, 5)):
        return None
    if parts[1].text != "-" or parts[3].text != "-":
        return None
    if not (parts[2].text.isdigit() and parts[4].text.isdigit()):
        return None
    if len(parts[2].text) != 2 or len(parts[4].text) != 2:
        return None
    year, month, day = int(parts[0].text), int(parts[2].text), int(parts[4].text)
    if not (1 <= month <= 12 and day_is_valid(month, day, year)):
        return None
    return _found(i, i + 5, resolve_day(ctx, month, day, year))


def _year(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """A bare year: 1900–2099 written without separators, used as a year."""
    text = tokens[i].text
    if len(text) != 4 or not text.isdigit() or not YEAR_LOW <= int(text) <= YEAR_HIGH:
        return None
    if i and adjacent(tokens, i) and tokens[i - 1].text == "+":
        return None
    k = i + 1
    vocab = ctx.vocab
    if k < len(tokens):
        nxt = tokens[k]
        if adjacent(tokens, k) and nxt.alpha:
            return None  # "2000th", "2025an"
        if vocab.units.match(tokens, k) or vocab.currencies.match(tokens, k):
            return None
        word = vocab.number_words.get(nxt.lower)
        if word is not None and word.role == "scale":
            return None
        # Indonesian puts a modified noun first (pemilu 2024), so "2000 orang" is a
        # count; English puts the year first (the 2024 election), so it stays a year.
        counted = ctx.language != "en" and noun_candidate(tokens, k, vocab) is not None
        if counted and not _year_cued(tokens, i, ctx):
            return None
    return _found(i, i + 1, resolve_year(int(text)))


def _year_cued(tokens: list[Token], i: int, ctx: ValueContext) -> bool:
    """A year cue before the number, a name it belongs to (``Pemilu 2014``, ``Piala
    Dunia 2014``), or the first year of a ``2022-2025`` range."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.lower in ctx.vocab.year_cues:
        return True
    if prev.alpha and prev.capitalised and (i > 1 or prev.lower not in ctx.vocab.stopwords):
        return True  # a name, unless it is just a capitalised first word ("Sebanyak")
    return (
        tokens[i - 1].text in ("-", "–")
        and i > 1
        and len(tokens[i - 2].text) == 4
        and tokens[i - 2].text.isdigit()
    )
