"""Placing a date on the calendar: filling a missing year, checking a named weekday.

News text leaves the year out (``Jumat (16/5)``, ``16 Mei``) because the reader knows
when the report was published. When the article's own date is known, a year-less date
takes the publication year — or the year before/after when that keeps it within
:data:`MONTHS_BEHIND` months before and :data:`DAYS_AHEAD` days after publication (news
looks back far more than it looks ahead). Without a publication date, a weekday named
with the date may fix the year (Friday 16 May → 2025). A named weekday that is not the
weekday of the resolved date is recorded, never silently dropped.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from newsdiff.core.analyze.extract.readings import PublishedDate, ValueContext
from newsdiff.core.calendar import iso, valid_date, year_from_weekday
from newsdiff.core.model import DateValue

DAYS_AHEAD: Final = 90
"""A year-less date may lie at most this many days after publication."""
DAYS_BEHIND: Final = 270
"""…and at most this many days before it; otherwise the neighbouring year is taken."""
MONTHS_AHEAD: Final = 3
MONTHS_BEHIND: Final = 9
_LEAP: Final = 2000


def day_is_valid(month: int, day: int, year: int | None) -> bool:
    """True when ``day``/``month`` exists (in ``year``, or in some year when unknown)."""
    return valid_date(year if year is not None else _LEAP, month, day) is not None


def resolve_day(
    ctx: ValueContext,
    month: int,
    day: int,
    year: int | None,
    weekday: int | None = None,
    part_of_day: str = "",
) -> DateValue:
    """A day of a month, with the year filled in when the text or its context allows."""
    resolved_from = ""
    if year is None and ctx.published is not None:
        year = _year_near_day(ctx.published, month, day)
        resolved_from = "published"
    elif year is None and weekday is not None:
        year = year_from_weekday(month, day, weekday, ctx.today.year)
        resolved_from = "weekday" if year is not None else ""
    conflict = False
    if year is not None and weekday is not None:
        date = valid_date(year, month, day)
        conflict = date is not None and date.weekday() != weekday
    return DateValue(
        iso=iso(year, month, day),
        weekday=weekday,
        weekday_conflict=conflict,
        part_of_day=part_of_day,
        resolved_from=resolved_from,
    )


def resolve_month(ctx: ValueContext, month: int, year: int | None) -> DateValue:
    """A month, with or without its year (``Maret 2022``; ``Agustus`` → ``--08``)."""
    if year is not None:
        return DateValue(iso=iso(year, month))
    if ctx.published is not None:
        return DateValue(
            iso=iso(_year_near_month(ctx.published, month), month), resolved_from="published"
        )
    return DateValue(iso=f"--{month:02d}")


def resolve_year(year: int) -> DateValue:
    return DateValue(iso=iso(year))


def resolve_weekday(ctx: ValueContext, weekday: int, part_of_day: str = "") -> DateValue:
    """A weekday on its own: the latest such day on or before the publication date, or
    ``-W-D`` (ISO weekday number, Monday = 1) when the publication day is unknown."""
    published = ctx.published.as_date() if ctx.published is not None else None
    if published is None:
        return DateValue(iso=f"-W-{weekday + 1}", weekday=weekday, part_of_day=part_of_day)
    date = published - dt.timedelta(days=(published.weekday() - weekday) % 7)
    return DateValue(
        iso=date.isoformat(), weekday=weekday, part_of_day=part_of_day, resolved_from="published"
    )


def _year_near_day(published: PublishedDate, month: int, day: int) -> int:
    if published.month is None:
        return published.year
    reference = published.as_date() or dt.date(published.year, published.month, 15)
    for year in (reference.year, reference.year - 1, reference.year + 1):
        date = valid_date(year, month, day)
        if date is None:
            continue
        if -DAYS_BEHIND <= (date - reference).days <= DAYS_AHEAD:
            return year
    return reference.year


def _year_near_month(published: PublishedDate, month: int) -> int:
    if published.month is None:
        return published.year
    for year in (published.year, published.year - 1, published.year + 1):
        delta = (year * 12 + month) - (published.year * 12 + published.month)
        if -MONTHS_BEHIND <= delta <= MONTHS_AHEAD:
            return year
    return published.year  # pragma: no cover - one of the three years always fits
