"""The grouping cache: an embedded SQLite file in the user's cache directory.

What it holds, all derived from the articles (the cache is never the only copy of
anything — delete it and the next run rebuilds it):

- ``files``: path, size and modification time → the content hashes of the articles the
  file held, so an unchanged file is not even read again;
- ``articles``: content hash → grouping features (:mod:`codec`) and the few metadata
  fields the stories output shows (title, outlet, date…);
- ``groupings``: a fingerprint of the whole input (every article's path and content
  hash) → the finished grouping, so reopening an unchanged folder is a lookup.

A changed file has a new size or modification time, so it is read again and its new
content hash looks its features up (or computes them); a deleted file is simply not
in the input any more, and its rows stay until :meth:`StoryStore.prune`.

Writes happen in transactions in WAL mode: a process killed mid-write leaves the last
committed state, never a broken file. A file that is not this cache (another
program's database, garbage, a newer schema) or that SQLite reports as corrupt is set
aside — renamed with a ``.broken-<time>`` suffix, one warning line — and a fresh cache
is created in its place.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

APPLICATION_ID: Final = 0x4E444753  # "NDGS"
SCHEMA_VERSION: Final = 1
FILE_NAME: Final = "stories.sqlite3"
CACHE_ENV: Final = "NEWSDIFF_CACHE_DIR"
"""Overrides the cache directory (tests point it at a temporary folder)."""
_SIDE_FILES: Final = ("-wal", "-shm")
_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    items TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    hash TEXT PRIMARY KEY, features BLOB NOT NULL, report TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS groupings (
    fingerprint TEXT PRIMARY KEY, created REAL NOT NULL, result TEXT NOT NULL
);
"""
_CHUNK: Final = 500
"""Parameters per ``IN (...)`` query (SQLite allows at least 999)."""

Warn = Callable[[str], None]


