"""Dates and times as news text writes them, and how a missing year is filled in."""

from __future__ import annotations

import pytest

from tests.unit.value_helpers import spans_of, values_of


@pytest.mark.parametrize(
    ("text", "lang", "published", "surface", "iso"),
    [
        ("Pada Jumat (16/5) mereka bertemu.", "id", "2025-05-16", "Jumat (16/5)", "2025-05-16"),
        ("Digelar Rabu (23/7) malam.", "id", "2025-07-23", "Rabu (23/7) malam", "2025-07-23"),
        ("Pada 23 Juli 2027 di Istanbul.", "id", None, "23 Juli 2027", "2027-07-23"),
        ("Terakhir pada Maret 2022.", "id", None, "Maret 2022", "2022-03"),
        ("Digelar 16 Mei lalu.", "id", "2025-07-23", "16 Mei", "2025-05-16"),
        ("Digelar 2 Juni lalu.", "id", None, "2 Juni", "--06-02"),
        ("Held on Nov. 3, 2025.", "en", None, "Nov. 3, 2025", "2025-11-03"),
        ("Held on 3 November 2025.", "en", None, "3 November 2025", "2025-11-03"),
        ("Held on 2025-05-16.", "en", None, "2025-05-16", "2025-05-16"),
        ("Bertemu tanggal 17/8/2025.", "id", None, "17/8/2025", "2025-08-17"),
        ("Pada Jumat, 16 Mei 2025, bertemu.", "id", None, "Jumat, 16 Mei 2025", "2025-05-16"),
        ("On Friday, May 16, 2025, met.", "en", None, "Friday, May 16, 2025", "2025-05-16"),
        ("It began in March.", "en", None, "March", "--03"),
        ("Turun pada Agustus lalu.", "id", None, "Agustus", "--08"),
        ("Data inflasi November dirilis.", "id", "2024-11-01", "November", "2024-11"),
    ],
)
def test_dates(text: str, lang: str, published: str | None, surface: str, iso: str) -> None:
    assert values_of(text, lang, published) == [("DATE", surface, iso)]


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("The talks were held on Tuesday.", "en", "-W-2"),
        ("Ia tiba pada hari Kamis.", "id", "-W-4"),
        ("Pada Minggu, mereka pulang.", "id", "-W-7"),
    ],
)
def test_a_weekday_alone_without_a_publication_date(text: str, lang: str, iso: str) -> None:
    (span,) = spans_of(text, lang)
    assert span.value == iso and span.date is not None
    assert span.date.weekday == int(iso[-1]) - 1


def test_a_weekday_alone_takes_the_latest_such_day_up_to_publication() -> None:
    (span,) = spans_of("The airport closed on Monday.", "en", "2024-11-05")
    assert span.value == "2024-11-04" and span.date is not None
    assert span.date.resolved_from == "published"


def test_a_weekday_fixes_a_missing_year_when_there_is_no_publication_date() -> None:
    (span,) = spans_of("Pada Jumat (16/5) mereka bertemu.")
    assert span.value == "2025-05-16" and span.date is not None
    assert span.date.resolved_from == "weekday" and not span.date.weekday_conflict


def test_a_weekday_that_contradicts_its_date_is_recorded() -> None:
    (span,) = spans_of("Rapat digelar Selasa (16/5).", "id", "2025-05-16")
    assert span.value == "2025-05-16" and span.date is not None
    assert span.date.weekday == 1 and span.date.weekday_conflict


def test_part_of_day_is_kept() -> None:
    (span,) = spans_of("Digelar Rabu (23/7) malam.", "id", "2025-07-23")
    assert span.date is not None and span.date.part_of_day == "night"


