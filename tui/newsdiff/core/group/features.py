"""Per-article features for grouping, computed for many articles at once.

One pass over each article's tokens (see :mod:`vocabulary`) gives everything the later
stages need, as columns over the whole batch (see :mod:`ragged`):

- ``signature`` — a MinHash sketch of the article's five-word shingles (:mod:`minhash`),
  for finding copied text;
- ``terms`` / ``term_tf`` — content-word stems with their counts, words of the headline
  and lead counting :data:`LEAD_BOOST` times (the lead says what the event is);
- ``facts`` / ``fact_kinds`` — names, numbers and dates, for finding rewrites that share
  facts but not phrasing;
- ``slots`` / ``slot_values`` — each count with the word it counts (``10.393 warga``,
  ``486 rumah``): two reports that count the same things with different numbers are
  two events told from one template, not a source and its rewrite;
- ``sentence_words`` / ``sentence_prints`` / ``sentence_terms`` — each sentence's
  length, a fingerprint of its words (numbers left out) and its content terms, for the
  copied and rewritten shares of the pairs that end up in one story (:mod:`shares`);
- ``anchor`` — the event's weekday, day and month and years named in the lead
  (:mod:`anchors`), which tell two events of the same kind apart.

Boilerplate (``Baca juga:`` teasers, credit and copyright lines) is left out: it is
shared by unrelated reports of one outlet and says nothing about the event.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.group.anchors import Anchors, lead_anchors
from newsdiff.core.group.minhash import mix64, signatures
from newsdiff.core.group.pairs import unique_sorted
from newsdiff.core.group.ragged import Ragged
from newsdiff.core.group.vocabulary import (
    FACT_NUMBER,
    KIND_SKIP,
    KIND_WORD,
    LEAD_TOKENS,
    PARAGRAPH,
    Vocabulary,
)
from newsdiff.core.model import Article

LEAD_BOOST: Final = 4.0
"""How much more a word of the first :data:`LEAD_TOKENS` counts than a later word."""
PRINT_WORDS: Final = 4
"""Sentences shorter than this (datelines, headings, "Selesai") get no fingerprint."""
_SENTENCE_BITS: Final = 20
_PRINT_STEP: Final = np.uint64(0x100000001B3)


@dataclass(frozen=True, slots=True, eq=False)
class FeatureTable:
    """Grouping features of ``len(self)`` articles, one row each."""

    signature: np.ndarray
    """``uint32`` of shape ``(n, SIGNATURE_SIZE)``."""
    terms: Ragged
    """Distinct content-term hashes (``uint64``) per article."""
    term_tf: Ragged
    """Lead-boosted count of each term (``float32``), parallel to ``terms``."""
    facts: Ragged
    """Distinct fact hashes (``uint64``) per article."""
    fact_kinds: Ragged
    """``FACT_NAME``, ``FACT_NUMBER`` or ``FACT_DATE`` (``int8``), parallel to ``facts``."""
    slots: Ragged
    """Distinct 48-bit hashes of the words that follow a number (``uint64``)."""
    slot_values: Ragged
    """Distinct 48-bit hashes of (following word, number) pairs (``uint64``)."""
    sentence_words: Ragged
    """Words per sentence (``int32``), in reading order."""
    sentence_prints: Ragged
    """Per sentence, a hash of its words in order with numbers left out (``uint64``; 0
    for sentences under :data:`PRINT_WORDS` words): equal prints are a copied sentence."""
    sentence_terms: Ragged
    """Per article, ``term << 20 | sentence`` for each distinct (content term, sentence)
    pair, sorted (``uint64``; terms are 32-bit)."""
    anchors: Anchors

    def __len__(self) -> int:
        return len(self.signature)

    @staticmethod
    def concat(parts: Sequence[FeatureTable]) -> FeatureTable:
        """The rows of ``parts`` in order. A ``list`` of parts is emptied as it is
        copied, so each part can be freed as soon as it is in: the peak is the result
        plus one part, not twice the result."""
        pending = parts if isinstance(parts, list) else list(parts)
        names = ("terms", "term_tf", "facts", "fact_kinds", "slots", "slot_values",
                 "sentence_words", "sentence_prints", "sentence_terms")  # fmt: skip
        sizes = {name: sum(len(getattr(p, name).values) for p in pending) for name in names}
        rows = sum(len(p) for p in pending)
        first = pending[0]
        values = {name: np.empty(sizes[name], getattr(first, name).values.dtype) for name in names}
        offsets = {name: np.zeros(rows + 1, dtype=np.int64) for name in names}
        signature = np.empty((rows, first.signature.shape[1]), dtype=first.signature.dtype)
        anchors = []
        row = 0
        at = dict.fromkeys(names, 0)
        while pending:
            part = pending.pop(0)
            count = len(part)
            signature[row : row + count] = part.signature
            anchors.append(part.anchors)
            for name in names:
                column = getattr(part, name)
                size = len(column.values)
                values[name][at[name] : at[name] + size] = column.values
                offsets[name][row + 1 : row + count + 1] = column.offsets[1:] + at[name]
                at[name] += size
            row += count
            del part, column
        return FeatureTable(
            signature=signature,
            anchors=Anchors.concat(anchors),
            **{name: Ragged(values[name], offsets[name]) for name in names},
        )

    def take(self, indices: np.ndarray) -> FeatureTable:
        indices = np.asarray(indices, dtype=np.int64)
        return FeatureTable(
            signature=self.signature[indices],
            terms=self.terms.take(indices),
            term_tf=self.term_tf.take(indices),
            facts=self.facts.take(indices),
            fact_kinds=self.fact_kinds.take(indices),
            slots=self.slots.take(indices),
            slot_values=self.slot_values.take(indices),
            sentence_words=self.sentence_words.take(indices),
            sentence_prints=self.sentence_prints.take(indices),
            sentence_terms=self.sentence_terms.take(indices),
            anchors=self.anchors.take(indices),
        )


def grouping_text(article: Article) -> str:
    """The article's text without its dateline and boilerplate regions.

    The dateline (``Istanbul (ANTARA) -``) is how an outlet labels the report, not
    part of it: a republication changes it, and the lead is still copied. Each cut
    region becomes a line break.
    """
    cuts = sorted((region.start, region.end) for region in article.boilerplate)
    if article.dateline:
        cuts = sorted([*cuts, article.dateline])
    if not cuts:
        return article.text
    parts, cursor = [], 0
    for start, end in cuts:
        if start > cursor:
            parts.append(article.text[cursor:start])
        cursor = max(cursor, end)
    parts.append(article.text[cursor:])
    return "\n".join(parts)


def extract(
    texts: Sequence[str], published: Sequence[str | None], vocabulary: Vocabulary
) -> FeatureTable:
    """Features of a batch of articles (texts already without boilerplate)."""
    ids, token_offsets = vocabulary.batch_ids(texts)
    vocabulary.judge_new()

    kept_at = np.flatnonzero(vocabulary.kind[ids] != KIND_SKIP)
    kept_ids = ids[kept_at]
    # Tokens are in article order, so each article's kept words are one run.
    kept_offsets = np.searchsorted(kept_at, token_offsets).astype(np.int64)
    kept_lengths = np.diff(kept_offsets)
    kept_doc = np.repeat(np.arange(len(texts), dtype=np.int64), kept_lengths)
    position = np.arange(len(kept_ids), dtype=np.int64) - np.repeat(kept_offsets[:-1], kept_lengths)

    words64 = vocabulary.word[kept_ids]
    sentences = _sentence_starts(vocabulary, ids, kept_at, kept_ids, kept_doc, kept_offsets)
    lead = position < LEAD_TOKENS
    terms, term_tf = _unique_per_doc(
        kept_doc, vocabulary.term_index[kept_ids], vocabulary.terms.hashes, lead, len(texts)
    )
    fact_index = vocabulary.fact_index[kept_ids].copy()
    # A capitalised word that opens a sentence is as often "Police" or "Officials" as
    # a name; names recur inside sentences too, so openers are not taken as facts.
    opener = sentences.values.astype(np.int64) + kept_offsets[sentences.row_ids()]
    opener = opener[~vocabulary.number[kept_ids[opener]]]
    fact_index[opener] = -1
    facts, _ = _unique_per_doc(kept_doc, fact_index, vocabulary.facts.hashes, None, len(texts))
    fact_kinds = Ragged(vocabulary.facts.kind_of(facts.values), facts.offsets)
    fact64 = np.where(fact_index >= 0, vocabulary.fact[kept_ids], np.uint64(0))
    slots, slot_values = _slots(vocabulary, kept_ids, kept_doc, words64, fact64, len(texts))
    return FeatureTable(
        signature=signatures(words64, kept_doc, position, kept_offsets),
        terms=terms,
        term_tf=term_tf,
        facts=facts,
        fact_kinds=fact_kinds,
        slots=slots,
        slot_values=slot_values,
        **_sentence_columns(vocabulary, kept_ids, kept_doc, kept_offsets, sentences, len(texts)),
        anchors=lead_anchors(vocabulary, kept_ids[lead], kept_doc[lead], published),
    )


def _sentence_columns(
    vocabulary: Vocabulary,
    kept_ids: np.ndarray,
    kept_doc: np.ndarray,
    kept_offsets: np.ndarray,
    starts: Ragged,
    count: int,
) -> dict[str, Ragged]:
    """Sentence lengths, fingerprints and (term, sentence) pairs of a batch."""
    words = len(kept_ids)
    sentence_doc = starts.row_ids()
    first = starts.values.astype(np.int64) + kept_offsets[sentence_doc]
    sizes = np.diff(np.append(first, words)).astype(np.int32)
    sentence_of = np.repeat(np.arange(len(first), dtype=np.int64), sizes)
    position = np.arange(words, dtype=np.int64) - first[sentence_of]
    with np.errstate(over="ignore"):
        steps = np.ones(max(int(sizes.max(initial=0)), 1), dtype=np.uint64)
        steps[1:] = _PRINT_STEP
        powers = np.cumprod(steps)
        weighted = vocabulary.print_word[kept_ids]
        weighted *= powers[position]
        prints = np.add.reduceat(weighted, first) if len(first) else weighted[:0]
    prints = np.where(sizes >= PRINT_WORDS, mix64(prints), np.uint64(0))
    # Per sentence, its article and its number in the article (the key's low bits).
    local = np.arange(len(first), dtype=np.int64) - starts.offsets[sentence_doc]
    sentence_key = (sentence_doc.astype(np.uint64) << np.uint64(52)) | np.minimum(
        local, (1 << _SENTENCE_BITS) - 1
    ).astype(np.uint64)
    term = vocabulary.term[kept_ids]
    term &= np.uint64(0xFFFFFFFF)
    has_term = np.flatnonzero(term != 0)  # (a bool mask: nonzero of uint64 is slow)
    key = term[has_term] << np.uint64(_SENTENCE_BITS)
    key |= sentence_key[sentence_of[has_term]]
    key = unique_sorted(key)
    doc = (key >> np.uint64(52)).astype(np.int64)
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(doc, minlength=count), out=offsets[1:])
    return {
        "sentence_words": Ragged(sizes, starts.offsets),
        "sentence_prints": Ragged(prints, starts.offsets),
        "sentence_terms": Ragged(key & np.uint64((1 << 52) - 1), offsets),
    }


def _sentence_starts(
    vocabulary: Vocabulary,
    ids: np.ndarray,
    kept_at: np.ndarray,
    kept_ids: np.ndarray,
    kept_doc: np.ndarray,
    kept_offsets: np.ndarray,
) -> Ragged:
    """Where sentences start, as word positions within each article.

    A word starts a sentence when it is an article's first, follows a line break, or
    follows a word that ends a sentence (``.``, ``!``, ``?`` — punctuation standing
    alone counts for the word before it) and is capitalised or a number.
    """
    paragraph = ids == vocabulary.get(PARAGRAPH, -1)
    # Bit 0: a sentence ends here; bit 1: a line break. What lies between two kept
    # words is the run from the first up to the second, one OR per run.
    flags = paragraph.view(np.uint8) << np.uint8(1)
    flags |= paragraph.view(np.uint8)
    flags |= vocabulary.ends[ids].view(np.uint8)
    count = len(kept_ids)
    starts = np.zeros(count, dtype=bool)
    if count:
        starts[kept_offsets[:-1][kept_offsets[:-1] < kept_offsets[1:]]] = True
        between = np.bitwise_or.reduceat(flags, kept_at)[:-1]
        ended = (between & np.uint8(1)).view(bool)
        new_line = (between >> np.uint8(1)).view(bool)
        capital = vocabulary.upper[kept_ids[1:]] | vocabulary.number[kept_ids[1:]]
        starts[1:] |= (ended & capital) | new_line
    start_at = np.flatnonzero(starts)
    doc = kept_doc[start_at]
    offsets = np.zeros(len(kept_offsets), dtype=np.int64)
    np.cumsum(np.bincount(doc, minlength=len(kept_offsets) - 1), out=offsets[1:])
    return Ragged((start_at - kept_offsets[doc]).astype(np.int32), offsets)


def _slots(
    vocabulary: Vocabulary,
    kept_ids: np.ndarray,
    kept_doc: np.ndarray,
    words: np.ndarray,
    facts: np.ndarray,
    count: int,
) -> tuple[Ragged, Ragged]:
    """Each count with the word after it: ``(warga)`` and ``(warga, 10393)``."""
    is_count = vocabulary.fact_kind[kept_ids[:-1]] == FACT_NUMBER
    is_count &= facts[:-1] != 0
    is_count &= vocabulary.kind[kept_ids[1:]] == KIND_WORD
    is_count &= kept_doc[1:] == kept_doc[:-1]
    at = np.flatnonzero(is_count)
    context = mix64(words[at + 1] ^ np.uint64(0x5107))
    with np.errstate(over="ignore"):
        value = mix64(context * np.uint64(0x100000001B3) + facts[at])
    slots = _distinct_per_doc(kept_doc[at], context, count)
    slot_values = _distinct_per_doc(kept_doc[at], value, count)
    return slots, slot_values


_KEY_BITS: Final = 48
"""Bits of a slot hash kept (the document number is packed above them to sort once)."""


def _distinct_per_doc(doc: np.ndarray, keys: np.ndarray, count: int) -> Ragged:
    """Per document, its distinct ``keys`` (cut to :data:`_KEY_BITS` bits), sorted."""
    shift = np.uint64(64 - _KEY_BITS)
    packed = unique_sorted((doc.astype(np.uint64) << np.uint64(_KEY_BITS)) | (keys >> shift))
    owner = (packed >> np.uint64(_KEY_BITS)).astype(np.int64)
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=count), out=offsets[1:])
    return Ragged(packed & np.uint64((1 << _KEY_BITS) - 1), offsets)


def _unique_per_doc(
    doc: np.ndarray, index: np.ndarray, hashes: np.ndarray, lead: np.ndarray | None, count: int
) -> tuple[Ragged, Ragged]:
    """Per document, its distinct keys (``hashes[index]``) and lead-boosted counts.

    ``index`` is a dense number per value (-1: none); ``lead`` marks occurrences that
    count :data:`LEAD_BOOST` times (None: none do). One value sort of ``(document,
    index, lead)`` packed in an integer does all the grouping — 32-bit when it fits,
    which sorts twice as fast.
    """
    keep = np.flatnonzero(index >= 0)
    size = len(hashes)
    dtype = np.int32 if 2 * size * max(count, 1) < 2**31 else np.int64
    packed = doc[keep].astype(dtype)
    packed *= size
    packed += index[keep]
    packed *= 2
    if lead is not None:
        packed += lead[keep]
    packed.sort()
    key = packed >> 1
    first = np.ones(len(key), dtype=bool)
    if len(key):
        first[1:] = key[1:] != key[:-1]
    starts = np.flatnonzero(first)
    weight = np.where(packed & 1, LEAD_BOOST, 1.0).astype(np.float32)
    counts = np.add.reduceat(weight, starts) if len(starts) else weight[:0]
    distinct = key[starts]
    offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(distinct // size, minlength=count), out=offsets[1:])
    return Ragged(hashes[distinct % size], offsets), Ragged(counts, offsets)
