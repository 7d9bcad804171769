"""Score the entity extractor on labelled sentences, as rules, tagger or both.

Each labelled sentence becomes a tiny article: its given tokens joined by single
spaces. The extractor runs on that text as it would on any article (its own
tokenizer, sentence splitter and all), and its spans are mapped back to the given
tokens they overlap, so the score is comparable to published token-level results.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from newsdiff.core.analyze.extract.corpus import (
    Entity,
    LabelledSentence,
    Score,
    entities_from_spans,
    score,
)
from newsdiff.core.model import Article


class Mode(StrEnum):
    """Which part of the extractor to score."""

    RULES = "rules"
    """The rules alone, whatever the language."""
    TAGGER = "tagger"
    """The tagger's own candidates alone."""
    COMBINED = "combined"
    """The extractor as shipped: the tagger where the language has one (Indonesian),
    the rules everywhere."""


def predict(sentence: LabelledSentence, mode: Mode, language: str = "id") -> set[Entity]:
    """The extractor's entities in ``sentence``, as given-token triples."""
    from newsdiff.core.analyze import sentences_of
    from newsdiff.core.analyze.extract.clause import prepare
    from newsdiff.core.analyze.extract.entities import find_entity_spans_with
    from newsdiff.core.analyze.extract.gazetteer import lexicons
    from newsdiff.core.analyze.extract.name_tokens import tokens_in
    from newsdiff.core.analyze.extract.tagger import tagger_candidates

    text, tokens = sentence.text_and_tokens()
    article = Article(path="<eval>", text=text, title="", language=language)
    sentences = sentences_of(article)
    if mode == Mode.TAGGER:
        lex = lexicons()
        spans = [
            (c.start, c.end, c.kind.value)
            for s in sentences
            for c in tagger_candidates(prepare(tokens_in(text, s.start, s.end), lex), lex)
        ]
    else:
        # As shipped, the language decides whether the tagger runs (it is trained on
        # Indonesian only); the rules mode turns it off everywhere.
        use_tagger = None if mode == Mode.COMBINED else False
        spans = [
            (s.start, s.end, s.kind.value)
            for s in find_entity_spans_with(article, sentences, tagger=use_tagger)
        ]
    return entities_from_spans(tokens, spans)


def evaluate(sentences: Iterable[LabelledSentence], mode: Mode, language: str = "id") -> Score:
    """Entity-level exact-match score of ``mode`` over ``sentences``."""
    return score((predict(s, mode, language), s.entities()) for s in sentences)
