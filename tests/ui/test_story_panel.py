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
    # The first release arrives as background; the chooser makes it a version.
    version_chooser = story.choosers[1]
    assert version_chooser.currentData() == Role.BACKGROUND.value
    version_chooser.setCurrentIndex(version_chooser.findData(Role.VERSION.value))
    settle(qtbot, window)
    assert window.loader.inputs.roles[1] is Role.VERSION
    comparison = window.view.comparison
    assert comparison is not None and len(comparison.revisions) == 1
    assert [d.role for d in comparison.documents][2] is Role.VERSION
    revision_text = story.revisions.toPlainText()
    assert "4 sentences removed" in revision_text
    assert "During the conversation, Raksha Mantri briefed" in revision_text
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
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "readout-story-dock.png"))
