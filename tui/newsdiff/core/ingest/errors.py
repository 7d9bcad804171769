"""The exceptions ingest raises for an input (or part of one) it cannot use."""

from __future__ import annotations


class IngestError(Exception):
    """An input file or record could not be turned into an article.

    The message is the reason, written for a person (``binary file, not text``); the
    caller adds the path. Ingest never lets any other exception escape for bad input.
    """


class ItemError(IngestError):
    """One item of a multi-article file (feed item, JSON record, JSON Lines line) could
    not be used; the other items still load.

    Items failing for the same reason are reported together on one line
    (``items 2, 13 skipped: no text``), so a feed of 70 headline-only items does not
    print 70 lines.
    """

    def __init__(self, kind: str, number: int, reason: str) -> None:
        super().__init__(f"{kind} {number}: {reason}")
        self.kind = kind
        """``item``, ``record`` or ``line``."""
        self.number = number
        """1-based position in the file."""
        self.reason = reason
