"""The tokens the word diff compares: words, numbers and single punctuation marks.

Tokens are ``segment.TOKEN_PATTERN``'s, with every stretch that must stay whole merged
into one token: spans from extraction (``Vladimir Medinsky``, ``Rp 1,2 triliun``) and
the value stretches alignment masked (``Jumat (16/5)``). Every sentence of both reports
that lands in a changed row is tokenised, so this is written for speed: most of a
sentence is words between single spaces, which need no regex at all.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from itertools import accumulate, compress, count
from operator import add, not_
from typing import Final, NamedTuple

from newsdiff.core.segment import TOKEN_PATTERN

Piece = tuple[int, int]
"""A token's offsets in the article text."""

PLAIN_TOKENS: Final = re.compile(
    r"""
    \d+(?:[.,:/]\d+)*
    | (?:Rp|RP|IDR|USD|US\$|S\$|A\$)(?=\d)
    | (?:[^\W\d_]\.){2,}
    | [^\W_]\w*(?:[-'’]\w+)*
    | [^\w\s]
    """,
    re.VERBOSE,
)
"""``segment.TOKEN_PATTERN`` without its URL and e-mail branches, which cost a third of
the time on every word: used for text that has no ``@``, ``://`` or ``www.``, where
both give the same tokens (a test checks). Written for the regex engine's speed: the
numeral first (a digit decides it at once), no currency symbols (``$`` before a digit
is one punctuation token either way), and words as runs rather than a loop of
alternatives (``masing-masing``: a hyphen or apostrophe only when a word character
follows, as before)."""

_NUMERAL: Final = re.compile(r"\d+(?:[.,:/]\d+)*")
""":data:`PLAIN_TOKENS`' first branch: a chunk it matches whole is one token."""

_CLOSING: Final = frozenset(".,;:!?)\"'’”")
"""Punctuation that often ends a word (``kata.``, ``kata,``): a chunk of letters and
one of these is two tokens, the word and the mark, which :data:`PLAIN_TOKENS` would
find too (none of them is a word character, and a word takes a hyphen or apostrophe
only when a word character follows)."""


class Tokens(NamedTuple):
    """A run's tokens as parallel lists: texts, start and end offsets."""

    keys: list[str]
    starts: list[int]
    ends: list[int]


def _plain_tokens(stretch: str, start: int) -> tuple[list[str], list[int], list[int]]:
    """Tokens of ``stretch`` (at offset ``start``) by :data:`PLAIN_TOKENS`, mostly
    without the regex engine: no token holds a space, so each space-separated chunk
    is tokenised alone, and a chunk of letters only is one word.

    Every chunk is first taken as one token; the others (punctuation, digits,
    hyphens…) are then replaced in place by their tokens, last first so the positions
    of those still to do stay put. The usual ones are settled without the pattern: a
    word with a closing mark (the last word of every sentence) and a numeral.
    """
    chunks = stretch.split(" ")
    lengths = list(map(len, chunks))
    # Chunk k starts after the chunks before it and one space each.
    starts = list(map(add, accumulate(lengths, initial=start), count()))
    del starts[-1]
    ends = list(map(add, starts, lengths))
    for k in reversed(list(compress(count(), map(not_, map(str.isalpha, chunks))))):
        chunk = chunks[k]
        if chunk[-1:] in _CLOSING and chunk[:-1].isalpha():
            cut = ends[k] - 1
            chunks[k : k + 1] = (chunk[:-1], chunk[-1])
            starts.insert(k + 1, cut)
            ends.insert(k, cut)
        elif chunk[:1].isdigit() and _NUMERAL.fullmatch(chunk):
            continue  # already one token
        else:
            base = starts[k]
            spans = [m.span() for m in PLAIN_TOKENS.finditer(chunk)]
            chunks[k : k + 1] = [chunk[a:b] for a, b in spans]
            starts[k : k + 1] = [base + a for a, _ in spans]
            ends[k : k + 1] = [base + b for _, b in spans]
    return chunks, starts, ends


def run_tokens(
    text: str,
    start: int,
    end: int,
    keep_whole: Iterable[tuple[int, int]] = (),
    *,
    ready: bool = False,
) -> Tokens:
    """Tokens of ``text[start:end]``, with each stretch in ``keep_whole`` as one token
    (a token that starts inside a stretch is stretched to its end, and the tokens it
    then covers are dropped). ``ready`` says the stretches are already sorted and
    inside the run."""
    stretch = text[start:end]
    if "@" in stretch or "://" in stretch or "www." in stretch:
        spans = [m.span() for m in TOKEN_PATTERN.finditer(text, start, end)]
        starts = [a for a, _ in spans]
        ends = [b for _, b in spans]
        keys = [text[a:b] for a, b in spans]
    else:
        keys, starts, ends = _plain_tokens(stretch, start)
    if ready:
        whole = keep_whole if isinstance(keep_whole, list) else list(keep_whole)
    else:
        whole = sorted([(a, b) for a, b in keep_whole if start <= a < b <= end])
    if not whole:
        return Tokens(keys, starts, ends)
    # Stretch by stretch (a sentence has a few), not token by token: the tokens
    # between stretches are copied in slices.
    out_keys: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    taken = 0  # tokens before this one are in the output or covered
    total = len(starts)
    for a, b in whole:
        first = bisect_left(starts, a, taken)
        if first == total or starts[first] >= b:
            continue  # no token starts inside this stretch
        out_keys += keys[taken:first]
        out_starts += starts[taken:first]
        out_ends += ends[taken:first]
        t_start, t_end = starts[first], ends[first]
        if b > t_end:
            out_keys.append(text[t_start:b])
            t_end = b
        else:
            out_keys.append(keys[first])
        out_starts.append(t_start)
        out_ends.append(t_end)
        taken = bisect_left(starts, t_end, first + 1)
    out_keys += keys[taken:]
    out_starts += starts[taken:]
    out_ends += ends[taken:]
    return Tokens(out_keys, out_starts, out_ends)


def diff_tokens(
    text: str, start: int, end: int, keep_whole: Iterable[tuple[int, int]] = ()
) -> list[Piece]:
    """Offsets of the tokens of ``text[start:end]`` (see :func:`run_tokens`)."""
    tokens = run_tokens(text, start, end, keep_whole)
    return list(zip(tokens.starts, tokens.ends, strict=True))
