"""Load articles from files, folders, globs, feeds, JSON and stdin.

``iter_load`` yields each article (or a :class:`Problem` naming an input that could
not be used) as soon as it is read, so callers can show progress and stop early;
``load`` collects everything. Nothing here raises for bad input: every failure
becomes a ``Problem`` with a one-line reason, and the other inputs still load.
"""

from __future__ import annotations

import errno
import hashlib
import importlib
import os
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import BinaryIO, Final

from newsdiff.core.ingest.article import build_article
from newsdiff.core.ingest.decode import decode_bytes
from newsdiff.core.ingest.discover import Input, expand
from newsdiff.core.ingest.errors import IngestError, ItemError
from newsdiff.core.ingest.record import RawRecord
from newsdiff.core.model import Article, Problem

__all__ = [
    "DEFAULT_MAX_BYTES",
    "LoadResult",
    "build_article",
    "detect_format",
    "iter_load",
    "load",
    "load_input",
    "read_bytes",
]

DEFAULT_MAX_BYTES: Final = 32 * 1024 * 1024
"""Files larger than this are skipped with a reason (``--max-size`` raises it). News
articles are kilobytes; a bigger file is almost always a dump or a mistake, and
reading it whole would hold the rest of the load hostage."""

_EXTENSION_FORMATS: Final = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}


@dataclass(frozen=True, slots=True)
class LoadResult:
    """Everything a load produced: the articles and the inputs that were skipped."""

    articles: tuple[Article, ...]
    problems: tuple[Problem, ...]


def format_by_extension(name: str) -> str | None:
    """The format a file's extension names, or None when the extension is not known
    (then :func:`detect_format` reads the first bytes)."""
    return _EXTENSION_FORMATS.get(os.path.splitext(name)[1].lower())


def detect_format(name: str, data: bytes) -> str:
    """``text``, ``markdown``, ``html``, ``feed``, ``json`` or ``jsonl``.

    The extension decides when it is known; otherwise the first bytes do.
    """
    by_extension = format_by_extension(name)
    if by_extension is not None:
        return by_extension
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith((b"{", b"[")):
        lines = [line for line in data[:65536].splitlines() if line.strip()]
        if len(lines) > 1 and all(line.lstrip().startswith(b"{") for line in lines[:5]):
            return "jsonl"
        return "json"
    if head.startswith(b"<"):
        if any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
            return "feed"
        return "html"
    return "text"


_READERS: Final = {
    "text": ("plaintext", "read_text", True),
    "markdown": ("plaintext", "read_markdown", True),
    "html": ("html", "read_html", False),
    "feed": ("feeds", "read_feed", False),
    "json": ("records", "read_json", False),
    "jsonl": ("records", "read_jsonl", False),
}
"""Format → (module in this package, function, whether it takes decoded text)."""


@cache
def _reader(fmt: str) -> Callable[[bytes], list[RawRecord | IngestError]]:
    """The reader for one format, imported the first time that format is read.

    Readers are imported one by one so that a folder of text files never imports
    the HTML, feed and JSON readers (and their parsers): the app's first screen
    waits for the samples, and every module it need not import is time saved.
    """
    module, name, decoded = _READERS[fmt]
    function = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    if decoded:
        return lambda data: function(decode_bytes(data))
    return function


def read_bytes(data: bytes, path: str, fmt: str | None = None) -> list[Article | Problem]:
    """Articles from the bytes of one input; each unusable record is a :class:`Problem`.

    Items of one file that fail for the same reason share one problem line.
    """
    if path.lower().endswith(".gz"):
        path = path[:-3]
    fmt = fmt or detect_format(path, data)
    digest = hashlib.sha256(data).hexdigest()
    try:
        records = _reader(fmt)(data)
    except IngestError as error:
        return [Problem(path, str(error))]
    except RecursionError:
        return [Problem(path, "input nested too deeply to read")]
    out: list[Article | Problem] = []
    skipped: list[ItemError] = []
    multi = len(records) > 1 or any(
        isinstance(r, RawRecord) and r.item is not None for r in records
    )
    for record in records:
        if isinstance(record, ItemError):
            skipped.append(record)
            continue
        if isinstance(record, IngestError):
            out.append(Problem(path, str(record)))
            continue
        shown = f"{path}#{record.item + 1}" if multi and record.item is not None else path
        key = digest if record.item is None else f"{digest}:{record.item}"
        try:
            out.append(build_article(record, shown, hashlib.sha256(key.encode()).hexdigest()))
        except IngestError as error:
            out.append(Problem(shown, str(error)))
    out.extend(Problem(path, reason) for reason in _grouped(skipped))
    return out


MAX_LISTED_ITEMS: Final = 8


