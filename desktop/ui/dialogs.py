"""Help → Legend and Help → About, and the small prompt for a web address."""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.engine.vocabulary import Coverage
from desktop.palette import Look
from desktop.paths import resource
from desktop.workspace.sources import looks_like_url


def legend_html(look: Look) -> str:
    template = Template(resource("legend.html").read_text(encoding="utf-8"))
    return template.safe_substitute(
        covered=look.tint[Coverage.COVERED].name(),
        partial=look.tint[Coverage.PARTIAL].name(),
        absent=look.tint[Coverage.ABSENT].name(),
        corrected=look.corrected.name(),
        reworded=look.reworded.name(),
        not_kept=look.not_kept.name(),
        text=look.text.name(),
    )


class LegendDialog(QDialog):
    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Readout Legend")
        self.resize(620, 680)
        browser = QTextBrowser()
        browser.setOpenExternalLinks(True)
        browser.setHtml(legend_html(look))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)


def about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        "About Readout",
        f"<h3>Readout {__version__}</h3>"
        "<p>Puts an official diplomatic readout next to the reporting around it and shows, "
        "claim by claim, what the readout says and what it leaves out.</p>"
        "<p>Colours: Okabe &amp; Ito's colour-blind-safe palette. Built with Qt for Python.</p>"
        "<p>Compare without a window: <code>readout compare OFFICIAL BACKGROUND…</code></p>",
    )


def ask_url(parent: QWidget) -> str | None:
    text, ok = QInputDialog.getText(
        parent,
        "Open Web Page",
        "Address of the official release or article (http:// or https://):",
        flags=Qt.WindowType.Dialog,
    )
    text = text.strip()
    if not ok or not text:
        return None
    if "://" not in text:
        text = "https://" + text
    return text if looks_like_url(text) else None
