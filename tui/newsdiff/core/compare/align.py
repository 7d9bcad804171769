"""Which sentences of two reports say the same thing: links of 1–3 sentences a side.

Passes over the candidate pairs (see :mod:`candidates`), confident evidence first:

1. **One to one.** Pairs are taken best score first while both sentences are free
   and the score reaches :data:`MATCH_THRESHOLD` — greedy maximum-weight matching,
   which on real reports agrees with an exact assignment and is ``O(n log n)``.
2. **Splits and merges.** A link absorbs a free neighbouring sentence on one side
   when the part brings words of the other side its own side lacked and the run
   scores clearly better, or the part alone fits well; or when the part repeats a
   value of the other side (``3.000 jenazah``): a long sentence rewritten as two.
3. **Runs for the rest.** A sentence still free may match a run of two or three
   free consecutive sentences on the other side that no single one of them matched.
4. **Gaps.** Between two in-order links, free sentences that keep the order need
   less evidence (:data:`GAP_THRESHOLD`): rewrites keep most of their source's order,
   so a loose paraphrase sitting where its partner would be is probably its partner.
   The single free sentence on each side of a gap needs only a shared word.
5. **Weak moves.** Free sentences that are each other's best free partner, out of
   order, at :data:`MOVE_THRESHOLD`.

The thresholds were set on the labelled pairs in ``tests/data/pairs`` (see its
README) and checked on generated rewrites; a pair that crosses the others is a move,
decided later (:mod:`moves`), so reordering costs nothing here.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from newsdiff.core.compare.similarity import Similarity

MATCH_THRESHOLD: Final = 0.3
"""Lowest score at which two sentences (or runs) are said to say the same thing."""
GROWTH_GAIN: Final = 0.05
"""How much better a run must score than the link it grows from."""
PART_CONTAINMENT: Final = 0.35
"""Share of an absorbed sentence's weight that must occur on the other side."""
GAP_THRESHOLD: Final = 0.14
"""Lowest score for a pair that keeps the order between two confident links."""
SANDWICH_THRESHOLD: Final = 0.02
"""Lowest score for the only free sentence on each side of a gap (any shared term)."""
MOVE_THRESHOLD: Final = 0.2
"""Lowest score for a pair of free sentences that crosses the order (a weak move)."""
SMALL_GAP: Final = 400
"""Gaps with at most this many pairs are scored in full, not just their candidates."""
GROWTH_SLACK: Final = 0.05
"""How much worse a run may score than its link when the absorbed part fits well."""
PART_SCORE: Final = 0.25
"""Score an absorbed sentence needs against the other side when the run is not better."""
NEW_COVERAGE: Final = 0.3
"""Share of what an absorbed part has in common with the other side that must be new."""
MAX_RUN: Final = 3
"""Most sentences on one side of a link (a split into three, at most)."""


