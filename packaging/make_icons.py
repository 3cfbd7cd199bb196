"""Render Readout's application icon into every size and format packaging needs.

    .venv/bin/python packaging/make_icons.py        # after editing an SVG; commit the outputs

Masters: ``resources/icons/readout.svg`` (48 px and up), ``readout-small.svg`` (16 and
32 px) and ``readout-24.svg`` (24 px): the small ones are redrawn on a pixel grid, with
fewer lines, so they stay sharp instead of blurring a scaled-down master. Outputs, all
committed:

- ``resources/icons/png/readout-<size>.png`` for 16, 24, 32, 48, 64, 128, 256 and 512
  (the window, the hicolor theme on Linux);
- ``resources/icons/readout.ico`` (Windows: 16-256, each size from its own render);
- ``resources/icons/readout.icns`` (macOS: 16-512 and 512@2x).

The SVGs are rendered with Qt's SVG renderer, the one the running app uses. Both
containers hold PNG images (Windows Vista and later, macOS 10.7 and later read
them) and are written here directly: no image library needed, same bytes each run.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
PNG_DIR = ICONS / "png"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MASTERS = {16: "readout-small.svg", 24: "readout-24.svg", 32: "readout-small.svg"}
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# The .icns element types with PNG payloads, and the pixel size each holds (the @2x
# types are the Retina versions of the point size in the comment).
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
    (b"ic11", 32),  # 16@2x
    (b"ic12", 64),  # 32@2x
    (b"ic13", 256),  # 128@2x
    (b"ic14", 512),  # 256@2x
)


def master_for(size: int) -> Path:
    return ICONS / MASTERS.get(size, "readout.svg")


def render_png(svg: Path, size: int) -> bytes:
    """``svg`` drawn at ``size`` x ``size`` pixels, as PNG bytes (needs a QGuiApplication)."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    """A Windows icon: ICONDIR, one ICONDIRENTRY per size, then the PNGs."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, payload = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + entries + payload


def icns(images: dict[int, bytes]) -> bytes:
    """A macOS icon family: "icns", the total length, then (type, length, PNG) elements."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(images[size])) + images[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons() -> list[Path]:
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(["make_icons", "-platform", "offscreen"])
    sizes = {*PNG_SIZES, *ICO_SIZES, *(size for _, size in ICNS_TYPES)}
    renders = {size: render_png(master_for(size), size) for size in sorted(sizes)}
    PNG_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    for size in PNG_SIZES:
        path = PNG_DIR / f"readout-{size}.png"
        path.write_bytes(renders[size])
        written.append(path)
    ico_path = ICONS / "readout.ico"
    ico_path.write_bytes(ico({size: renders[size] for size in ICO_SIZES}))
    icns_path = ICONS / "readout.icns"
    icns_path.write_bytes(icns(renders))
    return [*written, ico_path, icns_path]


if __name__ == "__main__":
    for output in make_icons():
        print(output.relative_to(ROOT))
    sys.exit(0)
