"""One side of the window: a header naming the side and the document, and its reading view(s).

The official side has one view; the background side has one tab per document.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.palette import Look
from desktop.ui.document_view import DocumentView
from desktop.ui.drop import DropOverlay
from desktop.ui.side_legend import SideLegend


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" (or loses its middle) when the pane is too
    narrow, instead of cutting a letter in half; ``full_text`` keeps the whole line."""

    def __init__(self, mode: Qt.TextElideMode) -> None:
        super().__init__()
        self.mode = mode
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.full_text, self.mode, width) if width > 0 else ""
        self.setText(shown or self.full_text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class DocumentPane(QFrame):
    currentViewChanged = Signal()

    def __init__(
        self,
        side_label: str,
        placeholder: str,
        look: Look,
        point_size: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentPane")
        self.look = look
        self.point_size = point_size
        self.placeholder = placeholder
        official = side_label.lower().startswith("official")
        self.side = QLabel(side_label.upper())
        self.side.setObjectName("paneSide")
        self.title = ElidedLabel(Qt.TextElideMode.ElideRight)
        self.title.setObjectName("paneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The middle goes first: the language at the start and the SHA-256 at the end stay.
        self.detail = ElidedLabel(Qt.TextElideMode.ElideMiddle)
        self.detail.setObjectName("paneDetail")
        header = QFrame()
        header.setObjectName("paneHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 8, 14, 8)
        header_layout.setSpacing(1)
        side_row = QHBoxLayout()
        side_row.setContentsMargins(0, 0, 0, 0)
        side_row.addWidget(self.side)
        side_row.addStretch(1)
        self.legend = SideLegend(official, look)
        side_row.addWidget(self.legend)
        header_layout.addLayout(side_row)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.detail)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.tabs.currentChanged.connect(lambda _: self.currentViewChanged.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)
        self.views: list[DocumentView] = []
        self.set_view_count(1)
        self.overlay = DropOverlay(self)

    def set_view_count(self, count: int) -> list[DocumentView]:
        count = max(1, count)
        while len(self.views) < count:
            view = DocumentView(self.look, self.point_size)
            view.empty_message = self.placeholder
            self.views.append(view)
            self.tabs.addTab(view, "")
        while len(self.views) > count:
            view = self.views.pop()
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.deleteLater()
        return self.views

    def set_tab_label(self, index: int, label: str, tooltip: str) -> None:
        self.tabs.setTabText(index, label)
        self.tabs.setTabToolTip(index, tooltip)

    def current_view(self) -> DocumentView:
        view = self.tabs.currentWidget()
        assert isinstance(view, DocumentView)
        return view

    def view_for(self, document_index: int) -> DocumentView | None:
        for view in self.views:
            if view.document_index == document_index:
                return view
        return None

    def show_view(self, view: DocumentView) -> None:
        self.tabs.setCurrentWidget(view)

    def set_header(self, title: str, detail: str, details: str = "") -> None:
        """``detail`` is the line under the title (where the document came from);
        ``details`` its tooltip. The line is selectable, so the SHA-256 can be copied."""
        self.title.set_full_text(title)
        self.title.setToolTip(title)
        self.detail.set_full_text(detail)
        self.detail.setToolTip(details or detail)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(detail))

    def set_look(self, look: Look) -> None:
        self.look = look
        self.legend.set_look(look)
        for view in self.views:
            view.look = look
            view.viewport().update()

    def set_point_size(self, size: float) -> None:
        self.point_size = size
        for view in self.views:
            view.set_point_size(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())
