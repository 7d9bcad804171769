"""Choose one consistent set of entities from everything the finders proposed.

Candidates are taken in order of how much their source is trusted, then by length;
one that overlaps an accepted candidate is dropped. Two exceptions keep names whole:
an organisation or place pattern that contains a gazetteer name (``Universitas
Indonesia`` around ``Indonesia``, ``Kabupaten Sleman`` around ``Sleman``) outranks it,
and so does a tagger span that contains a gazetteer name and starts with a head word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace

from newsdiff.core.analyze.extract.candidates import Candidate, Source

TAGGER_LEAD_RANK = int(Source.GAZETTEER) + 7
"""Where the tagger ranks when it leads: above the lists and patterns, below the
dateline and credit lines, which state what they name outright."""


def _rank(
    candidate: Candidate, gazetteer: list[Candidate], starts: list[int], tagger_leads: bool
) -> int:
    rank = int(candidate.source)
    if tagger_leads and candidate.source == Source.TAGGER:
        return TAGGER_LEAD_RANK
    if candidate.source == Source.PATTERN:
        # Gazetteer candidates do not overlap each other: scan those starting inside.
        at = bisect_left(starts, candidate.start)
        while at < len(gazetteer) and gazetteer[at].start < candidate.end:
            inner = gazetteer[at]
            if candidate.contains(inner) and candidate.length > inner.length:
                return int(Source.GAZETTEER) + 5
            at += 1
    return rank


def choose(candidates: Iterable[Candidate], *, tagger_leads: bool = False) -> list[Candidate]:
    """Non-overlapping candidates, most trusted first, in text order.

    With ``tagger_leads`` (Indonesian text, where the tagger scores best) the tagger's
    entities outrank the lists, patterns and memory, which then only fill the gaps it
    leaves, and bare capital runs are not used at all.
    """
    pool = [
        c for c in candidates if c.end > c.start and not (tagger_leads and c.source == Source.RUN)
    ]
    by_span = {
        (c.start, c.end): c
        for c in sorted(pool, key=lambda c: c.source)
        if c.source in KIND_AUTHORITIES
    }
    gazetteer = sorted((c for c in pool if c.source == Source.GAZETTEER), key=lambda c: c.start)
    gazetteer_starts = [c.start for c in gazetteer]
    ranked = sorted(
        pool,
        key=lambda c: (_rank(c, gazetteer, gazetteer_starts, tagger_leads), c.length, -c.start),
        reverse=True,
    )
    # Accepted candidates never overlap, so sorted by start they are sorted by end too,
    # and only the neighbours of an insertion point can overlap a newcomer.
    starts: list[int] = []
    accepted: list[Candidate] = []
    for candidate in ranked:
        at = bisect_left(starts, candidate.start)
        if at < len(accepted) and accepted[at].start < candidate.end:
            continue
        if at > 0 and accepted[at - 1].end > candidate.start:
            continue
        starts.insert(at, candidate.start)
        accepted.insert(at, candidate)
    return [_adopt(c, by_span) for c in accepted] if tagger_leads else accepted


KIND_AUTHORITIES = frozenset({Source.GAZETTEER, Source.TITLE, Source.CONTEXT})
"""Sources whose kind and canonical name a tagger span with the same extent takes."""


def _adopt(candidate: Candidate, by_span: dict[tuple[int, int], Candidate]) -> Candidate:
    """A tagger span that a list or title rule also found, with their kind and name."""
    if candidate.source not in {Source.TAGGER, Source.MEMORY}:
        return candidate
    other = by_span.get((candidate.start, candidate.end))
    if other is None:
        return candidate
    return replace(candidate, kind=other.kind, canonical=other.canonical or candidate.canonical)
