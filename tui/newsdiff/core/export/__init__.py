"""Export an article, a comparison or a story: Markdown, HTML, JSON, plain text, brat.

One writer module per format, all fed by the same model objects
(:data:`~newsdiff.core.export.common.Subject`) and sharing one walk over marked text
(:mod:`~newsdiff.core.export.common`); :mod:`~newsdiff.core.export.atomic` writes the
result safely. The CLI (``newsdiff export``) and the app's export dialog both call
:func:`save`, so they write the same bytes.

Formats: ``md`` (:mod:`.markdown`), ``html`` (:mod:`.html`), ``json`` (:mod:`.jsonfmt`),
``txt`` (:mod:`.text`) and ``brat`` (:mod:`.brat`; two files for an article, a folder for
a comparison or a story).
"""

from __future__ import annotations

import importlib
from enum import StrEnum
from pathlib import Path
from typing import Final

from newsdiff.core.export.atomic import ExportError, TargetExists, write_files, write_folder
from newsdiff.core.export.common import StoryExport, StoryPair, Subject, default_stem
from newsdiff.core.model import Document


class ExportFormat(StrEnum):
    """The formats, by the name the CLI takes."""

    MD = "md"
    HTML = "html"
    JSON = "json"
    TXT = "txt"
    BRAT = "brat"


SUFFIXES: Final = {
    ExportFormat.MD: ".md",
    ExportFormat.HTML: ".html",
    ExportFormat.JSON: ".json",
    ExportFormat.TXT: ".txt",
    ExportFormat.BRAT: "",
}
"""File suffix of each format (brat: none — two files or a folder)."""

DESCRIPTIONS: Final = {
    ExportFormat.MD: "Markdown",
    ExportFormat.HTML: "HTML page",
    ExportFormat.JSON: "JSON",
    ExportFormat.TXT: "plain text",
    ExportFormat.BRAT: "brat standoff",
}

_MODULES: Final = {
    ExportFormat.MD: "newsdiff.core.export.markdown",
    ExportFormat.HTML: "newsdiff.core.export.html",
    ExportFormat.JSON: "newsdiff.core.export.jsonfmt",
    ExportFormat.TXT: "newsdiff.core.export.text",
    ExportFormat.BRAT: "newsdiff.core.export.brat",
}

__all__ = [
    "DESCRIPTIONS",
    "SUFFIXES",
    "ExportError",
    "ExportFormat",
    "StoryExport",
    "StoryPair",
    "Subject",
    "TargetExists",
    "default_name",
    "render",
    "render_files",
    "save",
    "target_paths",
    "targets",
]


def render(subject: Subject, format: ExportFormat | str) -> str:
    """``subject`` in a one-file format (every format but brat)."""
    format = ExportFormat(format)
    if format is ExportFormat.BRAT:
        raise ExportError("brat writes several files: use save() or render_files()")
    return importlib.import_module(_MODULES[format]).render(subject)  # type: ignore[no-any-return]


def render_files(subject: Subject) -> dict[str, str]:
    """brat: for an article ``{".txt": …, ".ann": …}``, else file name → content."""
    from newsdiff.core.export import brat

    return brat.render(subject)


def default_name(subject: Subject, format: ExportFormat | str) -> str:
    """A file (or folder) name for ``subject``: ``004.html``, ``001-vs-004.md``…"""
    return default_stem(subject) + SUFFIXES[ExportFormat(format)]


def _brat_base(out: Path) -> Path:
    return out.with_suffix("") if out.suffix in (".txt", ".ann") else out


def target_paths(format: ExportFormat | str, out: Path, *, article: bool) -> list[Path]:
    """The paths an export to ``out`` creates: the file, brat's two files for an
    ``article``, or brat's folder for a comparison or story."""
    format = ExportFormat(format)
    if format is ExportFormat.BRAT and article:
        base = _brat_base(out)
        return [base.with_name(base.name + ".txt"), base.with_name(base.name + ".ann")]
    return [out]


def targets(subject: Subject, format: ExportFormat | str, out: Path) -> list[Path]:
    """The paths :func:`save` would create for ``subject``."""
    return target_paths(format, out, article=isinstance(subject, Document))


def save(
    subject: Subject, format: ExportFormat | str, out: Path, *, overwrite: bool = False
) -> list[Path]:
    """Render ``subject`` and write it atomically to ``out``; the paths written.

    Raises:
        TargetExists: something is already there and ``overwrite`` is False.
        ExportError: it could not be written (one line, with the reason).
    """
    format = ExportFormat(format)
    if format is not ExportFormat.BRAT:
        write_files({out: render(subject, format).encode("utf-8")}, overwrite=overwrite)
        return [out]
    files = render_files(subject)
    if isinstance(subject, Document):
        txt, ann = target_paths(format, out, article=True)
        write_files(
            {txt: files[".txt"].encode("utf-8"), ann: files[".ann"].encode("utf-8")},
            overwrite=overwrite,
        )
        return [txt, ann]
    write_folder(out, {k: v.encode("utf-8") for k, v in files.items()}, overwrite=overwrite)
    return [out]
