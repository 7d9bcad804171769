"""Group the articles under some paths, using the cache to skip work already done.

This is what ``newsdiff stories`` runs. For every input file it first asks the cache
(:mod:`store`) whether a file of that path, size and modification time was seen
before; if so, its articles' content hashes, features and metadata come from the
cache and the file is not read. Only new or changed files go through ingest and
feature extraction. When the whole input — every article's path and content hash —
was grouped before, the finished grouping is reused as well.

The cache is an accelerator only: any failure to use it (a corrupt file set aside
mid-run, a read-only cache directory) falls back to doing the work.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from typing import Any, Final

import numpy as np

from newsdiff.core.group.codec import (
    FEATURES_VERSION,
    StaleFeatures,
    decode,
    encode,
    is_current,
)
from newsdiff.core.group.features import FeatureTable
from newsdiff.core.group.model import Grouping, PairStats, RelatedLink, SourceGuess, Story
from newsdiff.core.group.pipeline import Cancelled, Progress, compute_features, group_features
from newsdiff.core.group.pipeline import report_facts as article_facts
from newsdiff.core.group.source import ReportFacts
from newsdiff.core.group.store import StoryStore
from newsdiff.core.ingest import DEFAULT_MAX_BYTES, iter_load
from newsdiff.core.ingest.discover import Input, expand
from newsdiff.core.model import Article, Problem

GROUPING_VERSION: Final = 1
"""Bump when grouping decisions change: stored finished groupings are not reused."""
_MANY_INPUTS: Final = 64
"""Above this many files, the cache's file table is read in one query, not per file."""


@dataclass(frozen=True, slots=True)
class Report:
    """One article as the stories output shows it (no text: it may come from the cache)."""

    path: str
    title: str
    outlet: str | None
    published: str | None
    place: str | None
    language: str
    agency: str | None
    agency_dateline: bool
    content_hash: str

    def facts(self) -> ReportFacts:
        return ReportFacts(
            name=self.path.replace("\\", "/").rsplit("/", 1)[-1],
            published=self.published,
            outlet=self.outlet,
            agency=self.agency,
            agency_dateline=self.agency_dateline,
        )


@dataclass(frozen=True, slots=True)
class StoriesResult:
    """The reports (in input order), their grouping and the inputs that were skipped."""

    reports: tuple[Report, ...]
    grouping: Grouping
    problems: tuple[Problem, ...]
    reused: bool = False
    """True when the finished grouping came from the cache."""


def report_of(article: Article) -> Report:
    facts = article_facts(article)
    return Report(
        path=article.path,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        place=article.place,
        language=article.language,
        agency=article.agency,
        agency_dateline=facts.agency_dateline,
        content_hash=article.content_hash,
    )


def _report_fields(report: Report) -> dict[str, Any]:
    fields = asdict(report)
    del fields["path"], fields["content_hash"]
    return fields


