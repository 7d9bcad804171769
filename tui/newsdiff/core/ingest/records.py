"""JSON and JSON Lines articles: ``title``, ``text``/``body``/``content``, ``url``,
``date``, ``source``.

A JSON file may hold one object, an array of objects, or an object with an
``articles``/``items`` array; JSON Lines holds one object per line. A record without
any text field is reported by its position rather than failing the whole file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Final

from newsdiff.core.ingest.decode import decode_bytes
from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.ingest.record import RawRecord

TEXT_FIELDS: Final = ("text", "body", "content", "article", "maintext")
TITLE_FIELDS: Final = ("title", "headline")
DATE_FIELDS: Final = ("date", "published", "published_at", "publishing_date", "pubDate")
SOURCE_FIELDS: Final = ("source", "outlet", "publisher", "site", "sitename")
AUTHOR_FIELDS: Final = ("author", "authors", "byline")
LIST_FIELDS: Final = ("articles", "items", "data", "records")


def _first_string(record: dict[str, Any], fields: tuple[str, ...]) -> str | None:
    for name in fields:
        value = record.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
            return ", ".join(v.strip() for v in value if v.strip()) or None
        if isinstance(value, dict) and isinstance(value.get("name"), str):
            return value["name"].strip() or None
    return None


def _iter_objects(document: Any) -> Iterator[Any]:
    if isinstance(document, list):
        yield from document
    elif isinstance(document, dict):
        for name in LIST_FIELDS:
            if isinstance(document.get(name), list):
                yield from document[name]
                return
        yield document
    else:
        raise IngestError("JSON holds no article objects")


def _record(obj: Any, index: int, source_format: str, encoding: str) -> RawRecord:
    if not isinstance(obj, dict):
        raise IngestError(f"record {index + 1} is not an object")
    text = _first_string(obj, TEXT_FIELDS)
    if not text:
        raise IngestError(f"record {index + 1} has no text, body or content field")
    from newsdiff.core.ingest.decode import normalise_newlines

    return RawRecord(
        text=normalise_newlines(text),
        source_format=source_format,
        title=_first_string(obj, TITLE_FIELDS),
        author=_first_string(obj, AUTHOR_FIELDS),
        published=_first_string(obj, DATE_FIELDS),
        url=_first_string(obj, ("url", "link")),
        outlet=_first_string(obj, SOURCE_FIELDS),
        item=index,
        encoding=encoding,
        language=_first_string(obj, ("language", "lang")),
    )


def read_json(data: bytes) -> list[RawRecord | IngestError]:
    """Articles from a JSON document; a bad record becomes an :class:`IngestError` item."""
    decoded = decode_bytes(data)
    try:
        document = json.loads(decoded.text)
    except (json.JSONDecodeError, RecursionError) as error:
        raise IngestError(f"malformed JSON ({error})") from error
    out: list[RawRecord | IngestError] = []
    for index, obj in enumerate(_iter_objects(document)):
        try:
            out.append(_record(obj, index, "json", decoded.encoding))
        except IngestError as error:
            out.append(error)
    if not out:
        raise IngestError("JSON holds no article objects")
    return out


def read_jsonl(data: bytes) -> list[RawRecord | IngestError]:
    """Articles from JSON Lines; a bad line becomes an :class:`IngestError` item."""
    decoded = decode_bytes(data)
    out: list[RawRecord | IngestError] = []
    for index, line in enumerate(decoded.text.split("\n")):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as error:
            out.append(IngestError(f"line {index + 1}: malformed JSON ({error.msg})"))
            continue
        try:
            out.append(_record(obj, index, "jsonl", decoded.encoding))
        except IngestError as error:
            out.append(IngestError(f"line {index + 1}: {error}"))
    if not out:
        raise IngestError("JSON Lines file holds no records")
    return out
