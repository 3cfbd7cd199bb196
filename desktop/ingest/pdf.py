"""PDF via PDFium (pypdfium2): text in reading order, paragraphs rebuilt from line positions.

PDFium hands back a page's text with its own line breaks (it joins the separately
drawn words Qt and others write, 16x faster than pypdf did: ``make bench``); each
line's first character gives its position and font size. A paragraph is a run of
lines with ordinary spacing. A break is a wider vertical gap, a change of font size,
an indented first line, a short line that ends a sentence, a list item, or a jump
back up the page (a new column). Running headers, footers and page numbers are dropped.

PDFium is not thread-safe: one document at a time, under a lock (its calls release
the interpreter lock, so the window stays responsive meanwhile).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from statistics import quantiles

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from desktop.engine.document import Document
from desktop.ingest.cleanup import (
    clean_text,
    ends_sentence,
    join_wrapped,
    starts_list_item,
)
from desktop.ingest.errors import IngestError
from desktop.ingest.guard import check_text_length


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
# A line of PDFium's page text: up to a line break, or through the hyphen it marks with
# U+FFFE where a word is broken across lines (it then leaves out the line break).
_TEXT_LINE = re.compile(r"[^\r\n\ufffe]*(?:\ufffe|\r\n|\n|\r|$)")
_BROKEN_WORD_HYPHEN = "\ufffe"
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_PDFIUM = threading.Lock()
PDFIUM_LOCK = _PDFIUM  # for the PDF export's check of the file it wrote


@dataclass(frozen=True)
class _Line:
    text: str
    x: float
    y: float
    size: float
    page: int


@dataclass(frozen=True)
class _Place:
    x: float
    y: float
    size: float


class _Glyphs:
    """Where a character of a page's text lies, in points: origin, right edge, font size."""

    def __init__(self, textpage: pdfium.PdfTextPage) -> None:
        self._page = textpage.raw
        self._x, self._y = ctypes.c_double(), ctypes.c_double()
        self._box = [ctypes.c_double() for _ in range(4)]
        self._matrix = pdfium_c.FS_MATRIX()

    def _char(self, text_index: int) -> int:
        return int(pdfium_c.FPDFText_GetCharIndexFromTextIndex(self._page, text_index))

    def place(self, text_index: int) -> _Place | None:
        char = self._char(text_index)
        if char < 0 or not pdfium_c.FPDFText_GetCharOrigin(
            self._page, char, ctypes.byref(self._x), ctypes.byref(self._y)
        ):
            return None
        size = float(pdfium_c.FPDFText_GetFontSize(self._page, char))
        if pdfium_c.FPDFText_GetMatrix(self._page, char, ctypes.byref(self._matrix)):
            size *= math.hypot(self._matrix.c, self._matrix.d)  # Qt writes Tf 150 at 0.06
        return _Place(self._x.value, self._y.value, size or 1.0)

    def right(self, text_index: int) -> float | None:
        char = self._char(text_index)
        left, right, bottom, top = self._box
        if char < 0 or not pdfium_c.FPDFText_GetCharBox(
            self._page, char, *(ctypes.byref(v) for v in (left, right, bottom, top))
        ):
            return None
        return right.value


@dataclass
class _Run:
    """A stretch of a page's text on one baseline: text indices, where it starts."""

    start: int
    end: int
    place: _Place
    text: str = ""


def _moved(a: _Place, b: _Place) -> bool:
    return abs(a.y - b.y) > 0.6 * max(a.size, b.size)


def _baseline_runs(glyphs: _Glyphs, text: str, start: int, end: int) -> list[_Run]:
    """The stretches of ``text[start:end]`` (one of PDFium's lines) on one baseline each.

    PDFium sometimes runs the last line of a paragraph and the first of the next into
    one line; the words' heights tell them apart (checked at both ends first, so a
    plain line costs two look-ups)."""
    words = [start + m.start() for m in re.finditer(r"\S+", text[start:end])]
    first, last = glyphs.place(words[0]), glyphs.place(words[-1])
    if first is None:
        return []
    if last is None or not _moved(first, last):
        return [_Run(words[0], end, first)]
    runs: list[_Run] = []
    run_start, current = words[0], first
    for word in words[1:]:
        here = last if word == words[-1] else glyphs.place(word)
        if here is not None and _moved(current, here):
            runs.append(_Run(run_start, word, current))
            run_start, current = word, here
    runs.append(_Run(run_start, end, current))
    return runs