@dataclass(frozen=True, slots=True)
class Link:
    """Aligned runs of consecutive content sentences, by profile position."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    score: float


class _Matching:
    """Links under construction and which sentence belongs to which link."""

    def __init__(self, similarity: Similarity) -> None:
        self.similarity = similarity
        self.links: list[tuple[list[int], list[int]]] = []
        self.scores: list[float] = []
        self.left_owner: dict[int, int] = {}
        self.right_owner: dict[int, int] = {}
        self.left_count = len(similarity.left)
        self.right_count = len(similarity.right)

    def add(self, left: list[int], right: list[int], score: float) -> None:
        number = len(self.links)
        self.links.append((left, right))
        self.scores.append(score)
        for position in left:
            self.left_owner[position] = number
        for position in right:
            self.right_owner[position] = number

    def free_left(self, position: int) -> bool:
        return 0 <= position < self.left_count and position not in self.left_owner

    def free_right(self, position: int) -> bool:
        return 0 <= position < self.right_count and position not in self.right_owner


def _ranked(
    similarity: Similarity, pairs: Iterable[tuple[int, int]], floor: float
) -> list[tuple[float, int, int]]:
    """``(-score, left, right)`` of the ``pairs`` scoring at least ``floor``, best first
    (ties: lower positions). The callers stop at their threshold anyway, and most
    candidates score below it: leaving them out first makes the sort a quarter."""
    ranked = [(-score, a, b) for score, a, b in similarity.scored(pairs, floor)]
    ranked.sort()
    return ranked


def _one_to_one(matching: _Matching, pairs: Iterable[tuple[int, int]]) -> None:
    left_owner, right_owner = matching.left_owner, matching.right_owner
    for negative, a, b in _ranked(matching.similarity, pairs, MATCH_THRESHOLD):
        if a not in left_owner and b not in right_owner:
            matching.add([a], [b], -negative)


def _growth_options(
    matching: _Matching, left: list[int], right: list[int]
) -> list[tuple[str, int]]:
    options: list[tuple[str, int]] = []
    if len(right) == 1 and len(left) < MAX_RUN:
        owner, count = matching.left_owner, matching.left_count
        for p in (left[0] - 1, left[-1] + 1):
            if 0 <= p < count and p not in owner:
                options.append(("left", p))
    if len(left) == 1 and len(right) < MAX_RUN:
        owner, count = matching.right_owner, matching.right_count
        for p in (right[0] - 1, right[-1] + 1):
            if 0 <= p < count and p not in owner:
                options.append(("right", p))
    return options


def _growth_score(
    similarity: Similarity,
    side: str,
    position: int,
    left: list[int],
    right: list[int],
    current: float,
) -> float | None:
    """The grown link's score if absorbing the neighbour is justified, else ``None``.

    Justified when the part's weight mostly occurs on the other side and either the
    run scores clearly better than before, or the part on its own fits the other side
    well and the run is not much worse; or when the part repeats a value of the other
    side that its own side lacks (see :func:`_brings_a_fact`). ``current`` is the
    link's score as it stands.
    """
    if side == "left":
        part = similarity.left[position].terms
        part_weight = similarity.left_weight[position]
        own = similarity.terms(similarity.left, left)
        other = similarity.terms(similarity.right, right)
    else:
        part = similarity.right[position].terms
        part_weight = similarity.right_weight[position]
        own = similarity.terms(similarity.right, right)
        other = similarity.terms(similarity.left, left)
    common = part & other
    shared = similarity.weight(common)
    contained = shared / part_weight if part_weight > 0 else 0.0
    # A part must bring words of the other side that its own side did not have yet:
    # a sentence whose words the run already holds is a subset, not a missing piece.
    if similarity.weight(common - own) < NEW_COVERAGE * shared:
        contained = 0.0
    if contained >= PART_CONTAINMENT:
        if side == "left":
            grown = similarity.group(sorted([*left, position]), right)
            part_score = similarity.group([position], right)
        else:
            grown = similarity.group(left, sorted([*right, position]))
            part_score = similarity.group(left, [position])
        if grown >= current + GROWTH_GAIN:
            return grown
        if grown >= current - GROWTH_SLACK and part_score >= PART_SCORE:
            return grown
    if _brings_a_fact(similarity, side, position, left, right):
        part_score = (
            similarity.group([position], right)
            if side == "left"
            else similarity.group(left, [position])
        )
        if part_score >= GAP_THRESHOLD:
            return current
    return None


def _grow(matching: _Matching) -> None:
    """Let links absorb free neighbours that belong to them (splits and merges).

    A worklist, not repeated sweeps: only a link that just grew can have a new
    neighbour to consider (others only lose options as sentences are taken).
    """
    pending = list(range(len(matching.links) - 1, -1, -1))
    while pending:
        number = pending.pop()
        left, right = matching.links[number]
        best: tuple[float, str, int] | None = None
        for side, position in _growth_options(matching, left, right):
            score = _growth_score(
                matching.similarity, side, position, left, right, matching.scores[number]
            )
            if score is not None and (best is None or score > best[0]):
                best = (score, side, position)
        if best is None:
            continue
        _, side, position = best
        if side == "left":
            left.append(position)
            left.sort()
            matching.left_owner[position] = number
        else:
            right.append(position)
            right.sort()
            matching.right_owner[position] = number
        matching.scores[number] = matching.similarity.group(left, right)
        pending.append(number)


def _brings_a_fact(
    similarity: Similarity, side: str, position: int, left: list[int], right: list[int]
) -> bool:
    """True when the part shares a value with the other side that its own side lacks.

    ``3.000 jenazah`` in a commentary sentence that follows a link whose other side
    says ``3.000 lainnya``: the value is the piece of the long sentence that went there.
    """
    if side == "left":
        facts = similarity.left[position].facts
        other = similarity.facts(similarity.right, right)
        own = similarity.facts(similarity.left, left)
    else:
        facts = similarity.right[position].facts
        other = similarity.facts(similarity.left, left)
        own = similarity.facts(similarity.right, right)
    return bool((facts & other) - own)


def _free_runs(is_free: Callable[[int], bool], around: int) -> list[list[int]]:
    """Runs of 2..MAX_RUN free consecutive positions that contain ``around``."""
    runs: list[list[int]] = []
    for size in range(2, MAX_RUN + 1):
        for first in range(around - size + 1, around + 1):
            run = list(range(first, first + size))
            if all(is_free(p) for p in run):
                runs.append(run)
    return runs


def _run_is_whole(similarity: Similarity, left: list[int], right: list[int]) -> bool:
    """A run beats its best single member clearly, and every member belongs to it."""
    if len(left) == 1:
        members, side = right, similarity.right
        whole = similarity.terms(similarity.left, left)
        best_single = max(similarity.group(left, [p]) for p in right)
    else:
        members, side = left, similarity.left
        whole = similarity.terms(similarity.right, right)
        best_single = max(similarity.group([p], right) for p in left)
    if similarity.group(left, right) < best_single + GROWTH_GAIN:
        return False
    return all(similarity.containment(side[p].terms, whole) >= PART_CONTAINMENT for p in members)


def _runs_for_the_rest(matching: _Matching, pairs: Iterable[tuple[int, int]]) -> None:
    """A free sentence against free runs on the other side that share terms with it."""
    similarity = matching.similarity
    partners_of_left: dict[int, set[int]] = defaultdict(set)
    partners_of_right: dict[int, set[int]] = defaultdict(set)
    for a, b in _free_pairs(matching, pairs):  # a taken sentence is never freed
        partners_of_left[a].add(b)
        partners_of_right[b].add(a)
    for a in sorted(partners_of_left):
        if not matching.free_left(a):
            continue
        best: tuple[float, list[int]] | None = None
        for b in sorted(partners_of_left[a]):
            for run in _free_runs(matching.free_right, b):
                score = similarity.group([a], run)
                better = best is None or score > best[0]
                if score >= MATCH_THRESHOLD and better and _run_is_whole(similarity, [a], run):
                    best = (score, run)
        if best is not None:
            matching.add([a], best[1], best[0])
    for b in sorted(partners_of_right):
        if not matching.free_right(b):
            continue
        best = None
        for a in sorted(partners_of_right[b]):
            for run in _free_runs(matching.free_left, a):
                score = similarity.group(run, [b])
                better = best is None or score > best[0]
                if score >= MATCH_THRESHOLD and better and _run_is_whole(similarity, run, [b]):
                    best = (score, run)
        if best is not None:
            matching.add(best[1], [b], best[0])


def _free_pairs(matching: _Matching, pairs: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The pairs whose sentences are both still free."""
    left_owner, right_owner = matching.left_owner, matching.right_owner
    return [(a, b) for a, b in pairs if a not in left_owner and b not in right_owner]


