"""Hand-built documents and comparisons for the app's tests and benchmarks.

The extractors and the comparison engine are other issues; the app must be tested
against the model today. These fixtures build, from the real samples ``001`` and
``004``, spans and a :class:`Comparison` the way the engine is expected to (rows
with word ops, a moved row, one-sided rows, findings tied to spans), by locating
phrases in the text, so every offset is real.
"""

from __future__ import annotations

from dataclasses import replace
from unittest.mock import patch

from newsdiff.core.analyze import analyze
from newsdiff.core.compare import MultiComparison, multi
from newsdiff.core.ingest import load
from newsdiff.core.model import (
    Article,
    Comparison,
    Document,
    Finding,
    FindingKind,
    FindingSide,
    OpKind,
    Row,
    RowKind,
    Sentence,
    Span,
    SpanKind,
    WordOp,
)
from tests.conftest import sample

SPANS_001 = [
    ("Istanbul", SpanKind.PLACE, "Istanbul"),
    ("ANTARA", SpanKind.ORG, "ANTARA"),
    ("Istana Ciragan", SpanKind.PLACE, "Istana Ciragan"),
    ("Turki", SpanKind.PLACE, "Turkey"),
    ("Rabu (23/7)", SpanKind.DATE, "2025-07-23"),
    ("Vladimir Medinsky", SpanKind.PERSON, "Vladimir Medinsky"),
    ("Rustem Umerov", SpanKind.PERSON, "Rustem Umerov"),
    ("1.200 tawanan perang", SpanKind.QUANTITY, "1200 tawanan perang"),
    ("7.000 jenazah", SpanKind.QUANTITY, "7000 jenazah"),
    ("3.000", SpanKind.NUMBER, "3000"),
    ("tiga", SpanKind.NUMBER, "3"),
    ("Volodymyr Zelensky", SpanKind.PERSON, "Volodymyr Zelensky"),
    ("Hakan Fidan", SpanKind.PERSON, "Hakan Fidan"),
    ("16 Mei", SpanKind.DATE, "--05-16"),
    ("2 Juni", SpanKind.DATE, "--06-02"),
    ("Xinhua", SpanKind.ORG, "Xinhua"),
]
SPANS_004 = [
    ("23 Juli 2027", SpanKind.DATE, "2027-07-23"),
    ("Istanbul", SpanKind.PLACE, "Istanbul"),
    ("Rusia", SpanKind.PLACE, "Russia"),
    ("1.200 tawanan perang", SpanKind.QUANTITY, "1200 tawanan perang"),
    ("7.000 jenazah", SpanKind.QUANTITY, "7000 jenazah"),
    ("3.000 jenazah", SpanKind.QUANTITY, "3000 jenazah"),
    ("tiga", SpanKind.NUMBER, "3"),
]


def _article(prefix: str) -> Article:
    return load([str(sample(prefix))]).articles[0]


def _with_spans(document: Document, wanted: list[tuple[str, SpanKind, str]]) -> Document:
    """``document`` with a span at every whole-word occurrence of each phrase."""
    text = document.text
    taken: list[tuple[int, int]] = []
    spans: list[Span] = []
    for phrase, kind, value in wanted:
        start = text.find(phrase)
        while start != -1:
            end = start + len(phrase)
            whole = (start == 0 or not text[start - 1].isalnum()) and (
                end == len(text) or not text[end].isalnum()
            )
            if whole and not any(start < b and a < end for a, b in taken):
                taken.append((start, end))
                spans.append(
                    Span(kind, start, end, phrase, value, sentence=_sentence(document, start))
                )
            start = text.find(phrase, end)
    spans.sort(key=lambda s: s.start)
    return replace(document, spans=tuple(spans))


def _sentence(document: Document, offset: int) -> int:
    for sentence in document.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return -1


def document_001() -> Document:
    return _with_spans(analyze(_article("001")), SPANS_001)


def document_004() -> Document:
    return _with_spans(analyze(_article("004")), SPANS_004)


def _where(document: Document, sentence: int, phrase: str) -> tuple[int, int]:
    s: Sentence = document.sentences[sentence]
    start = document.text.find(phrase, s.start, s.end)
    assert start != -1, f"{phrase!r} not in sentence {sentence}"
    return start, start + len(phrase)


