"""Sentence splitting and tokenising edge cases in Indonesian and English."""

from __future__ import annotations

import pytest

from newsdiff.core.segment import split_sentences, tokenize


def sentences(text: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thousands and decimal separators never end a sentence.
        (
            "Sebanyak 1.000 tahanan ditukar. Harga naik 3,5 persen.",
            ["Sebanyak 1.000 tahanan ditukar.", "Harga naik 3,5 persen."],
        ),
        (
            "The index rose 1,234.5 points. Traders cheered.",
            ["The index rose 1,234.5 points.", "Traders cheered."],
        ),
        # Day/month dates stay inside their sentence.
        (
            "Pada Jumat (16/5) mereka bertemu. Hasilnya baik.",
            ["Pada Jumat (16/5) mereka bertemu.", "Hasilnya baik."],
        ),
        # Titles, street and number abbreviations.
        (
            "Dr. Budi tinggal di Jl. Sudirman No. 5 Jakarta. Ia dokter.",
            ["Dr. Budi tinggal di Jl. Sudirman No. 5 Jakarta.", "Ia dokter."],
        ),
        (
            "Prof. Dr. Ir. H. Ahmad Yani hadir. Acara dimulai.",
            ["Prof. Dr. Ir. H. Ahmad Yani hadir.", "Acara dimulai."],
        ),
        # Initials in names.
        (
            "Editor M. Razi Rahman menyunting. Berita terbit.",
            ["Editor M. Razi Rahman menyunting.", "Berita terbit."],
        ),
        # English abbreviations with internal periods.
        (
            "U.S. officials met at 9 a.m. in Geneva. Talks ended.",
            ["U.S. officials met at 9 a.m. in Geneva.", "Talks ended."],
        ),
        (
            "The talks began at 9 a.m. The mood was tense.",
            ["The talks began at 9 a.m.", "The mood was tense."],
        ),
        (
            "Mr. Smith met Mrs. Jones on Nov. 3, 2025. They talked.",
            ["Mr. Smith met Mrs. Jones on Nov. 3, 2025.", "They talked."],
        ),
        # Quotes: a period inside a quotation that continues does not split it.
        (
            '"Kami siap. Kami menunggu," kata dia. Lalu ia pergi.',
            ['"Kami siap. Kami menunggu," kata dia.', "Lalu ia pergi."],
        ),
        (
            "“Diskusi sedang berlangsung. Tidak ada rincian,” ujarnya. Ia pergi.",
            ["“Diskusi sedang berlangsung. Tidak ada rincian,” ujarnya.", "Ia pergi."],
        ),
        # A sentence ending inside a closing quote ends there.
        (
            'Ia berkata, "Perang harus berakhir." Lalu ia pergi.',
            ['Ia berkata, "Perang harus berakhir."', "Lalu ia pergi."],
        ),
        # Brackets: a period inside parentheses does not split.
        (
            "Harga naik (dari Rp 1.000. Lalu turun) kemarin. Pasar tenang.",
            ["Harga naik (dari Rp 1.000. Lalu turun) kemarin.", "Pasar tenang."],
        ),
        # Lower-case continuation is not a new sentence.
        (
            "Ia tiba pukul 10.30 wib. dan langsung rapat.",
            ["Ia tiba pukul 10.30 wib. dan langsung rapat."],
        ),
        # Question and exclamation marks.
        (
            "Mengapa ini penting? Karena damai! Semua setuju.",
            ["Mengapa ini penting?", "Karena damai!", "Semua setuju."],
        ),
        # Each line is its own paragraph, even without final punctuation.
        ("Judul Tanpa Titik\nIsi berita di sini.", ["Judul Tanpa Titik", "Isi berita di sini."]),
    ],
)
def test_sentence_boundaries(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_hard_wrapped_lines_are_joined() -> None:
    text = (
        "The delegations met in Istanbul on Friday and agreed to\n"
        "exchange a thousand prisoners each. Talks will resume."
    )
    assert len(sentences(text)) == 2
    assert split_sentences(text)[0].paragraph == split_sentences(text)[1].paragraph


def test_offsets_point_into_the_text() -> None:
    text = "  Satu kalimat.  Dua kalimat!\n\nTiga?  "
    for sentence in split_sentences(text):
        chunk = text[sentence.start : sentence.end]
        assert chunk == chunk.strip() and chunk


def test_headings_are_marked() -> None:
    text = "Pembahasan Pertukaran Tahanan\nPeskov juga menyinggung soal pertukaran tahanan."
    first, second = split_sentences(text)
    assert first.heading and not second.heading


def test_keep_together_protects_a_dateline() -> None:
    text = "KONTAN.CO.ID - ISTANBUL. Kremlin menyampaikan pada Senin sesuatu."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences(text, keep_together=[(0, 25)])) == 1


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("1.000 tahanan", ["1.000", "tahanan"]),
        ("naik 3,5 persen", ["naik", "3,5", "persen"]),
        ("Jumat (16/5)", ["Jumat", "(", "16/5", ")"]),
        ("pukul 10:30 WIB", ["pukul", "10:30", "WIB"]),
        ("masing-masing pihak", ["masing-masing", "pihak"]),
        ("the U.S. and a.m.", ["the", "U.S.", "and", "a.m."]),
        ("Rp1.234,56 juta", ["Rp", "1.234,56", "juta"]),
        ("US$5 juta", ["US$", "5", "juta"]),
        ("don't", ["don't"]),
    ],
)
def test_tokens(text: str, tokens: list[str]) -> None:
    assert [text[a:b] for a, b in tokenize(text)] == tokens


def test_splitting_is_linear_on_one_huge_line() -> None:
    """200,000 one-word sentences on one line must not go quadratic (counts, not time)."""
    text = "Kata. " * 200_000
    assert len(split_sentences(text)) == 200_000
