"""Encodings and line endings: every supported encoding reads back the same text, and
the original is recoverable from ``Article.original``."""

from __future__ import annotations

import codecs

import pytest

from newsdiff.core.ingest import read_bytes
from newsdiff.core.ingest.decode import decode_bytes, looks_binary, normalise_newlines
from newsdiff.core.ingest.errors import IngestError
from newsdiff.core.model import Article, Problem

INDONESIAN = (
    "Jakarta (ANTARA) - Menteri mengatakan “kami siap” di sebuah café, harga naik €5.\n"
    "Ia menambahkan bahwa résumé itu ditolak oleh panitia pada Senin.\n"
)
ENGLISH = (
    "LONDON (Reuters) - The minister said “we are ready” – the café’s bill was €5.\n"
    "Officials added that the naïve plan had been dropped on Monday.\n"
)
LATIN1_SAFE = "Jakarta - Menteri berkata di café itu: «harga naik» dan résumé ditolak.\n"
"""Text Latin-1 can encode (no curly quotes, no €)."""


def only_article(data: bytes, name: str = "a.txt") -> Article:
    results = read_bytes(data, name)
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


@pytest.mark.parametrize("text", [INDONESIAN, ENGLISH])
@pytest.mark.parametrize(
    ("encoding", "prefix", "name"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", codecs.BOM_UTF8, "utf-8-sig"),
        ("utf-16-le", codecs.BOM_UTF16_LE, "utf-16-le"),
        ("utf-16-be", codecs.BOM_UTF16_BE, "utf-16-be"),
        ("utf-16-le", b"", "utf-16-le"),
        ("utf-16-be", b"", "utf-16-be"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_each_encoding_reads_back_the_same_text(
    text: str, encoding: str, prefix: bytes, name: str
) -> None:
    article = only_article(prefix + text.encode(encoding))
    assert article.text == text
    assert article.encoding == name
    assert "\ufeff" not in article.text
    assert article.original is None  # nothing but the encoding changed


def test_latin1_is_read_and_named() -> None:
    article = only_article(LATIN1_SAFE.encode("latin-1"))
    assert article.text == LATIN1_SAFE
    assert article.encoding == "iso-8859-1"


def test_windows_1252_smart_quotes_are_not_mistaken_for_another_code_page() -> None:
    """charset-normalizer reads this as cp775/cp1250; we must not."""
    data = (INDONESIAN * 10).encode("cp1252")
    decoded = decode_bytes(data)
    assert "“kami siap”" in decoded.text and "€5" in decoded.text and "café" in decoded.text


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-16-le", "cp1252"])
def test_crlf_and_cr_become_newlines_and_the_original_is_kept(newline: str, encoding: str) -> None:
    source = INDONESIAN.replace("\n", newline)
    data = source.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    article = only_article(data)
    assert article.text == INDONESIAN
    assert article.original == source
    assert article.original.encode(encoding) in data  # byte-exact source recoverable


def test_unicode_line_separators_are_newlines() -> None:
    assert normalise_newlines("a\u2028b\u2029c\x85d") == "a\nb\nc\nd"


def test_mostly_utf8_with_a_stray_byte_keeps_the_text() -> None:
    data = (INDONESIAN * 5).encode("utf-8") + b"\xffSelesai."
    decoded = decode_bytes(data)
    assert decoded.encoding == "utf-8"
    assert decoded.replaced == 1
    assert "“kami siap”" in decoded.text and decoded.text.endswith("\ufffdSelesai.")


def test_declared_encoding_is_used_when_utf8_fails() -> None:
    data = "Peña dijo “sí”".encode("cp1252")
    assert decode_bytes(data, declared="windows-1252").text == "Peña dijo “sí”"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"  \n\t\r\n ", "only whitespace"),
        (codecs.BOM_UTF16_LE + " \n".encode("utf-16-le"), "only whitespace"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        (b"Berita \x81\x8d\x90 rusak di sini.", "undecodable bytes"),
    ],
)
def test_unusable_bytes_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(IngestError, match=reason):
        decode_bytes(data)


def test_cyrillic_single_byte_text_is_refused_rather_than_garbled() -> None:
    data = ("Россия и Украина провели переговоры в Стамбуле. " * 5).encode("koi8-r")
    with pytest.raises(IngestError, match="undecodable bytes"):
        decode_bytes(data)


def test_bom_that_lies_is_refused() -> None:
    with pytest.raises(IngestError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"ok \xff\xfe broken")


def test_binary_sniffing() -> None:
    assert looks_binary(bytes(range(256)))
    assert not looks_binary(INDONESIAN.encode())
    assert not looks_binary(INDONESIAN.encode("utf-16-le"))


def test_undecodable_file_is_a_problem_naming_the_file() -> None:
    (result,) = read_bytes(b"Berita \x81\x8d\x90 rusak.", "news/rusak.txt")
    assert isinstance(result, Problem)
    assert result.path == "news/rusak.txt"
    assert "undecodable bytes" in result.reason and "0x81" in result.reason
