"""The Story dock: a role chooser per document, the revision view, the omission matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
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


def test_a_four_document_story_marks_revisions_and_copies_provenance(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.tooltips import tooltip
    from desktop.workspace.revision_marks import ADDED_MARK, CHANGED_MARK
    from tests.story import story_files

    files = story_files(tmp_path)
    window = make_window(*(str(f) for f in files))  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    # Opened together: India's readout left (it came with its earlier version), the
    # earlier version and the White House readout suggested in their roles.
    inputs = window.loader.inputs
    assert inputs.official is not None and inputs.official.source == str(files[0])
    story = window.story
    assert [c.currentData() for c in story.choosers] == ["background", "version", "counterpart"]
    comparison = window.view.comparison
    assert comparison is not None and len(comparison.revisions) == 1
    # The official pane marks what the revision added and reworded, with a tooltip line.
    official_view = window.left.views[0]
    added = next(
        s.index for s in comparison.documents[0].sentences if s.text.startswith("They agreed")
    )
    assert official_view.revised[added] == ADDED_MARK
    assert CHANGED_MARK in official_view.revised.values()
    assert "<i>Revision:</i> + added: not in Version" in tooltip(comparison, 0, added)
    # The matrix has the dock's height beside the roles, and says on whose word.
    assert story.matrix.mapTo(story, story.matrix.rect().topLeft()).y() <= story.roles_box.y() + 4
    column = 1 + story.columns.index(1)
    texts = [story.matrix.item(r, column).text() for r in range(story.matrix.rowCount())]
    assert any("reporter" in t for t in texts) and any("sources" in t for t in texts)
    assert "claim" in story.matrix.item(0, column).toolTip()
    # The header line copies the whole SHA-256 (it shows its first 12 characters).
    menu = window.left.detail_menu()
    copy = next(a for a in menu.actions() if a.text() == "Copy SHA-256")
    copy.trigger()
    assert QApplication.clipboard().text() == inputs.official.sha256
    assert window.left.detail.text().endswith(inputs.official.sha256[:12])
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "readout-story-four-documents.png"))
    # Swap Sides runs in the worker and suggests the roles again beside the new readout.
    window.commands.swap.trigger()
    assert window.loader.working
    settle(qtbot, window)
    swapped = window.loader.inputs
    assert swapped.official is not None and swapped.official.source == str(files[1])
    assert swapped.roles[0] is Role.COUNTERPART  # India's readout, beside the article
    assert "Swapped the official readout" in window.statusBar().currentMessage()


def test_a_story_session_reopens_with_its_roles_revisions_and_matrix(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    from tests.story import story_files

    settings = tmp_path / "settings"
    files = story_files(tmp_path)
    window = make_window(*(str(f) for f in files), settings=settings)  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    roles = window.loader.inputs.roles
    assert roles == (Role.BACKGROUND, Role.VERSION, Role.COUNTERPART)
    rows = [t.label for t in window.story.rows]
    window.close()

    again = make_window(open_sample=None, settings=settings)  # type: ignore[operator]
    assert isinstance(again, MainWindow)
    settle(qtbot, again)
    assert again.loader.inputs.roles == roles
    comparison = again.view.comparison
    assert comparison is not None and len(comparison.revisions) == 1
    assert [c.currentData() for c in again.story.choosers] == [r.value for r in roles]
    assert [t.label for t in again.story.rows] == rows
    assert again.left.views[0].revised  # the revision marks come back with the session


def test_documents_dropped_on_the_story_docks_targets_join_in_that_role(
    qtbot: QtBot, make_window: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.story import CASE, earlier_version
    from tests.ui.test_drop import drag_and_drop, file_mime

    window = make_window(  # type: ignore[operator]
        str(CASE / "official.txt"), str(CASE / "article.txt")
    )
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    window.story_dock.show()
    window.story_dock.raise_()
    story = window.story
    # Real drops on the dock's two targets: each document joins in the target's role.
    assert drag_and_drop(story.counterpart_drop, file_mime(CASE / "counterpart.txt")) == (
        True,
        True,
    )
    settle(qtbot, window)
    assert window.loader.inputs.roles == (Role.BACKGROUND, Role.COUNTERPART)
    assert "as a counterpart readout" in window.statusBar().currentMessage()
    version = earlier_version(tmp_path)
    assert drag_and_drop(story.version_drop, file_mime(version)) == (True, True)
    settle(qtbot, window)
    inputs = window.loader.inputs
    assert inputs.roles == (Role.BACKGROUND, Role.COUNTERPART, Role.VERSION)
    assert inputs.backgrounds[2].source == str(version)
    comparison = window.view.comparison
    assert comparison is not None and len(comparison.revisions) == 1
    assert [c.currentData() for c in story.choosers] == ["background", "counterpart", "version"]
    assert not story.drop_overlay.isVisible()  # the drag's hint is gone after the drop
    # The targets are buttons too: a click opens files in that role.
    asked: list[str] = []

    def chosen(parent: object, title: str, folder: str, filters: str) -> tuple[list[str], str]:
        asked.append(title)
        return [str(CASE / "counterpart.txt")], ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(chosen))
    qtbot.mouseClick(story.counterpart_drop, Qt.MouseButton.LeftButton)
    settle(qtbot, window)
    assert asked == ["Add Counterpart Readout"]
    assert window.loader.inputs.roles[-1] is Role.COUNTERPART
    assert len(window.loader.inputs.backgrounds) == 4


def test_the_readout_against_one_tab_is_tinted_by_that_document_alone(
    qtbot: QtBot, make_window: object
) -> None:
    from desktop.engine.compare import compare
    from desktop.ingest import read_path
    from desktop.workspace.inputs import SessionInputs
    from tests.story import CASE

    window = make_window(  # type: ignore[operator]
        str(CASE / "official.txt"), str(CASE / "article.txt")
    )
    assert isinstance(window, MainWindow)
    official, article, counterpart = (
        read_path(CASE / n) for n in ("official.txt", "article.txt", "counterpart.txt")
    )
    # Two reports: the article and the White House readout read as reporting.
    window.loader.show(SessionInputs(official, (article, counterpart)))
    settle(qtbot, window)
    comparison = window.view.comparison
    assert comparison is not None
    claims = [s.index for s in comparison.official.sentences if s.is_claim]
    pooled = [comparison.official.sentences[i].coverage for i in claims]
    pair = compare(official, [counterpart]).official.sentences
    alone = [pair[i].coverage for i in claims]
    assert alone != pooled, "the White House readout alone reflects less of India's"
    left = window.left.views[0]

    def tints() -> list[object]:
        from PySide6.QtGui import QTextCursor

        out = []
        for s in (left.sentences[i] for i in claims):
            cursor = QTextCursor(left.document())
            cursor.setPosition(left.offsets.to_qt(s.start) + 1)
            out.append(cursor.charFormat().background().color().name())
        return out

    look = window.look
    expected_pooled = [look.tint[c].name() for c in pooled]
    assert tints() == expected_pooled
    window.against_toggle.setChecked(True)
    window.right.tabs.setCurrentIndex(1)  # the White House readout's tab
    qtbot.waitUntil(lambda: window.against.shown == 2, timeout=30_000)
    assert tints() == [look.tint[c].name() for c in alone]
    assert window.left.legend.texts()[0] == "Reported in Background 2?"
    # Back to the article's tab, then off: the pooled tints again.
    window.right.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: window.against.shown == 1, timeout=30_000)
    window.against_toggle.setChecked(False)
    assert window.against.shown is None
    assert tints() == expected_pooled
    assert window.left.legend.texts()[0] == "Reported in the background?"
