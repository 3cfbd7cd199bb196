"""Comparison PDFs: a briefing attachment that reads well on paper and on screen.

``export_pdf`` lays the whole comparison out as one QTextDocument whose page size
is the body area of a page, then paints it page by page into a QPdfWriter,
drawing the running header and the footer ("page N of M", export date) around
each page with QPainter. Everything is text in the PDF, so it can be selected and
searched. Only QtGui is used (no widgets); it runs in a worker thread once a
QGuiApplication exists, and creates an offscreen one when called from the main
thread of a process without one (the CLI), so no display is ever needed.
"""

from __future__ import annotations

import errno
import math
import os
import shutil
import stat
import threading
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QLoggingCategory,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.corrections import Correction, apply_corrections
from desktop.export.fonts import missing_scripts, register_bundled_fonts, sans_font, serif_font
from desktop.export.pdf_blocks import Context, NoteLike, format_when
from desktop.export.pdf_paging import split_paragraphs_at_page_breaks
from desktop.export.pdf_story import write_story
from desktop.export.pdf_style import TEXT_PT, PrintLook
from desktop.export.pdf_summary import write_findings, write_header, write_summary
from desktop.export.pdf_table import write_comparison
from desktop.qt_compat import protect_singletons

CREATOR = "Readout"
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
RESOLUTION = 300  # device pixels per inch; text stays vector, this is layout precision
# Page margins in millimetres; the running header and footer sit inside the top and bottom ones.
MARGIN_SIDE = 16.0
MARGIN_TOP = 21.0
MARGIN_BOTTOM = 19.0
HEADER_FROM_TOP = 10.0
FOOTER_FROM_BOTTOM = 10.0
RUNNING_PT = 7.5
KEEP_WITH_HEADING = 0.12  # share of the page a heading needs below it, or it moves on


@dataclass(frozen=True)
class PdfNote:
    """A note for the PDF: on sentence ``sentence`` of document ``document`` (0 is the readout),
    on a whole document (``sentence`` None) or on the session (both None)."""

    document: int | None
    sentence: int | None
    text: str


@dataclass(frozen=True)
class ExportResult:
    path: Path
    page_count: int
    page_size: str
    title: str
    exported_at: datetime
    seconds: float
    missing_scripts: tuple[str, ...]  # scripts in the text no font covers: printed as boxes


def page_size_name(name: str) -> str:
    """``"a4"`` → ``"A4"``, ``"letter"`` → ``"Letter"``; ValueError for anything else."""
    for known in PAGE_SIZES:
        if name.strip().lower() == known.lower():
            return known
    raise ValueError(f"unknown page size {name!r} (use {' or '.join(PAGE_SIZES)})")


def default_title(comparison: Comparison) -> str:
    """Named like its session: the article in single-article mode, else the official readout
    (or the first document with a title of its own)."""
    if not comparison.documents:
        return "Readout comparison"
    documents = [result.document for result in comparison.documents]
    if comparison.single_article:
        return naming.session_title(None, documents[1:])
    return naming.session_title(documents[0], documents[1:])


def ensure_gui_application() -> QGuiApplication:
    """The process's QGuiApplication; an offscreen one is made when there is none yet."""
    existing = QCoreApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise RuntimeError("PDF export needs a QGuiApplication, not a QCoreApplication")
    if threading.current_thread() is not threading.main_thread():
        raise RuntimeError("create the QGuiApplication in the main thread before exporting")
    argv = ["readout"]
    if not os.environ.get("QT_QPA_PLATFORM"):
        argv += ["-platform", "offscreen"]
    # Qt warns for every face it tries and skips for a script (Arabic in DejaVu Serif):
    # noise on a CLI's stderr. QT_LOGGING_RULES still overrides this.
    QLoggingCategory.setFilterRules("qt.text.font.db.warning=false")
    return QGuiApplication(argv)


