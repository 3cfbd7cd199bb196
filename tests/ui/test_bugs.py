"""The bugs a day's use ran into (issue 14), each proved on real widgets. Every test here
failed before its fix, except the correction one: that report did not reproduce on this
code (the panes held still), so its test guards the behaviour the report asked for."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from desktop.app import Launches
from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Coverage
from desktop.launch import LaunchRequest
from desktop.single_instance import Handoff
from desktop.ui.comparison_view import Origin
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import ROOT, settle
from tests.ui.test_drop import drag_and_drop, file_mime
from tests.ui.test_sessions import wait_listed

CASES = ROOT / "tests" / "cases"
REORDERED = CASES / "08-uk-india-trade-press-release-reordered"


@pytest.mark.parametrize(
    "case",
    [
        "08-uk-india-trade-press-release-reordered",
        "05-quad-foreign-ministers-joint-statement",
        "10-india-japan-summit-joint-statement",
    ],
)
def test_a_comparison_opens_with_both_panes_at_the_top(
    qtbot: QtBot, make_window: object, case: str
) -> None:
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    window.resize(1400, 700)
    right = window.right.current_view()
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum())  # reading the end
    qtbot.wait(50)
    folder = CASES / case
    drag_and_drop(window, file_mime(folder / "official.txt", folder / "article.txt"))
    settle(qtbot, window)
    qtbot.wait(100)  # the layout settles; a following pane would move now
    assert window.left.views[0].verticalScrollBar().value() == 0
    assert window.right.current_view().verticalScrollBar().value() == 0


def test_a_correction_leaves_both_panes_where_they_were_and_outlines_the_new_match(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window(
        str(REORDERED / "official.txt"), str(REORDERED / "article.txt")
    )  # type: ignore[operator]
    window.resize(1400, 600)
    qtbot.wait(50)
    comparison = window.loader.comparison
    assert comparison is not None
    right, left = window.right.current_view(), window.left.views[0]
    background = comparison.documents[1].sentences
    target = next(s for s in reversed(background) if s.matches and s.matches[0].index > 2)
    window.view.select((1, target.index), Origin.JUMP)
    qtbot.wait(50)
    before = (left.verticalScrollBar().value(), right.verticalScrollBar().value())
    assert before[0] > 0, "the readout scrolled to the match"
    new_partner = next(
        i for i in range(len(comparison.documents[0].sentences)) if i != target.matches[0].index
    )
    window.corrector.add(
        Correction.unlink(comparison, (1, target.index), (0, target.matches[0].index))
    )
    window.corrector.add(
        Correction.link(window.loader.comparison, (1, target.index), (0, new_partner))  # type: ignore[arg-type]
    )
    qtbot.wait(100)
    assert right.verticalScrollBar().value() == before[1], "the clicked pane stays put"
    first, last = left.visible_sentences() or (-1, -1)
    assert first <= new_partner <= last, "the readout shows the new match, not the top"
    assert left._linked == (new_partner,), "the outline is on the new match"


def test_a_new_session_starts_with_the_claims_filters_off(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.claims.absent_only.setChecked(True)
    window.claims.search.setText("terror")
    assert window.claims.proxy.rowCount() < window.claims.model.rowCount()
    case = CASES / "01-mod-readout-revised"
    drag_and_drop(window, file_mime(case / "official.txt", case / "article.txt"))
    settle(qtbot, window)
    assert not window.claims.absent_only.isChecked()
    assert window.claims.search.text() == ""
    comparison = window.loader.comparison
    assert comparison is not None
    claims = sum(1 for d in comparison.documents for s in d.sentences if s.is_claim)
    assert window.claims.proxy.rowCount() == claims, (
        "every claim shows; non-claims have their filter"
    )
    assert "Showing" not in window.claims.summary.text()
    qtbot.wait(400)  # the new session's reading state is saved unfiltered
    current = window.keeper.current
    assert current is not None and not current.ui_state.absent_only


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_two_launches_half_a_second_apart_leave_one_session(
    qtbot: QtBot, make_window: object
) -> None:
    case = CASES / "01-mod-readout-revised"
    article, official = str(case / "article.txt"), str(case / "official.txt")
    window: MainWindow = make_window(article)  # type: ignore[operator]
    wait_listed(qtbot, window, 1)
    clock = Clock()
    launches = Launches(window, LaunchRequest(documents=(article,)), clock=clock)
    clock.now += 0.5
    launches.receive(Handoff((official,)))
    launches.flush()
    settle(qtbot, window)
    qtbot.wait(300)
    rows = wait_listed(qtbot, window, 1)
    assert len(rows) == 1, "the second launch completed the first one's session"
    current = window.keeper.current
    assert current is not None and current.official is not None
    assert current.official.source == official


def test_context_submenus_stay_inside_the_window(qtbot: QtBot, make_window: object) -> None:
    window: MainWindow = make_window(open_sample=True, resize=False)  # type: ignore[operator]
    window.sessions_dock.hide()
    window.dock.hide()
    screen = window.screen().availableGeometry()
    window.resize(screen.width() // 2, screen.height() - 60)  # room beside it on the screen
    window.move(screen.topLeft())
    qtbot.wait(100)
    view = window.right.current_view()
    index = next(s.index for s in view.sentences if s.end - s.start > 120)
    view.scroll_to_sentence(index)
    qtbot.wait(50)
    rect = max(view.sentence_rects(index), key=lambda r: r.width())
    point = QPoint(int(rect.right()) - 6, int(rect.center().y()))
    menu = window.view_menu_for(view, point)
    qtbot.waitUntil(menu.isVisible, timeout=2000)
    bounds = QRect(window.mapToGlobal(QPoint(0, 0)), window.size())
    assert bounds.contains(menu.geometry()), "the menu opens inside the window"
    submenus = [a.menu() for a in menu.actions() if isinstance(a.menu(), QMenu)]
    assert submenus, "corrections live in submenus"
    for submenu in submenus:
        assert isinstance(submenu, QMenu)
        menu.setActiveAction(submenu.menuAction())
        qtbot.keyClick(menu, Qt.Key.Key_Right)
        qtbot.waitUntil(submenu.isVisible, timeout=2000)
        assert bounds.contains(submenu.geometry()), (submenu.title(), submenu.geometry(), bounds)
        submenu.hide()
    menu.hide()


def test_save_dialogs_start_in_the_documents_folder_not_the_working_directory(
    qtbot: QtBot, sample_window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()  # no Documents folder in it, as on a fresh server account
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    started_in: list[str] = []

    def save_as(parent: object, caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        dialog = QFileDialog(None, caption, suggested)  # what the static dialog opens on
        started_in.append(dialog.directory().absolutePath())
        dialog.deleteLater()
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    sample_window.commands.export_pdf.trigger()
    sample_window.commands.export_session.trigger()
    assert len(started_in) == 2
    for folder in started_in:
        assert Path(folder) != elsewhere, "not the working directory"
        assert Path(folder).is_dir() and Path(folder) in (home, home / "Documents")
    assert os.getcwd() == str(elsewhere)


def test_after_a_correction_a_new_comparison_still_opens_at_the_top(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    absent = next(s for s in comparison.documents[1].sentences if s.coverage is Coverage.ABSENT)
    window.corrector.add(Correction.coverage_of(comparison, 1, absent.index, Coverage.PARTIAL))
    window.commands.recompare.trigger()
    settle(qtbot, window)
    assert window.left.views[0].verticalScrollBar().value() == 0
    QApplication.processEvents()
