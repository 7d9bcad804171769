"""Sentences and tokens for Indonesian and English news text, by character offsets.

The splitter is rule-based on purpose: there is no trained Indonesian model to load
here, and the cases that matter are few and known. A period ends a sentence when the
next word starts like a sentence (capital, digit, opening quote), and not when it
closes an abbreviation (``Dr.``, ``Jl.``, ``No.`` — see ``lexicons/abbreviations.txt``),
an initial (``M. Razi``), or sits inside brackets or a quotation that closes later in
the same paragraph. Decimal and thousands separators (``1.000``, ``3,5``) never end a
sentence because no space follows them. Each line is its own paragraph unless it is a
hard wrap (no final punctuation, next line starts in lower case).

Splitting runs once per article on every load, so it is written for speed: compiled
regexes find the lines and the candidate boundaries in one pass each over the text,
and Python looks only at candidates that can end a sentence (see
:func:`sentence_bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Final, NamedTuple

from newsdiff.core.lexicons import load_set

_CANDIDATE: Final = re.compile(
    r"[.!?…](?<![.!?…][.!?…])(?>[.!?…]*[\"'”’)\]»]*)"
    r"(?=[^\S\n]+([\"“'‘(\[«]*+)(?:[A-Z0-9]|([^\x00-\x7f\s“‘«])))"
)
"""Terminal punctuation (with closing quotes and brackets) followed on the same line by
space, any opening quotes or brackets (group 1: where the next sentence starts), and
the first character of the next word when it could start a sentence: an ASCII capital
or digit, or a character outside ASCII (group 2, checked in Python). Decimal and
thousands separators never match: no space follows them.

