"""Notes on sentences and on the session: the context menu, the dialog, the ✱ marker, the
claims panel's Note column, tooltips, and re-attaching after a recompute or a re-read."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from desktop.paths import sample_path
from desktop.ui.claims_panel import Column
from desktop.ui.main_window import MainWindow
from desktop.ui.notes import DELETED
from tests.ui.conftest import settle
from tests.ui.test_drop import drag_and_drop, file_mime


def menu_for(window: MainWindow, document: int, index: int) -> dict[str, object]:
    view = window.view.view_of(document)
    assert view is not None and view.menu_builder is not None
    menu = QMenu(window)
    view.menu_builder(menu, document, index)
    return {a.text().replace("&", ""): a for a in menu.actions() if a.text()}


def note_cell(window: MainWindow, key: tuple[int, int]) -> str:
    model = window.claims.model
    row = next(r for r, claim in enumerate(model.rows) if (claim.document, claim.index) == key)
    return str(model.data(model.index(row, Column.NOTE)))


def test_a_note_added_from_the_context_menu_is_marked_listed_and_survives_a_recompute(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    key = (1, 3)
    actions = menu_for(window, *key)
    assert "Add Note…" in actions and "Delete Note" not in actions
    actions["Add Note…"].trigger()  # type: ignore[attr-defined]
    dialog = window.notes.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.quote.text().startswith("“")
    dialog.editor.setPlainText("Who are the sources? Ask the desk.")
    dialog.accept()
    assert window.claims.model.notes == {key: "Who are the sources? Ask the desk."}
    assert note_cell(window, key) == "✱ Who are the sources? Ask the desk."
    assert window.right.current_view().noted == {3}
    assert "Who are the sources?" in window.view._tooltip(*key)

    window.commands.recompare.trigger()
    settle(qtbot, window)
    assert window.claims.model.notes == {key: "Who are the sources? Ask the desk."}
    assert note_cell(window, key) == "✱ Who are the sources? Ask the desk."
    assert window.right.current_view().noted == {3}

    actions = menu_for(window, *key)
    assert "Edit Note…" in actions and "Delete Note" in actions
    actions["Edit Note…"].trigger()  # type: ignore[attr-defined]
    dialog = window.notes.dialog
    assert dialog is not None
    assert dialog.editor.toPlainText() == "Who are the sources? Ask the desk."
    dialog.done(DELETED)
    assert window.claims.model.notes == {}
    assert window.right.current_view().noted == set()
    current = window.keeper.current
    assert current is not None and current.notes == ()


def test_notes_follow_their_sentence_when_the_article_is_read_again_with_new_text(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path
) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    sentence = comparison.documents[1].sentences[5]
    window.notes.write((1, 5), "Compare with Reuters.")
    revised = tmp_path / "revised.txt"
    revised.write_text(
        "UPDATED with a correction at 18:00.\n\n" + sample_path().read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    session_id = window.keeper.current.id if window.keeper.current else 0
    drag_and_drop(window.right, file_mime(revised))
    settle(qtbot, window)
    assert window.keeper.current is not None and window.keeper.current.id == session_id
    moved = window.loader.comparison
    assert moved is not None
    (key,) = window.claims.model.notes
    assert key[0] == 1 and key[1] > 5, "the sentence moved down and its note with it"
    assert moved.documents[1].sentences[key[1]].text == sentence.text


def test_the_session_note_is_edited_in_the_sidebar_and_saved(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    window.commands.session_note.trigger()
    assert window.sessions_dock.isVisible()
    qtbot.keyClicks(window.sidebar.note, "Follow up with the embassy.")
    qtbot.waitUntil(lambda: window.notes.session_note() == "Follow up with the embassy.")
    current = window.keeper.current
    assert current is not None and [n.text for n in current.session_notes] == [
        "Follow up with the embassy."
    ]
    window.sidebar.note.clear()
    qtbot.waitUntil(lambda: window.notes.session_note() == "")
    assert window.keeper.current is not None and window.keeper.current.notes == ()
