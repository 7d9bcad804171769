"""People named next to a title or role, or by a verb of saying.

``Ajudan Presiden Vladimir Medinsky``, ``juru bicara Kremlin Dmitry Peskov``,
``Sekretaris Dewan Keamanan dan Pertahanan Nasional Ukraina Rustem Umerov``: a title,
then what qualifies it (an organisation or place), then the name. The qualifier is
recognised by the gazetteer; when there is none, ordinary words the title's portfolio
is made of (``Pertanian``) are left out using the common-word list. Appositions
(``Abdul Muhari, a spokesman``) and verbs of saying (``kata Amalia``) name people too.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import NAME_CONNECTORS, ORG_CONNECTORS, Clause
from newsdiff.core.analyze.extract.gazetteer import Lexicons
from newsdiff.core.model import SpanKind

SPEECH_VERBS: Final = frozenset(
    {
        "kata",
        "ujar",
        "tutur",
        "ucap",
        "ungkap",
        "imbuh",
        "jelas",
        "tegas",
        "tulis",
        "urai",
        "papar",
        "terang",
        "sebut",
        "tambah",
        "said",
        "says",
        "added",
        "told",
    }
)
"""Verbs after a quotation that are followed by who spoke (``kata Amalia``)."""

APPOSITION_ARTICLES: Final = frozenset({"a", "an", "the", "seorang", "sang", "selaku", "sebagai"})

MAX_NAME_TOKENS: Final = 5


def person_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """People after titles, in appositions and after verbs of saying."""
    found: list[Candidate] = []
    found += _after_titles(clause, lex)
    found += _appositions(clause, lex)
    found += _after_speech(clause, lex)
    return found


def _title_end(clause: Clause, lex: Lexicons, index: int) -> int:
    """End of a chain of titles starting at ``index`` (``index`` when there is none)."""
    end = index
    while end < len(clause):
        if not lex.titles.starts_with(clause.folded[end]):
            break
        hit = lex.titles.longest_at(clause.folded, clause.raw, end, need_capital=False)
        if hit is None:
            break
        end += hit[0]
    return end


def _segment(clause: Clause, start: int) -> int:
    """End of the capitalised stretch from ``start`` (connectors allowed inside)."""
    end = start
    total = len(clause)
    while end < total and end - start < 12:
        if (
            clause.capital[end]
            or (
                (clause.folded[end] in ORG_CONNECTORS or clause.folded[end] in NAME_CONNECTORS)
                and end + 1 < total
                and clause.capital[end + 1]
                and end > start
            )
            or (clause.raw[end] in {"-", "."} and clause.glued(end) and end > start)
        ):
            end += 1
        else:
            break
    while end > start and not clause.capital[end - 1]:
        end -= 1
    return end


def _qualifier_end(clause: Clause, start: int, end: int) -> int:
    """End of the last organisation or place the gazetteer knows inside ``[start, end)``."""
    last = start
    for index in range(start, end):
        match = clause.name_covering(index)
        if (
            match is not None
            and match.start >= start
            and match.end <= end
            and match.entry.kind != SpanKind.PERSON
        ):
            last = max(last, match.end)
    return last


def _name_tokens(clause: Clause, lex: Lexicons, start: int, end: int) -> bool:
    """Tokens ``[start, end)`` can be a person's name."""
    if end <= start or end - start > MAX_NAME_TOKENS:
        return False
    first = clause.folded[start]
    if first in lex.stop_capitals or (first,) in lex.org_start or (first,) in lex.place_start:
        return False
    if all(word in lex.common_acronyms for word in clause.raw[start:end]):
        return False  # "6:41 pm PST": a time zone after "pm", not a person after "PM"
    return not any(f in {"dan", "and", "of", "for", "untuk"} for f in clause.folded[start:end])


def _after_titles(clause: Clause, lex: Lexicons) -> list[Candidate]:
    found: list[Candidate] = []
    index = 0
    total = len(clause)
    while index < total:
        title_end = _title_end(clause, lex, index)
        if title_end == index:
            index += 1
            continue
        seg_end = _segment(clause, title_end)
        name_start = _qualifier_end(clause, title_end, seg_end)
        qualified = name_start > title_end
        if not qualified:
            while name_start < seg_end and clause.folded[name_start] in lex.common_words:
                name_start += 1  # portfolio words: "Menteri Pertanian Amran …"
            given = next(
                (i for i in range(name_start, seg_end) if clause.folded[i] in lex.given_names),
                None,
            )
            if given is not None:
                name_start = given
            elif seg_end - name_start > 3:
                name_start = seg_end - 2
        name_end = seg_end
        if name_start >= name_end and name_end + 1 < total and clause.raw[name_end] == ",":
            # "Menteri Pertahanan Ukraina, Rustem Umerov,"
            name_start = name_end + 1
            name_end = _segment(clause, name_start)
            if clause.name_starting(name_start) is not None:
                name_end = name_start
        if _name_tokens(clause, lex, name_start, name_end):
            start, end = clause.char_span(name_start, name_end)
            found.append(Candidate(start, end, SpanKind.PERSON, Source.TITLE))
        index = max(title_end, name_end, index + 1)
    return found


def _run_before(clause: Clause, end: int) -> int:
    """Start of the capitalised run that ends at ``end`` (``end`` when there is none)."""
    start = end
    while start > 0 and end - start < MAX_NAME_TOKENS:
        previous = start - 1
        if clause.capital[previous] and not (clause.initial[previous] and start < end - 1):
            start = previous
            if clause.initial[previous]:
                break
        elif clause.folded[previous] in NAME_CONNECTORS and previous > 0:
            start = previous
        else:
            break
    while start < end and not clause.capital[start]:
        start += 1
    return start


def _appositions(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """``Abdul Muhari, a spokesman …``, ``Vladimir Medinsky, penasihat Putin``."""
    found: list[Candidate] = []
    for comma, word in enumerate(clause.raw):
        if word != "," or comma == 0:
            continue
        after = comma + 1
        if after < len(clause) and clause.folded[after] in APPOSITION_ARTICLES:
            after += 1
        if after >= len(clause) or _title_end(clause, lex, after) == after:
            continue
        start = _run_before(clause, comma)
        if start < comma and _name_tokens(clause, lex, start, comma):
            whole = clause.name_covering(start)
            if whole is not None and whole.start <= start and whole.end >= comma:
                continue
            s, e = clause.char_span(start, comma)
            found.append(Candidate(s, e, SpanKind.PERSON, Source.TITLE))
    return found


def _after_speech(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """``… ," kata Amalia.``, ``said Abdul Muhari``."""
    found: list[Candidate] = []
    for index, word in enumerate(clause.folded[:-1]):
        if word not in SPEECH_VERBS:
            continue
        start = _title_end(clause, lex, index + 1)  # "said Lt. Gregg Hastings"
        end = _segment(clause, start)
        if not _name_tokens(clause, lex, start, end):
            continue
        if clause.name_covering(start) is not None:
            continue
        s, e = clause.char_span(start, end)
        found.append(Candidate(s, e, SpanKind.PERSON, Source.TITLE))
    return found
