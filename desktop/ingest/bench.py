"""Ingest timings for ``make bench``: a 100-page PDF and a 1 MB web page.

Builds both inputs in a temporary folder (the PDF with Qt's PDF writer, so a
QGuiApplication is created if none exists) and times :func:`read_path` on each.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from desktop.ingest.dispatch import read_path

_SENTENCES = (
    "The Defence Minister appreciated the unwavering support extended by the United States "
    "to India for its fight against terrorism.",
    "The two leaders discussed ways to further augment defence ties with a focus on "
    "expanding industry collaboration and co-production.",
    "Sources said the minister conveyed that the action targeted only terrorist "
    "infrastructure across the border.",
    "The ministry's statement was silent on the details of the conversation, officials "
    "familiar with the matter said on Tuesday.",
)


def _paragraph(number: int) -> str:
    return f"{number}. " + " ".join(_SENTENCES[(number + i) % 4] for i in range(3))


def write_pdf(path: Path, pages: int = 100) -> None:
    """A ``pages``-page PDF of wrapped article text, drawn line by line."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QFont, QGuiApplication, QPageSize, QPainter, QPdfWriter

    app = QGuiApplication.instance() or QGuiApplication([])
    writer = QPdfWriter(str(path))
    writer.setResolution(72)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setTitle("Benchmark article")
    painter = QPainter(writer)
    font = QFont("DejaVu Sans")
    font.setPointSizeF(10)
    painter.setFont(font)
    width, line_height, lines_per_page = 480.0, 14.0, 50
    paragraph = 0
    for page in range(pages):
        if page:
            writer.newPage()
        y = 60.0
        for _ in range(lines_per_page // 7):
            bounds = painter.boundingRect(
                QRectF(50, y, width, 1000), int(Qt.TextFlag.TextWordWrap), _paragraph(paragraph)
            )
            painter.drawText(bounds, int(Qt.TextFlag.TextWordWrap), _paragraph(paragraph))
            y += bounds.height() + line_height
            paragraph += 1
        painter.drawText(QPointF(290, 800), str(page + 1))
    painter.end()
    del app


def write_html(path: Path, size: int = 1024 * 1024) -> None:
    """A news page of about ``size`` bytes: navigation, scripts, the article, a footer."""
    head = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Minister holds talks | Example News</title>"
        "<link rel='canonical' href='https://news.example.com/talks'>"
        "<meta name='author' content='A. Reporter'>"
        "<script>var tracking = 1;</script></head><body>"
        "<nav><ul>"
        + "".join(f"<li><a href='/s{i}'>Section {i}</a></li>" for i in range(40))
        + "</ul></nav>"
        "<article><h1>Minister holds talks</h1><p class='byline'>By A. Reporter</p>"
    )
    tail = "</article><footer><p>Copyright Example News.</p></footer></body></html>"
    parts = [head]
    total = len(head) + len(tail)
    number = 0
    while total < size:
        block = f"<p>{_paragraph(number)}</p>\n"
        if number % 25 == 0:
            block += f"<h2>Section {number // 25}</h2>\n<script>ad({number});</script>\n"
        parts.append(block)
        total += len(block.encode())
        number += 1
    parts.append(tail)
    path.write_text("".join(parts), encoding="utf-8")


def bench_ingest() -> list[tuple[str, float]]:
    """``(label, seconds)`` for reading a 100-page PDF and a 1 MB HTML page."""
    results: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="readout-bench-") as folder:
        pdf = Path(folder) / "article-100-pages.pdf"
        html = Path(folder) / "article-1mb.html"
        write_pdf(pdf)
        write_html(html)
        for label, path in (("ingest 100-page PDF", pdf), ("ingest 1 MB HTML page", html)):
            start = time.perf_counter()
            read_path(path)
            results.append((label, time.perf_counter() - start))
    return results


if __name__ == "__main__":
    for label, seconds in bench_ingest():
        print(f"{label}: {seconds:.2f} s")
