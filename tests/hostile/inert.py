"""What "inert" means for output bytes: no control sequence from the input survives."""

from __future__ import annotations

import re
from typing import Final

_UNSAFE_TEXT: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
"""C0 controls but tab and newline (ESC, BEL, BS, CR…), DEL, the C1 controls (U+009B is
a one-character CSI), bidi embeddings/overrides/isolates, and lone surrogates."""

SGR: Final = re.compile(rb"\x1b\[[0-9;]*m")
"""A colour/style sequence: what newsdiff itself writes when colour is on."""


def unsafe(data: bytes, *, allow_sgr: bool = False) -> list[str]:
    """The unsafe characters in ``data`` (as UTF-8), each with a little context."""
    if allow_sgr:
        data = SGR.sub(b"", data)
    text = data.decode("utf-8", errors="surrogateescape")
    found = []
    for match in _UNSAFE_TEXT.finditer(text):
        at = match.start()
        found.append(repr(text[max(0, at - 30) : at + 10]))
        if len(found) >= 5:
            break
    return found
