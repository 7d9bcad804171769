"""``entity_mismatch`` and ``entity_only_left`` / ``entity_only_right``.

Names are compared by their canonical values (``Turki`` = ``Turkiye`` = ``Turkey``;
``Medinsky`` = ``Vladimir Medinsky`` once the reports are analysed together), so a
name is "in the other report" when that report holds:

- an entity with the same canonical value, or the same value without a place-type
  word (``Kabupaten Cianjur`` / ``Cianjur``, ``Mount Marapi`` / ``Marapi``);
- a person with the same surname (``Jokowi`` aside, reports shorten names);
- the name in its text even where extraction did not mark it;
- the acronym the name is glossed with (``PT Kereta Cepat Indonesia China (KCIC)``:
  the right says ``KCIC``), so the pieces of a long name are not reported one by one.

Only-side findings skip the dateline (where the report was filed), the report's own
outlet, and boilerplate (credit lines, "Baca juga"), and are counted one per distinct
name, anchored on its first mention.

A mismatch is stricter: two different names of the same kind in the same slot of an
aligned row — inside the same changed stretch of the word diff — neither of which the
other report mentions anywhere (``di Surabaya`` rewritten as ``di Malang``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from functools import cache
from itertools import pairwise
from typing import Final

from newsdiff.core.compare.findings.context import SideView, changed_op_at
from newsdiff.core.compare.findings.messages import entity_noun, only_in, quoted
from newsdiff.core.lexicons import load_lines
from newsdiff.core.model import (
    ENTITY_KINDS,
    Finding,
    FindingKind,
    Row,
    Span,
    SpanKind,
    WordOp,
)

_WORD: Final = re.compile(r"[^\W_]+")
_CAPITALISED: Final = re.compile(r"[A-Z]")
_CAPITALISED_PAIR: Final = re.compile(r"([A-Z](?<![^\W_][A-Z])[^\W_]*)[\W_]+(?=([A-Z][^\W_]*))")
"""Neighbouring capitalised words (``Meteorology, Climatology``), found by the regex
engine in one pass; names are mostly capitalised, so these pairs tell a name's words
standing together from the same words scattered. The capital comes first and the "no
letter before it" check after, so the engine skips to capitals at C speed."""
_ACRONYM_AFTER: Final = re.compile(r"\s*\(([A-Z][A-Za-z0-9]{1,9})\)")
_NEXT_CAPITALISED: Final = re.compile(r"[ \t]+[A-Z][\w-]*")


@cache
def _place_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Place-type words before and after a name (``Kabupaten``, ``island``)."""
    starts, ends = set(), set()
    for entry in load_lines("place_heads"):
        where, _, word = entry.partition(" ")
        (starts if where == "start" else ends).add(word.casefold())
    return frozenset(starts), frozenset(ends)


def core_name(value: str) -> str:
    """``value`` case-folded, without a leading or trailing place-type word."""
    words = value.casefold().split()
    starts, ends = _place_heads()
    if len(words) > 1 and words[0] in starts:
        words = words[1:]
    if len(words) > 1 and words[-1] in ends:
        words = words[:-1]
    return " ".join(words)


class EntityIndex:
    """The names one report mentions, for "does it mention this name anywhere?"."""

    def __init__(self, view: SideView) -> None:
        self.values: set[str] = set()
        self.surnames: set[str] = set()
        for span in view.content_spans():
            if span.kind in ENTITY_KINDS:
                self.values.add(span.value.casefold())
                self.values.add(core_name(span.value))
                self.values.add(core_name(span.text))
                if span.kind is SpanKind.PERSON and len(span.value.split()) > 1:
                    self.surnames.add(span.value.split()[-1].casefold())
        self._view = view
        self._words: AbstractSet[str] | None = None
        self._pairs: set[tuple[str, str]] = set()
        self._known: dict[tuple[str, str, SpanKind, str], bool] = {}
        """Answers of :meth:`has` so far: reports name the same people again and again."""

    def _index(self) -> tuple[AbstractSet[str], set[tuple[str, str]]]:
        """The content text's words, and its pairs of neighbouring capitalised words
        (names are capitalised), built on first need."""
        if self._words is None:
            document = self._view.document
            text = " ".join(document.sentence_text(i) for i in sorted(self._view.content))
            if self._view.words is not None:  # gathered while profiling
                self._words = self._view.words.every
            else:
                self._words = set(_WORD.findall(text.casefold()))
            self._pairs = {(a.casefold(), b.casefold()) for a, b in _CAPITALISED_PAIR.findall(text)}
        return self._words, self._pairs

    def mentions(self, phrase: str) -> bool:
        """True when the report's content text holds ``phrase`` as whole words
        (punctuation between them aside): every word, and every pair of neighbouring
        words of a capitalised name, in the text. Two set probes per word: no look-up
        scans the text."""
        words = _WORD.findall(phrase)
        known, pairs = self._index()
        if not words or any(w.casefold() not in known for w in words):
            return False
        return all(
            (a.casefold(), b.casefold()) in pairs
            for a, b in pairwise(words)
            if _CAPITALISED.match(a) and _CAPITALISED.match(b)
        )

    def has(self, span: Span, gloss: str = "") -> bool:
        """True when this report names ``span``'s entity anywhere (see the module notes)."""
        key = (span.value, span.text, span.kind, gloss)
        known = self._known.get(key)
        if known is None:
            known = self._known[key] = self._has(span, gloss)
        return known

    def _has(self, span: Span, gloss: str) -> bool:
        value = span.value.casefold()
        if value in self.values or core_name(span.value) in self.values:
            return True
        if core_name(span.text) in self.values:
            return True
        if (
            span.kind is SpanKind.PERSON
            and value.split()[-1:]
            and value.split()[-1] in self.surnames
        ):
            return True
        if gloss and (gloss.casefold() in self.values or self.mentions(gloss)):
            return True
        return self.mentions(span.text) or self.mentions(core_name(span.text))


