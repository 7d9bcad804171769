"""RSS 2.0 and Atom feeds: each item becomes an article, via feedparser.

feedparser is the long-maintained feed parser that copes with the broken feeds the
web actually serves. Before it sees the bytes, defusedxml checks them so that entity
expansion ("billion laughs") and external entities are refused rather than expanded.
"""

from __future__ import annotations

import datetime as dt

from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.ingest.record import RawRecord


def _refuse_entities(data: bytes) -> None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise IngestError(
            f"feed declares XML entities, refused ({type(error).__name__})"
        ) from error
    except ParseError:
        pass  # malformed XML: feedparser's lenient mode decides below


def _html_to_text(fragment: str) -> str:
    """Plain text from an item's HTML summary or content."""
    if "<" not in fragment:
        return fragment
    import lxml.html

    try:
        root = lxml.html.fromstring(fragment)
    except Exception:  # lxml raises ParserError or ValueError on odd fragments
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [
        el.text_content().strip() for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")
    ]
    blocks = [b for b in blocks if b]
    return "\n\n".join(blocks) if blocks else root.text_content().strip()


def _date(entry) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if parsed:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def read_feed(data: bytes) -> list[RawRecord | IngestError]:
    """One article per feed item; an item without text becomes an :class:`IngestError`."""
    _refuse_entities(data)
    import feedparser  # deferred: only feeds need it

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = feed.get("bozo_exception")
        raise IngestError(f"malformed feed ({reason})" if reason else "feed has no items")
    version = feed.get("version", "") or ""
    source_format = "atom" if version.startswith("atom") else "rss"
    outlet = feed.feed.get("title") or None
    out: list[RawRecord | IngestError] = []
    for index, entry in enumerate(feed.entries):
        contents = entry.get("content") or []
        body = max((c.get("value", "") for c in contents), key=len, default="")
        body = body or entry.get("summary", "") or ""
        text = _html_to_text(body).strip()
        if not text:
            out.append(IngestError(f"item {index + 1} has no text"))
            continue
        out.append(
            RawRecord(
                text=text,
                source_format=source_format,
                title=entry.get("title") or None,
                author=entry.get("author") or None,
                published=_date(entry),
                url=entry.get("link") or None,
                outlet=outlet,
                item=index,
                language=feed.feed.get("language") or None,
            )
        )
    return out
