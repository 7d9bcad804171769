"""The team's English entity labels over ECB+ sentences, read with the ECB+ text.

The labels (``tests/data/ner_en/ecbplus.tsv``) hold no text, only which tokens of
which line are a PERSON, ORG or PLACE; the sentences come from ``../shared/data``
(ECB+, tokenised, one sentence per line), so nothing third-party is committed. See
``tests/data/ner_en/README.md`` for how they were labelled.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from newsdiff.core.analyze.extract.corpus import LabelledSentence
from tests.conftest import REPO

LABELS = REPO / "tests" / "data" / "ner_en" / "ecbplus.tsv"


def labelled_sentences(shared_data: Path) -> dict[str, list[LabelledSentence]]:
    """Split name (``dev``, ``test``) → its labelled sentences, in file order."""
    text_dir = shared_data / "ecbplus-dev" / "text"
    lines_of: dict[str, list[str]] = {}
    out: dict[str, list[LabelledSentence]] = defaultdict(list)
    for row in LABELS.read_text(encoding="utf-8").splitlines():
        if not row or row.startswith("#"):
            continue
        split, document, number, marked = [*row.split("\t"), ""][:4]
        if document not in lines_of:
            path = text_dir / f"{document}.txt"
            lines_of[document] = path.read_text(encoding="utf-8").split("\n")
        words = tuple(lines_of[document][int(number)].split())
        tags = ["O"] * len(words)
        for entity in filter(None, marked.split(",")):
            bounds, _, kind = entity.partition(":")
            first, _, last = bounds.partition("-")
            start, end = int(first), int(last)
            if not 0 <= start < end <= len(words):
                raise ValueError(f"{document}:{number}: {entity} is outside the line")
            tags[start] = f"B-{kind}"
            for index in range(start + 1, end):
                tags[index] = f"I-{kind}"
        out[split].append(LabelledSentence(words, tuple(tags)))
    return dict(out)
