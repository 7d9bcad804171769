"""Word-level changes inside an aligned row, cleaned up so they read well.

Tokens are words, numbers and single punctuation marks (``segment.TOKEN_PATTERN``),
with every stretch that must stay whole merged into one token: spans from extraction
(``Vladimir Medinsky``, ``Rp 1,2 triliun``) and the value stretches alignment masked
(``Jumat (16/5)``). Only tokens are compared; each op also carries the whitespace that
follows its last token, so the ops cover the text exactly: joining every op's
``left`` gives the left text, every op's ``right`` the right text.

The raw diff is the longest common subsequence of tokens
(``rapidfuzz.distance.Indel.opcodes``, in C++): it keeps the most words equal, so a
clause moved inside a sentence does not hide the changed number next to it. A raw
diff of a rewrite is full of tiny coincidental equalities — a shared ``di`` or a comma
between two replaced phrases — that chop one change into confetti. The cleanup is
diff-match-patch's semantic cleanup, on tokens: a short equality (at most
:data:`MAX_FOLDED_TOKENS` tokens) no longer in characters than the changes on *both*
sides of it is folded into them, until none is left, and neighbouring changes become
one ``replace``; punctuation-only equalities between changes are always folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from rapidfuzz.distance import Indel

from newsdiff.core.model import OpKind, WordOp
from newsdiff.core.segment import TOKEN_PATTERN

Piece = tuple[int, int]
"""A token's offsets in the article text."""

_NOT_PUNCTUATION = re.compile(r"[^\s.,;:!?\"'“”‘’()\-–—]")
"""Anything that is not whitespace or punctuation: its absence makes a stretch blank."""

MAX_FOLDED_TOKENS = 3
"""Longest equality (in tokens) that may be folded into the changes around it: on
words, unlike characters, a run of four equal words is something a reader wants to
see kept."""


_PLAIN_TOKENS = re.compile(
    r"""
    (?:Rp|RP|IDR|USD|US\$|S\$|A\$|\$|€|£|¥)(?=\d)
    | \d+(?:[.,:/]\d+)*
    | (?:[^\W\d_]\.){2,}
    | [^\W_](?:[\w]|[-'’](?=\w))*
    | [^\w\s]
    """,
    re.VERBOSE,
)
"""``segment.TOKEN_PATTERN`` without its URL and e-mail branches, which cost a third of
the time on every word: used for text that has no ``@``, ``://`` or ``www.``, where
both give the same tokens (a test checks)."""


def _tokens(text: str, start: int, end: int) -> list[Piece]:
    stretch = text[start:end]
    plain = "@" not in stretch and "://" not in stretch and "www." not in stretch
    pattern = _PLAIN_TOKENS if plain else TOKEN_PATTERN
    return [m.span() for m in pattern.finditer(text, start, end)]


def diff_tokens(
    text: str, start: int, end: int, keep_whole: Iterable[tuple[int, int]] = ()
) -> list[Piece]:
    """Tokens of ``text[start:end]``, with each stretch in ``keep_whole`` as one token."""
    tokens = _tokens(text, start, end)
    whole = sorted((a, b) for a, b in keep_whole if start <= a < b <= end)
    if not whole:
        return tokens
    pieces: list[Piece] = []
    position = start
    w = 0
    for t_start, t_end in tokens:
        if t_start < position:
            continue  # inside a stretch already taken whole
        while w < len(whole) and whole[w][1] <= t_start:
            w += 1
        if w < len(whole) and whole[w][0] <= t_start < whole[w][1]:
            t_end = max(t_end, whole[w][1])
        pieces.append((t_start, t_end))
        position = t_end
    return pieces


class _Segment:
    """A run of tokens under cleanup: equal, or a change (token ranges on both sides)."""

    __slots__ = ("equal", "i1", "i2", "j1", "j2")

    def __init__(self, equal: bool, i1: int, i2: int, j1: int, j2: int) -> None:
        self.equal = equal
        self.i1, self.i2, self.j1, self.j2 = i1, i2, j1, j2


class _Side:
    """One side of a row: its text, tokens and where each token's run ends."""

    def __init__(self, text: str, pieces: Sequence[Piece], end: int) -> None:
        self.text = text
        self.pieces = pieces
        self.end = end
        self.starts = [start for start, _ in pieces]
        self.starts.append(end)
        """Where each token starts, and the run's end after the last."""

    def bounds(self, first: int, last: int) -> tuple[int, int]:
        """Offsets of tokens ``first..last-1`` with the whitespace after the last."""
        return self.starts[first], self.starts[last]

    def chars(self, first: int, last: int) -> int:
        return self.starts[last] - self.starts[first]

    def blank(self, first: int, last: int) -> bool:
        return _NOT_PUNCTUATION.search(self.text, self.starts[first], self.starts[last]) is None


def _merge_changes(segments: list[_Segment]) -> list[_Segment]:
    """Adjacent changes become one change."""
    out: list[_Segment] = []
    for segment in segments:
        if out and not out[-1].equal and not segment.equal:
            out[-1].i2, out[-1].j2 = segment.i2, segment.j2
        else:
            out.append(segment)
    return out