def group_paths(
    paths: Sequence[str],
    *,
    store: StoryStore | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> StoriesResult:
    """Stories of every article under ``paths`` (files, folders, globs, ``-``)."""
    problems: list[Problem] = []
    inputs: list[Input] = []
    for item in expand(list(paths)):
        (problems if isinstance(item, Problem) else inputs).append(item)
    known = _known_files(store, inputs)
    # Per input: its cached items, or the articles read from it now.
    entries: list[tuple[str, str, Article | None]] = []
    fresh_files: list[tuple[str, int, int, list[tuple[str, str]]]] = []
    for number, item in enumerate(inputs):
        if cancelled is not None and cancelled():
            raise InterruptedError("grouping cancelled")
        stat = _stat(item)
        cached = known.get(item.path) if stat else None
        if cached is not None and stat is not None and cached[:2] == stat:
            entries.extend((shown, key, None) for shown, key in cached[2])
            continue
        loaded = [a for a in iter_load([item.path], max_bytes=max_bytes) if _keep(a, problems)]
        entries.extend((a.path, a.content_hash, a) for a in loaded)
        if stat is not None:
            fresh_files.append((item.path, *stat, [(a.path, a.content_hash) for a in loaded]))
        if progress is not None and number % 200 == 0:
            progress("reading", number, len(inputs))
    fingerprint = _fingerprint(entries)
    reused = _reuse(store, fingerprint, entries)
    if reused is not None:
        reports, grouping = reused
        _save(store, [], fresh_files)
        return StoriesResult(tuple(reports), grouping, tuple(problems), reused=True)

    table, reports, new_rows = _features(store, entries, max_bytes, problems, progress, cancelled)
    grouping = group_features(table, [r.facts() for r in reports], progress, cancelled)
    _save(store, new_rows, fresh_files)
    if store is not None:
        _guarded(store, lambda: store.save_grouping(fingerprint, grouping_record(grouping)))
    return StoriesResult(tuple(reports), grouping, tuple(problems))


def _keep(item: Article | Problem, problems: list[Problem]) -> bool:
    if isinstance(item, Problem):
        problems.append(item)
        return False
    return True


def _stat(item: Input) -> tuple[int, int] | None:
    if item.path == "-":
        return None
    try:
        info = os.stat(item.path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _known_files(
    store: StoryStore | None, inputs: Sequence[Input]
) -> dict[str, tuple[int, int, list[tuple[str, str]]]]:
    if store is None:
        return {}
    if len(inputs) > _MANY_INPUTS:
        return _guarded(store, store.all_files) or {}
    known: dict[str, tuple[int, int, list[tuple[str, str]]]] = {}
    for item in inputs:
        stat = _stat(item)
        if stat is None:
            continue
        items = _guarded(store, lambda item=item, stat=stat: store.file_items(item.path, *stat))
        if items is not None:
            known[item.path] = (*stat, items)
    return known


def _fingerprint(entries: Sequence[tuple[str, str, Article | None]]) -> str:
    digest = hashlib.sha256(f"{FEATURES_VERSION}/{GROUPING_VERSION}".encode())
    for shown, key, _ in entries:
        digest.update(f"\n{shown}\t{key}".encode())
    return digest.hexdigest()


def _reuse(
    store: StoryStore | None, fingerprint: str, entries: Sequence[tuple[str, str, Article | None]]
) -> tuple[list[Report], Grouping] | None:
    if store is None or not entries:
        return None
    record = _guarded(store, lambda: store.grouping(fingerprint))
    if record is None:
        return None
    missing = [key for _, key, article in entries if article is None]
    stored = _guarded(store, lambda: store.reports(missing)) or {}
    reports = []
    for shown, key, article in entries:
        if article is not None:
            reports.append(report_of(article))
        elif key in stored:
            reports.append(Report(path=shown, content_hash=key, **stored[key]))
        else:
            return None
    try:
        return reports, grouping_from_record(record, len(reports))
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _features(
    store: StoryStore | None,
    entries: list[tuple[str, str, Article | None]],
    max_bytes: int,
    problems: list[Problem],
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> tuple[FeatureTable, list[Report], list[tuple[str, bytes, dict[str, Any]]]]:
    """Features for every entry: from the cache where stored, computed for the rest."""
    wanted = [key for _, key, article in entries if article is None]
    stored = (_guarded(store, lambda: store.features(wanted)) if store else None) or {}
    rows: list[bytes | None] = []
    reports: list[Report] = []
    to_compute: list[Article] = []
    for shown, key, article in entries:
        if article is None and key in stored:
            blob, fields = stored[key]
            if is_current(blob):
                rows.append(blob)
                reports.append(Report(path=shown, content_hash=key, **fields))
                continue
        if article is None:
            article = _reread(shown, key, max_bytes, problems)
            if article is None:
                continue
        rows.append(None)
        reports.append(report_of(article))
        to_compute.append(article)
    computed = compute_features(to_compute, progress=progress, cancelled=cancelled)
    new_rows = [
        (article.content_hash, encode(computed, i), _report_fields(report_of(article)))
        for i, article in enumerate(to_compute)
    ]
    blobs: list[bytes] = []
    fresh = iter(row for _, row, _ in new_rows)
    for row in rows:
        blobs.append(row if row is not None else next(fresh))
    try:
        table = decode(blobs) if blobs else computed
    except StaleFeatures:  # a damaged row: compute everything rather than guess
        return _features(None, _without_cache(entries, max_bytes, problems), max_bytes,
                         problems, progress, cancelled)  # fmt: skip
    return table, reports, new_rows


def _without_cache(
    entries: list[tuple[str, str, Article | None]], max_bytes: int, problems: list[Problem]
) -> list[tuple[str, str, Article | None]]:
    out: list[tuple[str, str, Article | None]] = []
    for shown, key, article in entries:
        article = article or _reread(shown, key, max_bytes, problems)
        if article is not None:
            out.append((shown, key, article))
    return out


def _reread(shown: str, key: str, max_bytes: int, problems: list[Problem]) -> Article | None:
    """Read the article a cached file item names (its features were not stored)."""
    path = shown.rsplit("#", 1)[0] if "#" in shown and not os.path.exists(shown) else shown
    for item in iter_load([path], max_bytes=max_bytes):
        if isinstance(item, Article) and item.path == shown:
            return item
        if isinstance(item, Problem):
            problems.append(item)
    return None


def _save(
    store: StoryStore | None,
    rows: list[tuple[str, bytes, dict[str, Any]]],
    files: list[tuple[str, int, int, list[tuple[str, str]]]],
) -> None:
    if store is not None and (rows or files):
        _guarded(store, lambda: store.save(rows, files))


def _guarded(store: StoryStore, action: Callable[[], Any]) -> Any:
    """Run a cache action; on corruption set the cache aside and carry on without it."""
    try:
        return action()
    except sqlite3.DatabaseError as error:
        store.recover(error)
        return None
    except sqlite3.Error as error:  # locked, read-only, disk full: work without it
        store.warn(f"cache not used ({error})")
        return None


def grouping_record(grouping: Grouping) -> dict[str, Any]:
    """A :class:`Grouping` as plain JSON-able data (for the cache)."""
    return {
        "stories": [
            [
                list(story.articles),
                [story.source.article, list(story.source.reasons)] if story.source else None,
                [
                    [p.left, p.right, p.similarity, p.copied, p.rewritten, p.copied_back,
                     p.rewritten_back]
                    for p in story.pairs
                ],
            ]
            for story in grouping.stories
        ],
        "related": [[r.left, r.right, r.similarity, r.reason] for r in grouping.related],
    }  # fmt: skip


def grouping_from_record(record: dict[str, Any], count: int) -> Grouping:
    stories = []
    story_of = np.full(count, -1, dtype=np.int64)
    for number, (articles, source, pairs) in enumerate(record["stories"]):
        stories.append(
            Story(
                articles=tuple(articles),
                source=SourceGuess(source[0], tuple(source[1])) if source else None,
                pairs=tuple(PairStats(*pair) for pair in pairs),
            )
        )
        story_of[articles] = number
    if (story_of < 0).any():
        raise ValueError("stored grouping does not cover every article")
    related = tuple(RelatedLink(*link) for link in record["related"])
    return Grouping(stories=tuple(stories), related=related, story_of=tuple(story_of.tolist()))
