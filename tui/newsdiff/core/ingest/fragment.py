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


_XML_INCOMPATIBLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")
_STAND_IN_BASE: Final = 0xF0000
"""Control characters (an ESC in a feed's HTML, a stray \\x01) are article text like
any other, shown visibly later; lxml will not hold them in a text node, so they cross
the parse as characters of a private-use plane and are put back after."""
_TO_STAND_IN: Final = {c: _STAND_IN_BASE + c for c in range(0x20) if c not in (9, 10, 13)}
_FROM_STAND_IN: Final = {v: k for k, v in _TO_STAND_IN.items()}


def looks_like_html(text: str) -> bool:
    """True when ``text`` holds HTML tags (not just a stray ``<`` in prose)."""
    return _TAG.search(text) is not None


def fragment_to_text(fragment: str) -> str:
    """The visible text of an HTML fragment, one block per line."""
    if not looks_like_html(fragment):
        return _tidy(html.unescape(fragment) if _ENTITY.search(fragment) else fragment)
    import lxml.html  # deferred: lxml is heavy and only HTML-bearing items need it

    controls = _XML_INCOMPATIBLE.search(fragment) is not None
    if controls:  # lxml refuses them in text nodes: stand-ins through the parse
        fragment = fragment.translate(_TO_STAND_IN)
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
    if controls:
        text = text.translate(_FROM_STAND_IN)
    return _tidy(text)


def _collapse(text: str | None) -> str | None:
    return _SPACES.sub(" ", text) if text else text


def _tidy(text: str) -> str:
    """Each line's spaces collapsed, blank lines dropped."""
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