def export_pdf(
    comparison: Comparison,
    path: str | os.PathLike[str],
    *,
    title: str | None = None,
    corrections: Sequence[Correction] = (),
    notes: Iterable[NoteLike] = (),
    page_size: str = "A4",
    exported_at: datetime | None = None,
) -> ExportResult:
    """Write ``comparison`` (with ``corrections`` applied and ``notes`` shown) as a PDF at ``path``.

    The file appears only once it is complete and checked (see :func:`_verified`):
    a full disk or a failing device never replaces a good file with a worse one.
    Only a regular file (or a new one) is written; a link is followed to its file.
    Raises ValueError for an unknown page size and OSError when the file cannot be
    written.
    """
    started = time.perf_counter()
    size_name = page_size_name(page_size)
    target = writable_target(Path(path))
    protect_singletons()
    ensure_gui_application()
    register_bundled_fonts()
    if corrections:
        comparison = apply_corrections(comparison, corrections)
    when = exported_at or datetime.now(UTC).astimezone()
    title = (title or "").strip() or default_title(comparison)
    partial = target.with_name(f".{target.name}.part")

    writer = QPdfWriter(str(partial))
    writer.setResolution(RESOLUTION)
    writer.setPageSize(QPageSize(PAGE_SIZES[size_name]))
    writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
    writer.setTitle(title)
    writer.setCreator(CREATOR)

    ctx = Context(comparison, PrintLook.light(), title, when, tuple(notes))
    body = _body_rect(writer)
    document = build_document(ctx, writer, body.size())
    try:
        pages = _paint(document, writer, body, ctx, target)
        del document, writer  # QPdfWriter closes its file when it goes
        _verified(partial, pages, target)
        partial.replace(target)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    texts = [d.document.text for d in comparison.documents]
    return ExportResult(
        path=target,
        page_count=pages,
        page_size=size_name,
        title=title,
        exported_at=when,
        seconds=time.perf_counter() - started,
        missing_scripts=missing_scripts([title, *texts]),
    )


