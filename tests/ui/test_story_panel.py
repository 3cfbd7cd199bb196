"""The Story dock: a role chooser per document, the revision view, the omission matrix."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.engine.vocabulary import Role
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import SCREENSHOTS, settle

CASES = Path(__file__).resolve().parents[1] / "cases"


def _case(number: str) -> Path:
    return next(CASES.glob(f"{number}-*"))


def test_role_chooser_revision_view_and_matrix_click(qtbot: QtBot, make_window: object) -> None:
    revised = _case("01")
    window = make_window(  # type: ignore[operator]
        str(revised / "official.txt"),
        str(revised / "article.txt"),
        str(revised / "official_v1.txt"),
    )
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    story = window.story
    assert window.loader.inputs.official is not None
    assert len(story.choosers) == 2
    # The first release arrives suggested as a version (mostly the same text) and the
    # article as background; the chooser changes a role in one click, and back.
    assert [c.currentData() for c in story.choosers] == [Role.BACKGROUND.value, "version"]
    assert "Suggested: “Raksha Mantri holds telephonic" in window.message.text.text()
    version_chooser = story.choosers[1]
    version_chooser.setCurrentIndex(version_chooser.findData(Role.BACKGROUND.value))
    settle(qtbot, window)
    assert window.loader.inputs.roles[1] is Role.BACKGROUND
    assert window.view.comparison is not None and not window.view.comparison.revisions
    version_chooser = story.choosers[1]
    version_chooser.setCurrentIndex(version_chooser.findData(Role.VERSION.value))
    settle(qtbot, window)
    assert window.loader.inputs.roles[1] is Role.VERSION
    comparison = window.view.comparison
    assert comparison is not None and len(comparison.revisions) == 1
    assert [d.role for d in comparison.documents][2] is Role.VERSION
    revision_text = story.revisions.toPlainText()
    assert "4 sentences removed" in revision_text
    assert "During the conversation, Raksha Mantri briefed" in revision_text
    assert "still in the reporting: Background 1 sentence 4" in revision_text
    # The role is stored with the session.
    current = window.keeper.current
    assert current is not None and current.roles()[1] is Role.VERSION

    # Matrix: rows are topics, the first column the readout; topics it leaves out come first.
    matrix = story.matrix
    assert matrix.rowCount() == len(story.rows) > 3
    assert matrix.item(0, 1).text() == "—"
    column = 1 + story.columns.index(1)  # the article
    row = next(r for r in range(matrix.rowCount()) if matrix.item(r, column).text() != "—")
    expected = [k for k in story.rows[row].sentences if k[0] == 1]
    window.story_dock.raise_()
    rect = matrix.visualItemRect(matrix.item(row, column))
    qtbot.mouseClick(matrix.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.story_selected == expected
    assert window.view.selected == expected[0]
    # Provenance: a header line with the short SHA-256, the full one in its tooltip.
    official = window.loader.inputs.official
    assert official is not None
    assert window.left.detail.text().endswith(f"SHA-256 {official.sha256[:12]}")
    assert f"SHA-256: {official.sha256}" in window.left.detail.toolTip()
    assert "(version)" in window.right.tabs.tabToolTip(1)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "readout-story-dock.png"))
