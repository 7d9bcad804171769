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
one ``replace``; punctuation-only equalities between changes are always folded, and
equalities holding a value (``1.200 tawanan``) never are — an unchanged number is
worth seeing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from rapidfuzz.distance import Indel

from newsdiff.core.lexicons import load_set
from newsdiff.core.model import OpKind, WordOp
from newsdiff.core.segment import TOKEN_PATTERN

Piece = tuple[int, int]
"""A token's offsets in the article text."""

_NOT_PUNCTUATION = re.compile(r"[^\s.,;:!?\"'“”‘’()\-–—]")
"""Anything that is not whitespace or punctuation: its absence makes a stretch blank."""

_ANCHOR = re.compile(r"\d")
"""A digit: the mark of a value, kept visible when it is unchanged."""

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


class _Side:
    """One side of a row: its text, tokens and where each token starts."""

    def __init__(self, text: str, pieces: Sequence[Piece], end: int) -> None:
        self.text = text
        self.pieces = pieces
        self.end = end
        self.starts = [start for start, _ in pieces]
        self.starts.append(end)
        """Where each token starts, and the run's end after the last."""

    def anchored(self, first: int, last: int) -> bool:
        """True when a token in ``first..last-1`` is a value or a whole name.

        Such tokens (``1.200 tawanan``, ``Vladimir Medinsky``) are what a reader checks
        first, so an equality holding one is never folded away.
        """
        return _ANCHOR.search(self.text, self.starts[first], self.starts[last]) is not None

    def blank(self, first: int, last: int) -> bool:
        return _NOT_PUNCTUATION.search(self.text, self.starts[first], self.starts[last]) is None


Segment = list
"""``[equal, i1, i2, j1, j2]``: a run of equal tokens, or a change, by token ranges."""


def _segments(opcodes: Iterable[tuple[str, int, int, int, int]]) -> list[Segment]:
    """Opcodes as segments; neighbours of one kind (a delete next to an insert, two
    equal runs) as one."""
    out: list[Segment] = []
    for tag, i1, i2, j1, j2 in opcodes:
        equal = tag == "equal"
        if out and equal == out[-1][0]:
            out[-1][2], out[-1][4] = i2, j2
        else:
            out.append([equal, i1, i2, j1, j2])
    return out


def _cleanup(segments: list[Segment], left: _Side, right: _Side) -> list[Segment]:
    """Fold small equalities between changes into them (semantic cleanup).

    Folding makes a bigger change, which may make the equality before it foldable in
    turn, so the scan steps back after each fold.
    """
    ls, rs = left.starts, right.starts
    k = 1
    while k < len(segments) - 1:
        before, middle, after = segments[k - 1], segments[k], segments[k + 1]
        foldable = (
            middle[0]
            and not before[0]
            and not after[0]
            and middle[2] - middle[1] <= MAX_FOLDED_TOKENS
            and not left.anchored(middle[1], middle[2])
        )
        if not foldable:
            k += 1
            continue
        size = ls[middle[2]] - ls[middle[1]]
        around_before = max(ls[before[2]] - ls[before[1]], rs[before[4]] - rs[before[3]])
        around_after = max(ls[after[2]] - ls[after[1]], rs[after[4]] - rs[after[3]])
        small = size <= around_before and size <= around_after
        if small or left.blank(middle[1], middle[2]):
            segments[k - 1 : k + 2] = [[False, before[1], after[2], before[3], after[4]]]
            k = max(1, k - 1)
        else:
            k += 1
    return segments


def _bounds(segments: Sequence[Segment], left: _Side, right: _Side) -> list[list[int]]:
    """Offsets of each segment on both sides, whitespace included.

    A segment runs from its first token to the next segment's first token, so the
    whitespace after it is its own. When an equality is followed by a change and the
    whitespace after the equality differs between the sides (``Nasional Ukraina`` vs
    ``Nasional.``), that whitespace goes to the change instead, so the equality stays
    equal and the change says what really changed.
    """
    ls, rs = left.starts, right.starts
    out = [[ls[s[1]], ls[s[2]], rs[s[3]], rs[s[4]]] for s in segments]
    for k in range(len(segments) - 1):
        segment = segments[k]
        if not segment[0]:
            continue
        l_token_end = left.pieces[segment[2] - 1][1]
        r_token_end = right.pieces[segment[4] - 1][1]
        bounds = out[k]
        if left.text[l_token_end : bounds[1]] != right.text[r_token_end : bounds[3]]:
            bounds[1], out[k + 1][0] = l_token_end, l_token_end
            bounds[3], out[k + 1][2] = r_token_end, r_token_end
    return out


