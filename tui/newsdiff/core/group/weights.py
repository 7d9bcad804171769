"""How much each term and fact says about an article, given the whole corpus.

Inverse document frequency is what makes ``Medinsky`` or ``7.000`` evidence and
``Rusia`` or ``2025`` noise, and it depends on the corpus, so it is computed here, at
grouping time, from the stored per-article features — never stored with them.

- **Terms** get ``(1 + ln tf) · idf``, normalised per article, for a cosine.
- **Facts** get ``idf²`` when at least two articles have them (with a
  :data:`BACKGROUND` of unrelated articles added to the corpus, so small folders are
  judged sensibly): squaring lets a rare number or name outweigh a handful of common
  ones (a shared place and organisation are what different floods in one city have in
  common), and a fact only one article has cannot be shared, so it does not dilute
  the overlap of the others.

Terms and facts are also given dense ids (``0..V-1``), so pair scoring can scatter one
article's weights into a plain array and gather its partners' terms from it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

import numpy as np

from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.pairs import dense_ids

COMMON_SHARE: Final = 0.02
"""Content terms in more than this share of the articles (and more than
:data:`COMMON_FLOOR`) say little about which event a report tells, and cost the most
to compare: they are left out of the content vectors."""
COMMON_FLOOR: Final = 50
BACKGROUND: Final = 50
"""Articles assumed to lack every fact, on top of the corpus: in a folder of eight
reports a fact two of them name is still rare in the news at large, and the plain
``log(8 / 2)`` would call it common."""


@dataclass(frozen=True, slots=True, eq=False)
class CorpusWeights:
    """Dense ids and weights for every term and fact of a :class:`FeatureTable`."""

    term_offsets: np.ndarray
    """Rows of the content vectors: article ``i`` is ``term_ids[term_offsets[i]:…]``."""
    term_ids: np.ndarray
    """Dense id of each kept term (terms in more than :data:`COMMON_SHARE` of the
    articles are left out of the content vectors)."""
    term_weights: np.ndarray
    """Normalised tf-idf weight of each kept term."""
    term_count: int
    fact_ids: np.ndarray
    fact_weights: np.ndarray
    """``idf²``, or 0 for a fact only one article has."""
    fact_idf_squared: np.ndarray
    """``idf²`` per distinct fact (by dense id)."""
    fact_frequency: np.ndarray
    """How many articles have each fact (per value of ``table.facts.values``)."""
    fact_totals: np.ndarray
    """Per article: the sum of its fact weights."""
    fact_count: int
    slot_ids: np.ndarray
    """Dense id of each value of ``table.slots.values`` (the counted word)."""
    slot_count: int
    slot_value_ids: np.ndarray
    """Dense id of each value of ``table.slot_values.values`` (counted word and count)."""
    slot_value_count: int


def corpus_weights(table: FeatureTable) -> CorpusWeights:
    count = len(table)
    unique_terms, term_ids, term_df = dense_ids(table.terms.values)
    idf = np.log((count + 1.0) / (term_df + 0.5)).astype(np.float32)
    kept = term_df[term_ids] <= max(COMMON_FLOOR, COMMON_SHARE * count)
    term_ids = term_ids[kept]
    tf = table.term_tf.values[kept]
    raw = ((1.0 + np.log(np.maximum(tf, 1.0))) * idf[term_ids]).astype(np.float32)
    rows = table.terms.row_ids()[kept]
    norms = np.sqrt(np.bincount(rows, weights=raw.astype(np.float64) ** 2, minlength=count))
    norms[norms == 0] = 1.0
    term_weights = (raw / norms[rows]).astype(np.float32)
    term_offsets = np.zeros(count + 1, dtype=np.int64)
    np.cumsum(np.bincount(rows, minlength=count), out=term_offsets[1:])

    unique_facts, fact_ids, fact_df = dense_ids(table.facts.values)
    fact_idf = np.log((count + BACKGROUND) / (fact_df + 0.5))
    frequency = fact_df[fact_ids]
    fact_weights = np.where(frequency >= 2, fact_idf[fact_ids] ** 2, 0.0).astype(np.float32)
    fact_rows = table.facts.row_ids()
    totals = np.bincount(fact_rows, weights=fact_weights, minlength=count).astype(np.float32)
    unique_slots, slot_ids, _ = dense_ids(table.slots.values)
    unique_values, slot_value_ids, _ = dense_ids(table.slot_values.values)
    return CorpusWeights(
        term_offsets=term_offsets,
        term_ids=term_ids.astype(np.int64),
        term_weights=term_weights,
        term_count=len(unique_terms),
        fact_ids=fact_ids.astype(np.int64),
        fact_weights=fact_weights,
        fact_idf_squared=(fact_idf**2).astype(np.float32),
        fact_frequency=frequency.astype(np.int32),
        fact_totals=totals,
        fact_count=len(unique_facts),
        slot_ids=slot_ids.astype(np.int64),
        slot_count=len(unique_slots),
        slot_value_ids=slot_value_ids.astype(np.int64),
        slot_value_count=len(unique_values),
    )
