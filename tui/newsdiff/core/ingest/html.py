"""HTML article pages: main text, title, author and date, via trafilatura.

trafilatura is a maintained extractor built for news pages (boilerplate removal,
metadata from ``<meta>``, JSON-LD and the page body). It is imported only when an
HTML page is actually read, because it pulls in lxml and a date parser.

Scored on 258 real pages from ~180 publishers (``tests/quality/html_eval.py``): with
its default settings (comments left out) 222 bodies match. ``favor_precision`` matches
one more against the paragraphs alone but drops the lead on 25 pages, which newsdiff
needs most (dateline, first facts); ``favor_recall``, jusText and readability-lxml
score lower. The README's "Input formats" has the figures.

What trafilatura returns is tidied the way newsdiff needs it: each paragraph,
heading and list item on its own line (so sentence splitting and boilerplate marking
see the structure); a headline repeated as the first line dropped from the body (it
is the title, as with a Markdown ``#`` heading); the site name cut from the end of
``<title>`` (``… | Börsen-Zeitung``, ``… – DW – 13.06.2023``); and author lists
cleared of the site's own name and of duplicate spellings.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from newsdiff.core.ingest.decode import decode_bytes
from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.ingest.record import RawRecord

EXTRACTION_OPTIONS: Final = {
    "include_comments": False,  # reader comments are not the report
    "include_tables": True,  # data tables in news are part of the report
    "favor_precision": False,  # +1 page on paragraphs, but loses the lead on 25 pages
    "favor_recall": False,  # it pulls in teasers and related-article lists
}
"""How trafilatura is called (chosen by score on the fundus pages, see the module doc)."""

_CHARSET: Final = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_TITLE_SEPARATOR: Final = re.compile(r"\s+(?:[|–—·•»:]{1,2}|-{1,2})\s+")
_DATE_LIKE: Final = re.compile(r"^[\d\s./-]+$")
_AUTHOR_LABEL: Final = re.compile(r"^(?:by|von|autor|author|oleh|penulis|par|por|di)\s+", re.I)
MIN_TITLE_CHARS: Final = 8
MIN_ARTICLE_WORDS: Final = 5
"""Fewer words than this is a page that failed to parse or holds no report (a
truncated page, a redirect stub), not an article."""


def read_html(data: bytes) -> list[RawRecord]:
    """One article from an HTML page, or :class:`IngestError` when it has no text."""
    declared = _CHARSET.search(data[:4096])
    decoded = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    import trafilatura  # deferred: heavy, and only HTML input needs it

    try:
        document = trafilatura.bare_extraction(
            decoded.text, with_metadata=True, **EXTRACTION_OPTIONS
        )
    except Exception as error:  # trafilatura raises many lxml errors on broken pages
        raise IngestError(f"malformed HTML ({type(error).__name__})") from error
    words = len((document.text or "").split()) if document is not None else 0
    if words < MIN_ARTICLE_WORDS:
        depth = _nesting_depth(decoded.text)
        if depth > PARSER_DEPTH:
            raise IngestError(
                f"HTML nested {depth:,} elements deep; the parser reads {PARSER_DEPTH}, "
                "so no article text was found"
            )
        found = f" (only {words} word{'s' if words != 1 else ''})" if words else ""
        raise IngestError(f"no article text found in the HTML page{found}")
    site = document.sitename or None
    title = clean_title(document.title or "", site, document.hostname)
    return [
        RawRecord(
            text=_body(document.text, title),
            source_format="html",
            title=title or None,
            author=clean_authors(document.author or "", site, document.hostname),
            published=document.date or None,
            url=document.url or None,
            outlet=site,
            encoding=decoded.encoding,
            language=document.language or None,
        )
    ]


PARSER_DEPTH: Final = 255
"""libxml2 (under lxml, under trafilatura) stops building the tree below this depth."""

_TAG_EDGE: Final = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)[^<>]*?(/?)>")
_VOID: Final = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)


def _nesting_depth(text: str) -> int:
    """How deep the page's elements nest, counted from its tags (void and self-closed
    tags aside): only asked when a page gave no text, to name the reason."""
    depth = deepest = 0
    for match in _TAG_EDGE.finditer(text):
        closing, name, self_closed = match.groups()
        if self_closed or name.lower() in _VOID:
            continue
        depth = max(depth - 1, 0) if closing else depth + 1
        deepest = max(deepest, depth)
    return deepest


def _fold(text: str) -> str:
    """Letters and digits only, accents removed, case-folded: for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text).casefold()
    return "".join(ch for ch in decomposed if ch.isalnum())


def _is_site_name(fragment: str, site: str | None, host: str | None) -> bool:
    """True when ``fragment`` names the site (``Golem.de``, ``The Citizen``, ``DW``)."""
    folded = _fold(fragment)
    if not folded:
        return False
    names = [_fold(site or "")]
    if host:
        host = host.removeprefix("www.")
        names += [_fold(host), _fold(host.split(".", 1)[0])]
    for name in filter(None, names):
        if folded == name or (
            min(len(folded), len(name)) >= 3 and (folded in name or name in folded)
        ):
            return True
    return False


def clean_title(title: str, site: str | None, host: str | None) -> str:
    """The headline without the site name or date a page's ``<title>`` appends."""
    title = " ".join(title.split())
    if site and title.endswith(site):
        # A site name that itself holds separators ("Israel Nachrichten - Chadashoth").
        head = re.match(rf"^(.*?){_TITLE_SEPARATOR.pattern}$", title[: -len(site)])
        if head and len(head.group(1)) >= MIN_TITLE_CHARS:
            title = head.group(1)
    while True:
        parts = list(_TITLE_SEPARATOR.finditer(title))
        if not parts:
            return title
        last = parts[-1]
        head, tail = title[: last.start()], title[last.end() :]
        if len(head) < MIN_TITLE_CHARS:
            return title
        if not (_DATE_LIKE.match(tail) or _is_site_name(tail, site, host)):
            return title
        title = head.rstrip()


def clean_authors(authors: str, site: str | None, host: str | None) -> str | None:
    """Author names without labels and duplicate spellings (``Emma Mackenzie;
    Emma-Mackenzie``); the site's own name is dropped when people are named too, and
    kept when it is the only credit (``Associated Press``)."""
    names: list[str] = []
    seen: set[str] = set()
    for raw in authors.split(";"):
        name = _AUTHOR_LABEL.sub("", " ".join(raw.split())).strip(" ,")
        key = _fold(name)
        if key and key not in seen:
            seen.add(key)
            names.append(name)
    people = [name for name in names if not _is_site_name(name, site, host)]
    return ", ".join(people or names) or None


def _body(text: str, title: str) -> str:
    """The extracted text, one block per line, without a leading copy of the headline."""
    lines = [line.strip() for line in text.split("\n")]
    lines = [line for line in lines if line]
    folded_title = _fold(title)
    while len(lines) > 1 and folded_title and _fold(lines[0]) == folded_title:
        lines.pop(0)
    return "\n".join(lines)
