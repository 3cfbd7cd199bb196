"""Bytes to text: byte-order marks, declared charsets, UTF-8, then a detector.

A text that needs guessing is almost always Windows-1252 in the material we see
(ministry releases and articles saved on Windows), so among the Latin code pages
that a detector cannot tell apart, cp1252 wins.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from desktop.ingest.errors import IngestError
from desktop.ingest.formats import supported_list

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Single-byte code pages a detector confuses with cp1252 on short Western text.
_CP1252_LOOKALIKES = frozenset(
    {
        "cp1250", "cp1252", "cp1254", "cp1257", "cp775", "cp850", "cp858", "cp437",
        "latin_1", "iso8859_2", "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13",
        "iso8859_14", "iso8859_15", "iso8859_16", "mac_latin2", "mac_roman",
        "mac_iceland", "mac_turkish",
    }
)  # fmt: skip

_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# More than this share of control characters means the bytes were not text.
_MAX_CONTROL_SHARE = 0.01


def binary_error(name: str) -> IngestError:
    return IngestError(
        f"binary file: {name} is not a text document (supported: {supported_list()})"
    )


def _codec_name(label: str | None) -> str | None:
    if not label:
        return None
    try:
        return codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None


def _bom_encoding(data: bytes) -> tuple[str, int] | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def _looks_like_bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when NULs sit in every other byte, as in ASCII-heavy UTF-16."""
    sample = data[:4096]
    if len(sample) < 8 or len(sample) % 2:
        return None
    even_zeros = sample[0::2].count(0) / (len(sample) // 2)
    odd_zeros = sample[1::2].count(0) / (len(sample) // 2)
    if odd_zeros > 0.4 and even_zeros < 0.05:
        return "utf-16-le"
    if even_zeros > 0.4 and odd_zeros < 0.05:
        return "utf-16-be"
    return None


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    controls = sum(
        1
        for ch in sample
        if (ord(ch) < 32 and ch not in _ALLOWED_CONTROLS) or 0x7F <= ord(ch) < 0xA0
    )
    return controls / len(sample)


def _accept(text: str, name: str) -> str:
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise binary_error(name)
    return text


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``; binary data raises IngestError.

    ``declared`` is a charset named by the container (an HTTP header, a MIME part,
    an HTML ``<meta>``); a byte-order mark still wins over it, as browsers do.
    """
    bom = _bom_encoding(data)
    if bom is not None:
        encoding, skip = bom
        return _accept(data[skip:].decode(encoding, errors="replace"), name), encoding

    codec = _codec_name(declared)
    if codec is not None:
        try:
            return _accept(data.decode(codec), name), codec
        except (UnicodeDecodeError, LookupError):
            pass

    utf16 = _looks_like_bomless_utf16(data)
    if utf16 is not None:
        return _accept(data.decode(utf16, errors="replace"), name), utf16

    if b"\x00" in data:
        raise binary_error(name)

    try:
        return _accept(data.decode("utf-8"), name), "utf-8"
    except UnicodeDecodeError:
        pass

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise binary_error(name)
    encoding = best.encoding
    if encoding in _CP1252_LOOKALIKES:
        try:
            return _accept(data.decode("cp1252"), name), "cp1252"
        except UnicodeDecodeError:
            pass
    return _accept(str(best), name), encoding
