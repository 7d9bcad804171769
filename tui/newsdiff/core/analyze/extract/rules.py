"""Rule-based entity candidates: gazetteer names, acronyms, credits and capital runs.

The rules work without the tagger (and are all there is for English text): names the
lists know, people by their titles (:mod:`persons`), organisations and places by their
head words (:mod:`patterns`), credit lines, acronyms, and, least trusted, any other run
of capitalised words that is not just a capitalised sentence start.
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import (
    NAME_CONNECTORS,
    ORG_CONNECTORS,
    Clause,
    runs,
)
from newsdiff.core.analyze.extract.gazetteer import Lexicons
from newsdiff.core.analyze.extract.name_tokens import is_all_caps
from newsdiff.core.analyze.extract.patterns import pattern_candidates
from newsdiff.core.analyze.extract.persons import person_candidates
from newsdiff.core.model import SpanKind

CREDIT_LABELS: Final = {
    "pewarta": SpanKind.PERSON,
    "penulis": SpanKind.PERSON,
    "reporter": SpanKind.PERSON,
    "editor": SpanKind.PERSON,
    "redaktur": SpanKind.PERSON,
    "penyunting": SpanKind.PERSON,
    "fotografer": SpanKind.PERSON,
    "sumber": SpanKind.ORG,
    "source": SpanKind.ORG,
}
"""``Label:`` before a credited name, with the kind the name usually is."""

BY_LABELS: Final = frozenset({"editing", "reporting", "writing", "photo", "photos"})
"""``Editing by …``, ``Reporting by …``."""

PLACE_PREPOSITIONS: Final = frozenset(
    {"di", "ke", "dari", "in", "at", "near", "from", "to", "into", "across", "kota", "provinsi"}
)

PLATFORM_WORDS: Final = frozenset({"platform", "aplikasi", "akun", "unggahan", "situs", "laman"})
"""Words before a social network's name (``unggahan di X``, ``platform media sosial X``)."""

MAX_ACRONYM_LETTERS: Final = 7


def gazetteer_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """Names the lists know, unless the context shows they are part of something else."""
    found: list[Candidate] = []
    for match in clause.names:
        length = match.end - match.start
        if length == 1 and clause.initial[match.start]:
            word = clause.raw[match.start]
            if lex.is_ordinary_start(word) and not is_all_caps(word):
                continue
        if (
            length == 1
            and _inside_longer_name(clause, lex, match.start, match.end)
            and (match.entry.kind == SpanKind.PERSON or _after_given_name(clause, lex, match.start))
        ):
            continue
        s, e = clause.char_span(match.start, match.end)
        found.append(Candidate(s, e, match.entry.kind, Source.GAZETTEER, match.entry.canonical))
    return found


def _is_name_word(clause: Clause, lex: Lexicons, index: int) -> bool:
    return (
        0 <= index < len(clause)
        and clause.capital[index]
        and (clause.folded[index],) not in lex.titles
        and not (clause.initial[index] and lex.is_ordinary_start(clause.raw[index]))
        and clause.name_covering(index) is None
    )


def _inside_longer_name(clause: Clause, lex: Lexicons, start: int, end: int) -> bool:
    """A capitalised word right before or after: ``Anwar Usman``, ``Michael Jordan``."""
    before = start - 1
    if before >= 0 and clause.glued(start) and clause.raw[before] == "-":
        return False
    return _is_name_word(clause, lex, before) or _is_name_word(clause, lex, end)


def _after_given_name(clause: Clause, lex: Lexicons, index: int) -> bool:
    return index > 0 and clause.folded[index - 1] in lex.given_names


def acronym_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """All-capital words that are not in a list: most often organisations."""
    found: list[Candidate] = []
    for index, word in enumerate(clause.raw):
        if not word.isupper() or clause.name_at[index] >= 0 or not word[:1].isalpha():
            continue
        if not is_all_caps(word):
            continue
        letters = sum(1 for c in word if c.isalpha())
        if letters > MAX_ACRONYM_LETTERS or word in lex.common_acronyms:
            continue
        if _neighbours_all_caps(clause, index):
            continue  # a shouted headline, not an acronym
        token = clause.tokens[index]
        found.append(Candidate(token.start, token.end, SpanKind.ORG, Source.RUN))
    return found


