"""Word processor files: ``.docx`` (python-docx), ``.odt`` (odfpy), ``.rtf`` (striprtf).

DOCX and ODT are ZIP archives; their directory is checked before anything is
unpacked, so a zip bomb is refused instead of filling memory.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import datetime
from typing import Any

from desktop.engine.document import Document
from desktop.ingest.cleanup import clean_text, require_text
from desktop.ingest.errors import IngestError, limit_megabytes, megabytes
from desktop.ingest.guard import check_text_length

# A large Word file with pictures unpacks to a few tens of MB.
MAX_UNPACKED_BYTES = 256 * 1024 * 1024
MAX_MEMBERS = 5000
# The XML the readers parse: a 400-page report's document.xml is about 10 MB. Without
# this, 700 KB of ZIP unpacked to a 200 MB document.xml of 146 M characters.
MAX_XML_BYTES = 32 * 1024 * 1024

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def check_archive(data: bytes, name: str, kind: str) -> zipfile.ZipFile:
    """Open a ZIP container after checking its declared sizes and member count."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except Exception as error:  # zipfile raises half a dozen types on damaged directories
        raise IngestError(f"could not read {kind} {name}: the file is damaged") from error
    if len(members) > MAX_MEMBERS:
        raise IngestError(
            f"{kind} {name} holds {len(members)} files (limit {MAX_MEMBERS}); not opening it"
        )
    unpacked = sum(member.file_size for member in members)
    if unpacked > MAX_UNPACKED_BYTES:
        raise IngestError(
            f"{kind} {name} unpacks to {megabytes(unpacked)} "
            f"(limit {limit_megabytes(MAX_UNPACKED_BYTES)}); not opening it"
        )
    # zipfile stops at a member's declared size, so these sizes hold when parsing.
    for member in members:
        if member.filename.endswith((".xml", ".rels")) and member.file_size > MAX_XML_BYTES:
            raise IngestError(
                f"{kind} {name} holds {megabytes(member.file_size)} of XML in "
                f"{member.filename} (limit {limit_megabytes(MAX_XML_BYTES)}); not opening it"
            )
    return archive


def zip_format(data: bytes) -> str | None:
    """``"docx"``, ``"odt"``, another ``"zip"``, or None if ``data`` is not a ZIP archive."""
    if not data.startswith(b"PK\x03\x04"):
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names and "content.xml" in names:
                info = archive.getinfo("mimetype")
                if info.file_size < 200 and archive.read(info).strip() == ODT_MIMETYPE.encode():
                    return "odt"
    except Exception:  # any damage: the reader for the suffix reports it
        return "zip"
    return "zip"


def _date(value: datetime | None) -> str | None:
    return value.date().isoformat() if isinstance(value, datetime) else None


def _table_rows(table: Any) -> Iterator[str]:
    for row in table.rows:
        seen: set[int] = set()
        cells: list[str] = []
        for cell in row.cells:
            # A merged cell appears once per grid column it spans.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            text = " ".join(cell.text.split())
            if text:
                cells.append(text)
        if cells:
            yield " | ".join(cells)