def _joiner(glyphs: _Glyphs, text: str, previous: _Run, run: _Run) -> str | None:
    """How ``run`` continues ``previous`` when PDFium broke a line that is not broken
    (it does so within words Qt draws glyph by glyph): "" or " ", None when it is a
    line of its own (another baseline, back to the left, or past a column gap)."""
    if _moved(previous.place, run.place) or run.place.x <= previous.place.x:
        return None
    if text[previous.start : previous.end].endswith(_BROKEN_WORD_HYPHEN):
        return None
    last = previous.start + len(text[previous.start : previous.end].rstrip()) - 1
    right = glyphs.right(last)
    if right is None:
        return None
    gap = run.place.x - right
    size = max(previous.place.size, run.place.size)
    if gap > 1.5 * size:
        return None
    return " " if gap > 0.15 * size else ""


def _text_lines(textpage: pdfium.PdfTextPage, page: int) -> list[_Line]:
    """The page's lines, each placed at its first character's origin."""
    text = textpage.get_text_range()
    glyphs = _Glyphs(textpage)
    lines: list[_Run] = []
    for match in _TEXT_LINE.finditer(text):
        end = match.start() + len(match.group().rstrip("\r\n"))
        if not text[match.start() : end].strip():
            continue
        for run in _baseline_runs(glyphs, text, match.start(), end):
            piece = text[run.start : run.end]
            joiner = _joiner(glyphs, text, lines[-1], run) if lines else None
            if joiner is None:
                lines.append(_Run(run.start, run.end, run.place, piece))
            else:
                previous = lines[-1]
                previous.text = previous.text.rstrip() + joiner + piece.lstrip()
                previous.start, previous.end = run.start, run.end
    found = []
    for line in lines:
        cleaned = clean_text(line.text.replace(_BROKEN_WORD_HYPHEN, "-")).replace("\n", " ")
        if cleaned:
            found.append(_Line(cleaned, line.place.x, line.place.y, line.place.size, page))
    return found


def _page_lines(document: pdfium.PdfDocument, name: str) -> list[list[_Line]]:
    pages: list[list[_Line]] = []
    characters = 0
    for number in range(len(document)):
        page = document[number]
        textpage = page.get_textpage()
        try:
            pages.append(_text_lines(textpage, number))
        finally:
            textpage.close()
            page.close()
        characters += sum(len(line.text) + 1 for line in pages[-1])
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


def _pdf_date(value: str) -> str | None:
    match = _PDF_DATE.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if not ("01" <= month <= "12" and "01" <= day <= "31"):
        return None
    return f"{year}-{month}-{day}"


def _document_info(document: pdfium.PdfDocument) -> tuple[str, str | None, dict[str, str]]:
    try:
        info = document.get_metadata_dict()
    except Exception:  # broken info dictionaries are common; the text matters
        return "", None, {}
    title = clean_text(info.get("Title", "")).replace("\n", " ")
    author = clean_text(info.get("Author", "")).replace("\n", " ")
    if _GENERATED_TITLE.search(title):
        title = ""
    return title, _pdf_date(info.get("CreationDate", "")), {"author": author} if author else {}


def _open(data: bytes, name: str) -> pdfium.PdfDocument:
    """The document; PDFium itself opens those "encrypted" with an empty password only to
    stop editing, as many releases are."""
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        if error.err_code in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise IngestError(encrypted(name)) from error
        raise IngestError(f"could not read PDF {name}: the file is damaged") from error


def read_pdf(data: bytes, *, name: str, source: str, title: str = "") -> Document:
    with _PDFIUM:
        document = _open(data, name)
        try:
            page_count = len(document)
            lines = _drop_page_furniture(_page_lines(document, name))
            pdf_title, date, metadata = _document_info(document)
        except IngestError:
            raise
        except Exception as error:
            raise IngestError(f"could not read PDF {name}: the file is damaged") from error
        finally:
            document.close()
    if page_count == 0:
        raise IngestError(f"no text found in {name}")
    text = clean_text(paragraphs_from_lines(lines))
    if not text:
        raise IngestError(no_text_layer(name))
    metadata.update(content_type="application/pdf", pages=str(page_count))
    return Document(
        text=text, title=pdf_title or title, source=source, date=date, metadata=metadata
    )
