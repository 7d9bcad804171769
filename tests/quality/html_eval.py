"""Score HTML extraction against the fundus test pages (``../shared/data/html/fundus``).

fundus ships, per publisher, gzipped pages ``<Publisher>_<YYYY_MM_DD>.html.gz`` and a
``<Publisher>.json`` whose version keys (``V1``, ``V1_1``, …) hold the expected title,
authors, date and body. Sorted by date, the pages pair with the keys in file order.

**Similarity.** Both bodies are NFKC-normalised, case-folded and split on whitespace;
the score is rapidfuzz's ``Indel.normalized_similarity`` of the two *token sequences*
(``2·LCS / (len(a) + len(b))``: an F1 of the words kept in order, so missing paragraphs
and extra boilerplate both cost). A page **matches** when the score is ≥ 0.9. The
expected body is, as the data's README says, the paragraphs of the sections; the
score against summary + headlines + paragraphs is reported too.

Title: equal after whitespace normalisation and case folding. Author: the set of
expected names equals the extracted names (split at ``;``/``,``/`` and ``/`` & ``und``),
case-folded — pages without expected authors are left out. Date: the ``YYYY-MM-DD`` of
``publishing_date`` equals ours.

    python -m tests.quality.html_eval            # newsdiff's own HTML reader
    python -m tests.quality.html_eval --compare  # plus alternative configurations
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

MATCH_THRESHOLD: Final = 0.9


@dataclass(frozen=True, slots=True)
class Page:
    """One fundus page with what its publisher's parser says it holds."""

    path: Path
    title: str
    authors: tuple[str, ...]
    date: str | None
    paragraphs: tuple[str, ...]
    summary: tuple[str, ...]
    headlines: tuple[str, ...]
    lang: str | None
    """The page's own ``<html lang>`` (the label for language tests), lower-cased."""


@dataclass(frozen=True, slots=True)
class Extracted:
    """What an extractor produced for a page."""

    text: str
    title: str | None = None
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True)
class PageScore:
    page: Page
    body: float
    full_body: float
    title: bool
    author: bool | None
    date: bool | None
    lines: int = 0
    """How many non-blank lines the extracted text has (paragraph structure kept?)."""


