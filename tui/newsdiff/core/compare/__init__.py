"""Compare reports: sentences aligned side by side, word-level changes, findings.

``compare(left, right)`` is the one call the app, the CLI and exports make for two
reports; ``compare_many(documents)`` lines three or more up against a pivot. The
stages, one module each, run in this order:

- :mod:`features` — each content sentence's terms, with values masked out;
- :mod:`similarity` — IDF-weighted Dice between sentences and runs of sentences;
- :mod:`candidates` — which pairs are worth scoring (inverted index, not all pairs);
- :mod:`align` — links of 1–3 sentences a side (one to one, splits, merges);
- :mod:`moves` — the in-order backbone; every other link is a move;
- :mod:`rows` and :mod:`diff` — rows in reading order with cleaned-up word ops;
- :mod:`findings` — facts that disagree (to come).
"""

from __future__ import annotations

from newsdiff.core.compare.align import Link
from newsdiff.core.compare.features import SentenceProfile
from newsdiff.core.compare.multi import MultiComparison, TableCell, TableRow, compare_many
from newsdiff.core.compare.pairwise import compare, overall_similarity

__all__ = [
    "Link",
    "MultiComparison",
    "SentenceProfile",
    "TableCell",
    "TableRow",
    "compare",
    "compare_many",
    "overall_similarity",
]
