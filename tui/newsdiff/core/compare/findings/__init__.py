"""The facts that disagree between two aligned reports.

:func:`find_findings` gets both documents (with their spans) and the aligned rows,
and returns findings tied to rows by index. One module per kind of finding:

- :mod:`values` — ``number_mismatch``, ``date_mismatch`` (the same slot, a different
  value; a year moved; a weekday that contradicts its date);
- :mod:`only_values` — ``number_only_left`` / ``number_only_right``;
- :mod:`entities` — ``entity_mismatch``, ``entity_only_left`` / ``entity_only_right``;
- :mod:`attribution` — ``attribution_change`` (who said it);
- :mod:`certainty` — ``certainty_change`` (done, promised, possible).

:mod:`facts` says when two values are the same fact and :mod:`context` holds the
per-side indexes every finder shares. Everything is one pass over rows and spans plus
dictionary look-ups (a value or a name "anywhere in the other report" is a probe in an
index built once), so the stage grows linearly with the reports.

Findings come in a fixed order: by row (findings with no row last), then by kind in
the order of :class:`~newsdiff.core.model.FindingKind`, then by position.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from newsdiff.core.compare.features import ReportWords
from newsdiff.core.compare.findings.attribution import (
    attribution_cues,
    attribution_findings,
    credited_stretches,
    credits_of,
)
from newsdiff.core.compare.findings.certainty import certainty_findings, certainty_markers
from newsdiff.core.compare.findings.context import side_view
from newsdiff.core.compare.findings.entities import (
    EntityIndex,
    entity_mismatches,
    entity_only_findings,
)
from newsdiff.core.compare.findings.facts import ValueIndex
from newsdiff.core.compare.findings.only_values import number_only_findings
from newsdiff.core.compare.findings.values import value_findings
from newsdiff.core.model import Document, Finding, FindingKind, Row

_KIND_ORDER = {kind: number for number, kind in enumerate(FindingKind)}


def _order(finding: Finding) -> tuple:
    def where(side):
        return (side.start, side.end) if side is not None else (-1, -1)

    row = finding.row if finding.row is not None else 1 << 30
    return (row, _KIND_ORDER[finding.kind], where(finding.left), where(finding.right))


@cache
def watched_words() -> frozenset[str]:
    """The words the finders look for (speech cues, certainty markers), for
    :func:`~newsdiff.core.compare.features.profile_report` to note per sentence."""
    tables = (attribution_cues(), certainty_markers())
    return frozenset().union(*(table.word_firsts for table in tables))


def find_findings(
    left: Document,
    right: Document,
    rows: Sequence[Row],
    words: tuple[ReportWords, ReportWords] | None = None,
) -> tuple[Finding, ...]:
    """Every finding of a comparison, in a fixed order (see the module notes).

    ``words``, each report's words as profiling gathered them (for
    :func:`watched_words`), spare the finders a pass over each whole report.
    """
    lv = side_view(left, rows, "left", words[0] if words else None)
    rv = side_view(right, rows, "right", words[1] if words else None)
    values = (ValueIndex(lv.content_spans()), ValueIndex(rv.content_spans()))
    names = (EntityIndex(lv), EntityIndex(rv))
    findings, settled = value_findings(lv, rv, rows, values)
    findings += number_only_findings(lv, rv, rows, values, settled)
    credits = (credits_of(lv), credits_of(rv))
    speakers = (credited_stretches(credits[0]), credited_stretches(credits[1]))
    mismatched, used = entity_mismatches(lv, rv, rows, names, speakers)
    findings += mismatched
    findings += entity_only_findings(lv, rv, names, used)
    findings += attribution_findings(lv, rv, rows, credits)
    findings += certainty_findings(lv, rv, rows)
    return tuple(sorted(findings, key=_order))
