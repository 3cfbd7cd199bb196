"""Screenshots of the window at 1400×900, light and dark, on the sample and on a
three-document session, into resources/screenshots/ (looked at; see the CHANGELOG) —
and the layout rules they show: a dozen claims rows, a one-line summary."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from desktop.engine.vocabulary import Coverage, Unit
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
        # The Story dock's topic matrix is tinted with the theme's own coverage colours.
        matrix = window.story.matrix
        tinted = [
            item
            for r in range(matrix.rowCount())
            for c in range(1, matrix.columnCount())
            if (item := matrix.item(r, c)) is not None
            and item.background().style() != Qt.BrushStyle.NoBrush
        ]
        assert tinted
        for item in tinted:
            dark_cell = item.background().color().lightness() < 128
            assert dark_cell == (theme is Theme.DARK), item.text()
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


POST_CASE = ROOT / "tests" / "cases" / "15-mea-eam-call-iran-embedded-post"


@pytest.mark.parametrize("theme", [Theme.LIGHT, Theme.DARK])
def test_screenshot_of_an_article_with_an_embedded_post(
    qtbot: QtBot, make_window: object, theme: Theme
) -> None:
    # A case with a minister's post quoted on the page: the lead-in, the post and its
    # signature line; the page's furniture (standfirst, byline, dateline, caption, link)
    # is greyed.
    window: MainWindow = make_window(  # type: ignore[operator]
        str(POST_CASE / "official.txt"), str(POST_CASE / "article.txt")
    )
    try:
        window.set_theme(theme)
        qtbot.waitUntil(lambda: window.look.dark == (theme is Theme.DARK), timeout=5000)
        window.resize(1400, 900)
        window.resizeDocks([window.dock], [CLAIMS_HEIGHT], Qt.Orientation.Vertical)
        comparison = window.loader.comparison
        assert comparison is not None
        article = comparison.documents[1]
        signature = next(s for s in article.sentences if s.unit is Unit.SIGNATURE)
        assert sum(1 for s in article.sentences if not s.is_claim) >= 6
        # The post's lead-in ("… wrote on X:"), so the whole post is on screen below it.
        lead_in = next(
            s for s in reversed(article.sentences[: signature.index]) if s.text.endswith(":")
        )
        window.view.select((1, lead_in.index), Origin.JUMP)
        qtbot.wait(150)
        # The note about which side is the release follows the theme switch.
        assert window.message.isVisible()
        fill = window.message.styleSheet().split("background:", 1)[1].split(";", 1)[0].strip()
        assert (QColor(fill).lightness() < 128) == (theme is Theme.DARK), fill
        # Too long for the pane: the title ends in an ellipsis, the detail line loses its
        # middle and keeps the SHA-256, nothing is cut mid-letter.
        title = window.view.left.title
        assert title.text().endswith("…") and title.full_text.startswith(title.text()[:-1])
        detail = window.view.right.detail
        assert "…" in detail.text() and detail.text().endswith(detail.full_text[-12:])
        _save(window, f"readout-embedded-post-{theme.value}.png")
    finally:
        window.set_theme(Theme.LIGHT)
