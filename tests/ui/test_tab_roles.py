"""The role menu on each background-side tab, and the counterpart ties in the window."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QToolTip
from pytestqt.qtbot import QtBot

from desktop.engine.vocabulary import Role
from desktop.ingest import read_path
from desktop.ui.claims_panel import Column
from desktop.ui.main_window import MainWindow
from desktop.ui.tooltips import tooltip
from desktop.workspace.inputs import SessionInputs
from tests.ui.conftest import SCREENSHOTS, EventLoopTurns, settle

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "cases" / "02-modi-biden-call-counterpart"
SHOTS = SCREENSHOTS  # artifacts/screenshots, beside the other tests' grabs


def _open_case_02(qtbot: QtBot, make_window: object) -> MainWindow:
    """India's readout on the left; the article and the White House readout on the right
    (opened together, the three files put the White House readout on the left)."""
    window = make_window(  # type: ignore[operator]
        str(CASE / "official.txt"), str(CASE / "article.txt"), str(CASE / "counterpart.txt")
    )
    assert isinstance(window, MainWindow)
    official, article, counterpart = (
        read_path(CASE / name) for name in ("official.txt", "article.txt", "counterpart.txt")
    )
    window.loader.show(
        SessionInputs(official, (article, counterpart), roles=(Role.BACKGROUND, Role.COUNTERPART))
    )
    settle(qtbot, window)
    window.message.hide()  # its note was about the first placement, no longer shown
    return window


def test_each_tab_changes_its_documents_role_in_one_menu_click(
    qtbot: QtBot, make_window: object
) -> None:
    window = _open_case_02(qtbot, make_window)
    settle(qtbot, window)
    pane = window.right
    assert pane.tabs.count() == 2 and not pane.tabs.tabBar().isHidden()
    inputs = window.loader.inputs
    at = next(i for i, d in enumerate(inputs.backgrounds) if d.source.endswith("counterpart.txt"))
    article = 1 - at
    # Suggested when it arrived: the White House readout is the counterpart.
    assert inputs.roles[at] is Role.COUNTERPART and inputs.roles[article] is Role.BACKGROUND
    assert pane.tab_role(at) is Role.COUNTERPART and pane.tab_role(article) is Role.BACKGROUND
    assert "counterpart.txt" in pane.tabs.tabToolTip(at)
    button = pane.role_buttons[at]
    assert button.isVisible() and button.text() == "counterpart ▾"
    # The counterpart readout becomes background: one click on the tab's menu.
    menu = button.menu()
    assert menu is not None
    background = next(a for a in menu.actions() if a.data() == Role.BACKGROUND.value)
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "tab-role-buttons.png"))
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    assert menu.grab().save(str(SHOTS / "tab-role-menu.png"))
    assert pane.grab().save(str(SHOTS / "tab-role-pane.png"))
    menu.hide()
    ticker = EventLoopTurns()
    ticker.start()
    background.trigger()  # returns at once: the comparison runs off the GUI thread …
    assert window.loader.working
    qtbot.waitUntil(lambda: not window.background.busy(), timeout=60_000)
    ticker.stop()
    assert ticker.turns >= 3  # … while the event loop keeps turning
    settle(qtbot, window)
    assert window.loader.inputs.roles == (Role.BACKGROUND, Role.BACKGROUND)
    comparison = window.view.comparison
    assert comparison is not None
    assert [d.role for d in comparison.documents] == [Role.OFFICIAL, *[Role.BACKGROUND] * 2]
    assert pane.tab_role(at) is Role.BACKGROUND
    assert pane.role_buttons[at].text() == "background ▾"
    assert window.story.choosers[at].currentData() == Role.BACKGROUND.value  # one fact
    current = window.keeper.current
    assert current is not None and current.roles()[at] is Role.BACKGROUND  # stored
    # And back, from the Story dock: the tab follows.
    window.story.choosers[at].setCurrentIndex(
        window.story.choosers[at].findData(Role.COUNTERPART.value)
    )
    settle(qtbot, window)
    assert pane.tab_role(at) is Role.COUNTERPART
    assert window.view.comparison is not None and window.view.comparison.counterpart_ties
    # The tab's context menu has the same choices under Role ▸.
    picked: list[str] = []

    def choose_version() -> None:
        popup = QApplication.activePopupWidget()
        assert isinstance(popup, QMenu)
        (role,) = popup.actions()
        submenu = role.menu()
        assert role.text() == "Role" and isinstance(submenu, QMenu)
        picked.extend(a.text() for a in submenu.actions())
        version = next(a for a in submenu.actions() if a.data() == Role.VERSION.value)
        popup.close()
        version.trigger()

    bar = pane.tabs.tabBar()
    QTimer.singleShot(50, choose_version)
    bar.customContextMenuRequested.emit(bar.tabRect(at).center())
    assert picked == [
        "Background (reporting)",
        "Counterpart readout",
        "Other version of the release",
    ]
    settle(qtbot, window)
    assert window.loader.inputs.roles[at] is Role.VERSION and pane.tab_role(at) is Role.VERSION


def test_a_single_background_changes_its_role_from_the_pane_header(
    qtbot: QtBot, make_window: object
) -> None:
    window = make_window(  # type: ignore[operator]
        str(CASE / "official.txt"), str(CASE / "counterpart.txt")
    )
    assert isinstance(window, MainWindow)
    settle(qtbot, window)
    window.message.hide()
    pane = window.right
    # One document: no tab bar (the panes stay level), so the role button is in the header.
    assert pane.tabs.count() == 1 and pane.tabs.tabBar().isHidden()
    role = pane.tab_role(0)
    assert role is not None
    button = pane.header_role
    assert button.isVisible() and button.text() == f"{role.value} ▾"
    assert not window.left.header_role.isVisible()  # the official side has no role
    # The button fits the side's row: both titles, and both reading views, stay level.
    assert (
        pane.title.mapTo(window, pane.title.rect().topLeft()).y()
        == window.left.title.mapTo(window, window.left.title.rect().topLeft()).y()
    )
    assert (
        pane.tabs.mapTo(window, pane.tabs.rect().topLeft()).y()
        == window.left.tabs.mapTo(window, window.left.tabs.rect().topLeft()).y()
    )
    assert window.story.choosers[0].currentData() == role.value
    menu = button.menu()
    assert menu is not None
    checked = [a.data() for a in menu.actions() if a.isChecked()]
    assert checked == [role.value]
    SHOTS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(SHOTS / "lone-background-role-header.png"))
    menu.popup(button.mapToGlobal(button.rect().bottomLeft()))
    qtbot.waitUntil(menu.isVisible)
    assert menu.grab().save(str(SHOTS / "lone-background-role-menu.png"))
    menu.hide()
    other = Role.BACKGROUND if role is Role.COUNTERPART else Role.COUNTERPART
    pick = next(a for a in menu.actions() if a.data() == other.value)
    ticker = EventLoopTurns()
    ticker.start()
    pick.trigger()  # one click; the comparison runs off the GUI thread …
    assert window.loader.working
    shown = window.view.comparison
    assert shown is not None and shown.documents[1].role is role  # not yet rerun
    qtbot.waitUntil(lambda: not window.background.busy(), timeout=60_000)
    ticker.stop()
    # … while the event loop keeps turning (a pair compares in a few ticks of 5 ms).
    assert ticker.turns >= 1
    settle(qtbot, window)
    assert window.loader.inputs.roles == (other,)
    comparison = window.view.comparison
    assert comparison is not None and comparison.documents[1].role is other
    assert pane.tab_role(0) is other and pane.header_role.text() == f"{other.value} ▾"
    assert pane.header_role.isVisible()
    assert window.story.choosers[0].currentData() == other.value  # one fact
    current = window.keeper.current
    assert current is not None and current.roles()[0] is other  # stored
    # A second background brings the tab bar, and the buttons move onto the tabs.
    pane.set_view_count(2)
    pane.set_tab_role(1, Role.BACKGROUND)
    assert not pane.header_role.isVisible()


def test_counterpart_ties_show_in_the_tooltip_and_the_claims_table(
    qtbot: QtBot, make_window: object
) -> None:
    window = _open_case_02(qtbot, make_window)
    settle(qtbot, window)
    comparison = window.view.comparison
    assert comparison is not None
    a = next(d for d, doc in enumerate(comparison.documents) if doc.role is Role.BACKGROUND)
    tied = sorted(i for d, i in comparison.counterpart_ties if d == a)
    assert tied == [7, 8, 9]
    text = html.unescape(tooltip(comparison, a, 7))
    assert "also in the counterpart's readout, sentence 2 (same claim)" in text
    assert "Counterpart: “In a call today, President Biden" in text
    assert "counterpart" not in tooltip(comparison, a, 4)  # the MEA's word
    # The pane shows the same tooltip over the sentence.
    view = window.view.view_of(a)
    assert view is not None
    window.right.show_view(view)
    assert view.tooltip_provider is not None
    assert "also in the counterpart's readout" in html.unescape(view.tooltip_provider(a, 7))
    # Claims table: the attribution cell carries the short form, its tooltip the line.
    qtbot.waitUntil(lambda: window.claims.model.rowCount() > 0)
    model = window.claims.model
    rows = [r for r in range(model.rowCount()) if model.rows[r].document == a]
    row = next(r for r in rows if model.rows[r].index == 7)
    cell = model.index(row, Column.ATTRIBUTION)
    assert model.data(cell) == "official · in counterpart, s. 2"
    assert "also in the counterpart's readout, sentence 2" in model.data(cell, 3)
    untied = next(r for r in rows if model.rows[r].index == 4)
    assert model.data(model.index(untied, Column.ATTRIBUTION)) == "official"
    SHOTS.mkdir(parents=True, exist_ok=True)
    window.dock.raise_()
    shown = window.claims.proxy.mapFromSource(cell)
    window.claims.table.scrollTo(shown)
    window.claims.table.selectRow(shown.row())
    QApplication.processEvents()
    assert window.grab().save(str(SHOTS / "counterpart-ties-claims-table.png"))
    # The tooltip as the user sees it.
    QToolTip.showText(view.mapToGlobal(QPoint(40, 120)), tooltip(comparison, a, 7), view)
    qtbot.waitUntil(QToolTip.isVisible)
    label = next(w for w in QApplication.topLevelWidgets() if w.inherits("QTipLabel"))
    assert label.grab().save(str(SHOTS / "counterpart-tie-tooltip.png"))
