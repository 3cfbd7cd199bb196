"""File → Export PDF…: the open comparison, with the user's corrections and notes, as a PDF.

The save dialog starts in the folder last exported to, else the default export
folder of the Preferences; the page size is View → PDF Page Size (also in the
Preferences). The PDF is rendered by ``desktop.export.pdf.export_pdf`` in the
thread pool (it needs only QtGui), with a busy indicator in the status bar; the
result, or why it failed, shows in the message bar with buttons to open the PDF
or its folder.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QProgressBar, QStatusBar, QWidget

from desktop.engine.compare import Comparison
from desktop.engine.corrections import Correction
from desktop.naming import slug
from desktop.ui.background import Background
from desktop.ui.comparison_loader import ComparisonLoader
from desktop.ui.message_bar import MessageBar
from desktop.ui.session_keeper import SessionKeeper
from desktop.ui.settings import Preferences
from desktop.workspace.notes import machine_of, place_notes

if TYPE_CHECKING:
    from desktop.export.pdf import ExportResult, PdfNote
    from desktop.sessions.data import Note

PDF_FILES = "PDF documents (*.pdf);;All files (*)"


def pdf_notes(notes: Sequence[Note], comparison: Comparison) -> list[PdfNote]:
    """The session's notes for the PDF: each on its sentence, else on its document (its
    sentence is gone), else on the session."""
    from desktop.export.pdf import PdfNote

    return [PdfNote(p.document, p.sentence, p.text) for p in place_notes(notes, comparison)]


def render_pdf(
    machine: Comparison,
    path: Path,
    title: str,
    corrections: Sequence[Correction],
    notes: Sequence[PdfNote],
    page_size: str,
) -> ExportResult:
    """Runs in a worker thread: everything it gets is plain data."""
    from desktop.export.pdf import export_pdf

    return export_pdf(
        machine, path, title=title, corrections=corrections, notes=notes, page_size=page_size
    )


class PdfExporter(QObject):
    finished = Signal(object)  # ExportResult, or a str saying why it failed

    def __init__(
        self,
        window: QWidget,
        *,
        background: Background,
        loader: ComparisonLoader,
        keeper: SessionKeeper,
        preferences: Preferences,
        message: MessageBar,
        status: QStatusBar,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.loader, self.keeper, self.preferences = loader, keeper, preferences
        self.message, self.status = message, status
        self.background = background
        self.running = 0
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)
        self.bar.setMaximumWidth(90)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        for widget in (self.label, self.bar):
            status.addPermanentWidget(widget)
            widget.hide()

    @property
    def busy(self) -> bool:
        return self.running > 0

    def title(self) -> str:
        return self.keeper.title() or self.loader.inputs.title() or "Readout comparison"

    def choose_and_export(self) -> None:
        """File → Export PDF…: ask where, then export in the background."""
        if self.loader.machine is None:
            self.message.show_error("There is no comparison to export yet.")
            return
        suggested = Path(self.preferences.folder("pdf")) / f"{slug(self.title())}.pdf"
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export Comparison PDF", str(suggested), PDF_FILES
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        self.preferences.set_folder("pdf", str(Path(path).parent))
        self.export_to(Path(path))

    def export_to(self, path: Path) -> bool:
        """Export the comparison shown to ``path`` in the thread pool; False when there is none."""
        machine, corrections = self.loader.machine, self.loader.inputs.corrections
        if machine is None:
            return False
        current = self.keeper.current
        notes = pdf_notes(current.notes, machine_of(machine)) if current is not None else []
        title, size = self.title(), self.preferences.page_size()
        self.running += 1
        self._show_busy(f"Exporting {path.name}…")
        self.background.in_thread(
            lambda: render_pdf(machine, path, title, corrections, notes, size),
            self._done,
            f"export the PDF to {path}",
            otherwise=lambda failure: self._failed(path, failure),
        )
        return True

    def _done(self, result: object) -> None:
        self._hide_busy()
        from desktop.export.pdf import ExportResult

        assert isinstance(result, ExportResult)
        pages = f"{result.page_count} page{'s' if result.page_count != 1 else ''}"
        pdf = QUrl.fromLocalFile(str(result.path))
        folder = QUrl.fromLocalFile(str(result.path.parent))
        text = f"Exported “{result.title}” to {result.path} ({pages}, {result.page_size})."
        if result.missing_scripts:
            text += f" No font here for {', '.join(result.missing_scripts)}: it prints as boxes."
        self.message.show_note(
            text,
            [
                ("Open &PDF", lambda: QDesktopServices.openUrl(pdf)),
                ("Open &Folder", lambda: QDesktopServices.openUrl(folder)),
            ],
        )
        self.finished.emit(result)

    def _failed(self, path: Path, failure: str) -> None:
        self._hide_busy()
        reason = failure.removeprefix(f"Readout could not export the PDF to {path}: ")
        self.message.show_error(f"Could not export the PDF to {path}: {reason}")
        self.finished.emit(failure)

    def _show_busy(self, text: str) -> None:
        self.label.setText(text)
        self.label.show()
        self.bar.show()

    def _hide_busy(self) -> None:
        self.running -= 1
        if self.running <= 0:
            self.running = 0
            self.label.hide()
            self.bar.hide()