def _split_equal(op: WordOp, segment: Segment, left: _Side, right: _Side) -> list[WordOp]:
    """An equal run whose whitespace differs (``\\n\\n`` vs a space): equal tokens,
    replaced whitespace, so joining the ops still gives both texts exactly."""
    ops: list[WordOp] = []
    for i, j in zip(range(segment[1], segment[2]), range(segment[3], segment[4]), strict=True):
        l_start, l_token_end = left.pieces[i]
        r_start, r_token_end = right.pieces[j]
        final = i == segment[2] - 1
        l_stop = op.left_end if final else left.starts[i + 1]
        r_stop = op.right_end if final else right.starts[j + 1]
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


@cache
def _function_words() -> frozenset[str]:
    return load_set("stopwords_id") | load_set("stopwords_en")


VALUE_WEIGHT = 3
"""How many content words a value token counts for when anchors are chosen."""


def _weighted_content(keys: list[str]) -> list[int]:
    """Indices of the content tokens, a value token repeated :data:`VALUE_WEIGHT` times.

    The LCS counts tokens; repeating a value makes ``31.232 warga mengungsi`` outweigh
    a name of as many words when the two cannot both be kept (a clause moved).
    """
    function_words = _function_words()
    has_digit = _ANCHOR.search
    out: list[int] = []
    for index, key in enumerate(keys):
        if key[:1].isalnum() and key.casefold() not in function_words:
            if has_digit(key):
                out.extend((index,) * VALUE_WEIGHT)
            else:
                out.append(index)
    return out


def _opcodes(left: list[str], right: list[str]) -> list[tuple[str, int, int, int, int]]:
    """Token opcodes anchored on content words first, then filled in between.

    A plain LCS of all tokens is happy to match a comma and an ``untuk`` instead of
    ``1.200 tawanan perang`` when the counts tie. So the LCS of the content words
    (no function words, no punctuation; values weighing more) is taken first as
    anchors, and only the stretches between anchors are diffed token by token.
    """
    left_content = _weighted_content(left)
    right_content = _weighted_content(right)
    anchors: list[tuple[int, int]] = []
    for tag, i1, i2, j1, j2 in Indel.opcodes(
        [left[i] for i in left_content], [right[j] for j in right_content]
    ).as_list():
        if tag != "equal":
            continue
        for a, b in zip(left_content[i1:i2], right_content[j1:j2], strict=True):
            if not anchors or (a > anchors[-1][0] and b > anchors[-1][1]):
                anchors.append((a, b))
    anchors.append((len(left), len(right)))
    out: list[tuple[str, int, int, int, int]] = []
    i = j = 0
    for a, b in anchors:
        if a > i and b > j:
            if a - i == 1 and b - j == 1:
                tag = "equal" if left[i] == right[j] else "replace"
                out.append((tag, i, a, j, b))
            else:
                out.extend(
                    (tag, i + i1, i + i2, j + j1, j + j2)
                    for tag, i1, i2, j1, j2 in Indel.opcodes(left[i:a], right[j:b]).as_list()
                )
        elif a > i:
            out.append(("delete", i, a, j, j))
        elif b > j:
            out.append(("insert", i, i, j, b))
        if a < len(left):
            out.append(("equal", a, a + 1, b, b + 1))
        i, j = a + 1, b + 1
    return out


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
    segments = _cleanup(_segments(_opcodes(left_keys, right_keys)), left, right)
    ops: list[WordOp] = []
    for segment, (ls, le, rs, re_) in zip(segments, _bounds(segments, left, right), strict=True):
        if segment[0]:
            kind = OpKind.EQUAL
        elif ls == le:
            kind = OpKind.INSERT
        elif rs == re_:
            kind = OpKind.DELETE
        else:
            kind = OpKind.REPLACE
        op = WordOp(kind, left_text[ls:le], right_text[rs:re_], ls, le, rs, re_)
        if kind is OpKind.EQUAL and op.left != op.right:
            ops.extend(_split_equal(op, segment, left, right))
        else:
            ops.append(op)
    return tuple(ops)


def apply_ops(ops: Iterable[WordOp]) -> str:
    """The right text an op list produces from the left (for checks and tests)."""
    return "".join(op.left if op.op is OpKind.EQUAL else op.right for op in ops)
