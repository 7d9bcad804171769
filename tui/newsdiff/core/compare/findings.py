"""The facts that disagree between aligned rows (issue 4, second half: to come).

This is the seam the findings stage fills: :func:`find_findings` gets both documents
(with their spans) and the aligned rows (each row's sentence indices, score and word
ops), and returns findings tied to rows by index. The alignment already masks values
out of its similarity, so an aligned row whose values differ is exactly where a
``number_mismatch`` or ``date_mismatch`` lives; left-only and right-only rows are where
``*_only_*`` facts come from.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsdiff.core.model import Document, Finding, Row


def find_findings(left: Document, right: Document, rows: Sequence[Row]) -> tuple[Finding, ...]:
    """Findings for a comparison (none yet: the findings stage is still to be built)."""
    return ()
