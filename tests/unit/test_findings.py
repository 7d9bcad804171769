"""Findings on small hand-made reports: each kind, what must not be a finding, order,
and the symmetry properties (A against A has none; B against A mirrors A against B)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.analyze import analyze_all
from newsdiff.core.compare import compare
from newsdiff.core.compare.findings import find_findings
from newsdiff.core.ingest import build_article, load
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import (
    Comparison,
    Document,
    Finding,
    FindingKind,
    OpKind,
    Row,
    RowKind,
    WordOp,
)
from tests.conftest import SAMPLES

CONTEXT_ID = [
    "Hujan deras mengguyur wilayah itu sejak Selasa malam hingga Rabu pagi.",
    "Warga diminta tetap waspada terhadap banjir susulan.",
]
CONTEXT_EN = [
    "Heavy rain had fallen on the region since Tuesday night.",
    "Residents were told to stay alert for more flooding.",
]

ONLY_SIDE = {
    FindingKind.ENTITY_ONLY_LEFT: FindingKind.ENTITY_ONLY_RIGHT,
    FindingKind.ENTITY_ONLY_RIGHT: FindingKind.ENTITY_ONLY_LEFT,
    FindingKind.NUMBER_ONLY_LEFT: FindingKind.NUMBER_ONLY_RIGHT,
    FindingKind.NUMBER_ONLY_RIGHT: FindingKind.NUMBER_ONLY_LEFT,
}


def documents(left: list[str], right: list[str]) -> list[Document]:
    """Two reports analysed together (as ``newsdiff compare`` does)."""
    articles = [
        build_article(RawRecord(text="\n\n".join(text) + "\n", source_format="text"), name)
        for name, text in (("left", left), ("right", right))
    ]
    return analyze_all(articles)


def compared(left: list[str], right: list[str], context: list[str] = CONTEXT_ID) -> Comparison:
    a, b = documents(left + context, right + context)
    return compare(a, b)


def kinds(comparison: Comparison) -> list[str]:
    return [f.kind.value for f in comparison.findings]


@pytest.mark.parametrize(
    ("left", "right", "context"),
    [
        (
            "Sebanyak 14 orang meninggal dunia akibat banjir di Bekasi.",
            "Sebanyak empat belas orang meninggal dunia akibat banjir di Bekasi.",
            CONTEXT_ID,
        ),
        (
            "Ketinggian air mencapai 1,5 meter di Kampung Melayu.",
            "Ketinggian air mencapai satu setengah meter di Kampung Melayu.",
            CONTEXT_ID,
        ),
        (
            "Bank itu membeli obligasi senilai Rp 1,2 triliun pekan ini.",
            "Bank itu membeli obligasi senilai Rp 1.200 miliar pekan ini.",
            CONTEXT_ID,
        ),
        (
            "Lebih dari 1.000 warga mengungsi ke gedung sekolah.",
            "Sebanyak 1.000 warga mengungsi ke gedung sekolah.",
            CONTEXT_ID,
        ),
        (
            "The epicentre was 35 km from the town of Cianjur.",
            "The epicentre was 35 kilometres from the town of Cianjur.",
            CONTEXT_EN,
        ),
    ],
    ids=["14=empat-belas", "1,5=satu-setengah", "triliun=miliar", "lebih-dari", "km=kilometres"],
)
def test_equal_values_written_differently_are_not_findings(
    left: str, right: str, context: list[str]
) -> None:
    assert compared([left], [right], context).findings == ()


def test_indonesian_and_english_numbers_and_dates_are_the_same_facts() -> None:
    a, b = documents(
        [
            "Sebanyak 1.000 tahanan dibebaskan pada Minggu (25/5/2025), kata Presiden "
            "Volodymyr Zelensky."
        ],
        ["As many as 1,000 prisoners were freed on Sunday, President Volodymyr Zelensky said."],
    )
    assert compare(a, b).findings == ()


def test_changed_count_of_the_same_noun_is_a_number_mismatch() -> None:
    comparison = compared(
        ["Banjir merendam 2.200 rumah di Bekasi."], ["Banjir merendam 2.500 rumah di Bekasi."]
    )
    (finding,) = comparison.findings
    assert finding.kind is FindingKind.NUMBER_MISMATCH and finding.row == 0
    assert (finding.left.text, finding.right.text) == ("2.200 rumah", "2.500 rumah")
    assert (finding.left.value, finding.right.value) == ("2200 rumah", "2500 rumah")
    text = comparison.left.text
    assert text[finding.left.start : finding.left.end] == finding.left.text
    assert "2.200 rumah" in finding.message and "2.500 rumah" in finding.message


def test_opposite_qualifiers_disagree_but_a_qualifier_alone_does_not() -> None:
    opposite = compared(
        ["More than 1,000 residents fled to the school buildings."],
        ["Fewer than 1,000 residents fled to the school buildings."],
        CONTEXT_EN,
    )
    assert kinds(opposite) == ["number_mismatch"]


def test_weekday_that_contradicts_its_date_is_a_date_mismatch() -> None:
    comparison = compared(
        ["Gempa terjadi pada Jumat (16/5/2025) pagi di Garut."],
        ["Gempa terjadi pada Selasa (16/5/2025) pagi di Garut."],
    )
    (finding,) = comparison.findings
    assert finding.kind is FindingKind.DATE_MISMATCH
    assert "Tuesday" in finding.message and "Friday" in finding.message


def test_pronoun_credit_goes_to_the_previous_named_speaker() -> None:
    comparison = compared(
        [
            "Menteri Sosial Tri Rismaharini mengatakan bantuan sudah dikirim ke lokasi.",
            "Bantuan itu berupa makanan dan selimut, imbuhnya.",
        ],
        [
            "Menteri Sosial Tri Rismaharini mengatakan bantuan sudah dikirim ke lokasi.",
            "Bantuan itu berupa makanan dan selimut, kata Bupati Bekasi Dani Ramdan.",
        ],
    )
    (credit,) = [f for f in comparison.findings if f.kind is FindingKind.ATTRIBUTION_CHANGE]
    assert credit.left.text == "imbuhnya" and credit.left.value == "Tri Rismaharini"
    assert credit.right.value == "Dani Ramdan"
    assert "Tri Rismaharini" in credit.message and "Dani Ramdan" in credit.message


def test_the_same_speaker_written_two_ways_is_no_change() -> None:
    comparison = compared(
        ["Gubernur Jawa Barat Ridwan Kamil mengatakan 162 orang meninggal dunia."],
        ["Sebanyak 162 orang meninggal dunia, kata Gubernur Jawa Barat Ridwan Kamil."],
    )
    assert comparison.findings == ()


@pytest.mark.parametrize(
    ("left", "right", "levels", "context"),
    [
        (
            "Rusia telah memulangkan 7.000 jenazah tentara Ukraina.",
            "Rusia berjanji untuk mengembalikan 7.000 jenazah tentara Ukraina.",
            ("done", "promised"),
            CONTEXT_ID,
        ),
        (
            "The ministry has approved the new dam near the river.",
            "The ministry may approve the new dam near the river.",
            ("done", "possible"),
            CONTEXT_EN,
        ),
        (
            "Authorities have evacuated the villages on the slopes.",
            "Authorities will evacuate the villages on the slopes.",
            ("done", "promised"),
            CONTEXT_EN,
        ),
    ],
    ids=["telah-berjanji", "has-may", "have-will"],
)
def test_certainty_changes(left: str, right: str, levels: tuple[str, str], context) -> None:
    comparison = compared([left], [right], context)
    (finding,) = comparison.findings
    assert finding.kind is FindingKind.CERTAINTY_CHANGE
    assert (finding.left.value, finding.right.value) == levels


@pytest.mark.parametrize(
    ("left", "right"),
    [
        (
            "Pemerintah telah membeli beras dari petani.",
            "Pemerintah sudah membeli beras dari petani.",
        ),
        (
            "Pemerintah tidak akan menaikkan harga beras.",
            "Pemerintah belum bisa menaikkan harga beras.",
        ),
        ("Presiden dijadwalkan meninjau lokasi banjir.", "Presiden akan meninjau lokasi banjir."),
    ],
    ids=["same-level", "negated", "both-planned"],
)
def test_no_certainty_change(left: str, right: str) -> None:
    assert compared([left], [right]).findings == ()


def test_a_different_place_in_the_same_slot_is_an_entity_mismatch() -> None:
    comparison = compared(
        ["The bridge in Surabaya collapsed after the heavy rain on Monday."],
        ["The bridge in Malang collapsed after the heavy rain on Monday."],
        CONTEXT_EN,
    )
    (finding,) = comparison.findings
    assert finding.kind is FindingKind.ENTITY_MISMATCH
    assert (finding.left.text, finding.right.text) == ("Surabaya", "Malang")


def test_a_name_one_side_lacks_is_one_finding_on_its_first_mention() -> None:
    comparison = compared(
        [
            "Relawan dari Bandung tiba di lokasi pada Rabu.",
            "Mereka membawa perahu karet dari Bandung.",
        ],
        ["Relawan tiba di lokasi pada Rabu.", "Mereka membawa perahu karet."],
    )
    (finding,) = comparison.findings
    assert finding.kind is FindingKind.ENTITY_ONLY_LEFT and finding.right is None
    assert finding.left.text == "Bandung" and finding.left.sentence == 0


def test_dateline_outlet_and_credit_lines_are_not_findings() -> None:
    body = ["Banjir merendam ratusan rumah di Bekasi pada Rabu (1/1/2025)."]
    comparison = compared(
        ["Bekasi (ANTARA) - " + body[0], "Pewarta: Budi Santoso", "Editor: Siti Aminah"], body
    )
    assert comparison.findings == ()


def test_findings_come_by_row_then_kind() -> None:
    comparison = compared(
        [
            "Banjir merendam 2.200 rumah di Bekasi.",
            "Relawan dari Bandung tiba di lokasi pada Rabu (1/1/2025).",
        ],
        [
            "Banjir merendam 2.500 rumah di Bekasi.",
            "Relawan tiba di lokasi pada Kamis (2/1/2025).",
        ],
        ["Warga diminta tetap waspada terhadap banjir susulan."],  # no other dates
    )
    order = list(FindingKind)
    keys = [(f.row, order.index(f.kind)) for f in comparison.findings]
    assert keys == sorted(keys)
    assert kinds(comparison) == ["number_mismatch", "date_mismatch", "entity_only_left"]


def _where(side) -> tuple | None:
    return None if side is None else (side.start, side.end, side.value)


def _mirrored(finding: Finding) -> tuple:
    """A finding of B against A, as it reads in A against B."""
    return (ONLY_SIDE.get(finding.kind, finding.kind), _where(finding.right), _where(finding.left))


def _plain(finding: Finding) -> tuple:
    return (finding.kind, _where(finding.left), _where(finding.right))


@pytest.fixture(scope="module")
def samples() -> list[Document]:
    return analyze_all(load([str(SAMPLES)]).articles)


def test_a_report_against_itself_has_no_findings(samples: list[Document]) -> None:
    for document in samples:
        assert compare(document, document).findings == ()


def test_swapping_the_reports_mirrors_the_findings(samples: list[Document]) -> None:
    for a in samples:
        for b in samples:
            forward = {_plain(f) for f in compare(a, b).findings}
            backward = {_mirrored(f) for f in compare(b, a).findings}
            assert forward == backward, (a.article.path, b.article.path)


def _mirror_rows(rows: tuple[Row, ...]) -> tuple[Row, ...]:
    """The rows of the comparison the other way round: sides, one-sided kinds, ops."""
    kind = {RowKind.LEFT_ONLY: RowKind.RIGHT_ONLY, RowKind.RIGHT_ONLY: RowKind.LEFT_ONLY}
    op_kind = {OpKind.DELETE: OpKind.INSERT, OpKind.INSERT: OpKind.DELETE}
    return tuple(
        replace(
            row,
            kind=kind.get(row.kind, row.kind),
            left=row.right,
            right=row.left,
            ops=tuple(
                WordOp(
                    op_kind.get(op.op, op.op),
                    op.right,
                    op.left,
                    op.right_start,
                    op.right_end,
                    op.left_start,
                    op.left_end,
                )
                for op in row.ops
            ),
        )
        for row in rows
    )


def _rewrite(text: str, seed: int) -> str:
    """The report shuffled, with some numbers changed: a rewrite with findings."""
    rng = random.Random(seed)
    paragraphs = [p for p in text.split("\n") if p.strip()]
    rng.shuffle(paragraphs)
    words = "\n\n".join(paragraphs).split(" ")
    for k, word in enumerate(words):
        if word.isdigit() and rng.random() < 0.5:
            words[k] = str(int(word) + rng.randint(1, 9))
    return " ".join(words) + "\n"


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=0, max_value=10_000), st.integers(min_value=0, max_value=7))
def test_findings_mirror_when_the_rows_do(seed: int, which: int) -> None:
    """The findings stage itself is symmetric: given the mirrored rows of a comparison,
    it finds the mirrored findings (alignment's own symmetry is tested elsewhere)."""
    original = load([str(sorted(SAMPLES.iterdir())[which])]).articles[0]
    rewrite = build_article(
        RawRecord(text=_rewrite(original.text, seed), source_format="text"), "rewrite"
    )
    a, b = analyze_all([original, rewrite])
    comparison = compare(a, b)
    forward = {_plain(f) for f in comparison.findings}
    backward = {_mirrored(f) for f in find_findings(b, a, _mirror_rows(comparison.rows))}
    assert forward == backward
    assert compare(b, b).findings == ()


_PIECES = [
    "kata",
    "ujar",
    "imbuhnya",
    "katanya",
    "menurut",
    "Menurut",
    "Dia",
    "mengatakan",
    "said",
    "according to",
    "he said",
    "it said",
    ",",
    ".",
    '"',
    "“",
    "”",
    "(",
    ")",
    "telah",
    "sudah",
    "akan",
    "siap",
    "berjanji untuk",
    "bisa",
    "mungkin",
    "tidak",
    "belum",
    "has",
    "have",
    "was",
    "will",
    "may",
    "could",
    "not",
    "evacuated",
    "raised",
    "raise",
    "12",
    "1.200",
    "1,200",
    "lebih dari",
    "sekitar",
    "orang",
    "rumah",
    "people",
    "km",
    "Rabu (23/7)",
    "23 Juli 2027",
    "Sunday",
    "pukul 03.00 WIB",
    "Jakarta",
    "Bandung",
    "Presiden",
    "Joko Widodo",
    "Menteri Luar Negeri",
    "Hakan Fidan",
    "(BNPB)",
    "sesegera",
]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), min_size=1, max_size=5),
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=14), min_size=1, max_size=5),
)
def test_any_jumble_of_cues_markers_and_values_gives_well_formed_findings(left, right) -> None:
    a, b = documents(
        [" ".join(words) + "." for words in left], [" ".join(words) + "." for words in right]
    )
    comparison = compare(a, b)
    for finding in comparison.findings:
        assert finding.left is not None or finding.right is not None
        assert finding.message and "\n" not in finding.message
        assert finding.row is None or 0 <= finding.row < len(comparison.rows)
        for side, document in ((finding.left, a), (finding.right, b)):
            if side is not None:
                assert document.text[side.start : side.end] == side.text
                assert document.sentences[side.sentence].start <= side.start
