"""What a format reader hands back before metadata is read from the text itself."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RawRecord:
    """One article as a format reader found it.

    Fields a container states outright (an HTML ``<title>``, a feed item's date, a
    JSON ``source``) are kept here and win over what :mod:`metadata` guesses from the
    text; the rest stay ``None``.
    """

    text: str
    """The article body, already decoded and with ``\\n`` line endings."""
    source_format: str
    """``text``, ``markdown``, ``html``, ``rss``, ``atom``, ``json`` or ``jsonl``."""
    title: str | None = None
    author: str | None = None
    published: str | None = None
    """Partial ISO date (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``)."""
    url: str | None = None
    outlet: str | None = None
    item: int | None = None
    """Position inside a multi-article file (feed item, JSON record), from 0."""
    original: str | None = None
    """The source text before the reader changed it, when it is text-like."""
    encoding: str = "utf-8"
    language: str | None = None
    """A language the container declares (``<html lang>``, a feed's language)."""
