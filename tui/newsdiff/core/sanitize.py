"""Make article text safe to print: control characters become visible, not active.

Article text is data. Printed raw to a terminal, an ESC byte starts an escape
sequence (colours, cursor moves, OSC 52 clipboard writes, window titles) and bidi
controls reorder what a person sees. Every path from article text to a terminal or a
plain-text file goes through :func:`visible`.
"""

from __future__ import annotations

import re
from typing import Final

_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]"
)
"""C0/C1 controls except tab and newline, and the bidi embedding/override/isolate marks."""

_SURROGATE: Final = re.compile("[\ud800-\udfff]")

UNSAFE_CHARACTERS: Final = _UNSAFE
"""The characters :func:`visible` replaces, for writers with their own way of showing
them (the exports keep offsets, so they swap one character for one mark)."""
SURROGATES: Final = _SURROGATE
"""Lone surrogates: text that cannot be encoded, shown as U+FFFD."""


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code < 0x100 else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """``text`` with controls shown as ``\\x1b`` or ``<U+202E>`` instead of acting."""
    text = _SURROGATE.sub("\ufffd", text)
    return _UNSAFE.sub(_escape, text)


def visible_line(text: str) -> str:
    """Like :func:`visible`, and newlines and tabs shown as spaces (table cells)."""
    return " ".join(visible(text).split())
