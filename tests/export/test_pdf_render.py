"""Pages rendered to PNG with pdftoppm into artifacts/pdf/, to look at, and checked for ink."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from tests.export.conftest import ARTIFACTS, Exported

RESOLUTION = 60


def _render(exported: Exported) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed (Debian package poppler-utils)")
    stem = ARTIFACTS / exported.result.path.stem
    for old in ARTIFACTS.glob(f"{stem.name}-*.png"):
        old.unlink()
    subprocess.run(
        ["pdftoppm", "-r", str(RESOLUTION), "-png", str(exported.result.path), str(stem)],
        check=True,
        timeout=60,
    )
    return sorted(ARTIFACTS.glob(f"{stem.name}-*.png"))


def _ink(image: QImage) -> float:
    """Share of sampled pixels that are not white (text, rules, tints)."""
    inked = total = 0
    for y in range(0, image.height(), 3):
        for x in range(0, image.width(), 3):
            total += 1
            if QColor(image.pixel(x, y)).lightness() < 245:
                inked += 1
    return inked / total


@pytest.mark.parametrize("fixture", ["sample_pdf", "nonascii_pdf"])
def test_every_page_renders_with_ink(fixture: str, request: pytest.FixtureRequest) -> None:
    exported: Exported = request.getfixturevalue(fixture)
    pages = _render(exported)
    assert len(pages) == exported.result.page_count
    for page in pages:
        image = QImage(str(page))
        assert not image.isNull()
        ratio = image.height() / image.width()
        assert ratio == pytest.approx(297 / 210, rel=0.01)
        assert _ink(image) > 0.01, f"{page.name} looks blank"
