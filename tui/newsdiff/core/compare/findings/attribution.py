"""``attribution_change``: a statement credited to a different speaker.

Each content sentence is read for credits (cues in ``lexicons/attribution_cues.txt``):

- ``…, kata X`` / ``"…," ujar X`` / ``…, said X`` — the speaker after the cue, which
  must follow a comma or a closing quote (``jelas`` alone is just "clear");
- ``Menurut X, …`` / ``according to X`` — the speaker after the cue, anywhere;
- ``X mengatakan`` / ``X said`` / ``X told`` — the speaker is the clause before the
  verb; an appositive is read through (``Vladimir Medinsky, penasihat Putin,
  menyatakan``, ``Its head, Muhammad Wafid, said``);
- ``imbuhnya``, ``katanya``, ``Dia mengatakan``, ``he said``, ``it said`` — a
  pronoun: the credit goes to the previous named speaker of the same report.

A speaker is known by the names in it (canonical PERSON and ORG values) and by its
content words (for unnamed speakers: ``police``, ``the statistics agency``,
``Presiden masing-masing negara``). Two credits name the same speaker when they share a
name, or — when one of them names nobody — a content word that is not a title.

In each aligned row: credits on both sides with no speaker in common are an
attribution change; a credit on one side only is reported when that side quotes the
speaker (a quotation of four words or more): a quote that lost its speaker. A plain
statement that merely drops ``officials said`` is not a finding — rewrites do that all
the time, and it changes nothing about who said what.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from newsdiff.core.compare.findings.context import SideView
from newsdiff.core.compare.findings.messages import quoted
from newsdiff.core.compare.findings.words import (
    PUNCTUATION_BREAKS,
    PhraseTable,
    Token,
    content_stems,
    has_quotation,
    tokenize,
)
from newsdiff.core.lexicons import load_lines, load_set, load_table
from newsdiff.core.model import Finding, FindingKind, Row, RowKind, SpanKind

MAX_SPEAKER_WORDS: Final = 8
"""A speaker is a noun phrase; a longer stretch before a verb is a clause, cut here."""
_CLAUSE_WORDS: Final = frozenset({"bahwa", "that"})
_PASSIVE: Final = frozenset({"was", "were", "is", "are", "be", "been", "being"})
"""Words before a verb of saying that make it passive (``was announced``)."""
_SPEAKER_KINDS: Final = frozenset({SpanKind.PERSON, SpanKind.ORG})
_QUOTE_CLOSERS: Final = frozenset({",", '"', "”", "’", "'"})


@dataclass(frozen=True, slots=True)
class Credit:
    """A statement credited to a speaker: where the credit is written and who it is."""

    start: int
    end: int
    """The cue with its speaker (``urai Medinsky``, ``Presiden … menyampaikan``)."""
    speaker: str
    """The speaker as a person would name it: a canonical name, else the words."""
    names: frozenset[str]
    words: frozenset[str]
    sentence: int
    resolved: bool = False
    """True for a pronoun (``imbuhnya``, ``he said``) credited to an earlier speaker."""

    def same_speaker(self, other: Credit) -> bool:
        if self.names and other.names:
            return any(_same_name(a, b) for a in self.names for b in other.names)
        return bool(self.words & other.words)


def _name_words(name: str) -> list[str]:
    return [w for w in name.casefold().replace(".", " ").split() if w]


def _same_name(a: str, b: str) -> bool:
    """Two names of one speaker: equal, one inside the other (``Nirad Sinha`` and
    ``Commodore Nirad Sinha``, a rank the lists do not know), or the same but for
    initials written out (``LA Times`` and ``Los Angeles Times``)."""
    if a == b:
        return True
    short, long = sorted((_name_words(a), _name_words(b)), key=len)
    if not short:
        return False
    if set(short) <= set(long):
        return True
    initials = [w for w in short if w not in long]
    if len(initials) != 1 or short[-1] != long[-1]:
        return False
    rest = [w for w in long if w not in short]
    return "".join(w[0] for w in rest) == initials[0]


@cache
def _lexicon() -> tuple[PhraseTable, frozenset[str], frozenset[str], frozenset[str]]:
    """Cues, pronouns, and the words a speaker comparison ignores: function words and
    pronouns always, titles too unless nothing else is left."""
    cues = PhraseTable(load_table("attribution_cues"))
    pronouns = load_set("speaker_pronouns")
    titles = {w.casefold() for entry in load_lines("titles") for w in entry.split()}
    plain = load_set("stopwords_id") | load_set("stopwords_en") | pronouns
    plain |= {"its", "his", "her", "their", "pihak"}
    return cues, pronouns, frozenset(plain | titles), frozenset(plain)


@cache
def _phrase_breaks() -> frozenset[str]:
    """Words a speaker's noun phrase cannot hold (``lexicons/speaker_breaks.txt``)."""
    return load_set("speaker_breaks")


def _words_between(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens[start:end] if t.is_word]


