"""The compare view's table, now built in the core (:mod:`newsdiff.core.compare.table`).

The layout is shared with the export writers, so it lives in the core; this module
keeps the app's imports working.
"""

from __future__ import annotations

from newsdiff.core.compare.table import (
    ADDED,
    REMOVED,
    Cell,
    CompareTable,
    FindingRef,
    TableRow,
    _cell,
    build_table,
)

__all__ = [
    "ADDED",
    "REMOVED",
    "Cell",
    "CompareTable",
    "FindingRef",
    "TableRow",
    "_cell",
    "build_table",
]
