"""When the event happened, as far as the lead tells: weekday, day and month, years.

Reports of the same kind of event (a flood in Semarang, a prisoner exchange in
Istanbul) can share place, organisations and most of their words; what tells two such
events apart is when they happened. Seeds ``000`` and ``001`` are both Istanbul talks
between the same delegations — on Friday 16 May and on Wednesday 23 July. So each
article gets an *anchor* from its first :data:`~newsdiff.core.group.vocabulary.LEAD_TOKENS`
words (and its publication date when the lead names no day):

- the first weekday named (``Jumat``, ``Wednesday``);
- the first day and month (``16/5``, ``23 Juli``, ``July 23``) and its year when the
  lead writes one, plus the publication year.

Two anchors *conflict* when they put the events on different days: day and month more
than :data:`DAY_TOLERANCE` apart, weekdays more than one day apart (a report the next
morning says "on Sunday" of a Saturday night), a weekday against the weekday of a dated
lead, or years with nothing in common. A conflict is evidence against one story, not
proof — a rewrite may get the year wrong (seed ``004`` says 2027), which is why an
equal day and month outweighs differing years.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.group.vocabulary import Vocabulary

DAY_TOLERANCE: Final = 14
"""Days apart at which two leads' dates may still tell one event: coverage of a trial, a
fire or a search runs for days, and late reports date what they add."""
WEEKDAY_TOLERANCE: Final = 1


@dataclass(frozen=True, slots=True, eq=False)
class Anchors:
    """Per article: ``weekday`` (-1 none), ``month``/``day`` (0 none), ``year1``/``year2``."""

    weekday: np.ndarray
    month: np.ndarray
    day: np.ndarray
    year1: np.ndarray
    year2: np.ndarray
    effective_weekday: np.ndarray
    """The named weekday, else the weekday of a full date in the lead, else -1."""

    def __len__(self) -> int:
        return len(self.weekday)

    @staticmethod
    def build(
        weekday: np.ndarray, month: np.ndarray, day: np.ndarray, year1: np.ndarray,
        year2: np.ndarray,
    ) -> Anchors:  # fmt: skip
        return Anchors(
            weekday, month, day, year1, year2, _effective(weekday, month, day, year1, year2)
        )

    @staticmethod
    def concat(parts: Sequence[Anchors]) -> Anchors:
        return Anchors(
            *(
                np.concatenate([getattr(p, name) for p in parts])
                for name in ("weekday", "month", "day", "year1", "year2", "effective_weekday")
            )
        )

    def take(self, indices: np.ndarray) -> Anchors:
        return Anchors(self.weekday[indices], self.month[indices], self.day[indices],
                       self.year1[indices], self.year2[indices],
                       self.effective_weekday[indices])  # fmt: skip

    def as_rows(self) -> np.ndarray:
        """``int16`` array of shape ``(n, 5)`` (for storage)."""
        return np.stack(
            [self.weekday, self.month, self.day, self.year1, self.year2], axis=1
        ).astype(np.int16)

    @staticmethod
    def from_rows(rows: np.ndarray) -> Anchors:
        rows = rows.reshape(-1, 5)
        return Anchors.build(*(rows[:, i].astype(np.int16) for i in range(5)))


def lead_anchors(
    vocabulary: Vocabulary, ids: np.ndarray, doc: np.ndarray, published: Sequence[str | None]
) -> Anchors:
    """Anchors from the lead words of each article (``ids``/``doc`` in reading order)."""
    count = len(published)
    weekday = np.full(count, -1, dtype=np.int16)
    month = np.zeros(count, dtype=np.int16)
    day = np.zeros(count, dtype=np.int16)
    year1 = np.zeros(count, dtype=np.int16)
    year2 = np.zeros(count, dtype=np.int16)

    named = vocabulary.weekday[ids] >= 0
    _first(weekday, doc[named], vocabulary.weekday[ids[named]])

    # Day and month: "16/5" in one token, or a day number next to a month name.
    dm_month = vocabulary.dm_month[ids].astype(np.int16)
    dm_day = vocabulary.dm_day[ids].astype(np.int16)
    same_doc = doc[1:] == doc[:-1]
    day_then_month = same_doc & (vocabulary.day[ids[:-1]] > 0) & (vocabulary.month[ids[1:]] > 0)
    month_then_day = same_doc & (vocabulary.month[ids[:-1]] > 0) & (vocabulary.day[ids[1:]] > 0)
    dm_month[:-1] = np.where(day_then_month, vocabulary.month[ids[1:]], dm_month[:-1])
    dm_day[:-1] = np.where(day_then_month, vocabulary.day[ids[:-1]], dm_day[:-1])
    dm_month[:-1] = np.where(month_then_day, vocabulary.month[ids[:-1]], dm_month[:-1])
    dm_day[:-1] = np.where(month_then_day, vocabulary.day[ids[1:]], dm_day[:-1])
    has_dm = dm_month > 0
    _first(month, doc[has_dm], dm_month[has_dm])
    _first(day, doc[has_dm], dm_day[has_dm])

    # A year counts only when it completes the lead's date ("23 Juli 2027", "Nov. 30,
    # 2009"): a year on its own is as often a back-reference ("sejak Maret 2022").
    years = vocabulary.year[ids]
    date_at = np.flatnonzero(has_dm)
    if len(date_at):
        unique, first = np.unique(doc[date_at], return_index=True)
        for article, at in zip(unique.tolist(), date_at[first].tolist(), strict=True):
            for step in (1, 2, 3):
                if at + step < len(ids) and doc[at + step] == article and years[at + step]:
                    year1[article] = years[at + step]
                    break

    for index, date in enumerate(published):
        if not date:
            continue
        parts = date.split("-")
        if len(parts) == 3 and month[index] == 0:
            month[index], day[index] = int(parts[1]), int(parts[2])
        if parts[0].isdigit():
            year = int(parts[0])
            if year1[index] == 0:
                year1[index] = year
            elif year2[index] == 0 and year != year1[index]:
                year2[index] = year
    return Anchors.build(weekday, month, day, year1, year2)


def _first(target: np.ndarray, doc: np.ndarray, values: np.ndarray) -> None:
    """``target[d]`` = the first of ``values`` whose ``doc`` is ``d`` (in order)."""
    if len(doc):
        unique, first = np.unique(doc, return_index=True)
        target[unique] = values[first]


_DAY_OF_YEAR: Final = np.cumsum([0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31])


def _circular(values: np.ndarray, period: int) -> np.ndarray:
    values = np.abs(values) % period
    return np.minimum(values, period - values)


def conflicts(anchors: Anchors, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """For each pair, True when the two leads put their events on different days."""
    a_month, b_month = anchors.month[left], anchors.month[right]
    a_day, b_day = anchors.day[left], anchors.day[right]
    both_dated = (a_month > 0) & (b_month > 0)
    a_doy = _DAY_OF_YEAR[np.clip(a_month - 1, 0, 11)] + a_day
    b_doy = _DAY_OF_YEAR[np.clip(b_month - 1, 0, 11)] + b_day
    date_apart = both_dated & (_circular(a_doy - b_doy, 365) > DAY_TOLERANCE)
    same_date = both_dated & (a_doy == b_doy)

    a_weekday = anchors.effective_weekday[left]
    b_weekday = anchors.effective_weekday[right]
    both_weekday = (a_weekday >= 0) & (b_weekday >= 0)
    weekday_apart = both_weekday & (_circular(a_weekday - b_weekday, 7) > WEEKDAY_TOLERANCE)

    a_years = np.stack([anchors.year1[left], anchors.year2[left]], axis=1)
    b_years = np.stack([anchors.year1[right], anchors.year2[right]], axis=1)
    a_has, b_has = a_years[:, 0] > 0, b_years[:, 0] > 0
    shared = ((a_years[:, :, None] == b_years[:, None, :]) & (a_years[:, :, None] > 0)).any(
        axis=(1, 2)
    )
    years_apart = a_has & b_has & ~shared & ~same_date
    return date_apart | (~both_dated & weekday_apart) | years_apart


def _effective(
    weekday: np.ndarray, month: np.ndarray, day: np.ndarray, year1: np.ndarray,
    year2: np.ndarray,
) -> np.ndarray:  # fmt: skip
    """The named weekday, else the weekday of a full date in the lead, else -1."""
    effective = weekday.astype(np.int16).copy()
    dated = np.flatnonzero((effective < 0) & (month > 0) & (day > 0) & (year1 > 0) & (year2 == 0))
    for index in dated.tolist():
        try:
            effective[index] = dt.date(
                int(year1[index]), int(month[index]), int(day[index])
            ).weekday()
        except ValueError:
            continue
    return effective
