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
from newsdiff.core.group.features import FeatureTable, extract, grouping_text
from newsdiff.core.group.model import Grouping
from newsdiff.core.group.pipeline import (
    BATCH,
    Cancelled,
    Progress,
    compute_features,
    group_features,
)
from newsdiff.core.group.pipeline import report_facts as article_facts
from newsdiff.core.group.records import grouping_from_record, grouping_record, renumber
from newsdiff.core.group.source import ReportFacts
from newsdiff.core.group.store import StoryStore
from newsdiff.core.group.vocabulary import Vocabulary
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
    """Stories of every article under ``paths`` (files, folders, globs, ``-``).

    New and changed files are read and turned into features batch by batch (and the
    batch saved to the cache), so no more than a batch of articles is ever held in
    memory; unchanged files contribute only their cached features.
    """
    problems: list[Problem] = []
    inputs: list[Input] = []
    for item in expand(list(paths)):
        (problems if isinstance(item, Problem) else inputs).append(item)
    known = _known_files(store, inputs)
    fresh = _FreshFeatures(store)
    # Per article, in input order: (shown path, content hash, row in ``fresh`` or -1).
    entries: list[tuple[str, str, int]] = []
    for number, item in enumerate(inputs):
        if cancelled is not None and cancelled():
            raise InterruptedError("grouping cancelled")
        stat = _stat(item)
        cached = known.get(item.path) if stat else None
        if cached is not None and stat is not None and cached[:2] == stat:
            entries.extend((shown, key, -1) for shown, key in cached[2])
        else:
            loaded = [a for a in iter_load([item.path], max_bytes=max_bytes) if _keep(a, problems)]
            entries.extend((a.path, a.content_hash, fresh.add(a)) for a in loaded)
            if stat is not None:
                fresh.files.append((item.path, *stat, [(a.path, a.content_hash) for a in loaded]))
        if progress is not None and number % 100 == 0:
            progress("reading", number, len(inputs))
    fresh.flush()
    fingerprint = _fingerprint(entries)
    reused = _reuse(store, fingerprint, entries, fresh.reports)
    if reused is not None:
        fresh.save_files()
        return StoriesResult(tuple(reused[0]), reused[1], tuple(problems), reused=True)

    table, reports, order = _table(
        store, entries, fresh, lambda shown, _: _reread(shown, max_bytes, problems)
    )
    fresh.save_files()
    grouping = group_features(table, [r.facts() for r in reports], progress, cancelled)
    grouping = renumber(grouping, order)
    in_order = [reports[row] for row in np.argsort(order)]
    if store is not None:
        _guarded(store, lambda: store.save_grouping(fingerprint, grouping_record(grouping)))
    return StoriesResult(tuple(in_order), grouping, tuple(problems))


