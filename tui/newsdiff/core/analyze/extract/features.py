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


def _lexicon_flags(clause: Clause, lex: Lexicons) -> list[str]:
    """One compact string per token of lexicon facts (title, heads)."""
    flags = [""] * len(clause)
    for index in range(len(clause)):
        marks = []
        for name, phrases in (
            ("T", lex.titles),
            ("Os", lex.org_start),
            ("Oe", lex.org_end),
            ("Ps", lex.place_start),
            ("Pe", lex.place_end),
        ):
            if phrases.longest_at(clause.folded, clause.raw, index, need_capital=False):
                marks.append(name)
        flags[index] = "".join(marks)
    return flags


def clause_features(clause: Clause, lex: Lexicons) -> list[list[str]]:
    """The feature strings of every token of ``clause``."""
    rules = choose(rule_candidates(clause, lex))
    rule_tags = _token_tags(clause, rules)
    gaz = ["O"] * len(clause)
    for match in clause.names:
        gaz[match.start] = f"B-{match.entry.kind.value}"
        for index in range(match.start + 1, match.end):
            gaz[index] = f"I-{match.entry.kind.value}"
    heads = _lexicon_flags(clause, lex)
    words = [w[:MAX_FEATURE_WORD] for w in clause.folded]
    shapes = [shape(w) for w in clause.raw]
    total = len(clause)
    out: list[list[str]] = []
    for i in range(total):
        word = words[i]
        raw = clause.raw[i]
        feats = [
            "b",
            f"w={word}",
            f"sh={shapes[i]}",
            f"p3={word[:3]}",
            f"s3={word[-3:]}",
            f"s4={word[-4:]}",
            f"g={gaz[i]}",
            f"r={rule_tags[i]}",
            f"h={heads[i]}",
        ]
        if clause.capital[i]:
            feats.append("cap")
        if clause.initial[i]:
            feats.append("init")
            feats.append(f"init|sh={shapes[i]}")
        if word in lex.common_words:
            feats.append("common")
            if raw[:1].isupper():
                feats.append("common|cap")
        if word in lex.given_names:
            feats.append("given")
        if word in lex.stop_capitals:
            feats.append("stopcap")
        if len(raw) == 1:
            feats.append("len1")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < total:
                feats.append(f"{offset}w={words[j]}")
                if offset in (-1, 1):
                    feats.append(f"{offset}sh={shapes[j]}")
                    feats.append(f"{offset}r={rule_tags[j]}")
                    feats.append(f"{offset}g={gaz[j]}")
                    feats.append(f"{offset}h={heads[j]}")
            elif offset in (-1, 1):
                feats.append(f"{offset}w=<edge>")
        if i > 0:
            feats.append(f"-1w|w={words[i - 1]}|{word}")
        out.append(feats)
    return out