def _links(matching: _Matching) -> list[Link]:
    return [
        Link(tuple(left), tuple(right), score)
        for (left, right), score in zip(matching.links, matching.scores, strict=True)
    ]


def _gaps(matching: _Matching) -> list[tuple[range, range]]:
    """Left and right position ranges between consecutive in-order links."""
    from newsdiff.core.compare.moves import backbone_of

    links = matching.links
    spine = sorted(
        backbone_of(
            [
                (left[0], right[0], len(left) + len(right) + score)
                for (left, right), score in zip(links, matching.scores, strict=True)
            ]
        ),
        key=lambda number: links[number][0][0],
    )
    gaps: list[tuple[range, range]] = []
    left_from = right_from = 0
    for number in spine:
        left, right = links[number]
        gaps.append((range(left_from, left[0]), range(right_from, right[0])))
        left_from, right_from = left[-1] + 1, right[-1] + 1
    gaps.append(
        (
            range(left_from, len(matching.similarity.left)),
            range(right_from, len(matching.similarity.right)),
        )
    )
    return gaps


def _fill_gaps(matching: _Matching, pairs: Sequence[tuple[int, int]]) -> None:
    """Between in-order links, accept weaker pairs that keep the order (paraphrases).

    A rewrite keeps most of its source's order, so a pair that sits between two
    confident links, in order, needs less lexical evidence than one anywhere.
    """
    similarity = matching.similarity
    partners: dict[int, list[int]] = defaultdict(list)
    for a, b in _free_pairs(matching, pairs):
        partners[a].append(b)
    gaps = _gaps(matching)
    left_owner, right_owner = matching.left_owner, matching.right_owner
    for number, (lefts, rights) in enumerate(gaps):
        free_left = [p for p in lefts if p not in left_owner]
        free_right = [p for p in rights if p not in right_owner]
        if not free_left or not free_right:
            continue
        if len(free_left) * len(free_right) <= SMALL_GAP:
            inside = [(a, b) for a in free_left for b in free_right]
        else:
            right_set = set(free_right)
            inside = [(a, b) for a in free_left for b in partners.get(a, ()) if b in right_set]
        threshold = GAP_THRESHOLD
        trailing = number == len(gaps) - 1
        if len(free_left) == 1 and len(free_right) == 1 and not trailing:
            # The one left and one right sentence between two links (or before the
            # first: leads correspond; endings are where each report adds its own).
            threshold = SANDWICH_THRESHOLD
        taken_left: list[int] = []  # pairs taken in this gap, in order on both sides
        taken_right: list[int] = []
        for negative, a, b in _ranked(similarity, inside, threshold):
            score = -negative
            if not (matching.free_left(a) and matching.free_right(b)):
                continue
            k = bisect_left(taken_left, a)
            if (k > 0 and taken_right[k - 1] > b) or (k < len(taken_left) and taken_right[k] < b):
                continue  # would cross a pair already taken in this gap
            matching.add([a], [b], score)
            taken_left.insert(k, a)
            taken_right.insert(k, b)