def _speaker_after(tokens: list[Token], j: int) -> tuple[int, int] | None:
    """Token range of the speaker after a cue: up to the clause's end."""
    k = j
    while k < len(tokens) and k - j < 12:
        if tokens[k].text in PUNCTUATION_BREAKS and not _abbreviation_stop(tokens, k):
            break
        k += 1
    return (j, k) if _words_between(tokens, j, k) else None


def _abbreviation_stop(tokens: list[Token], k: int) -> bool:
    """A full stop that ends a short capitalised abbreviation inside a name or title
    (``said Dist. Atty. Tony Rackauckas``), not the clause."""
    if tokens[k].text != "." or k == 0:
        return False
    before = tokens[k - 1].text
    return before[:1].isupper() and len(before) <= 4 and before.isalpha()


def _clause_start(tokens: list[Token], i: int) -> int:
    k = i
    while k > 0 and tokens[k - 1].text not in PUNCTUATION_BREAKS:
        if tokens[k - 1].folded in _CLAUSE_WORDS:
            break
        k -= 1
    return k


def _subject_before(tokens: list[Token], i: int, breaks: frozenset[str]) -> int | None:
    """Start of the noun phrase that ends right before ``tokens[i]``, read back to the
    clause start, or None when a function word comes first (``… times after police
    said``, ``… of the shooting told``: the words are not the verb's subject)."""
    start = _clause_start(tokens, i)
    if start > 0 and tokens[start - 1].folded in breaks:
        return None  # the clause opens with "that"/"bahwa": "… said that police said"
    if any(token.folded in breaks for token in tokens[start:i]):
        return None
    return start


def _speaker_before(tokens: list[Token], i: int) -> tuple[int, int] | None:
    """Token range of the speaker before a verb, reading through an appositive."""
    start = _clause_start(tokens, i)
    if start == i and i >= 2 and tokens[i - 1].text == ",":
        # "Vladimir Medinsky, penasihat Putin, menyatakan": the name and its gloss.
        inner = _clause_start(tokens, i - 1)
        if inner > 0 and tokens[inner - 1].text == ",":
            inner = _clause_start(tokens, inner - 1)
        start = inner
    words = _words_between(tokens, start, i)
    if not words:
        return None
    if len(words) > MAX_SPEAKER_WORDS:
        cut = words[-MAX_SPEAKER_WORDS]
        start = next(k for k in range(start, i) if tokens[k] is cut)
    return (start, i)


class _Reader:
    """Reads one report's credits in order, remembering the last named speaker."""

    def __init__(self, view: SideView) -> None:
        self.view = view
        self.cues, self.pronouns, self.ignore, self.plain = _lexicon()
        self.breaks = _phrase_breaks()
        self.last: Credit | None = None

    def credit(
        self, index: int, tokens: list[Token], cue: tuple[int, int], speaker: tuple[int, int]
    ) -> Credit | None:
        """The credit of a cue and its speaker (token ranges), or None when the speaker
        holds no name and no content word."""
        first_word = next((t for t in tokens[speaker[0] : speaker[1]] if t.is_word), None)
        start = min(tokens[cue[0]].start, tokens[speaker[0]].start)
        end = max(tokens[cue[1] - 1].end, tokens[speaker[1] - 1].end)
        if first_word is not None and first_word.folded in self.pronouns:
            return self.credit_earlier(index, start, end)
        lo, hi = tokens[speaker[0]].start, tokens[speaker[1] - 1].end
        # A name the clause boundary cut ("the Meteorology, Climatology and Geophysics
        # Agency") is taken whole.
        spans = [
            s
            for s in self.view.spans_of.get(index, ())
            if s.kind in _SPEAKER_KINDS and s.start < hi and s.end > lo
        ]
        hi = max([hi, *(s.end for s in spans)])
        end = max(end, hi)
        names = frozenset(s.value for s in spans)
        if not names and speaker[1] == cue[0]:
            # An unnamed speaker before the verb is a plain noun phrase ("police",
            # "the officer"), or no speaker this reader can tell.
            subject = _subject_before(tokens, cue[0], self.breaks)
            if subject is None or not _words_between(tokens, subject, cue[0]):
                return None
            lo = tokens[subject].start
            speaker = (subject, cue[0])
        persons = [s.value for s in spans if s.kind is SpanKind.PERSON]
        phrase = [t.text for t in tokens[speaker[0] : speaker[1]]]
        phrase += [w for s in spans for w in s.value.split()]
        # Titles do not tell speakers apart ("Presiden Joko Widodo", "Presiden masing-
        # masing negara"), unless a title is all there is ("para pemimpin").
        words = content_stems(phrase, self.ignore) or content_stems(phrase, self.plain)
        if not names and not words:
            return None
        if persons or spans:
            shown = (persons or [s.value for s in spans])[0]
        else:
            shown = " ".join(self.view.text[lo:hi].split())
        return Credit(start, end, shown, names, words, index)

    def credit_earlier(self, index: int, start: int, end: int) -> Credit | None:
        """A pronoun's credit: the previous named speaker's, written at ``start``–``end``."""
        if self.last is None:
            return None
        last = self.last
        return Credit(start, end, last.speaker, last.names, last.words, index, resolved=True)

    def at_cue(self, index: int, tokens: list[Token], i: int, length: int) -> Credit | None:
        """The credit a cue at ``tokens[i : i + length]`` makes, if any."""
        role = self.cues.value(tokens, i, length)
        cue = (i, i + length)
        if role == "pronoun":
            return self.credit_earlier(index, tokens[i].start, tokens[i + length - 1].end)
        after_quote = i > 0 and tokens[i - 1].text in _QUOTE_CLOSERS
        named_next = i + length < len(tokens) and tokens[i + length].text[:1].isupper()
        if role == "both" and after_quote and not named_next:
            # ", said Abdul Muhari" names the speaker after the verb, but "Its head,
            # Muhammad Wafid, said the column…" before it.
            speaker = _speaker_before(tokens, i)
            before = self.credit(index, tokens, cue, speaker) if speaker else None
            if before is not None and before.names:
                return before
        if role == "lead" or (role in ("after", "both") and after_quote):
            speaker = _speaker_after(tokens, i + length)
            found = self.credit(index, tokens, cue, speaker) if speaker else None
            if found is not None:
                return found
        if role in ("before", "both"):
            if i > 0 and tokens[i - 1].folded in _PASSIVE:
                return None  # "Jackman was announced as host": no one speaks
            speaker = _speaker_before(tokens, i)
            return self.credit(index, tokens, cue, speaker) if speaker else None
        return None

    def read(self, index: int) -> list[Credit]:
        document = self.view.document
        tokens = tokenize(document.sentence_text(index), document.sentences[index].start)
        credits: list[Credit] = []
        firsts = self.cues.firsts
        i = 0  # tokens before this one are read (a cue's words are not read again)
        for k in [k for k, token in enumerate(tokens) if token.folded in firsts]:
            if k < i:
                continue
            length = self.cues.match(tokens, k)
            if not length:
                continue
            found = self.at_cue(index, tokens, k, length)
            if found is not None:
                credits.append(found)
                if found.names:
                    self.last = found
            i = k + length
        return credits


