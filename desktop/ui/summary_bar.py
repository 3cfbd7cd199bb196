"""The line above the panes: the comparison's headline and a compact, always-visible legend."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QWidget

from desktop.palette import Look

_LINES = (
    ("official", Qt.PenStyle.SolidLine),
    ("named", Qt.PenStyle.DashLine),
    ("sources", Qt.PenStyle.DotLine),
)


class LegendStrip(QWidget):
    """Coverage swatches and attribution line samples, painted with the panes' own colours."""

    clicked = Signal()

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.setToolTip(
            "Attribution is the line under a sentence; each pane's header says what its tint "
            "means. Click for the full legend (F1)"
        )
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def _items(self) -> list[str]:
        return [name for name, _ in _LINES]

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        width = sum(metrics.horizontalAdvance(t) + 16 for t in self._items()) + 4
        return QSize(int(width), int(metrics.height() + 10))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        height = metrics.height() + 4
        top = (self.height() - height) / 2
        x = 0.0
        for name, style in _LINES:
            width = metrics.horizontalAdvance(name)
            painter.setPen(self.look.text)
            baseline = top + (height + metrics.ascent() - metrics.descent()) / 2
            painter.drawText(int(x), int(baseline), name)
            pen = QPen(self.look.underline, 1.2, style)
            painter.setPen(pen)
            painter.drawLine(int(x), int(baseline + 3), int(x + width), int(baseline + 3))
            x += width + 16
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.update()


class ElidedLabel(QLabel):
    """One line, shortened with "…" when the window is narrow; the full text in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self.setToolTip(text)
        self._elide()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = QFontMetricsF(self.font())
        shown = metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, self.width())
        if shown != self.text():
            self.setText(shown)


class SummaryBar(QFrame):
    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("summaryBar")
        self.headline = ElidedLabel()
        self.headline.setObjectName("headline")
        self.legend = LegendStrip(look)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(14, 6, 14, 6)
        layout.addWidget(self.headline, 1)
        layout.addWidget(self.legend)

    @property
    def full_text(self) -> str:
        return self.headline.full_text

    def set_headline(self, text: str) -> None:
        self.headline.set_full_text(text)

    def set_look(self, look: Look) -> None:
        self.legend.set_look(look)