@pytest.mark.parametrize(
    ("published", "surface", "iso"),
    [
        ("2025-01-10", "5 Desember", "2024-12-05"),  # the year before: not ~11 months ahead
        ("2024-12-20", "10 Januari", "2025-01-10"),  # the year after: not ~11 months back
        ("2025-07-23", "16 Mei", "2025-05-16"),
        ("2025", "16 Mei", "2025-05-16"),  # only the year is known
        ("2025-07", "16 Mei", "2025-05-16"),  # year and month known
        ("2025-02", "16 Desember", "2024-12-16"),
    ],
)
def test_a_missing_year_comes_from_the_publication_date(
    published: str, surface: str, iso: str
) -> None:
    (span,) = spans_of(f"Laporan terbit {surface}.", "id", published)
    assert span.value == iso and span.date is not None and span.date.resolved_from == "published"


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Pada 2022 ekonomi tumbuh.", "id", [("DATE", "2022", "2022")]),
        ("The 2024 election.", "en", [("DATE", "2024", "2024")]),
        ("Sebanyak 2000 orang hadir.", "id", [("QUANTITY", "2000 orang", "2000 orang")]),
        ("It is 2000 metres high.", "en", [("QUANTITY", "2000 metres", "2000 m")]),
        ("Periode 2020-2024.", "id", [("DATE", "2020", "2020"), ("DATE", "2024", "2024")]),
    ],
)
def test_years_used_as_years(text: str, lang: str, expected: list) -> None:
    assert values_of(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Digelar (16/5) di Istanbul.", [("DATE", "16/5", "--05-16")]),
        ("Sebanyak 1/2 dari total.", [("NUMBER", "1/2", "0.5")]),
        ("Sebanyak 3/4 wilayah.", [("QUANTITY", "3/4 wilayah", "0.75 wilayah")]),
        ("Kamis (1/2) lalu.", [("DATE", "Kamis (1/2)", "2024-02-01")]),
    ],
)
def test_a_slash_date_is_not_a_fraction_and_back(text: str, expected: list) -> None:
    published = "2024-02-03" if "Kamis" in text else None
    assert values_of(text, "id", published) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The agency may raise the level.", "en"),
        ("May I ask a question?", "en"),
        ("Minggu lalu harga naik.", "id"),
        ("April Jones tiba kemarin.", "id"),
        ("Kemarin harga naik, bulan lalu turun.", "id"),
    ],
)
def test_words_that_look_like_dates_but_are_not(text: str, lang: str) -> None:
    assert values_of(text, lang) == []


@pytest.mark.parametrize(
    ("text", "lang", "surface", "value", "offset"),
    [
        ("Dimulai pukul 19.30 WIB.", "id", "pukul 19.30 WIB", "19:30", "+07:00"),
        ("Pukul 10.30 waktu setempat.", "id", "Pukul 10.30 waktu setempat", "10:30", "local"),
        ("Mendarat jam 7 malam.", "id", "jam 7 malam", "19:00", ""),
        ("Pukul 20.30 WITA.", "id", "Pukul 20.30 WITA", "20:30", "+08:00"),
        ("It began at 10:30 a.m.", "en", "10:30 a.m.", "10:30", ""),
        ("It resumes at 3 p.m. today.", "en", "3 p.m.", "15:00", ""),
        ("It starts at 15:00 GMT.", "en", "15:00 GMT", "15:00", "+00:00"),
        ("It starts at 12 a.m. sharp.", "en", "12 a.m.", "00:00", ""),
        ("Call at 7 o'clock.", "en", "7 o'clock", "07:00", ""),
    ],
)
def test_times(text: str, lang: str, surface: str, value: str, offset: str) -> None:
    (span,) = spans_of(text, lang)
    assert (span.kind.value, span.text, span.value) == ("TIME", surface, value)
    assert span.date is not None and span.date.utc_offset == offset


@pytest.mark.parametrize("text", ["Volume 10.30 liter.", "Skor 2:1 cukup.", "Pukul 25.00 saja."])
def test_period_forms_without_a_time_word_are_not_times(text: str) -> None:
    assert all(kind != "TIME" for kind, _, _ in values_of(text))
