"""Where a sentence writes a value: the stretches alignment masks out of its terms.

A value stretch is an optional qualifier and currency, then value atoms (numerals,
number and ordinal words, capitalised month and weekday names) joined by spaces or
``( ) / - –``, then any units, currencies or time words: ``lebih dari 1.000``, ``Rp 1,2
triliun``, ``Jumat (16/5)``, ``23 Juli 2027``, ``empat puluh satu``, ``350 kilometer per
jam``, ``pukul 19.30 WIB``. The word lists are the value extractor's, so masking and
extraction agree on what a value is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Final

from newsdiff.core.lexicons import load_table

_NUMERAL: Final = r"\d+(?:[.,:/]\d+)*"
NUMERAL_RE: Final = re.compile(_NUMERAL)
RUN: Final = re.compile(r"\w+")
"""A run of word characters: what the value filter and the finders' word tests read."""


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


class ValueMask:
    """The value pattern, built once from the extractor's word lists (``number_words``,
    ``ordinal_words``, ``units``, ``currencies``, ``time_words``, ``qualifiers``,
    ``months``, ``weekdays``).

    The pattern is only ever tried where a value can start (see :meth:`starts`):
    scanning every position of a 10,000-sentence report with it costs more than the
    rest of the profile together, and most words cannot start a value.
    """

    def __init__(self) -> None:
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
            run = RUN.match(entry.casefold())
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
        digit = _DIGITS.search(text)
        if not (found or symbols or digit):
            return [] if folded.isascii() or all(r.isascii() for r in runs) else None
        if len(folded) != len(text) or not (folded.isascii() or all(r.isascii() for r in runs)):
            return None  # offsets of the folded text would not be the text's
        places: set[int] = set()
        for needle in found:
            # Where a run starts with the word (inside a word, no value starts).
            at = folded.find(needle)
            while at >= 0:
                before = text[at - 1] if at else " "
                if not (before.isalnum() or before == "_"):
                    places.add(at)
                at = folded.find(needle, at + 1)
        for needle in symbols:
            at = text.find(needle)
            while at >= 0:
                places.add(at)
                at = text.find(needle, at + 1)
        if digit is not None:
            for m in _DIGITS.finditer(text, digit.start()):
                at = m.start()
                while at > 0 and (text[at - 1].isalnum() or text[at - 1] == "_"):
                    at -= 1  # back to the start of the run (what ``\\w`` is in ``re``)
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


_DIGITS: Final = re.compile(r"\d+")


@cache
def value_mask() -> ValueMask:
    return ValueMask()


_GROUPED: Final = re.compile(r"\d{1,3}(?:[.,]\d{3})+")


def numeral_key(token: str) -> str:
    """A numeral as a comparable key: ``1.000`` (id) and ``1,000`` (en) are both ``1000``.

    Only for tokens without a value span; a separator followed by exactly three
    digits is read as grouping, any other as a decimal point.
    """
    if _GROUPED.fullmatch(token):
        return token.replace(".", "").replace(",", "")
    return token.replace(",", ".")