def group_articles(
    articles: Sequence[Article],
    *,
    store: StoryStore | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> Grouping:
    """:func:`~newsdiff.core.group.group` for articles already loaded, with the cache.

    Features are looked up by each article's content hash and computed only for the
    others (and saved); an unchanged set of articles gets its finished grouping back.
    Article ``i`` of the result is ``articles[i]``.
    """
    if store is None:
        return group_features(
            compute_features(articles, progress=progress, cancelled=cancelled),
            [article_facts(a) for a in articles],
            progress,
            cancelled,
        )
    keys = [a.content_hash or hashlib.sha256(a.text.encode()).hexdigest() for a in articles]
    entries = [(a.path, key, -1) for a, key in zip(articles, keys, strict=True)]
    fingerprint = _fingerprint(entries)
    record = _guarded(store, lambda: store.grouping(fingerprint))
    if record is not None:
        try:
            return grouping_from_record(record, len(articles))
        except (KeyError, TypeError, ValueError, IndexError):
            pass
    by_entry = {(a.path, key): a for a, key in zip(articles, keys, strict=True)}
    fresh = _FreshFeatures(store)
    table, reports, order = _table(store, entries, fresh, lambda s, k: by_entry.get((s, k)))
    grouping = renumber(
        group_features(table, [r.facts() for r in reports], progress, cancelled), order
    )
    _guarded(store, lambda: store.save_grouping(fingerprint, grouping_record(grouping)))
    return grouping


class _FreshFeatures:
    """Articles read now: features computed a batch at a time, saved to the cache."""

    def __init__(self, store: StoryStore | None) -> None:
        self.store = store
        self.vocabulary = Vocabulary()
        self.pending: list[Article] = []
        self.parts: list[FeatureTable] = []
        self.reports: list[Report] = []
        self.files: list[tuple[str, int, int, list[tuple[str, str]]]] = []

    def add(self, article: Article) -> int:
        self.reports.append(report_of(article))
        self.pending.append(article)
        if len(self.pending) >= BATCH:
            self.flush()
        return len(self.reports) - 1

    def flush(self) -> None:
        if not self.pending:
            return
        batch, self.pending = self.pending, []
        table = extract(
            [grouping_text(a) for a in batch], [a.published for a in batch], self.vocabulary
        )
        self.parts.append(table)
        if self.store is not None:
            rows = [
                (a.content_hash, encode(table, i), _report_fields(report_of(a)))
                for i, a in enumerate(batch)
            ]
            _guarded(self.store, lambda: self.store.save(rows, []))

    def save_files(self) -> None:
        if self.store is not None and self.files:
            _guarded(self.store, lambda: self.store.save([], self.files))


def _table(
    store: StoryStore | None,
    entries: list[tuple[str, str, int]],
    fresh: _FreshFeatures,
    reread: Callable[[str, str], Article | None],
) -> tuple[FeatureTable, list[Report], np.ndarray]:
    """All features as one table — fresh rows first, then cached — with the reports in
    table order and each table row's position in ``entries``."""
    cached_at = [i for i, (_, _, row) in enumerate(entries) if row < 0]
    keys = [entries[i][1] for i in cached_at]
    stored = (_guarded(store, lambda: store.features(keys)) if store else None) or {}
    blobs: list[bytes] = []
    cached_reports: list[Report] = []
    cached_order: list[int] = []
    for position in cached_at:
        shown, key, _ = entries[position]
        found = stored.get(key)
        if found is not None and is_current(found[0]):
            blobs.append(found[0])
            cached_reports.append(Report(path=shown, content_hash=key, **found[1]))
            cached_order.append(position)
            continue
        article = reread(shown, key)
        if article is not None:
            entries[position] = (shown, key, fresh.add(article))
    fresh.flush()
    parts = fresh.parts
    try:
        if blobs:
            parts.append(decode(blobs))
    except StaleFeatures:  # a damaged row: read those articles again instead
        for position in cached_order:
            shown, key, _ = entries[position]
            article = reread(shown, key)
            if article is not None:
                entries[position] = (shown, key, fresh.add(article))
        fresh.flush()
        cached_reports, cached_order = [], []
    fresh_order = [0] * len(fresh.reports)
    for position, (_, _, row) in enumerate(entries):
        if row >= 0:
            fresh_order[row] = position
    order = np.array(fresh_order + cached_order, dtype=np.int64)
    reports = fresh.reports + cached_reports
    table = FeatureTable.concat(parts) if parts else extract([], [], fresh.vocabulary)
    # Entries whose article could not be read again are dropped.
    keep = np.isin(np.arange(len(entries)), order)
    if not keep.all():
        remap = np.cumsum(keep) - 1
        order = remap[order]
    return table, reports, order


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


def _fingerprint(entries: Sequence[tuple[str, str, int]]) -> str:
    digest = hashlib.sha256(f"{FEATURES_VERSION}/{GROUPING_VERSION}".encode())
    for shown, key, _ in entries:
        digest.update(f"\n{shown}\t{key}".encode())
    return digest.hexdigest()


def _reuse(
    store: StoryStore | None,
    fingerprint: str,
    entries: Sequence[tuple[str, str, int]],
    fresh_reports: Sequence[Report],
) -> tuple[list[Report], Grouping] | None:
    if store is None or not entries:
        return None
    record = _guarded(store, lambda: store.grouping(fingerprint))
    if record is None:
        return None
    missing = [key for _, key, row in entries if row < 0]
    stored = _guarded(store, lambda: store.reports(missing)) or {}
    reports = []
    for shown, key, row in entries:
        if row >= 0:
            reports.append(fresh_reports[row])
        elif key in stored:
            reports.append(Report(path=shown, content_hash=key, **stored[key]))
        else:
            return None
    try:
        return reports, grouping_from_record(record, len(reports))
    except (KeyError, TypeError, ValueError, IndexError):
        return None


def _reread(shown: str, max_bytes: int, problems: list[Problem]) -> Article | None:
    """Read the article a cached file item names (its features were not usable)."""
    path = shown.rsplit("#", 1)[0] if "#" in shown and not os.path.exists(shown) else shown
    for item in iter_load([path], max_bytes=max_bytes):
        if isinstance(item, Article) and item.path == shown:
            return item
        if isinstance(item, Problem):
            problems.append(item)
    return None


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