def _grouped(errors: list[ItemError]) -> list[str]:
    """One reason per distinct failure: ``items 2, 13 skipped: no text``."""
    groups: dict[tuple[str, str], list[int]] = {}
    for error in errors:
        groups.setdefault((error.kind, error.reason), []).append(error.number)
    reasons = []
    for (kind, reason), numbers in groups.items():
        listed = ", ".join(str(n) for n in numbers[:MAX_LISTED_ITEMS])
        if len(numbers) > MAX_LISTED_ITEMS:
            listed += f", … ({len(numbers)} in all)"
        label = kind if len(numbers) == 1 else f"{kind}s"
        reasons.append(f"{label} {listed} skipped: {reason}")
    return reasons


def _read_input(item: Input, max_bytes: int, stdin: BinaryIO | None) -> bytes:
    """The bytes of one input, refusing oversized and unreadable files with a reason."""
    if item.path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = stream.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"standard input is larger than the {_mb(max_bytes)} limit")
        return data
    path = item.path
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise IngestError("is a folder")
        if not stat.S_ISREG(info.st_mode):
            raise IngestError("not a regular file (a device, socket or pipe)")
        size = info.st_size
        if size > max_bytes:
            raise IngestError(f"file is {_mb(size)}, larger than the {_mb(max_bytes)} limit")
        if path.lower().endswith(".gz"):
            data = _read_gzip(path, max_bytes + 1)
        else:
            with open(path, "rb") as handle:
                data = _read_up_to(handle, size, max_bytes + 1)
    except IngestError:
        raise
    except FileNotFoundError as error:
        raise IngestError(
            "broken symlink" if os.path.islink(path) else "vanished while loading"
        ) from error
    except PermissionError as error:
        raise IngestError("permission denied") from error
    except OSError as error:
        reason = "symlink loop" if error.errno == errno.ELOOP else (error.strerror or str(error))
        raise IngestError(reason.lower() if reason else "unreadable") from error
    if len(data) > max_bytes:
        raise IngestError(f"decompresses to more than the {_mb(max_bytes)} limit")
    return data


def _read_up_to(handle: BinaryIO, size: int, limit: int) -> bytes:
    """Up to ``limit`` bytes of an open file that ``stat`` said holds ``size``.

    The same bytes as ``handle.read(limit)``, read as ``size + 1`` first (the extra
    byte shows a file that grew since) and the rest only when there is more: asking
    for the whole limit at once makes Python allocate, and then shrink, a buffer of
    that size (32 MB) for every file, which took twice as long as reading an article.
    """
    data = handle.read(min(size + 1, limit))
    if len(data) > size:  # grown since: read on, up to the limit
        data += handle.read(limit - len(data))
    return data


def _read_gzip(path: str, limit: int) -> bytes:
    """Up to ``limit`` bytes of a gzipped file (``gzip`` imported only for these)."""
    import gzip

    try:
        with gzip.open(path, "rb") as handle:
            return handle.read(limit)
    except (gzip.BadGzipFile, EOFError) as error:
        raise IngestError("not a valid gzip file") from error


def _mb(size: int) -> str:
    """``50 MB``, or ``0.3 MB`` for the small limits ``--max-size`` allows."""
    megabytes = size / (1024 * 1024)
    return f"{megabytes:.0f} MB" if megabytes >= 10 else f"{megabytes:.1f} MB"


def load_input(
    item: Input, max_bytes: int = DEFAULT_MAX_BYTES, stdin: BinaryIO | None = None
) -> list[Article | Problem]:
    """The articles of one input, or the problem that kept it from loading."""
    try:
        data = _read_input(item, max_bytes, stdin)
    except IngestError as error:
        return [Problem(item.path, str(error))]
    return read_bytes(data, item.path)


def iter_load(
    paths: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
) -> Iterator[Article | Problem]:
    """Yield articles and problems in input order, one input at a time.

    Many inputs are read by worker processes (:mod:`newsdiff.core.ingest.parallel`),
    one per core by default; ``workers=1`` keeps everything in this process, and a
    number caps the workers. What is yielded, and in which order, is the same.
    """
    items = expand(paths)
    files = [item.path for item in items if isinstance(item, Input) and item.path != "-"]
    results: Iterator[list[Article | Problem]] | None = None
    if "-" not in paths:  # standard input is read here, so one process reads it all
        from newsdiff.core.ingest.parallel import load_in_workers, worker_count

        count = worker_count(len(files), workers)
        if count > 1:
            results = load_in_workers(files, max_bytes, count)
    try:
        for item in items:
            if isinstance(item, Problem):
                yield item
            elif results is not None:
                yield from next(results)
            else:
                yield from load_input(item, max_bytes, stdin)
    finally:
        if results is not None:
            results.close()  # stops the workers when the caller stops early


def load(
    paths: list[str],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
    workers: int | None = None,
) -> LoadResult:
    """Load every input; see :func:`iter_load`."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for result in iter_load(paths, max_bytes=max_bytes, stdin=stdin, workers=workers):
        (problems if isinstance(result, Problem) else articles).append(result)
    return LoadResult(tuple(articles), tuple(problems))
