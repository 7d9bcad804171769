"""Sentences and tokens for Indonesian and English news text, by character offsets.

The splitter is rule-based on purpose: there is no trained Indonesian model to load
here, and the cases that matter are few and known. A period ends a sentence when the
next word starts like a sentence (capital, digit, opening quote), and not when it
closes an abbreviation (``Dr.``, ``Jl.``, ``No.`` — see ``lexicons/abbreviations.txt``),
an initial (``M. Razi``), or sits inside brackets or a quotation that closes later in
the same paragraph. Decimal and thousands separators (``1.000``, ``3,5``) never end a
sentence because no space follows them. Each line is its own paragraph unless it is a
hard wrap (no final punctuation, next line starts in lower case).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final, NamedTuple

from newsdiff.core.lexicons import load_set

_CANDIDATE: Final = re.compile(
    r"(?<![.!?…])(?>[.!?…]+[\"'”’)\]»]*)(?=[^\S\n]+[\"“'‘(\[«]*+([^\s\"“'‘(\[«]))"
)
"""Terminal punctuation (with closing quotes and brackets) followed on the same line by
space, any opening quotes or brackets, and the first character of the next word
(group 1). Decimal and thousands separators never match: no space follows them. The
run is atomic and starts only where a run starts, so a line of a million dots is one
failed candidate, not a million (splitting stays linear)."""
_DOTTED: Final = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NEXT_WORD: Final = re.compile(r"[\w']+")
_LINE: Final = re.compile(r"[^\n]+")
_FINAL_PUNCT: Final = frozenset('.!?…:;"”’)»')

TOKEN_PATTERN: Final = re.compile(
    r"""
    (?:https?://|www\.)\S+[^\s.,;:!?)\]"'”’]      # URLs
    | (?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+     # e-mail addresses (tried only where
                                                   # a run starts: linear on "....")
    | (?:Rp|RP|IDR|USD|US\$|S\$|A\$|\$|€|£|¥)(?=\d)     # a currency glued to its amount
    | \d+(?:[.,:/]\d+)*                            # 1.000  3,5  16/5  10:30  1.234,56
    | (?:[^\W\d_]\.){2,}                           # U.S.  a.m.  e.g.
    | [^\W_](?:[\w]|[-'’](?=\w))*                  # words, masing-masing, Jum'at
    | [^\w\s]                                      # any other single character
    """,
    re.VERBOSE,
)
"""Words, numbers (kept whole with their separators) and single punctuation marks."""

MAX_HEADING_WORDS: Final = 12


class SentenceSpan(NamedTuple):
    """Offsets of one sentence; ``paragraph`` counts non-blank blocks from 0.

    A named tuple rather than a frozen dataclass: immutable all the same, and built
    three to four times faster, which counts at one per sentence of every article.
    """

    start: int
    end: int
    paragraph: int
    heading: bool = False


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Token offsets in ``text[start:end]``, as absolute offsets into ``text``."""
    stop = len(text) if end is None else end
    return [m.span() for m in TOKEN_PATTERN.finditer(text, start, stop)]


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text: each line, with hard-wrapped lines joined back together."""
    blocks: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        if blocks and _is_hard_wrap(text, blocks[-1], start):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _is_hard_wrap(text: str, previous: tuple[int, int], next_start: int) -> bool:
    """A line that stops mid-sentence and continues in lower case on the next line."""
    prev_start, prev_end = previous
    between = text[prev_end:next_start]
    if between.count("\n") != 1:
        return False
    if text[prev_end - 1] in _FINAL_PUNCT or text[prev_end - 1] == ",":
        return False
    return text[next_start].islower() and (prev_end - prev_start) >= 40


class _Abbreviations:
    """Lookups in the abbreviation lexicons, loaded once."""

    def __init__(self) -> None:
        self.plain = load_set("abbreviations")
        self.final = load_set("sentence_final_abbreviations")
        self.starters = load_set("stop_capitals")


_ABBREVIATIONS: _Abbreviations | None = None


def _abbreviations() -> _Abbreviations:
    global _ABBREVIATIONS
    if _ABBREVIATIONS is None:
        _ABBREVIATIONS = _Abbreviations()
    return _ABBREVIATIONS


def _closing_quote_ahead(text: str, pos: int, end: int, quote: str) -> bool:
    closer = "”" if quote == "“" else '"'
    return text.find(closer, pos, min(end, pos + _QUOTE_REACH)) != -1


_STATE_CHARS: Final = re.compile(r'[()\[\]{}“”"]')
"""The characters that open or close a bracket or a quotation."""

_QUOTE_REACH: Final = 600
"""How far ahead a closing quote may be for a period inside the quote to stay put."""

_WORD_REACH: Final = 64
"""How far back the word before a period is looked for (keeps splitting linear)."""


class _BlockState:
    """Bracket depth and open quote at a position, advanced incrementally.

    Candidates are visited left to right, so each character is looked at once and
    splitting stays linear even on a single 10 MB line.
    """

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.pos = start
        self.depth = 0
        self.quote: str | None = None

    def advance(self, pos: int) -> None:
        text = self.text
        # Only brackets and quotes change the state: jump from one to the next.
        for found in _STATE_CHARS.finditer(text, self.pos, max(self.pos, pos)):
            i = found.start()
            ch = found.group()
            if ch in "([{":
                self.depth += 1
            elif ch in ")]}":
                if self.depth:
                    self.depth -= 1
            elif ch == "“":
                self.quote = "“"
            elif ch == "”":
                self.quote = None
            elif ch == '"':
                if self.quote == '"':
                    self.quote = None
                elif i == self.start or not text[i - 1].isalnum():
                    self.quote = '"'
        self.pos = max(self.pos, pos)


def _period_ends_sentence(text: str, block_start: int, period: int, next_start: int) -> bool:
    """False when the period at ``period`` closes an abbreviation or an initial."""
    window = text[max(block_start, period - _WORD_REACH) : period + 1].split()
    word = window[-1].lstrip("\"“'‘([«") if window else ""
    bare = word.rstrip(".").casefold()
    lex = _abbreviations()
    if word.casefold() in lex.final or ("." in bare and _DOTTED.fullmatch(bare)):
        next_word = _NEXT_WORD.match(text, next_start, next_start + 30)
        return bool(next_word) and next_word.group(0).casefold() in lex.starters
    if bare in lex.plain:
        return False
    # An initial ("M. Razi Rahman") is a single capital letter.
    return not (len(bare) == 1 and bare.isalpha() and word[:1].isupper())


def split_sentences(text: str, keep_together: Iterable[tuple[int, int]] = ()) -> list[SentenceSpan]:
    """Split ``text`` into sentences.

    ``keep_together`` lists ranges no boundary may fall inside (a dateline such as
    ``KONTAN.CO.ID - ISTANBUL.`` that ends in a period but belongs to the lead).

    Candidates come from one regex over the whole text: terminal punctuation followed,
    on the same line, by space and a word start. Only those are examined in Python
    (abbreviations, brackets, quotes), which keeps splitting cheap on long corpora.
    """
    protected = sorted(keep_together)
    sentences: list[SentenceSpan] = []
    blocks = _paragraphs(text)
    candidates = _CANDIDATE.finditer(text)
    candidate = next(candidates, None)
    for paragraph, (block_start, block_end) in enumerate(blocks):
        cut = block_start
        state: _BlockState | None = None
        while candidate is not None and candidate.start() < block_end:
            found, candidate = candidate, next(candidates, None)
            if found.start() < block_start:
                continue
            position = found.start()
            if protected and any(lo <= position < hi for lo, hi in protected):
                continue
            first = found.group(1)
            if not (first.isupper() or first.isdigit()):
                continue
            if text[position] == "." and not _period_ends_sentence(
                text, block_start, position, found.start(1)
            ):
                continue
            end = found.end()
            if state is None:
                state = _BlockState(text, block_start)
            state.advance(end)
            if state.depth > 0:
                continue
            if state.quote and _closing_quote_ahead(text, end, block_end, state.quote):
                continue
            _append_trimmed(sentences, text, cut, end, paragraph)
            cut = end
        _append_trimmed(sentences, text, cut, block_end, paragraph)
    return _mark_headings(text, sentences)


def _append_trimmed(
    sentences: list[SentenceSpan], text: str, start: int, end: int, paragraph: int
) -> None:
    """Add ``text[start:end]`` without surrounding spaces, unless nothing is left."""
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        start += len(chunk) - len(chunk.lstrip())
        sentences.append(SentenceSpan(start, start + len(stripped), paragraph))


def _mark_headings(text: str, sentences: list[SentenceSpan]) -> list[SentenceSpan]:
    """Short single-sentence paragraphs without final punctuation title what follows."""
    marked: list[SentenceSpan] = []
    counts: dict[int, int] = {}
    for sentence in sentences:
        counts[sentence.paragraph] = counts.get(sentence.paragraph, 0) + 1
    last_paragraph = sentences[-1].paragraph if sentences else -1
    for sentence in sentences:
        body = text[sentence.start : sentence.end]
        heading = (
            counts[sentence.paragraph] == 1
            and sentence.paragraph != last_paragraph
            and body[-1] not in _FINAL_PUNCT
            and body[-1] != ","
            and len(body.split()) <= MAX_HEADING_WORDS
            and body[0].isupper()
        )
        marked.append(
            SentenceSpan(sentence.start, sentence.end, sentence.paragraph, heading)
            if heading
            else sentence
        )
    return marked