def _op(
    kind: OpKind, left: Document, ls: int, lp: str, right: Document, rs: int, rp: str
) -> WordOp:
    lo, hi = _where(left, ls, lp) if lp else (left.sentences[ls].start,) * 2
    ro, rhi = _where(right, rs, rp) if rp else (right.sentences[rs].start,) * 2
    return WordOp(kind, lp, rp, lo, hi, ro, rhi)


def _side(document: Document, sentence: int, phrase: str, value: str) -> FindingSide:
    start, end = _where(document, sentence, phrase)
    return FindingSide(phrase, value, sentence, start, end)


def comparison_001_004() -> Comparison:
    """``001`` against ``004`` as the comparison engine is expected to report it."""
    left, right = document_001(), document_004()
    r = OpKind.REPLACE
    rows = (
        Row(RowKind.RIGHT_ONLY, (), (0,), 0.0),
        Row(RowKind.RIGHT_ONLY, (), (1,), 0.0),
        Row(
            RowKind.CHANGED,
            (0,),
            (2,),
            0.41,
            (
                _op(r, left, 0, "Rabu (23/7) malam", right, 2, "tanggal 23 Juli 2027"),
                _op(OpKind.DELETE, left, 0, "Istana Ciragan,", right, 2, ""),
            ),
        ),
        Row(RowKind.RIGHT_ONLY, (), (3,), 0.0),
        Row(RowKind.RIGHT_ONLY, (), (4,), 0.0),
        Row(RowKind.CHANGED, (2,), (6,), 0.55),
        Row(RowKind.MOVED, (1,), (7,), 0.62, moved_from=2),
        Row(RowKind.CHANGED, (3,), (8,), 0.58),
        Row(
            RowKind.CHANGED,
            (4,),
            (9, 10),
            0.6,
            (_op(r, left, 4, "telah memulangkan", right, 9, "berjanji untuk mengembalikan"),),
        ),
        Row(RowKind.CHANGED, (5,), (13,), 0.8),
        Row(RowKind.CHANGED, (6,), (15,), 0.5),
        Row(RowKind.CHANGED, (7,), (16,), 0.45),
        Row(RowKind.LEFT_ONLY, (8,), (), 0.0),
        Row(RowKind.CHANGED, (9,), (19,), 0.4),
        Row(RowKind.CHANGED, (10,), (18,), 0.5),
        Row(RowKind.LEFT_ONLY, (11,), (), 0.0),
        Row(RowKind.CHANGED, (12,), (20,), 0.45),
        Row(RowKind.RIGHT_ONLY, (), (21,), 0.0),
    )
    findings = (
        Finding(
            FindingKind.DATE_MISMATCH,
            _side(left, 0, "Rabu (23/7)", "2025-07-23"),
            _side(right, 2, "23 Juli 2027", "2027-07-23"),
            "date: Rabu (23/7) = 2025-07-23 vs 23 Juli 2027",
            row=2,
        ),
        Finding(
            FindingKind.ENTITY_ONLY_LEFT,
            _side(left, 0, "Istana Ciragan", "Istana Ciragan"),
            None,
            "Istana Ciragan only in the left report",
            row=2,
        ),
        Finding(
            FindingKind.ENTITY_ONLY_LEFT,
            _side(left, 2, "Vladimir Medinsky", "Vladimir Medinsky"),
            None,
            "Vladimir Medinsky only in the left report",
            row=5,
        ),
        Finding(
            FindingKind.CERTAINTY_CHANGE,
            _side(left, 4, "telah memulangkan", "done"),
            _side(right, 9, "berjanji untuk mengembalikan", "promised"),
            "certainty: 'telah memulangkan' (done) vs 'berjanji untuk mengembalikan' (promised)",
            row=8,
        ),
        Finding(
            FindingKind.ATTRIBUTION_CHANGE,
            _side(left, 6, "imbuhnya", "Vladimir Medinsky"),
            _side(right, 15, "Presiden masing-masing negara", "the presidents"),
            "attribution: imbuhnya (Medinsky) vs Presiden masing-masing negara",
            row=None,
        ),
        Finding(
            FindingKind.ENTITY_ONLY_LEFT,
            _side(left, 9, "Hakan Fidan", "Hakan Fidan"),
            None,
            "Hakan Fidan only in the left report",
            row=13,
        ),
    )
    return Comparison(left, right, 0.46, rows, findings)


