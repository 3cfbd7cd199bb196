"""Screenshots of the window at 1400×900, light and dark, on the sample and on a
three-document session, into resources/screenshots/ (looked at; see the CHANGELOG) —
and the layout rules they show: a dozen claims rows, a one-line summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.engine.vocabulary import Coverage
from desktop.ui.comparison_view import Origin
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Theme
from desktop.ui.window_layout import CLAIMS_HEIGHT
from tests.ui.conftest import ROOT, settle
from tests.ui.test_drop import drag_and_drop, file_mime

SHOTS = ROOT / "resources" / "screenshots"
CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"


def _select_a_pair(window: MainWindow) -> None:
    comparison = window.loader.comparison
    assert comparison is not None
    background = comparison.documents[1].sentences
    pair = max(
        (s for s in background if s.coverage is Coverage.PARTIAL and s.matches),
        key=lambda s: s.matches[0].score,
        default=next(s for s in background if s.matches),
    )
    window.view.select((1, pair.index), Origin.JUMP)


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_screenshots_of_the_sample_and_a_three_document_session(
    qtbot: QtBot, make_window: object, theme: Theme
) -> None:
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    try:
        window.set_theme(theme)
        qtbot.waitUntil(lambda: window.look.dark == (theme is Theme.DARK), timeout=5000)
        window.resize(1400, 900)
        # The first-run layout at this size (the fixture's window started smaller).
        window.resizeDocks([window.dock], [CLAIMS_HEIGHT], Qt.Orientation.Vertical)
        _select_a_pair(window)
        qtbot.wait(150)
        table = window.claims.table
        assert table.viewport().height() // table.rowHeight(0) >= 12, "a dozen claims rows"
        summary = window.summary.headline
        assert summary.height() < 2 * summary.fontMetrics().height(), "the summary is one line"
        _save(window, f"readout-sample-{theme.value}.png")
        drag_and_drop(
            window, file_mime(CASE / "official.txt", CASE / "official_v1.txt", CASE / "article.txt")
        )
        settle(qtbot, window)
        assert window.right.tabs.count() == 2
        _select_a_pair(window)
        qtbot.wait(150)
        _save(window, f"readout-three-documents-{theme.value}.png")
    finally:
        window.set_theme(Theme.LIGHT)


def _save(window: MainWindow, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    image = window.grab()
    assert (image.width(), image.height()) == (1400, 900)
    target = SHOTS / name
    assert image.save(str(target))
    return target
