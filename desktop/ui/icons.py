"""Action icons drawn from the SVGs in ``resources/icons``, tinted to the palette's text colour.

A small QIconEngine renders the SVG at whatever size and pixel ratio is asked
for, so icons stay crisp on high-DPI screens and follow dark mode.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QIconEngine, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from desktop.paths import resource

APP_ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


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


def app_icon() -> QIcon:
    icon = QIcon(str(resource("icons", "readout.svg")))
    for size in APP_ICON_SIZES:
        png = resource("icons", "png", f"readout-{size}.png")
        if png.exists():
            icon.addFile(str(png), QSize(size, size))
    return icon


def render_app_icon_pngs(destination: Path) -> list[Path]:
    """Write ``readout-<size>.png`` for each packaging size (run once when the SVG changes)."""
    destination.mkdir(parents=True, exist_ok=True)
    renderer = QSvgRenderer(str(resource("icons", "readout.svg")))
    written = []
    for size in APP_ICON_SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
        path = destination / f"readout-{size}.png"
        image.save(str(path))
        written.append(path)
    return written


if __name__ == "__main__":
    app = QGuiApplication(sys.argv[:1])
    for written_path in render_app_icon_pngs(resource("icons", "png")):
        print(written_path)