_LANG: Final = re.compile(rb"<html[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def fundus_pages(root: Path) -> list[Page]:
    """Every page under ``root`` paired with its expected output."""
    pages: list[Page] = []
    for expected_file in sorted(root.glob("*/*.json")):
        publisher = expected_file.stem
        htmls = sorted(expected_file.parent.glob(f"{publisher}_*.html.gz"))
        versions = json.loads(expected_file.read_text(encoding="utf-8"))
        for html, expected in zip(htmls, versions.values(), strict=False):
            body = expected.get("body") or {}
            sections = body.get("sections") or []
            raw = gzip.decompress(html.read_bytes())
            lang = _LANG.search(raw[:20000])
            pages.append(
                Page(
                    path=html,
                    title=expected.get("title") or "",
                    authors=tuple(expected.get("authors") or ()),
                    date=(expected.get("publishing_date") or "")[:10] or None,
                    paragraphs=tuple(p for s in sections for p in s.get("paragraphs", ())),
                    summary=tuple(body.get("summary") or ()),
                    headlines=tuple(h for s in sections for h in s.get("headline", ())),
                    lang=lang.group(1).decode().lower() if lang else None,
                )
            )
    return pages


_CJK: Final = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TOKEN: Final = re.compile(rf"[{_CJK}]|[^\s{_CJK}]+")
"""A CJK character is a token of its own (those scripts do not separate words)."""


def _clean(text: str) -> str:
    """NFKC, case-folded, with format characters (soft hyphens, zero-width spaces) gone."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(_clean(text))


def body_similarity(expected: str, extracted: str) -> float:
    """Indel similarity of the two token sequences (0–1); see the module docstring."""
    from rapidfuzz.distance import Indel

    return Indel.normalized_similarity(_tokens(expected), _tokens(extracted))


def _norm(text: str | None) -> str:
    return " ".join(_clean(text or "").split())


_NAME_SEPARATORS: Final = re.compile(r"\s*(?:;|,|&|\b(?:and|und|et|y|og|och|en|i)\b)\s*")


def _names(value: str | tuple[str, ...] | None) -> frozenset[str]:
    if not value:
        return frozenset()
    parts = value if isinstance(value, tuple) else (value,)
    names = set()
    for part in parts:
        for name in _NAME_SEPARATORS.split(_norm(part)):
            name = " ".join(re.sub(r"[^\w\s]", " ", name).split())
            if name:
                names.add(name)
    return frozenset(names)


def score(page: Page, got: Extracted) -> PageScore:
    expected = "\n".join(page.paragraphs)
    full = "\n".join((*page.summary, *page.headlines, *page.paragraphs))
    return PageScore(
        page=page,
        body=body_similarity(expected, got.text),
        full_body=body_similarity(full, got.text),
        title=_norm(page.title) == _norm(got.title),
        author=(_names(page.authors) == _names(got.author)) if page.authors else None,
        date=(page.date == got.date) if page.date else None,
        lines=sum(1 for line in got.text.split("\n") if line.strip()),
    )


@dataclass(frozen=True, slots=True)
class Summary:
    name: str
    pages: int
    matched: int
    mean: float
    median: float
    full_matched: int
    titles: float
    authors: float
    dates: float

    def line(self) -> str:
        return (
            f"{self.name:<28} body match {self.matched}/{self.pages} "
            f"({self.matched / self.pages:.1%}), mean {self.mean:.3f}, median "
            f"{self.median:.3f}; vs summary+headlines+paragraphs {self.full_matched}/"
            f"{self.pages}; title {self.titles:.1%}, author {self.authors:.1%}, "
            f"date {self.dates:.1%}"
        )


def summarise(name: str, scores: list[PageScore]) -> Summary:
    authors = [s.author for s in scores if s.author is not None]
    dates = [s.date for s in scores if s.date is not None]
    return Summary(
        name=name,
        pages=len(scores),
        matched=sum(s.body >= MATCH_THRESHOLD for s in scores),
        mean=statistics.fmean(s.body for s in scores),
        median=statistics.median(s.body for s in scores),
        full_matched=sum(s.full_body >= MATCH_THRESHOLD for s in scores),
        titles=statistics.fmean(s.title for s in scores),
        authors=statistics.fmean(authors) if authors else 0.0,
        dates=statistics.fmean(dates) if dates else 0.0,
    )


def newsdiff_extractor(page: Page) -> Extracted:
    """What ``newsdiff`` itself makes of the page (the full ingest path)."""
    from newsdiff.core.ingest import read_bytes
    from newsdiff.core.model import Article

    results = read_bytes(gzip.decompress(page.path.read_bytes()), str(page.path))
    article = next((r for r in results if isinstance(r, Article)), None)
    if article is None:
        return Extracted(text="")
    return Extracted(article.text, article.title, article.byline, article.published)


def newsdiff_with(**options: object) -> Callable[[Page], Extracted]:
    """newsdiff's full path with other trafilatura options (same tidying afterwards)."""

    def extract(page: Page) -> Extracted:
        from newsdiff.core.ingest import html

        saved = dict(html.EXTRACTION_OPTIONS)
        html.EXTRACTION_OPTIONS.update(options)  # type: ignore[attr-defined]
        try:
            return newsdiff_extractor(page)
        finally:
            html.EXTRACTION_OPTIONS.clear()  # type: ignore[attr-defined]
            html.EXTRACTION_OPTIONS.update(saved)  # type: ignore[attr-defined]

    return extract


def trafilatura_extractor(**options: object) -> Callable[[Page], Extracted]:
    """trafilatura called directly with ``options`` (for comparing configurations)."""

    def extract(page: Page) -> Extracted:
        import trafilatura

        html = gzip.decompress(page.path.read_bytes())
        doc = trafilatura.bare_extraction(html, with_metadata=True, **options)
        if doc is None:
            return Extracted("")
        return Extracted(doc.text or "", doc.title, doc.author, doc.date)

    return extract


def readability_extractor(page: Page) -> Extracted:
    """readability-lxml (the Firefox reader-view algorithm) plus paragraph text."""
    import lxml.html
    from readability import Document  # type: ignore[import-not-found]

    html = gzip.decompress(page.path.read_bytes()).decode("utf-8", errors="replace")
    doc = Document(html)
    root = lxml.html.fromstring(doc.summary(html_partial=True))
    blocks = [
        " ".join(el.text_content().split())
        for el in root.iter("p", "h1", "h2", "h3", "h4", "li", "blockquote", "pre")
    ]
    return Extracted("\n".join(b for b in blocks if b), doc.short_title())


_JUSTEXT_STOPLISTS: Final = {
    "de": "German", "en": "English", "es": "Spanish", "fr": "French", "ko": "Korean",
    "tr": "Turkish", "cs": "Czech", "it": "Italian", "no": "Norwegian_Bokmal",
    "nb": "Norwegian_Bokmal", "sv": "Swedish", "da": "Danish", "pl": "Polish",
    "ru": "Russian", "nl": "Dutch", "id": "Indonesian", "hi": "Hindi", "is": "Icelandic",
    "ar": "Arabic", "lt": "Lithuanian", "vi": "Vietnamese",
}  # fmt: skip


def justext_extractor(page: Page) -> Extracted:
    """jusText (paragraph classifier) with the stop-list of the page's declared language
    (English when undeclared; Japanese has no list, so those pages score low)."""
    import justext

    html = gzip.decompress(page.path.read_bytes())
    stoplist = _JUSTEXT_STOPLISTS.get(page.lang or "en", "English")
    paragraphs = justext.justext(html, justext.get_stoplist(stoplist))
    return Extracted("\n".join(p.text for p in paragraphs if not p.is_boilerplate))


def run(pages: list[Page], extractor: Callable[[Page], Extracted]) -> list[PageScore]:
    """Scores of ``extractor`` on every page (a page it fails on scores as empty)."""
    scores = []
    for page in pages:
        try:
            got = extractor(page)
        except Exception:  # an alternative library choking on a page is a miss, not a crash
            got = Extracted("")
        scores.append(score(page, got))
    return scores


def _configurations() -> Iterator[tuple[str, Callable[[Page], Extracted]]]:
    yield "newsdiff + favor_precision", newsdiff_with(favor_precision=True)
    yield "newsdiff + favor_recall", newsdiff_with(favor_recall=True)
    yield "newsdiff + no tables", newsdiff_with(include_tables=False)
    yield "trafilatura default", trafilatura_extractor()
    yield "trafilatura no tables", trafilatura_extractor(include_tables=False)
    yield "trafilatura favor_precision", trafilatura_extractor(favor_precision=True)
    yield "trafilatura favor_recall", trafilatura_extractor(favor_recall=True)
    yield "trafilatura no_fallback", trafilatura_extractor(no_fallback=True)
    yield "jusText (page language)", justext_extractor
    yield "readability-lxml", readability_extractor


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.quality.html_eval")
    parser.add_argument("--data", type=Path, default=None, help="the fundus folder")
    parser.add_argument("--compare", action="store_true", help="also score alternatives")
    parser.add_argument("--worst", type=int, default=0, help="list the N worst pages")
    args = parser.parse_args(argv)
    root = args.data
    if root is None:
        from tests.conftest import SHARED_DATA

        if SHARED_DATA is None:
            print("no ../shared/data folder", file=sys.stderr)
            return 2
        root = SHARED_DATA / "html" / "fundus"
    pages = fundus_pages(root)
    scores = run(pages, newsdiff_extractor)
    print(summarise("newsdiff (ingest.read_bytes)", scores).line())
    for s in sorted(scores, key=lambda s: s.body)[: args.worst]:
        print(f"  {s.body:.3f} {s.page.path.relative_to(root)}")
    if args.compare:
        for name, extractor in _configurations():
            try:
                print(summarise(name, run(pages, extractor)).line(), flush=True)
            except ImportError as error:
                print(f"{name:<28} not installed ({error.name})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