def three_way() -> MultiComparison:
    """``001`` as the pivot against ``004`` and a lightly edited copy of itself.

    Laid out by the core's ``compare_many`` (so the app shows the core's table), with
    its pairwise ``compare`` standing in by the hand-built comparisons.
    """
    base = comparison_001_004()
    left = base.left
    copy_article = replace(
        left.article,
        path=left.article.path + "#copy",
        title="Copy of " + left.article.title,
        outlet="Kabar Wire",
    )
    copy = replace(left, article=copy_article)
    rows = tuple(
        Row(RowKind.SAME, (s.index,), (s.index,), 1.0) for s in left.sentences if not s.boilerplate
    )
    pairs = {id(base.right): base, id(copy): Comparison(left, copy, 1.0, rows, ())}
    with patch.object(multi, "compare", lambda pivot, other: pairs[id(other)]):
        return multi.compare_many([left, base.right, copy], pivot=0)


def synthetic_comparison(sentences: int) -> Comparison:
    """A generated pair of ``sentences`` sentences each, with ops, moves and findings."""
    words = "the delegation said talks would resume next week after the exchange of prisoners"
    lefts: list[str] = []
    rights: list[str] = []
    for index in range(sentences):
        lefts.append(f"{index} {words} {index * 7 % 1000}.")
        rights.append(f"{index} {words} {(index * 7 + (index % 5 == 0)) % 1000}.")
    left = _synthetic_document("left.txt", lefts)
    right = _synthetic_document("right.txt", rights)
    rows: list[Row] = []
    findings: list[Finding] = []
    for index in range(sentences):
        ls, rs = left.sentences[index], right.sentences[index]
        if index % 5 == 0:
            lo = left.text.rfind(" ", ls.start, ls.end) + 1
            ro = right.text.rfind(" ", rs.start, rs.end) + 1
            op = WordOp(
                OpKind.REPLACE,
                left.text[lo : ls.end - 1],
                right.text[ro : rs.end - 1],
                lo,
                ls.end - 1,
                ro,
                rs.end - 1,
            )
            rows.append(Row(RowKind.CHANGED, (index,), (index,), 0.9, (op,)))
            findings.append(
                Finding(
                    FindingKind.NUMBER_MISMATCH,
                    FindingSide(op.left, op.left, index, lo, ls.end - 1),
                    FindingSide(op.right, op.right, index, ro, rs.end - 1),
                    f"number: {op.left} vs {op.right}",
                    row=len(rows) - 1,
                )
            )
        elif index % 97 == 0:
            rows.append(Row(RowKind.LEFT_ONLY, (index,), (), 0.0))
            rows.append(Row(RowKind.RIGHT_ONLY, (), (index,), 0.0))
        else:
            rows.append(Row(RowKind.SAME, (index,), (index,), 1.0))
    return Comparison(left, right, 0.95, tuple(rows), tuple(findings))


def _synthetic_document(path: str, sentences: list[str]) -> Document:
    text = " ".join(sentences)
    out: list[Sentence] = []
    cursor = 0
    for index, sentence in enumerate(sentences):
        out.append(Sentence(index, cursor, cursor + len(sentence), paragraph=index // 5))
        cursor += len(sentence) + 1
    article = Article(path=path, text=text, title=path, language="en")
    return Document(article, tuple(out))


def synthetic_long_document(sentences: int) -> Document:
    """A long article: ``sentences`` sentences, five to a paragraph, a number span in each."""
    document = synthetic_comparison(sentences).left
    text = document.text
    spans = []
    for sentence in document.sentences:
        start = text.rfind(" ", sentence.start, sentence.end) + 1
        end = sentence.end - 1
        spans.append(
            Span(
                SpanKind.NUMBER,
                start,
                end,
                text[start:end],
                text[start:end],
                sentence=sentence.index,
            )
        )
    return replace(document, spans=tuple(spans))
