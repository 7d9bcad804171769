"""Clock times: ``pukul 19.30 WIB``, ``jam 7 malam``, ``10:30 a.m.``, ``15:00 GMT``.

Indonesian writes hours and minutes with a period (``19.30``), which is also how
English writes a decimal, so a period form is a time only with something that says so
— ``pukul``/``jam`` before it, a zone (``WIB``) or ``a.m.``/``p.m.`` after it. A colon
form (``10:30``) is a time on its own. The value is the wall-clock time as written
(``HH:MM``, 24-hour); the zone, when given, is kept as a UTC offset beside it so that
``19.30 WIB`` and ``20.30 WITA`` can still be compared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from newsdiff.core.analyze.extract.readings import Found, ValueContext
from newsdiff.core.analyze.extract.tokens import Token
from newsdiff.core.model import DateValue, SpanKind

_CLOCK: Final = re.compile(r"(\d{1,2})(?:([.:])(\d{2}))?")
_EVENING_PARTS: Final = frozenset({"afternoon", "evening", "night"})


def read_time(tokens: list[Token], i: int, ctx: ValueContext) -> Found | None:
    """A clock time starting at token ``i`` (at a cue word or at the digits)."""
    vocab = ctx.vocab
    cue = vocab.time_words.match(tokens, i)
    cued = cue is not None and cue[0] == "cue"
    j = cue[1] if cued and cue is not None else i
    if j >= len(tokens) or not tokens[j].numeric:
        return None
    clock = _CLOCK.fullmatch(tokens[j].text)
    if clock is None:
        return None
    hour = int(clock.group(1))
    minute = int(clock.group(3)) if clock.group(3) else 0
    if hour > 24 or minute > 59 or (hour == 24 and minute):
        return None
    suffix = _suffixes(tokens, j + 1, ctx)
    meridiem, offset, part = suffix.meridiem, suffix.offset, suffix.part
    separator = clock.group(2)
    said = cued or separator == ":" or meridiem or suffix.oclock
    if not (said or (separator == "." and offset)):
        return None
    if meridiem and hour > 12:
        return None
    hour = _twenty_four(hour, meridiem, part)
    value = f"{hour % 24:02d}:{minute:02d}"
    date = DateValue(iso=value, part_of_day=part, utc_offset=offset)
    return Found(SpanKind.TIME, i, suffix.stop, value, date=date)


@dataclass(frozen=True, slots=True)
class _Suffixes:
    meridiem: str
    offset: str
    part: str
    oclock: bool
    stop: int


def _suffixes(tokens: list[Token], k: int, ctx: ValueContext) -> _Suffixes:
    """``a.m.``/``p.m.``, ``o'clock``, a zone and a part of day after the digits, in
    any order."""
    meridiem = offset = part = ""
    oclock = False
    for _ in range(4):
        word = ctx.vocab.time_words.match(tokens, k)
        if word is not None and word[0] in ("am", "pm") and not meridiem:
            meridiem, k = word
            continue
        if word is not None and word[0] == "oclock" and not oclock:
            oclock, k = True, word[1]
            continue
        if word is not None and word[0] not in ("cue", "am", "pm", "oclock") and not offset:
            offset, k = word
            continue
        day_part = ctx.vocab.parts_of_day.match(tokens, k)
        if day_part is not None and not part:
            part, k = day_part
            continue
        break
    return _Suffixes(meridiem, offset, part, oclock, k)


def _twenty_four(hour: int, meridiem: str, part: str) -> int:
    """The hour on a 24-hour clock, from ``p.m.`` or a part of day (``jam 7 malam``)."""
    if meridiem == "pm":
        return hour if hour == 12 else hour + 12
    if meridiem == "am":
        return 0 if hour == 12 else hour
    if part in _EVENING_PARTS and 5 <= hour <= 11:
        return hour + 12
    if part == "midday" and 1 <= hour <= 4:
        return hour + 12
    if part == "afternoon" and 1 <= hour <= 4:
        return hour + 12
    return hour
