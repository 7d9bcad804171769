"""HTML fragments (a feed item's description, a JSON ``content`` field) to plain text.

Block elements (paragraphs, headings, list items, ``<br>``, table rows) become line
breaks, so sentence splitting and boilerplate marking see the structure; scripts,
styles and embedded media are dropped; leftover character references
(``Transfererl&ouml;s`` in doubly escaped feeds) are resolved.
"""

from __future__ import annotations

import html
import re
from typing import Final

BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "ol", "p", "pre", "section", "table", "tr", "ul",
    }
)  # fmt: skip
DROPPED_TAGS: Final = ("script", "style", "noscript", "iframe", "object", "embed", "template")

_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_SPACES: Final = re.compile(r"\s+")
_ENTITY: Final = re.compile(r"&(?:#\d{1,7}|#x[0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML tags (not just a stray ``<`` in prose)."""
    return _TAG.search(text) is not None


def fragment_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, one block per line."""
    if not looks_like_html(fragment):
        return _tidy(html.unescape(fragment) if _ENTITY.search(fragment) else fragment)
    import lxml.html  # deferred: lxml is heavy and only HTML-bearing items need it

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises ParserError/ValueError on odd fragments
        return _tidy(html.unescape(_TAG.sub(" ", fragment)))
    for element in list(root.iter(*DROPPED_TAGS)):
        element.drop_tree()
    preformatted = {id(el) for pre in root.iter("pre") for el in pre.iter()}
    for element in root.iter():
        if id(element) not in preformatted:
            # Source line breaks inside a paragraph are only spaces in HTML.
            element.text = _collapse(element.text)
        element.tail = _collapse(element.tail)
        if isinstance(element.tag, str) and element.tag.lower() in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    text = root.text_content()
    if _ENTITY.search(text):
        text = html.unescape(text)
    return _tidy(text)


def _collapse(text: str | None) -> str | None:
    return _SPACES.sub(" ", text) if text else text


def _tidy(text: str) -> str:
    """Each line's spaces collapsed, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
