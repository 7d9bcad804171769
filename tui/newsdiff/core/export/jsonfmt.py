"""JSON: ``newsdiff.entities/1``, ``newsdiff.comparison/1`` and ``newsdiff.story/1``.

The shapes are the ones the commands print (README "JSON output"), built here once:
``newsdiff entities --format json`` and the export share :func:`document_record`, and
a comparison is :func:`newsdiff.core.compare.record.comparison_record` as is.

- an article → one ``newsdiff.entities/1`` object;
- two reports → one ``newsdiff.comparison/1`` object;
- three or more → an array of ``newsdiff.comparison/1`` objects, the first report
  (the pivot) against each other one, as ``entities`` prints an array for several;
- a story → one ``newsdiff.story/1`` object: its reports, its source (when known)
  and every compared pair with its ``newsdiff.comparison/1`` record (rows, findings).
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from newsdiff.core.export.common import StoryExport, Subject, comparisons_of
from newsdiff.core.model import Comparison, Document, Span

ENTITIES_SCHEMA: Final = "newsdiff.entities/1"
STORY_SCHEMA: Final = "newsdiff.story/1"

_UNSAFE: Final = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Escaped beyond what ``json`` escapes itself (C0 controls): C1 controls, bidi marks
(so JSON shown on a terminal cannot steer it) and lone surrogates (which have no
UTF-8 form)."""


def span_record(span: Span) -> dict[str, Any]:
    return {
        "kind": span.kind.value,
        "text": span.text,
        "value": span.value,
        "start": span.start,
        "end": span.end,
    }


def document_record(document: Document) -> dict[str, Any]:
    """One article in the ``newsdiff.entities/1`` shape."""
    article = document.article
    return {
        "schema": ENTITIES_SCHEMA,
        "path": article.path,
        "language": article.language,
        "spans": [span_record(s) for s in document.spans],
    }


def story_record(story: StoryExport) -> dict[str, Any]:
    """A story in the ``newsdiff.story/1`` shape (README "JSON output")."""
    from newsdiff.core.compare.record import comparison_record, report_record

    paths = [d.article.path for d in story.documents]
    return {
        "schema": STORY_SCHEMA,
        "reports": [report_record(d) for d in story.documents],
        "source": paths[story.source] if story.source is not None else None,
        "source_reasons": list(story.source_reasons),
        "pairs": [
            {
                "left": paths[pair.left],
                "right": paths[pair.right],
                "similarity": pair.similarity,
                **dict(pair.stats),
                "comparison": comparison_record(pair.comparison),
            }
            for pair in story.pairs
        ],
    }


def record(subject: Subject) -> dict[str, Any] | list[dict[str, Any]]:
    """``subject`` as plain data, in its schema."""
    from newsdiff.core.compare.record import comparison_record

    if isinstance(subject, Document):
        return document_record(subject)
    if isinstance(subject, StoryExport):
        return story_record(subject)
    if isinstance(subject, Comparison):
        return comparison_record(subject)
    return [comparison_record(c) for c in comparisons_of(subject)]


def dumps(data: Any) -> str:
    """Indented JSON, UTF-8 kept readable, with nothing that can steer a terminal."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


def render(subject: Subject) -> str:
    return dumps(record(subject))