def default_cache_dir() -> Path:
    """``$NEWSDIFF_CACHE_DIR``, else the platform's user cache directory for newsdiff."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("newsdiff"))


def _stderr(message: str) -> None:
    print(f"newsdiff: {message}", file=sys.stderr)


class StoryStore:
    """The cache file, opened (and repaired if need be) on construction."""

    def __init__(self, directory: Path | str | None = None, warn: Warn = _stderr) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / FILE_NAME
        self.warn = warn
        self.connection = self._open()

    # -- opening and repair ---------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        self.directory.mkdir(parents=True, exist_ok=True)
        try:
            return self._connect()
        except sqlite3.DatabaseError as error:
            self._set_aside(str(error))
            return self._connect()

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        try:
            application = connection.execute("PRAGMA application_id").fetchone()[0]
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {
                row[0]
                for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if tables and (application != APPLICATION_ID or version != SCHEMA_VERSION):
                raise sqlite3.DatabaseError(
                    "not a newsdiff stories cache"
                    if application != APPLICATION_ID
                    else f"cache schema {version}, expected {SCHEMA_VERSION}"
                )
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=NORMAL")
            if not tables:
                with _transaction(connection):
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            connection.execute(statement)
                    connection.execute(f"PRAGMA application_id={APPLICATION_ID}")
                    connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            return connection
        except sqlite3.DatabaseError:
            connection.close()
            raise

    def _set_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.broken-{stamp}")
        for suffix in ("", *_SIDE_FILES):
            source = Path(str(self.path) + suffix)
            if source.exists():
                os.replace(source, Path(str(aside) + suffix))
        self.warn(f"cache {self.path} set aside as {aside.name} ({reason}); starting a new one")

    def recover(self, error: sqlite3.DatabaseError) -> None:
        """After SQLite reported corruption mid-run: set the file aside, start afresh."""
        with contextlib.suppress(sqlite3.Error):
            self.connection.close()
        self._set_aside(str(error))
        self.connection = self._connect()

    def close(self) -> None:
        self.connection.close()

    # -- files ------------------------------------------------------------------------

    def file_items(self, path: str, size: int, mtime_ns: int) -> list[tuple[str, str]] | None:
        """The ``(shown path, content hash)`` items of an unchanged file, else None."""
        row = self.connection.execute(
            "SELECT size, mtime_ns, items FROM files WHERE path = ?", (path,)
        ).fetchone()
        if row is None or row[0] != size or row[1] != mtime_ns:
            return None
        return [tuple(item) for item in json.loads(row[2])]

    def all_files(self) -> dict[str, tuple[int, int, list[tuple[str, str]]]]:
        """Every file row: path → (size, mtime_ns, items); one query for a whole folder."""
        return {
            path: (size, mtime, [tuple(item) for item in json.loads(items)])
            for path, size, mtime, items in self.connection.execute(
                "SELECT path, size, mtime_ns, items FROM files"
            )
        }

    # -- articles ---------------------------------------------------------------------

    def features(self, hashes: Sequence[str]) -> dict[str, tuple[bytes, dict[str, Any]]]:
        """Stored features and report fields of the given content hashes (those present)."""
        found: dict[str, tuple[bytes, dict[str, Any]]] = {}
        for chunk in _chunks(list(dict.fromkeys(hashes))):
            marks = ",".join("?" * len(chunk))
            for key, blob, report in self.connection.execute(
                f"SELECT hash, features, report FROM articles WHERE hash IN ({marks})", chunk
            ):
                found[key] = (blob, json.loads(report))
        return found

    def reports(self, hashes: Sequence[str]) -> dict[str, dict[str, Any]]:
        """Only the report fields (cheaper than :meth:`features`)."""
        found: dict[str, dict[str, Any]] = {}
        for chunk in _chunks(list(dict.fromkeys(hashes))):
            marks = ",".join("?" * len(chunk))
            for key, report in self.connection.execute(
                f"SELECT hash, report FROM articles WHERE hash IN ({marks})", chunk
            ):
                found[key] = json.loads(report)
        return found

    def save(
        self,
        articles: Iterable[tuple[str, bytes, dict[str, Any]]],
        files: Iterable[tuple[str, int, int, list[tuple[str, str]]]],
    ) -> None:
        """Store article features and file rows in one transaction."""
        with _transaction(self.connection):
            self.connection.executemany(
                "INSERT OR REPLACE INTO articles (hash, features, report) VALUES (?, ?, ?)",
                ((key, blob, json.dumps(report)) for key, blob, report in articles),
            )
            self.connection.executemany(
                "INSERT OR REPLACE INTO files (path, size, mtime_ns, items) VALUES (?, ?, ?, ?)",
                ((path, size, mtime, json.dumps(items)) for path, size, mtime, items in files),
            )

    # -- finished groupings -------------------------------------------------------------

    def grouping(self, fingerprint: str) -> dict[str, Any] | None:
        row = self.connection.execute(
            "SELECT result FROM groupings WHERE fingerprint = ?", (fingerprint,)
        ).fetchone()
        return json.loads(row[0]) if row else None

    def save_grouping(self, fingerprint: str, result: dict[str, Any], keep: int = 20) -> None:
        """Store a finished grouping; only the ``keep`` most recent are kept."""
        with _transaction(self.connection):
            self.connection.execute(
                "INSERT OR REPLACE INTO groupings (fingerprint, created, result) VALUES (?, ?, ?)",
                (fingerprint, time.time(), json.dumps(result, separators=(",", ":"))),
            )
            self.connection.execute(
                "DELETE FROM groupings WHERE fingerprint NOT IN "
                "(SELECT fingerprint FROM groupings ORDER BY created DESC LIMIT ?)",
                (keep,),
            )

    def prune(self, live_paths: Iterable[str]) -> int:
        """Forget files not in ``live_paths`` and articles no file refers to any more."""
        live = set(live_paths)
        with _transaction(self.connection):
            known = [path for (path,) in self.connection.execute("SELECT path FROM files")]
            gone = [path for path in known if path not in live]
            self.connection.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in gone))
            referenced = {
                key
                for (items,) in self.connection.execute("SELECT items FROM files")
                for _, key in json.loads(items)
            }
            stale = [
                k for (k,) in self.connection.execute("SELECT hash FROM articles")
                if k not in referenced
            ]  # fmt: skip
            self.connection.executemany(
                "DELETE FROM articles WHERE hash = ?", ((key,) for key in stale)
            )
        return len(gone)


class _transaction:
    """``BEGIN IMMEDIATE`` … ``COMMIT``, rolled back on any error."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.connection.execute("COMMIT")
            return
        with contextlib.suppress(sqlite3.Error):  # the original error says more
            self.connection.execute("ROLLBACK")


def _chunks(items: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
