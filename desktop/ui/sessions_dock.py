"""The sessions sidebar: every saved session, recent first, with search, rename in place,
duplicate, delete, New, Import/Export, and the note on the open session.

The widget only shows what it is given and says what the user asked for; the
sessions controller talks to the store.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.session_list import (
    CURRENT_ROLE,
    DETAIL_ROLE,
    ID_ROLE,
    SessionDelegate,
    SessionList,
    describe,
)

if TYPE_CHECKING:
    from desktop.sessions.data import SessionSummary

SEARCH_DELAY_MS = 200
NOTE_DELAY_MS = 400


class SessionsSidebar(QWidget):
    openRequested = Signal(int)
    renameRequested = Signal(int, str)
    duplicateRequested = Signal(int)
    deleteRequested = Signal(int)
    exportRequested = Signal(int)
    searchChanged = Signal(str)  # after a short pause in typing
    noteEdited = Signal(str)  # the session note, after a short pause in typing

    def __init__(
        self, new_session: QAction, import_session: QAction, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("sessionsSidebar")
        self.current_id: int | None = None
        self._filling = False
        self._note_dirty = False
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search sessions…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip("Find sessions by title, document text or note")
        self.list = SessionList()
        self.list.setObjectName("sessionsList")
        self.list.setItemDelegate(SessionDelegate(self.list))
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setToolTip("Click a session to open it; F2 renames, Delete deletes")
        self.empty = QLabel()
        self.empty.setObjectName("sessionsEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.setSpacing(2)
        self.new_button = self._tool(new_session)
        self.new_button.setText("New")
        self.duplicate_button = self._button("Duplicate", "Copy the selected session")
        self.delete_button = self._button("Delete", "Delete the selected session (Undo follows)")
        self.more_button = self._button("⋯", "Rename, export or import sessions")
        more = QMenu(self.more_button)
        self.rename_action = more.addAction("Rename…", self._rename_selected)
        self.export_action = more.addAction("Export…", self._export_selected)
        more.addAction(import_session)
        self.more_button.setMenu(more)
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for button in (self.new_button, self.duplicate_button, self.delete_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.more_button)
        self.duplicate_button.clicked.connect(self._duplicate_selected)
        self.delete_button.clicked.connect(self._delete_selected)
        self.note_label = QLabel("Session note")
        self.note_label.setObjectName("sessionNoteLabel")
        self.note = QPlainTextEdit()
        self.note.setObjectName("sessionNote")
        self.note.setPlaceholderText("Notes on the whole session: sources to call, follow-ups…")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(96)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 6, 8)
        layout.setSpacing(6)
        layout.addWidget(self.search)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.note)

        self._search_timer = _single_shot(self, SEARCH_DELAY_MS, self._searched)
        self._note_timer = _single_shot(self, NOTE_DELAY_MS, self.flush_note)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.note.textChanged.connect(self._note_typed)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.list.itemChanged.connect(self._edited)
        self.list.deletePressed.connect(self._delete_selected)
        self.list.menuRequested.connect(self._menu)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- showing -------------------------------------------------------------------------

    def set_sessions(self, summaries: Sequence[SessionSummary], current_id: int | None) -> None:
        """Show ``summaries`` (recent first), keeping the scroll and the selected row."""
        if self.list.state() == QAbstractItemView.State.EditingState:
            return  # not under the user's typing; the next refresh brings it
        selected = self.selected_id()
        scrolled = self.list.verticalScrollBar().value()
        self._filling = True
        try:
            self.list.clear()
            now = datetime.now().astimezone()
            for summary in summaries:
                item = QListWidgetItem(summary.title)
                item.setData(ID_ROLE, summary.id)
                item.setData(DETAIL_ROLE, describe(summary, now))
                item.setToolTip(f"{summary.title}\n{describe(summary, now)}")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                self.list.addItem(item)
            self.current_id = current_id
            self._mark_current()
            keep = selected if selected is not None else current_id
            row = self._row_of(keep)
            if row is not None:
                self.list.setCurrentRow(row)
            self.list.verticalScrollBar().setValue(scrolled)
        finally:
            self._filling = False
        searching = bool(self.search.text().strip())
        self.empty.setText(
            f"No session matches “{self.search.text().strip()}”."
            if searching
            else "No sessions yet. Drop an article or an official readout to start one."
        )
        self.empty.setVisible(not summaries)
        self.list.setVisible(bool(summaries))
        self._update_buttons()

    def set_current(self, session_id: int | None) -> None:
        self.current_id = session_id
        self._filling = True
        try:
            self._mark_current()
            row = self._row_of(session_id)
            if row is not None:
                self.list.setCurrentRow(row)
            else:
                self.list.clearSelection()
        finally:
            self._filling = False
        self.list.viewport().update()
        self._update_buttons()

    def set_note(self, text: str, *, enabled: bool) -> None:
        """Show the open session's note (without reporting it as an edit)."""
        self._note_timer.stop()
        if self.note.toPlainText() != text:
            self.note.blockSignals(True)
            self.note.setPlainText(text)
            self.note.blockSignals(False)
        self.note.setEnabled(enabled)
        self.note.setPlaceholderText(
            "Notes on the whole session: sources to call, follow-ups…"
            if enabled
            else "Open or start a session to write a note on it."
        )

    def set_unavailable(self, reason: str) -> None:
        """No store: the list cannot be shown (the window still compares)."""
        self.list.clear()
        self.list.hide()
        self.empty.setText(reason)
        self.empty.show()
        for widget in (self.search, self.duplicate_button, self.delete_button, self.more_button):
            widget.setEnabled(False)

    def selected_id(self) -> int | None:
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None and item.isSelected() else None

    def rename(self, session_id: int | None = None) -> bool:
        """Start renaming a session in place (default: the selected one)."""
        row = self._row_of(session_id if session_id is not None else self.selected_id())
        item = self.list.item(row) if row is not None else None
        if item is None:
            return False
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        self.list.editItem(item)
        return True

    def flush_note(self) -> None:
        if self._note_timer.isActive():
            self._note_timer.stop()
        if self.note.isEnabled() and self._note_dirty:
            self._note_dirty = False
            self.noteEdited.emit(self.note.toPlainText())

    # -- events ------------------------------------------------------------------------

    def _mark_current(self) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setData(CURRENT_ROLE, item.data(ID_ROLE) == self.current_id)

    def _row_of(self, session_id: int | None) -> int | None:
        if session_id is None:
            return None
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == session_id:
                return row
        return None

    def _clicked(self, item: QListWidgetItem) -> None:
        session_id = int(item.data(ID_ROLE))
        if session_id != self.current_id:
            self.openRequested.emit(session_id)

    def _edited(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        title = item.text().strip()
        self.renameRequested.emit(int(item.data(ID_ROLE)), title)

    def _searched(self) -> None:
        self.searchChanged.emit(self.search.text().strip())

    def _note_typed(self) -> None:
        self._note_dirty = True
        self._note_timer.start()

    def _menu(self, item: QListWidgetItem, where: QPoint) -> None:
        session_id = int(item.data(ID_ROLE))
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction("Open", lambda: self.openRequested.emit(session_id)).setEnabled(
            session_id != self.current_id
        )
        menu.addAction("Rename…", lambda: self.rename(session_id))
        menu.addAction("Duplicate", lambda: self.duplicateRequested.emit(session_id))
        menu.addAction("Export…", lambda: self.exportRequested.emit(session_id))
        menu.addSeparator()
        menu.addAction("Delete", lambda: self.deleteRequested.emit(session_id))
        menu.exec(where)
        menu.deleteLater()

    def _rename_selected(self) -> None:
        self.rename()

    def _duplicate_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.duplicateRequested.emit(session_id)

    def _delete_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.deleteRequested.emit(session_id)

    def _export_selected(self) -> None:
        session_id = self.selected_id()
        if session_id is not None:
            self.exportRequested.emit(session_id)

    def _update_buttons(self) -> None:
        chosen = self.selected_id() is not None
        for widget in (self.duplicate_button, self.delete_button):
            widget.setEnabled(chosen)
        self.rename_action.setEnabled(chosen)
        self.export_action.setEnabled(chosen)

    @staticmethod
    def _tool(action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAutoRaise(True)
        return button

    @staticmethod
    def _button(text: str, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setStatusTip(tip)
        button.setAutoRaise(True)
        return button


def _single_shot(parent: QWidget, msecs: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer
