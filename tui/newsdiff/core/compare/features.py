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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.lexicons import load_set, load_table
from newsdiff.core.model import VALUE_KINDS, Document, Sentence

STEM_LENGTH: Final = 6
"""How many leading letters of a word make its term."""


_NUMERAL: Final = r"\d+(?:[.,:/]\d+)*"
_NUMERAL_RE: Final = re.compile(_NUMERAL)
_WORD: Final = re.compile(r"[^\W_](?:\w|[-'’](?=\w))*")


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


def _alternatives(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, built as a trie (``s(?:atu|e(?:belas|…))``).

    Python's regex engine tries a flat alternation word by word at every position; a
    trie shares prefixes, which makes matching several times faster.
    """
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        group = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
        if "" in node:
            group = f"(?:{group})?"
        return group

    return f"(?:{build(trie)})"


class _Lexicon:
    """The word lists masking needs, loaded once, and the value pattern built from them.

    A value stretch is an optional qualifier and currency, then value atoms
    (numerals, number and ordinal words, capitalised month and weekday names) joined
    by spaces or ``( ) / - –``, then any units, currencies or time words: ``lebih dari
    1.000``, ``Rp 1,2 triliun``, ``Jumat (16/5)``, ``23 Juli 2027``, ``empat puluh
    satu``, ``350 kilometer per jam``, ``pukul 19.30 WIB``. The word lists are the
    value extractor's (``number_words``, ``ordinal_words``, ``units``, ``currencies``,
    ``time_words``, ``qualifiers``, ``months``, ``weekdays``), so masking and
    extraction agree on what a value is.

    The pattern is only ever tried where a value can start (see :meth:`starts`):
    scanning every position of a 10,000-sentence report with it costs more than the
    rest of the profile together, and most words cannot start a value.
    """

    def __init__(self) -> None:
        self.stopwords = load_set("stopwords_id") | load_set("stopwords_en")
        numbers = {*load_table("number_words"), *load_table("ordinal_words")}
        currencies = set(load_table("currencies"))
        units = {*load_table("units"), *load_table("time_words"), *currencies}
        qualifiers = set(load_table("qualifiers"))
        calendar = {*load_table("months"), *load_table("weekdays")}
        capitalised = [w[:1].upper() + w[1:] for w in calendar] + [w.upper() for w in calendar]
        edge = r"(?<![\w])"
        atom = (
            rf"(?:{edge}{_NUMERAL}(?![\w])"
            rf"|{edge}(?i:{_alternatives(numbers)})(?![\w])"
            rf"|{edge}(?:{_alternatives(capitalised)})(?![\w]))"
        )
        currency = rf"(?:(?<![\w])(?i:{_alternatives(currencies)})\s?{_NUMERAL}(?![\w]))"
        unit = rf"(?:(?:\s+per\s+|[\s-]?)(?i:{_alternatives(units)})(?![\w]))"
        qualifier = rf"(?:(?i:{_alternatives(qualifiers)})\s+)"
        joiner = r"(?:\s*[()/\-–]\s*|\s+)"
        # The guard up front makes the engine give up at once inside words.
        guard = r"(?<![\w])(?=[\w$€£¥])"
        self.values = re.compile(
            rf"{guard}{qualifier}?(?:{currency}|{atom})(?:{joiner}{atom})*{unit}*"
        )
        # What a value can start with: the first run of word characters of every entry
        # that can begin a stretch (case-folded), and the symbols that can.
        firsts: set[str] = set()
        symbols: set[str] = set()
        for entry in (*qualifiers, *currencies, *numbers, *calendar):
            run = _RUN.match(entry.casefold())
            if run:
                firsts.add(run.group())
            else:
                symbols.add(entry[0])
        self.firsts = frozenset(firsts)
        self.symbols = tuple(sorted(symbols))

    def starts(self, text: str, folded: str, runs: list[str]) -> list[int] | None:
        """Positions in ``text`` where a value stretch may start, in order, or None
        when any position may (the caller then scans the whole sentence).

        A stretch starts where a run of word characters starts, and that run is a
        numeral, or begins like an entry of a word list (its first run, case-folded),
        or holds a digit (a currency glued to its amount, ``Rp5``); or at a currency
        symbol. ``runs`` are the runs of ``folded`` (``text`` case-folded). A run that
        is not ASCII is not judged here (Unicode case rules are the regex engine's):
        the caller scans the whole sentence instead, so the filter stays exact.
        """
        found = self.firsts.intersection(runs)
        symbols = [s for s in self.symbols if s in text]
        digits = _DIGITS.finditer(text)
        first_digit = next(digits, None)
        if not (found or symbols or first_digit):
            return [] if folded.isascii() or all(r.isascii() for r in runs) else None
        if len(folded) != len(text) or not (folded.isascii() or all(r.isascii() for r in runs)):
            return None  # offsets of the folded text would not be the text's
        places: set[int] = set()
        for needle in (*found, *symbols):
            at = folded.find(needle)
            while at >= 0:
                places.add(at)
                at = folded.find(needle, at + 1)
        if first_digit is not None:
            for m in (first_digit, *digits):
                at = m.start()
                while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
                    at -= 1  # back to the start of the run (what ``\w`` is in ``re``)
                places.add(at)
        return sorted(places)

    def stretches(self, text: str, folded: str, runs: list[str]) -> list[tuple[int, int]]:
        """The value stretches of ``text`` (what ``values.finditer`` finds, in order)."""
        starts = self.starts(text, folded, runs)
        if starts is None:
            return [m.span() for m in self.values.finditer(text)]
        found: list[tuple[int, int]] = []
        reached = 0
        match = self.values.match
        for start in starts:
            if start < reached:
                continue
            if (m := match(text, start)) is not None:
                found.append(m.span())
                reached = m.end()
        return found


_RUN: Final = re.compile(r"\w+")
_DIGITS: Final = re.compile(r"\d+")
_JOINED: Final = ("-", "'", "’", "_")
"""Characters that make a ``_WORD`` differ from a run of word characters."""


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


def _value_ranges(document: Document) -> list[tuple[int, int, str]]:
    """The document's value spans (start, end, value), sorted by start."""
    return sorted(
        (span.start, span.end, span.value) for span in document.spans if span.kind in VALUE_KINDS
    )


_GROUPED: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def numeral_key(token: str) -> str:
    """A numeral as a comparable key: ``1.000`` (id) and ``1,000`` (en) are both ``1000``.

    Only for tokens without a value span; a separator followed by exactly three
    digits is read as grouping, any other as a decimal point.
    """
    if _GROUPED.fullmatch(token):
        return token.replace(".", "").replace(",", "")
    return token.replace(",", ".")


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


_NO_TERM: Final = frozenset({""})


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
    lex = _lexicon()
    if stems is None:
        stems = _Stems(lex.stopwords)
    base = sentence.start
    text = document.article.text[sentence.start : sentence.end]
    folded = text.casefold()
    runs = _RUN.findall(folded)
    masked = lex.stretches(text, folded, runs)
    facts: set[str] = set()
    for start, end in masked:
        facts.update(numeral_key(n) for n in _NUMERAL_RE.findall(text, start, end))
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
    terms = frozenset(map(stems.__getitem__, words)) - _NO_TERM
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


def profile_document(document: Document) -> list[SentenceProfile]:
    """Profiles of the document's content sentences (boilerplate skipped), in order."""
    spans = _value_ranges(document)
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    if spans:
        starts = [sentence.start for sentence in document.sentences]
        for span in spans:
            index = bisect_right(starts, span[0]) - 1
            by_sentence.setdefault(index, []).append(span)
    stems = _Stems(_lexicon().stopwords)
    return [
        profile_sentence(document, sentence, by_sentence.get(sentence.index, ()), stems)
        for sentence in document.sentences
        if not sentence.boilerplate
    ]
