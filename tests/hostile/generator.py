"""A hostile corpus, written at test time: what strangers' and attackers' files look like.

Nothing here is committed as a blob: :func:`generate` writes the files into a folder
(a pytest ``tmp_path``) and returns a :class:`Manifest` saying which file is which kind
of attack, so the tests can count what they tried and check each kind's outcome.

Every hostile file also carries an ordinary news sentence or two, so that a reader
that survives the attack has something to show (and to compare, and to export).
The two big inputs (a 10 MB single line, 200,000 one-word sentences) are written by
:func:`generate_big` into their own folder: they are for the memory and no-crash tests,
not for every command's every format.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

LEAD_ID: Final = (
    "Jakarta (ANTARA) - Presiden Joko Widodo meresmikan jalan tol sepanjang 35 km "
    "pada Senin (3/3/2025) di Jakarta. Biaya pembangunan mencapai Rp 1,2 triliun, "
    "kata Menteri Basuki Hadimuljono. Lebih dari 1.000 pekerja terlibat."
)
LEAD_EN: Final = (
    "WASHINGTON (Reuters) - The agency said on Tuesday that 1,200 people were evacuated "
    "from the coast. About 3.5 percent of homes lost power, officials said."
)

ESCAPES: Final = {
    "sgr": "\x1b[31;1mRED\x1b[0m",
    "cursor": "\x1b[2J\x1b[H\x1b[10;10H\x1b[A\x1b[K",
    "osc52": "\x1b]52;c;ZWNobyBwd25lZA==\x07",
    "osc8": "\x1b]8;;https://evil.example/\x1b\\click me\x1b]8;;\x1b\\",
    "title0": "\x1b]0;pwned title\x07",
    "title2": "\x1b]2;pwned title\x1b\\",
    "c1_csi": "\x9b31mC1 red\x9b0m",
    "bel_del": "\x07\x07\x7f\x08\x08",
    "dcs": "\x1bP+q544e\x1b\\",
}
"""Terminal control sequences: colour, cursor moves, clipboard, links, titles, C1."""

MARKUP: Final = {
    "bold": "[bold]tebal[/bold]",
    "link": "[link=https://evil.example/]tautan[/link]",
    "click": "[@click=app.quit]keluar[/]",
    "style": "[on red blink reverse]kedip[/]",
    "unclosed": "[/] [bold [red]] \\[escaped]",
}
"""Rich/Textual console markup: must show literally, never style, link or act."""

BIDI: Final = {
    "rlo": "\u202eevil.exe\u202c txt",
    "isolates": "\u2066\u2067\u2068terisolasi\u2069\u2069\u2069",
    "marks": "\u200e\u200f\u061c",
    "arabic": "قال المتحدث إن 1200 شخص",
    "hebrew": "שלום עולם",
}
"""Right-to-left text and the controls that reorder what a person sees."""

INVISIBLE: Final = {
    "zero_width": "Ja\u200bkar\u200cta\u200d \ufeffPres\u2060iden",
    "combining": "Z" + "\u0301\u0300\u0302\u0303\u0308" * 40 + "algo",
    "variation": "A\ufe0f\ufe0eB",
}
"""Zero-width and combining characters (a zalgo stack of 200 marks)."""

WIDE: Final = {
    "emoji": "🇮🇩🔥👩‍👩‍👧‍👦 1.000 👍🏽",
    "cjk": "北京市中心发生地震，约1200人撤离。東京都では",
    "fullwidth": "ＪＡＫＡＲＴＡ １２３",
}
"""Emoji (with ZWJ sequences and skin tones) and double-width CJK."""


@dataclass
class Manifest:
    """Which file is which attack: ``kinds[kind]`` lists the files of that kind."""

    root: Path
    kinds: dict[str, list[Path]] = field(default_factory=dict)
    rejected: dict[Path, str] = field(default_factory=dict)
    """Files every reader must refuse, with a word their reason must contain."""

    def add(self, kind: str, path: Path, data: bytes, reject: str | None = None) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.kinds.setdefault(kind, []).append(path)
        if reject is not None:
            self.rejected[path] = reject
        return path

    def counts(self) -> Counter[str]:
        return Counter({kind: len(paths) for kind, paths in self.kinds.items()})

    @property
    def files(self) -> list[Path]:
        return [p for paths in self.kinds.values() for p in paths]


def _article(*pieces: str, english: bool = False) -> str:
    """An article whose lead is ordinary news and whose middle carries the attack."""
    lead = LEAD_EN if english else LEAD_ID
    middle = " ".join(pieces)
    return f"{lead}\n\nSumber resmi menyebut {middle} dalam laporan itu.\n\n{lead}\n"


def _text_attacks(manifest: Manifest, root: Path) -> None:
    for group_name, group in (
        ("escape", ESCAPES),
        ("markup", MARKUP),
        ("bidi", BIDI),
        ("invisible", INVISIBLE),
        ("wide", WIDE),
    ):
        for name, attack in group.items():
            # In the body, in a first line the reader takes for the title, and in HTML.
            body = _article(attack)
            manifest.add(group_name, root / group_name / f"{name}.txt", body.encode())
            titled = f"{attack} Judul {name}\n\n{body}"
            manifest.add(group_name, root / group_name / f"{name}-title.txt", titled.encode())
            record = {"title": f"{attack} {name}", "text": body, "source": attack}
            manifest.add(
                group_name, root / group_name / f"{name}.json", json.dumps(record).encode()
            )
    everything = " ".join(v for g in (ESCAPES, MARKUP, BIDI, INVISIBLE, WIDE) for v in g.values())
    manifest.add(
        "escape",
        root / "escape" / "all-at-once.md",
        f"# {everything}\n\n{_article(everything)}".encode(),
    )
    html = (
        f"<html><head><title>{everything}</title></head><body><article>"
        f"<h1>{everything}</h1><p>{LEAD_ID}</p><p>{everything}</p><p>{LEAD_ID}</p>"
        "</article></body></html>"
    )
    manifest.add("escape", root / "escape" / "all-at-once.html", html.encode())


def _nul_and_surrogates(manifest: Manifest, root: Path) -> None:
    body = _article("nol")
    # A stray NUL in an otherwise ordinary text file: binary by the rules (refused).
    manifest.add(
        "nul",
        root / "nul" / "one-nul.txt",
        body.encode().replace(b"Sumber", b"Sum\x00ber"),
        reject="binary",
    )
    # NULs in JSON as escapes: valid JSON, the text holds U+0000.
    record = {"title": "nul\u0000title", "text": body.replace("Sumber", "Sum\u0000ber")}
    manifest.add("nul", root / "nul" / "escaped-nul.json", json.dumps(record).encode())
    # Many NULs: looks like UTF-16 to a sniffer, or binary.
    manifest.add("nul", root / "nul" / "many-nuls.txt", b"\x00" * 4096 + body.encode())
    # Lone surrogates written as JSON escapes (legal JSON, not encodable text).
    record = {"title": "surrogate \ud800 title", "text": body.replace("resmi", "res\udfffmi")}
    manifest.add(
        "surrogate",
        root / "surrogate" / "escaped.json",
        json.dumps(record, ensure_ascii=True).encode(),
    )
    jsonl = "\n".join(
        json.dumps({"title": f"item {i} \ud83d", "text": body + f"\ud800{i}"}) for i in range(3)
    )
    manifest.add("surrogate", root / "surrogate" / "escaped.jsonl", jsonl.encode())
    # A surrogate encoded as UTF-8 bytes (CESU-style): invalid UTF-8 on disk.
    raw = body.encode().replace(b"resmi", b"res\xed\xa0\x80mi")
    manifest.add("surrogate", root / "surrogate" / "cesu.txt", raw)
    # Undecodable bytes that are neither UTF-8 nor Windows-1252: refused.
    manifest.add(
        "surrogate",
        root / "surrogate" / "undecodable.txt",
        b"\x81\x8d\x8f\x90\x9d" * 50 + body.encode(),
        reject="undecodable",
    )
    # A UTF-16 file with a broken surrogate pair.
    manifest.add(
        "surrogate",
        root / "surrogate" / "utf16-broken.txt",
        b"\xff\xfe" + body.encode("utf-16-le") + b"\x00\xd8" + "akhir.".encode("utf-16-le"),
        reject="utf-16",
    )


def _html(manifest: Manifest, root: Path) -> None:
    lead = f"<p>{LEAD_ID}</p>"
    manifest.add(
        "html_nested",
        root / "html" / "nested-divs.html",
        (f"<html><body>{'<div>' * 5000}{lead * 3}{'</div>' * 5000}</body></html>").encode(),
        "nested",
    )
    manifest.add(
        "html_nested",
        root / "html" / "nested-unclosed.html",
        (f"<html><body>{'<div><span><b><i>' * 3000}{lead * 3}</body>").encode(),
        "nested",
    )
    manifest.add(
        "html_nested",
        root / "html" / "nested-tables.html",
        (f"<html><body>{'<table><tr><td>' * 2000}{lead * 3}</body></html>").encode(),
        "nested",
    )
    malformed = [
        f"<html><body><p>{LEAD_ID}<p><b><i></b></i>{LEAD_ID}</p></p></table></td>",
        f"<<<<>>>> <p <p <p>{LEAD_ID}</p> <!-- unclosed comment <p>{LEAD_ID}",
        f"<html><head><script>alert(1)</script><style>*{{}}</style></head><body>"
        f"<p onclick='alert(1)'>{LEAD_ID}</p><script>document.write('x')</script>"
        f"<p>&lt;script&gt;alert(2)&lt;/script&gt; &amp;&#0;&#xD800;&#1114112; {LEAD_ID}</p>",
        f"<html><body><![CDATA[ {LEAD_ID} ]]><p>{LEAD_ID}</p><?php echo 1; ?></body></html>",
        "<html><body></body></html>",
        f"<html><body><p>{LEAD_ID}</p>" + "<p>" + "x" * 200_000 + "</p></body></html>",
    ]
    for i, page in enumerate(malformed):
        manifest.add("html_malformed", root / "html" / f"malformed-{i}.html", page.encode())
    # Entity declarations inside an HTML page: must not expand or fetch.
    laughs = _laughs_dtd() + (
        f"<html><body><p>&lol9; {LEAD_ID}</p><p>{LEAD_EN}</p><p>{LEAD_ID}</p></body></html>"
    )
    manifest.add("xml_entities", root / "html" / "laughs.html", laughs.encode())
    external = (
        '<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>&xxe; {LEAD_ID}</p><p>{LEAD_ID}</p></body></html>"
    )
    manifest.add("xml_entities", root / "html" / "external.xhtml", external.encode())


def _laughs_dtd() -> str:
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", '<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else f"lol{level - 1}"
        lines.append(f'<!ENTITY lol{level} "{("&" + previous + ";") * 10}">')
    lines.append("]>")
    return "\n".join(lines)


def _feed(title: str, items: list[str], declaration: str = "") -> str:
    entries = "".join(
        f"<item><title>{title} {i}</title><link>https://example.com/{i}</link>"
        f"<description>{item}</description></item>"
        for i, item in enumerate(items)
    )
    return (
        f'<?xml version="1.0"{declaration}?><rss version="2.0"><channel><title>{title}</title>'
        f"{entries}</channel></rss>"
    )


def _feeds(manifest: Manifest, root: Path) -> None:
    laughs = _laughs_dtd().replace("lolz", "rss") + (
        '<rss version="2.0"><channel><title>&lol9;</title><item><title>t</title>'
        f"<description>&lol9; {LEAD_ID}</description></item></channel></rss>"
    )
    manifest.add("xml_entities", root / "feeds" / "laughs.rss", laughs.encode(), "entit")
    for target in ("file:///etc/passwd", "http://127.0.0.1:9/x", "/etc/hostname"):
        name = target.strip("/").split("/")[-1] or "x"
        external = (
            f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "{target}">]>'
            '<rss version="2.0"><channel><title>t</title><item><title>&xxe;</title>'
            f"<description>&xxe; {LEAD_ID}</description></item></channel></rss>"
        )
        manifest.add(
            "xml_entities", root / "feeds" / f"external-{name}.xml", external.encode(), "entit"
        )
    parameter = (
        '<?xml version="1.0"?><!DOCTYPE feed [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd">'
        ' %p;]><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry>'
        f"<title>a</title><content>{LEAD_EN}</content></entry></feed>"
    )
    manifest.add("xml_entities", root / "feeds" / "parameter.atom", parameter.encode(), "entit")
    broken_laughs = laughs.replace("</channel></rss>", "<unclosed>")
    manifest.add(
        "xml_entities", root / "feeds" / "broken-laughs.rss", broken_laughs.encode(), "entit"
    )
    # Feeds that lie about their encoding.
    honest_items = [LEAD_ID, LEAD_ID.replace("Jakarta", "Surabaya")]
    utf8 = _feed("Kabar Café", honest_items, ' encoding="iso-8859-1"').encode("utf-8")
    manifest.add("encoding_lie", root / "feeds" / "says-latin1-is-utf8.xml", utf8)
    latin = _feed("Kabar Café", honest_items, ' encoding="utf-8"').encode("latin-1")
    manifest.add("encoding_lie", root / "feeds" / "says-utf8-is-latin1.xml", latin)
    says16 = _feed("Kabar", honest_items, ' encoding="utf-16"').encode("utf-8")
    manifest.add("encoding_lie", root / "feeds" / "says-utf16-is-utf8.xml", says16)
    bogus = _feed("Kabar", honest_items, ' encoding="x-no-such-codec"').encode("utf-8")
    manifest.add("encoding_lie", root / "feeds" / "unknown-codec.xml", bogus)
    ebcdic = _feed("Kabar", honest_items, ' encoding="cp500"').encode("utf-8")
    manifest.add("encoding_lie", root / "feeds" / "says-ebcdic.xml", ebcdic)
    page = (
        '<html><head><meta charset="shift_jis"></head><body>'
        f"<p>{LEAD_ID} Café</p><p>{LEAD_ID}</p></body></html>"
    ).encode()
    manifest.add("encoding_lie", root / "feeds" / "html-says-shift-jis.html", page)
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-16">'
        f"</head><body><p>{LEAD_ID} Café</p></body></html>"
    ).encode("cp1252")
    manifest.add("encoding_lie", root / "feeds" / "html-says-utf16.html", page)


def _json(manifest: Manifest, root: Path) -> None:
    wrong_types = [
        {"title": 12, "text": LEAD_ID},
        {"title": ["a", {"b": 1}], "text": LEAD_ID, "date": {"y": 2025}, "source": 3.5},
        {"title": None, "text": [LEAD_ID, 7, None, {"p": "x"}, LEAD_ID]},
        {"text": 12345},
        {"text": True, "body": LEAD_ID},
        {"text": {"nested": LEAD_ID}},
        {"title": "x", "text": LEAD_ID, "published": 1.5e308, "url": ["x"], "authors": 9},
        {"title": "x", "text": LEAD_ID, "date": "9999-99-99T99:99", "language": 42},
        {"title": "x", "text": LEAD_ID, "source": {"name": {"name": []}}},
        "just a string",
        12,
        None,
        [],
    ]
    for i, record in enumerate(wrong_types):
        manifest.add(
            "json_types", root / "json" / f"wrong-type-{i}.json", json.dumps(record).encode()
        )
    manifest.add(
        "json_types",
        root / "json" / "wrong-types.jsonl",
        "\n".join(json.dumps(r) for r in wrong_types).encode(),
    )
    manifest.add(
        "json_types",
        root / "json" / "articles-not-a-list.json",
        json.dumps({"articles": {"text": LEAD_ID}, "items": 5}).encode(),
    )
    nested: object = {"text": LEAD_ID, "title": "deep"}
    for _ in range(100):
        nested = {"data": [nested], "text": 1}
    manifest.add("json_nested", root / "json" / "nested-100.json", json.dumps(nested).encode())
    value: object = LEAD_ID
    for _ in range(100):
        value = [value]
    manifest.add(
        "json_nested",
        root / "json" / "nested-100-text.json",
        json.dumps({"title": "t", "text": value}).encode(),
    )
    deep = "[" * 100_000 + "]" * 100_000
    manifest.add("json_nested", root / "json" / "nested-100000.json", deep.encode(), "nested")
    deep_obj = '{"text": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + "}"
    manifest.add("json_nested", root / "json" / "nested-objects.json", deep_obj.encode(), "nested")
    manifest.add(
        "json_malformed",
        root / "json" / "truncated.json",
        json.dumps({"text": LEAD_ID})[:-5].encode(),
        "malformed",
    )
    manifest.add(
        "json_malformed",
        root / "json" / "nan.json",
        b'{"title": NaN, "text": "' + LEAD_ID.encode() + b'", "x": Infinity}',
    )
    manifest.add(
        "json_malformed",
        root / "json" / "huge-number.json",
        b'{"title": "n", "text": "' + LEAD_ID.encode() + b'", "id": 1' + b"0" * 5000 + b"}",
    )


def _duplicates(manifest: Manifest, root: Path) -> None:
    body = _article("salinan").encode()
    for name in ("a.txt", "b.txt", "copy/a.txt"):
        manifest.add("duplicate", root / "dupes" / name, body)
    # The same text under different names and formats.
    text = _article("nama lain", english=False)
    manifest.add("same_text", root / "renamed" / "report.txt", text.encode())
    manifest.add("same_text", root / "renamed" / "report.md", text.encode())
    manifest.add("same_text", root / "renamed" / "report.json", json.dumps({"text": text}).encode())
    manifest.add("same_text", root / "renamed" / "report.txt.gz", gzip.compress(text.encode()))
    manifest.add("same_text", root / "renamed" / "no-extension", text.encode())


def generate(root: Path) -> Manifest:
    """Write the hostile corpus (everything but the two big files) under ``root``."""
    manifest = Manifest(root)
    _text_attacks(manifest, root)
    _nul_and_surrogates(manifest, root)
    _html(manifest, root)
    _feeds(manifest, root)
    _json(manifest, root)
    _duplicates(manifest, root)
    return manifest


BIG_LINE_BYTES: Final = 10 * 1024 * 1024
ONE_WORD_SENTENCES: Final = 200_000


def generate_big(root: Path) -> Manifest:
    """The two big inputs: a 10 MB single line and 200,000 one-word sentences."""
    manifest = Manifest(root)
    words = (LEAD_ID + " ").encode()
    line = (words * (BIG_LINE_BYTES // len(words) + 1))[:BIG_LINE_BYTES].replace(b". ", b", ")
    manifest.add("big_line", root / "big-line.txt", line + b"\n")
    sentences = " ".join(f"Kata{i % 97}." for i in range(ONE_WORD_SENTENCES))
    manifest.add("many_sentences", root / "many-sentences.txt", (sentences + "\n").encode())
    return manifest
