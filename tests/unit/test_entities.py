"""Entity extraction: titles, datelines, lists, acronyms, memory, and the invariants."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.analyze import analyze, analyze_all, sentences_of
from newsdiff.core.analyze.extract.entities import find_entity_spans, find_entity_spans_with
from newsdiff.core.analyze.extract.memory import KnownName
from newsdiff.core.analyze.extract.tagger import available, model_path
from newsdiff.core.ingest import load, read_bytes
from newsdiff.core.model import ENTITY_KINDS, Article, SpanKind
from tests.conftest import SAMPLES, sample


def article(text: str, language: str | None = None) -> Article:
    (found,) = read_bytes(text.encode("utf-8"), "test.txt")
    assert isinstance(found, Article)
    if language is not None:
        from dataclasses import replace

        found = replace(found, language=language)
    return found


def entities(text: str, language: str | None = None, **kwargs) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    a = article(text, language)
    return [
        (s.kind.value, s.text, s.value)
        for s in find_entity_spans_with(a, sentences_of(a), **kwargs)
    ]


def test_title_then_qualifier_then_name() -> None:
    found = entities(
        "Dalam sebuah unggahan, Menteri Luar Negeri Turkiye Hakan Fidan menyatakan bahwa "
        "perundingan itu penting bagi kedua negara."
    )
    assert ("PERSON", "Hakan Fidan", "Hakan Fidan") in found
    assert ("PLACE", "Turkiye", "Turkey") in found
    assert all(text not in {"Dalam", "Menteri", "Luar Negeri"} for _, text, _ in found)


def test_long_qualifier_is_an_organisation_and_the_rest_a_person() -> None:
    found = entities(
        "Sekretaris Dewan Keamanan dan Pertahanan Nasional Ukraina Rustem Umerov memimpin "
        "delegasi itu ke Istanbul."
    )
    assert ("ORG", "Dewan Keamanan dan Pertahanan Nasional Ukraina") in [f[:2] for f in found]
    assert ("PERSON", "Rustem Umerov", "Rustem Umerov") in found
    assert ("PLACE", "Istanbul", "Istanbul") in found


def test_dateline_gives_a_place_and_an_organisation() -> None:
    text = "Istanbul (ANTARA) - Delegasi Rusia dan Ukraina bertemu lagi pada hari itu.\n"
    a = article(text)
    assert a.dateline is not None
    found = [(s.kind, s.text) for s in find_entity_spans(a, sentences_of(a))]
    assert found[:2] == [(SpanKind.PLACE, "Istanbul"), (SpanKind.ORG, "ANTARA")]
    assert (SpanKind.PLACE, "Rusia") in found and (SpanKind.PLACE, "Ukraina") in found


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("Turkiye", "Turkey"),
        ("Türkiye", "Turkey"),
        ("Turki", "Turkey"),
        ("Amerika Serikat", "United States"),
        ("Moskow", "Moscow"),
        ("Kiev", "Kyiv"),
    ],
)
def test_aliases_share_one_canonical_value(alias: str, canonical: str) -> None:
    found = entities(f"Delegasi itu tiba di {alias} pada pagi hari bersama para pejabat.")
    assert ("PLACE", alias, canonical) in found


def test_capital_acronym_only_matches_in_capitals() -> None:
    found = entities("Para pejabat AS tiba di Jakarta, sementara pejabat lain menunggu.")
    assert ("PLACE", "AS", "United States") in found
    english = entities("The talks went on as planned in Jakarta, officials said.", "en")
    assert all(text.casefold() != "as" for _, text, _ in english)


def test_acronym_and_its_expansion_share_a_value() -> None:
    found = entities(
        "Lembaga Kajian Pangan Nusantara (LKPN) mencatat kenaikan harga. "
        "Menurut LKPN, harga beras naik lagi bulan ini."
    )
    values = {text: value for _, text, value in found}
    assert values["LKPN"] == "Lembaga Kajian Pangan Nusantara"
    assert values["Lembaga Kajian Pangan Nusantara"] == "Lembaga Kajian Pangan Nusantara"


def test_common_noun_acronyms_and_sentence_starts_are_not_entities() -> None:
    found = entities(
        "Menurut para pejabat, konferensi tingkat tinggi (KTT) akan digelar di Bali. "
        "Sementara itu, Selesai."
    )
    texts = {text for _, text, _ in found}
    assert "KTT" not in texts and "Menurut" not in texts and "Sementara" not in texts
    assert "Bali" in texts


def test_headline_words_are_not_names() -> None:
    found = entities("Pembahasan Pertukaran Tahanan Rusia dan Ukraina\nIsi berita ini.")
    assert {text for _, text, _ in found} == {"Rusia", "Ukraina"}


def test_names_joined_by_a_hyphen_are_split() -> None:
    found = entities("Baca juga: Prabowo Subianto-Manturov dorong dialog tingkat tinggi RI-Rusia")
    assert ("PERSON", "Prabowo Subianto", "Prabowo Subianto") in found
    assert ("PERSON", "Manturov", "Denis Manturov") in found
    assert ("PLACE", "RI", "Indonesia") in found and ("PLACE", "Rusia", "Russia") in found


def test_credit_lines_name_people_and_agencies() -> None:
    found = entities(
        "Para pejabat bertemu di Jakarta pada hari itu.\nPewarta: Xinhua\nEditor: Rina Kusuma\n"
    )
    assert ("ORG", "Xinhua", "Xinhua") in found
    assert ("PERSON", "Rina Kusuma", "Rina Kusuma") in found


def test_english_rules_find_people_and_agencies() -> None:
    found = entities(
        "The volcano erupted, said Abdul Muhari, a spokesman for the National Disaster "
        "Mitigation Agency (BNPB). Muhari told reporters in Jakarta that rescue teams "
        "were searching.",
        "en",
    )
    assert ("PERSON", "Abdul Muhari", "Abdul Muhari") in found
    assert ("PERSON", "Muhari", "Abdul Muhari") in found
    bnpb = "Badan Nasional Penanggulangan Bencana"
    assert ("ORG", "National Disaster Mitigation Agency", bnpb) in found
    assert ("ORG", "BNPB", bnpb) in found
    assert ("PLACE", "Jakarta", "Jakarta") in found


def test_a_surname_later_in_the_report_gets_the_full_name() -> None:
    found = entities(
        "Juru bicara Taras Hrytsenko menyampaikan pernyataan itu. Hrytsenko menambahkan "
        "bahwa pertemuan berikutnya digelar pekan depan."
    )
    assert ("PERSON", "Hrytsenko", "Taras Hrytsenko") in found


def test_a_name_found_in_one_report_is_known_in_the_others() -> None:
    first = article("Juru bicara Taras Hrytsenko menyampaikan pernyataan itu kepada wartawan.")
    second = article("Menurut pejabat itu, perundingan berlanjut. Hrytsenko tidak hadir di sana.")
    alone = [s for s in analyze(second).spans if s.text == "Hrytsenko"]
    assert not alone or alone[0].value == "Hrytsenko"
    _, together = analyze_all([first, second])
    (span,) = [s for s in together.spans if s.text == "Hrytsenko"]
    assert span.kind == SpanKind.PERSON and span.value == "Taras Hrytsenko"


def test_known_names_may_be_given_with_or_without_a_kind() -> None:
    a = article("Menurut pejabat itu, perundingan berlanjut. Hrytsenko tidak hadir di sana.")
    for known in (KnownName(SpanKind.PERSON, "Taras Hrytsenko"), "Taras Hrytsenko"):
        spans = find_entity_spans(a, sentences_of(a), [known])
        assert [(s.kind, s.value) for s in spans if s.text == "Hrytsenko"] == [
            (SpanKind.PERSON, "Taras Hrytsenko")
        ]


def test_rules_alone_still_find_the_seed_names() -> None:
    (seed,) = load([str(sample("000"))]).articles
    found = {
        (s.kind, s.value) for s in find_entity_spans_with(seed, sentences_of(seed), tagger=False)
    }
    for name in ("Vladimir Medinsky", "Rustem Umerov", "Hakan Fidan", "Vladimir Putin"):
        assert (SpanKind.PERSON, name) in found
    assert (SpanKind.ORG, "Anadolu Agency") in found and (SpanKind.PLACE, "Turkey") in found


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.txt")), ids=lambda p: p.name[:3])
def test_spans_are_exact_ordered_and_disjoint(path: Path) -> None:
    (a,) = load([str(path)]).articles
    document = analyze(a)
    previous_end = 0
    for span in document.spans:
        assert a.text[span.start : span.end] == span.text
        assert span.start >= previous_end
        previous_end = span.end
        if span.kind in ENTITY_KINDS:
            assert span.value and span.sentence >= 0


def test_the_tagger_ships_small_and_loads() -> None:
    path = model_path()
    assert path is not None and available()
    assert Path(path).stat().st_size < 5_000_000
    notice = Path(path).with_name("README.md").read_text(encoding="utf-8")
    assert "Apache-2.0" in notice and "MIT" in notice


def test_a_long_known_name_is_not_cut_into_the_taggers_pieces() -> None:
    found = entities(
        "Ia mengatakan Badan Meteorologi, Klimatologi, dan Geofisika (BMKG) memperkirakan "
        "hujan lebat masih akan terjadi hingga pekan depan."
    )
    name = "Badan Meteorologi, Klimatologi, dan Geofisika"
    assert ("ORG", name, name) in found
    assert ("ORG", "BMKG", name) in found


PIECES = [
    "Presiden",
    "Vladimir",
    "Putin",
    "Menteri",
    "Luar",
    "Negeri",
    "Turkiye",
    "(ANTARA)",
    "Badan",
    "Pusat",
    "Statistik",
    "(BPS)",
    "BPS",
    "dan",
    "di",
    "Jakarta",
    "-",
    "–",
    ",",
    ".",
    ":",
    '"',
    "“",
    "”",
    "'",
    "(",
    ")",
    "RI-Rusia",
    "Subianto-Manturov",
    "Editor:",
    "Pewarta:",
    "kata",
    "said",
    "Mount",
    "airport",
    "Agency",
    "Kabupaten",
    "X",
    "KTT",
    "1.000",
    "Jumat",
    "(16/5)",
    "\n",
    "\n\n",
    "Dalam",
    "The",
    "ÉCOLE",
    "İstanbul",
    "ß",
    "\u200e",
    "\x1b[31m",
    "a@b.co",
    "...",
    "U.S.",
    "van",
    "der",
    "Leyen",
]


@given(st.lists(st.sampled_from(PIECES), max_size=60), st.sampled_from(["id", "en", "und"]))
@settings(max_examples=150, deadline=None)
def test_any_mix_of_name_pieces_gives_consistent_spans(pieces: list[str], language: str) -> None:
    text = " ".join(pieces)
    a = Article(path="fuzz", text=text, title="", language=language)
    spans = find_entity_spans(a, sentences_of(a))
    previous_end = 0
    for span in sorted(spans, key=lambda s: s.start):
        assert a.text[span.start : span.end] == span.text
        assert span.start >= previous_end and span.end > span.start
        assert span.value.strip() == span.value and span.value
        previous_end = span.end
