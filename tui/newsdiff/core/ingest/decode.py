"""Bytes to text: detect the encoding, refuse binaries, normalise line endings.

Order of evidence: a byte-order mark; a UTF-16 pattern of NUL bytes without a BOM;
valid UTF-8; an encoding the container declares (HTML ``<meta charset>``); then
Windows-1252, the single-byte encoding Indonesian and English news files really
arrive in (Latin-1 is its subset for every printable character, and is named so when
no byte in 0x80–0x9F occurs).

General-purpose detectors were tried and left out: charset-normalizer names a Baltic
(cp775) or Central-European (cp1250) code page for plain Windows-1252 Indonesian text
with curly quotes and ``€``, which would turn it into mojibake silently. Text in other
single-byte encodings (Cyrillic, Greek) is refused with a reason instead of misread.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Final

from newsdiff.core.ingest.errors import IngestError

_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SAMPLE: Final = 64 * 1024
"""How many leading bytes are inspected when sniffing for binaries and UTF-16."""

_REPLACED_SHARE_LIMIT: Final = 0.01
"""A mostly-UTF-8 file with at most this share of broken bytes is kept, with the
broken bytes shown as U+FFFD, rather than misread in a single-byte encoding."""

_FOREIGN_LETTER_SHARE: Final = 0.3
"""In Windows-1252 text, accented letters (À–ÿ) are a few percent of all letters even
in French or Portuguese; a third or more means another encoding (Cyrillic cp1251
decodes to almost nothing else)."""

_MIN_FOREIGN_LETTERS: Final = 20

# C0 controls other than tab, newline, form feed, carriage return and ESC/SUB
# (which do turn up in old text files).
_CONTROL_BYTES: Final = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
_NOT_CONTROL: Final = bytes(b for b in range(256) if not _CONTROL_BYTES.match(bytes([b])))
"""Every byte but those: deleting them leaves exactly the control bytes to count."""
_UNDEFINED_IN_CP1252: Final = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_C1_RANGE: Final = re.compile(rb"[\x80-\x9f]")
_UTF8_MULTIBYTE: Final = re.compile(rb"[\xc2-\xf4][\x80-\xbf]")
_LETTER: Final = re.compile(r"[^\W\d_]")
_ACCENTED: Final = re.compile(r"[À-ÿ]")

_NEWLINES: Final = re.compile(r"\r\n?|\u2028|\u2029|\x85")


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with what was done to it."""

    text: str
    """Decoded text with ``\\n`` line endings and no BOM."""
    encoding: str
    original: str | None
    """The decoded text before newline normalisation, when that changed anything."""
    replaced: int = 0
    """How many undecodable bytes were replaced with U+FFFD."""


def _utf16_without_bom(sample: bytes) -> str | None:
    """Guess UTF-16 from the NUL bytes that ASCII characters leave behind."""
    if len(sample) < 4 or b"\x00" not in sample:
        return None  # no NUL at all (nearly every file): nothing to count
    sample = sample[: len(sample) // 2 * 2]
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.3 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.3 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def looks_binary(sample: bytes) -> bool:
    """True for bytes that are not text in any encoding we read (images, archives…)."""
    if not sample or _utf16_without_bom(sample) is not None:
        return False
    if b"\x00" in sample:
        return True
    controls = len(sample.translate(None, _NOT_CONTROL))  # the control bytes, counted in C
    return controls > max(8, len(sample) // 100)


def normalise_newlines(text: str) -> str:
    """Turn CRLF, CR and Unicode line separators into ``\\n``."""
    if "\r" not in text and "\u2028" not in text and "\u2029" not in text and "\x85" not in text:
        return text  # the common case: nothing to do, and no copy made
    return _NEWLINES.sub("\n", text)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text, or raise :class:`IngestError` with the reason.

    ``declared`` is an encoding the container names (an HTML ``<meta charset>``); it
    is tried after a BOM and after strict UTF-8, since declarations in scraped files
    are often wrong.
    """
    if not data:
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise IngestError(f"not valid {encoding} despite its byte-order mark") from error
            return _finish(text, encoding)
    if data.isspace():  # the bytes ``strip`` removes, tested without a copy
        raise IngestError("file holds only whitespace")
    sample = data[:_SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        # A lone trailing byte or a broken surrogate is shown as U+FFFD, not fatal.
        text = data.decode(utf16, errors="replace")
        return _finish(text, utf16, replaced=text.count("\ufffd"))
    if looks_binary(sample):
        raise IngestError("binary file, not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    if declared and not _impossible_declaration(declared, sample):
        try:
            return _finish(data.decode(declared), codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    if _UTF8_MULTIBYTE.search(data):
        text = data.decode("utf-8", errors="replace")
        replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
        if replaced <= len(data) * _REPLACED_SHARE_LIMIT:
            return _finish(text, "utf-8", replaced=replaced)
    return _finish(*_single_byte(data, first_bad))


def _impossible_declaration(declared: str, sample: bytes) -> bool:
    """A page that says UTF-16 or UTF-32 but has no NUL byte cannot be either: every
    ASCII character of its markup would carry one. Decoded as declared, its bytes
    would pair up into CJK nonsense instead of falling through to Windows-1252."""
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return False
    return name.startswith(("utf-16", "utf-32")) and b"\x00" not in sample


def _single_byte(data: bytes, first_bad: int) -> tuple[str, str]:
    """Windows-1252 (or Latin-1) text, or :class:`IngestError` naming the bad bytes."""
    undefined = _UNDEFINED_IN_CP1252.search(data)
    if undefined:
        raise IngestError(
            f"undecodable bytes: not UTF-8 (byte 0x{data[first_bad]:02x} at offset "
            f"{first_bad}) nor Windows-1252 (byte 0x{data[undefined.start()]:02x} at "
            f"offset {undefined.start()})"
        )
    text = data.decode("cp1252")
    letters = len(_LETTER.findall(text))
    accented = len(_ACCENTED.findall(text))
    if accented >= _MIN_FOREIGN_LETTERS and accented > letters * _FOREIGN_LETTER_SHARE:
        raise IngestError(
            "undecodable bytes: not UTF-8 or UTF-16, and as Windows-1252 it reads as "
            "mojibake (another single-byte encoding?)"
        )
    return text, "cp1252" if _C1_RANGE.search(data) else "iso-8859-1"


def _finish(text: str, encoding: str, replaced: int = 0) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    normalised = normalise_newlines(text)
    if not normalised or normalised.isspace():
        raise IngestError("file holds only whitespace")
    return Decoded(
        text=normalised,
        encoding=encoding,
        original=text if normalised != text else None,
        replaced=replaced,
    )
