"""Action icons drawn from the SVGs in ``resources/icons``, tinted to the palette's text colour.

A small QIconEngine renders the SVG at whatever size and pixel ratio is asked
for, so icons stay crisp on high-DPI screens and follow dark mode.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.paths import resource


@cache
def _svg(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


class _SvgEngine(QIconEngine):
    def __init__(self, svg: str, color: QColor, disabled: QColor) -> None:
        super().__init__()
        self._svg = svg
        self._color = QColor(color)
        self._disabled = QColor(disabled)

    def _renderer(self, mode: QIcon.Mode) -> QSvgRenderer:
        color = self._disabled if mode == QIcon.Mode.Disabled else self._color
        return QSvgRenderer(QByteArray(self._svg.replace("currentColor", color.name()).encode()))

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        self._renderer(mode).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        self.paint(painter, QRect(0, 0, size.width(), size.height()), mode, state)
        painter.end()
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._svg, self._color, self._disabled)


def themed_icon(name: str, color: QColor, disabled: QColor) -> QIcon:
    return QIcon(_SvgEngine(_svg(name), color, disabled))
