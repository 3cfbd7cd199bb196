"""The input formats Readout reads, by file suffix and by MIME type."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    TEXT = "text"
    MARKDOWN = "markdown"
    HTML = "html"
    MHTML = "mhtml"
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    RTF = "rtf"
    EML = "eml"


FORMAT_BY_SUFFIX: dict[str, Format] = {
    ".txt": Format.TEXT,
    ".text": Format.TEXT,
    ".md": Format.MARKDOWN,
    ".markdown": Format.MARKDOWN,
    ".html": Format.HTML,
    ".htm": Format.HTML,
    ".xhtml": Format.HTML,
    ".xht": Format.HTML,
    ".mhtml": Format.MHTML,
    ".mht": Format.MHTML,
    ".pdf": Format.PDF,
    ".docx": Format.DOCX,
    ".odt": Format.ODT,
    ".rtf": Format.RTF,
    ".eml": Format.EML,
}

SUPPORTED_SUFFIXES: tuple[str, ...] = tuple(FORMAT_BY_SUFFIX)

CONTENT_TYPE_BY_FORMAT: dict[Format, str] = {
    Format.TEXT: "text/plain",
    Format.MARKDOWN: "text/markdown",
    Format.HTML: "text/html",
    Format.MHTML: "multipart/related",
    Format.PDF: "application/pdf",
    Format.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Format.ODT: "application/vnd.oasis.opendocument.text",
    Format.RTF: "application/rtf",
    Format.EML: "message/rfc822",
}

FORMAT_BY_CONTENT_TYPE: dict[str, Format] = {
    "text/plain": Format.TEXT,
    "text/markdown": Format.MARKDOWN,
    "text/x-markdown": Format.MARKDOWN,
    "text/html": Format.HTML,
    "application/xhtml+xml": Format.HTML,
    "multipart/related": Format.MHTML,
    "application/x-mimearchive": Format.MHTML,
    "message/rfc822": Format.EML,
    "application/pdf": Format.PDF,
    "application/x-pdf": Format.PDF,
    "application/rtf": Format.RTF,
    "text/rtf": Format.RTF,
    CONTENT_TYPE_BY_FORMAT[Format.DOCX]: Format.DOCX,
    CONTENT_TYPE_BY_FORMAT[Format.ODT]: Format.ODT,
}

# Formats that are text on disk: a wrong guess between them still reads sensibly.
TEXT_FORMATS = frozenset({Format.TEXT, Format.MARKDOWN, Format.HTML, Format.MHTML, Format.EML})


def supported_list() -> str:
    return ", ".join(SUPPORTED_SUFFIXES)
