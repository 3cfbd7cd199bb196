"""The version tab is a revision view: its sentences are plain when the official readout
keeps them, tinted when reworded or not kept, with the revision's own legend; none of
them is a row, a count or a filter hit of the claims table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from desktop.engine.vocabulary import Role
from desktop.ui.comparison_view import Origin
from desktop.ui.document_view import DocumentView
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import Theme
from desktop.ui.tooltips import tooltip
from desktop.workspace.revision_marks import RevisionState, revision_states
from tests.story import story_files
from tests.ui.conftest import SCREENSHOTS, settle


def _background(view: DocumentView, index: int) -> str | None:
    """The background colour of a sentence's first character (None: no background)."""
    sentence = view.sentences[index]
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(sentence.start) + 1)
    brush = cursor.charFormat().background()
    return None if brush.style() == Qt.BrushStyle.NoBrush else brush.color().name()


def _version_window(qtbot: QtBot, make_window: object, tmp_path: Path) -> tuple[MainWindow, int]:
    window = make_window(*(str(f) for f in story_files(tmp_path)))  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    assert window.loader.inputs.roles == (Role.BACKGROUND, Role.VERSION, Role.COUNTERPART)
    return window, 2  # the version's document index (its tab is the second)


def test_the_version_tab_shows_the_revision_not_coverage(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    window, version = _version_window(qtbot, make_window, tmp_path)
    comparison = window.view.comparison
    assert comparison is not None
    states = revision_states(comparison, version)
    assert states is not None
    window.right.tabs.setCurrentIndex(1)
    view = window.right.current_view()
    assert view.document_index == version
    assert window.right.side.text() == "OTHER VERSION OF THE RELEASE"
    assert window.right.legend.texts() == [
        "In the official readout?",
        "kept",
        "reworded",
        "not kept",
    ]
    assert "not by coverage" in window.right.legend.toolTip()

    def check(look_name: str) -> None:
        look = window.look
        coverage_tints = {c.name() for c in look.tint.values()}
        expected = {
            RevisionState.KEPT: None,
            RevisionState.REWORDED: look.reworded.name(),
            RevisionState.NOT_KEPT: look.not_kept.name(),
        }
        shown = {i: _background(view, i) for i in states}
        assert shown == {i: expected[s] for i, s in states.items()}, look_name
        assert not coverage_tints & {c for c in shown.values() if c}, look_name

    check("light")
    # The legend (F1) names the version's tints in the same colours.
    from desktop.ui.dialogs import legend_html

    html = legend_html(window.look)
    assert window.look.reworded.name() in html and window.look.not_kept.name() in html
    assert "not kept" in html and "$" not in html
    kinds = set(states.values())
    assert kinds == set(RevisionState), "the story has each state"
    reworded = next(i for i, s in states.items() if s is RevisionState.REWORDED)
    removed = next(i for i, s in states.items() if s is RevisionState.NOT_KEPT)
    # The link map's bands are the revision's too: the reworded pair stands out.
    assert window.link_map.reworded == frozenset({reworded})
    # A removed sentence's tooltip says so, not "absent".
    tip = tooltip(comparison, version, removed)
    assert "not kept — removed" in tip and "absent —" not in tip
    # Selecting the reworded sentence highlights the words that differ, in order.
    said: list[str] = []
    window.view.described.connect(said.append)
    window.view.select((version, reworded), Origin.JUMP)
    assert said and "· reworded — “The two leaders discussed" in said[-1]
    differing = [s.cursor.selectedText() for s in view.extraSelections()]
    assert "discussed" in differing
    window.view.clear_selection()
    # Its context menu corrects links only: no coverage or attribution to correct.
    from PySide6.QtWidgets import QMenu

    def entries(document: int, index: int) -> list[str]:
        menu = QMenu()
        window.corrector.populate(menu, document, index)
        return [a.text() for a in menu.actions() if a.text()]

    assert "Correct C&overage" not in entries(version, reworded)
    assert "Correct &Attribution" not in entries(version, reworded)
    assert "&Unlink" in entries(version, reworded)
    assert "Correct C&overage" in entries(1, 0) and "Correct C&overage" in entries(0, 1)
    # F7 stops at the sentences not kept, Alt+Down at every revised one, and the status
    # line names them so (not "absent claims").
    view.setFocus()
    window.view.clear_selection()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert window.view.selected == (version, removed)
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert window.view.selected == (version, removed)
    assert "sentences not kept" in window.statusBar().currentMessage()
    window.view.clear_selection()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    first = window.view.selected
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert {first, window.view.selected} == {(version, reworded), (version, removed)}
    window.view.clear_selection()
    # An official sentence selected on the version's tab: the tab stays, its partner is
    # the version's sentence and the word diff is theirs (not the article's).
    official = comparison.documents[0].sentences
    shared = next(s.index for s in official if s.text.startswith("The two leaders shared"))
    added = next(s.index for s in official if s.text.startswith("They agreed"))
    left = window.left.views[0]
    window.view.select((0, shared), Origin.CLICK)
    assert window.right.current_view() is view
    assert window.view.partner((0, shared)) == (version, reworded)
    assert "discussed" in [s.cursor.selectedText() for s in view.extraSelections()]
    assert "shared" in [s.cursor.selectedText() for s in left.extraSelections()]
    window.view.select((0, added), Origin.CLICK)
    assert window.right.current_view() is view, "an added sentence has no partner here"
    assert window.view.partner((0, added)) is None
    window.view.clear_selection()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SCREENSHOTS / "readout-version-tab.png"))
    # Another theme restyles the tab by revision again, in its colours.
    window.set_theme(Theme.DARK)
    qtbot.waitUntil(lambda: window.look.dark, timeout=10_000)
    check("dark")
    window.set_theme(Theme.LIGHT)
    qtbot.waitUntil(lambda: not window.look.dark, timeout=10_000)
    check("light again")
    # The article's tab is coverage as before.
    window.right.tabs.setCurrentIndex(0)
    assert window.right.legend.texts() == ["In the official readout?", "yes", "in part", "no"]
    assert window.link_map.reworded is None
    article = window.right.current_view()
    first = next(s for s in article.sentences if s.is_claim)
    assert _background(article, first.index) == window.look.tint[first.coverage].name()


