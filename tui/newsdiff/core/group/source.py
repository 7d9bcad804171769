"""Which report of a story is probably the source of the others, and why.

Evidence, each worth points, each with a reason a person can check:

- **earliest date** — the report published first (when dates are known and differ);
- **containment** — the source has what the copy has: most of the other report's words
  are in sentences copied or rewritten from this one, clearly more than the other way
  round (a rewrite that adds little and drops much is contained in its source);
- **wire dateline** — ``Istanbul (ANTARA) -``, ``LONDON (Reuters) -``: the report
  carries an agency dateline, the form wire copy is published in;
- **credited** — another report of the story credits this report's outlet
  (``Sumber: Anadolu Agency``) as its source.

The report with the most points is the guess, if it has any and no other report ties
with it; otherwise there is no guess (two copies of unknown origin, equal evidence).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from newsdiff.core.group.model import PairStats, SourceGuess
from newsdiff.core.lexicons import load_table

EARLIEST_POINTS: Final = 2.0
CONTAINMENT_POINTS: Final = 1.0
WIRE_POINTS: Final = 1.5
CREDIT_POINTS: Final = 2.0
CONTAINED_SHARE: Final = 0.5
"""Share of the other report's words that must line up with this one."""
CONTAINMENT_MARGIN: Final = 0.15
"""How much more of the other report is in this one than of this one in the other."""


@dataclass(frozen=True, slots=True)
class ReportFacts:
    """What source guessing needs to know about one report."""

    name: str
    """How reasons refer to it (a file name)."""
    published: str | None
    outlet: str | None
    agency: str | None
    """An agency the report credits as its source."""
    agency_dateline: bool
    """The report opens with a ``PLACE (AGENCY) -`` dateline."""


def _wire(report: ReportFacts) -> str | None:
    if report.agency_dateline and report.outlet:
        return report.outlet
    if report.outlet and report.outlet.casefold() in _wire_names():
        return report.outlet
    return None


def _wire_names() -> frozenset[str]:
    table = load_table("agencies")
    return frozenset({*table, *(value.casefold() for value in table.values())})


def guess_source(
    members: Sequence[int], reports: Sequence[ReportFacts], pairs: Sequence[PairStats]
) -> SourceGuess | None:
    """The likely source among ``members`` (indices into ``reports``), or None."""
    points = dict.fromkeys(members, 0.0)
    reasons: dict[int, list[str]] = {member: [] for member in members}

    dated = [(reports[m].published, m) for m in members if reports[m].published]
    if len(dated) >= 2:
        earliest = min(date for date, _ in dated)
        first = [m for date, m in dated if date == earliest]
        if len(first) == 1 and any(date != earliest for date, _ in dated):
            points[first[0]] += EARLIEST_POINTS
            reasons[first[0]].append(f"earliest date ({earliest})")

    for pair in pairs:
        for holder, other, theirs, mine in (
            (pair.left, pair.right, pair.copied_back + pair.rewritten_back,
             pair.copied + pair.rewritten),
            (pair.right, pair.left, pair.copied + pair.rewritten,
             pair.copied_back + pair.rewritten_back),
        ):  # fmt: skip
            if theirs >= CONTAINED_SHARE and theirs >= mine + CONTAINMENT_MARGIN:
                points[holder] += CONTAINMENT_POINTS
                reasons[holder].append(f"contains what {reports[other].name} has ({theirs:.0%})")

    for member in members:
        wire = _wire(reports[member])
        if wire:
            points[member] += WIRE_POINTS
            reasons[member].append(f"wire dateline ({wire})")
        outlet = (reports[member].outlet or "").casefold()
        if not outlet:
            continue
        for other in members:
            credit = (reports[other].agency or "").casefold()
            if other != member and credit and credit == outlet:
                points[member] += CREDIT_POINTS
                reasons[member].append(f"credited by {reports[other].name}")

    best = max(points.values(), default=0.0)
    leaders = [member for member, score in points.items() if score == best]
    if best <= 0 or len(leaders) != 1:
        return None
    return SourceGuess(article=leaders[0], reasons=tuple(reasons[leaders[0]]))
