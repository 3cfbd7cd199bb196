"""Fixtures for the reader tests: every input file is generated here, nothing is checked in.

PDFs come from Qt's PDF writer (a QGuiApplication, offscreen, once per session),
Word files from python-docx, OpenDocument from odfpy, e-mail from ``email``.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Sequence
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def gui_app(qapp: Any) -> Any:
    """The application Qt's PDF writer needs.

    pytest-qt's ``qapp`` (a QApplication) rather than a bare QGuiApplication: one
    application lives for the whole session, and widget tests that run after
    these would fail under a QGuiApplication.
    """
    return qapp


class Inputs:
    """Builds input files in one temporary folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def path(self, name: str) -> Path:
        return self.folder / name

    def write(self, name: str, data: bytes | str, encoding: str = "utf-8") -> Path:
        target = self.folder / name
        target.write_bytes(data.encode(encoding) if isinstance(data, str) else data)
        return target

    # PDF ---------------------------------------------------------------

    def pdf_from_html(self, name: str, html: str, title: str = "") -> Path:
        """A PDF laid out by QTextDocument, as the export code makes them."""
        from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument

        target = self.folder / name
        writer = QPdfWriter(str(target))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        if title:
            writer.setTitle(title)
        document = QTextDocument()
        document.setHtml(html)
        document.print_(writer)
        return target

    def pdf_from_lines(
        self, name: str, pages: Sequence[Sequence[tuple[float, float, str]]], size: float = 11
    ) -> Path:
        """A PDF with each line drawn at ``(x, y)`` points from the top-left corner."""
        from PySide6.QtCore import QPointF
        from PySide6.QtGui import QFont, QPageSize, QPainter, QPdfWriter

        target = self.folder / name
        writer = QPdfWriter(str(target))
        writer.setResolution(72)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        font = QFont("DejaVu Sans")
        font.setPointSizeF(size)
        painter.setFont(font)
        for number, lines in enumerate(pages):
            if number:
                writer.newPage()
            for x, y, text in lines:
                painter.drawText(QPointF(x, y), text)
        painter.end()
        return target

    def pdf_without_text(self, name: str) -> Path:
        """A page with only a filled rectangle, like a scan without OCR."""
        from PySide6.QtCore import QRectF
        from PySide6.QtGui import QColor, QPageSize, QPainter, QPdfWriter

        target = self.folder / name
        writer = QPdfWriter(str(target))
        writer.setResolution(72)
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        painter = QPainter(writer)
        painter.fillRect(QRectF(50, 50, 400, 600), QColor("#777777"))
        painter.end()
        return target

    def encrypted_pdf(self, name: str, source: Path, user_password: str) -> Path:
        from pypdf import PdfWriter

        writer = PdfWriter(clone_from=str(source))
        writer.encrypt(user_password=user_password, owner_password="owner-secret")
        target = self.folder / name
        with target.open("wb") as handle:
            writer.write(handle)
        return target

    # Office ------------------------------------------------------------

    def docx(
        self,
        name: str,
        paragraphs: Sequence[str],
        table: Sequence[Sequence[str]] = (),
        title: str = "",
    ) -> Path:
        import docx

        document = docx.Document()
        if title:
            document.core_properties.title = title
        for text in paragraphs:
            document.add_paragraph(text)
        if table:
            grid = document.add_table(rows=len(table), cols=len(table[0]))
            for r, row in enumerate(table):
                for c, value in enumerate(row):
                    grid.cell(r, c).text = value
            document.add_paragraph("After the table.")
        target = self.folder / name
        document.save(str(target))
        return target

    def odt(self, name: str, paragraphs: Sequence[str], title: str = "") -> Path:
        from odf import dc
        from odf.opendocument import OpenDocumentText
        from odf.table import Table, TableCell, TableColumn, TableRow
        from odf.text import H, List, ListItem, P

        document = OpenDocumentText()
        if title:
            document.meta.addElement(dc.Title(text=title))
            document.text.addElement(H(outlinelevel=1, text=title))
        for text in paragraphs:
            document.text.addElement(P(text=text))
        items = List()
        item = ListItem()
        item.addElement(P(text="A list item."))
        items.addElement(item)
        document.text.addElement(items)
        table = Table()
        table.addElement(TableColumn(numbercolumnsrepeated=2))
        row = TableRow()
        for value in ("Partner", "Amount"):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
        document.text.addElement(table)
        target = self.folder / name
        document.save(str(target))
        return target

    def damaged_odt(self, name: str, part: str = "styles.xml") -> Path:
        """A real OpenDocument text with ``part`` cut short (odfpy printed it and went on)."""
        from odf.opendocument import OpenDocumentText
        from odf.text import P

        document = OpenDocumentText()
        document.text.addElement(P(text="The ministers met in Delhi on Tuesday."))
        buffer = io.BytesIO()
        document.save(buffer)
        target = self.folder / name
        with (
            zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
            zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive,
        ):
            for member in source.namelist():
                data = source.read(member)
                archive.writestr(member, data[: len(data) * 2 // 3] if member == part else data)
        return target

    def zip_archive(
        self, name: str, members: dict[str, bytes], *, mimetype: str | None = None
    ) -> Path:
        target = self.folder / name
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
            if mimetype is not None:
                archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
            for member, data in members.items():
                archive.writestr(member, data)
        return target

    def zip_bomb(self, name: str, unpacked_mb: int, *, kind: str) -> Path:
        """A small archive whose one member inflates to ``unpacked_mb`` MB of zeros."""
        target = self.folder / name
        chunk = b"\0" * (1024 * 1024)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            if kind == "odt":
                archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
                archive.writestr("content.xml", "<x/>")
            else:
                archive.writestr("[Content_Types].xml", "<Types/>")
                archive.writestr("word/document.xml", "<w:document/>")
            with archive.open("word/media/padding.bin", "w", force_zip64=True) as member:
                for _ in range(unpacked_mb):
                    member.write(chunk)
        return target

    @staticmethod
    def docx_bytes(paragraphs: Sequence[str]) -> bytes:
        import docx

        document = docx.Document()
        for text in paragraphs:
            document.add_paragraph(text)
        buffer = io.BytesIO()
        document.save(buffer)
        return buffer.getvalue()

    # Mail --------------------------------------------------------------

    @staticmethod
    def mail(
        subject: str = "Readout of the call",
        sender: str = "MEA Press <press@mea.gov.in>",
        date: str = "Tue, 01 Jul 2025 21:35:00 +0530",
        plain: str | None = "The two ministers spoke by phone.",
        html: str | None = None,
    ) -> EmailMessage:
        """An e-mail with a plain body, an HTML body, or both (multipart/alternative)."""
        message = EmailMessage()
        message["Subject"] = subject
        message["From"] = sender
        message["To"] = "desk@example.org"
        message["Date"] = date
        if plain is not None:
            message.set_content(plain)
            if html is not None:
                message.add_alternative(html, subtype="html")
        elif html is not None:
            message.set_content(html, subtype="html")
        return message

    def eml(self, name: str, message: EmailMessage) -> Path:
        return self.write(name, bytes(message))


@pytest.fixture
def inputs(tmp_path: Path, gui_app: Any) -> Inputs:
    return Inputs(tmp_path)


@pytest.fixture(scope="session")
def session_inputs(tmp_path_factory: pytest.TempPathFactory, gui_app: Any) -> Inputs:
    return Inputs(tmp_path_factory.mktemp("inputs"))
