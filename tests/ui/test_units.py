"""Units in the window and the PDF: non-claims greyed, the headline marked and keeping its
coverage, non-claims skipped by F7 / Alt+Down, listed under their own filter, and the
summary counting claims. The engine marks every sentence a claim for now, so the units
are set here with ``dataclasses.replace``."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QTextCursor
from pytestqt.qtbot import QtBot

from desktop.engine.compare import Comparison, compare
from desktop.engine.vocabulary import Coverage, Unit
from desktop.export.pdf import export_pdf
from desktop.ingest import read_path
from desktop.ui.main_window import MainWindow
from desktop.workspace.inputs import SessionInputs
from desktop.workspace.preparing import prepare_machine
from tests.ui.conftest import ROOT, settle

CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"
UNITS = {0: Unit.HEADLINE, 1: Unit.DATELINE}


def _with_units(comparison: Comparison, units: dict[int, Unit]) -> Comparison:
    """The background's units as given (claims elsewhere), the official side all claims."""
    official, background = comparison.documents[0], comparison.documents[1]
    sentences = tuple(replace(s, unit=units.get(s.index, Unit.CLAIM)) for s in background.sentences)
    claims = tuple(replace(s, unit=Unit.CLAIM) for s in official.sentences)
    return replace(
        comparison,
        documents=(replace(official, sentences=claims), replace(background, sentences=sentences)),
    )


def _shown(qtbot: QtBot, window: MainWindow) -> Comparison:
    inputs = SessionInputs(read_path(CASE / "official.txt"), (read_path(CASE / "article.txt"),))
    machine = _with_units(compare(inputs.official, inputs.backgrounds), UNITS)  # type: ignore[arg-type]
    window.loader.show_outcome(prepare_machine(inputs, machine))
    settle(qtbot, window)
    qtbot.wait(50)
    return machine


def _format_at(window: MainWindow, index: int) -> object:
    view = window.right.current_view()
    cursor = QTextCursor(view.document())
    cursor.setPosition(view.offsets.to_qt(view.sentences[index].start) + 2)
    return cursor.charFormat()


def test_non_claims_are_grey_the_headline_keeps_its_coverage_and_the_summary_counts_claims(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    machine = _shown(qtbot, window)
    look = window.look
    dateline = _format_at(window, 1)
    assert dateline.foreground().color() == look.muted  # type: ignore[attr-defined]
    assert dateline.background().style() == Qt.BrushStyle.NoBrush  # type: ignore[attr-defined]
    headline = _format_at(window, 0)
    assert headline.fontWeight() == QFont.Weight.Bold  # type: ignore[attr-defined]
    assert headline.background().color() == look.tint[Coverage.ABSENT]  # type: ignore[attr-defined]
    claims = [s for s in machine.documents[1].sentences if s.is_claim]
    absent = sum(s.coverage is Coverage.ABSENT for s in claims)
    assert window.summary.full_text.startswith(f"{absent} of {len(claims)} background claims")
    tip = window.view._tooltip(1, 0)
    assert "headline" in tip and "not in the readout" in tip
    assert "dateline" in window.view._tooltip(1, 1)
    assert "not in the readout" not in window.view._tooltip(1, 1)


def test_f7_and_alt_down_skip_non_claims_which_have_their_own_filter(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    machine = _shown(qtbot, window)
    view = window.right.current_view()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F7)
    first_absent_claim = next(
        s.index
        for s in machine.documents[1].sentences
        if s.is_claim and s.coverage is Coverage.ABSENT
    )
    assert window.view.selected == (1, first_absent_claim)
    assert first_absent_claim not in UNITS
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert window.view.selected is not None and window.view.selected[1] not in UNITS
    panel = window.claims
    listed = {key for key in panel.visible_claims() if key[0] == 1}
    assert not listed & {(1, 0), (1, 1)}, "the claims list holds claims only"
    assert "Non-claims (2)" in panel.non_claims.text()
    panel.non_claims.setChecked(True)
    assert sorted(panel.visible_claims()) == [(1, 0), (1, 1)]
    assert panel.summary.text() == "All 2 non-claims of both sides."


def test_the_pdf_greys_non_claims_and_names_their_unit(tmp_path: Path, qtbot: QtBot) -> None:
    from pypdf import PdfReader

    from desktop.export.pdf_style import PrintLook
    from desktop.palette import Look

    machine = _with_units(
        compare(read_path(CASE / "official.txt"), [read_path(CASE / "article.txt")]), UNITS
    )
    result = export_pdf(machine, tmp_path / "units.pdf")
    text = "".join(page.extract_text() or "" for page in PdfReader(str(result.path)).pages)
    flat = " ".join(text.split())
    assert "dateline" in flat and "headline · absent" in flat
    look = PrintLook.light()
    grey = look.sentence(
        machine.documents[1].sentences[1].attribution,
        Coverage.ABSENT,
        underline=True,
        unit=Unit.DATELINE,
    )
    assert grey.foreground().color() == look.muted
    assert look.cell_tint(machine.documents[1].sentences[1]).name() == "#ffffff"
    assert look.cell_tint(machine.documents[1].sentences[0]) == look.tint(Coverage.ABSENT)
    assert isinstance(Look, type)