def _cleanup(segments: list[_Segment], left: _Side, right: _Side) -> list[_Segment]:
    """Fold small equalities between changes into them (semantic cleanup)."""
    segments = _merge_changes(segments)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(segments) - 1):
            middle, before, after = segments[k], segments[k - 1], segments[k + 1]
            if not middle.equal or before.equal or after.equal:
                continue
            if middle.i2 - middle.i1 > MAX_FOLDED_TOKENS:
                continue
            size = left.chars(middle.i1, middle.i2)
            around_before = max(left.chars(before.i1, before.i2), right.chars(before.j1, before.j2))
            around_after = max(left.chars(after.i1, after.i2), right.chars(after.j1, after.j2))
            small = size <= around_before and size <= around_after
            if small or left.blank(middle.i1, middle.i2):
                middle.equal = False
                segments = _merge_changes(segments)
                changed = True
                break
    return segments


def _op(kind_of: _Segment, bounds: tuple[int, int, int, int], left: _Side, right: _Side) -> WordOp:
    ls, le, rs, re_ = bounds
    if kind_of.equal:
        kind = OpKind.EQUAL
    elif ls == le:
        kind = OpKind.INSERT
    elif rs == re_:
        kind = OpKind.DELETE
    else:
        kind = OpKind.REPLACE
    return WordOp(kind, left.text[ls:le], right.text[rs:re_], ls, le, rs, re_)


def _bounds(segments: Sequence[_Segment], left: _Side, right: _Side) -> list[list[int]]:
    """Offsets of each segment on both sides, whitespace included.

    A segment runs from its first token to the next segment's first token, so the
    whitespace after it is its own. When an equality is followed by a change and the
    whitespace after the equality differs between the sides (``Nasional Ukraina`` vs
    ``Nasional.``), that whitespace goes to the change instead, so the equality stays
    equal and the change says what really changed.
    """
    out: list[list[int]] = []
    for segment in segments:
        ls, le = left.bounds(segment.i1, segment.i2)
        rs, re_ = right.bounds(segment.j1, segment.j2)
        out.append([ls, le, rs, re_])
    for k in range(len(segments) - 1):
        segment = segments[k]
        if not segment.equal:
            continue
        l_token_end = left.pieces[segment.i2 - 1][1]
        r_token_end = right.pieces[segment.j2 - 1][1]
        l_gap = left.text[l_token_end : out[k][1]]
        r_gap = right.text[r_token_end : out[k][3]]
        if l_gap != r_gap:
            out[k][1], out[k + 1][0] = l_token_end, l_token_end
            out[k][3], out[k + 1][2] = r_token_end, r_token_end
    return out


def _split_equal(op: WordOp, segment: _Segment, left: _Side, right: _Side) -> list[WordOp]:
    """An equal run whose whitespace differs (``\\n\\n`` vs a space): equal tokens,
    replaced whitespace, so joining the ops still gives both texts exactly."""
    ops: list[WordOp] = []
    for i, j in zip(range(segment.i1, segment.i2), range(segment.j1, segment.j2), strict=True):
        l_start, l_token_end = left.pieces[i]
        r_start, r_token_end = right.pieces[j]
        last = i == segment.i2 - 1
        l_stop = op.left_end if last else left.bounds(i + 1, i + 1)[0]
        r_stop = op.right_end if last else right.bounds(j + 1, j + 1)[0]
        parts = [
            (OpKind.EQUAL, l_start, l_token_end, r_start, r_token_end),
            (OpKind.EQUAL, l_token_end, l_stop, r_token_end, r_stop),
        ]
        for kind, a, b, c, d in parts:
            if a == b and c == d:
                continue
            same = left.text[a:b] == right.text[c:d]
            kind = OpKind.EQUAL if same else OpKind.REPLACE
            if ops and ops[-1].op is kind is OpKind.EQUAL:
                last = ops[-1]
                ops[-1] = WordOp(
                    kind,
                    left.text[last.left_start : b],
                    right.text[last.right_start : d],
                    last.left_start,
                    b,
                    last.right_start,
                    d,
                )
            else:
                ops.append(WordOp(kind, left.text[a:b], right.text[c:d], a, b, c, d))
    return ops or [op]


def word_diff(
    left_text: str,
    left_pieces: Sequence[Piece],
    left_end: int,
    right_text: str,
    right_pieces: Sequence[Piece],
    right_end: int,
) -> tuple[WordOp, ...]:
    """Ops turning the left run into the right run, offsets into each article text.

    ``left_end``/``right_end`` are where each run stops (its last sentence's end), so
    trailing characters after the last token belong to the last op.
    """
    left = _Side(left_text, left_pieces, left_end)
    right = _Side(right_text, right_pieces, right_end)
    left_start, right_start = left.starts[0], right.starts[0]
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
    left_keys = [left_text[a:b] for a, b in left_pieces]
    right_keys = [right_text[a:b] for a, b in right_pieces]
    segments = [
        _Segment(tag == "equal", i1, i2, j1, j2)
        for tag, i1, i2, j1, j2 in Indel.opcodes(left_keys, right_keys).as_list()
    ]
    segments = _cleanup(segments, left, right)
    ops: list[WordOp] = []
    for segment, bounds in zip(segments, _bounds(segments, left, right), strict=True):
        op = _op(segment, (bounds[0], bounds[1], bounds[2], bounds[3]), left, right)
        if op.op is OpKind.EQUAL and op.left != op.right:
            ops.extend(_split_equal(op, segment, left, right))
        else:
            ops.append(op)
    return tuple(ops)


def apply_ops(ops: Iterable[WordOp]) -> str:
    """The right text an op list produces from the left (for checks and tests)."""
    return "".join(op.left if op.op is OpKind.EQUAL else op.right for op in ops)
