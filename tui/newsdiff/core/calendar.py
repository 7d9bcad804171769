"""Month and weekday names, and filling in a missing year.

Shared by ingest (a publication date from a dateline) and extraction (every date in
the text), so both read dates the same way. Names live in ``lexicons/months.txt`` and
``lexicons/weekdays.txt``.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from newsdiff.core.lexicons import load_table

WEEKDAY_NAMES_EN: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)

YEAR_SEARCH_SPAN: Final = 12
"""How many years back a weekday may be used to find a missing year (a weekday
repeats on the same day of the month every 5, 6 or 11 years, so a window this wide
always holds at least one candidate)."""


def month_number(name: str) -> int | None:
    """1–12 for a month name or abbreviation in Indonesian or English (``Juli``, ``Nov.``)."""
    value = load_table("months").get(name.rstrip(".").casefold())
    return int(value) if value else None


def weekday_number(name: str) -> int | None:
    """0 (Monday) – 6 (Sunday) for a weekday name in Indonesian or English."""
    value = load_table("weekdays").get(name.rstrip(".").casefold())
    return int(value) if value else None


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the three numbers do not make one (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def year_from_weekday(month: int, day: int, weekday: int, latest_year: int) -> int | None:
    """The latest year not after ``latest_year`` in which ``day``/``month`` falls on ``weekday``."""
    for year in range(latest_year, latest_year - YEAR_SEARCH_SPAN, -1):
        date = valid_date(year, month, day)
        if date is not None and date.weekday() == weekday:
            return year
    return None


def iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """Partial ISO 8601: ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``--MM-DD``."""
    if year is None:
        return f"--{month:02d}-{day:02d}" if month and day else ""
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"
