"""Metadata read from the text itself: every sample, and dateline/credit variants."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsdiff.core.ingest import load, read_bytes
from newsdiff.core.ingest import metadata as metadata_module
from newsdiff.core.ingest.metadata import derive_title, read_metadata
from newsdiff.core.model import Article
from tests.conftest import sample

TODAY = dt.date(2026, 11, 21)


@pytest.fixture(autouse=True)
def pinned_today(monkeypatch: pytest.MonkeyPatch) -> None:
    """A weekday fixes a missing year relative to today: pin today so tests never drift."""
    monkeypatch.setattr(metadata_module, "current_date", lambda: TODAY)


SAMPLE_METADATA: dict[str, dict[str, Any]] = {
    "000": {
        "outlet": "ANTARA",
        "place": "Istanbul",
        # "Jumat (16/5)" and no year in the text: the latest 16 May that was a Friday.
        "published": "2025-05-16",
        "language": "id",
        "byline": None,
        "editor": None,
        "agency": None,
        "title_derived": True,
    },
    "001": {
        "outlet": "ANTARA",
        "place": "Istanbul",
        # "Rabu (23/7)" with the year from "Copyright © ANTARA 2025".
        "published": "2025-07-23",
        "language": "id",
        "byline": "Xinhua",
        "editor": "M Razi Rahman",
        "agency": "Xinhua",
        "title_derived": True,
    },
    "002": {
        "outlet": "KONTAN",
        "place": "Istanbul",
        "published": None,  # only "pada Senin", "Agustus lalu": no date the text fixes
        "language": "id",
        "byline": None,
        "editor": "Handoyo",
        "agency": "Anadolu Agency",
        "title_derived": True,
    },
    "003": {
        "outlet": None,
        "place": None,
        "published": None,  # "Pada hari Jumat" only
        "language": "id",
        "byline": None,
        "editor": None,
        "agency": None,
        "title_derived": True,
    },
    "004": {
        "outlet": None,
        "place": None,
        "published": "2027-07-23",  # "pada tanggal 23 Juli 2027": what the text says
        "language": "id",
        "byline": None,
        "editor": None,
        "agency": None,
        "title_derived": True,
    },
    "005": {
        "outlet": "Kabar Wire",
        "place": "Larantuka",
        "published": None,  # "on Sunday", "on Monday" only
        "language": "en",
        "byline": None,
        "editor": "Maya Lestari",
        "agency": None,
        "title_derived": True,
    },
    "006": {
        "outlet": None,
        "place": None,
        "published": None,
        "language": "en",
        "byline": None,
        "editor": None,
        "agency": None,
        "title_derived": False,
    },
    "007": {
        "outlet": "Warta Ekonomi Nusantara",
        "place": "Jakarta",
        "published": "2024-11-01",  # "Jumat (1/11)" with "Oktober 2024" in the lead
        "language": "id",
        "byline": "Warta Ekonomi Nusantara",  # "Pewarta: Warta Ekonomi Nusantara"
        "editor": "Rina Kusuma",
        "agency": None,
        "title_derived": True,
    },
}

SAMPLE_TITLES = {
    "000": "Delegasi Rusia dan Ukraina menyelesaikan perundingan mereka di Istanbul",
    "001": "Delegasi Rusia dan Ukraina menggelar perundingan damai putaran ketiga",
    "002": "Kremlin menyampaikan pada Senin bahwa Rusia menginginkan pertemuan",
    "003": "Pada hari Jumat, terjadi kemajuan kecil dalam diplomasi",
    "004": "Situasi konflik antara negara-negara tersebut terus menjadi sorotan global",
    "005": "Mount Lewotobi Laki-laki on the eastern Indonesian island of Flores erupted",
    "006": "Volcano on Flores kills nine as thousands flee",
    "007": "Badan Pusat Statistik (BPS) mencatat inflasi tahunan Indonesia",
}


def load_sample(prefix: str) -> Article:
    result = load([str(sample(prefix))])
    assert result.problems == ()
    (article,) = result.articles
    return article


@pytest.mark.parametrize("prefix", sorted(SAMPLE_METADATA))
def test_sample_metadata(prefix: str) -> None:
    article = load_sample(prefix)
    got = {field: getattr(article, field) for field in SAMPLE_METADATA[prefix]}
    assert got == SAMPLE_METADATA[prefix]
    assert article.title.startswith(SAMPLE_TITLES[prefix])
    assert len(article.title) <= 91


def test_sample_datelines_cover_exactly_the_prefix() -> None:
    expected = {
        "000": "Istanbul (ANTARA) - ",
        "001": "Istanbul (ANTARA) - ",
        "002": "KONTAN.CO.ID - ISTANBUL. ",
        "005": "LARANTUKA, Indonesia (Kabar Wire) - ",
        "007": "Jakarta (Warta Ekonomi Nusantara) - ",
    }
    for prefix in SAMPLE_METADATA:
        article = load_sample(prefix)
        dateline = article.dateline and article.text[article.dateline[0] : article.dateline[1]]
        assert dateline == expected.get(prefix), prefix


def first(text: str) -> Article:
    (article,) = read_bytes(text.encode(), "a.txt")
    assert isinstance(article, Article), article
    return article


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "WASHINGTON (Reuters) - The U.S. Senate passed the bill on Tuesday.\nMore.",
            {"place": "Washington", "outlet": "Reuters", "published": None},
        ),
        (
            "LONDON — Britain's economy grew faster than expected in the third quarter.\nMore.",
            {"place": "London", "outlet": None},
        ),
        (
            "By Jane Doe\n\nWASHINGTON (AP) — The president signed the law on Friday.\nMore.",
            {"place": "Washington", "outlet": "AP", "byline": "Jane Doe"},
        ),
        (
            "By Jane Doe and John Roe, Reuters\n"
            "NEW YORK, March 3, 2025 (Reuters) - Stocks fell sharply on Monday.\nMore.",
            {
                "place": "New York",
                "outlet": "Reuters",
                "byline": "Jane Doe, John Roe",
                "agency": "Reuters",
                "published": "2025-03-03",
            },
        ),
        (
            "GAZA CITY, Gaza Strip (AP) — Israeli strikes hit the city overnight.\nMore.",
            {"place": "Gaza City", "outlet": "AP"},
        ),
        (
            "JAKARTA, KOMPAS.com - Presiden meresmikan jalan tol pada Senin (3/3/2025).\nLagi.",
            {"place": "Jakarta", "outlet": "KOMPAS", "published": "2025-03-03"},
        ),
        (
            "TEMPO.CO, Jakarta - Menteri Keuangan mengumumkan kebijakan baru pada Selasa.\nLagi.",
            {"place": "Jakarta", "outlet": "TEMPO"},
        ),
        (
            "JAKARTA, 16 Mei 2025 (ANTARA) - Presiden melantik menteri baru.\nLagi.",
            {"place": "Jakarta", "outlet": "ANTARA", "published": "2025-05-16"},
        ),
        (
            "Jakarta, 16 Mei 2025\nPresiden mengumumkan kabinet baru di Istana hari ini.\nLagi.",
            {
                "published": "2025-05-16",
                "title": "Presiden mengumumkan kabinet baru di Istana hari ini.",
            },
        ),
        (
            "By the end of the year, the company expects to hire 200 more workers.\nMore.",
            {"byline": None, "place": None},
        ),
        (
            "NATO allies met in Brussels on Thursday to discuss spending.\nMore.",
            {"place": None, "outlet": None},
        ),
    ],
)
def test_datelines_and_bylines(text: str, expected: dict[str, Any]) -> None:
    article = first(text)
    assert {field: getattr(article, field) for field in expected} == expected


def test_a_by_line_is_boilerplate_but_a_sentence_starting_with_by_is_not() -> None:
    article = first("By Jane Doe\nThe minister resigned on Friday.\nBy then, it was too late.")
    marked = [article.text[r.start : r.end] for r in article.boilerplate]
    assert marked == ["By Jane Doe"]


def test_weekday_dates_never_resolve_to_the_future() -> None:
    # 21 November 2026 is a Saturday; "Jumat (20/11)" is the day before, not 2020.
    assert read_metadata("Jakarta - Pada Jumat (20/11) rapat digelar.", today=TODAY).published == (
        "2026-11-20"
    )
    # "Senin (30/11)" would be 30 Nov 2026, still ahead: the latest past Monday 30/11.
    assert read_metadata("Pada Senin (30/11) rapat.", today=TODAY).published == "2020-11-30"


def test_copyright_year_alone_gives_a_year() -> None:
    meta = read_metadata("Sebuah berita tanpa tanggal.\nCopyright © ANTARA 2024", today=TODAY)
    assert meta.published == "2024" and meta.outlet == "ANTARA"


def test_derived_titles_are_cut_at_a_word() -> None:
    sentence = "Delegasi Rusia dan Ukraina menyelesaikan perundingan mereka di Istanbul, " * 3
    title = derive_title(sentence)
    assert title.endswith("…") and len(title) <= 91 and not title[:-1].endswith(" ")
    assert derive_title("Pendek saja.") == "Pendek saja."
