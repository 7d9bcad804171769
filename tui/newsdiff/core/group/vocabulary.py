"""Tokens as grouping sees them: split on whitespace, each distinct token judged once.

Grouping reads every word of every article, so its tokeniser must cost little more
than reading the text. A token here is a whitespace-separated chunk such as
``(16/5),`` or ``“lebih`` — exactly what ``str.split`` gives, but cut in numpy over a
whole batch (:mod:`chunks`), so per-token work is array passes, not Python objects.
Everything else — stripping punctuation, case, whether the token is a content word,
a number, a name, a weekday, whether it ends a sentence — is decided once per
*distinct* chunk and kept in arrays indexed by the chunk's id. A corpus of 100,000
articles has a few hundred thousand distinct chunks but tens of millions of tokens, so
only a batch's new chunks become strings, and the rest is array indexing. New chunks
are judged in bulk after each batch's lookup.

Hashes are stable across processes and machines (BLAKE2b of the normalised text, mixed
further with fixed constants — never Python's salted ``hash``), because features are
stored in the cache.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache
from typing import Final

import numpy as np

from newsdiff.core.group.chunks import Chunks, chunk
from newsdiff.core.group.keytable import KeyTable
from newsdiff.core.lexicons import load_set, load_table

PARAGRAPH: Final = "\ue000"
"""Stands for a line break in the token stream (a private-use character)."""
BOUNDARY: Final = "\ue001"
"""Separates two articles when a batch is tokenised in one go."""

LEAD_TOKENS: Final = 60
"""The first words of an article: headline, dateline and lead, where the event is told."""

STEM_LENGTH: Final = 6
"""Letters of a word that make its content term (as in the comparison engine)."""

_OPENERS: Final = "\"'“‘«([{‹*-–—•"
_CLOSERS: Final = "\"'”’»)]}›,;:*"
_ENDERS: Final = ".!?…"
_DAY_MONTH: Final = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(?:\d{2}|\d{4}))?")
_NON_DIGIT: Final = re.compile(r"\D")
_GROUPING_NOISE: Final = frozenset(
    {
        # Web and wire furniture that survives in pasted text (URLs, update stamps):
        # shared by unrelated reports, so never evidence that two tell one event.
        "http", "https", "www", "com", "html", "htm", "php", "asp", "aspx", "jsp", "stm",
        "shtml", "co", "uk", "org", "net", "updated", "posted", "published", "est", "edt",
        "gmt", "pst", "pdt", "ist", "wib", "wita", "wit", "am", "pm", "a.m", "p.m",
    }
)  # fmt: skip

KIND_SKIP: Final = 0
"""Punctuation only, or the paragraph mark: not a word."""
KIND_WORD: Final = 1
KIND_NUMBER: Final = 2

FACT_NAME: Final = 0
FACT_NUMBER: Final = 1
"""A count or amount: what rewrites repeat and different events disagree on."""
FACT_DATE: Final = 2
"""A year or a day and month: evidence, but not a count."""

NUMBER_WORD: Final = np.uint64(0x2545F4914F6CDD1D)
"""What a number stands as in a sentence fingerprint (``print_word``): a copied
sentence whose count was changed is still the same sentence."""

_FACT_SALT: Final = np.uint64(0x6A09E667F3BCC908)
_TERM_SALT: Final = np.uint64(0xBB67AE8584CAA73B)
_MIX_1: Final = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2: Final = np.uint64(0x94D049BB133111EB)


def stable_hash(text: str) -> int:
    """A 64-bit hash of ``text`` that is the same in every process (BLAKE2b)."""
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _mix(values: np.ndarray, salt: np.uint64) -> np.ndarray:
    """A salted SplitMix64 finaliser: derived hashes (fact of a word, term of a stem)."""
    with np.errstate(over="ignore"):
        values = values ^ salt
        values = (values ^ (values >> np.uint64(30))) * _MIX_1
        values = (values ^ (values >> np.uint64(27))) * _MIX_2
    return values ^ (values >> np.uint64(31))


class _Lexicon:
    """The word lists token judgement needs, loaded once."""

    def __init__(self) -> None:
        self.stopwords = load_set("stopwords_id") | load_set("stopwords_en") | _GROUPING_NOISE
        self.not_names = (
            self.stopwords
            | load_set("stop_capitals")
            | load_set("common_words")
            | load_set("titles")
            | set(load_table("months"))
            | set(load_table("weekdays"))
        )
        self.abbreviations = load_set("abbreviations")
        self.weekdays = {k: int(v) for k, v in load_table("weekdays").items()}
        self.months = {k: int(v) for k, v in load_table("months").items()}


@cache
def _lexicon() -> _Lexicon:
    return _Lexicon()


# One judged chunk: kind, word text to hash, stem text to hash ("" = the word itself,
# None = not a term), fact ("" = the word, a string = hash that, None = no fact), fact
# kind, ends a sentence, capitalised, weekday, month, day, day-month month, day-month
# day, year.
Judged = tuple[
    int, str, str | None, str | None, int, bool, bool, int, int, int, int, int, int
]  # fmt: skip
_SKIP: Final[Judged] = (KIND_SKIP, "", None, None, FACT_NAME, False, False, -1, 0, 0, 0, 0, 0)
_SKIP_END: Final[Judged] = (KIND_SKIP, "", None, None, FACT_NAME, True, False, -1, 0, 0, 0, 0, 0)


def judge(raw: str) -> Judged:
    """Everything grouping needs from one whitespace-separated chunk (see ``Judged``)."""
    if raw in (PARAGRAPH, BOUNDARY):
        return _SKIP_END
    core = raw.lstrip(_OPENERS)
    stripped = core.rstrip(_CLOSERS + _ENDERS)
    tail = core[len(stripped) :]
    ends = bool(tail) and any(ch in _ENDERS for ch in tail)
    if not stripped or not any(ch.isalnum() for ch in stripped):
        return _SKIP_END if ends else _SKIP
    lex = _lexicon()
    lower = stripped.casefold()
    if ends and lower in lex.abbreviations:
        ends = False
    if stripped[0].isdigit():
        return _number(stripped, lower, ends)
    upper = stripped[0].isupper()
    content = len(lower) > 1 and lower not in lex.stopwords
    stem = None if not content else ("" if len(lower) <= STEM_LENGTH else lower[:STEM_LENGTH])
    fact = "" if upper and len(lower) > 1 and lower not in lex.not_names else None
    weekday = lex.weekdays.get(lower, -1) if upper and len(lower) >= 4 else -1
    month = lex.months.get(lower, 0) if upper else 0
    return (KIND_WORD, lower, stem, fact, FACT_NAME, ends, upper, weekday, month, 0, 0, 0, 0)


def _number(core: str, lower: str, ends: bool) -> Judged:
    """A token that starts with a digit: a count, an amount, a year, a date or a time."""
    match = _DAY_MONTH.fullmatch(core)
    if match:
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            fact = f"@d{month}-{day}"
            return (KIND_NUMBER, lower, None, fact, FACT_DATE, ends, False, -1, 0, 0, month, day, 0)
    digits = _NON_DIGIT.sub("", core)
    plain = core.isdigit()
    value = int(core) if plain and len(core) <= 4 else 0
    year = value if 1950 <= value <= 2049 else 0
    day = value if 1 <= value <= 31 else 0
    # Two or more digits make a fact (1.200, 7,000, 2025); "3" or "9" says too little.
    fact = "#" + digits if len(digits) >= 2 else None
    kind = FACT_DATE if year else FACT_NUMBER
    return (KIND_NUMBER, lower, None, fact, kind, ends, False, -1, 0, day, 0, 0, year)


_ARRAYS: Final = (
    ("kind", np.uint8), ("word", np.uint64), ("term", np.uint64), ("fact", np.uint64),
    ("fact_kind", np.int8), ("ends", np.bool_), ("upper", np.bool_), ("weekday", np.int8),
    ("month", np.int8), ("day", np.int8), ("dm_month", np.int8), ("dm_day", np.int8),
    ("year", np.int16), ("number", np.bool_), ("term_index", np.int32),
    ("fact_index", np.int32), ("print_word", np.uint64),
)  # fmt: skip


class Vocabulary(dict[str, int]):
    """Distinct chunks → ids, with every chunk's judgement in parallel arrays.

    ``vocabulary.ids(text)`` maps a whole article in one pass; chunks not seen before
    get the next ids and are judged together by :meth:`judge_new`, after which the
    arrays (``kind``, ``word``, ``term``, ``fact``…) cover every id handed out.
    """

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[str] = []
        self._judged = 0
        self._capacity = 0
        for name, dtype in _ARRAYS:
            setattr(self, name, np.zeros(0, dtype=dtype))
        self.terms = _Dense()
        """Distinct term hashes, numbered in order of first sight."""
        self.facts = _Dense()
        self._table = KeyTable()
        """Keys (:mod:`chunks`) of the chunks seen by :meth:`batch_ids` → their ids."""

    def __missing__(self, raw: str) -> int:
        index = len(self)
        self[raw] = index
        self._pending.append(raw)
        return index

    def ids(self, text: str) -> np.ndarray:
        """Ids of the chunks of ``text``; line breaks become :data:`PARAGRAPH` tokens.

        Call :meth:`judge_new` before reading the arrays for the ids returned.
        """
        chunks = text.replace("\n", f" {PARAGRAPH} ").split()
        return np.fromiter(map(self.__getitem__, chunks), dtype=np.int32, count=len(chunks))

    def batch_ids(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Ids of the chunks of several texts at once, and where each text's ids start.

        The whole batch is cut at once (:mod:`chunks`): a text boundary is a
        private-use chunk that cannot occur in text after the cut.
        """
        if not texts:
            return np.zeros(0, dtype=np.int32), np.zeros(1, dtype=np.int64)
        joined = f" {BOUNDARY} ".join(texts).replace("\n", f" {PARAGRAPH} ")
        ids = self._chunk_ids(chunk(joined))
        boundary = self[BOUNDARY]
        cuts = np.flatnonzero(ids == boundary)
        starts = np.concatenate([[0], cuts + 1])
        stops = np.concatenate([cuts, [len(ids)]])
        lengths = stops - starts
        keep = np.ones(len(ids), dtype=bool)
        keep[cuts] = False
        offsets = np.zeros(len(texts) + 1, dtype=np.int64)
        np.cumsum(lengths, out=offsets[1:])
        return ids[keep], offsets

    def _chunk_ids(self, chunks: Chunks) -> np.ndarray:
        """Ids of ``chunks``, the same as looking each one up in order would give.

        Keys are looked up in a hash table (:mod:`keytable`); only the keys it does
        not hold become strings — in order of first sight, so ids are numbered as a
        token-by-token lookup would number them.
        """
        keys = chunks.keys
        ids = self._table.find(keys)
        new_at = np.flatnonzero(ids < 0)
        if len(new_at):
            new_keys, first = np.unique(keys[new_at], return_index=True)
            seen_at = new_at[first]
            by_sight = np.argsort(seen_at)
            new_ids = np.empty(len(new_keys), dtype=np.int64)
            new_ids[by_sight] = [self[chunks.text(at)] for at in seen_at[by_sight].tolist()]
            self._table.add(new_keys, new_ids)
            ids[new_at] = new_ids[np.searchsorted(new_keys, keys[new_at])]
        return ids

    def judge_new(self) -> None:
        """Judge every chunk first seen since the last call (in one batch)."""
        if self._pending:
            self._judge_pending()

    def _judge_pending(self) -> None:
        judged = [judge(raw) for raw in self._pending]
        self._pending = []
        count = len(judged)
        columns = list(zip(*judged, strict=True))
        kind = np.array(columns[0], dtype=np.uint8)
        word = np.array([stable_hash(w) if w else 0 for w in columns[1]], dtype=np.uint64)
        term = _derived(word, columns[2], _TERM_SALT)
        fact = _derived(word, columns[3], _FACT_SALT)
        fact_kind = np.array(columns[4], dtype=np.int8)
        new = {
            "kind": kind,
            "word": word,
            "term": term,
            "fact": fact,
            "fact_kind": fact_kind,
            "ends": np.array(columns[5], dtype=bool),
            "upper": np.array(columns[6], dtype=bool),
            "weekday": np.array(columns[7], dtype=np.int8),
            "month": np.array(columns[8], dtype=np.int8),
            "day": np.array(columns[9], dtype=np.int8),
            "dm_month": np.array(columns[10], dtype=np.int8),
            "dm_day": np.array(columns[11], dtype=np.int8),
            "year": np.array(columns[12], dtype=np.int16),
            "number": kind == KIND_NUMBER,
            "print_word": np.where(kind == KIND_NUMBER, NUMBER_WORD, word),
            "term_index": self.terms.number(term),
            "fact_index": self.facts.number(fact, fact_kind),
        }
        start, stop = self._judged, self._judged + count
        if stop > self._capacity:
            self._capacity = max(stop, 2 * self._capacity, 4096)
            for name, dtype in _ARRAYS:
                grown = np.zeros(self._capacity, dtype=dtype)
                grown[:start] = getattr(self, name)[:start]
                setattr(self, name, grown)
        for name, _ in _ARRAYS:
            getattr(self, name)[start:stop] = new[name]
        self._judged = stop


