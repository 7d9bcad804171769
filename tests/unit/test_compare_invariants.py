"""What must hold for any comparison: coverage, exact ops, valid moves, sane scores."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.analyze import analyze, analyze_all
from newsdiff.core.compare import compare
from newsdiff.core.compare.diff import apply_ops
from newsdiff.core.compare.record import run_text
from newsdiff.core.ingest import build_article, load
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import Comparison, Document, RowKind
from tests.conftest import SAMPLES


def check(comparison: Comparison) -> None:
    left, right = comparison.left, comparison.right
    for side, document in (("left", left), ("right", right)):
        seen = sorted(i for row in comparison.rows for i in getattr(row, side))
        assert seen == [s.index for s in document.content_sentences()], side
    assert 0.0 <= comparison.similarity <= 1.0
    for row in comparison.rows:
        assert len(row.left) <= 3 and len(row.right) <= 3
        assert row.left or row.right
        assert list(row.left) == sorted(set(row.left))
        assert list(row.right) == sorted(set(row.right))
        assert 0.0 <= row.score <= 1.0
        if row.kind in (RowKind.LEFT_ONLY, RowKind.RIGHT_ONLY):
            assert not row.ops and bool(row.left) != bool(row.right)
            continue
        assert row.left and row.right
        assert "".join(op.left for op in row.ops) == run_text(left, row.left)
        assert apply_ops(row.ops) == run_text(right, row.right)
        for op in row.ops:
            assert left.text[op.left_start : op.left_end] == op.left
            assert right.text[op.right_start : op.right_end] == op.right
        if row.kind is RowKind.MOVED:
            assert row.moved_from is not None and 0 <= row.moved_from <= len(comparison.rows)
        else:
            assert row.moved_from is None
    # Without the moved rows, both columns read in their own order.
    for side in ("left", "right"):
        order = [
            getattr(r, side)[0]
            for r in comparison.rows
            if getattr(r, side) and r.kind is not RowKind.MOVED
        ]
        assert order == sorted(order), side


@pytest.fixture(scope="module")
def samples() -> list[Document]:
    return analyze_all(load([str(SAMPLES)]).articles)


def test_every_pair_of_samples(samples: list[Document]) -> None:
    for a in samples:
        for b in samples:
            check(compare(a, b))


def _shuffled(document: Document, seed: int) -> Document:
    rng = random.Random(seed)
    sentences = [document.sentence_text(s.index) for s in document.content_sentences()]
    rng.shuffle(sentences)
    if len(sentences) > 3:
        sentences.pop(rng.randrange(len(sentences)))
        i = rng.randrange(len(sentences) - 1)
        sentences[i : i + 2] = [sentences[i].rstrip(".") + ", " + sentences[i + 1]]
    text = "\n\n".join(sentences) + "\n"
    return analyze(build_article(RawRecord(text=text, source_format="text"), f"shuffled-{seed}"))


@settings(max_examples=25, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=7))
def test_shuffled_rewrites_of_the_samples(seed: int, which: int) -> None:
    paths = sorted(SAMPLES.iterdir())
    document = analyze(load([str(paths[which])]).articles[0])
    check(compare(document, _shuffled(document, seed)))


@pytest.mark.parametrize(
    "text",
    ids=["heading-only", "numbers-only", "punctuation-only", "one-huge-sentence", "repeats"],
    argvalues=[
        "Judul Saja\n\nTeks pendek.\n",
        "1.000. 2.000. 3.000.\n",
        "“ ” ( ) — .\n",
        "Kata " * 3000 + "akhir.\n",
        "Satu.\n" * 200,
    ],
)
def test_odd_inputs_do_not_break_it(text: str, samples: list[Document]) -> None:
    odd = analyze(build_article(RawRecord(text=text, source_format="text"), "odd"))
    check(compare(odd, samples[1]))
    check(compare(samples[1], odd))
    check(compare(odd, odd))
