"""The lens in the window: a mark on the pair, the words waved in both panes, the tooltip
in words, and a Shifts only filter in the claims panel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QTextCharFormat, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.ui.document_view import DocumentView
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SCREENSHOTS, settle

READOUT = (
    "Ministry of External Affairs: call between the two ministers\n\n"
    "The two ministers discussed trade and investment.\n"
    "They agreed to meet again in March.\n"
)
ARTICLE = (
    "Ministers clash over trade\n\n"
    "NEW DELHI: The two ministers raised strong objections on trade and investment, "
    "officials said.\n"
    "They agreed to meet again in March, the ministry said.\n"
    "The opposition criticised the government over onion prices.\n"
)


def _waved(view: DocumentView, start: int, end: int) -> bool:
    cursor = QTextCursor(view.document())
    for offset in range(start, end):
        cursor.setPosition(view.offsets.to_qt(offset) + 1)
        style = cursor.charFormat().underlineStyle()
        if style is not QTextCharFormat.UnderlineStyle.WaveUnderline:
            return False
    return True


def test_a_strengthened_pair_is_marked_waved_explained_and_filtered(
    make_window: object, qtbot: QtBot, tmp_path: Path
) -> None:
    official = tmp_path / "readout.txt"
    official.write_text(READOUT, encoding="utf-8")
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    window: MainWindow = make_window(str(official), str(article))  # type: ignore[operator]
    comparison = window.loader.comparison
    assert comparison is not None
    background = comparison.documents[1]
    shifted = [s for s in background.sentences if s.shift is not None and s.shift.value != "same"]
    assert [s.shift.value for s in shifted if s.shift] == ["strengthened"]
    pair = shifted[0]
    official_index = pair.matches[0].index

    left, right = window.view.left.views[0], window.view.right.current_view()
    assert right.shifted == {pair.index: "↑"}
    assert left.shifted == {official_index: "↑"}
    strong = ARTICLE.index("raised strong objections")
    assert _waved(right, strong, strong + len("raised strong objections"))
    discussed = READOUT.index("discussed")
    assert _waved(left, discussed, discussed + len("discussed"))
    assert not _waved(right, 0, 5)

    tip = window.view._tooltip(1, pair.index)
    assert "the article says ‘raised strong objections’" in tip
    assert "the readout says ‘discussed’" in tip

    claims = window.view.claims
    total = claims.proxy.rowCount()
    claims.shifts_only.setChecked(True)
    settle(qtbot, window)
    assert claims.proxy.rowCount() == 2  # the claim and the readout sentence it reports
    shown = claims.proxy.index(0, 0).data()
    assert shown.startswith("↑ ")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(SCREENSHOTS / "readout-shift-strengthened.png"))
    claims.shifts_only.setChecked(False)
    assert claims.proxy.rowCount() == total
