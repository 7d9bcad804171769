"""Boilerplate is marked, never deleted: the samples' teasers, credits and notices."""

from __future__ import annotations

import pytest

from newsdiff.core.analyze import sentences_of
from newsdiff.core.ingest import load
from newsdiff.core.ingest.boilerplate import find_boilerplate
from newsdiff.core.model import Article, BoilerplateReason
from tests.conftest import sample

R = BoilerplateReason


def marked(article: Article) -> list[tuple[str, BoilerplateReason]]:
    return [(article.text[r.start : r.end], r.reason) for r in article.boilerplate]


def load_sample(prefix: str) -> Article:
    (article,) = load([str(sample(prefix))]).articles
    return article


def test_sample_000_repeated_caption_closing_mark_and_read_also() -> None:
    article = load_sample("000")
    assert marked(article) == [
        (
            "Delegasi Rusia dan Ukraina menyelesaikan perundingan mereka di Istanbul, "
            "Turkiye, pada Jumat (16/5),",
            R.REPEATED,
        ),
        ("Selesai", R.CLOSING),
        (
            "Baca juga: Rusia dapat berikan dukungan militer kepada Korea Utara 'jika diperlukan'",
            R.READ_ALSO,
        ),
        (
            "Baca juga: Prabowo Subianto-Manturov jadi momentum dorong dialog tingkat "
            "tinggi RI-Rusia",
            R.READ_ALSO,
        ),
    ]
    # "Selesai" becomes a boilerplate sentence of its own; the sentence before it stays.
    sentences = [(article.text[s.start : s.end], s.boilerplate) for s in sentences_of(article)]
    content = [text for text, boilerplate in sentences if not boilerplate]
    assert content[-1].endswith("untuk menghentikan pertempuran.")
    assert ("Selesai", True) in sentences
    assert article.text.endswith("tinggi RI-Rusia")  # nothing deleted


def test_sample_001_credits_copyright_and_crawling_notice() -> None:
    article = load_sample("001")
    assert marked(article) == [
        ("Pewarta: Xinhua", R.CREDIT),
        ("Editor: M Razi Rahman", R.CREDIT),
        ("Copyright © ANTARA 2025", R.COPYRIGHT),
        (
            "Dilarang keras mengambil konten, melakukan crawling atau pengindeksan otomatis "
            "untuk AI di situs web ini tanpa izin tertulis dari Kantor Berita ANTARA.",
            R.COPYRIGHT,
        ),
    ]


def test_sample_002_source_editor_line_and_read_also() -> None:
    article = load_sample("002")
    assert marked(article) == [
        ("Sumber: Anadolu Agency | Editor: Handoyo", R.CREDIT),
        (
            "Baca Juga: Putin: Rusia Akan Ambil Langkah Balasan Jika AS Lanjutkan Uji Coba Nuklir",
            R.READ_ALSO,
        ),
        (
            "Baca Juga: Hubungan Ekonomi China–Rusia Tetap Solid Meski Dihantam Tekanan AS "
            "dan Sanksi Barat",
            R.READ_ALSO,
        ),
    ]


@pytest.mark.parametrize("prefix", ["003", "004", "006"])
def test_rewrites_without_boilerplate_have_none(prefix: str) -> None:
    assert load_sample(prefix).boilerplate == ()


def test_english_and_team_samples() -> None:
    assert marked(load_sample("005")) == [("Editing by Maya Lestari", R.CREDIT)]
    assert [reason for _, reason in marked(load_sample("007"))] == [
        R.READ_ALSO,
        R.CREDIT,
        R.CREDIT,
    ]


def test_boilerplate_sentences_are_flagged_and_offsets_stay_exact() -> None:
    for prefix in ("000", "001", "002"):
        article = load_sample(prefix)
        for region in article.boilerplate:
            assert article.text[region.start : region.end].strip()
        flagged = [s for s in sentences_of(article) if s.boilerplate]
        assert flagged and all(article.is_boilerplate(s.start, s.end) for s in flagged)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Baca juga: Harga beras naik", R.READ_ALSO),
        ("BACA JUGA: Harga beras naik", R.READ_ALSO),
        ("Simak juga: video terbaru", R.READ_ALSO),
        ("Read also: Rice prices rise", R.READ_ALSO),
        ("Editor: Handoyo", R.CREDIT),
        ("(Reporting by Jane Doe; Editing by John Roe)", R.CREDIT),
        ("Penulis: Budi | Editor: Ani", R.CREDIT),
        ("© 2025 Kabar Harian. All rights reserved.", R.COPYRIGHT),
        ("Hak cipta dilindungi undang-undang.", R.COPYRIGHT),
        ("Advertisement", R.NAVIGATION),
        ("Selesai", R.CLOSING),
        ("(END)", R.CLOSING),
    ],
)
def test_line_kinds(line: str, reason: BoilerplateReason) -> None:
    text = f"Jakarta - Berita utama ditulis di sini dengan panjang.\n{line}\nKalimat penutup."
    regions = find_boilerplate(text)
    assert [(text[r.start : r.end], r.reason) for r in regions] == [(line, reason)]


@pytest.mark.parametrize(
    "line",
    [
        "Editor senior itu mengatakan bahwa harga akan naik: semua setuju.",  # no label colon
        "Sumber daya alam Indonesia sangat kaya dan beragam di setiap pulau.",
        "Kata dia, pekerjaan itu selesai",  # "selesai" as a word, not the mark
        "Copyright law was the subject of a long debate in parliament this week, with "
        + "members arguing over every clause of the bill for hours. " * 8,
    ],
)
def test_prose_is_not_boilerplate(line: str) -> None:
    text = f"Jakarta - Berita utama ditulis di sini dengan panjang.\n{line}"
    assert find_boilerplate(text) == ()


def test_notices_are_found_whatever_the_case_and_script() -> None:
    text = (
        "Jakarta (ANTARA) - Warga İstanbul dan Jakarta bertemu di balai kota pada Senin.\n"
        "COPYRIGHT © Kantor Berita 2025\n"
        "Hak Cipta dilindungi undang-undang.\n"
        "Ha\u212a cipta pada penerbit."  # a Kelvin sign lowers to "k"
    )
    reasons = [(text[r.start : r.end][:9], r.reason) for r in find_boilerplate(text)]
    assert reasons == [
        ("COPYRIGHT", R.COPYRIGHT),
        ("Hak Cipta", R.COPYRIGHT),
        ("Ha\u212a cipta", R.COPYRIGHT),
    ]