def _neighbours_all_caps(clause: Clause, index: int) -> bool:
    def caps(i: int) -> bool:
        return 0 <= i < len(clause) and is_all_caps(clause.raw[i]) and len(clause.raw[i]) > 3

    return caps(index - 1) and caps(index + 1)


def credit_candidates(clause: Clause, lex: Lexicons, outlets: frozenset[str]) -> list[Candidate]:
    """``Pewarta: Xinhua``, ``Editor: M Razi Rahman``, ``Editing by Maya Lestari``."""
    found: list[Candidate] = []
    total = len(clause)
    for index, word in enumerate(clause.folded):
        kind = CREDIT_LABELS.get(word)
        start = -1
        if kind is not None and index + 1 < total and clause.raw[index + 1] == ":":
            start = index + 2
        elif word in BY_LABELS and index + 1 < total and clause.folded[index + 1] == "by":
            kind, start = SpanKind.PERSON, index + 2
        if kind is None or start < 0 or start >= total:
            continue
        end = start
        while end < total and (
            clause.capital[end]
            or (clause.raw[end] == "." and end > start)
            or (clause.folded[end] in NAME_CONNECTORS and end > start)
        ):
            end += 1
        while end > start and not clause.capital[end - 1]:
            end -= 1
        if end == start:
            continue
        s, e = clause.char_span(start, end)
        name = " ".join(clause.raw[start:end]).casefold()
        known = clause.name_starting(start)
        if known is not None and known.end == end:
            found.append(Candidate(s, e, known.entry.kind, Source.CREDIT, known.entry.canonical))
        else:
            credited = SpanKind.ORG if name in outlets else kind
            found.append(Candidate(s, e, credited, Source.CREDIT))
    return found


def run_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """Every other capitalised run, with its kind guessed from the words around it."""
    found: list[Candidate] = []
    for start, end in runs(clause, lex):
        if end - start == 1 and clause.initial[start] and not _known_word(clause, lex, start):
            continue  # "Editing by …": one capitalised word at a start says nothing
        for part_start, part_end in _split_run(clause, lex, start, end):
            if _names_no_entity(clause, lex, part_start, part_end):
                continue
            part_start = _from_given_name(clause, lex, part_start, part_end)
            kind = _guess_kind(clause, lex, part_start, part_end)
            s, e = clause.char_span(part_start, part_end)
            found.append(Candidate(s, e, kind, Source.RUN))
    return found


OPENING_QUOTES: Final = frozenset({'"', "``", "“", "‘", "'", "«"})
CLOSING_QUOTES: Final = frozenset({'"', "''", "”", "’", "'", "»"})


def _quoted(clause: Clause, start: int, end: int) -> bool:
    """The run is all there is between quotation marks, but for capitalised words
    around it and a comma or full stop before the closing mark (``" American Pie "``,
    ``" New Moon , "``)."""
    before = start - 1
    while before >= 0 and clause.capital[before]:
        before -= 1
    after = end
    while after < len(clause) and clause.capital[after]:
        after += 1
    if after < len(clause) and clause.raw[after] in {",", "."}:
        after += 1
    return (
        before >= 0
        and after < len(clause)
        and clause.raw[before] in OPENING_QUOTES
        and clause.raw[after] in CLOSING_QUOTES
    )


def _names_no_entity(clause: Clause, lex: Lexicons, start: int, end: int) -> bool:
    """A capitalised run that is something other than a person, organisation or place.

    A run alone between quotation marks is a title (a film, a show, a book: ``"
    Twilight "``); one ending in an event, law or award word is one of those
    (``Endangered Species Act``, ``Academy Awards``); a plural of a nationality
    (``Americans``) or of an acronym (``KOs``, ``CEOs``) names no one in particular.
    """
    if _quoted(clause, start, end):
        return True
    if clause.folded[end - 1] in lex.event_ends:
        return True
    if all(word in lex.common_acronyms for word in clause.raw[start:end]):
        return True  # "PST", "AM EST": a time zone, not an organisation
    if end - start == 1:
        word = clause.raw[start]
        if "-" in word and word.rsplit("-", 1)[1].islower():
            return True  # "Ukrainian-born", "Jakarta-based": an adjective
        if word.endswith("s") and len(word) > 2:
            stem = word[:-1]
            if is_all_caps(stem) or clause.folded[start][:-1] in lex.demonyms:
                return True
    return False