def credits_of(view: SideView) -> dict[int, list[Credit]]:
    """Credits of the content sentences that hold a cue, read in order (a pronoun's
    credit needs the speakers before it)."""
    reader = _Reader(view)
    return {index: reader.read(index) for index in sorted(view.places_of(reader.cues))}


def attribution_cues() -> PhraseTable:
    """The speech cues (``kata``, ``said``, ``menurut``…)."""
    return _lexicon()[0]


def _primary(credits: list[Credit]) -> Credit:
    return next((c for c in credits if c.names), credits[0])


def _side_of(view: SideView, credit: Credit):
    return view.stretch(credit.start, credit.end, credit.speaker, credit.sentence)


def credited_stretches(credits: dict[int, list[Credit]]) -> list[tuple[int, int]]:
    """Where credits are written: names there are speakers, which is this module's
    business, not a changed name in the text."""
    return [(c.start, c.end) for found in credits.values() for c in found]


def attribution_findings(
    lv: SideView,
    rv: SideView,
    rows: Sequence[Row],
    credits: tuple[dict[int, list[Credit]], dict[int, list[Credit]]],
) -> list[Finding]:
    """Attribution changes in aligned rows (see the module notes)."""
    findings: list[Finding] = []
    for number, row in enumerate(rows):
        if not (row.left and row.right) or row.kind is RowKind.SAME:
            continue
        lc = [c for i in row.left for c in credits[0].get(i, ())]
        rc = [c for i in row.right for c in credits[1].get(i, ())]
        if lc and rc:
            if any(a.same_speaker(b) for a in lc for b in rc):
                continue
            if all(c.resolved for c in lc + rc):
                continue  # pronouns on both sides: the reading order moved, not the credit
            a, b = _primary(lc), _primary(rc)
            said = (quoted(lv.text[a.start : a.end]), quoted(rv.text[b.start : b.end]))
            message = (
                f"statement credited to {a.speaker} on the left ({said[0]}), "
                f"to {b.speaker} on the right ({said[1]})"
            )
            findings.append(
                Finding(
                    FindingKind.ATTRIBUTION_CHANGE,
                    _side_of(lv, a),
                    _side_of(rv, b),
                    message,
                    number,
                )
            )
            continue
        credited, view, other, other_indices = (
            (lc, lv, rv, row.right) if lc else (rc, rv, lv, row.left)
        )
        if not credited:
            continue
        credit = _primary(credited)
        if not has_quotation(view.document.sentence_text(credit.sentence)):
            continue
        first = other.document.sentences[other_indices[0]]
        missing = other.stretch(first.start, first.end, "", first.index)
        here = _side_of(view, credit)
        message = (
            f"quote credited to {credit.speaker} on the {view.name} "
            f"({quoted(view.text[credit.start : credit.end])}), to no one on the {other.name}"
        )
        left, right = (here, missing) if view is lv else (missing, here)
        findings.append(Finding(FindingKind.ATTRIBUTION_CHANGE, left, right, message, number))
    return findings