def _gloss(view: SideView, span: Span) -> str:
    """The acronym a name is glossed with, ``Badan X (BX)``-style: the capitalised run
    the span belongs to, followed by an acronym in brackets."""
    text = view.text
    end = span.end
    while m := _NEXT_CAPITALISED.match(text, end):
        end = m.end()
    after = _ACRONYM_AFTER.match(text, end)
    return after.group(1) if after else ""


def _countable(view: SideView, span: Span) -> bool:
    """A name worth comparing: an entity of the report's own text (not the dateline,
    not the outlet's own name)."""
    if span.kind not in ENTITY_KINDS or view.in_dateline(span):
        return False
    return span.value.casefold() not in view.outlet_names and (
        span.text.casefold() not in view.outlet_names
    )


def entity_mismatches(
    lv: SideView,
    rv: SideView,
    rows: Sequence[Row],
    indexes: tuple[EntityIndex, EntityIndex],
    speakers: tuple[list[tuple[int, int]], list[tuple[int, int]]],
) -> tuple[list[Finding], dict[str, set[str]]]:
    """Different names in the same changed stretch of an aligned row, and the names
    (case-folded values, per side) they account for. Names inside a credit
    (``kata Kepala PVMBG Hendra Gunawan``, ``speakers``) are left to the attribution
    finder: a different speaker is an attribution change, not a changed name."""
    findings: list[Finding] = []
    used: dict[str, set[str]] = {"left": set(), "right": set()}
    for number, row in enumerate(rows):
        if not (row.left and row.right and row.ops):
            continue
        opened: list[dict[tuple[SpanKind, int], list[Span]]] = [{}, {}]
        for view, index, credited, table in (
            (lv, indexes[1], speakers[0], opened[0]),
            (rv, indexes[0], speakers[1], opened[1]),
        ):
            for span in view.row_spans(row):
                if not _countable(view, span) or index.has(span, _gloss(view, span)):
                    continue
                if any(start <= span.start < end for start, end in credited):
                    continue
                op = changed_op_at(row, view.name, span.start)
                if op is not None:
                    table.setdefault((span.kind, op), []).append(span)
        for slot in sorted(opened[0].keys() & opened[1].keys()):
            if not _names_fill(row.ops[slot[1]], opened[0][slot], opened[1][slot]):
                continue
            for ls, rs in zip(opened[0][slot], opened[1][slot], strict=False):
                used["left"].add(ls.value.casefold())
                used["right"].add(rs.value.casefold())
                message = (
                    f"different {entity_noun(ls)}: {quoted(ls.text)} on the left, "
                    f"{quoted(rs.text)} on the right"
                )
                findings.append(
                    Finding(FindingKind.ENTITY_MISMATCH, lv.side(ls), rv.side(rs), message, number)
                )
    return findings, used


MAX_WORDS_AROUND_NAMES: Final = 4
"""How many words a changed stretch may hold besides the names in it for those names
to be one slot: ``di Surabaya`` → ``di Malang`` is a changed place; two names at the
ends of a rewritten clause are two names, not one replaced by the other."""


def _names_fill(op: WordOp, left: list[Span], right: list[Span]) -> bool:
    """True when the names are most of the changed stretch on both sides."""
    for text, names in ((op.left, left), (op.right, right)):
        named = sum(len(_WORD.findall(span.text)) for span in names)
        if len(_WORD.findall(text)) - named > MAX_WORDS_AROUND_NAMES:
            return False
    return True


def entity_only_findings(
    lv: SideView,
    rv: SideView,
    indexes: tuple[EntityIndex, EntityIndex],
    used: dict[str, set[str]],
) -> list[Finding]:
    """One finding per name that only one report mentions, on its first mention."""
    findings: list[Finding] = []
    sides = (
        (lv, indexes[1], FindingKind.ENTITY_ONLY_LEFT),
        (rv, indexes[0], FindingKind.ENTITY_ONLY_RIGHT),
    )
    for view, other_index, kind in sides:
        seen: set[str] = set()
        for span in view.content_spans():
            if not _countable(view, span):
                continue
            key = core_name(span.value)
            if key in seen or span.value.casefold() in used[view.name]:
                continue
            seen.add(key)
            if other_index.has(span, _gloss(view, span)):
                continue
            where = view.side(span)
            left, right = (where, None) if view is lv else (None, where)
            message = only_in(span, view.name)
            findings.append(Finding(kind, left, right, message, view.row_of.get(where.sentence)))
    return findings
