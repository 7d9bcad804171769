"""The trained entity tagger: a linear-chain CRF over :mod:`features`.

The model (``models/entities_id.crfsuite``) is trained by :mod:`train_tagger` on the
Indonesian NER corpora named in ``models/README.md`` and loaded on first use. Without
the model file (or without python-crfsuite) the tagger proposes nothing and the rules
carry on alone.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Final

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import Clause
from newsdiff.core.analyze.extract.features import clause_features
from newsdiff.core.analyze.extract.gazetteer import Lexicons
from newsdiff.core.model import SpanKind

if TYPE_CHECKING:
    import pycrfsuite

MODEL_NAME: Final = "entities_id.crfsuite"


_override: str | None = None


def model_path() -> str | None:
    """Where the model is on disk (the shipped one unless overridden), or None.

    Looked for next to this module first, where an installed or checked-out package
    keeps it: ``importlib.resources`` costs the app's first preview some milliseconds
    of imports, on a thread that shares the interpreter with the starting screen.
    """
    if _override is not None:
        return _override
    plain = os.path.join(os.path.dirname(__file__), "models", MODEL_NAME)
    if os.path.isfile(plain):
        return plain
    from importlib import resources

    path = resources.files(__package__).joinpath("models", MODEL_NAME)
    return str(path) if path.is_file() else None


def use_model(path: str | None) -> None:
    """Tag with the model at ``path`` from now on (None: the shipped model again).

    For the training script, which scores a freshly trained model before it is shipped.
    """
    global _override
    _override = path
    _tagger.cache_clear()


@cache
def _tagger() -> pycrfsuite.Tagger | None:
    path = model_path()
    if path is None:
        return None
    try:
        import pycrfsuite
    except ImportError:
        return None
    tagger = pycrfsuite.Tagger()
    tagger.open(path)
    return tagger


def available() -> bool:
    """True when the model is present and loads."""
    return _tagger() is not None


@dataclass(frozen=True, slots=True)
class Tagging:
    """The tagger's entities in a clause, and how sure it is each token is none."""

    candidates: list[Candidate]
    outside: list[float]
    """Per token, the tagger's probability that the token is outside any entity."""


def tag_clause(
    clause: Clause, lex: Lexicons, rules: list[Candidate] | None = None
) -> tuple[list[str], list[float]]:
    """BIO tags (``B-PERSON``, ``I-ORG``, ``O``) and P(``O``) for the tokens of ``clause``.

    P(``O``) is computed only for tokens some rule candidate covers (elsewhere it is
    reported as 1.0): nothing else asks for it, and it costs a call per token.
    """
    tagger = _tagger()
    if tagger is None or not clause.tokens:
        return ["O"] * len(clause), [1.0] * len(clause)
    tags = list(tagger.tag(clause_features(clause, lex, rules)))
    outside = [1.0] * len(tags)
    if rules:
        wanted = _covered_tokens(clause, rules)
        for index in wanted:
            outside[index] = tagger.marginal("O", index)
    return tags, outside


def _covered_tokens(clause: Clause, candidates: list[Candidate]) -> set[int]:
    """Indices of the tokens that any of ``candidates`` covers."""
    by_start = {t.start: i for i, t in enumerate(clause.tokens)}
    covered: set[int] = set()
    for candidate in candidates:
        index = by_start.get(candidate.start)
        while (
            index is not None
            and index < len(clause)
            and clause.tokens[index].start < (candidate.end)
        ):
            covered.add(index)
            index += 1
    return covered


def tag_entities(clause: Clause, lex: Lexicons, rules: list[Candidate] | None = None) -> Tagging:
    """The tagger's entities in ``clause``, repaired (see :func:`repair`).

    ``rules`` are the clause's rule candidates when the caller already has them.
    """
    tags, outside = tag_clause(clause, lex, rules)
    found: list[Candidate] = []
    start, kind = -1, ""
    for index, tag in enumerate([*tags, "O"]):
        prefix, _, label = tag.partition("-")
        if prefix == "I" and label == kind and start >= 0:
            continue
        if start >= 0:
            repaired = repair(clause, lex, start, index)
            if repaired is not None:
                s, e = clause.char_span(*repaired)
                found.append(Candidate(s, e, SpanKind(kind), Source.TAGGER))
            start, kind = -1, ""
        if prefix in {"B", "I"}:
            start, kind = index, label
    return Tagging(found, outside)


def tagger_candidates(
    clause: Clause, lex: Lexicons, rules: list[Candidate] | None = None
) -> list[Candidate]:
    """Just the tagger's entities in ``clause`` (see :func:`tag_entities`)."""
    return tag_entities(clause, lex, rules).candidates


def repair(clause: Clause, lex: Lexicons, start: int, end: int) -> tuple[int, int] | None:
    """Token range of a tagger entity with obvious slips undone, or None to drop it.

    Punctuation at either edge, a common-noun acronym at the start (``KTT Budapest``)
    and a title's words at the start are trimmed (``-Manturov``, ``Luar Negeri
    Turkiye`` after ``Menteri``); an entity that is
    nothing but two or more names the gazetteer knows (``Turkiye Anadolu Agency``,
    ``RI-Rusia``) is dropped so the gazetteer's own names stand.
    """
    while start < end and not clause.raw[start][:1].isalnum():
        start += 1
    if start + 1 < end and clause.raw[start] in lex.common_acronyms:
        rest = clause.name_starting(start + 1)
        if rest is not None and rest.end == end and rest.entry.kind != SpanKind.ORG:
            start += 1  # "KTT Budapest": the summit is not a name, Budapest is
    while end > start and not clause.raw[end - 1][:1].isalnum():
        end -= 1
    if start < end and start > 0:
        title = _title_covering(clause, lex, start)
        if title is not None:
            start = max(start, title)
    if start >= end:
        return None
    pieces = 0
    index = start
    while index < end:
        match = clause.name_starting(index)
        if match is None or match.end > end:
            if clause.raw[index] in {"-", "–", "—"} and pieces:
                index += 1
                continue
            break
        pieces += 1
        index = match.end
    if index == end and pieces >= 2:
        return None
    return start, end


def _title_covering(clause: Clause, lex: Lexicons, index: int) -> int | None:
    """The end of a title that starts before ``index`` and reaches past it."""
    for begin in range(max(0, index - 4), index):
        hit = lex.titles.longest_at(clause.folded, clause.raw, begin, need_capital=False)
        if hit is not None and begin + hit[0] > index:
            return begin + hit[0]
    return None
