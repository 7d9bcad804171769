"""Digit runs that look like numbers but name none: phone numbers and identifiers.

``+62 812 3456 7890``, ``(021) 5551234``, ``0812-3456-7890``, ``Call 555-1234`` and
bare runs of eight or more digits (account and ID numbers) are skipped whole, so their
groups are never read as separate amounts or as a range.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.analyze.extract.tokens import Token, adjacent
from newsdiff.core.analyze.extract.vocabulary import Vocabulary

_PHONE_JOINERS: Final = frozenset({"-", ")", "."})


def phone_like_end(tokens: list[Token], i: int, vocab: Vocabulary) -> int | None:
    """The token index after a phone-number-like run starting at ``i``, or None.

    ``+62 812 3456 7890``, ``(021) 5551234``, ``0812-3456-7890`` and digit strings of
    eight or more digits name no amount; skipping the whole run keeps its groups from
    being read as separate numbers.
    """
    token = tokens[i]
    if not token.text.isdigit():
        return None
    prev = tokens[i - 1].text if i else ""
    zero_led = len(token.text) >= 3 and token.text[0] == "0"
    leading = (prev == "+" and adjacent(tokens, i)) or zero_led
    grouped = _hyphen_groups(tokens, i) >= 3
    cue = i > 0 and (tokens[i - 1].lower in vocab.phone_cues or _cue_before_colon(tokens, i, vocab))
    if not (leading or grouped or cue):
        return i + 1 if len(token.text) >= 8 else None
    j = i + 1
    while j < len(tokens):
        joined = j + 1 < len(tokens) and tokens[j + 1].text.isdigit()
        if tokens[j].text in _PHONE_JOINERS and joined:
            j += 2
        elif tokens[j].text.isdigit() and len(tokens[j].text) >= 2:
            j += 1
        else:
            break
    return j


def _cue_before_colon(tokens: list[Token], i: int, vocab: Vocabulary) -> bool:
    """``Telp: 021 …``, ``Call: 555-1234``."""
    return i > 1 and tokens[i - 1].text == ":" and tokens[i - 2].lower in vocab.phone_cues


def _hyphen_groups(tokens: list[Token], i: int) -> int:
    groups, j = 1, i
    while (
        j + 2 < len(tokens)
        and tokens[j + 1].text == "-"
        and tokens[j + 2].text.isdigit()
        and adjacent(tokens, j + 1)
        and adjacent(tokens, j + 2)
    ):
        groups += 1
        j += 2
    return groups
