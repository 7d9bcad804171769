"""Bounded fuzzing of the parsers with hypothesis, as part of the normal test run.

Ingest of every format starts from a small valid file of that format and mutates it
(bytes inserted, replaced, cut off); the sentence splitter and the number/date reader
get random text built from the characters and words they care about. Each must return
(articles or one-line problems; sentences; spans) and never raise. Inputs that found
a bug stay as ``@example`` cases. atheris is not used: hypothesis alone is bounded,
shrinks what it finds, and needs no compiled extension.

Budget: ``FUZZ_EXAMPLES`` (300) examples per test, ``deadline=None``; a few seconds in
all. For a longer hunt: ``NEWSDIFF_FUZZ_EXAMPLES=5000 python -m pytest tests/hostile/test_fuzz.py``.
"""

from __future__ import annotations

import gzip
import json
import os

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from newsdiff.core.analyze import sentences_of
from newsdiff.core.analyze.extract.values import find_value_spans
from newsdiff.core.ingest import read_bytes
from newsdiff.core.model import Article, Problem
from newsdiff.core.segment import MAX_SENTENCE_CHARS, split_sentences
from tests.hostile.generator import LEAD_EN, LEAD_ID

FUZZ_EXAMPLES = int(os.environ.get("NEWSDIFF_FUZZ_EXAMPLES", "300"))

SEEDS = {
    "a.txt": (LEAD_ID + "\n\n" + LEAD_EN + "\n").encode(),
    "a.md": f"# Judul\n\n{LEAD_ID}\n\n[tautan](http://x) ![g](y.png) <b>x</b>\n".encode(),
    "a.html": f"<html><head><title>T</title><meta charset='utf-8'></head><body><article>"
    f"<h1>Judul</h1><p>{LEAD_ID}</p><p>{LEAD_EN}</p></article></body></html>".encode(),
    "a.xml": f'<?xml version="1.0"?><rss version="2.0"><channel><title>K</title><item>'
    f"<title>t</title><description>{LEAD_ID}</description><pubDate>Mon, 03 Mar 2025 "
    f"10:00:00 +0700</pubDate></item></channel></rss>".encode(),
    "a.atom": f'<feed xmlns="http://www.w3.org/2005/Atom"><title>K</title><entry><title>a'
    f"</title><content type='html'>&lt;p&gt;{LEAD_EN}&lt;/p&gt;</content></entry></feed>".encode(),
    "a.json": json.dumps({"title": "t", "text": LEAD_ID, "date": "2025-03-03"}).encode(),
    "a.jsonl": (json.dumps({"text": LEAD_ID}) + "\n" + json.dumps({"body": [LEAD_EN]})).encode(),
    "a.txt.gz": gzip.compress(LEAD_ID.encode()),
    "noext": b"\xef\xbb\xbf" + LEAD_ID.encode("utf-8"),
    "u16.txt": LEAD_ID.encode("utf-16"),
}

_NASTY = st.sampled_from(
    [
        b"\x00",
        b"\xff\xfe",
        b"\xed\xa0\x80",
        b"\x1b[2J",
        b"<!ENTITY x SYSTEM 'file:///etc/passwd'>",
        b"<!DOCTYPE r [<!ENTITY a '&b;&b;'>]>",
        b"&a;",
        b"\\ud800",
        b'"text": 1e999',
        b"[" * 50,
        b"<div>" * 50,
        b"\r",
        b"\xc2\x85",
        b"\x81",
        b"</",
        b"]]>",
    ]
)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(SEEDS)))
    data = bytearray(gzip.decompress(SEEDS[name]) if name.endswith(".gz") else SEEDS[name])
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(data)))
        piece = draw(st.one_of(_NASTY, st.binary(min_size=1, max_size=8)))
        if draw(st.booleans()):
            data[at:at] = piece
        else:
            data[at : at + len(piece)] = piece
    if draw(st.booleans()):
        data = data[: draw(st.integers(0, len(data)))]
    raw = bytes(data)
    return name, gzip.compress(raw) if name.endswith(".gz") else raw


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
@example(("a.json", b'{"title": "n", "text": "kata", "id": 1' + b"0" * 5000 + b"}"))
@example(("a.json", b'{"title": "\\ud800", "text": "Kabar res\\udfffmi hari ini."}'))
@example(("a.xml", b'<?xml version="1.0" encoding="x-no-such-codec"?><rss></rss>'))
@example(("a.txt", b"Kabar Ab-Ab-"))
@example(("a.atom", SEEDS["a.atom"].replace(b"&lt;p&gt;", b"&lt;p&gt;\x01")))
def test_ingest_of_any_mutated_file_gives_articles_or_one_line_problems(
    case: tuple[str, bytes],
) -> None:
    name, data = case
    for result in read_bytes(data, name):
        if isinstance(result, Problem):
            assert result.reason and "\n" not in result.reason
            continue
        assert isinstance(result, Article)
        assert result.text.strip()
        result.text.encode("utf-8")  # no lone surrogate survives ingest
        result.title.encode("utf-8")
        for sentence in sentences_of(result):
            assert 0 <= sentence.start < sentence.end <= len(result.text)


_TEXT_ALPHABET = st.sampled_from(
    [
        *"aA zZ.,;:!?…\"'“”‘’()[]{}-–—/\n\t0123456789",
        *["Dr.", "Jl.", "No.", "U.S.", "a.m.", "p.m.", "Rp", "US$", "%", "persen", "ribu", "juta"],
        *["Senin", "Jumat", "Mei", "Juli", "March", "Tuesday", "pukul", "WIB", "lebih dari"],
        *["1.000", "3,5", "16/5", "1/2", "2025", "(23/7)", "10:30", "19.30", "ke-9", "½"],
        *["\u200b", "\u202e", "\x1b", "\x00", "北京", "🇮🇩", "\u0301", "\ufffd"],
    ]
)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_TEXT_ALPHABET, max_size=80).map("".join))
@example("x" * (MAX_SENTENCE_CHARS * 2 + 5))
@example(("Ab-" * 1500) + "Ab")
def test_the_splitter_covers_the_text_in_order(text: str) -> None:
    previous = 0
    for sentence in split_sentences(text):
        assert previous <= sentence.start < sentence.end <= len(text)
        assert sentence.end - sentence.start <= MAX_SENTENCE_CHARS
        assert text[sentence.start : sentence.end].strip()
        previous = sentence.end
    # Every non-space character belongs to a sentence.
    covered = sum(
        len(text[s.start : s.end]) - sum(c.isspace() for c in text[s.start : s.end])
        for s in split_sentences(text)
    )
    assert covered == sum(not c.isspace() for c in text)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(_TEXT_ALPHABET, max_size=60).map(" ".join),
    st.sampled_from(["id", "en", "und"]),
    st.sampled_from([None, "2025-03-03", "2025", "1999-12-31"]),
)
def test_the_number_and_date_reader_gives_spans_of_the_text(
    text: str, language: str, published: str | None
) -> None:
    if not text.strip():
        return
    article = Article(path="fuzz", text=text, title="", language=language, published=published)
    previous = 0
    for span in sorted(find_value_spans(article, sentences_of(article)), key=lambda s: s.start):
        assert text[span.start : span.end] == span.text
        assert span.start >= previous or span.end <= previous  # ordered or nested, not torn
        assert span.value
        previous = max(previous, span.end)
