"""The app's one doorway into the core's slow work: analysis and comparison.

Screens call these from thread workers. Keeping the calls here means the comparison
engine (``newsdiff.core.compare``, issue 4) plugs in by one import, and a core that
does not have it yet gives a clear message instead of a crash.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsdiff.core.model import ENTITY_KINDS, Article, Comparison, Document

if TYPE_CHECKING:
    from newsdiff.core.compare import MultiComparison
    from newsdiff.ui.compare_table import CompareTable


class EngineMissing(RuntimeError):
    """The part of the core this action needs is not available in this build."""


def analyze_articles(articles: Sequence[Article]) -> list[Document]:
    """Sentences and spans of each article, analysed together so names carry across."""
    from newsdiff.core.analyze import analyze

    documents: list[Document] = []
    known: list[str] = []
    for article in articles:
        document = analyze(article, known)
        documents.append(document)
        known.extend(span.text for span in document.spans if span.kind in ENTITY_KINDS)
    return documents


def compare_available() -> bool:
    """True when this build of the core has a comparison engine."""
    import importlib.util

    return importlib.util.find_spec("newsdiff.core.compare") is not None


def compare_documents(left: Document, right: Document) -> Comparison:
    """Align ``right`` against ``left`` with the core's comparison engine.

    Raises:
        EngineMissing: when this build of the core has no comparison engine yet.
    """
    try:
        from newsdiff.core.compare import compare
    except ImportError as error:
        raise EngineMissing(
            "comparison engine not available yet (newsdiff.core.compare is missing)"
        ) from error
    return compare(left, right)


def compare_result(documents: Sequence[Document]) -> list[Comparison] | MultiComparison:
    """Two reports compared, or three and more against the first.

    Two reports are one ``compare(left, right)``; more go to the core's ``compare_many``
    with the first as the pivot, which lines every report up against it.

    Raises:
        EngineMissing: when this build of the core has no comparison engine yet.
    """
    if len(documents) == 2:
        return [compare_documents(documents[0], documents[1])]
    try:
        from newsdiff.core.compare import compare_many
    except ImportError as error:
        raise EngineMissing("comparison engine not available yet") from error
    return compare_many(list(documents), pivot=0)


def compare_table(documents: Sequence[Document]) -> CompareTable:
    """The table the compare view shows (see :func:`compare_result`)."""
    from newsdiff.ui.compare_table import build_table

    return build_table(compare_result(documents))
