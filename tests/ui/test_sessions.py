"""Sessions in the window: restore after a restart, the sidebar's commands, .readout files,
what a drop does to the session list, and a database held by another window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Coverage
from desktop.sessions import open_store
from desktop.ui.comparison_view import Origin
from desktop.ui.main_window import MainWindow
from desktop.ui.session_list import ID_ROLE
from tests.ui.conftest import ROOT, settle
from tests.ui.test_drop import drag_and_drop, file_mime

CASE = ROOT / "tests" / "cases" / "01-mod-readout-revised"


def listed(window: MainWindow) -> list[tuple[int, str]]:
    items = [window.sidebar.list.item(r) for r in range(window.sidebar.list.count())]
    return [(int(item.data(ID_ROLE)), item.text()) for item in items]


def wait_listed(qtbot: QtBot, window: MainWindow, count: int) -> list[tuple[int, str]]:
    qtbot.waitUntil(lambda: len(listed(window)) == count, timeout=10_000)
    settle(qtbot, window)
    return listed(window)


def current_id(window: MainWindow) -> int:
    current = window.keeper.current
    assert current is not None
    return current.id


def test_reopening_the_window_brings_the_session_back_exactly(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    settings = tmp_path / "settings"
    window: MainWindow = make_window(open_sample=True, settings=settings)  # type: ignore[operator]
    comparison = window.loader.comparison
    assert comparison is not None
    background = comparison.documents[1]
    absent = [s for s in background.sentences if s.coverage is Coverage.ABSENT]
    corrected, noted = absent[0], absent[-1]
    window.corrector.add(Correction.coverage_of(comparison, 1, corrected.index, Coverage.PARTIAL))
    window.notes.write((1, noted.index), "Ask the ministry who briefed this.")
    window.claims.absent_only.setChecked(True)
    window.view.select((1, noted.index), Origin.JUMP)
    left, right = window.left.views[0], window.right.current_view()
    right.verticalScrollBar().setValue(right.verticalScrollBar().maximum() // 2)
    qtbot.wait(50)
    scrolled = (left.verticalScrollBar().value(), right.verticalScrollBar().value())
    assert scrolled[1] > 0
    session_id = current_id(window)
    window.close()

    again: MainWindow = make_window(open_sample=None, settings=settings)  # type: ignore[operator]
    assert current_id(again) == session_id
    restored = again.loader.comparison
    assert restored is not None
    texts = [d.document.text for d in restored.documents]
    assert texts == [d.document.text for d in comparison.documents]
    assert restored.is_corrected(1, corrected.index)
    assert restored.documents[1].sentences[corrected.index].coverage is Coverage.PARTIAL
    assert again.claims.model.notes == {(1, noted.index): "Ask the ministry who briefed this."}
    assert again.right.current_view().noted == {noted.index}
    assert again.view.selected == (1, noted.index)
    assert again.claims.absent_only.isChecked()
    assert again.claims.proxy.rowCount() < again.claims.model.rowCount()
    after = (again.left.views[0], again.right.current_view())
    assert (after[0].verticalScrollBar().value(), after[1].verticalScrollBar().value()) == scrolled
    assert "rajnath-hegseth-call-2025-07-01" in again.windowTitle()


def test_the_shifts_only_filter_comes_back_with_the_session(
    qtbot: QtBot, make_window: object, tmp_path: Path
) -> None:
    settings = tmp_path / "settings"
    window: MainWindow = make_window(open_sample=True, settings=settings)  # type: ignore[operator]
    assert window.claims.proxy.rowCount() > 1
    window.claims.shifts_only.setChecked(True)
    shown = window.claims.proxy.rowCount()
    assert 0 < shown < window.claims.model.rowCount(), "the sample has a shifted pair"
    qtbot.wait(50)
    window.close()

    again: MainWindow = make_window(open_sample=None, settings=settings)  # type: ignore[operator]
    assert again.claims.shifts_only.isChecked()
    assert again.claims.proxy.rowCount() == shown
    assert not again.claims.absent_only.isChecked()


def test_changes_reach_the_database_within_a_second(
    qtbot: QtBot, sample_window: MainWindow, sessions_database: Path
) -> None:
    session_id = current_id(sample_window)
    sample_window.notes.write((1, 0), "Saved without a Save button.")
    qtbot.wait(1000)
    opening = open_store(sessions_database, exclusive=False)
    assert opening.store is not None
    with opening.store as store:
        data = store.get_session(session_id).result()
    assert data is not None
    assert [n.text for n in data.notes] == ["Saved without a Save button."]


def test_a_drop_on_the_window_starts_a_session_and_a_pane_drop_changes_it(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    sample = current_id(window)
    drag_and_drop(window.centralWidget(), file_mime(CASE / "official.txt", CASE / "article.txt"))
    settle(qtbot, window)
    rows = wait_listed(qtbot, window, 2)
    pair = current_id(window)
    assert pair != sample and rows[0][0] == pair, "the new session is on top and open"
    assert window.sidebar.current_id == pair
    drag_and_drop(window.left, file_mime(CASE / "official_v1.txt"))
    settle(qtbot, window)
    qtbot.wait(200)
    assert current_id(window) == pair, "a pane drop changes the open session"
    assert len(listed(window)) == 2
    current = window.keeper.current
    assert current is not None and current.official is not None
    assert current.official.source == str(CASE / "official_v1.txt")


def test_sidebar_search_rename_duplicate_delete_undo_and_new(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    window = sample_window
    sample = current_id(window)
    window.sessions.new()
    settle(qtbot, window)
    assert window.keeper.current is None and window.windowTitle() == "Readout"
    assert window.loader.inputs.empty
    drag_and_drop(window.centralWidget(), file_mime(CASE / "article.txt"))
    settle(qtbot, window)
    article = current_id(window)
    assert [i for i, _ in wait_listed(qtbot, window, 2)] == [article, sample]

    qtbot.keyClicks(window.sidebar.search, "telephonic")
    qtbot.waitUntil(lambda: [i for i, _ in listed(window)] == [sample], timeout=5000)
    window.sidebar.search.clear()
    qtbot.waitUntil(lambda: len(listed(window)) == 2, timeout=5000)

    assert window.sidebar.rename(article)
    editor = window.sidebar.list.findChild(QLineEdit)
    assert editor is not None
    editor.setText("Defence ministers, 1 July")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Defence ministers, 1 July" in window.windowTitle(), timeout=5000)
    qtbot.waitUntil(lambda: listed(window)[0][1] == "Defence ministers, 1 July", timeout=5000)

    window.sidebar.duplicateRequested.emit(article)
    settle(qtbot, window)
    rows = wait_listed(qtbot, window, 3)
    copy = current_id(window)
    assert copy not in (article, sample)
    assert dict(rows)[copy] == "Defence ministers, 1 July (copy)"

    window.sidebar.list.setCurrentRow([i for i, _ in rows].index(copy))
    window.sidebar.delete_button.click()
    settle(qtbot, window)
    wait_listed(qtbot, window, 2)
    assert window.keeper.current is None and window.loader.inputs.empty
    undo = window.message.button("Undo")
    assert window.message.isVisible() and undo is not None
    undo.click()
    wait_listed(qtbot, window, 3)
    qtbot.waitUntil(lambda: window.keeper.current is not None, timeout=10_000)
    settle(qtbot, window)
    assert current_id(window) == copy, "Undo brings the session back under its old id"
    assert not window.loader.inputs.empty

    window.sidebar.new_button.click()
    settle(qtbot, window)
    assert window.keeper.current is None and window.loader.inputs.empty
    assert window.sidebar.current_id is None
    window.sidebar.list.itemClicked.emit(window.sidebar.list.item(2))
    settle(qtbot, window)
    assert current_id(window) == sample
    assert window.loader.comparison is not None and window.loader.comparison.single_article


def test_export_and_import_a_readout_file_through_the_window(
    qtbot: QtBot, sample_window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = sample_window
    comparison = window.loader.comparison
    assert comparison is not None
    window.corrector.add(Correction.coverage_of(comparison, 1, 0, Coverage.COVERED))
    window.notes.write((1, 2), "Check the Pentagon's own readout.")
    window.notes.set_session_note("For Friday's brief.")
    target = tmp_path / "shared" / "hegseth-call.readout"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.commands.export_session.trigger()
    qtbot.waitUntil(target.exists, timeout=10_000)
    qtbot.waitUntil(lambda: window.message.button("Open Folder") is not None, timeout=5000)

    original = current_id(window)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(target)], ""))
    window.commands.import_session.trigger()
    wait_listed(qtbot, window, 2)
    qtbot.waitUntil(lambda: current_id(window) != original, timeout=10_000)
    settle(qtbot, window)
    imported = window.keeper.current
    assert imported is not None
    assert [n.text for n in imported.notes] == [
        "Check the Pentagon's own readout.",
        "For Friday's brief.",
    ]
    assert window.loader.inputs.corrections == imported.corrections != ()
    assert window.claims.model.notes == {(1, 2): "Check the Pentagon's own readout."}
    assert window.sidebar.note.toPlainText() == "For Friday's brief."


def test_a_database_in_use_is_said_and_the_window_still_compares(
    qtbot: QtBot, make_window: object, sessions_database: Path
) -> None:
    holder = open_store(sessions_database)  # another window holds the lock
    assert holder.store is not None
    try:
        window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
        assert window.message.isVisible()
        text = window.message.text.text()
        assert "in use by another Readout window" in text and "nothing you do" in text
        assert not window.keeper.saving
        assert window.loader.comparison is not None, "the sample still opens and compares"
        assert not window.sidebar.list.isVisible()
        assert "not available" in window.sidebar.empty.text()
        window.notes.write((1, 0), "Kept in memory only.")
        assert window.claims.model.notes == {(1, 0): "Kept in memory only."}
        window.close()
    finally:
        holder.store.close()


def test_a_readout_file_handed_to_a_starting_window_joins_the_list_and_opens(
    qtbot: QtBot, tmp_path: Path
) -> None:
    """What ``app.open_request`` does with ``readout case.readout``: before the store is open."""
    from desktop.app import build_window
    from desktop.sessions.archive import write_archive
    from tests.sessions.conftest import case_documents

    elsewhere = open_store(tmp_path / "colleague.sqlite3")
    assert elsewhere.store is not None
    with elsewhere.store as store:
        shared = store.create_session(case_documents()[:2], title="From a colleague").result()
    file = write_archive(shared, tmp_path / "from-a-colleague.readout")

    window = build_window(settings_dir=tmp_path / "settings", open_sample=False)
    qtbot.addWidget(window)
    window.open_session_file(str(file))  # the store is still opening
    window.show()
    qtbot.waitUntil(lambda: window.keeper.title() == "From a colleague", timeout=15_000)
    settle(qtbot, window)
    assert [title for _, title in wait_listed(qtbot, window, 1)] == ["From a colleague"]
    assert window.loader.comparison is not None
    assert window.loader.inputs.official is not None
    window.close()


def test_a_damaged_database_is_reported_and_readout_starts_on_a_fresh_one(
    make_window: object, sessions_database: Path
) -> None:
    sessions_database.write_bytes(b"this is not a database " * 200)
    window: MainWindow = make_window(open_sample=True)  # type: ignore[operator]
    assert window.message.isVisible() and window.message.kind == "error"
    text = window.message.text.text()
    assert "started a new, empty one" in text and "backups" in text
    assert window.keeper.saving and window.keeper.current is not None
    assert window.keeper.current.id > 0, "the sample is saved in the fresh database"
