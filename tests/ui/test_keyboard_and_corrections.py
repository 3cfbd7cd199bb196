"""Keyboard navigation, find, the claims table, and corrections that survive a recompute."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.engine.corrections import Correction, Field
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.ui.claims_panel import Column
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import settle


def _absent(window: MainWindow) -> list[int]:
    view = window.right.current_view()
    return [s.index for s in view.sentences if s.is_claim and s.coverage is Coverage.ABSENT]


def test_f7_and_alt_down_land_on_the_next_absent_claim(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    absent = _absent(sample_window)
    assert len(absent) >= 3
    view = sample_window.right.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert sample_window.view.selected == (1, absent[0])
    qtbot.keyClick(view, Qt.Key.Key_F7)
    assert sample_window.view.selected == (1, absent[1])
    first, last = view.visible_sentences() or (-1, -1)
    assert first <= absent[1] <= last, "the claim is scrolled into view"
    qtbot.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert sample_window.view.selected == (1, absent[0])
    qtbot.keyClick(view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert sample_window.view.selected == (1, absent[-1]), "wraps around to the last one"


def test_alt_down_goes_to_the_next_difference_in_the_focused_pane(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    view = sample_window.right.current_view()
    differences = [
        s.index for s in view.sentences if s.is_claim and s.coverage is not Coverage.COVERED
    ]
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert sample_window.view.selected == (1, differences[0])
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert sample_window.view.selected == (1, differences[1])
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert sample_window.view.selected == (1, differences[0])


def test_ctrl_j_jumps_to_the_match_in_the_other_pane(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    comparison = sample_window.loader.comparison
    assert comparison is not None
    matched = next(s for s in comparison.documents[1].sentences if s.matches)
    from desktop.ui.comparison_view import Origin

    sample_window.view.select((1, matched.index), Origin.JUMP)
    qtbot.keyClick(
        sample_window.right.current_view(), Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier
    )
    assert sample_window.view.selected == (0, matched.matches[0].index)
    assert sample_window.left.views[0].hasFocus() or not sample_window.isActiveWindow()


def test_ctrl_f_finds_in_both_panes(qtbot: QtBot, sample_window: MainWindow) -> None:
    view = sample_window.right.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert sample_window.find_bar.isVisible()
    qtbot.keyClicks(sample_window.find_bar.field, "terrorism")
    left_text = sample_window.left.views[0].text.lower()
    right_text = view.text.lower()
    left, right = sample_window.view.find_counts()
    assert (left, right) == (left_text.count("terrorism"), right_text.count("terrorism"))
    assert left > 0 and right > 0
    assert "in readout" in sample_window.find_bar.count.text()
    qtbot.keyClick(sample_window.find_bar.field, Qt.Key.Key_Return)
    assert "1 of" in sample_window.find_bar.count.text()
    qtbot.keyClick(sample_window.find_bar.field, Qt.Key.Key_Escape)
    assert not sample_window.find_bar.isVisible()
    assert sample_window.view.find_counts() == (0, 0)


def test_claims_filters_and_double_click_jump(qtbot: QtBot, sample_window: MainWindow) -> None:
    panel = sample_window.claims
    comparison = sample_window.loader.comparison
    assert comparison is not None
    total = sum(1 for d in comparison.documents for s in d.sentences if s.is_claim)
    assert panel.proxy.rowCount() == total
    panel.absent_only.setChecked(True)
    absent = [
        (d, s.index)
        for d, doc in enumerate(comparison.documents)
        for s in doc.sentences
        if s.is_claim and s.coverage is Coverage.ABSENT
    ]
    assert sorted(panel.visible_claims()) == sorted(absent)
    panel.absent_only.setChecked(False)
    panel.sources_only.setChecked(True)
    assert all(
        comparison.documents[d].sentences[i].attribution is Attribution.SOURCES
        for d, i in panel.visible_claims()
    )
    panel.sources_only.setChecked(False)
    panel.search.setText("jet engines")
    assert len(panel.visible_claims()) >= 1
    target = panel.visible_claims()[0]
    index = panel.proxy.index(0, Column.TEXT)
    rect = panel.table.visualRect(index)
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sample_window.view.selected == target
    panel.table.sortByColumn(Column.SCORE, Qt.SortOrder.DescendingOrder)
    panel.search.clear()
    top = panel.proxy.index(0, Column.SCORE).data()
    assert top == "1.00" or float(top) >= float(panel.proxy.index(1, Column.SCORE).data() or 0)


def test_a_correction_looks_different_and_survives_a_recompute(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    absent = _absent(window)[0]
    window.corrector.add(Correction.coverage_of(comparison, 1, absent, Coverage.COVERED))
    corrected = window.loader.comparison
    assert corrected is not None
    assert corrected.documents[1].sentences[absent].coverage is Coverage.COVERED
    assert corrected.is_corrected(1, absent, Field.COVERAGE)
    assert window.summary.full_text == corrected.summary().headline()
    view = window.right.current_view()
    assert absent in view.corrected, "corrected sentences get a margin mark"
    row = next(r for r in window.claims.model.rows if (r.document, r.index) == (1, absent))
    assert row.coverage_corrected and "machine said absent" in row.tooltip_coverage
    from desktop.ui.tooltips import tooltip

    assert "machine said <i>absent</i>" in tooltip(corrected, 1, absent)

    window.commands.recompare.trigger()
    settle(qtbot, window)
    again = window.loader.comparison
    assert again is not None and again is not corrected
    assert again.documents[1].sentences[absent].coverage is Coverage.COVERED
    assert absent in window.right.current_view().corrected

    qtbot.keyClick(window.right.current_view(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.loader.comparison.documents[1].sentences[absent].coverage is Coverage.ABSENT  # type: ignore[union-attr]


def test_context_menu_offers_corrections_and_links(qtbot: QtBot, sample_window: MainWindow) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    absent = _absent(window)[0]
    menu = QMenu()
    window.right.current_view().menu_builder(menu, 1, absent)  # type: ignore[misc]
    titles = [a.text() for a in menu.actions()]
    assert "Correct &Attribution" in titles and "Correct C&overage" in titles
    start = next(a for a in menu.actions() if a.text() == "Start &Link From This Sentence")
    start.trigger()
    assert window.corrector.pending_link == (1, absent)
    left = window.left.views[0]
    rect = left.sentence_rects(1)[0]
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    linked = window.loader.comparison
    assert linked is not None and window.corrector.pending_link is None
    sentence = linked.documents[1].sentences[absent]
    assert (sentence.matches[0].document, sentence.matches[0].index) == (0, 1)
    assert sentence.coverage is Coverage.PARTIAL, "a link lifts an absent claim to partial"
    assert any(link.corrected for link in window.link_map.links)

    menu = QMenu()
    window.right.current_view().menu_builder(menu, 1, absent)  # type: ignore[misc]
    reset = next(a for a in menu.actions() if a.text() == "&Restore Machine Values")
    reset.trigger()
    assert window.loader.comparison.documents[1].sentences[absent].coverage is Coverage.ABSENT  # type: ignore[union-attr]


def test_a_newer_request_supersedes_a_running_comparison(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    from desktop.ingest import read_path
    from desktop.workspace.inputs import SessionInputs
    from tests.ui.conftest import ROOT

    window = sample_window
    case = ROOT / "tests" / "cases" / "01-mod-readout-revised"
    first = SessionInputs(backgrounds=(read_path(case / "article.txt"),), single_article=True)
    second = SessionInputs(
        official=read_path(case / "official.txt"), backgrounds=(read_path(case / "article.txt"),)
    )
    shown: list[object] = []
    window.loader.ready.connect(shown.append)
    window.loader.show(first)
    window.loader.show(second)
    settle(qtbot, window)
    assert len(shown) == 1, "only the newest request reaches the window"
    assert window.loader.inputs == second
    assert window.left.views[0].source == second.official