def _weak_moves(matching: _Matching, pairs: Sequence[tuple[int, int]]) -> None:
    """Free sentences that are each other's best free partner, out of order."""
    similarity = matching.similarity
    best_left: dict[int, tuple[float, int]] = {}
    best_right: dict[int, tuple[float, int]] = {}
    for score, a, b in similarity.scored(_free_pairs(matching, pairs)):
        if score > best_left.get(a, (0.0, -1))[0]:
            best_left[a] = (score, b)
        if score > best_right.get(b, (0.0, -1))[0]:
            best_right[b] = (score, a)
    for a, (score, b) in sorted(best_left.items()):
        if score >= MOVE_THRESHOLD and best_right.get(b, (0.0, -1))[1] == a:
            matching.add([a], [b], score)


def align(similarity: Similarity, pairs: Sequence[tuple[int, int]]) -> list[Link]:
    """Links between the two sides' content sentences (positions into the profiles)."""
    matching = _Matching(similarity)
    _one_to_one(matching, pairs)
    _grow(matching)
    # A taken sentence is never freed, and the later passes read only the pairs whose
    # sentences are both free: most candidates are spent by now.
    pairs = _free_pairs(matching, pairs)
    _runs_for_the_rest(matching, pairs)
    _fill_gaps(matching, pairs)
    _fill_gaps(matching, pairs)  # links found in a gap make smaller gaps (sandwiches)
    _weak_moves(matching, pairs)
    _grow(matching)
    return _links(matching)
