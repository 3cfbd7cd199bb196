"""PDF via pypdf: text in content-stream order, paragraphs rebuilt from line positions.

pypdf hands back lines; a paragraph is a run of lines with ordinary spacing.
A break is a wider vertical gap, a change of font size, an indented first
line, a short line that ends a sentence, a list item, or a jump back up the
page (a new column). Running headers, footers and page numbers are dropped.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from statistics import quantiles
from typing import Any

from pypdf import PasswordType, PdfReader

from desktop.engine.document import Document
from desktop.ingest.cleanup import (
    clean_text,
    ends_sentence,
    join_wrapped,
    starts_list_item,
)
from desktop.ingest.errors import IngestError
from desktop.ingest.guard import check_text_length

# pypdf warns on every repairable flaw ("incorrect startxref pointer"); the user
# gets a readable text or one IngestError, not that stream on stderr.
logging.getLogger("pypdf").setLevel(logging.CRITICAL)


def encrypted(name: str) -> str:
    return f"encrypted PDF: {name} cannot be read without its password"


def no_text_layer(name: str) -> str:
    return f"no text layer in {name} (a scanned PDF?): Readout reads only the text of a PDF"


_PAGE_NUMBER = re.compile(
    r"^(?:page\s*)?[-–—(]?\s*\d{1,4}\s*[-–—)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_GENERATED_TITLE = re.compile(
    r"^(microsoft (word|powerpoint)|untitled)|\.(docx?|pdf|odt|rtf)$", re.I
)


@dataclass(frozen=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


class _LineCollector:
    """Receives pypdf's text fragments and groups them into positioned lines."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.lines: list[_Line] = []
        self._parts: list[str] = []
        self._origin: tuple[float, float, float] | None = None

    def visit(
        self,
        text: str,
        cm: Sequence[float],
        tm: Sequence[float],
        font: Any,
        font_size: float,
    ) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        size = abs(font_size * scale) or 1.0
        for number, segment in enumerate(text.split("\n")):
            # pypdf marks most line ends with "\n"; a jump in height is one too.
            moved = self._origin is not None and abs(self._origin[1] - y) > 0.6 * size
            if number or (moved and segment.strip()):
                self.end_line()
            if segment.strip() and self._origin is None:
                self._origin = (x, y, size)
            self._parts.append(segment)

    def end_line(self) -> None:
        text = clean_text("".join(self._parts)).replace("\n", " ")
        if text and self._origin is not None:
            x, y, size = self._origin
            self.lines.append(_Line(text, x, y, size, self.page))
        self._parts = []
        self._origin = None


def _page_lines(reader: PdfReader, name: str) -> list[list[_Line]]:
    pages: list[list[_Line]] = []
    characters = 0
    for number, page in enumerate(reader.pages):
        collector = _LineCollector(number)
        page.extract_text(visitor_text=collector.visit)
        collector.end_line()
        pages.append(collector.lines)
        characters += sum(len(line.text) + 1 for line in collector.lines)
        check_text_length(characters, name)  # before the next page, not after the last
    return pages


def _furniture_key(line: _Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower())


