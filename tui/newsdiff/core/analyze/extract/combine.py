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
from typing import TYPE_CHECKING, Final

from newsdiff.core.analyze.extract.candidates import Candidate, Source

if TYPE_CHECKING:
    from newsdiff.core.analyze.extract.clause import Clause
    from newsdiff.core.analyze.extract.tagger import Tagging

TAGGER_LEAD_RANK = int(Source.GAZETTEER) + 7
"""Where the tagger ranks when it leads: above the lists and patterns, below the
dateline and credit lines, which state what they name outright."""


def _swallows(candidate: Candidate, tagged: list[Candidate], starts: list[int]) -> bool:
    """The candidate contains every tagger span it overlaps, and at least one, and is
    longer: a known name the tagger cut into pieces (``Badan Meteorologi, …``)."""
    at = bisect_left(starts, candidate.start)
    if at > 0 and tagged[at - 1].end > candidate.start:
        return False  # a tagger span that starts before and reaches in
    inside = 0
    while at < len(tagged) and tagged[at].start < candidate.end:
        if not candidate.contains(tagged[at]) or tagged[at].length == candidate.length:
            return False
        inside += 1
        at += 1
    return inside > 0


def _rank(
    candidate: Candidate,
    gazetteer: list[Candidate],
    starts: list[int],
    tagger_leads: bool,
    tagged: list[Candidate],
    tagged_starts: list[int],
) -> int:
    rank = int(candidate.source)
    if tagger_leads and candidate.source == Source.TAGGER:
        return TAGGER_LEAD_RANK
    if (
        tagger_leads
        and candidate.source == Source.GAZETTEER
        and _swallows(candidate, tagged, tagged_starts)
    ):
        return TAGGER_LEAD_RANK + 1
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
    tagged = sorted((c for c in pool if c.source == Source.TAGGER), key=lambda c: c.start)
    tagged_starts = [c.start for c in tagged]
    ranked = sorted(
        pool,
        key=lambda c: (
            _rank(c, gazetteer, gazetteer_starts, tagger_leads, tagged, tagged_starts),
            c.length,
            -c.start,
        ),
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


CONFIDENT_OUTSIDE: Final = 0.9
"""A list, title or pattern candidate where the tagger found nothing is dropped when the
tagger is at least this sure, on average over its tokens, that they are no entity.
(Chosen on the held-out corpora among 0.5-0.99; without the gate the lists add back
names the annotators of idner-news-2k deliberately left out, such as countries used
as adjectives.)"""

GATED_SOURCES: Final = frozenset({Source.GAZETTEER, Source.TITLE, Source.PATTERN})


def drop_unlikely_fills(clause: Clause, pool: list[Candidate], tagging: Tagging) -> list[Candidate]:
    """``pool`` without the rule candidates the tagger is confident are no entity."""
    starts = {t.start: i for i, t in enumerate(clause.tokens)}
    ends = {t.end: i for i, t in enumerate(clause.tokens)}
    tagged = sorted(tagging.candidates, key=lambda c: c.start)
    tagged_starts = [c.start for c in tagged]
    kept: list[Candidate] = []
    for candidate in pool:
        if candidate.source in GATED_SOURCES:
            first, last = starts.get(candidate.start), ends.get(candidate.end)
            at = bisect_left(tagged_starts, candidate.end)
            overlapped = at > 0 and tagged[at - 1].end > candidate.start
            if first is not None and last is not None and not overlapped:
                probabilities = tagging.outside[first : last + 1]
                if sum(probabilities) / len(probabilities) >= CONFIDENT_OUTSIDE:
                    continue
        kept.append(candidate)
    return kept
