"""What a sentence looks like to alignment: its content terms, with values masked.

Two reports of one event share facts more than phrasing, and a rewrite that changes
``1.200`` to ``1.500`` or ``Juli 2025`` to ``Juli 2027`` still says the same thing in
the same place — that is a finding, not a different sentence. So every stretch that
writes a value (a number, a number word, an amount with its currency and unit, a date
with its month and weekday) is cut out of the terms before sentences are compared,
and its offsets are kept for the findings stage. Value spans from extraction are used
when the document has them; tokens that look like values are masked either way, so
alignment works the same before and after extraction.

Terms are case-folded word stems: the first :data:`STEM_LENGTH` letters of each
word that is not a function word. Prefix truncation is a crude stemmer, but it works
for both languages without a model (``kilometres``/``kilometers``,
``evacuated``/``evacuate``, ``pertukaran``/``pertukarannya``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.compare.masking import NUMERAL_RE, RUN, numeral_key, value_mask
from newsdiff.core.lexicons import load_set
from newsdiff.core.model import VALUE_KINDS, Document, Sentence

STEM_LENGTH: Final = 6
"""How many leading letters of a word make its term."""

_WORD: Final = re.compile(r"[^\W_]\w*(?:[-'’]\w+)*")
"""A word: letters and digits, joined by hyphens or apostrophes (``masing-masing``)."""
_JOINED: Final = ("-", "'", "’", "_")
"""Characters that make a ``_WORD`` differ from a run of word characters."""

__all__ = ["STEM_LENGTH", "SentenceProfile", "numeral_key", "profile_document"]


@cache
def _stopwords() -> frozenset[str]:
    return load_set("stopwords_id") | load_set("stopwords_en")


@dataclass(frozen=True, slots=True)
class SentenceProfile:
    """One content sentence as alignment sees it."""

    index: int
    """The sentence's index in ``Document.sentences``."""
    start: int
    end: int
    terms: frozenset[str]
    """Content-word stems, values masked out."""
    values: tuple[tuple[int, int], ...]
    """Offsets (into the article text) of the value stretches that were masked."""
    facts: frozenset[str] = frozenset()
    """Comparable keys of the masked values (span values, or normalised numerals):
    an equal value on both sides is evidence two sentences align; a different one is
    not held against them."""


def _value_ranges(document: Document) -> list[tuple[int, int, str]]:
    """The document's value spans (start, end, value), sorted by start."""
    return sorted(
        (span.start, span.end, span.value) for span in document.spans if span.kind in VALUE_KINDS
    )


class _Stems(dict[str, str]):
    """Word → its term (``""`` for function words and single letters), filled on first
    sight: a report repeats its words, so each is judged once."""

    def __init__(self, stopwords: frozenset[str]) -> None:
        super().__init__()
        self.stopwords = stopwords

    def __missing__(self, word: str) -> str:
        stem = word[:STEM_LENGTH] if len(word) > 1 and word not in self.stopwords else ""
        self[word] = stem
        return stem


def profile_sentence(
    document: Document,
    sentence: Sentence,
    spans: Sequence[tuple[int, int, str]] = (),
    stems: dict[str, str] | None = None,
) -> SentenceProfile:
    """Terms and masked value stretches of one sentence.

    ``spans`` are the value spans inside the sentence (start, end, value): their values
    are kept as facts and their offsets as stretches the word diff keeps whole. Terms
    are masked by the value pattern only, not by whole spans: a QUANTITY span takes its
    counted noun along (``7.000 jenazah``), and the noun is a content word that says
    what the sentence is about — only the amount is a value. ``stems`` is a
    :class:`_Stems` shared by the sentences of one report.
    """
    text = document.article.text[sentence.start : sentence.end]
    folded = text.casefold()
    runs = RUN.findall(folded)
    return _profile(text, folded, runs, sentence, spans, stems or _Stems(_stopwords()))


