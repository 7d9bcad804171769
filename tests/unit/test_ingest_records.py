"""JSON and JSON Lines: field names, shapes, wrong types, deep nesting, bad records."""

from __future__ import annotations

import json

import pytest

from newsdiff.core.ingest import detect_format, read_bytes
from newsdiff.core.model import Article, Problem

TEXT = (
    "Jakarta (ANTARA) - Badan Pusat Statistik mencatat inflasi tahunan sebesar 1,71 persen "
    "pada Oktober 2024.\nHarga beras di tingkat penggilingan turun tipis."
)


def split(results: list) -> tuple[list[Article], list[Problem]]:
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, Problem)],
    )


def load_json(document, name: str = "news.json") -> tuple[list[Article], list[Problem]]:
    return split(read_bytes(json.dumps(document).encode(), name))


def test_one_object_with_every_field() -> None:
    (article,), problems = load_json(
        {
            "title": "Inflasi turun",
            "text": TEXT,
            "url": "https://kabar.example/inflasi",
            "date": "2024-11-01T10:00:00+07:00",
            "source": "Warta Ekonomi",
            "author": "Rina Kusuma",
        }
    )
    assert problems == []
    assert article.path == "news.json"  # one object: no #N suffix
    assert article.title == "Inflasi turun" and not article.title_derived
    assert article.url == "https://kabar.example/inflasi"
    assert article.published == "2024-11-01"
    assert article.outlet == "Warta Ekonomi"  # the record's source wins over the dateline
    assert article.byline == "Rina Kusuma"
    assert article.place == "Jakarta"
    assert article.source_format == "json"


@pytest.mark.parametrize("field", ["text", "body", "content"])
def test_text_body_or_content(field: str) -> None:
    (article,), _ = load_json({"title": "x", field: TEXT})
    assert article.text == TEXT


@pytest.mark.parametrize("wrapper", ["articles", "items", "data", None])
def test_arrays_and_wrapped_arrays(wrapper: str | None) -> None:
    records = [{"title": f"Berita {i}", "body": TEXT} for i in range(3)]
    document = records if wrapper is None else {"status": "ok", wrapper: records}
    found, problems = load_json(document)
    assert [a.path for a in found] == ["news.json#1", "news.json#2", "news.json#3"]
    assert [a.title for a in found] == ["Berita 0", "Berita 1", "Berita 2"]
    assert problems == []


def test_newsapi_shape() -> None:
    document = {
        "status": "ok",
        "articles": [
            {
                "source": {"id": None, "name": "Kabar Harian"},
                "author": None,
                "title": "Inflasi turun",
                "description": "Ringkasan.",
                "url": "https://kabar.example/a",
                "publishedAt": "2024-11-01T03:00:00Z",
                "content": TEXT,
            }
        ],
    }
    (article,), _ = load_json(document)
    assert article.outlet == "Kabar Harian" and article.published == "2024-11-01"
    assert article.text == TEXT  # content, not the shorter description


def test_wrong_types_are_ignored_not_fatal() -> None:
    (article,), problems = load_json(
        {"title": 42, "text": TEXT, "url": ["not", 1], "date": 20241101, "source": True}
    )
    assert problems == []
    assert article.title_derived and article.title.startswith("Badan Pusat Statistik")
    assert article.url is None and article.published is None and article.outlet == "ANTARA"


def test_text_as_a_list_of_paragraphs_and_html_text() -> None:
    found, _ = load_json(
        [
            {"title": "a", "text": ["Paragraf satu.", "Paragraf dua."]},
            {"title": "b", "content": "<p>Paragraf <b>satu</b>.</p><p>Paragraf dua.</p>"},
        ]
    )
    assert [a.text for a in found] == ["Paragraf satu.\nParagraf dua."] * 2
    assert found[1].original == "<p>Paragraf <b>satu</b>.</p><p>Paragraf dua.</p>"


def test_records_without_text_are_reported_together() -> None:
    found, problems = load_json(
        [
            {"title": "ok", "text": TEXT},
            {"title": "no text"},
            {"title": "number text", "text": 12},
            "a string",
            [1, 2],
            {"title": "empty", "text": "   "},
        ]
    )
    assert [a.title for a in found] == ["ok"]
    assert sorted(p.reason for p in problems) == [
        "record 4 skipped: a string, not an object",
        "record 5 skipped: a list, not an object",
        "records 2, 3, 6 skipped: no text, body or content field with text",
    ]
    assert all(p.path == "news.json" for p in problems)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b'{"title": "x", "text": ', "malformed JSON"),
        (b"[]", "no article objects"),
        (b'"just a string"', "not article objects"),
        (b"42", "not article objects"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_unusable_json_is_one_problem(raw: bytes, reason: str) -> None:
    results = read_bytes(raw, "bad.json")
    assert len(results) == 1 and isinstance(results[0], Problem)
    assert reason in results[0].reason


def test_nesting_100_deep_is_read_without_harm() -> None:
    nested: object = {"title": "deep", "text": TEXT}
    for _ in range(100):
        nested = {"wrapper": nested}
    results = read_bytes(json.dumps(nested).encode(), "deep.json")
    (problem,) = results
    assert isinstance(problem, Problem)
    assert "no text, body or content" in problem.reason
    deep_text = {"title": "deep", "text": TEXT, "extra": json.loads("[" * 100 + "]" * 100)}
    (article,), _ = load_json(deep_text)
    assert article.title == "deep"


def test_json_lines() -> None:
    lines = [
        json.dumps({"title": "satu", "text": TEXT}),
        "",
        "{not json",
        json.dumps({"title": "tanpa teks"}),
        json.dumps({"title": "dua", "body": TEXT, "language": "id"}),
    ]
    found, problems = split(read_bytes("\n".join(lines).encode(), "feed.jsonl"))
    assert [(a.path, a.title) for a in found] == [("feed.jsonl#1", "satu"), ("feed.jsonl#5", "dua")]
    assert all(a.source_format == "jsonl" for a in found)
    assert sorted(p.reason for p in problems) == [
        "line 3 skipped: malformed JSON (Expecting property name enclosed in double quotes)",
        "line 4 skipped: no text, body or content field with text",
    ]


def test_json_lines_are_recognised_without_an_extension() -> None:
    data = "\n".join(json.dumps({"title": str(i), "text": TEXT}) for i in range(3)).encode()
    assert detect_format("dump", data) == "jsonl"
    assert detect_format("dump", json.dumps([{"text": TEXT}]).encode()) == "json"


def test_json_with_a_bom_and_utf16() -> None:
    document = json.dumps({"title": "Café “baru”", "text": TEXT}, ensure_ascii=False)
    for data in (b"\xef\xbb\xbf" + document.encode(), document.encode("utf-16")):
        (article,), _ = split(read_bytes(data, "a.json"))
        assert article.title == "Café “baru”"


def test_a_stray_item_in_a_list_of_paragraphs_is_ignored_not_the_article() -> None:
    (article,), problems = load_json({"text": ["Paragraf satu.", 7, None, {"p": 1}, "Dua."]})
    assert problems == []
    assert article.text == "Paragraf satu.\nDua."
