"""File → Export PDF… from the window: in the thread pool, with the session's title,
corrections and notes, the page size setting, and the message bar's buttons."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Coverage
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import settle

EXPORT_TIMEOUT_MS = 60_000


def squash(text: str) -> str:
    """What pypdf gives back, compared without whitespace (it breaks lines anywhere)."""
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def test_export_pdf_writes_the_session_with_its_corrections_and_notes_without_blocking(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None and window.keeper.current is not None
    partial = next(s for s in comparison.documents[1].sentences if s.coverage is Coverage.PARTIAL)
    window.corrector.add(Correction.coverage_of(comparison, 1, partial.index, Coverage.ABSENT))
    window.notes.write((1, partial.index), "Ask the desk who briefed this.")
    window.notes.set_session_note("For the Friday briefing.")
    window.keeper.rename(window.keeper.current.id, "Rajnath–Hegseth call: brief")
    qtbot.waitUntil(lambda: window.keeper.title() == "Rajnath–Hegseth call: brief")

    folder = tmp_path / "briefs"
    folder.mkdir()
    asked: list[str] = []

    def save_as(_parent: object, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return str(folder / "brief"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    window.commands.page_letter.trigger()
    ticks: list[int] = []
    clock = QTimer()
    # A tick counts only while the export is still running: the event loop turned
    # during the export (a fast export on a quiet machine leaves time for few ticks).
    clock.timeout.connect(lambda: ticks.append(1) if window.pdf.busy else None)
    clock.start(1)
    window.commands.export_pdf.trigger()
    assert window.pdf.busy and window.pdf.bar.isVisible(), "the export runs in the background"
    qtbot.waitUntil(lambda: not window.pdf.busy, timeout=EXPORT_TIMEOUT_MS)
    clock.stop()
    assert ticks, "the event loop kept running while the PDF was written"
    assert asked and Path(asked[0]).name == "Rajnath-Hegseth-call-brief.pdf"

    target = folder / "brief.pdf"
    reader = PdfReader(str(target))
    assert reader.metadata is not None and reader.metadata.title == "Rajnath–Hegseth call: brief"
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)  # US Letter
    body = squash("".join(page.extract_text() or "" for page in reader.pages))
    assert squash("Ask the desk who briefed this.") in body
    assert squash("For the Friday briefing.") in body
    assert squash("✎ corrected: coverage partial → absent") in body
    assert window.preferences.folder("pdf") == str(folder), "the folder is remembered"

    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    assert window.message.isVisible() and str(target) in window.message.text.text()
    button = window.message.button("Open PDF")
    assert button is not None and window.message.button("Open Folder") is not None
    button.click()
    assert [url.toLocalFile() for url in opened] == [str(target)]


def test_a_pdf_that_cannot_be_written_is_reported_in_the_message_bar(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path
) -> None:
    window = sample_window
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    assert window.pdf.export_to(blocked / "out.pdf")
    qtbot.waitUntil(lambda: not window.pdf.busy, timeout=EXPORT_TIMEOUT_MS)
    assert window.message.isVisible() and window.message.kind == "error"
    assert "Could not export the PDF" in window.message.text.text()
    settle(qtbot, window)
    assert window.loader.comparison is not None, "the comparison shown is untouched"


def test_export_pdf_is_disabled_until_there_is_a_comparison(make_window: object) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    assert not window.commands.export_pdf.isEnabled()
    assert window.commands.export_pdf.shortcut().toString() == "Ctrl+Shift+E"
    assert "PDF" in window.commands.export_pdf.statusTip()
