"""Sentence profiles: the value filter must find exactly what a full scan finds."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsdiff.core.compare.masking import RUN, value_mask
from tests.conftest import SAMPLES

TRICKY = [
    "Rp5 juta dan Rp 1,2 triliun, US$3 serta $40 dan €12 atau £7 dan ¥900.",
    "pasca-2025 dan pra-dua puluh, masing-masing 1.200 tawanan (16/5).",
    "Jum'at (16/5) pukul 19.30 WIB, sekira 35 km per jam, kira-kira tiga setengah jam.",
    "covid19 _dua _2025 dua_puluh 2025_an abc2025 19th the 1st U.S. dollars 5",
    "More than 1,000 prisoners; fewer than nine; at least 125 and as many as 130.",
    "İki ſatu KEDUA Kelvin \u212a sembilan ßeratus straße 12 ÇAKMAK üç",
    "“Tiga” orang—empat? Lima! (enam) ‘tujuh’ delapan…",
    "MEI 2025 Mei 2025 mei 2025 JULI juli Juli",
    "",
    "   ",
    "satu",
]


def full_scan(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in value_mask().values.finditer(text)]


def filtered(text: str) -> list[tuple[int, int]]:
    folded = text.casefold()
    return value_mask().stretches(text, folded, RUN.findall(folded))


@pytest.mark.parametrize("text", TRICKY)
def test_value_stretches_match_a_full_scan_on_tricky_text(text: str) -> None:
    assert filtered(text) == full_scan(text)


def test_value_stretches_match_a_full_scan_on_every_sample_line() -> None:
    for path in sorted(SAMPLES.iterdir()):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert filtered(line) == full_scan(line), line


_PIECES = st.sampled_from(
    [
        "dua",
        "Dua",
        "puluh",
        "Rp",
        "rp",
        "US$",
        "$",
        "1.000",
        "3,5",
        "16/5",
        "Juli",
        "juli",
        "Jum'at",
        "lebih dari",
        "sekitar",
        "km",
        "per",
        "jam",
        "-",
        "(",
        ")",
        "_",
        "x",
        "ſ",
        "İ",
        "kata",
        "7",
    ]
)
_GLUE = st.sampled_from(["", " ", " ", "-", "/", " (", ") ", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(_PIECES, _GLUE), max_size=12))
def test_value_stretches_match_a_full_scan_on_generated_text(parts) -> None:
    text = "".join(piece + glue for piece, glue in parts)
    assert filtered(text) == full_scan(text)
