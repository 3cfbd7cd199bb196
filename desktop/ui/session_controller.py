"""Sessions in the window: restore at start-up, save as you work, the sidebar's commands.

What becomes a session (README, "Sessions"):

- Documents dropped or opened onto the *window* (one article, several files, a
  web page, paste, recent files, files given on the command line) start a new
  comparison, so they start a **new session**; the one open before stays in the list.
- Documents dropped onto a *pane*, File → Open Official Readout… and Add
  Background… change a side of the comparison you are working on, so they
  **change the open session's documents** (its corrections and notes stay).
- Swap Sides, Recompare, corrections, notes, selection, scrolling and the claims
  filters change the open session.

At start-up the last session opened comes back exactly (documents, corrections,
notes, selection, scroll, filters, background tab); the sample opens only on a
first run with no sessions at all.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDockWidget, QStatusBar, QWidget

from desktop.ui.comparison_loader import ComparisonLoader, Prepared, Purpose
from desktop.ui.lifecycle import Lifecycle
from desktop.ui.message_bar import MessageBar
from desktop.ui.notes import NotesController
from desktop.ui.session_files import NOT_SAVING, SessionFiles
from desktop.ui.session_keeper import SessionKeeper
from desktop.ui.sessions_dock import SessionsSidebar
from desktop.ui.ui_state import apply, capture
from desktop.workspace.inputs import SessionInputs

if TYPE_CHECKING:
    from desktop.sessions.data import SessionData, SessionSummary
    from desktop.ui.actions import Actions
    from desktop.ui.comparison_view import ComparisonView
    from desktop.ui.export_pdf import PdfExporter
    from desktop.ui.settings import Preferences

CAPTURE_DELAY_MS = 250  # where the user is: scrolling settles, then it is saved
LIST_DELAY_MS = 150


class SessionsController(QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        keeper: SessionKeeper,
        lifecycle: Lifecycle,
        loader: ComparisonLoader,
        view: ComparisonView,
        notes: NotesController,
        sidebar: SessionsSidebar,
        dock: QDockWidget,
        message: MessageBar,
        status: QStatusBar,
        preferences: Preferences,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.keeper, self.loader, self.view, self.notes = keeper, loader, view, notes
        self.sidebar, self.dock, self.message, self.status = sidebar, dock, message, status
        self.preferences = preferences
        self.lifecycle = lifecycle
        self.search = ""
        self._listed: dict[int, SessionSummary] = {}
        self._files: list[str] = []  # .readout files handed over before the store was open
        self.files = SessionFiles(
            window,
            keeper=keeper,
            preferences=preferences,
            message=message,
            status=status,
            open_session=self.open,
            before_reading=self._saved_now,
            title_of=self._title_of,
            refresh=self.refresh_list,
        )
        self._capture_timer = _timer(self, CAPTURE_DELAY_MS, self._capture)
        self._list_timer = _timer(self, LIST_DELAY_MS, self.refresh_list)
        keeper.opened.connect(self._store_opened)
        keeper.currentChanged.connect(self._current_changed)
        keeper.listChanged.connect(self._list_timer.start)
        keeper.saved.connect(self._saved)
        keeper.failed.connect(message.show_error)
        sidebar.openRequested.connect(self.open)
        sidebar.renameRequested.connect(self.rename)
        sidebar.duplicateRequested.connect(self.duplicate)
        sidebar.deleteRequested.connect(self.delete)
        sidebar.exportRequested.connect(lambda session_id: self.files.export(session_id))
        sidebar.searchChanged.connect(self._searched)
        sidebar.noteEdited.connect(notes.set_session_note)
        view.selectionChanged.connect(self.reading_moved)
        claims = view.claims
        claims.search.textChanged.connect(self.reading_moved)
        claims.absent_only.toggled.connect(self.reading_moved)
        claims.sources_only.toggled.connect(self.reading_moved)
        claims.non_claims.toggled.connect(self.reading_moved)
        claims.shifts_only.toggled.connect(self.reading_moved)
        view.right.currentViewChanged.connect(self.reading_moved)
        sidebar.set_note("", enabled=False)

    @property
    def idle(self) -> bool:
        """Nothing is on its way from the store and nothing is being restored (for tests)."""
        return self.lifecycle.ready and not self.keeper.busy

    # -- start-up -------------------------------------------------------------------------

    def documents_opened(self) -> None:
        """Documents were opened (a drop, a command, files from the command line). While
        starting they win over the last session; the sample (a first run) does not."""
        self.lifecycle.documents_opened()

    def _store_opened(self) -> None:
        opening = self.keeper.opening
        if opening is not None and opening.message:
            text = (
                opening.message if opening.store is not None else f"{opening.message} {NOT_SAVING}"
            )
            self.message.show_error(text)
        if self._files:
            files, self._files = self._files, []
            self.lifecycle.documents_opened()
            self.files.import_paths(files)
        if not self.keeper.saving:
            self.sidebar.set_unavailable(
                "Sessions are not available in this window: the database is in use "
                "or could not be opened. Comparing still works; nothing is saved."
            )
            self._started(None)
            return
        self.refresh_list()
        if not self.keeper.last(self._started):
            self._started(None)

    def _started(self, data: SessionData | None) -> None:
        if self.lifecycle.started() and data is not None:
            self.restore(data)
            return
        # The sample or the files opened meanwhile become the current session.
        if not self.loader.inputs.empty and not self.loader.working:
            self.keeper.adopt(self.loader.inputs, new=True)
            self.notes.refresh()
            self.reading_moved()

    # -- what the window shows ---------------------------------------------------------------

    def shown(self, prepared: Prepared) -> None:
        """A comparison is on screen (``MainWindow._show``)."""
        if self.lifecycle.starting:
            self.notes.refresh()
            return
        if prepared.purpose is Purpose.RESTORE and prepared.stored is not None:
            self.keeper.restored(prepared.stored)
            self.notes.refresh()
            self.lifecycle.restore()
            state = prepared.stored.ui_state
            # After the claims table is filled (the view defers it by one turn of the loop).
            QTimer.singleShot(0, self, lambda: self._apply(state))
            return
        if prepared.purpose is Purpose.NEW:
            self.view.claims.clear_filters()  # a new session starts unfiltered
        self.keeper.adopt(prepared.inputs, new=prepared.purpose is Purpose.NEW)
        self.notes.refresh()
        self.reading_moved()

    def corrections_changed(self) -> None:
        current = self.keeper.current
        if self.lifecycle.starting or current is None:
            return
        corrections = self.loader.inputs.corrections
        if corrections != current.corrections:
            self.keeper.change(current.with_corrections(corrections))

    def reading_moved(self, *_: object) -> None:
        """Selection, scroll, a filter or the tab changed: saved after a short pause."""
        if not self._capture_timer.isActive():
            self._capture_timer.start()

    def _capture(self) -> None:
        current = self.keeper.current
        if not self.lifecycle.ready or current is None:
            return
        if self.loader.working and self.loader.comparison is None:
            return
        state = capture(self.view)
        if state != current.ui_state:
            self.keeper.change(current.with_ui_state(state))

    def _apply(self, state: object) -> None:
        from desktop.sessions.data import UiState

        try:
            if isinstance(state, UiState):
                apply(self.view, state)
        finally:
            self.lifecycle.restored()

    def _current_changed(self) -> None:
        current = self.keeper.current
        self.sidebar.set_current(current.id if current is not None and current.id > 0 else None)
        self.sidebar.set_note(self.notes.session_note(), enabled=current is not None)

    # -- commands ------------------------------------------------------------------------------

    def restore(self, data: SessionData) -> None:
        """Show a stored session; its reading state comes back once it is compared."""
        official, backgrounds = data.inputs()
        inputs = SessionInputs(
            official,
            tuple(backgrounds),
            data.single_article,
            data.corrections,
            data.settings,
            data.roles(),
        )
        self.message.hide()
        self.loader.show(inputs, Purpose.RESTORE, data)

    def open(self, session_id: int) -> None:
        self.sidebar.flush_note()
        self._capture_now()

        def opened(data: SessionData | None) -> None:
            if data is None:
                self.message.show_error("That session no longer exists.")
                self.refresh_list()
            else:
                self.restore(data)

        self.keeper.open(session_id, opened)

    def new(self) -> None:
        """An empty window; the next documents start a session."""
        self.sidebar.flush_note()
        self._capture_now()
        self.lifecycle.documents_opened()
        self.loader.show(self.loader.empty_inputs(), Purpose.NEW)
        self.dock.show()
        self.status.showMessage(
            "New session: drop an article, or an official readout and its reporting.", 8000
        )

    def rename(self, session_id: int, title: str) -> None:
        self.keeper.rename(session_id, title)

    def rename_current(self) -> None:
        """Session → Rename: the selected row when the list has focus, else the open session."""
        self.dock.show()
        focused = self.sidebar.list.hasFocus() and self.sidebar.selected_id() is not None
        current = self.keeper.current
        target = None if focused else (current.id if current is not None else None)
        if not self.sidebar.rename(target):
            self.status.showMessage("Nothing to rename: no saved session is open.", 5000)

    def duplicate(self, session_id: int) -> None:
        self.sidebar.flush_note()
        self._capture_now()

        def copied(data: SessionData | None) -> None:
            if data is not None:
                self.status.showMessage(f"Duplicated as “{data.title}”.", 8000)
                self.open(data.id)

        self.keeper.duplicate(session_id, copied)

    def delete(self, session_id: int) -> None:
        current = self.keeper.current
        was_current = current is not None and current.id == session_id
        if was_current:
            self.sidebar.flush_note()
            self._capture_now()

        def deleted(data: SessionData | None) -> None:
            self.refresh_list()
            if data is None:
                return
            self.message.show_note(
                f"Deleted the session “{data.title}”.",
                [("&Undo", lambda: self.undelete(data, reopen=was_current))],
            )

        if self.keeper.delete(session_id, deleted) and was_current:
            self.loader.show(self.loader.empty_inputs(), Purpose.NEW)

    def undelete(self, data: SessionData, *, reopen: bool) -> None:
        def restored(back: SessionData) -> None:
            self.refresh_list()
            self.status.showMessage(f"Restored the session “{back.title}”.", 8000)
            if reopen:
                self.open(back.id)

        self.keeper.undelete(data, restored)

    def delete_current(self) -> None:
        current = self.keeper.current
        if current is not None and current.id > 0:
            self.delete(current.id)

    def duplicate_current(self) -> None:
        current = self.keeper.current
        if current is not None and current.id > 0:
            self.duplicate(current.id)

    def edit_session_note(self) -> None:
        self.dock.show()
        self.dock.raise_()
        self.sidebar.note.setFocus()

    def open_file(self, path: str) -> None:
        """A ``.readout`` file opened with Readout: added to the list and opened."""
        if not self.keeper.ready:
            self._files.append(path)
        else:
            self.files.import_paths([path])

    def refresh_list(self) -> None:
        self._list_timer.stop()
        search = self.search

        def listed(summaries: tuple[SessionSummary, ...]) -> None:
            if search != self.search:
                return  # an answer to an older search
            current = self.keeper.current
            self.sidebar.set_sessions(summaries, current.id if current is not None else None)
            self._listed = {s.id: s for s in summaries}

        self.keeper.list_sessions(search, listed)

    def _saved(self, summary: SessionSummary) -> None:
        # Scrolling saves often and changes nothing the list shows: no need to ask again.
        if self._listed.get(summary.id) != summary:
            self._list_timer.start()

    def close(self) -> bool:
        """Save where the user is and everything pending, then release the database."""
        self.sidebar.flush_note()
        self._capture_now()
        return self.keeper.close()

    # -- helpers ----------------------------------------------------------------------------

    def _title_of(self, session_id: int) -> str:
        current = self.keeper.current
        if current is not None and current.id == session_id:
            return current.title
        listed = self._listed.get(session_id)
        return listed.title if listed is not None else "session"

    def _saved_now(self) -> None:
        """Everything the user did is queued for the store (before the store reads a session)."""
        self.sidebar.flush_note()
        self._capture_now()

    def _capture_now(self) -> None:
        self._capture_timer.stop()
        self._capture()
        self.keeper.push()

    def _searched(self, text: str) -> None:
        self.search = text
        self.refresh_list()


def connect_session_commands(
    a: Actions,
    sessions: SessionsController,
    notes: NotesController,
    pdf: PdfExporter,
    preferences: Preferences,
) -> None:
    """The Session menu, File → Import/Export, notes and PDF commands."""
    a.new_session.triggered.connect(sessions.new)
    a.rename_session.triggered.connect(sessions.rename_current)
    a.duplicate_session.triggered.connect(sessions.duplicate_current)
    a.delete_session.triggered.connect(sessions.delete_current)
    a.session_note.triggered.connect(sessions.edit_session_note)
    a.import_session.triggered.connect(sessions.files.import_files)
    a.export_session.triggered.connect(lambda: sessions.files.export())
    a.export_pdf.triggered.connect(pdf.choose_and_export)
    a.note.triggered.connect(lambda: notes.edit())
    a.page_a4.triggered.connect(lambda: preferences.set_page_size("A4"))
    a.page_letter.triggered.connect(lambda: preferences.set_page_size("Letter"))


def _timer(parent: QObject, msecs: int, slot: Callable[[], None]) -> QTimer:
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(msecs)
    timer.timeout.connect(slot)
    return timer
