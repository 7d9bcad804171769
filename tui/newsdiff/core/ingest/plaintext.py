"""Plain-text and Markdown articles.

Plain text is taken as is. Markdown is reduced to the text a reader sees (markup
removed, link text kept, images and HTML dropped) with markdown-it, the parser rich
already depends on; a leading ``#`` heading becomes the title. The Markdown source
stays in ``original``.
"""

from __future__ import annotations

from newsdiff.core.ingest.decode import Decoded
from newsdiff.core.ingest.record import RawRecord


def read_text(decoded: Decoded) -> list[RawRecord]:
    """One article from a plain-text file."""
    return [
        RawRecord(
            text=decoded.text,
            source_format="text",
            original=decoded.original,
            encoding=decoded.encoding,
        )
    ]


def read_markdown(decoded: Decoded) -> list[RawRecord]:
    """One article from a Markdown file, with its first heading as the title."""
    from markdown_it import MarkdownIt  # deferred: only Markdown input pays for it

    tokens = MarkdownIt("commonmark").parse(decoded.text)
    blocks: list[str] = []
    title: str | None = None
    in_heading = False
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "inline":
            content = _inline_text(token.children or [])
            if not content.strip():
                continue
            if in_heading and title is None and not blocks:
                title = content.strip()
                continue
            blocks.append(content.strip())
        elif token.type in {"fence", "code_block"}:
            blocks.append(token.content.rstrip("\n"))
    text = "\n\n".join(blocks)
    return [
        RawRecord(
            text=text,
            source_format="markdown",
            title=title,
            original=decoded.original or decoded.text,
            encoding=decoded.encoding,
        )
    ]


def _inline_text(children: list) -> str:
    """The visible text of an inline token's children (links keep their text)."""
    parts: list[str] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak"}:
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
    return "".join(parts)