The pattern opens with a plain character class so the regex engine can skip straight
to punctuation (five times faster than opening with a look-behind); the look-behind
after it makes a candidate start only where a run of punctuation starts, so a line of
a million dots is one failed candidate, not a million (splitting stays linear)."""
_DOTTED: Final = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]")
_NEXT_WORD: Final = re.compile(r"[\w']+")
_LINE_TEXT: Final = re.compile(r"\S(?:[^\n]*\S)?")
"""A line without its leading and trailing spaces (blank lines never match)."""
_FINAL_PUNCT: Final = frozenset('.!?…:;"”’)»')
_NOT_WRAPPED_AFTER: Final = _FINAL_PUNCT | {","}
_OPENERS: Final = "\"“'‘([«"

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


_LOWER_LINE_START: Final = re.compile(r"\n[^\S\n]*(?:[a-z]|[^\x00-\x7f\s])")
"""A line opening with what may be a lower-case letter: without one, no line is a hard
wrap's continuation."""


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of text: each line, with hard-wrapped lines joined back together.

    A hard wrap is a line that stops mid-sentence (no final punctuation, no comma), is
    at least 40 characters long as a block so far, and continues in lower case on the
    very next line. News lines open with a capital, a digit or a quote, so one search
    usually shows there is none and the lines are the blocks; otherwise the cheap test
    (the last character) runs first.
    """
    lines = [match.span() for match in _LINE_TEXT.finditer(text)]
    if len(lines) < 2 or not _LOWER_LINE_START.search(text):
        return lines
    blocks: list[tuple[int, int]] = []
    for start, end in lines:
        if blocks:
            prev_start, prev_end = blocks[-1]
            if (
                text[prev_end - 1] not in _NOT_WRAPPED_AFTER
                and text[start].islower()
                and prev_end - prev_start >= 40
                and text.count("\n", prev_end, start) == 1
            ):
                blocks[-1] = (prev_start, end)
                continue
        blocks.append((start, end))
    return blocks


class _Abbreviations:
    """Lookups in the abbreviation lexicons, loaded once."""

    def __init__(self) -> None:
        self.plain = load_set("abbreviations")
        self.final = load_set("sentence_final_abbreviations")
        self.starters = load_set("stop_capitals")
        self.final_bare = frozenset(entry[:-1] for entry in self.final if entry.endswith("."))
        """The sentence-final abbreviations without their period."""


@cache
def _abbreviations() -> _Abbreviations:
    return _Abbreviations()


def _closing_quote_ahead(text: str, pos: int, end: int, quote: str) -> bool:
    closer = "”" if quote == "“" else '"'
    return text.find(closer, pos, min(end, pos + _QUOTE_REACH)) != -1


_STATE_CHARS: Final = re.compile(r'[()\[\]{}“”"]')
"""The characters that open or close a bracket or a quotation."""

_QUOTE_REACH: Final = 600
"""How far ahead a closing quote may be for a period inside the quote to stay put."""

_WORD_REACH: Final = 64
"""How far back the word before a period is looked for (keeps splitting linear)."""


def _word_before(text: str, block_start: int, period: int) -> str:
    """The whitespace-delimited word that the period at ``period`` ends, period included.

    Found with one ``rfind`` for a plain space; only when the stretch holds another
    kind of space (a tab, a no-break space, a hard wrap) or anything unprintable is
    the window split the general way. Either way the word is that of the last
    ``_WORD_REACH`` characters.
    """
    lo = max(block_start, period - _WORD_REACH)
    space = text.rfind(" ", lo, period)
    start = lo if space < 0 else space + 1
    if text[start:period].isprintable():  # no other whitespace in between
        return text[start : period + 1]
    window = text[lo : period + 1].split()
    return window[-1] if window else ""


def _period_ends_sentence(text: str, block_start: int, period: int, next_start: int) -> bool:
    """False when the period at ``period`` closes an abbreviation or an initial."""
    word = _word_before(text, block_start, period).lstrip(_OPENERS)
    folded = word.casefold()
    bare = folded.rstrip(".")
    lex = _abbreviations()
    if folded in lex.final or ("." in bare and _DOTTED.fullmatch(bare)):
        next_word = _NEXT_WORD.match(text, next_start, next_start + 30)
        return bool(next_word) and next_word.group(0).casefold() in lex.starters
    if bare in lex.plain:
        return False
    # An initial ("M. Razi Rahman") is a single capital letter.
    return not (len(bare) == 1 and bare.isalpha() and word[:1].isupper())


def split_sentences(
    text: str, keep_together: Iterable[tuple[int, int]] = (), *, limit: int | None = None
) -> list[SentenceSpan]:
    """Split ``text`` into sentences (the first ``limit`` of them, if given).

    ``keep_together`` lists ranges no boundary may fall inside (a dateline such as
    ``KONTAN.CO.ID - ISTANBUL.`` that ends in a period but belongs to the lead).
    """
    return [SentenceSpan(*bounds) for bounds in sentence_bounds(text, keep_together, limit=limit)]


MAX_SENTENCE_CHARS: Final = 3000
"""A "sentence" longer than this is cut at a space before the limit (or at the limit
when there is none). News sentences are a few hundred characters; without a cap, a
10 MB line with no full stop was one sentence, and every later stage that looks at a
sentence as a whole (the tagger, alignment, the word diff) paid for all of it at once."""


def sentence_bounds(
    text: str, keep_together: Iterable[tuple[int, int]] = (), *, limit: int | None = None
) -> list[tuple[int, int, int, bool]]:
    """``(start, end, paragraph, heading)`` of each sentence: :func:`split_sentences`
    as plain tuples, for callers that build their own objects from them. No sentence
    is longer than :data:`MAX_SENTENCE_CHARS`.
    """
    bounds = _sentence_bounds(text, keep_together, limit=limit)
    if all(end - start <= MAX_SENTENCE_CHARS for start, end, _, _ in bounds):
        return bounds
    capped: list[tuple[int, int, int, bool]] = []
    for start, end, paragraph, heading in bounds:
        if end - start <= MAX_SENTENCE_CHARS:
            capped.append((start, end, paragraph, heading))
            continue
        while end - start > MAX_SENTENCE_CHARS:
            space = text.rfind(" ", start + 1, start + MAX_SENTENCE_CHARS)
            cut = space if space > start else start + MAX_SENTENCE_CHARS
            capped.append((start, cut, paragraph, False))
            start = cut
            while start < end and text[start].isspace():
                start += 1  # the next piece starts at its first word, as sentences do
        if start < end:
            capped.append((start, end, paragraph, False))
    return capped if limit is None else capped[:limit]


def _sentence_bounds(
    text: str, keep_together: Iterable[tuple[int, int]], *, limit: int | None
) -> list[tuple[int, int, int, bool]]:
    """The sentences as the rules find them, before the length cap.

    Candidates come from one regex over the whole text (terminal punctuation followed,
    on the same line, by space and a word start that may open a sentence), visited in
    one loop that closes paragraphs as it passes them. Python looks only at those: the
    word before a period (a long plain word is settled at once; a short one is looked
    up among the abbreviations), and the bracket depth and open quotation, which are
    tracked from one bracket or quote character to the next, so a paragraph without
    any costs nothing. A sentence starts where the spaces after the previous one end,
    so no chunk is stripped, and headings are marked as each paragraph closes.
    """
    protected = sorted(keep_together)
    # Past this no candidate is protected (a dateline is near the top): one comparison
    # per candidate instead of a look at every range.
    protected_end = max((hi for _lo, hi in protected), default=-1)
    bounds: list[tuple[int, int, int, bool]] = []
    blocks = _paragraphs(text)
    if not blocks:
        return bounds
    append = bounds.append
    last_paragraph = len(blocks) - 1
    lex = _abbreviations()
    plain, final_bare = lex.plain, lex.final_bare
    paragraph = 0
    block_start, block_end = blocks[0]
    cut = block_start
    # Bracket depth and open quote so far; ``upcoming`` is the next bracket or quote
    # not yet counted (block_end when there is none, -1 until looked for).
    depth, quote, upcoming = 0, "", -1
    for found in _CANDIDATE.finditer(text):
        position = found.start()
        while position >= block_end and paragraph < last_paragraph:
            heading = cut == block_start and _reads_as_heading(text[block_start:block_end])
            append((cut, block_end, paragraph, heading))
            if limit is not None and len(bounds) >= limit:
                return bounds
            paragraph += 1
            block_start, block_end = blocks[paragraph]
            cut = block_start
            depth, quote, upcoming = 0, "", -1
        if not block_start <= position < block_end:
            continue  # between paragraphs: cannot happen, candidates are inside lines
        if found.lastindex == 2:  # the next word starts outside ASCII: look closer
            first = found.group(2)
            if not (first.isupper() or first.isdigit()):
                continue
        if position < protected_end and any(lo <= position < hi for lo, hi in protected):
            continue
        if text[position] == ".":
            # A word of two or more letters that is no abbreviation (the common case)
            # is settled here; anything else goes to the full test.
            lo = max(block_start, position - _WORD_REACH)
            space = text.rfind(" ", lo, position)
            word = text[space + 1 if space >= 0 else lo : position]
            if not (
                len(word) > 1
                and word.isalpha()
                and (bare := word.casefold()) not in plain
                and bare not in final_bare
            ) and not _period_ends_sentence(text, block_start, position, found.end(1)):
                continue
        end = found.end()
        if upcoming < 0:
            nearest = _STATE_CHARS.search(text, block_start, block_end)
            upcoming = nearest.start() if nearest else block_end
        if upcoming < end:
            for mark in _STATE_CHARS.finditer(text, upcoming, end):
                ch = mark.group()
                if ch in "([{":
                    depth += 1
                elif ch in ")]}":
                    if depth:
                        depth -= 1
                elif ch == "“":
                    quote = "“"
                elif ch == "”" or quote == '"':
                    quote = ""
                else:
                    i = mark.start()
                    if i == block_start or not text[i - 1].isalnum():
                        quote = '"'
            nearest = _STATE_CHARS.search(text, end, block_end)
            upcoming = nearest.start() if nearest else block_end
        if depth > 0:
            continue
        if quote and _closing_quote_ahead(text, end, block_end, quote):
            continue
        append((cut, end, paragraph, False))
        if limit is not None and len(bounds) >= limit:
            return bounds
        cut = found.start(1)
    while True:
        heading = (
            cut == block_start
            and paragraph != last_paragraph
            and _reads_as_heading(text[block_start:block_end])
        )
        append((cut, block_end, paragraph, heading))
        paragraph += 1
        if paragraph > last_paragraph or (limit is not None and len(bounds) >= limit):
            return bounds
        block_start, block_end = blocks[paragraph]
        cut = block_start


def _reads_as_heading(body: str) -> bool:
    """A short line without final punctuation that titles what follows."""
    return (
        body[-1] not in _NOT_WRAPPED_AFTER
        and body[0].isupper()
        and len(body.split()) <= MAX_HEADING_WORDS
    )