def test_the_claims_table_leaves_the_version_out_of_rows_counts_and_filters(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    window, version = _version_window(qtbot, make_window, tmp_path)
    comparison = window.view.comparison
    assert comparison is not None
    claims = window.claims
    qtbot.waitUntil(lambda: bool(claims.model.rows), timeout=10_000)
    assert {row.document for row in claims.model.rows} == {0, 1, 3}
    expected = sum(
        s.is_claim
        for d, doc in enumerate(comparison.documents)
        if d != version
        for s in doc.sentences
    )
    version_claims = sum(s.is_claim for s in comparison.documents[version].sentences)
    assert version_claims > 0
    assert claims.summary.text() == f"All {expected} claims of both sides."
    # "Absent only" and the non-claims never bring a version sentence back.
    absent_in_version = [
        s for s in comparison.documents[version].sentences if s.coverage.value == "absent"
    ]
    assert absent_in_version, "the version's removed sentence reads absent to the engine"
    claims.absent_only.setChecked(True)
    shown = claims.visible_claims()
    assert shown and all(d != version for d, _ in shown)
    expected_absent = sum(
        s.is_claim and s.coverage.value == "absent"
        for d, doc in enumerate(comparison.documents)
        if d != version
        for s in doc.sentences
    )
    assert claims.summary.text() == f"Showing {expected_absent} of {expected} claims."
    claims.absent_only.setChecked(False)
    claims.non_claims.setChecked(True)
    assert all(d != version for d, _ in claims.visible_claims())
    others = sum(
        not s.is_claim
        for d, doc in enumerate(comparison.documents)
        if d != version
        for s in doc.sentences
    )
    assert claims.non_claims.text() == f"&Non-claims ({others})"
    claims.non_claims.setChecked(False)
    # The headline above the panes pools the reporting only.
    assert window.summary.full_text == comparison.summary().headline()
    background = sum(s.is_claim for s in comparison.documents[1].sentences)
    assert f"of {background} background claims" in window.summary.full_text