class _Dense:
    """Numbers for distinct hashes (0 stays -1), so per-article counting sorts small ints.

    ``kinds`` keeps a kind per hash (the fact kind; the same hash has one kind)."""

    def __init__(self) -> None:
        self._index: dict[int, int] = {}
        self.hashes = np.zeros(0, dtype=np.uint64)
        self.kinds = np.zeros(0, dtype=np.int8)

    def number(self, hashes: np.ndarray, kinds: np.ndarray | None = None) -> np.ndarray:
        index = self._index
        out = np.full(len(hashes), -1, dtype=np.int32)
        added: list[int] = []
        added_at: list[int] = []
        for position, value in enumerate(hashes.tolist()):
            if value:
                number = index.get(value)
                if number is None:
                    number = index[value] = len(index)
                    added.append(value)
                    added_at.append(position)
                out[position] = number
        if added:
            self.hashes = np.concatenate([self.hashes, np.array(added, dtype=np.uint64)])
            new_kinds = kinds[added_at] if kinds is not None else np.zeros(len(added), np.int8)
            self.kinds = np.concatenate([self.kinds, new_kinds.astype(np.int8)])
        return out

    def kind_of(self, hashes: np.ndarray) -> np.ndarray:
        """The kind of each (known) hash."""
        return self.kinds[np.fromiter(map(self._index.__getitem__, hashes.tolist()), np.int64)]


def _derived(word: np.ndarray, texts: tuple[str | None, ...], salt: np.uint64) -> np.ndarray:
    """Hashes derived per chunk: of the word itself (``""``), of other text, or 0 (None)."""
    out = np.zeros(len(word), dtype=np.uint64)
    own = np.fromiter((t == "" for t in texts), dtype=bool, count=len(texts))
    out[own] = _mix(word[own], salt)
    other = [i for i, t in enumerate(texts) if t]
    if other:
        hashed = np.array([stable_hash(texts[i]) for i in other], dtype=np.uint64)  # type: ignore[arg-type]
        out[other] = _mix(hashed, salt)
    return out
