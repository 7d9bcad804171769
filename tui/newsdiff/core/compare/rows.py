"""From links to the rows a side-by-side view shows, in reading order.

Rows follow the left report's order. Between two backbone links come, first, the
left sentences and moved links that sit between them on the left, then the right-only
sentences between them on the right — so both columns read top to bottom in their own
order, except the moved rows. A moved row stands where its left sentence is; its
``moved_from`` is the row its right sentence would stand before in the right report's
order (``len(rows)`` for the end).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

from newsdiff.core.compare.align import Link
from newsdiff.core.compare.diff import Weights, diff_runs
from newsdiff.core.compare.features import SentenceProfile
from newsdiff.core.compare.tokens import run_tokens
from newsdiff.core.model import Document, OpKind, Row, RowKind, WordOp


def _keep_whole(
    document: Document, profiles: Sequence[SentenceProfile]
) -> list[list[tuple[int, int]]]:
    """Per content sentence, the stretches the word diff keeps whole: its spans
    (entities too: ``Vladimir Medinsky`` is one token) and its masked values."""
    position_of = {profile.index: p for p, profile in enumerate(profiles)}
    stretches = [list(profile.values) for profile in profiles]
    for span in document.spans:
        position = position_of.get(span.sentence)
        if position is not None:
            stretches[position].append((span.start, span.end))
    return stretches


def _ready(
    stretches: list[list[tuple[int, int]]], profiles: Sequence[SentenceProfile]
) -> list[list[tuple[int, int]]]:
    """Each sentence's stretches sorted, keeping those inside it (as ``run_tokens``
    would for a run of that one sentence)."""
    return [
        sorted([(a, b) for a, b in found if profile.start <= a < b <= profile.end])
        for found, profile in zip(stretches, profiles, strict=True)
    ]


def run_range(profiles: Sequence[SentenceProfile], positions: Sequence[int]) -> tuple[int, int]:
    """Text offsets of a run of content sentences, first start to last end."""
    return profiles[positions[0]].start, profiles[positions[-1]].end


def row_ops(
    left: Document,
    right: Document,
    left_range: tuple[int, int],
    right_range: tuple[int, int],
    left_whole: Iterable[tuple[int, int]],
    right_whole: Iterable[tuple[int, int]],
    weights: Weights | None = None,
    *,
    ready: bool = False,
) -> tuple[WordOp, ...]:
    """The word ops of one row: its runs of sentences, tokenised with their stretches
    kept whole, and diffed (one equal op, without tokenising, when the texts are equal).
    ``ready`` says both sides' stretches are sorted and inside their runs.
    """
    left_text, right_text = left.text, right.text
    run = left_text[left_range[0] : left_range[1]]
    if run and run == right_text[right_range[0] : right_range[1]] and _starts_a_token(run):
        return (WordOp(OpKind.EQUAL, run, run, *left_range, *right_range),)
    return diff_runs(
        left_text,
        run_tokens(left_text, *left_range, left_whole, ready=ready),
        left_range[1],
        right_text,
        run_tokens(right_text, *right_range, right_whole, ready=ready),
        right_range[1],
        weights,
    )


def _starts_a_token(text: str) -> bool:
    """True when ``text`` starts with a token (anything but whitespace and ``_`` does),
    so the one equal op of two equal runs starts where the diff's would."""
    return not text[0].isspace() and text[0] != "_"


