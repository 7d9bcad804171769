"""Word-level changes inside an aligned row, cleaned up so they read well.

Tokens are words, numbers and single punctuation marks, with every stretch that must
stay whole (a name, a value) as one token (see :mod:`tokens`). Only tokens are
compared; each op also carries the whitespace that follows its last token, so the ops
cover the text exactly: joining every op's ``left`` gives the left text, every op's
``right`` the right text.

The raw diff is the longest common subsequence of tokens
(``rapidfuzz.distance.Indel.opcodes``, in C++): it keeps the most words equal, so a
clause moved inside a sentence does not hide the changed number next to it. A raw
diff of a rewrite is full of tiny coincidental equalities — a shared ``di`` or a comma
between two replaced phrases — that chop one change into confetti. The cleanup is
diff-match-patch's semantic cleanup, on tokens: a short equality (at most
:data:`MAX_FOLDED_TOKENS` tokens) no longer in characters than the changes on *both*
sides of it is folded into them, until none is left, and neighbouring changes become
one ``replace``; punctuation-only equalities between changes are always folded, and
equalities holding a value (``1.200 tawanan``) never are — an unchanged number is
worth seeing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from itertools import compress

from rapidfuzz.distance import Indel

from newsdiff.core.compare.tokens import Piece, Tokens
from newsdiff.core.lexicons import load_set
from newsdiff.core.model import OpKind, WordOp

_NOT_PUNCTUATION = re.compile(r"[^\s.,;:!?\"'“”‘’()\-–—]")
"""Anything that is not whitespace or punctuation: its absence makes a stretch blank."""

_ANCHOR = re.compile(r"\d")
"""A digit: the mark of a value, kept visible when it is unchanged."""

_EQUAL, _INSERT, _DELETE, _REPLACE = OpKind.EQUAL, OpKind.INSERT, OpKind.DELETE, OpKind.REPLACE
"""The op kinds as module names: on Python 3.11 looking an enum member up on its class
is several times slower than reading a global, and every row makes several ops."""

MAX_FOLDED_TOKENS = 3
"""Longest equality (in tokens) that may be folded into the changes around it: on
words, unlike characters, a run of four equal words is something a reader wants to
see kept."""


Segment = list
"""``[equal, i1, i2, j1, j2]``: a run of equal tokens, or a change, by token ranges."""


def _cleanup(
    segments: list[Segment], left_text: str, ls: list[int], rs: list[int]
) -> list[Segment]:
    """Fold small equalities between changes into them (semantic cleanup).

    Folding makes a bigger change, which may make the equality before it foldable in
    turn, so the scan steps back after each fold. ``ls``/``rs`` are where each token
    starts on each side, and where the run ends after the last.

    An equality holding a value or a whole name (``1.200 tawanan``, ``Vladimir
    Medinsky``: a digit) is what a reader checks first, so it is never folded away;
    one of punctuation only always is.
    """
    k = 1
    while k < len(segments) - 1:
        middle = segments[k]
        if not middle[0] or middle[2] - middle[1] > MAX_FOLDED_TOKENS:
            k += 1
            continue
        before, after = segments[k - 1], segments[k + 1]
        if before[0] or after[0]:
            k += 1
            continue
        first, last = ls[middle[1]], ls[middle[2]]
        if _ANCHOR.search(left_text, first, last) is not None:
            k += 1
            continue
        size = last - first
        around_before = max(ls[before[2]] - ls[before[1]], rs[before[4]] - rs[before[3]])
        around_after = max(ls[after[2]] - ls[after[1]], rs[after[4]] - rs[after[3]])
        small = size <= around_before and size <= around_after
        if small or _NOT_PUNCTUATION.search(left_text, first, last) is None:
            segments[k - 1 : k + 2] = [[False, before[1], after[2], before[3], after[4]]]
            k = max(1, k - 1)
        else:
            k += 1
    return segments


def _bounds(
    segments: Sequence[Segment],
    left_text: str,
    left: Tokens,
    ls: list[int],
    right_text: str,
    right: Tokens,
    rs: list[int],
) -> list[list[int]]:
    """Offsets of each segment on both sides, whitespace included.

    A segment runs from its first token to the next segment's first token, so the
    whitespace after it is its own. When an equality is followed by a change and the
    whitespace after the equality differs between the sides (``Nasional Ukraina`` vs
    ``Nasional.``), that whitespace goes to the change instead, so the equality stays
    equal and the change says what really changed.
    """
    out = [[ls[s[1]], ls[s[2]], rs[s[3]], rs[s[4]]] for s in segments]
    for k in range(len(segments) - 1):
        segment = segments[k]
        if not segment[0]:
            continue
        l_token_end = left.ends[segment[2] - 1]
        r_token_end = right.ends[segment[4] - 1]
        bounds = out[k]
        if left_text[l_token_end : bounds[1]] != right_text[r_token_end : bounds[3]]:
            bounds[1], out[k + 1][0] = l_token_end, l_token_end
            bounds[3], out[k + 1][2] = r_token_end, r_token_end
    return out


def _split_equal(
    op: WordOp,
    segment: Segment,
    left_text: str,
    left: Tokens,
    ls: list[int],
    right_text: str,
    right: Tokens,
    rs: list[int],
) -> list[WordOp]:
    """An equal run whose whitespace differs (``\\n\\n`` vs a space): equal tokens,
    replaced whitespace, so joining the ops still gives both texts exactly."""
    ops: list[WordOp] = []
    for i, j in zip(range(segment[1], segment[2]), range(segment[3], segment[4]), strict=True):
        l_start, l_token_end = left.starts[i], left.ends[i]
        r_start, r_token_end = right.starts[j], right.ends[j]
        final = i == segment[2] - 1
        l_stop = op.left_end if final else ls[i + 1]
        r_stop = op.right_end if final else rs[j + 1]
        parts = [
            (OpKind.EQUAL, l_start, l_token_end, r_start, r_token_end),
            (OpKind.EQUAL, l_token_end, l_stop, r_token_end, r_stop),
        ]
        for kind, a, b, c, d in parts:
            if a == b and c == d:
                continue
            same = left_text[a:b] == right_text[c:d]
            kind = OpKind.EQUAL if same else OpKind.REPLACE
            if ops and ops[-1].op is kind is OpKind.EQUAL:
                last = ops[-1]
                ops[-1] = WordOp(
                    kind,
                    left_text[last.left_start : b],
                    right_text[last.right_start : d],
                    last.left_start,
                    b,
                    last.right_start,
                    d,
                )
            else:
                ops.append(WordOp(kind, left_text[a:b], right_text[c:d], a, b, c, d))
    return ops or [op]


@cache
def _function_words() -> frozenset[str]:
    return load_set("stopwords_id") | load_set("stopwords_en")


VALUE_WEIGHT = 3
"""How many content words a value token counts for when anchors are chosen."""


class Weights(dict[str, int]):
    """Token → how much it counts as an anchor: 0 for function words and punctuation,
    :data:`VALUE_WEIGHT` for a token with a digit, else 1. Filled on first sight and
    shared by the rows of one comparison (reports repeat their words)."""

    def __missing__(self, key: str) -> int:
        weight = 0
        if key[:1].isalnum() and key.casefold() not in _function_words():
            weight = VALUE_WEIGHT if _ANCHOR.search(key) else 1
        self[key] = weight
        return weight


def _weighted_content(keys: list[str], weights: Weights) -> list[int]:
    """Indices of the content tokens, a value token repeated :data:`VALUE_WEIGHT` times.

    The LCS counts tokens; repeating a value makes ``31.232 warga mengungsi`` outweigh
    a name of as many words when the two cannot both be kept (a clause moved).
    """
    found = list(map(weights.__getitem__, keys))
    content = list(compress(range(len(found)), found))
    if VALUE_WEIGHT not in found:
        return content
    out: list[int] = []
    for index in content:
        if found[index] == VALUE_WEIGHT:
            out.extend((index,) * VALUE_WEIGHT)
        else:
            out.append(index)
    return out


def _segments(left: list[str], right: list[str], weights: Weights) -> list[Segment]:
    """Token segments, anchored on content words first, then filled in between.

    A plain LCS of all tokens is happy to match a comma and an ``untuk`` instead of
    ``1.200 tawanan perang`` when the counts tie. So the LCS of the content words
    (no function words, no punctuation; values weighing more) is taken first as
    anchors, and only the stretches between anchors are diffed token by token.
    Neighbouring pieces of one kind (a delete next to an insert, two equal runs)
    come out as one segment.
    """
    left_content = _weighted_content(left, weights)
    right_content = _weighted_content(right, weights)
    # Anchors as runs: (first left, first right, last left, last right), every token
    # between first and last equal on both sides.
    runs: list[tuple[int, int, int, int]] = []
    last_a = last_b = -1
    for tag, i1, i2, j1, j2 in Indel.opcodes(
        [left[i] for i in left_content], [right[j] for j in right_content]
    ).as_list():
        if tag != "equal":
            continue
        lefts, rights = left_content[i1:i2], right_content[j1:j2]
        x, y, u, v = lefts[0], lefts[-1], rights[0], rights[-1]
        if (
            x > last_a
            and u > last_b
            and y - x == v - u
            and left[x : y + 1] == right[u : v + 1]
            and lefts == [r + x - u for r in rights]
        ):
            # The usual case, taken whole: the block's anchors lie on one diagonal
            # and the tokens between them are equal, so everything from its first
            # anchor to its last is one equal run (as anchor by anchor it would be).
            runs.append((x, u, y, v))
            last_a, last_b = y, v
            continue
        for a, b in zip(lefts, rights, strict=True):
            if a > last_a and b > last_b:
                runs.append((a, b, a, b))
                last_a, last_b = a, b
    n, m = len(left), len(right)
    runs.append((n, m, n, m))
    out: list[Segment] = [[True, 0, 0, 0, 0]]  # an empty start, dropped below

    def add(equal: bool, i1: int, i2: int, j1: int, j2: int) -> None:
        if out[-1][0] is equal:
            out[-1][2], out[-1][4] = i2, j2
        else:
            out.append([equal, i1, i2, j1, j2])

    i = j = 0
    for a, b, y, v in runs:
        if a > i or b > j:  # a gap before the run
            if a - i == b - j and left[i:a] == right[j:b]:
                add(True, i, a, j, b)
            elif a == i or b == j or (a - i == 1 and b - j == 1):
                add(False, i, a, j, b)
            else:
                for tag, i1, i2, j1, j2 in Indel.opcodes(left[i:a], right[j:b]).as_list():
                    equal = tag == "equal"  # add(), inline: the busiest call of a row
                    last = out[-1]
                    if last[0] is equal:
                        last[2], last[4] = i + i2, j + j2
                    else:
                        out.append([equal, i + i1, i + i2, j + j1, j + j2])
        if a < n:  # the run itself
            last = out[-1]
            if last[0]:
                last[2], last[4] = y + 1, v + 1
            else:
                out.append([True, a, y + 1, b, v + 1])
        i, j = y + 1, v + 1
    if out[0][2] == 0 and out[0][4] == 0:
        del out[0]
    return out


def diff_runs(
    left_text: str,
    left: Tokens,
    left_end: int,
    right_text: str,
    right: Tokens,
    right_end: int,
    weights: Weights | None = None,
) -> tuple[WordOp, ...]:
    """Ops turning the left run into the right run, offsets into each article text.

    ``left_end``/``right_end`` are where each run stops (its last sentence's end), so
    trailing characters after the last token belong to the last op. ``weights`` may
    be shared by the rows of one comparison.
    """
    ls = [*left.starts, left_end]
    rs = [*right.starts, right_end]
    left_start, right_start = ls[0], rs[0]
    if left_text[left_start:left_end] == right_text[right_start:right_end]:
        return (
            WordOp(
                OpKind.EQUAL,
                left_text[left_start:left_end],
                right_text[right_start:right_end],
                left_start,
                left_end,
                right_start,
                right_end,
            ),
        )
    segments = _segments(left.keys, right.keys, Weights() if weights is None else weights)
    segments = _cleanup(segments, left_text, ls, rs)
    bounds = _bounds(segments, left_text, left, ls, right_text, right, rs)
    ops: list[WordOp] = []
    for segment, (l1, l2, r1, r2) in zip(segments, bounds, strict=True):
        left_part, right_part = left_text[l1:l2], right_text[r1:r2]
        if segment[0]:
            op = WordOp(_EQUAL, left_part, right_part, l1, l2, r1, r2)
            if left_part != right_part:
                ops.extend(_split_equal(op, segment, left_text, left, ls, right_text, right, rs))
                continue
        else:
            kind = _INSERT if l1 == l2 else _DELETE if r1 == r2 else _REPLACE
            op = WordOp(kind, left_part, right_part, l1, l2, r1, r2)
        ops.append(op)
    return tuple(ops)


def word_diff(
    left_text: str,
    left_pieces: Sequence[Piece],
    left_end: int,
    right_text: str,
    right_pieces: Sequence[Piece],
    right_end: int,
) -> tuple[WordOp, ...]:
    """:func:`diff_runs` for tokens given as offsets (from :func:`tokens.diff_tokens`)."""

    def tokens(text: str, pieces: Sequence[Piece]) -> Tokens:
        return Tokens(
            [text[a:b] for a, b in pieces], [a for a, _ in pieces], [b for _, b in pieces]
        )

    return diff_runs(
        left_text,
        tokens(left_text, left_pieces),
        left_end,
        right_text,
        tokens(right_text, right_pieces),
        right_end,
    )


def apply_ops(ops: Iterable[WordOp]) -> str:
    """The right text an op list produces from the left (for checks and tests)."""
    return "".join(op.left if op.op is OpKind.EQUAL else op.right for op in ops)