def _drop_page_furniture(pages: list[list[_Line]]) -> list[_Line]:
    """Remove page numbers everywhere and running headers/footers after the first page."""
    edge_counts: Counter[str] = Counter()
    for lines in pages:
        edges = {_furniture_key(line) for line in lines[:2] + lines[-2:]}
        edge_counts.update(edges)
    repeated = {key for key, count in edge_counts.items() if count >= max(3, len(pages) // 2)}
    kept: list[_Line] = []
    for number, lines in enumerate(pages):
        for index, line in enumerate(lines):
            at_edge = index < 2 or index >= len(lines) - 2
            if at_edge and _PAGE_NUMBER.match(line.text):
                continue
            if at_edge and number > 0 and _furniture_key(line) in repeated:
                continue
            kept.append(line)
    return kept


def _typical_gap(lines: list[_Line]) -> float:
    gaps = [
        previous.y - line.y
        for previous, line in itertools.pairwise(lines)
        if previous.page == line.page and 0 < previous.y - line.y < 4 * line.size
    ]
    if len(gaps) < 4:
        return min(gaps, default=0.0)
    return quantiles(gaps, n=4)[0]


def _typical_length(lines: list[_Line]) -> float:
    lengths = [len(line.text) for line in lines]
    if len(lengths) < 4:
        return float(max(lengths, default=0))
    return quantiles(lengths, n=5)[3]


def _starts_paragraph(
    before_previous: _Line | None, previous: _Line, line: _Line, gap: float, length: float
) -> bool:
    if line.page != previous.page:
        return ends_sentence(previous.text) or not line.text[0].islower()
    size = max(line.size, previous.size)
    dy = previous.y - line.y
    if dy < -0.5 * size or (gap > 0 and dy > 1.3 * gap) or dy > 2.5 * size:
        return True
    if abs(line.size - previous.size) > 0.15 * size:
        return True
    if line.x - previous.x > 0.9 * size:
        return True
    previous_indented_alone = (
        before_previous is None
        or before_previous.page != previous.page
        or previous.x - before_previous.x > 0.9 * size
    )
    if previous.x - line.x > 0.9 * size and not previous_indented_alone:
        return True
    if starts_list_item(line.text):
        return True
    return ends_sentence(previous.text) and len(previous.text) < 0.8 * length


def paragraphs_from_lines(lines: list[_Line]) -> str:
    gap = _typical_gap(lines)
    length = _typical_length(lines)
    paragraphs: list[str] = []
    for index, line in enumerate(lines):
        previous = lines[index - 1] if index else None
        before_previous = lines[index - 2] if index > 1 else None
        if previous is None or _starts_paragraph(before_previous, previous, line, gap, length):
            paragraphs.append(line.text)
        else:
            paragraphs[-1] = join_wrapped(paragraphs[-1], line.text)
    return "\n".join(paragraphs)


def _pdf_date(value: datetime | None) -> str | None:
    return value.date().isoformat() if value is not None else None


def _document_info(reader: PdfReader) -> tuple[str, str | None, dict[str, str]]:
    try:
        info = reader.metadata
        if info is None:
            return "", None, {}
        title = clean_text(str(info.title or "")).replace("\n", " ")
        author = clean_text(str(info.author or "")).replace("\n", " ")
        created = _pdf_date(info.creation_date)
    except Exception:  # broken info dictionaries and dates are common; the text matters
        return "", None, {}
    if _GENERATED_TITLE.search(title):
        title = ""
    return title, created, {"author": author} if author else {}


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
    except Exception as error:
        raise IngestError(f"could not read PDF {name}: the file is damaged") from error
    if reader.is_encrypted:
        try:
            # Many releases are "encrypted" with an empty password only to stop editing.
            opened = reader.decrypt("") != PasswordType.NOT_DECRYPTED
        except Exception:  # AES without the cryptography package, broken /Encrypt
            opened = False
        if not opened:
            raise IngestError(encrypted(name))
    return reader


def read_pdf(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    reader = _open(data, name)
    try:
        page_count = len(reader.pages)
        lines = _drop_page_furniture(_page_lines(reader, name))
    except IngestError:
        raise
    except Exception as error:
        raise IngestError(f"could not read PDF {name}: the file is damaged") from error
    if page_count == 0:
        raise IngestError(f"no text found in {name}")
    text = clean_text(paragraphs_from_lines(lines))
    if not text:
        raise IngestError(no_text_layer(name))
    pdf_title, date, metadata = _document_info(reader)
    metadata.update(content_type="application/pdf", pages=str(page_count))
    return Document(
        text=text, title=pdf_title or title, source=source, date=date, metadata=metadata
    )
