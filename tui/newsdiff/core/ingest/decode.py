"""Bytes to text: detect the encoding, refuse binaries, normalise line endings.

Order of evidence: a byte-order mark; valid UTF-8; a UTF-16 pattern of NUL bytes
without a BOM; then charset-normalizer's best guess, which is trusted only for the
single-byte Western encodings (Windows-1252 and Latin-1) that news files really
arrive in, because its guesses on short texts wander into exotic code pages.
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

# C0 controls other than tab, newline, form feed and carriage return.
_CONTROL_BYTES: Final = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")

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
    if len(sample) < 4 or len(sample) % 2:
        return None
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
    if not sample:
        return False
    if b"\x00" in sample and _utf16_without_bom(sample) is None:
        return True
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls > max(8, len(sample) // 100)


def normalise_newlines(text: str) -> str:
    """Turn CRLF, CR and Unicode line separators into ``\\n``."""
    return _NEWLINES.sub("\n", text)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` to text, or raise :class:`IngestError` with the reason.

    ``declared`` is an encoding the container names (an HTTP-style charset, an XML
    prolog); it is tried after a BOM and after strict UTF-8, since declarations in
    scraped files are often wrong.
    """
    if not data.strip():
        raise IngestError("empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding.removesuffix("-sig"))
            except UnicodeDecodeError as error:
                raise IngestError(f"not valid {encoding} despite its byte-order mark") from error
            return _finish(text, encoding)
    sample = data[:_SAMPLE]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        try:
            return _finish(data.decode(utf16), utf16)
        except UnicodeDecodeError:
            pass
    if looks_binary(sample):
        raise IngestError("binary file, not text")
    try:
        return _finish(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return _finish(data.decode(declared), codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    if replaced <= len(data) * _REPLACED_SHARE_LIMIT and _has_multibyte_utf8(data):
        return _finish(text, "utf-8", replaced=replaced)
    return _finish(*_single_byte(data))


def _has_multibyte_utf8(data: bytes) -> bool:
    """True when the bytes contain well-formed UTF-8 sequences beyond ASCII."""
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]", data) is not None


_WESTERN: Final = frozenset({"cp1252", "latin_1", "iso8859_15", "ascii", "cp1250", "mac_roman"})
"""Guesses that mean "some Western single-byte encoding": read as Windows-1252."""

_TRUSTED_GUESS_BYTES: Final = 200
"""Below this size charset-normalizer's non-Western guesses are too often wrong."""


def _single_byte(data: bytes) -> tuple[str, str]:
    """Decode bytes that are not UTF-8.

    charset-normalizer names the encoding; a Western guess (or a guess on a short
    text) is read as Windows-1252, falling back to Latin-1, which always fits. A
    confident guess of another family (Cyrillic, CJK) on a long enough text is used
    as is, so such files are not silently turned into mojibake.
    """
    from charset_normalizer import from_bytes  # deferred: only a non-UTF-8 file pays

    best = from_bytes(data[:_SAMPLE]).best()
    guess = best.encoding if best is not None else ""
    if guess and guess not in _WESTERN and len(data) >= _TRUSTED_GUESS_BYTES:
        try:
            return data.decode(guess), codecs.lookup(guess).name
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _finish(text: str, encoding: str, replaced: int = 0) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]
    normalised = normalise_newlines(text)
    if not normalised.strip():
        raise IngestError("empty file (only whitespace)")
    return Decoded(
        text=normalised,
        encoding=encoding,
        original=text if normalised != text else None,
        replaced=replaced,
    )
