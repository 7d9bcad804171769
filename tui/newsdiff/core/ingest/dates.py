"""Dates that containers state (feed ``pubDate``, JSON ``date``, HTML meta) as ISO."""

from __future__ import annotations

import re
from typing import Final

_ISO_PREFIX: Final = re.compile(r"^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:$|[T\s])")


def normalise_date(value: str | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM``/``YYYY``) from ISO or RFC 2822 strings; else None."""
    if not value:
        return None
    match = _ISO_PREFIX.match(value)
    if match:
        year, month, day = match.groups()
        if month is None:
            return year
        if not 1 <= int(month) <= 12:
            return None
        if day is None:
            return f"{year}-{int(month):02d}"
        if not 1 <= int(day) <= 31:
            return None
        return f"{year}-{int(month):02d}-{int(day):02d}"
    from email.utils import parsedate_to_datetime  # deferred: only feed dates need it

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
