"""The window on the bundled sample: summary, tints, marks, tooltips, zoom, settings, screenshots."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.engine.compare import compare_article
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.ingest import read_path
from desktop.palette import Look
from desktop.paths import sample_path
from desktop.ui.comparison_view import Origin
from desktop.ui.main_window import MainWindow
from desktop.ui.tooltips import tooltip
from tests.ui.conftest import ROOT, SCREENSHOTS


def test_first_run_opens_the_sample_with_the_engines_headline(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    settings = tmp_path / "first-run"
    window = make_window(open_sample=None, settings=settings)  # type: ignore[operator]
    expected = compare_article(read_path(sample_path())).summary().headline()
    assert window.summary.full_text == expected
    assert window.loader.comparison is not None and window.loader.comparison.single_article
    assert "rajnath-hegseth-call-2025-07-01" in window.windowTitle()
    assert window.left.views[0].document_index == 0
    assert window.right.current_view().document_index == 1
    assert window.keeper.current is not None
    first_id = window.keeper.current.id
    assert first_id > 0, "the sample became a saved session"
    window.close()
    second = make_window(open_sample=None, settings=settings)  # type: ignore[operator]
    assert second.keeper.current is not None and second.keeper.current.id == first_id, (
        "later runs restore the last session instead of opening the sample again"
    )
    assert second.sidebar.list.count() == 1


def test_panes_show_the_documents_text_exactly(sample_window: MainWindow) -> None:
    comparison = sample_window.loader.comparison
    assert comparison is not None
    for view in (sample_window.left.views[0], sample_window.right.current_view()):
        expected = comparison.documents[view.document_index].document.text
        assert view.document().toPlainText() == expected.replace("\u00a0", " ")
        assert view.isReadOnly()


def test_background_sentences_are_tinted_by_coverage(sample_window: MainWindow) -> None:
    view = sample_window.right.current_view()
    look = sample_window.look
    seen = set()
    for sentence in view.sentences:
        if not sentence.is_claim:
            continue  # non-claims are greyed, not tinted (tests/ui/test_units.py)
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(sentence.start) + 1)
        assert cursor.charFormat().background().color() == look.tint[sentence.coverage]
        seen.add(sentence.coverage)
    assert Coverage.ABSENT in seen and Coverage.COVERED in seen
    assert len({look.tint[c].name() for c in Coverage}) == 3


def test_attribution_is_an_underline_style_with_a_tooltip(sample_window: MainWindow) -> None:
    comparison = sample_window.loader.comparison
    assert comparison is not None
    view = sample_window.right.current_view()
    sourced = next(s for s in view.sentences if s.attribution is Attribution.SOURCES)
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(sourced.end) - 1)
    fmt = cursor.charFormat()
    assert fmt.underlineStyle() != fmt.UnderlineStyle.NoUnderline
    text = tooltip(comparison, view.document_index, sourced.index)
    assert sourced.cue is not None
    cue = sourced.cue.slice(view.text)
    assert f"sources — cue: ‘{cue}’" in text
    assert "absent" in text or "covered" in text or "partial" in text


def test_selecting_a_matched_pair_emphasises_differing_words_on_both_sides(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    comparison = sample_window.loader.comparison
    assert comparison is not None
    background = comparison.documents[1]
    pair = next(
        (
            s.index
            for s in background.sentences
            if s.matches
            and comparison.diff(1, s.index)
            and comparison.diff(1, s.index).left_only
            and comparison.diff(1, s.index).right_only
        ),
        None,
    )
    assert pair is not None, "the sample has a paraphrased pair"
    sample_window.view.select((1, pair), Origin.JUMP)
    qtbot.wait(20)
    right = sample_window.right.current_view()
    left = sample_window.left.views[0]
    assert right.selected == pair
    assert right.extraSelections(), "words only in the article are emphasised"
    assert left.extraSelections(), "words only in the readout are emphasised"
    match = background.sentences[pair].matches[0]
    first, last = left.visible_sentences() or (-1, -1)
    assert first <= match.index <= last, "the other pane scrolled to the match"
    assert sample_window.link_map.selected == (match.index, pair)


def test_clicking_a_sentence_selects_it_and_scrolls_the_other_pane(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    left = sample_window.left.views[0]
    rect = left.sentence_rects(2)[0]
    qtbot.mouseClick(left.viewport(), Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    qtbot.wait(20)
    assert sample_window.view.selected == (0, 2)
    comparison = sample_window.loader.comparison
    assert comparison is not None
    partner = comparison.documents[0].sentences[2].matches[0]
    right = sample_window.right.current_view()
    first, last = right.visible_sentences() or (-1, -1)
    assert first <= partner.index <= last


def test_link_map_draws_a_band_for_every_visible_match(sample_window: MainWindow) -> None:
    comparison = sample_window.loader.comparison
    assert comparison is not None
    expected = sum(
        1 for s in comparison.documents[1].sentences for m in s.matches if m.document == 0
    )
    assert len(sample_window.link_map.links) == expected > 0
    sample_window.link_map.repaint()
    assert sample_window.link_map._paths, "bands are drawn for the visible region"


def test_zoom_changes_both_panes_and_is_remembered(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    settings = tmp_path / "zoom"
    window = make_window(open_sample=True, settings=settings)  # type: ignore[operator]
    before = window.left.views[0].font().pointSizeF()
    window.right.current_view().setFocus()
    qtbot.keyClick(
        window.right.current_view(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier
    )
    after = window.left.views[0].font().pointSizeF()
    assert after > before
    assert window.right.current_view().font().pointSizeF() == after
    window.resize(700, 560)  # within the offscreen screen, which restoreGeometry clamps to
    window.close()
    again = make_window(open_sample=False, settings=settings, resize=False)  # type: ignore[operator]
    assert again.left.views[0].font().pointSizeF() == after
    assert (again.width(), again.height()) == (700, 560)


def _dark_palette() -> QPalette:
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124",
        QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#17181a",
        QPalette.ColorRole.AlternateBase: "#26282b",
        QPalette.ColorRole.Text: "#e8eaed",
        QPalette.ColorRole.Button: "#2a2c2f",
        QPalette.ColorRole.ButtonText: "#e8eaed",
        QPalette.ColorRole.Highlight: "#3d8fd1",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#3c4043",
        QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.ToolTipBase: "#2a2c2f",
        QPalette.ColorRole.ToolTipText: "#e8eaed",
    }
    for role, color in roles.items():
        palette.setColor(role, QColor(color))
    return palette


def test_dark_palette_restyles_the_panes_and_screenshots_are_saved(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    window.resize(1400, 900)
    background = comparison.documents[1]
    absent = next(
        s.index
        for s in background.sentences
        if s.coverage is Coverage.ABSENT and s.attribution is Attribution.SOURCES
    )
    # The screenshot shows a paraphrased pair: both sentences outlined, differing words marked.
    pair = max(
        (s for s in background.sentences if s.coverage is Coverage.PARTIAL and s.matches),
        key=lambda s: s.matches[0].score,
    )
    window.view.select((1, pair.index), Origin.JUMP)
    qtbot.wait(50)
    light = SCREENSHOTS / "readout-window-light.png"
    assert window.grab().save(str(light))
    # The README's screenshot comes from test_sessions_screenshot (sidebar, notes).
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    original = app.palette()
    try:
        app.setPalette(_dark_palette())
        qtbot.waitUntil(lambda: window.look.dark)
        view = window.right.current_view()
        sentence = view.sentences[absent]
        cursor = QTextCursor(view.document())
        cursor.setPosition(view.offsets.to_qt(sentence.start) + 1)
        dark_look = Look.from_palette(window.palette())
        assert cursor.charFormat().background().color() == dark_look.tint[Coverage.ABSENT]
        assert dark_look.tint[Coverage.ABSENT].lightness() < 128
        qtbot.wait(50)
        assert window.grab().save(str(SCREENSHOTS / "readout-window-dark.png"))
    finally:
        app.setPalette(original)
        qtbot.waitUntil(lambda: not window.look.dark)


def test_help_legend_and_about_are_reachable(sample_window: MainWindow, qtbot: QtBot) -> None:
    from desktop.ui.dialogs import LegendDialog, legend_html

    html = legend_html(sample_window.look)
    for word in ("covered", "partial", "absent", "sources", "named", "Okabe"):
        assert word in html
    dialog = LegendDialog(sample_window.look, sample_window)
    qtbot.addWidget(dialog)
    assert sample_window.commands.legend.shortcut().toString()
    for action in sample_window.commands.all():
        assert action.toolTip() and action.statusTip(), action.text()


def test_every_pane_point_maps_back_to_its_sentence(sample_window: MainWindow) -> None:
    view = sample_window.right.current_view()
    for sentence in view.sentences[:6]:
        rect = view.sentence_rects(sentence.index)[0]
        found = view.sentence_at_point(QPoint(int(rect.left()) + 6, int(rect.center().y())))
        assert found == sentence.index


def test_scrolling_one_pane_brings_the_aligned_sentence_into_view_in_the_other(
    qtbot: QtBot, make_window: object
) -> None:
    case = ROOT / "tests" / "cases" / "08-uk-india-trade-press-release-reordered"
    window = make_window(str(case / "official.txt"), str(case / "article.txt"))  # type: ignore[operator]
    window.resize(1400, 700)
    qtbot.wait(50)
    comparison = window.loader.comparison
    assert comparison is not None and not comparison.single_article
    left, right = window.left.views[0], window.right.current_view()
    window.commands.sync_scroll.setChecked(True)
    reference = QPoint(30, right.viewport().height() // 3)
    checked = 0
    for target in comparison.documents[1].sentences:
        if not any(m.document == 0 for m in target.matches):
            continue
        right.scroll_to_sentence(target.index, at=reference.y() - 4)
        qtbot.wait(10)
        if right.sentence_at_point(reference) != target.index:
            continue  # scrolling was clamped at an end of the article
        partner = max(target.matches, key=lambda m: m.score).index
        first, last = left.visible_sentences() or (-1, -1)
        assert first <= partner <= last, "the readout follows to the matching sentence"
        checked += 1
    assert checked >= 2

    window.commands.sync_scroll.setChecked(False)
    before = left.verticalScrollBar().value()
    right.verticalScrollBar().setValue(0)
    qtbot.wait(20)
    assert left.verticalScrollBar().value() == before, "no following when the toggle is off"
