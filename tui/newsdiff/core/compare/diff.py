"""Word-level changes inside an aligned row, cleaned up so they read well.

Tokens are words, numbers and single punctuation marks (``segment.TOKEN_PATTERN``),
with every stretch that must stay whole merged into one token: spans from extraction
(``Vladimir Medinsky``, ``Rp 1,2 triliun``) and the value stretches alignment masked
(``Jumat (16/5)``). Whitespace runs are tokens too, so the ops cover the text exactly:
joining every op's ``left`` gives the left text and every op's ``right`` the right text.

The raw token diff comes from :class:`difflib.SequenceMatcher` (longest matching
blocks first, which reads better than a bare LCS). A raw diff of a rewrite is full
of tiny coincidental equalities — a shared ``di`` or a space between two replaced
phrases — that chop one change into confetti. The cleanup is the idea of
diff-match-patch's semantic cleanup, on tokens: an equality no longer than the
changes on *both* sides of it is folded into them, repeatedly, and neighbouring
changes become one ``replace``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from difflib import SequenceMatcher

from newsdiff.core.model import OpKind, WordOp
from newsdiff.core.segment import TOKEN_PATTERN

Piece = tuple[int, int]
"""A token's offsets in the article text."""


def diff_tokens(
    text: str, start: int, end: int, keep_whole: Iterable[tuple[int, int]] = ()
) -> list[Piece]:
    """Tokens of ``text[start:end]`` (whitespace runs included), stretches kept whole."""
    whole = sorted((a, b) for a, b in keep_whole if start <= a < b <= end)
    pieces: list[Piece] = []
    position = start
    w = 0
    for match in TOKEN_PATTERN.finditer(text, start, end):
        t_start, t_end = match.span()
        if t_start < position:
            continue  # inside a stretch already emitted whole
        while w < len(whole) and whole[w][1] <= t_start:
            w += 1
        if position < t_start:
            pieces.append((position, t_start))  # whitespace (or anything unmatched)
        if w < len(whole) and whole[w][0] <= t_start < whole[w][1]:
            t_end = max(t_end, whole[w][1])
        pieces.append((t_start, t_end))
        position = t_end
    if position < end:
        pieces.append((position, end))
    return pieces


class _Segment:
    """A run of ops under cleanup: equal, or a change (token ranges on both sides)."""

    __slots__ = ("equal", "i1", "i2", "j1", "j2")

    def __init__(self, equal: bool, i1: int, i2: int, j1: int, j2: int) -> None:
        self.equal = equal
        self.i1, self.i2, self.j1, self.j2 = i1, i2, j1, j2


def _chars(pieces: Sequence[Piece], first: int, last: int) -> int:
    return sum(b - a for a, b in pieces[first:last])


def _merge_changes(segments: list[_Segment]) -> list[_Segment]:
    """Adjacent changes become one change."""
    out: list[_Segment] = []
    for segment in segments:
        if out and not out[-1].equal and not segment.equal:
            out[-1].i2, out[-1].j2 = segment.i2, segment.j2
        else:
            out.append(segment)
    return out


def _cleanup(
    segments: list[_Segment], left: Sequence[Piece], right: Sequence[Piece], left_text: str
) -> list[_Segment]:
    """Fold small equalities between changes into them (semantic cleanup)."""
    segments = _merge_changes(segments)
    changed = True
    while changed:
        changed = False
        for k in range(1, len(segments) - 1):
            middle = segments[k]
            before, after = segments[k - 1], segments[k + 1]
            if not middle.equal or before.equal or after.equal:
                continue
            size = _chars(left, middle.i1, middle.i2)
            blank = not any(
                left_text[a:b].strip(" \t\n.,;:") for a, b in left[middle.i1 : middle.i2]
            )
            around_before = max(
                _chars(left, before.i1, before.i2), _chars(right, before.j1, before.j2)
            )
            around_after = max(_chars(left, after.i1, after.i2), _chars(right, after.j1, after.j2))
            if blank or (size <= around_before and size <= around_after):
                middle.equal = False
                segments = _merge_changes(segments)
                changed = True
                break
    return segments


def word_diff(
    left_text: str,
    left_pieces: Sequence[Piece],
    right_text: str,
    right_pieces: Sequence[Piece],
) -> tuple[WordOp, ...]:
    """Ops turning the left pieces into the right pieces, offsets into each text."""
    left_keys = [left_text[a:b] for a, b in left_pieces]
    right_keys = [right_text[a:b] for a, b in right_pieces]
    matcher = SequenceMatcher(None, left_keys, right_keys, autojunk=False)
    segments = [
        _Segment(tag == "equal", i1, i2, j1, j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    segments = _cleanup(segments, left_pieces, right_pieces, left_text)
    left_end = left_pieces[-1][1] if left_pieces else 0
    right_end = right_pieces[-1][1] if right_pieces else 0

    def bounds(pieces: Sequence[Piece], first: int, last: int, fallback: int) -> tuple[int, int]:
        if first < last:
            return pieces[first][0], pieces[last - 1][1]
        point = pieces[first][0] if first < len(pieces) else fallback
        return point, point

    ops: list[WordOp] = []
    for segment in segments:
        ls, le = bounds(left_pieces, segment.i1, segment.i2, left_end)
        rs, re_ = bounds(right_pieces, segment.j1, segment.j2, right_end)
        if segment.equal:
            kind = OpKind.EQUAL
        elif ls == le:
            kind = OpKind.INSERT
        elif rs == re_:
            kind = OpKind.DELETE
        else:
            kind = OpKind.REPLACE
        ops.append(WordOp(kind, left_text[ls:le], right_text[rs:re_], ls, le, rs, re_))
    return tuple(ops)


def apply_ops(ops: Iterable[WordOp]) -> str:
    """The right text an op list produces from the left (for checks and tests)."""
    return "".join(op.left if op.op is OpKind.EQUAL else op.right for op in ops)
