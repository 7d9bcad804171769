"""HTML article pages: main text, title, author and date, via trafilatura.

trafilatura is a maintained extractor built for news pages (boilerplate removal,
metadata from ``<meta>``, JSON-LD and the page body). It is imported only when an
HTML page is actually read, because it pulls in lxml and a date parser.
"""

from __future__ import annotations

from newsdiff.core.ingest.decode import decode_bytes
from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.ingest.record import RawRecord


def read_html(data: bytes) -> list[RawRecord]:
    """One article from an HTML page, or :class:`IngestError` when it has no text."""
    decoded = decode_bytes(data)
    import trafilatura  # deferred: heavy, and only HTML input needs it

    try:
        document = trafilatura.bare_extraction(
            decoded.text, with_metadata=True, include_comments=False, include_tables=False
        )
    except Exception as error:  # trafilatura raises many lxml errors on broken pages
        raise IngestError(f"malformed HTML ({type(error).__name__})") from error
    if document is None or not (document.text or "").strip():
        raise IngestError("HTML page has no article text")
    return [
        RawRecord(
            text=document.text,
            source_format="html",
            title=document.title or None,
            author=document.author or None,
            published=document.date or None,
            url=document.url or None,
            outlet=document.sitename or None,
            encoding=decoded.encoding,
            language=document.language or None,
        )
    ]
