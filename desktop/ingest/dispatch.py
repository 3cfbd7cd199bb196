"""Choose a reader by suffix, content type and the bytes themselves; read files safely.

The bytes win over the name when they carry a signature (``%PDF-``, a Word or
OpenDocument archive, ``{\\rtf``): browsers and mail clients often save files
under the wrong name. A binary suffix whose bytes do not match is refused.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path, PurePosixPath
from typing import BinaryIO
from urllib.parse import urlsplit

from desktop.engine.document import Document
from desktop.ingest.encoding import decode_text
from desktop.ingest.errors import IngestError, SessionFileError, limit_megabytes, megabytes
from desktop.ingest.formats import (
    FORMAT_BY_CONTENT_TYPE,
    FORMAT_BY_SUFFIX,
    TEXT_FORMATS,
    Format,
    supported_list,
)
from desktop.ingest.guard import reader
from desktop.ingest.html_page import decode_html, read_html, read_mhtml
from desktop.ingest.mail import read_eml
from desktop.ingest.office import read_docx, read_odt, read_rtf, zip_format
from desktop.ingest.pdf import read_pdf
from desktop.ingest.plain import read_markdown, read_plain

SESSION_SUFFIX = ".readout"

_LABELS = {
    Format.PDF: "PDF",
    Format.DOCX: "Word document",
    Format.ODT: "OpenDocument text",
    Format.RTF: "RTF document",
}
# Suffixes people try that deserve more than "unsupported".
_SUFFIX_HINTS = {
    ".doc": ".doc (old Word format: save it as .docx)",
    ".pages": ".pages (export it as .docx or PDF)",
    ".epub": ".epub (e-book)",
}
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_KNOWN_BINARIES: tuple[tuple[bytes, str], ...] = (
    (_OLE2, "legacy Microsoft Office file (save it as .docx)"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "program"),
    (b"MZ", "Windows program"),
)
# Possessive: once a run of comments is read it is never split another way; the
# backtracking form took 2**n steps on n empty comments before a non-tag.
_HTML_START = re.compile(
    r"\s*+(?:<!--.*?-->\s*+)*+<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S
)
_HTML_ANYWHERE = re.compile(r"<(html|body)[\s>]", re.I)
_HEADER_LINE = re.compile(r"^([A-Za-z][A-Za-z0-9-]*):", re.M)
_MAIL_HEADERS = frozenset(
    {"from", "to", "subject", "date", "received", "message-id", "return-path", "mime-version"}
)


def unsupported(what: str, name: str) -> IngestError:
    return IngestError(f"unsupported format: {what} in {name} (supported: {supported_list()})")


def _charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    found = re.search(r"charset\s*=\s*[\"']?([^\"';\s]+)", content_type, re.I)
    return found.group(1) if found else None


def _media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def _signature_format(data: bytes, name: str, expected: Format | None) -> Format | None:
    """The format the bytes announce, if they announce one; refuse known non-documents."""
    # Readers accept the PDF header anywhere in the first kilobyte; a text file
    # that merely mentions it must start with it to count.
    pdf_at = data.find(b"%PDF-", 0, 1024)
    if pdf_at == 0 or (pdf_at > 0 and expected not in TEXT_FORMATS):
        return Format.PDF
    kind = zip_format(data)
    if kind == "docx":
        return Format.DOCX
    if kind == "odt":
        return Format.ODT
    if kind == "zip":
        if expected in (Format.DOCX, Format.ODT):
            return expected  # a damaged archive: its reader says so
        raise unsupported("ZIP archive", name)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:5] == b"{\\rtf":
        return Format.RTF
    for signature, what in _KNOWN_BINARIES:
        if data.startswith(signature) and not (signature == b"MZ" and expected in TEXT_FORMATS):
            raise unsupported(what, name)
    return None


def _head(data: bytes, size: int = 65536) -> bytes:
    """The first ``size`` bytes, not cutting a UTF-8 sequence in two."""
    if len(data) <= size:
        return data
    cut = size
    while cut > size - 3 and data[cut - 1] & 0xC0 == 0x80:
        cut -= 1
    if data[cut - 1] >= 0xC0:
        cut -= 1
    return data[:cut]


def _text_format(data: bytes, name: str, charset: str | None) -> Format:
    """Tell HTML, a saved page, an e-mail and plain text apart by their first lines."""
    text, _ = decode_text(_head(data), name, charset)
    head = text[:4096]
    if _HTML_START.match(head):
        return Format.HTML
    headers = {match.lower() for match in _HEADER_LINE.findall(head.split("\n\n", 1)[0])}
    if head[:1].isalpha() and len(headers & _MAIL_HEADERS) >= 2:
        if "multipart/related" in head.lower():
            return Format.MHTML
        return Format.EML
    if _HTML_ANYWHERE.search(head[:1024]):
        return Format.HTML
    return Format.TEXT


def choose_format(
    data: bytes, *, name: str, suffix: str, content_type: str | None, strict_suffix: bool
) -> Format:
    by_suffix = FORMAT_BY_SUFFIX.get(suffix)
    if suffix and by_suffix is None and strict_suffix:
        raise unsupported(_SUFFIX_HINTS.get(suffix, suffix), name)
    by_type = FORMAT_BY_CONTENT_TYPE.get(_media_type(content_type))
    expected = by_type or by_suffix
    signed = _signature_format(data, name, expected)
    if signed is not None:
        return signed
    if expected is not None and expected not in TEXT_FORMATS:
        raise IngestError(
            f"could not read {name}: it is not a valid {_LABELS[expected]} (damaged or misnamed)"
        )
    if by_type is not None and by_type != Format.TEXT:
        return by_type
    if by_suffix is not None:
        return by_suffix
    return _text_format(data, name, _charset(content_type))


@reader("the input")
def read_data(
    data: bytes,
    *,
    name: str,
    source: str,
    title: str = "",
    content_type: str | None = None,
    url: str | None = None,
    strict_suffix: bool = False,
) -> Document:
    """Read ``data`` with the reader its format calls for; every failure is an IngestError."""
    if not data:
        raise IngestError(f"no text found in {name}")
    suffix = _suffix(url or name)
    fmt = choose_format(
        data, name=name, suffix=suffix, content_type=content_type, strict_suffix=strict_suffix
    )
    charset = _charset(content_type)
    if fmt is Format.TEXT:
        return read_plain(data, name=name, source=source, title=title, charset=charset)
    if fmt is Format.MARKDOWN:
        return read_markdown(data, name=name, source=source, title=title)
    if fmt is Format.HTML:
        html = decode_html(data, name, charset)
        return read_html(html, name=name, source=source, url=url, title=title)
    if fmt is Format.MHTML:
        return read_mhtml(data, name=name, source=source, title=title)
    if fmt is Format.PDF:
        return read_pdf(data, name=name, source=source, title=title)
    if fmt is Format.DOCX:
        return read_docx(data, name=name, source=source, title=title)
    if fmt is Format.ODT:
        return read_odt(data, name=name, source=source, title=title)
    if fmt is Format.RTF:
        return read_rtf(data, name=name, source=source, title=title)
    return read_eml(data, name=name, source=source, title=title)


def _suffix(name: str) -> str:
    path = urlsplit(name).path if re.match(r"^[a-z][a-z0-9+.-]*://", name, re.I) else name
    return PurePosixPath(path.replace("\\", "/")).suffix.lower()


MAX_FILE_BYTES = 50 * 1024 * 1024


def read_bytes(data: bytes, *, name: str, content_type: str | None = None) -> Document:
    """A Document from bytes (standard input, a URL body); ``name`` is shown in messages."""
    return read_data(data, name=name, source=name, content_type=content_type)


def read_stream(stream: BinaryIO, *, name: str = "-", max_bytes: int = MAX_FILE_BYTES) -> Document:
    """A Document from a stream (standard input), held to the same size limit as a file."""
    what = "standard input" if name == "-" else name
    try:
        data = stream.read(max_bytes + 1)
    except OSError as error:
        raise IngestError(f"could not read {what}: {error.strerror or error}") from None
    if len(data) > max_bytes:
        raise IngestError(f"{what} is too large: more than {limit_megabytes(max_bytes)}")
    return read_bytes(data, name=name)


def _read_file(path: Path, limit: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(limit + 1)


def read_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """A Document from a file; the suffix picks the reader unless the bytes say otherwise."""
    name = os.fspath(path)
    file = Path(name)
    try:
        info = file.stat()
    except FileNotFoundError:
        if file.is_symlink():
            raise IngestError(f"broken link: {name} points to a missing file") from None
        raise IngestError(f"file not found: {name}") from None
    except PermissionError:
        raise IngestError(f"permission denied: {name}") from None
    except OSError as error:
        raise IngestError(f"could not open {name}: {error.strerror or error}") from None
    if stat.S_ISDIR(info.st_mode):
        raise IngestError(f"{name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise IngestError(f"not a regular file: {name}")
    if info.st_size > max_bytes:
        raise IngestError(
            f"file is too large: {megabytes(info.st_size)} (limit {limit_megabytes(max_bytes)})"
        )
    if info.st_size == 0:
        raise IngestError(f"empty file: {name}")
    if _suffix(name) == SESSION_SUFFIX:
        raise SessionFileError(name)
    try:
        data = _read_file(file, max_bytes)
    except PermissionError:
        raise IngestError(f"permission denied: {name}") from None
    except OSError as error:
        raise IngestError(f"could not read {name}: {error.strerror or error}") from None
    if len(data) > max_bytes:  # it grew after stat
        raise IngestError(f"file is too large: more than {limit_megabytes(max_bytes)}")
    suffix = _suffix(name)
    return read_data(
        data,
        name=name,
        source=name,
        title=file.stem if suffix else file.name,
        strict_suffix=True,
    )
