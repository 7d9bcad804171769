"""Organisations and places recognised by the words their names are built from.

``Badan Pusat Statistik``, ``Kantor Berita ANTARA``, ``Dewan Keamanan dan Pertahanan
Nasional Ukraina`` start with a head word (``Badan``, ``Kantor Berita``, ``Dewan``);
``National Disaster Mitigation Agency`` and ``Geology Agency`` end with one. Places
work the same way (``Kabupaten Sleman``, ``Istana Ciragan``, ``Mount Lewotobi``;
``Frans Seda airport`` where the lower-case ``airport`` says what the name is but is
not part of it). Head words are data: ``lexicons/org_heads.txt``, ``place_heads.txt``.
"""

from __future__ import annotations

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import ORG_CONNECTORS, Clause
from newsdiff.core.analyze.extract.gazetteer import Lexicons, PhraseIndex
from newsdiff.core.model import SpanKind

MAX_PATTERN_TOKENS = 10

DEMONYM_ENDINGS = ("ian", "ean", "ese", "ish")
"""English adjectives of nationality (``Indonesian``, ``Japanese``) before ``island``."""


def pattern_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """Organisation and place names found by their head words."""
    found: list[Candidate] = []
    found += _headed(clause, lex, lex.org_start, SpanKind.ORG)
    found += _headed(clause, lex, lex.place_start, SpanKind.PLACE)
    found += _tailed(clause, lex, lex.org_end, SpanKind.ORG, include_lower=False)
    found += _tailed(clause, lex, lex.place_end, SpanKind.PLACE, include_lower=True)
    return found


def _body_end(clause: Clause, lex: Lexicons, start: int) -> int:
    """End of a name body: capitalised words and connectors, never past a person."""
    end = start
    total = len(clause)
    while end < total and end - start < MAX_PATTERN_TOKENS:
        if clause.capital[end] and not clause.initial[end]:
            if end > start and clause.folded[end] in lex.given_names:
                break  # "… Nasional Ukraina Rustem Umerov": the person is not the council
            end += 1
        elif (
            clause.folded[end] in ORG_CONNECTORS
            and end > start
            and end + 1 < total
            and clause.capital[end + 1]
        ) or (clause.raw[end] == "-" and clause.glued(end) and end > start):
            end += 1
        else:
            break
    while end > start and not clause.capital[end - 1]:
        end -= 1
    # A gazetteer person at the end is the person after the organisation, not part of it.
    for index in range(start + 1, end):
        match = clause.name_starting(index)
        if match is not None and match.entry.kind == SpanKind.PERSON:
            return index
    return end


def _headed(clause: Clause, lex: Lexicons, heads: PhraseIndex, kind: SpanKind) -> list[Candidate]:
    found: list[Candidate] = []
    index = 0
    total = len(clause)
    while index < total:
        if not clause.capital[index]:
            index += 1
            continue
        hit = (
            heads.longest_at(clause.folded, clause.raw, index, need_capital=True)
            if heads.starts_with(clause.folded[index])
            else None
        )
        if hit is None:
            index += 1
            continue
        body_start = index + hit[0]
        if clause.initial[index] and body_start < total and not clause.capital[body_start]:
            index = body_start
            continue
        end = _body_end(clause, lex, body_start)
        if end > body_start:
            start = index
            s, e = clause.char_span(start, end)
            found.append(Candidate(s, e, kind, Source.PATTERN))
            index = end
        else:
            index = body_start
    return found


def _tailed(
    clause: Clause, lex: Lexicons, heads: PhraseIndex, kind: SpanKind, *, include_lower: bool
) -> list[Candidate]:
    found: list[Candidate] = []
    for index in range(1, len(clause)):
        if not heads.starts_with(clause.folded[index]):
            continue
        hit = heads.longest_at(clause.folded, clause.raw, index, need_capital=False)
        if hit is None:
            continue
        length = hit[0]
        if lex.titles.starts_with(clause.folded[index]) and lex.titles.longest_at(
            clause.folded, clause.raw, index, need_capital=False
        ):
            continue  # "Fulton County District Attorney": a title, not a district
        head_capital = clause.capital[index]
        if (not head_capital and not include_lower) or clause.name_at[index] >= 0:
            continue  # a lower-case head, or one that is part of a name the lists know
        start = index
        while start > 0 and index - start < MAX_PATTERN_TOKENS:
            known = clause.name_covering(start - 1)
            if known is not None:
                # A place in the name is part of it ("Oregon State Police", "L.A.
                # Times"); a person or organisation before it is not.
                if known.entry.kind != SpanKind.PLACE or clause.initial[known.start]:
                    break
                start = known.start
            elif (clause.capital[start - 1] and not clause.initial[start - 1]) or (
                clause.folded[start - 1] in ORG_CONNECTORS
                and start - 2 >= 0
                and clause.capital[start - 2]
                and start < index
            ):
                start -= 1
            else:
                break
        previous = start - 1
        if (
            previous >= 0
            and clause.capital[previous]
            and clause.initial[previous]
            and not lex.is_ordinary_start(clause.raw[previous])
        ):
            start = previous
        while start < index and not clause.capital[start]:
            start += 1
        if start == index:
            continue
        if not head_capital and clause.folded[index - 1].endswith(DEMONYM_ENDINGS):
            continue  # "the eastern Indonesian island": an adjective, not a name
        end = index + length if head_capital else index
        if (
            kind == SpanKind.ORG
            and end + 1 < len(clause)
            and clause.folded[end] in {"of", "for"}
            and clause.capital[end + 1]
        ):
            end = _body_end(clause, lex, end + 1)  # "Texas Department of Criminal Justice"
        s, e = clause.char_span(start, end)
        found.append(Candidate(s, e, kind, Source.PATTERN))
    return found
