"""PDF reading, PDFium (what Readout uses) beside pypdf (what it used): ``make bench``.

    python -m tests.tools.pdf_readers

Both readers feed the same paragraph rebuilding (``desktop.ingest.pdf``); only how a
page becomes positioned lines differs. Three PDFs, all drawn by Qt (which writes every
glyph or word separately, the slow case for pypdf): the bench's 100-page article, the
same 100 pages written by QTextDocument (as Readout's own export does), and a
two-column press release with a running header, a headline across both columns and
"Page N of M" footers — a real-world layout with a known text. For each: seconds, and
how many of the known paragraphs come out whole and in order.
"""

from __future__ import annotations

import io
import math
import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from desktop.ingest import pdf as readout_pdf
from desktop.ingest.bench import _SENTENCES, write_pdf
from desktop.ingest.cleanup import clean_text

Line = readout_pdf._Line

HEADER = "MINISTRY OF EXTERNAL AFFAIRS · PRESS RELEASE"
HEADLINE = "Joint statement on the visit of the Defence Minister"


class _PypdfLines:
    """pypdf's text fragments grouped into positioned lines (the reader before PDFium)."""

    def __init__(self, page: int) -> None:
        self.page = page
        self.lines: list[Any] = []
        self._parts: list[str] = []
        self._origin: tuple[float, float, float] | None = None

    def visit(
        self, text: str, cm: Sequence[float], tm: Sequence[float], font: Any, font_size: float
    ) -> None:
        if not text:
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
        size = abs(font_size * scale) or 1.0
        for number, segment in enumerate(text.split("\n")):
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
            self.lines.append(Line(text, x, y, size, self.page))
        self._parts = []
        self._origin = None


def read_with_pypdf(data: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data), strict=False)
    pages = []
    for number, page in enumerate(reader.pages):
        collector = _PypdfLines(number)
        page.extract_text(visitor_text=collector.visit)
        collector.end_line()
        pages.append(collector.lines)
    lines = readout_pdf._drop_page_furniture(pages)
    return clean_text(readout_pdf.paragraphs_from_lines(lines))


def read_with_pdfium(data: bytes) -> str:
    return readout_pdf.read_pdf(data, name="bench.pdf", source="bench.pdf").text


READERS: tuple[tuple[str, Callable[[bytes], str]], ...] = (
    ("PDFium", read_with_pdfium),
    ("pypdf", read_with_pypdf),
)


def _paragraph(number: int) -> str:
    return f"{number + 1}. " + " ".join(_SENTENCES[(number + i) % 4] for i in range(2))


def write_columns(path: Path, pages: int = 6) -> list[str]:
    """A two-column release of ``pages`` pages; returns its paragraphs in reading order."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import (
        QFont,
        QFontMetricsF,
        QGuiApplication,
        QPageSize,
        QPainter,
        QPdfWriter,
        QTextLayout,
    )

    app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    body, bold, small = QFont("DejaVu Serif"), QFont("DejaVu Sans"), QFont("DejaVu Sans")
    body.setPointSizeF(10)
    bold.setPointSizeF(17)
    bold.setBold(True)
    small.setPointSizeF(8)
    leading, gap, width, top, bottom = 13.0, 8.0, 235.0, 70.0, 780.0
    columns = (50.0, 310.0)
    paragraphs = [_paragraph(n) for n in range(pages * 7)]
    written: list[str] = [HEADLINE]
    page, column, y = 0, 0, top + 40.0

    def furniture() -> None:
        painter.setFont(small)
        painter.drawText(QPointF(50, 40), HEADER)
        painter.drawText(QPointF(270, 815), f"Page {page + 1} of {pages}")

    furniture()
    painter.setFont(bold)
    painter.drawText(QPointF(50, top + 10), HEADLINE)
    for paragraph in paragraphs:
        layout = QTextLayout(paragraph, body)
        layout.beginLayout()
        lines = []
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            lines.append(paragraph[line.textStart() : line.textStart() + line.textLength()])
        layout.endLayout()
        if y + leading * len(lines) > bottom:
            column += 1
            y = top + (40.0 if page == 0 else 0.0)
            if column == len(columns):
                if page + 1 == pages:
                    break
                writer.newPage()
                page, column = page + 1, 0
                furniture()
        painter.setFont(body)
        for text in lines:
            painter.drawText(QPointF(columns[column], y), text.rstrip())
            y += leading
        y += gap
        written.append(paragraph)
    painter.end()
    del app
    QFontMetricsF(body)  # keep the import used on every Qt version
    return written


def _in_order(expected: Sequence[str], text: str) -> tuple[int, bool]:
    """How many expected paragraphs are lines of ``text``, and whether in the same order."""
    lines = text.split("\n")
    positions = [lines.index(p) for p in expected if p in lines]
    return len(positions), positions == sorted(positions)


def bench_pdf_readers() -> list[str]:
    """One line per PDF and reader: seconds, and the text compared with what was written."""
    report: list[str] = []
    with tempfile.TemporaryDirectory(prefix="readout-pdf-readers-") as folder:
        article = Path(folder) / "article-100-pages.pdf"
        write_pdf(article)
        exported = Path(folder) / "export-100-pages.pdf"
        _write_text_document(exported)
        columns = Path(folder) / "two-columns.pdf"
        expected = write_columns(columns)
        for _, read in READERS:  # word lists and imports loaded before anything is timed
            read(columns.read_bytes())
        for label, path, known in (
            ("article (QPainter)", article, None),
            ("article (QTextDocument)", exported, None),
            ("two-column release", columns, expected),
        ):
            data = path.read_bytes()
            label = f"{label}, {_pages(data)} pages"
            texts = {}
            for name, read in READERS:
                start = time.perf_counter()
                texts[name] = read(data)
                seconds = time.perf_counter() - start
                quality = ""
                if known is not None:
                    whole, ordered = _in_order(known, texts[name])
                    quality = f", {whole}/{len(known)} paragraphs whole" + (
                        ", in order" if ordered else ", OUT OF ORDER"
                    )
                report.append(f"PDF read {label} {name}: {seconds:.3f} s{quality}")
            same = "same text" if len(set(texts.values())) == 1 else "texts differ"
            report.append(f"PDF read {label}: {same}")
    return report


def _pages(data: bytes) -> int:
    import pypdfium2

    document = pypdfium2.PdfDocument(data)
    try:
        return len(document)
    finally:
        document.close()


def _write_text_document(path: Path, pages: int = 100) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument

    app = QGuiApplication.instance() or QGuiApplication([])
    html = "<h1>Benchmark article</h1>" + "".join(
        f"<p>{_paragraph(n)} {_paragraph(n + 1)}</p>" for n in range(pages * 10)
    )
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
    del writer, app


if __name__ == "__main__":
    for line in bench_pdf_readers():
        print(line)
