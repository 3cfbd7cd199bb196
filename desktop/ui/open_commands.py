"""Where File → Open…, Open Web Page… and Paste get their documents from."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ingest import SUPPORTED_SUFFIXES
from desktop.ui.dialogs import ask_url
from desktop.ui.drop import sources_from_mime
from desktop.workspace.inputs import Side
from desktop.workspace.sources import Source

_TITLES = {
    Side.OFFICIAL: "Open Official Readout",
    Side.ADDED: "Add Background",
    Side.WINDOW: "Open Article to Split",
    Side.COUNTERPART: "Add Counterpart Readout",
    Side.VERSION: "Add Another Version of the Release",
}


def choose_files(parent: QWidget, side: Side, folder: str, *, single: bool = False) -> list[Source]:
    """Ask for documents, starting in ``folder`` (never the working directory)."""
    patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
    filters = f"Documents ({patterns});;All files (*)"
    if single:
        path, _ = QFileDialog.getOpenFileName(parent, _TITLES[side], folder, filters)
        paths = [path] if path else []
    else:
        paths, _ = QFileDialog.getOpenFileNames(parent, _TITLES[side], folder, filters)
    return [Source.path(p) for p in paths]


def web_page(parent: QWidget) -> list[Source]:
    url = ask_url(parent)
    return [Source.url(url)] if url else []


def clipboard_sources() -> list[Source]:
    mime = QGuiApplication.clipboard().mimeData()
    return sources_from_mime(mime) if mime is not None else []
