"""The window's side of sessions: the store, autosave, and the session being shown.

The store runs every database operation on its own worker and answers with
Futures of frozen dataclasses; the window's ``Background`` delivers each answer on
the GUI thread, so no database work ever runs there. Opening the store
(importing SQLAlchemy and Alembic, migrating, a quick check) runs in the thread
pool once the window has painted; ``desktop.sessions`` is imported there first,
and only used on the GUI thread once the store is ``OPEN``.

``current`` is the session the window shows, as the store keeps it. Every change
the window reports replaces it and goes to the Autosaver, which saves it within a
second. A new comparison has ``id`` 0 until the store has created it. Without a
store (another window holds the database) ``current`` is kept in memory only.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from datetime import UTC, datetime
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.ui.background import Background, Then
from desktop.ui.lifecycle import Lifecycle
from desktop.workspace.inputs import SessionInputs

if TYPE_CHECKING:
    from desktop.sessions import (
        Autosaver,
        SessionData,
        SessionStore,
        SessionSummary,
        StoreOpening,
    )

log = logging.getLogger(__name__)

CLOSE_TIMEOUT_S = 15.0
OPEN_FALLBACK_MS = 400  # a window that is never shown still opens its store


def _open_store() -> StoreOpening:
    from desktop.sessions import open_store

    return open_store()  # --db (READOUT_DB), else the data folder


class StoreState(Enum):
    NOT_OPENED = auto()  # the window has not painted yet
    OPENING = auto()  # being opened in the thread pool
    OPEN = auto()  # open: changes are saved
    UNAVAILABLE = auto()  # in use by another window, or it could not be opened
    CLOSED = auto()  # the window closed: everything was saved, the database released


class SessionKeeper(QObject):
    opened = Signal()  # the store is open, or could not be: see ``opening``
    currentChanged = Signal()  # another session is current, or its title changed
    listChanged = Signal()  # something the sessions list shows has changed
    saved = Signal(object)  # SessionSummary of a session just autosaved
    failed = Signal(str)  # one line for the message bar

    def __init__(
        self,
        background: Background,
        lifecycle: Lifecycle,
        opening: StoreOpening | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.lifecycle = lifecycle
        self.opening: StoreOpening | None = None
        self.store: SessionStore | None = None
        self.autosaver: Autosaver | None = None
        self.state = StoreState.NOT_OPENED
        self.current: SessionData | None = None
        self._fresh = 0  # counts new sessions: a late creation answer is for an older one
        self._creating: tuple[int, Future[SessionData]] | None = None  # (fresh, its creation)
        self._opening: Future[StoreOpening] | None = None
        self._pending = 0  # store answers still to come
        if opening is not None:
            given: Future[StoreOpening] = Future()
            given.set_result(opening)
            self._follow_opening(given)

    def open_after_first_paint(self, window: QWidget) -> None:
        """Open the store once ``window`` has painted (importing SQLAlchemy would compete with
        building the window for the interpreter), or after ``OPEN_FALLBACK_MS`` anyway."""
        if self.state is not StoreState.NOT_OPENED:
            return
        window.installEventFilter(self)
        QTimer.singleShot(OPEN_FALLBACK_MS, self, self.open_store)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.UpdateRequest and self.state is StoreState.NOT_OPENED:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self.open_store)  # once this paint is done
        return False

    def open_store(self) -> None:
        """Start opening the store in the thread pool (once)."""
        if self.state is not StoreState.NOT_OPENED or self.closed:
            return
        future: Future[StoreOpening] = Future()

        def run() -> None:
            try:
                future.set_result(_open_store())
            except BaseException as error:  # reported in the message bar, never a crash
                future.set_exception(error)

        self._follow_opening(future)
        self.background.in_thread(run, _ignore, "open the sessions database")

    def _follow_opening(self, future: Future[StoreOpening]) -> None:
        self._opening = future
        self.state = StoreState.OPENING
        self.background.follow(
            future, self._store_opened, "open the sessions database", otherwise=self._not_opened
        )

    # -- state -------------------------------------------------------------------------

    @property
    def ready(self) -> bool:
        """Whether the store has answered (open, or not available)."""
        return self.state in (StoreState.OPEN, StoreState.UNAVAILABLE, StoreState.CLOSED)

    @property
    def closed(self) -> bool:
        return self.state is StoreState.CLOSED or self.lifecycle.closed

    @property
    def saving(self) -> bool:
        """Whether changes reach the database (False while another window holds it)."""
        return self.store is not None and not self.closed

    @property
    def busy(self) -> bool:
        """Whether an answer from the store is still to come (for tests)."""
        return not self.ready or self._asked_pending()

    def _asked_pending(self) -> bool:
        return self._pending > 0

    @property
    def path(self) -> Path | None:
        return self.opening.path if self.opening is not None else None

    def title(self) -> str:
        return self.current.title if self.current is not None else ""

    # -- what the window shows -----------------------------------------------------------

    def adopt(self, inputs: SessionInputs, *, new: bool) -> None:
        """The window shows ``inputs``: a new comparison, or new inputs of the current one."""
        if not self.ready or self.closed:
            return
        if inputs.empty:
            if new:
                self._set_current(None)
            return
        if new or self.current is None:
            self._start(inputs)
            return
        updated = self.current.with_inputs(
            inputs.official,
            inputs.backgrounds,
            single_article=inputs.single_article,
            roles=inputs.roles,
        )
        self.change(updated.with_corrections(inputs.corrections).with_settings(inputs.settings))

    def restored(self, data: SessionData) -> None:
        """A stored session is shown again."""
        self._fresh += 1
        self._set_current(data)

    def change(self, data: SessionData) -> None:
        """The current session changed (inputs, corrections, notes, where the user is)."""
        if self.closed or self.current is None or data == self.current:
            return
        if data.documents != self.current.documents and not data.title_is_custom:
            from desktop.sessions.data import default_title

            data = replace(data, title=default_title(data.documents))
        retitled = data.title != self.current.title
        self.current = data
        if data.id > 0 and self.autosaver is not None:
            self.autosaver.changed(data)
        if retitled:
            self.currentChanged.emit()

    def _set_current(self, data: SessionData | None) -> None:
        self.current = data
        self.currentChanged.emit()

    def _start(self, inputs: SessionInputs) -> None:
        from desktop.sessions.data import SessionData, default_title

        now = datetime.now(UTC)
        blank = SessionData(id=0, title="", title_is_custom=False, created_at=now, updated_at=now)
        data = (
            blank.with_inputs(
                inputs.official,
                inputs.backgrounds,
                single_article=inputs.single_article,
                roles=inputs.roles,
            )
            .with_corrections(inputs.corrections)
            .with_settings(inputs.settings)
        )
        data = replace(data, title=default_title(data.documents))
        self._fresh += 1
        fresh = self._fresh
        self._set_current(data)
        if self.store is None or self.autosaver is None:
            return
        # Retried like an autosave: on a full disk the session is stored once there is room.
        future = self.autosaver.create(data)
        self._creating = (fresh, future)
        self._deliver(future, lambda created: self._created(fresh, created), "save the session")

    def _created(self, fresh: int, created: SessionData) -> None:
        if self._creating is not None and self._creating[0] == fresh:
            self._creating = None
        if self.store is not None and not self.closed:
            # Marks it opened, so it is the session restored at the next start.
            self._deliver(self.store.open_session(created.id), _ignore, "open the session")
        self.listChanged.emit()
        if fresh != self._fresh or self.current is None or self.closed:
            return  # the window has moved on; the session stays in the list
        self.current = replace(
            self.current,
            id=created.id,
            title=created.title if not self.current.title_is_custom else self.current.title,
            created_at=created.created_at,
            updated_at=created.updated_at,
        )
        if self.autosaver is not None:
            self.autosaver.changed(self.current)  # whatever changed while it was created
        self.currentChanged.emit()

    # -- commands (each answers through ``then`` on the GUI thread) -------------------------

    def last(self, then: Then) -> bool:
        """The session to restore at start-up (None when there is none)."""
        return self._ask(lambda s: s.last_session(), then, "find the last session")

    def list_sessions(self, search: str, then: Then) -> bool:
        return self._ask(lambda s: s.list_sessions(search), then, "list the sessions")

    def open(self, session_id: int, then: Then) -> bool:
        self.push()
        return self._ask(lambda s: s.open_session(session_id), then, "open the session")

    def rename(self, session_id: int, title: str, then: Then | None = None) -> bool:
        def renamed(summary: SessionSummary | None) -> None:
            if summary is not None and self.current is not None and self.current.id == summary.id:
                custom = bool(title.strip())
                self.current = replace(self.current, title=summary.title, title_is_custom=custom)
                self.currentChanged.emit()
            self.listChanged.emit()
            if then is not None:
                then(summary)

        return self._ask(lambda s: s.rename_session(session_id, title), renamed, "rename it")

    def duplicate(self, session_id: int, then: Then) -> bool:
        self.push()
        return self._ask(lambda s: s.duplicate_session(session_id), then, "duplicate it")

    def delete(self, session_id: int, then: Then) -> bool:
        """Delete a session; ``then`` gets what it was (for Undo)."""
        self.push()
        if self.current is not None and self.current.id == session_id:
            self._fresh += 1
            self._set_current(None)
        return self._ask(lambda s: s.delete_session(session_id), then, "delete it")

    def undelete(self, data: SessionData, then: Then) -> bool:
        return self._ask(lambda s: s.restore_session(data), then, "restore it")

    def import_file(self, path: str | Path, then: Then) -> bool:
        return self._ask(lambda s: s.import_session(path), then, f"import {Path(path).name}")

    def export_file(self, session_id: int, path: str | Path, then: Then) -> bool:
        self.push()
        return self._ask(lambda s: s.export_session(session_id, path), then, "export it")

    def push(self) -> None:
        """Queue every pending autosave now (without waiting): what follows sees it."""
        if self.autosaver is not None and not self.closed:
            self.autosaver.flush(timeout=0)

    def close(self) -> bool:
        """Save everything and release the database (the window's closeEvent)."""
        if self.state is StoreState.CLOSED:
            return True
        opening_future, self.state = self._opening, StoreState.CLOSED
        if opening_future is None:
            return True  # never opened: nothing to save or release
        try:
            opening = opening_future.result(timeout=CLOSE_TIMEOUT_S)
        except Exception:
            return False
        self._finish_creating()
        saved = True
        if self.autosaver is not None:
            saved = self.autosaver.close(timeout=CLOSE_TIMEOUT_S)
        if opening.store is not None:
            opening.store.close()
        return saved

    def _finish_creating(self) -> None:
        """Closing while the open session is still being created: wait for its id, so what
        changed meanwhile is saved and it is the session restored next time."""
        creating, self._creating = self._creating, None
        current, store = self.current, self.store
        if creating is None or current is None or current.id != 0 or store is None:
            return
        fresh, future = creating
        if fresh != self._fresh:
            return
        try:
            created = future.result(timeout=CLOSE_TIMEOUT_S)
            store.open_session(created.id).result(timeout=CLOSE_TIMEOUT_S)
        except Exception:
            log.error("sessions: the new session was not saved", exc_info=True)
            return
        self.current = replace(current, id=created.id)
        if self.autosaver is not None:
            self.autosaver.changed(self.current)

    # -- answers -----------------------------------------------------------------------

    def _ask(self, call: Callable[[SessionStore], Future[Any]], then: Then, what: str) -> bool:
        if self.store is None or self.closed:
            return False
        try:
            future = call(self.store)
        except RuntimeError:  # the store closed under us
            return False
        self._deliver(future, then, what)
        return True

    def _deliver(self, future: Future[Any], then: Then, what: str) -> None:
        """``then(result)`` on the GUI thread; counted while it is still to come."""
        self._pending += 1

        def answered(result: Any) -> None:
            self._pending -= 1
            then(result)

        def failed(message: str) -> None:
            self._pending -= 1
            self.failed.emit(message)

        self.background.follow(future, answered, what, otherwise=failed)

    def _store_opened(self, opening: StoreOpening) -> None:
        if self.closed:
            return
        from desktop.sessions import Autosaver

        self.opening = opening
        self.store = opening.store
        if self.store is not None:
            self.autosaver = Autosaver(
                self.store,
                on_saved=self.background.from_worker(self._autosaved),
                on_error=self.background.from_worker(self.failed.emit),
            )
        self.state = StoreState.OPEN if self.store is not None else StoreState.UNAVAILABLE
        self.opened.emit()

    def _not_opened(self, message: str) -> None:
        self.state = StoreState.UNAVAILABLE
        self.failed.emit(message)
        self.opened.emit()

    def _autosaved(self, summary: SessionSummary) -> None:
        current = self.current
        if current is not None and current.id == summary.id and current.title != summary.title:
            self.current = replace(current, title=summary.title)
            self.currentChanged.emit()
        self.saved.emit(summary)


def _ignore(_result: object) -> None:
    return None
