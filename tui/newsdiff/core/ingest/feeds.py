"""RSS 2.0, RSS 1.0 and Atom feeds: each item becomes an article, via feedparser.

feedparser is the long-maintained feed parser that copes with the broken feeds the
web actually serves (wrong encodings, HTML in descriptions, RFC 822 dates). Before it
sees the bytes, defusedxml parses them with entity declarations forbidden, so that
entity expansion ("billion laughs") and external entities (``SYSTEM "file:///…"``)
are refused with a reason rather than expanded or fetched. A document expat cannot
parse at all (bad bytes, broken markup) is still scanned for entity declarations in
its prolog before feedparser's lenient mode gets it.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from newsdiff.core.ingest.dates import normalise_date
from newsdiff.core.ingest.errors import IngestError, ItemError
from newsdiff.core.ingest.fragment import fragment_to_text, looks_like_html
from newsdiff.core.ingest.record import RawRecord

_ROOT_START: Final = re.compile(r"<[A-Za-z_]")
_ENTITY_DECLARATION: Final = re.compile(r"<!ENTITY", re.IGNORECASE)


def refuse_entities(data: bytes) -> None:
    """Raise :class:`IngestError` when the XML declares entities (never expand them)."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as error:
        raise IngestError(
            f"XML declares entities ({type(error).__name__}); refused, not expanded"
        ) from error
    except (ParseError, ValueError, LookupError):
        # LookupError: expat does not know the encoding the declaration names.
        _scan_prolog(data)


def _scan_prolog(data: bytes) -> None:
    """Refuse an unparseable document whose prolog declares entities anyway."""
    from newsdiff.core.ingest.decode import decode_bytes

    try:
        text = decode_bytes(data[: 256 * 1024]).text
    except IngestError:
        text = data[: 256 * 1024].decode("latin-1")
    root = _ROOT_START.search(text)
    prolog = text[: root.start()] if root else text
    if _ENTITY_DECLARATION.search(prolog):
        raise IngestError("XML declares entities (EntitiesForbidden); refused, not expanded")


def _date(entry: Any) -> str | None:
    """The item's own date as written (its local day), else feedparser's UTC reading."""
    # dict.get, not entry.get: feedparser's own get maps missing keys with a warning.
    for key in ("published", "updated", "created"):
        found = normalise_date(dict.get(entry, key))
        if found:
            return found
    parsed = dict.get(entry, "published_parsed") or dict.get(entry, "updated_parsed")
    if parsed:
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None


def _body(entry: Any) -> str:
    """The fullest text the item carries: ``content:encoded``/Atom content, else summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    texts = [fragment_to_text(value) for value in contents if value]
    summary = entry.get("summary") or ""
    if summary:
        texts.append(fragment_to_text(summary))
    return max(texts, key=len, default="")


def read_feed(data: bytes) -> list[RawRecord | IngestError]:
    """One article per feed item; an item without text becomes an :class:`ItemError`."""
    refuse_entities(data)
    from xml.sax import SAXParseException

    import feedparser  # deferred: only feeds need it

    feed = feedparser.parse(data)
    version = feed.get("version", "") or ""
    if not feed.entries:
        reason = feed.get("bozo_exception")
        if reason and not version:
            raise IngestError(f"malformed XML, not a readable feed ({reason})")
        raise IngestError("feed has no items" if version else "not an RSS or Atom feed")
    source_format = "atom" if version.startswith("atom") else "rss"
    outlet = " ".join((feed.feed.get("title") or "").split()) or None
    language = feed.feed.get("language") or None
    records: list[RawRecord] = []
    skipped: list[IngestError] = []
    for index, entry in enumerate(feed.entries):
        text = _body(entry)
        if not text:
            skipped.append(ItemError("item", index + 1, "no text, only a title or link"))
            continue
        title = entry.get("title") or ""
        if looks_like_html(title):
            title = fragment_to_text(title)
        title = " ".join(title.split()) or None
        records.append(
            RawRecord(
                text=text,
                source_format=source_format,
                title=title,
                author=entry.get("author") or None,
                published=_date(entry),
                url=(entry.get("link") or "").strip() or None,
                outlet=outlet,
                item=index,
                language=entry.get("language") or language,
            )
        )
    broken = feed.get("bozo_exception")
    if not records and isinstance(broken, SAXParseException):
        raise IngestError(f"malformed XML feed ({broken})")
    return [*records, *skipped]
