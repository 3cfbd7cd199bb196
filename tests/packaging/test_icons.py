"""The application icon: PNGs 16-512 rendered from the SVG masters, an .ico and an .icns."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage, QImageReader

from tests.packaging.conftest import ROOT, packaging_module

ICONS = ROOT / "resources" / "icons"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
# What packaging/make_icons.py puts in the .icns: type → pixels (ic10-ic14 are @2x).
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,
    b"ic11": 32,
    b"ic12": 64,
    b"ic13": 256,
    b"ic14": 512,
}


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.mark.parametrize("size", PNG_SIZES)
def test_png_of_each_size_exists(size: int) -> None:
    assert png_size(ICONS / "png" / f"readout-{size}.png") == (size, size)


def test_ico_holds_each_windows_size() -> None:
    data = (ICONS / "readout.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = set()
    for i in range(count):
        width, height = struct.unpack("<BB", data[6 + 16 * i : 8 + 16 * i])
        sizes.add((width or 256, height or 256))
    assert sizes == {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)}


def decoded_sizes(path: Path) -> set[int]:
    """Sizes Qt's own ico/icns readers decode from ``path`` (an independent reader)."""
    reader = QImageReader(str(path))
    sizes = set()
    for index in range(reader.imageCount()):
        reader.jumpToImage(index)
        image = reader.read()
        assert not image.isNull(), f"image {index} of {path.name}: {reader.errorString()}"
        sizes.add(image.width())
    return sizes


def test_qt_decodes_every_image_of_the_ico_and_the_icns(qapp: object) -> None:
    assert decoded_sizes(ICONS / "readout.ico") == {16, 24, 32, 48, 64, 128, 256}
    assert decoded_sizes(ICONS / "readout.icns") >= {16, 32, 64, 128, 256, 512, 1024}


def test_icns_holds_each_mac_size() -> None:
    data = (ICONS / "readout.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    found: dict[bytes, int] = {}
    offset = 8
    while offset < len(data):
        kind, length = struct.unpack(">4sI", data[offset : offset + 8])
        body = data[offset + 8 : offset + length]
        if body[:8] == b"\x89PNG\r\n\x1a\n":
            found[kind] = struct.unpack(">I", body[16:20])[0]
        offset += length
    assert found == ICNS_TYPES


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    raw = np.frombuffer(image.constBits(), dtype=np.uint8, count=image.sizeInBytes())
    return raw.reshape(image.height(), image.bytesPerLine())[:, : image.width() * 4].astype(int)


@pytest.mark.parametrize("size", PNG_SIZES)
def test_committed_pngs_are_renders_of_the_current_svgs(qapp: object, size: int) -> None:
    """Edit an SVG, run packaging/make_icons.py: this fails until the PNGs are regenerated."""
    icons = packaging_module("make_icons")
    fresh = QImage.fromData(icons.render_png(icons.master_for(size), size))
    committed = QImage(str(ICONS / "png" / f"readout-{size}.png"))
    assert fresh.size() == committed.size() == QSize(size, size)
    difference = np.abs(pixels(fresh) - pixels(committed))
    assert difference.mean() < 1.0, f"readout-{size}.png is out of date with its SVG"


def test_the_application_icon_uses_the_small_drawings_at_small_sizes(qapp: object) -> None:
    from desktop.app import application_icon

    icon = application_icon()
    assert set(icon.availableSizes()) == {QSize(s, s) for s in PNG_SIZES}
    small = icon.pixmap(QSize(16, 16)).toImage()
    drawn = QImage(str(ICONS / "png" / "readout-16.png"))
    assert np.array_equal(pixels(small), pixels(drawn))