def _profile(
    text: str,
    folded: str,
    runs: list[str],
    sentence: Sentence,
    spans: Sequence[tuple[int, int, str]],
    stems: dict[str, str],
) -> SentenceProfile:
    base = sentence.start
    masked = value_mask().stretches(text, folded, runs)
    facts: set[str] = set()
    for start, end in masked:
        facts.update(numeral_key(n) for n in NUMERAL_RE.findall(text, start, end))
    if masked:
        pieces: list[str] = []
        position = 0
        for start, end in masked:
            if start > position:
                pieces.append(text[position:start])
            pieces.append(" ")
            position = max(position, end)
        pieces.append(text[position:])
        words = _WORD.findall("".join(pieces).casefold())
    elif any(joiner in folded for joiner in _JOINED):
        words = _WORD.findall(folded)
    else:
        words = runs  # no hyphen, apostrophe or underscore: the words are the runs
    terms = frozenset(filter(None, map(stems.__getitem__, words)))
    stretches = [(base + start, base + end) for start, end in masked]
    if spans:
        for start, end, value in spans:
            stretches.append((start, end))
            facts.add(value)
        stretches.sort()
    return SentenceProfile(
        index=sentence.index,
        start=sentence.start,
        end=sentence.end,
        terms=terms,
        values=tuple(stretches),
        facts=frozenset(facts),
    )


@dataclass(frozen=True, slots=True)
class ReportWords:
    """The words of a report's content text as the finders ask about them, gathered
    while profiling: each sentence's words are read once for the whole comparison."""

    every: frozenset[str]
    """Every word of the content text, case-folded (runs of letters and digits)."""
    watch: frozenset[str]
    """The words asked about (case-folded): what ``watched`` records."""
    watched: dict[int, frozenset[str]]
    """Sentence index → the watched words it holds (sentences holding none are absent)."""
    unsure: frozenset[int] = frozenset()
    """Sentences whose case folding a word test cannot vouch for (``ı``, ``İ``, folding
    that changes the length): a finder reads these itself."""


def profile_report(
    document: Document, watch: frozenset[str] = frozenset()
) -> tuple[list[SentenceProfile], ReportWords]:
    """Profiles of the document's content sentences (boilerplate skipped), in order,
    and its words (see :class:`ReportWords`) for the ``watch`` words."""
    spans = _value_ranges(document)
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    if spans:
        starts = [sentence.start for sentence in document.sentences]
        for span in spans:
            index = bisect_right(starts, span[0]) - 1
            by_sentence.setdefault(index, []).append(span)
    stems = _Stems(_stopwords())
    every: set[str] = set()
    watched: dict[int, frozenset[str]] = {}
    unsure: list[int] = []
    profiles: list[SentenceProfile] = []
    article_text = document.article.text
    sentences = document.sentences
    for number, sentence in enumerate(sentences):
        if sentence.boilerplate:
            continue
        text = article_text[sentence.start : sentence.end]
        folded = text.casefold()
        runs = RUN.findall(folded)
        profiles.append(
            _profile(text, folded, runs, sentence, by_sentence.get(sentence.index, ()), stems)
        )
        every.update(runs)
        if "_" in folded:
            every.update(piece for run in runs for piece in run.split("_"))
        if hits := watch.intersection(runs):
            watched[sentence.index] = hits
        # ``ı`` and ``İ``: a case-insensitive regex matches them to ``i`` though they do
        # not fold to it (two ``in`` tests: a regex character class is slower here).
        if len(folded) != len(text) or "ı" in text or "İ" in text:
            unsure.append(sentence.index)
        elif not _between_is_blank(article_text, sentences, number):
            unsure.append(sentence.index)  # text outside any sentence is read with it
    return profiles, ReportWords(frozenset(every), watch, watched, frozenset(unsure))


def _between_is_blank(text: str, sentences: Sequence[Sentence], number: int) -> bool:
    """True when only whitespace stands between sentence ``number`` and the next one
    (and, for the first, before it): a finder that reads a report sentence by sentence
    then misses nothing."""
    sentence = sentences[number]
    after = sentences[number + 1].start if number + 1 < len(sentences) else len(text)
    if text[sentence.end : after].strip():
        return False
    return number > 0 or not text[: sentence.start].strip()


def profile_document(document: Document) -> list[SentenceProfile]:
    """Profiles of the document's content sentences (boilerplate skipped), in order."""
    return profile_report(document)[0]
