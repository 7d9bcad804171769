"""People, organisations and places: the entity extractor's entry points.

Extraction runs in two steps so that several reports can share what they know:

1. :func:`draft_entities` reads one article: its dateline, then each clause (a
   sentence, or the rest of the first sentence after the dateline) through the rules
   (:mod:`rules`) and, for Indonesian, the trained tagger (:mod:`tagger`), and keeps
   every proposal together with a first choice among them.
2. :func:`finish_entities` adds the names a :class:`~memory.NameBook` remembers (from
   this report, and from the others when :func:`analyze_all` loaded several), chooses
   again, and gives each entity its canonical value.

:func:`find_entity_spans` does both for one article, which is what
:func:`newsdiff.core.analyze.extract.extract_spans` calls.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from newsdiff.core.analyze.extract.candidates import Candidate, Source
from newsdiff.core.analyze.extract.clause import Clause, prepare
from newsdiff.core.analyze.extract.combine import choose, drop_unlikely_fills
from newsdiff.core.analyze.extract.gazetteer import Lexicons, alias_words, lexicons
from newsdiff.core.analyze.extract.memory import (
    KnownName,
    NameBook,
    link_acronyms,
    normalised_surface,
    remember,
    value_of,
)
from newsdiff.core.analyze.extract.name_tokens import Token, tokens_in
from newsdiff.core.analyze.extract.rules import credit_candidates, rule_candidates
from newsdiff.core.ingest.metadata import find_dateline
from newsdiff.core.model import Article, Sentence, Span, SpanKind

TAGGED_LANGUAGES = frozenset({"id", "und"})
"""Languages the tagger was trained for (``und``: most unlabelled input here is Indonesian)."""


@dataclass(frozen=True, slots=True)
class ClauseDraft:
    """One clause with every candidate proposed in it."""

    clause: Clause
    pool: tuple[Candidate, ...]


@dataclass(frozen=True, slots=True)
class EntityDraft:
    """What one article proposes before names from elsewhere are added."""

    clauses: tuple[ClauseDraft, ...]
    fixed: tuple[Candidate, ...]
    """Dateline candidates: outside any clause, never overruled."""
    mentions: tuple[Candidate, ...]
    """A first choice among the proposals, used to fill the name book."""
    tagged: bool = False
    """Whether the tagger ran (and so leads the choice)."""


def _dateline_candidates(article: Article, lex: Lexicons) -> list[Candidate]:
    """``Istanbul (ANTARA) -``: the place and the outlet, with their canonical names."""
    if article.dateline is None:
        return []
    found = find_dateline(article.text, article.dateline[0])
    if found is None:
        return []
    match, _ = found
    out: list[Candidate] = []
    groups = match.groupdict()
    for group, kind in (("place", SpanKind.PLACE), ("outlet", SpanKind.ORG)):
        if not groups.get(group):
            continue
        start, end = match.span(group)
        while end > start and article.text[end - 1] in " .,":
            end -= 1
        surface = article.text[start:end]
        entries = [e for e in lex.names.entries(alias_words(surface)) if e.kind == kind]
        if entries:
            canonical = entries[0].canonical
        elif kind == SpanKind.ORG and article.outlet:
            canonical = article.outlet
        else:
            canonical = normalised_surface(surface, kind)
        out.append(Candidate(start, end, kind, Source.DATELINE, canonical))
    return out


def _clause_tokens(
    article: Article, sentence: Sentence, dateline_end: int
) -> tuple[list[Token], list[Token]]:
    """The sentence's tokens, split into the dateline part and the rest."""
    tokens = tokens_in(article.text, sentence.start, sentence.end)
    if not (sentence.start < dateline_end <= sentence.end):
        return [], tokens
    cut = 0
    while cut < len(tokens) and tokens[cut].start < dateline_end:
        cut += 1
    return tokens[:cut], tokens[cut:]


def draft_entities(
    article: Article, sentences: Sequence[Sentence], *, tagger: bool | None = None
) -> EntityDraft:
    """Every proposal for ``article``; ``tagger`` forces the tagger on or off."""
    from newsdiff.core.analyze.extract.tagger import tag_entities

    lex = lexicons()
    use_tagger = article.language in TAGGED_LANGUAGES if tagger is None else tagger
    outlets = frozenset(
        name.casefold() for name in (article.outlet, article.agency) if name is not None
    )
    fixed = _dateline_candidates(article, lex)
    dateline_end = article.dateline[1] if article.dateline else -1
    drafts: list[ClauseDraft] = []
    for sentence in sentences:
        head, body = _clause_tokens(article, sentence, dateline_end)
        if head:
            clause = prepare(head, lex)
            pool = [c for c in rule_candidates(clause, lex) if c.source == Source.GAZETTEER]
            drafts.append(ClauseDraft(clause, tuple(pool)))
        if not body:
            continue
        clause = prepare(body, lex, headline=sentence.heading)
        rules = rule_candidates(clause, lex)
        pool = rules + credit_candidates(clause, lex, outlets)
        if use_tagger:
            tagging = tag_entities(clause, lex, rules)
            pool = drop_unlikely_fills(clause, pool, tagging) + tagging.candidates
        drafts.append(ClauseDraft(clause, tuple(pool)))
    mentions = choose([*fixed, *(c for d in drafts for c in d.pool)], tagger_leads=use_tagger)
    return EntityDraft(tuple(drafts), tuple(fixed), tuple(mentions), use_tagger)


def fill_book(book: NameBook, article: Article, draft: EntityDraft) -> None:
    """Remember the names ``article`` states confidently."""
    link_acronyms(article.text, draft.mentions, book)
    remember(book, article.text, draft.mentions)


def finish_entities(article: Article, draft: EntityDraft, book: NameBook) -> list[Span]:
    """The article's entity spans, with remembered names added and values resolved."""
    lex = lexicons()
    text = article.text
    pool: list[Candidate] = list(draft.fixed)
    for clause_draft in draft.clauses:
        pool += clause_draft.pool
        pool += book.candidates(clause_draft.clause, lex)
    return [
        Span(
            kind=mention.kind,
            start=mention.start,
            end=mention.end,
            text=text[mention.start : mention.end],
            value=value_of(book, text, mention),
        )
        for mention in choose(pool, tagger_leads=draft.tagged)
    ]


def find_entity_spans(
    article: Article,
    sentences: Sequence[Sentence],
    known_names: Iterable[KnownName | str] = (),
) -> list[Span]:
    """Entity spans in ``article``; ``known_names`` come from other loaded reports."""
    return find_entity_spans_with(article, sentences, known_names)


def find_entity_spans_with(
    article: Article,
    sentences: Sequence[Sentence],
    known_names: Iterable[KnownName | str] = (),
    *,
    tagger: bool | None = None,
) -> list[Span]:
    """:func:`find_entity_spans` with the tagger forced on or off (for scoring)."""
    draft = draft_entities(article, sentences, tagger=tagger)
    book = NameBook()
    book.add_known(known_names)
    fill_book(book, article, draft)
    return finish_entities(article, draft, book)