class _Builder:
    def __init__(
        self,
        left: Document,
        right: Document,
        left_profiles: Sequence[SentenceProfile],
        right_profiles: Sequence[SentenceProfile],
    ) -> None:
        self.left, self.right = left, right
        self.left_profiles, self.right_profiles = left_profiles, right_profiles
        self.left_whole = _keep_whole(left, left_profiles)
        self.right_whole = _keep_whole(right, right_profiles)
        # The same, sorted and clipped to their sentence, for one-sentence runs.
        self.left_ready = _ready(self.left_whole, left_profiles)
        self.right_ready = _ready(self.right_whole, right_profiles)
        self.weights = Weights()
        self.rows: list[Row] = []

    def aligned(self, link: Link, moved: bool) -> None:
        left_range = run_range(self.left_profiles, link.left)
        right_range = run_range(self.right_profiles, link.right)
        if len(link.left) == 1 and len(link.right) == 1:  # the usual row: one to one
            left_whole = self.left_ready[link.left[0]]
            right_whole = self.right_ready[link.right[0]]
            ready = True
        else:
            left_whole = [s for p in link.left for s in self.left_whole[p]]
            right_whole = [s for p in link.right for s in self.right_whole[p]]
            ready = False
        ops = row_ops(
            self.left,
            self.right,
            left_range,
            right_range,
            left_whole,
            right_whole,
            self.weights,
            ready=ready,
        )
        unchanged = all(op.op is OpKind.EQUAL for op in ops)
        kind = RowKind.MOVED if moved else (RowKind.SAME if unchanged else RowKind.CHANGED)
        self.rows.append(
            Row(
                kind=kind,
                left=tuple(self.left_profiles[p].index for p in link.left),
                right=tuple(self.right_profiles[p].index for p in link.right),
                score=1.0 if unchanged else round(link.score, 4),
                ops=ops,
            )
        )

    def left_only(self, position: int) -> None:
        self.rows.append(Row(RowKind.LEFT_ONLY, (self.left_profiles[position].index,), (), 0.0))

    def right_only(self, position: int) -> None:
        self.rows.append(Row(RowKind.RIGHT_ONLY, (), (self.right_profiles[position].index,), 0.0))


def build_rows(
    left: Document,
    right: Document,
    left_profiles: Sequence[SentenceProfile],
    right_profiles: Sequence[SentenceProfile],
    links: Sequence[Link],
    moved: set[int],
) -> tuple[Row, ...]:
    """Rows in reading order with kinds, word ops and, for moves, ``moved_from``."""
    builder = _Builder(left, right, left_profiles, right_profiles)
    left_link = {p: i for i, link in enumerate(links) for p in link.left}
    right_link = {p: i for i, link in enumerate(links) for p in link.right}
    spine = sorted((i for i in range(len(links)) if i not in moved), key=lambda i: links[i].left)
    left_cursor = right_cursor = 0
    stops = [(links[i].left[0], links[i].right[0], i) for i in spine]
    stops.append((len(left_profiles), len(right_profiles), -1))
    for left_stop, right_stop, number in stops:
        while left_cursor < left_stop:
            owner = left_link.get(left_cursor)
            if owner is None:
                builder.left_only(left_cursor)
                left_cursor += 1
            else:  # a moved link: shown whole at its first left sentence
                builder.aligned(links[owner], moved=True)
                left_cursor = max(left_cursor + 1, links[owner].left[-1] + 1)
        while right_cursor < right_stop:
            if right_cursor not in right_link:
                builder.right_only(right_cursor)
            right_cursor += 1
        if number >= 0:
            builder.aligned(links[number], moved=False)
            left_cursor = links[number].left[-1] + 1
            right_cursor = links[number].right[-1] + 1
    return _with_moved_from(builder.rows)


def _with_moved_from(rows: list[Row]) -> tuple[Row, ...]:
    """Fill ``moved_from`` of moved rows: where the right sentence stands in order."""
    in_order = [
        (row.right[0], i) for i, row in enumerate(rows) if row.right and row.kind != RowKind.MOVED
    ]
    starts = [start for start, _ in in_order]
    out: list[Row] = []
    for row in rows:
        if row.kind is RowKind.MOVED:
            k = bisect_right(starts, row.right[0])
            target = in_order[k][1] if k < len(in_order) else len(rows)
            row = Row(row.kind, row.left, row.right, row.score, row.ops, moved_from=target)
        out.append(row)
    return tuple(out)
