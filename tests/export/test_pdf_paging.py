"""No line of a paragraph that runs across a page break is written into both pages."""

from __future__ import annotations

import itertools
import shutil
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QRectF, QSizeF
from PySide6.QtGui import QPainter, QPdfWriter, QTextBlockFormat, QTextCursor, QTextDocument

from desktop.engine.compare import compare_article
from desktop.export.pdf_paging import split_paragraphs_at_page_breaks
from desktop.ingest import read_path
from tests.export.conftest import SAMPLE, Exported, export, squash
from tests.export.test_pdf_content import _check_summary

WORDS = 2500


def _long_paragraphs(writer: QPdfWriter) -> QTextDocument:
    """A paragraph in the flow and one in a table cell, each several pages long."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setUseDesignMetrics(True)
    cursor = QTextCursor(document)
    fmt = QTextBlockFormat()
    fmt.setLineHeight(118.0, 1)
    fmt.setTopMargin(40.0)
    fmt.setBottomMargin(40.0)
    cursor.setBlockFormat(fmt)
    cursor.insertText(" ".join(f"x{i:04d}" for i in range(WORDS)))
    table = cursor.insertTable(1, 2)
    cell = table.cellAt(0, 1).firstCursorPosition()
    cell.setBlockFormat(fmt)
    cell.insertText(" ".join(f"y{i:04d}" for i in range(WORDS)))
    document.setPageSize(QSizeF(writer.width() * 0.9, writer.height() * 0.6))
    return document


def _line_pages(document: QTextDocument) -> list[tuple[int, str, int]]:
    """Every laid-out line's paragraph number, text and page."""
    page = document.pageSize().height()
    layout = document.documentLayout()
    out = []
    block = document.firstBlock()
    while block.isValid():
        top = layout.blockBoundingRect(block).top()
        lines = block.layout()
        for index in range(lines.lineCount()):
            line = lines.lineAt(index)
            text = block.text()[line.textStart() : line.textStart() + line.textLength()]
            on = int((top + line.y() + line.height() / 2) // page)
            out.append((block.blockNumber(), text.strip(), on))
        block = block.next()
    return out


def _paint(document: QTextDocument, writer: QPdfWriter) -> None:
    """As the exporter paints: the whole document, clipped to one page at a time."""
    body = document.pageSize()
    painter = QPainter(writer)
    try:
        for page in range(document.pageCount()):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body.height())
            document.drawContents(
                painter, QRectF(0, page * body.height(), body.width(), body.height())
            )
            painter.restore()
    finally:
        painter.end()


@pytest.mark.usefixtures("_application")
def test_split_paragraphs_keep_the_layout_and_write_each_word_once(tmp_path: Path) -> None:
    target = tmp_path / "long.pdf"
    writer = QPdfWriter(str(target))
    document = _long_paragraphs(writer)
    before = _line_pages(document)
    pages = document.pageCount()
    assert pages >= 6 and len({on for _, _, on in before}) == pages

    cuts = split_paragraphs_at_page_breaks(document)

    after = _line_pages(document)
    # Each page break but the one that may fall between the two paragraphs cuts one.
    assert cuts >= pages - 2
    assert [(text, on) for _, text, on in after] == [(text, on) for _, text, on in before]
    assert document.pageCount() == pages
    pages_of: dict[int, set[int]] = {}
    for number, _, on in after:
        pages_of.setdefault(number, set()).add(on)
    assert all(len(on) == 1 for on in pages_of.values())
    _paint(document, writer)
    words = Counter(w for page in PdfReader(target).pages for w in page.extract_text().split())
    expected = {f"{kind}{i:04d}" for kind in ("x", "y") for i in range(WORDS)}
    assert set(words) == expected
    assert [w for w, n in words.items() if n != 1] == []


def _joins_repeat_nothing(exported: Exported) -> list[str]:
    """Body lines that end one page and come again at the top of the next."""
    repeated = []
    # The running header and footer close each page's text: title, "Readout", stamp, page.
    bodies = [page.splitlines()[:-4] for page in exported.pages]
    lines = [[squash(x) for x in body if len(squash(x)) > 20] for body in bodies]
    for earlier, later in itertools.pairwise(lines):
        tail = set(earlier[-10:])
        repeated += [line for line in later[:10] if line in tail]
    return repeated


@pytest.mark.parametrize("depth", [0, 12, 24, 40, 56])
def test_sample_pdf_pages_repeat_no_line_wherever_the_breaks_fall(
    tmp_path: Path, depth: int
) -> None:
    # The path of the article is printed in the header and wraps with its length, so
    # the page breaks fall inside different paragraphs for each depth.
    folder = tmp_path / ("d" * depth) / "seeds"
    folder.mkdir(parents=True)
    article = folder / SAMPLE.name
    shutil.copy(SAMPLE, article)
    exported = export(compare_article(read_path(article)), f"paging-{depth}.pdf", title="Paging")
    assert exported.result.page_count >= 4
    assert _joins_repeat_nothing(exported) == []
    _check_summary(exported)
