"""HTML pages: structure kept as lines, headline not repeated, site names trimmed."""

from __future__ import annotations

import pytest

from newsdiff.core.analyze import sentences_of
from newsdiff.core.ingest import read_bytes
from newsdiff.core.ingest.html import clean_authors, clean_title
from newsdiff.core.model import Article, BoilerplateReason, Problem

PAGE = """<!doctype html>
<html lang="id"><head>
<meta charset="utf-8">
<title>Rusia dan Ukraina sepakat bertukar tahanan | Kabar Harian</title>
<meta property="og:site_name" content="Kabar Harian">
<meta name="author" content="Budi Santoso">
<meta property="article:published_time" content="2025-05-16T21:40:00+07:00">
</head><body>
<nav><a href="/">Beranda</a> | <a href="/dunia">Dunia</a> | <a href="/olahraga">Olahraga</a></nav>
<article>
<h1>Rusia dan Ukraina sepakat bertukar tahanan</h1>
<p>Istanbul (ANTARA) - Delegasi Rusia dan Ukraina menyelesaikan perundingan mereka di
Istanbul, Turkiye, pada Jumat (16/5), dan sepakat menukar 1.000 tahanan.</p>
<h2>Pertukaran terbesar</h2>
<p>Menteri Pertahanan Ukraina Rustem Umerov menyebut kesepakatan itu sebagai pertukaran
terbesar sejak perang dimulai. Ia berkata daftar nama akan segera disusun.</p>
<ul><li>Tahanan militer akan didahulukan.</li><li>Tahanan sipil menyusul kemudian.</li></ul>
<p>Baca juga: Rusia dapat berikan dukungan militer kepada Korea Utara</p>
<p>Pembicaraan langsung terakhir diadakan di Istanbul pada Maret 2022, ketika kedua pihak
gagal mencapai kesepakatan untuk menghentikan pertempuran.</p>
</article>
<footer>Copyright © Kabar Harian 2025. Hak cipta dilindungi.</footer>
</body></html>
"""


def load_page(html: str | bytes, name: str = "page.html") -> Article:
    data = html.encode("utf-8") if isinstance(html, str) else html
    (result,) = read_bytes(data, name)
    assert isinstance(result, Article), result
    return result


def test_main_text_and_metadata_are_extracted() -> None:
    article = load_page(PAGE)
    assert article.source_format == "html"
    assert article.title == "Rusia dan Ukraina sepakat bertukar tahanan"
    assert not article.title_derived
    assert article.outlet == "Kabar Harian"
    assert article.byline == "Budi Santoso"
    assert article.published == "2025-05-16"
    assert article.language == "id"
    assert "Beranda" not in article.text  # navigation left out


def test_paragraphs_headings_and_list_items_become_lines() -> None:
    article = load_page(PAGE)
    lines = article.text.split("\n")
    assert lines[0].startswith("Istanbul (ANTARA) - Delegasi")  # headline not repeated
    assert "Pertukaran terbesar" in lines
    assert any(line.endswith("Tahanan militer akan didahulukan.") for line in lines)
    # The heading is its own sentence, marked as one, and does not swallow the next line.
    sentences = sentences_of(article)
    heading = [s for s in sentences if article.text[s.start : s.end] == "Pertukaran terbesar"]
    assert len(heading) == 1 and heading[0].heading


def test_the_dateline_and_boilerplate_of_the_body_are_read() -> None:
    article = load_page(PAGE)
    assert article.place == "Istanbul"
    reasons = {article.text[r.start : r.end].split(":")[0]: r.reason for r in article.boilerplate}
    assert reasons.get("Baca juga") == BoilerplateReason.READ_ALSO


def test_a_declared_windows_1252_page_is_decoded() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("perang dimulai", "perang dimulai “hari itu” – kata dia")
    article = load_page(page.encode("cp1252"))
    assert "“hari itu” – kata dia" in article.text


@pytest.mark.parametrize(
    ("html", "reason"),
    [
        ("<html><body><div><p", "no article text"),
        ("<html><head><title>Only a title</title></head><body></body></html>", "no article"),
        ("<<<>>> <!-- -->", "no article text"),
    ],
)
def test_pages_without_an_article_are_problems(html: str, reason: str) -> None:
    (result,) = read_bytes(html.encode(), "broken.html")
    assert isinstance(result, Problem) and result.path == "broken.html"
    assert reason in result.reason


@pytest.mark.parametrize(
    ("title", "site", "host", "expected"),
    [
        (
            "Steigende US-Zinsen setzen Dax zu | Börsen-Zeitung",
            "Börsen-Zeitung",
            None,
            "Steigende US-Zinsen setzen Dax zu",
        ),
        (
            "Post-Vac-Syndrom: Was wissen wir? – DW – 13.06.2023",
            "Deutsche Welle",
            "dw.com",
            "Post-Vac-Syndrom: Was wissen wir?",
        ),
        (
            "Samsung soll Smartphones zerstören - Golem.de",
            "Golemredaktion",
            "golem.de",
            "Samsung soll Smartphones zerstören",
        ),
        (
            "Bennett: Ich bin nicht dein Ball - Israel Nachrichten - Chadashoth",
            "Israel Nachrichten - Chadashoth",
            None,
            "Bennett: Ich bin nicht dein Ball",
        ),
        # A dash inside the headline itself stays.
        (
            "Bericht: Aktivistin getötet - Irans Justiz dementiert",
            "Mitteldeutsche Zeitung",
            "mz.de",
            "Bericht: Aktivistin getötet - Irans Justiz dementiert",
        ),
        ("Harga beras naik - BPS", "Kabar Harian", "kabar.id", "Harga beras naik - BPS"),
    ],
)
def test_site_names_are_trimmed_from_titles(
    title: str, site: str, host: str | None, expected: str
) -> None:
    assert clean_title(title, site, host) == expected


@pytest.mark.parametrize(
    ("authors", "site", "expected"),
    [
        ("Emma Mackenzie; Emma-Mackenzie", "The Mirror", "Emma Mackenzie"),
        ("Heise Online; Dirk Knop", "heise online", "Dirk Knop"),
        ("Associated Press", "Associated Press", "Associated Press"),  # the only credit
        ("Autor Monika Bolliger; Anna Trechsel", "SRF", "Monika Bolliger, Anna Trechsel"),
        ("", "X", None),
    ],
)
def test_author_lists_are_cleaned(authors: str, site: str, expected: str | None) -> None:
    assert clean_authors(authors, site, None) == expected