def _from_given_name(clause: Clause, lex: Lexicons, start: int, end: int) -> int:
    """Where a person's name starts in a run that leads up to it: at the first given
    name that follows a word that is none (``Interior Dirk Kempthorne``, ``Fulton County
    District Attorney Paul Howard``); ``start`` when there is no such name."""
    for index in range(start + 1, end - 1):
        if (
            clause.folded[index] in lex.given_names
            and clause.folded[index - 1] not in lex.given_names
            and clause.name_covering(index - 1) is None
        ):
            return index
    return start


def _known_word(clause: Clause, lex: Lexicons, index: int) -> bool:
    """A word the lists know as (part of) a name."""
    return (
        clause.name_at[index] >= 0
        or clause.folded[index] in lex.given_names
        or is_all_caps(clause.raw[index])
    )


def _split_run(clause: Clause, lex: Lexicons, start: int, end: int) -> list[tuple[int, int]]:
    """A run cut at connectors and after leading titles: the names inside it."""
    parts: list[tuple[int, int]] = []
    cut = start
    for index in range(start, end + 1):
        if index == end or clause.folded[index] in ORG_CONNECTORS:
            if index > cut:
                parts.append((cut, index))
            cut = index + 1
    out: list[tuple[int, int]] = []
    for part_start, part_end in parts:
        name_start = part_start
        # The name follows the last title in the part ("Interior Secretary Ken
        # Salazar"). Titles from the very start go even when nothing follows them
        # (titles alone name no one); a later one only when a name follows it.
        index = part_start
        while index < part_end:
            hit = lex.titles.longest_at(clause.folded, clause.raw, index, need_capital=True)
            if hit is None:
                index += 1
                continue
            index += hit[0]
            if index < part_end or name_start == index - hit[0]:
                name_start = index
        if name_start < part_end:
            out.append((name_start, part_end))
    return out


def _guess_kind(clause: Clause, lex: Lexicons, start: int, end: int) -> SpanKind:
    words = clause.folded[start:end]
    if words[0] in lex.given_names:
        return SpanKind.PERSON
    if all(is_all_caps(w) for w in clause.raw[start:end]):
        return SpanKind.ORG
    before = clause.folded[start - 1] if start > 0 else ""
    if before in PLACE_PREPOSITIONS:
        return SpanKind.PLACE
    if before == "the" and clause.folded[end - 1].endswith(("s", "sox")):
        return SpanKind.ORG  # "the Sixers", "the Red Sox": a team, a party, a band
    return SpanKind.PERSON


def context_candidates(clause: Clause) -> list[Candidate]:
    """A name the words before it classify outright: ``media sosial X``, ``platform X``."""
    found: list[Candidate] = []
    for index in range(1, len(clause)):
        if not clause.capital[index]:
            continue
        before = clause.folded[index - 1]
        earlier = clause.folded[index - 2] if index > 1 else ""
        if before in {"sosial", "platform"} or (before == "di" and earlier in PLATFORM_WORDS):
            end = index + 1
            while end < len(clause) and clause.capital[end] and end - index < 3:
                end += 1
            s, e = clause.char_span(index, end)
            found.append(Candidate(s, e, SpanKind.ORG, Source.CONTEXT))
    return found


def rule_candidates(clause: Clause, lex: Lexicons) -> list[Candidate]:
    """Every rule-based candidate in ``clause`` (headlines: only what lists know)."""
    found = gazetteer_candidates(clause, lex)
    if clause.headline:
        return found
    found += person_candidates(clause, lex)
    found += context_candidates(clause)
    found += pattern_candidates(clause, lex)
    found += acronym_candidates(clause, lex)
    found += run_candidates(clause, lex)
    return found
