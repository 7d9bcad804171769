"""Copied and rewritten shares in both directions, and the source guess with reasons."""

from __future__ import annotations

import pytest

from newsdiff.core.group.features import extract, grouping_text
from newsdiff.core.group.model import PairStats
from newsdiff.core.group.shares import measure_pairs
from newsdiff.core.group.source import ReportFacts, guess_source
from newsdiff.core.group.vocabulary import Vocabulary
from newsdiff.core.ingest import read_bytes

WIRE = (
    "Jakarta (ANTARA) - Banjir melanda lima kecamatan di Jakarta Timur pada Senin (3/3).\n"
    "Sebanyak 1.200 warga mengungsi ke sekolah dan masjid terdekat sejak pagi hari.\n"
    "Kepala BPBD DKI Jakarta Isnawa Adji mengatakan air mulai surut pada sore hari.\n"
    "Petugas menyiapkan dapur umum untuk para pengungsi di tiga lokasi berbeda.\n"
)
COPY = (
    "Banjir melanda lima kecamatan di Jakarta Timur pada Senin (3/3).\n"
    "Sebanyak 1.500 warga mengungsi ke sekolah dan masjid terdekat sejak pagi hari.\n"
    "Air mulai surut pada sore hari, menurut kepala BPBD DKI Jakarta Isnawa Adji.\n"
)


def _shares(left: str, right: str):
    articles = [read_bytes(text.encode(), f"{i}.txt")[0] for i, text in enumerate((left, right))]
    table = extract([grouping_text(a) for a in articles], [None, None], Vocabulary())
    return measure_pairs(table, [0], [1])[0]


def test_copied_rewritten_and_missing_sentences_both_ways() -> None:
    shares = _shares(WIRE, COPY)
    # In the wire: two sentences are in the copy verbatim (one with its count changed),
    # one is rewritten, one (the soup kitchens) is not in the copy at all.
    assert shares.copied == pytest.approx(0.5, abs=0.1)
    assert shares.rewritten == pytest.approx(0.25, abs=0.1)
    # The copy has nothing of its own: all of it is copied or rewritten.
    assert shares.copied_back + shares.rewritten_back == pytest.approx(1.0)
    assert shares.copied_back > shares.copied
    assert 0.5 < shares.similarity < 1.0


def test_unrelated_reports_share_nothing() -> None:
    other = "Harga beras naik 3 persen di pasar induk menurut data BPS pada Oktober.\n"
    shares = _shares(WIRE, other)
    assert (shares.copied, shares.rewritten, shares.similarity) == (0.0, 0.0, 0.0)


def _report(name: str, published: str | None = None, outlet: str | None = None,
            agency: str | None = None, wire: bool = False) -> ReportFacts:  # fmt: skip
    return ReportFacts(name, published, outlet, agency, wire)


def test_the_source_is_the_earlier_wire_report_that_contains_the_copy() -> None:
    reports = [
        _report("copy.txt", "2025-03-04", "Harian"),
        _report("wire.txt", "2025-03-03", "ANTARA", wire=True),
    ]
    pair = PairStats(0, 1, 0.6, copied=0.5, rewritten=0.4, copied_back=0.3, rewritten_back=0.2)
    guess = guess_source([0, 1], reports, [pair])
    assert guess is not None and guess.article == 1
    assert guess.reasons == (
        "earliest date (2025-03-03)",
        "contains what copy.txt has (90%)",
        "wire dateline (ANTARA)",
    )


def test_a_credited_agency_is_the_source_and_no_evidence_means_no_guess() -> None:
    reports = [_report("a.txt", outlet="Kontan", agency="Anadolu Agency"),
               _report("b.txt", outlet="Anadolu Agency")]  # fmt: skip
    pair = PairStats(0, 1, 0.5, 0.2, 0.3, 0.2, 0.3)
    guess = guess_source([0, 1], reports, [pair])
    assert guess is not None and guess.article == 1
    assert "credited by a.txt" in guess.reasons
    assert guess_source([0, 1], [_report("x.txt"), _report("y.txt")], [pair]) is None
