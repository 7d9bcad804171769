"""Plain text and Markdown, and how a format is recognised."""

from __future__ import annotations

import pytest

from newsdiff.core.ingest import detect_format, read_bytes
from newsdiff.core.model import Article

MARKDOWN = """# Harga beras naik di Jakarta

**Jakarta** (ANTARA) - Harga beras naik menjadi [Rp 13.500](https://bps.example/beras)
per kilogram pada Jumat (1/11/2024), kata _Badan Pusat Statistik_.

![foto pasar](pasar.jpg)

## Cabai juga naik

- Cabai merah naik 5 persen.
- Bawang merah turun.

<div class="iklan">Iklan</div>
"""


def only(data: bytes, name: str) -> Article:
    (result,) = read_bytes(data, name)
    assert isinstance(result, Article), result
    return result


def test_markdown_is_reduced_to_what_a_reader_sees() -> None:
    article = only(MARKDOWN.encode(), "beras.md")
    assert article.source_format == "markdown"
    assert article.title == "Harga beras naik di Jakarta" and not article.title_derived
    lines = article.text.split("\n")
    assert lines[0] == (
        "Jakarta (ANTARA) - Harga beras naik menjadi Rp 13.500 per kilogram pada "
        "Jumat (1/11/2024), kata Badan Pusat Statistik."
    )
    assert "Cabai juga naik" in lines
    assert "Cabai merah naik 5 persen." in lines
    assert "pasar.jpg" not in article.text and "Iklan" not in article.text
    assert article.original == MARKDOWN  # the Markdown source is kept
    assert (article.outlet, article.place, article.published) == ("ANTARA", "Jakarta", "2024-11-01")


def test_plain_text_keeps_its_text_exactly() -> None:
    text = "Jakarta (ANTARA) - Satu kalimat di sini.\n\nDua kalimat   dengan  spasi.\n"
    article = only(text.encode(), "a.txt")
    assert article.text == text and article.original is None


def test_a_headline_line_becomes_the_title_and_the_lead_is_read_below_it() -> None:
    text = (
        "Volcano erupts on Flores\n\n"
        "LARANTUKA, Indonesia (Kabar Wire) - Mount Lewotobi erupted on Sunday, killing ten.\n"
    )
    article = only(text.encode(), "a.txt")
    assert article.title == "Volcano erupts on Flores" and not article.title_derived
    assert (article.place, article.outlet) == ("Larantuka", "Kabar Wire")


def test_without_a_headline_the_title_is_derived_from_the_lead() -> None:
    text = (
        "WASHINGTON (Reuters) - The U.S. Senate on Tuesday passed a bill that would keep the "
        "government funded through the end of the year, sending it to the president.\nMore."
    )
    article = only(text.encode(), "a.txt")
    assert article.title_derived
    assert article.title.startswith("The U.S. Senate on Tuesday passed a bill")
    assert article.title.endswith("…") and len(article.title) <= 91


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.txt", b"<html>", "text"),  # the extension decides
        ("a.HTML", b"plain", "html"),
        ("a.markdown", b"x", "markdown"),
        ("a.rss", b"x", "feed"),
        ("a.ndjson", b"x", "jsonl"),
        ("noext", b"\xef\xbb\xbf  <!doctype html><html>", "html"),
        ("noext", b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x">', "feed"),
        ("noext", b'  {"text": 1}', "json"),
        ("noext", b"Just words.", "text"),
    ],
)
def test_format_detection(name: str, data: bytes, expected: str) -> None:
    assert detect_format(name, data) == expected


def test_content_hash_differs_per_item_and_is_stable() -> None:
    data = b"Satu kalimat berita di sini untuk diuji."
    first = only(data, "a.txt")
    again = only(data, "b.txt")
    assert first.content_hash == again.content_hash and len(first.content_hash) == 64
