"""``number_only_left`` / ``number_only_right``: a fact with a value the other report lacks.

A value is "only on one side" when the other report states no equal value anywhere —
not in the aligned sentence, not elsewhere (a dictionary probe in the other side's
:class:`~facts.ValueIndex`). One finding per distinct fact, anchored on its first
mention, so a date repeated three times is one finding. Values a mismatch already
accounts for are left out (the ``nine`` of a headline when ``nine people`` is the
changed toll), and so is the dateline.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsdiff.core.compare.findings.context import SideView
from newsdiff.core.compare.findings.facts import (
    AMOUNT_KINDS,
    DATE_KINDS,
    ValueIndex,
    amount_of,
    fact_key,
)
from newsdiff.core.compare.findings.messages import only_in
from newsdiff.core.compare.findings.values import Settled
from newsdiff.core.model import Finding, FindingKind, Row, Span


def _said_as_one(span: Span, view: SideView, other: SideView, rows: Sequence[Row]) -> bool:
    """True for ``one day`` when the aligned sentence says ``a day`` (or ``sehari``):
    an article is a one that extraction does not read as a number."""
    amount = amount_of(span)
    if amount is None or amount.amount != 1 or not amount.unit:
        return False
    number = view.row_of.get(view.side(span).sentence)
    if number is None:
        return False
    partners = getattr(rows[number], other.name)
    noun = span.text.split()[-1].casefold()
    pattern = re.compile(rf"\b(?:a|an|se)\s*{re.escape(noun)}\b", re.IGNORECASE)
    return any(pattern.search(other.document.sentence_text(i)) for i in partners)


def number_only_findings(
    lv: SideView,
    rv: SideView,
    rows: Sequence[Row],
    indexes: tuple[ValueIndex, ValueIndex],
    settled: Settled,
) -> list[Finding]:
    """One finding per value fact that only one report states."""
    kinds = AMOUNT_KINDS | DATE_KINDS
    findings: list[Finding] = []
    sides = (
        (lv, rv, indexes[1], FindingKind.NUMBER_ONLY_LEFT),
        (rv, lv, indexes[0], FindingKind.NUMBER_ONLY_RIGHT),
    )
    for view, other, other_index, kind in sides:
        seen: set[str] = set()
        for span in view.content_spans():
            if span.kind not in kinds or view.in_dateline(span):
                continue
            if settled.covers(view.name, span):
                continue
            key = fact_key(span)
            if key in seen:
                continue
            seen.add(key)
            if other_index.has(span) or _said_as_one(span, view, other, rows):
                continue
            where = view.side(span)
            message = only_in(span, view.name)
            left, right = (where, None) if view is lv else (None, where)
            findings.append(Finding(kind, left, right, message, view.row_of.get(where.sentence)))
    return findings
