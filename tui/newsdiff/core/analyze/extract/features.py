"""Token features for the entity tagger, shared by training and tagging.

Each token gets its folded word, shape and affixes, what the lexicons say about it
(common word, given name, title, organisation or place head, gazetteer name), what
the rules concluded about it, and the same facts for its neighbours. Giving the rules'
verdict to the tagger lets it learn where they are right on real text, and keeps
training and tagging on exactly the same evidence (both call :func:`clause_features`).
"""

from __future__ import annotations

from typing import Final

from newsdiff.core.analyze.extract.candidates import Candidate
from newsdiff.core.analyze.extract.clause import Clause
from newsdiff.core.analyze.extract.combine import choose
from newsdiff.core.analyze.extract.gazetteer import Lexicons
from newsdiff.core.analyze.extract.rules import rule_candidates

MAX_FEATURE_WORD: Final = 24
"""Words are cut to this length in features (a 1 MB "word" stays a short string)."""


def shape(word: str) -> str:
    """Compressed character classes: ``Medinsky`` → ``Xx``, ``G20`` → ``Xd``, ``1.000``
    → ``d.d``."""
    out: list[str] = []
    for char in word[:MAX_FEATURE_WORD]:
        if char.isupper():
            cls = "X"
        elif char.isalpha():
            cls = "x"
        elif char.isdigit():
            cls = "d"
        else:
            cls = char
        if not out or out[-1] != cls:
            out.append(cls)
    return "".join(out)


def _token_tags(clause: Clause, candidates: list[Candidate]) -> list[str]:
    """``B-PERSON:70``-style tags for tokens covered by the chosen candidates."""
    tags = ["O"] * len(clause)
    starts = {t.start: i for i, t in enumerate(clause.tokens)}
    index_of_end = {t.end: i for i, t in enumerate(clause.tokens)}
    for candidate in candidates:
        first = starts.get(candidate.start)
        last = index_of_end.get(candidate.end)
        if first is None or last is None:
            continue
        label = f"{candidate.kind.value}:{int(candidate.source)}"
        tags[first] = f"B-{label}"
        for index in range(first + 1, last + 1):
            tags[index] = f"I-{label}"
    return tags


_HEADS: Final = ("T", "Os", "Oe", "Ps", "Pe")


def _lexicon_flags(clause: Clause, lex: Lexicons) -> list[str]:
    """One compact string per token of lexicon facts (title, heads)."""
    indexes = (lex.titles, lex.org_start, lex.org_end, lex.place_start, lex.place_end)
    flags = [""] * len(clause)
    folded, raw = clause.folded, clause.raw
    for index, word in enumerate(folded):
        marks = ""
        for name, phrases in zip(_HEADS, indexes, strict=True):
            if phrases.starts_with(word) and phrases.longest_at(
                folded, raw, index, need_capital=False
            ):
                marks += name
        flags[index] = marks
    return flags


class _WordFeatures:
    """Features of a word that do not depend on where it stands, computed once."""

    __slots__ = ("context", "own", "pair_key", "shape")

    def __init__(self, raw: str, folded: str, lex: Lexicons) -> None:
        word = folded[:MAX_FEATURE_WORD]
        self.shape = shape(raw)
        own = [
            "b",
            f"w={word}",
            f"sh={self.shape}",
            f"p3={word[:3]}",
            f"s3={word[-3:]}",
            f"s4={word[-4:]}",
        ]
        if word in lex.common_words:
            own.append("common")
            if raw[:1].isupper():
                own.append("common|cap")
        if word in lex.given_names:
            own.append("given")
        if word in lex.stop_capitals:
            own.append("stopcap")
        if len(raw) == 1:
            own.append("len1")
        self.own = tuple(own)
        self.context = {
            -2: f"-2w={word}",
            -1: f"-1w={word}",
            1: f"1w={word}",
            2: f"2w={word}",
            -10: f"-1sh={self.shape}",
            10: f"1sh={self.shape}",
        }
        self.pair_key = word


MAX_CACHED_WORDS: Final = 200_000


def _word_features(raw: str, folded: str, lex: Lexicons) -> _WordFeatures:
    cache: dict[str, _WordFeatures] = lex.feature_cache
    found = cache.get(raw)
    if found is None:
        if len(cache) >= MAX_CACHED_WORDS:
            cache.clear()
        found = cache[raw] = _WordFeatures(raw, folded, lex)
    return found


def clause_features(
    clause: Clause, lex: Lexicons, rules: list[Candidate] | None = None
) -> list[list[str]]:
    """The feature strings of every token of ``clause``.

    ``rules`` are the rule candidates of the clause when the caller already has them.
    """
    chosen = choose(rule_candidates(clause, lex) if rules is None else rules)
    rule_tags = _token_tags(clause, chosen)
    gaz = ["O"] * len(clause)
    for match in clause.names:
        gaz[match.start] = f"B-{match.entry.kind.value}"
        for index in range(match.start + 1, match.end):
            gaz[index] = f"I-{match.entry.kind.value}"
    heads = _lexicon_flags(clause, lex)
    words = [_word_features(r, f, lex) for r, f in zip(clause.raw, clause.folded, strict=True)]
    total = len(clause)
    out: list[list[str]] = []
    for i in range(total):
        info = words[i]
        feats = [*info.own, f"g={gaz[i]}", f"r={rule_tags[i]}", f"h={heads[i]}"]
        if clause.capital[i]:
            feats.append("cap")
        if clause.initial[i]:
            feats.append("init")
            feats.append(f"init|sh={info.shape}")
        if i >= 2:
            feats.append(words[i - 2].context[-2])
        if i >= 1:
            before = words[i - 1]
            feats += (
                before.context[-1],
                before.context[-10],
                f"-1r={rule_tags[i - 1]}",
                f"-1g={gaz[i - 1]}",
                f"-1h={heads[i - 1]}",
                f"-1w|w={before.pair_key}|{info.pair_key}",
            )
        else:
            feats.append("-1w=<edge>")
        if i + 1 < total:
            after = words[i + 1]
            feats += (
                after.context[1],
                after.context[10],
                f"1r={rule_tags[i + 1]}",
                f"1g={gaz[i + 1]}",
                f"1h={heads[i + 1]}",
            )
        else:
            feats.append("1w=<edge>")
        if i + 2 < total:
            feats.append(words[i + 2].context[2])
        out.append(feats)
    return out