def read_docx(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    import docx
    from docx.table import Table

    check_archive(data, name, "Word document")
    try:
        word = docx.Document(io.BytesIO(data))
        blocks: list[str] = []
        characters = 0
        for block in word.iter_inner_content():
            before = len(blocks)
            if isinstance(block, Table):
                blocks.extend(_table_rows(block))
            else:
                blocks.append(block.text)
            characters += sum(len(text) + 1 for text in blocks[before:])
            check_text_length(characters, name)
        properties = word.core_properties
        doc_title = properties.title or ""
        author = properties.author or ""
        date = _date(properties.created)
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(f"could not read Word document {name}: the file is damaged") from error
    text = require_text("\n".join(blocks), name)
    metadata = {"content_type": DOCX_CONTENT_TYPE}
    if author.strip():
        metadata["author"] = clean_text(author)
    return Document(
        text=text,
        title=clean_text(doc_title) or title,
        source=source,
        date=date,
        metadata=metadata,
    )


def _odt_blocks(element: Any) -> Iterator[str]:
    from odf import teletype
    from odf.namespaces import TABLENS, TEXTNS

    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            yield teletype.extractText(child)
        elif qname == (TABLENS, "table-row"):
            cells = [" ".join(" ".join(_odt_blocks(cell)).split()) for cell in child.childNodes]
            row = " | ".join(cell for cell in cells if cell)
            if row:
                yield row
        elif qname is not None:
            yield from _odt_blocks(child)


def _odt_meta(document: Any) -> dict[str, str]:
    from odf import teletype
    from odf.namespaces import DCNS, METANS

    wanted = {
        (DCNS, "title"): "title",
        (DCNS, "creator"): "author",
        (METANS, "initial-creator"): "initial_author",
        (METANS, "creation-date"): "created",
        (DCNS, "date"): "modified",
    }
    found: dict[str, str] = {}
    for node in document.meta.childNodes:
        qname: tuple[str, str] | None = getattr(node, "qname", None)
        key = wanted.get(qname) if qname else None
        if key:
            found[key] = clean_text(teletype.extractText(node))
    return found


class _LibraryPrinted(Exception):
    """odfpy printed instead of raising: the document is damaged."""


def _refuse_to_print(*args: object, **kwargs: object) -> None:
    raise _LibraryPrinted(" ".join(str(arg)[:200] for arg in args))


def _odfpy_raises() -> None:
    """Make odfpy raise where it prints. On a SAX error it prints the whole content.xml to
    standard output (``compare --json`` then printed invalid JSON) and returns a partial
    document; the two ``print`` calls resolve through these modules' globals."""
    import odf.load
    import odf.opendocument

    for module in (odf.opendocument, odf.load):
        module.print = _refuse_to_print


def read_odt(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    from odf.opendocument import load

    _odfpy_raises()

    check_archive(data, name, "OpenDocument text")
    try:
        document = load(io.BytesIO(data))
        blocks = []
        characters = 0
        for block in _odt_blocks(document.text):
            blocks.append(block)
            characters += len(block) + 1
            check_text_length(characters, name)
        meta = _odt_meta(document)
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(
            f"could not read OpenDocument text {name}: the file is damaged"
        ) from error
    text = require_text("\n".join(blocks), name)
    created = meta.get("created", "")
    metadata = {"content_type": ODT_MIMETYPE}
    author = meta.get("author") or meta.get("initial_author")
    if author:
        metadata["author"] = author
    return Document(
        text=text,
        title=meta.get("title") or title,
        source=source,
        date=created[:10] if re.match(r"\d{4}-\d\d-\d\d", created) else None,
        metadata=metadata,
    )


# No "(" inside: each "(http:" scanned to the next ")" or space, past every later one.
_RTF_LINK_TARGET = re.compile(r"\((?:https?|mailto|ftp):[^()\s]*\)")
_RTF_TITLE = re.compile(r"\{\\title\s+([^{}\\]*)\}")


def read_rtf(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    from striprtf.striprtf import rtf_to_text

    # RTF is 7-bit with escapes; latin-1 maps any stray 8-bit byte one to one.
    rtf = data.decode("latin-1")
    if not rtf.lstrip("\ufeff \r\n\t").startswith("{\\rtf"):
        raise IngestError(f"not an RTF document: {name}")
    try:
        text: str = rtf_to_text(rtf, errors="replace")  # type: ignore[no-untyped-call]
    except Exception as error:
        raise IngestError(f"could not read RTF document {name}: the file is damaged") from error
    # striprtf writes links as "text(url)"; the reader wants the text.
    text = require_text(_RTF_LINK_TARGET.sub("", text), name)
    declared = _RTF_TITLE.search(rtf[:20000])
    return Document(
        text=text,
        title=clean_text(declared.group(1)) if declared else title,
        source=source,
        metadata={"content_type": "application/rtf"},
    )