def writable_target(path: Path) -> Path:
    """The file to write for ``path``: itself, or what a link points to; OSError for a
    device, a folder, a pipe or anything else that is not a regular file."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    try:
        info = target.stat()
    except FileNotFoundError:
        return target
    if not stat.S_ISREG(info.st_mode):
        raise OSError(errno.EINVAL, "not a regular file", str(path))
    return target


def _verified(partial: Path, pages: int, target: Path) -> None:
    """Check the written file before it replaces anything: QPdfWriter reports no write
    error, and on a full disk it left an empty file that replaced a good PDF. PDFium
    (the readers' library) reads it back and counts its pages."""
    with partial.open("rb") as handle:
        os.fsync(handle.fileno())
        size = os.fstat(handle.fileno()).st_size
        handle.seek(max(0, size - 1024))
        tail = handle.read()
    if size < 256 or b"%%EOF" not in tail:
        raise OSError(errno.ENOSPC, _incomplete(partial), str(target))
    try:
        import pypdfium2 as pdfium

        from desktop.ingest.pdf import PDFIUM_LOCK

        with PDFIUM_LOCK:  # PDFium is one document at a time per process
            document = pdfium.PdfDocument(str(partial))
            try:
                read = len(document)
            finally:
                document.close()
    except Exception as error:  # a damaged file: PdfiumError, or worse
        raise OSError(errno.EIO, _incomplete(partial), str(target)) from error
    if read != pages:
        raise OSError(errno.EIO, _incomplete(partial), str(target))


def _incomplete(partial: Path) -> str:
    try:
        free = shutil.disk_usage(partial.parent).free
    except OSError:
        free = -1
    if 0 <= free < 1024 * 1024:
        return "the disk is full (the PDF was not written completely)"
    return "the PDF was not written completely (a disk or device error)"


def build_document(ctx: Context, device: QPdfWriter, body: QSizeF) -> QTextDocument:
    """The laid-out content, paginated to ``body`` (device pixels of ``device``)."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.documentLayout().setPaintDevice(device)
    document.setUseDesignMetrics(True)
    document.setDocumentMargin(0)
    document.setDefaultFont(serif_font(TEXT_PT))
    cursor = QTextCursor(document)
    # One edit block: the layout runs once at the end instead of after every insertion.
    cursor.beginEditBlock()
    write_header(cursor, ctx)
    write_summary(cursor, ctx)
    write_story(cursor, ctx)  # revisions and the matrix on the first pages
    write_findings(cursor, ctx)
    write_comparison(cursor, ctx)
    cursor.endEditBlock()
    document.setPageSize(body)
    _keep_headings_with_next(document, ctx.headings, body.height() * KEEP_WITH_HEADING)
    split_paragraphs_at_page_breaks(document)
    return document


def _keep_headings_with_next(document: QTextDocument, headings: list[int], room: float) -> None:
    """Move a heading to the next page when less than ``room`` is left under it.

    Qt has no keep-with-next, so this checks the laid-out position of each heading
    and gives it a page break; later headings shift, hence a few rounds.
    """
    layout = document.documentLayout()
    page = document.pageSize().height()
    for _ in range(4):
        moved = False
        for number in headings:
            block = document.findBlockByNumber(number)
            fmt = block.blockFormat()
            if fmt.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
                continue
            rect = layout.blockBoundingRect(block)
            page_end = (math.floor(rect.top() / page) + 1) * page
            if page_end - rect.bottom() < room:
                fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                QTextCursor(block).setBlockFormat(fmt)
                moved = True
        if not moved:
            return
        # The incremental relayout after a format change can leave later blocks stale
        # (a heading laid out with no height); lay the whole document out again.
        document.markContentsDirty(0, document.characterCount())


def _mm(writer: QPdfWriter, millimetres: float) -> float:
    return millimetres / 25.4 * writer.resolution()


def _body_rect(writer: QPdfWriter) -> QRectF:
    width, height = writer.width(), writer.height()
    side = _mm(writer, MARGIN_SIDE)
    top = _mm(writer, MARGIN_TOP)
    bottom = _mm(writer, MARGIN_BOTTOM)
    return QRectF(side, top, width - 2 * side, height - top - bottom)


def _paint(
    document: QTextDocument, writer: QPdfWriter, body: QRectF, ctx: Context, target: Path
) -> int:
    pages = document.pageCount()
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(f"cannot write {target}")
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            clip = QRectF(0, page * body.height(), body.width(), body.height())
            document.drawContents(painter, clip)
            painter.restore()
            _running_header(painter, writer, body, ctx)
            _footer(painter, writer, body, ctx, page + 1, pages)
    finally:
        painter.end()
    return pages


def _running_header(painter: QPainter, writer: QPdfWriter, body: QRectF, ctx: Context) -> None:
    font = serif_font(RUNNING_PT)
    metrics = QFontMetricsF(font, writer)
    baseline = _mm(writer, HEADER_FROM_TOP) + metrics.ascent()
    label = "Readout"
    label_font = sans_font(RUNNING_PT, bold=True)
    label_width = QFontMetricsF(label_font, writer).horizontalAdvance(label)
    title = metrics.elidedText(
        ctx.title, Qt.TextElideMode.ElideRight, body.width() - label_width - _mm(writer, 8)
    )
    painter.setPen(ctx.look.muted)
    painter.setFont(font)
    painter.drawText(QPointF(body.left(), baseline), title)
    painter.setFont(label_font)
    painter.drawText(QPointF(body.right() - label_width, baseline), label)
    rule_y = baseline + metrics.descent() + _mm(writer, 1.6)
    painter.setPen(QPen(ctx.look.rule, _mm(writer, 0.15)))
    painter.drawLine(QPointF(body.left(), rule_y), QPointF(body.right(), rule_y))


def _footer(
    painter: QPainter, writer: QPdfWriter, body: QRectF, ctx: Context, page: int, pages: int
) -> None:
    font = sans_font(RUNNING_PT)
    metrics = QFontMetricsF(font, writer)
    baseline = writer.height() - _mm(writer, FOOTER_FROM_BOTTOM)
    painter.setFont(font)
    painter.setPen(ctx.look.muted)
    painter.drawText(QPointF(body.left(), baseline), f"Exported {format_when(ctx.exported_at)}")
    number = f"page {page} of {pages}"
    painter.drawText(QPointF(body.right() - metrics.horizontalAdvance(number), baseline), number)
