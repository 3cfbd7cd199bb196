"""Drag and drop: what dropped MIME data holds, where it goes, and the feedback while dragging.

As in Qt's dropsite example, URLs are checked first (local files split from
web addresses), then HTML (with the page's URL when the browser supplies it),
then plain text. A drop on a pane sets that side; anywhere else it is a drop
on the window and the documents decide (see ``Session.place``).
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QMimeData, QObject, QRectF, Qt, QUrl, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QWidget

from desktop.workspace.inputs import Side
from desktop.workspace.sources import Source, SourceKind, looks_like_url

_PAGE_URL_FORMATS = ("text/x-moz-url-priv", "text/x-moz-url", "text/x-chromium-source-url")
# A dragged link carries a few words of HTML; a dragged selection carries the text itself.
_SELECTION_MIN_CHARS = 280


def _page_url(mime: QMimeData) -> str:
    for fmt in _PAGE_URL_FORMATS:
        if mime.hasFormat(fmt):
            raw = bytes(mime.data(fmt).data())
            text = raw.decode("utf-16" if raw[1:2] == b"\x00" else "utf-8", errors="replace")
            first = text.replace("\x00", "").splitlines()[0].strip() if text.strip() else ""
            if looks_like_url(first):
                return first
    return ""


def sources_from_mime(mime: QMimeData) -> list[Source]:
    """The documents a drop or paste would bring in (empty when nothing usable)."""
    html = mime.html() if mime.hasHtml() else ""
    text = mime.text() if mime.hasText() else ""
    if mime.hasUrls():
        urls: list[QUrl] = list(mime.urls())
        files = [Source.path(u.toLocalFile()) for u in urls if u.isLocalFile()]
        web = [u.toString() for u in urls if u.scheme() in ("http", "https")]
        if files:
            return files + [Source.url(u) for u in web]
        if web and html and len(text.strip()) >= _SELECTION_MIN_CHARS:
            return [Source(SourceKind.MARKUP, location=web[0], html=html, text=text)]
        if web:
            return [Source.url(u) for u in web]
    if html.strip():
        return [Source(SourceKind.MARKUP, location=_page_url(mime), html=html, text=text)]
    if text.strip():
        if looks_like_url(text):
            return [Source.url(text.strip())]
        local = QUrl(text.strip())
        if local.isLocalFile() and "\n" not in text.strip():
            return [Source.path(local.toLocalFile())]
        return [Source(SourceKind.TEXT, location=_page_url(mime), text=text)]
    return []


class DropOverlay(QWidget):
    """A translucent panel over a drop target saying what a drop there will do."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.message = ""
        self.hide()

    def show_message(self, message: str) -> None:
        self.message = message
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        self.raise_()
        self.show()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        # Nearly opaque: the hint is read, not the document text under it.
        fill = QColor(self.palette().color(QPalette.ColorRole.Base))
        fill.setAlphaF(0.94)
        rect = QRectF(self.rect()).adjusted(6, 6, -6, -6)
        painter.setBrush(fill)
        pen = QPen(accent, 2.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRoundedRect(rect, 10, 10)
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.Text))
        painter.drawText(
            rect.adjusted(24, 24, -24, -24),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.message,
        )
        painter.end()


class DropFilter(QObject):
    """Handles drag events for the window and the panes, whichever widget receives them."""

    dropped = Signal(list, str)  # list[Source], Side value

    MESSAGES: ClassVar[dict[Side, str]] = {
        Side.OFFICIAL: "Drop to make this the official readout",
        Side.BACKGROUND: "Drop to compare this reporting with the official readout",
        Side.COUNTERPART: "Drop to add this as the other government's readout",
        Side.VERSION: "Drop to add this as another version of the official release",
        Side.WINDOW: (
            "Drop one article to split it by attribution,\n"
            "or several documents to compare them (the official release goes left)"
        ),
    }

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: dict[QWidget, tuple[Side, DropOverlay]] = {}
        self._usable = False  # whether the drag in progress carries anything readable

    def add_target(self, widget: QWidget, side: Side, overlay: DropOverlay) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)
        self._targets[widget] = (side, overlay)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        target = self._targets.get(watched)  # type: ignore[call-overload]
        if target is None:
            return False
        side, overlay = target
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            assert isinstance(event, QDragEnterEvent | QDragMoveEvent)
            if kind == QEvent.Type.DragEnter:
                self._usable = bool(sources_from_mime(event.mimeData()))
            if not self._usable:
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            if kind == QEvent.Type.DragEnter:
                self._hide_all()
                overlay.show_message(self.MESSAGES[side])
            return True
        if kind == QEvent.Type.DragLeave:
            overlay.hide()
            return True
        if kind == QEvent.Type.Drop:
            assert isinstance(event, QDropEvent)
            self._hide_all()
            sources = sources_from_mime(event.mimeData())
            if not sources:
                event.ignore()
                return True
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()
            self.dropped.emit(sources, side.value)
            return True
        return False

    def _hide_all(self) -> None:
        for _, overlay in self._targets.values():
            overlay.hide()
