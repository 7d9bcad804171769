"""JSON and JSON Lines articles: ``title``, ``text``/``body``/``content``, ``url``,
``date``, ``source``.

A JSON file may hold one object, an array of objects, or an object with an
``articles``/``items``/``data``/``records`` array (the NewsAPI shape included); JSON
Lines holds one object per line. Field values of the wrong type are ignored (a
numeric ``title`` does not become the title), a text given as a list of paragraphs is
joined line by line, and HTML in a text field is reduced to its text. A record
without any usable text is reported by its position; the other records still load.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Final

from newsdiff.core.ingest.decode import decode_bytes, normalise_newlines
from newsdiff.core.ingest.errors import IngestError, ItemError
from newsdiff.core.ingest.fragment import fragment_to_text, looks_like_html
from newsdiff.core.ingest.record import RawRecord

TEXT_FIELDS: Final = ("text", "body", "content", "article", "maintext", "description", "summary")
"""Where the article text is looked for, in order (a summary only when nothing fuller)."""
TITLE_FIELDS: Final = ("title", "headline")
DATE_FIELDS: Final = (
    "date",
    "published",
    "published_at",
    "publishedAt",
    "publishing_date",
    "date_publish",
    "pubDate",
    "datePublished",
)
SOURCE_FIELDS: Final = ("source", "outlet", "publisher", "site", "sitename", "source_domain")
AUTHOR_FIELDS: Final = ("author", "authors", "byline", "creator")
URL_FIELDS: Final = ("url", "link", "href")
LANGUAGE_FIELDS: Final = ("language", "lang")
LIST_FIELDS: Final = ("articles", "items", "data", "records", "results", "documents")


def _string(value: Any, joiner: str) -> str | None:
    """A non-empty string from a string, a list of strings or a ``{"name": …}`` object."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return joiner.join(v.strip() for v in value if v.strip()) or None
    if isinstance(value, dict):
        for key in ("name", "title", "value"):
            if isinstance(value.get(key), str):
                return value[key].strip() or None
    return None


def _paragraphs(value: Any) -> str | None:
    """Article text: a string, or a list whose strings are its paragraphs (any other
    item is ignored like any value of the wrong type: one stray number or null in a
    list of paragraphs does not lose the article)."""
    if isinstance(value, list):
        return "\n".join(v.strip() for v in value if isinstance(v, str) and v.strip()) or None
    return _string(value, "\n")


def _first(record: dict[str, Any], fields: tuple[str, ...], joiner: str = ", ") -> str | None:
    for name in fields:
        value = record.get(name)
        found = _paragraphs(value) if fields is TEXT_FIELDS else _string(value, joiner)
        if found:
            return found
    return None


def _objects(document: Any) -> tuple[list[Any], bool]:
    """The article objects of a JSON document, and whether it is a collection."""
    if isinstance(document, list):
        return document, True
    if isinstance(document, dict):
        for name in LIST_FIELDS:
            if isinstance(document.get(name), list):
                return document[name], True
        return [document], False
    raise IngestError(f"JSON holds a {_json_type(document)}, not article objects")


def _record(
    obj: Any, index: int, kind: str, source_format: str, encoding: str, item: bool = True
) -> RawRecord:
    if not isinstance(obj, dict):
        raise ItemError(kind, index + 1, f"a {_json_type(obj)}, not an object")
    raw = _first(obj, TEXT_FIELDS)
    if not raw:
        raise ItemError(kind, index + 1, "no text, body or content field with text")
    text = normalise_newlines(raw)
    if looks_like_html(text):
        text = fragment_to_text(text)
    if not text.strip():
        raise ItemError(kind, index + 1, "text field holds only markup")
    title = _first(obj, TITLE_FIELDS)
    return RawRecord(
        text=text,
        source_format=source_format,
        title=" ".join(title.split()) if title else None,
        author=_first(obj, AUTHOR_FIELDS),
        published=_first(obj, DATE_FIELDS),
        url=_first(obj, URL_FIELDS),
        outlet=_first(obj, SOURCE_FIELDS),
        item=index if item else None,
        original=raw if raw != text else None,
        encoding=encoding,
        language=_first(obj, LANGUAGE_FIELDS),
    )


def _json_type(value: Any) -> str:
    return {list: "list", str: "string", bool: "boolean", type(None): "null"}.get(
        type(value), "number"
    )


def _integer(digits: str) -> int | Decimal:
    """A JSON integer; one too long for ``int`` (Python caps the digits it converts, so
    a 5,000-digit id would fail the whole file) is kept as a :class:`Decimal`."""
    return int(digits) if len(digits) <= _MAX_INT_DIGITS else Decimal(digits)


_MAX_INT_DIGITS: Final = 4000


def _loads(text: str) -> Any:
    return json.loads(text, parse_int=_integer)


def read_json(data: bytes) -> list[RawRecord | IngestError]:
    """Articles from a JSON document; a bad record becomes an :class:`ItemError`."""
    decoded = decode_bytes(data)
    try:
        document = _loads(decoded.text)
    except json.JSONDecodeError as error:
        raise IngestError(f"malformed JSON ({error.msg} at line {error.lineno})") from error
    except RecursionError as error:
        raise IngestError("JSON nested too deeply to read") from error
    objects, collection = _objects(document)
    out: list[RawRecord | IngestError] = []
    for index, obj in enumerate(objects):
        try:
            out.append(_record(obj, index, "record", "json", decoded.encoding, collection))
        except IngestError as error:
            out.append(error)
    if not out:
        raise IngestError("JSON holds no article objects")
    return out


def read_jsonl(data: bytes) -> list[RawRecord | IngestError]:
    """Articles from JSON Lines; a bad line becomes an :class:`ItemError`."""
    decoded = decode_bytes(data)
    out: list[RawRecord | IngestError] = []
    for index, line in enumerate(decoded.text.split("\n")):
        if not line.strip():
            continue
        try:
            obj = _loads(line)
        except json.JSONDecodeError as error:
            out.append(ItemError("line", index + 1, f"malformed JSON ({error.msg})"))
            continue
        except RecursionError:
            out.append(ItemError("line", index + 1, "JSON nested too deeply to read"))
            continue
        try:
            out.append(_record(obj, index, "line", "jsonl", decoded.encoding))
        except IngestError as error:
            out.append(error)
    if not out:
        raise IngestError("JSON Lines file holds no records")
    return out
