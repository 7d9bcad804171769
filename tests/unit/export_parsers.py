"""Readers for the marks newsdiff's exports write, so tests can check them both ways.

Each reader takes what a writer produced and gives back the plain text and the marks
with offsets into that text — independently of the writers' code, following only
the conventions the README states.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Parsed:
    """Plain text with its marks: spans and changes, each ``(name, start, end)``."""

    text: str
    spans: list[tuple[str, int, int]] = field(default_factory=list)
    changes: list[tuple[str, int, int]] = field(default_factory=list)


_KIND_OPEN = re.compile(r"\[([A-Z]+) ")


def parse_text(marked: str) -> Parsed:
    """Read ``[KIND text]``, ``[-removed-]``, ``{+added+}`` and the backslash escapes."""
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    changes: list[tuple[str, int, int]] = []
    span: tuple[str, int] | None = None
    change: tuple[str, int] | None = None
    i = 0
    while i < len(marked):
        c = marked[i]
        if c == "\\":
            n = marked[i + 1]
            if n in "\\[]{}":
                out.append(n)
                i += 2
            elif n == "n":
                out.append("\n")
                i += 2
            elif n == "x":
                out.append(chr(int(marked[i + 2 : i + 4], 16)))
                i += 4
            elif n == "u":
                out.append(chr(int(marked[i + 2 : i + 6], 16)))
                i += 6
            else:
                raise ValueError(f"unknown escape \\{n} at {i}")
            continue
        if change is not None and change[0] == "removed" and marked.startswith("-]", i):
            changes.append(("removed", change[1], len(out)))
            change = None
            i += 2
            continue
        if change is not None and change[0] == "added" and marked.startswith("+}", i):
            changes.append(("added", change[1], len(out)))
            change = None
            i += 2
            continue
        if marked.startswith("[-", i):
            change = ("removed", len(out))
            i += 2
            continue
        if marked.startswith("{+", i):
            change = ("added", len(out))
            i += 2
            continue
        if c == "[":
            match = _KIND_OPEN.match(marked, i)
            assert match, f"an unescaped [ that opens nothing at {i}: {marked[i : i + 30]!r}"
            span = (match.group(1), len(out))
            i = match.end()
            continue
        if c == "]":
            assert span is not None, f"an unescaped ] that closes nothing at {i}"
            spans.append((span[0], span[1], len(out)))
            span = None
            i += 1
            continue
        assert c not in "{}", f"an unescaped {c} at {i}"
        out.append(c)
        i += 1
    assert span is None and change is None, "a mark left open"
    return Parsed("".join(out), spans, changes)


_SUP = re.compile(r"<sup>([A-Z]+)</sup>")


def parse_markdown(marked: str, *, paragraphs: bool = False) -> Parsed:
    """Read ``**text**<sup>KIND</sup>``, ``~~removed~~``, ``<ins>added</ins>``, ``<br>``,
    the entities for leading spaces and the backslash escapes. With ``paragraphs``,
    each blank-line-separated paragraph is one line of the article."""
    if paragraphs:
        marked = marked.replace("\n\n", "\n")
    out: list[str] = []
    spans: list[tuple[str, int, int]] = []
    changes: list[tuple[str, int, int]] = []
    span: int | None = None
    removed: int | None = None
    added: int | None = None
    i = 0
    literal = {"<br>": "\n", "&#32;": " ", "&#9;": "\t"}
    while i < len(marked):
        c = marked[i]
        if c == "\\":
            n = marked[i + 1]
            if n == "x":
                out.append(chr(int(marked[i + 2 : i + 4], 16)))
                i += 4
            elif n == "u":
                out.append(chr(int(marked[i + 2 : i + 6], 16)))
                i += 6
            else:
                assert n.isascii() and not n.isalnum() and n.isprintable(), f"bad escape \\{n}"
                out.append(n)
                i += 2
            continue
        token = next((t for t in literal if marked.startswith(t, i)), None)
        if token is not None:
            out.append(literal[token])
            i += len(token)
            continue
        if marked.startswith("**", i):
            if span is None:
                span = len(out)
                i += 2
            else:
                match = _SUP.match(marked, i + 2)
                assert match, f"a closing ** without its <sup>KIND</sup> at {i}"
                spans.append((match.group(1), span, len(out)))
                span = None
                i = match.end()
            continue
        if marked.startswith("~~", i):
            if removed is None:
                removed = len(out)
            else:
                changes.append(("removed", removed, len(out)))
                removed = None
            i += 2
            continue
        if marked.startswith("<ins>", i):
            added = len(out)
            i += 5
            continue
        if marked.startswith("</ins>", i):
            assert added is not None
            changes.append(("added", added, len(out)))
            added = None
            i += 6
            continue
        assert c not in "*_`~[]<>|&$", (
            f"unescaped {c!r} at {i}: {marked[max(0, i - 20) : i + 20]!r}"
        )
        out.append(c)
        i += 1
    assert span is None and removed is None and added is None, "a mark left open"
    return Parsed("".join(out), spans, changes)


@dataclass
class HtmlBlock:
    """A container of article text (the article, or one run of a comparison cell)."""

    start: int
    end: int | None
    parsed: Parsed
    column: int | None = None
    """The comparison column (``data-column`` of the cell) the run is in."""


class HtmlMarks(HTMLParser):
    """Collects every ``.text`` article and ``.run`` div with the marks inside it.

    A mark records the offsets it claims (``data-start``/``data-end``) as its span
    kind, and its position in the container's text; ``.ctl`` boxes stand for the
    character in their ``data-char``; ``.sent`` labels are not article text.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[HtmlBlock] = []
        self.claimed: list[list[tuple[str, int, int, int, int]]] = []
        self._stack: list[str] = []
        self._block: HtmlBlock | None = None
        self._depth = 0
        self._mark: tuple[str, int, int, int] | None = None
        self._change: tuple[str, int] | None = None
        self._skip = 0
        self._text: list[str] = []
        self._column: int | None = None
        self.elements: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(tag)
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "td" and attributes.get("data-column") is not None:
            self._column = int(attributes["data-column"] or 0)
        if self._block is None and (
            (tag == "article" and "text" in classes) or (tag == "div" and "run" in classes)
        ):
            end = attributes.get("data-end")
            self._block = HtmlBlock(
                int(attributes["data-start"] or 0),
                int(end) if end else None,
                Parsed(""),
                self._column if tag == "div" else None,
            )
            self._text = []
            self._depth = 0
            self.claimed.append([])
        if self._block is None:
            return
        self._depth += 1
        if self._skip:
            self._skip += 1
            return
        if tag == "span" and "ctl" in classes:
            self._text.append(chr(int(attributes["data-char"] or "0", 16)))
            self._skip = 1
        elif tag == "span" and "sent" in classes:
            self._skip = 1
        elif tag == "mark" and "data-start" in attributes:
            self._mark = (
                attributes["data-kind"] or "",
                int(attributes["data-start"] or 0),
                int(attributes["data-end"] or 0),
                len("".join(self._text)),
            )
        elif tag in ("del", "ins"):
            self._change = ("removed" if tag == "del" else "added", len("".join(self._text)))

    def handle_endtag(self, tag: str) -> None:
        if self._block is None:
            return
        self._depth -= 1
        if self._skip:
            self._skip -= 1
            if self._skip:
                return
            if tag == "span":
                return
        position = len("".join(self._text))
        if tag == "mark" and self._mark is not None:
            kind, start, end, at = self._mark
            self.claimed[-1].append((kind, start, end, at, position))
            self._block.parsed.spans.append((kind, at, position))
            self._mark = None
        elif tag in ("del", "ins") and self._change is not None:
            self._block.parsed.changes.append((self._change[0], self._change[1], position))
            self._change = None
        if self._depth == 0:
            self._block.parsed.text = "".join(self._text)
            self.blocks.append(self._block)
            self._block = None

    def handle_data(self, data: str) -> None:
        if self._block is not None and not self._skip:
            self._text.append(data)


def parse_html(page: str) -> HtmlMarks:
    parser = HtmlMarks()
    parser.feed(page)
    parser.close()
    return parser


def parse_ann(ann: str) -> list[tuple[str, str, list[tuple[int, int]], str]]:
    """The text-bound annotations of a brat ``.ann``: id, type, fragments, text."""
    found = []
    for line in ann.splitlines():
        if not line.startswith("T"):
            continue
        ident, middle, text = line.split("\t")
        kind, _, offsets = middle.partition(" ")
        fragments = [(int(a), int(b)) for a, b in (part.split(" ") for part in offsets.split(";"))]
        found.append((ident, kind, fragments, text))
    return found
