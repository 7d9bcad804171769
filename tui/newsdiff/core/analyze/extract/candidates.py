"""A proposed entity and where the evidence for it came from.

Every finder (datelines, credits, gazetteers, titles, name patterns, the tagger, the
memory of names seen elsewhere, bare capitalised runs) proposes :class:`Candidate`
objects in character offsets; :mod:`combine` picks a consistent set. The source's
rank says whose word counts when two proposals disagree: explicit structure (a
dateline, a credit line) beats a list, a list beats a title pattern, and a bare run of
capitals counts least.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum

from newsdiff.core.model import SpanKind


class Source(IntEnum):
    """Where a candidate came from; a higher value wins a conflict."""

    RUN = 10
    """A capitalised run with nothing else to say what it is."""
    TAGGER = 40
    """The trained sequence tagger."""
    MEMORY = 50
    """A name found elsewhere in this report or in another loaded report."""
    PATTERN = 60
    """An organisation or place pattern (``Badan …``, ``… Agency``, ``Kabupaten …``)."""
    TITLE = 70
    """A person named after a title or role, or before an appositive role."""
    GAZETTEER = 80
    """A known place, organisation or person from the lexicons."""
    CONTEXT = 88
    """Words around that say outright what a name is (``media sosial X``)."""
    CREDIT = 90
    """A credit line (``Editor: …``, ``Pewarta: …``, ``Editing by …``)."""
    DATELINE = 100
    """The dateline's place and outlet (``Istanbul (ANTARA) -``)."""


@dataclass(frozen=True, slots=True)
class Candidate:
    """A proposed entity at ``[start, end)`` in the article text."""

    start: int
    end: int
    kind: SpanKind
    source: Source
    canonical: str | None = None
    """The gazetteer's canonical name, when a list knows this entity."""

    @property
    def length(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Candidate) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: Candidate) -> bool:
        return self.start <= other.start and other.end <= self.end
