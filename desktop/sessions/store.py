"""The sessions store: every database operation on ONE worker thread, plain data out.

Each method queues its work on a single-worker executor and returns a
``concurrent.futures.Future``: the window adds a done-callback that emits a Qt
signal (callbacks run on the worker thread; a signal to a GUI-thread object is
queued for the GUI thread), the CLI and tests call ``.result()``. Writes therefore
never interleave, a read queued after a write sees it, and no ORM object ever
leaves the worker: results are the frozen dataclasses of ``desktop.sessions.data``.

    opening = open_store()                 # or open_store(path), --db, $READOUT_DB
    if opening.message: show(opening.message)
    store = opening.store                  # None when another window holds the database
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db import repository
from db.engine import session_factory, transaction
from db.errors import describe, is_busy, is_transient
from db.models import SessionRecord
from db.opening import OpenedDatabase, OpenStatus, open_database
from db.types import utc_now
from desktop.engine.corrections import Correction
from desktop.engine.settings import CompareSettings
from desktop.sessions import convert
from desktop.sessions.archive import read_archive, write_archive
from desktop.sessions.data import (
    Note,
    SessionData,
    SessionSummary,
    StoredDocument,
    UiState,
    check_documents,
    default_title,
)
from desktop.sessions.paths import resolve_db_path

log = logging.getLogger(__name__)

T = TypeVar("T")
U = TypeVar("U")

# A write that finds the database busy past SQLite's own 10 s wait is tried again.
BUSY_RETRIES = 2
BUSY_PAUSE_S = 0.5


class StoreError(Exception):
    """A database operation failed; ``str()`` says why in words (never SQL), ``transient``
    whether trying again later can help (a full disk, a busy database)."""

    def __init__(self, reason: str, *, transient: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.transient = transient


@dataclass(frozen=True)
class StoreOpening:
    """What opening the store gave: the store (None when it could not be opened) and the
    one message to show the user (None when there is nothing to say)."""

    store: SessionStore | None
    status: OpenStatus
    path: Path
    message: str | None = None
    backup_path: Path | None = None


def open_store(
    path: str | Path | None = None, *, exclusive: bool = True, recover: bool = True
) -> StoreOpening:
    """Open the sessions database: ``path`` (``--db``), else ``$READOUT_DB``, else the
    platform default. ``exclusive`` (the window) holds the instance lock; the CLI passes
    False so it can work beside a running window."""
    resolved = resolve_db_path(path)
    opened = open_database(resolved, exclusive=exclusive, recover=recover)
    store = SessionStore(opened) if opened.status.usable else None
    return StoreOpening(store, opened.status, opened.path, opened.message, opened.backup_path)


class SessionStore:
    def __init__(self, opened: OpenedDatabase) -> None:
        if opened.engine is None:
            raise ValueError(f"the database was not opened: {opened.status}")
        self._opened = opened
        self._factory: sessionmaker[Session] = session_factory(opened.engine)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readout-db")
        # Reading and writing .readout files: never inside a transaction, never on the
        # database worker (a large import must not hold up the window's autosave).
        self._files = ThreadPoolExecutor(max_workers=1, thread_name_prefix="readout-files")
        self._chains: set[Future[object]] = set()  # operations with a step on each worker
        self._closed = False

    @property
    def path(self) -> Path:
        return self._opened.path

    # -- reading -------------------------------------------------------------

    def list_sessions(self, search: str = "") -> Future[tuple[SessionSummary, ...]]:
        """Most recently changed first; ``search`` matches titles, document text and notes."""

        def work(db: Session) -> tuple[SessionSummary, ...]:
            return tuple(convert.summary(row) for row in repository.list_sessions(db, search))

        return self._submit(work, write=False)

    def get_session(self, session_id: int) -> Future[SessionData | None]:
        """A session as stored, without marking it opened (the CLI's ``show``)."""

        def work(db: Session) -> SessionData | None:
            record = repository.load_session(db, session_id)
            return convert.session_data(record) if record is not None else None

        return self._submit(work, write=False)

    def open_session(self, session_id: int) -> Future[SessionData | None]:
        """A session for the window; it becomes the one :meth:`last_session` returns."""
        return self._submit(lambda db: self._open(db, session_id), write=True)

    def last_session(self) -> Future[SessionData | None]:
        """The session to restore at start-up: the one opened last (None when there is none).

        Read first, then marked opened in a write of its own: on a full disk or a busy
        database the session still comes back, only the mark is lost."""

        def work() -> SessionData | None:
            def read(db: Session) -> SessionData | None:
                session_id = repository.last_opened_id(db)
                record = None if session_id is None else repository.load_session(db, session_id)
                return convert.session_data(record) if record is not None else None

            data = self._run(read, write=False)
            if data is not None:
                try:
                    self._run(lambda db: repository.mark_opened(db, data.id, utc_now()), True)
                except (SQLAlchemyError, sqlite3.Error) as error:
                    log.warning("session %s not marked opened: %s", data.id, error)
            return data

        return self._executor.submit(self._guard(work))

    # -- writing -------------------------------------------------------------

    def create_session(
        self,
        documents: Sequence[StoredDocument] = (),
        *,
        single_article: bool = False,
        title: str | None = None,
        corrections: Sequence[Correction] = (),
        notes: Sequence[Note] = (),
        ui_state: UiState | None = None,
        settings: CompareSettings | None = None,
    ) -> Future[SessionData]:
        """A new session (``title`` None: named after its documents)."""
        check_documents(documents, single_article)
        now = utc_now()
        data = SessionData(
            id=0,
            title=(title or "").strip(),
            title_is_custom=bool(title and title.strip()),
            created_at=now,
            updated_at=now,
            documents=tuple(documents),
            single_article=single_article,
            corrections=tuple(corrections),
            notes=tuple(notes),
            ui_state=ui_state or UiState(),
            settings=settings or CompareSettings(),
        )
        return self._submit(lambda db: self._insert(db, data, keep_id=False), write=True)

    def save_session(self, data: SessionData) -> Future[SessionSummary | None]:
        """Store the session's documents, corrections, notes and UI state (not its title:
        :meth:`rename_session` owns that). None when the session was deleted meanwhile.

        Only what changed is written; ``updated_at`` moves only when the content did
        (documents, corrections, notes), so scrolling does not reorder the list.
        """
        return self._submit(lambda db: self._save(db, data), write=True)

    def rename_session(self, session_id: int, title: str | None) -> Future[SessionSummary | None]:
        """A user title; None or blank goes back to naming it after its official document."""

        def work(db: Session) -> SessionSummary | None:
            record = repository.load_session(db, session_id)
            if record is None:
                return None
            custom = (title or "").strip()
            documents = [convert.document(d) for d in record.documents]
            record.title = custom[:500] if custom else default_title(documents)
            record.title_is_custom = bool(custom)
            record.updated_at = utc_now()
            return self._summary(db, session_id)

        return self._submit(work, write=True)

    def duplicate_session(
        self, session_id: int, title: str | None = None
    ) -> Future[SessionData | None]:
        """A copy under a new id, titled "… (copy)" unless ``title`` is given."""

        def work(db: Session) -> SessionData | None:
            record = repository.load_session(db, session_id)
            if record is None:
                return None
            original = convert.session_data(record)
            now = utc_now()
            copy = replace(
                original,
                title=(title or f"{original.title} (copy)").strip()[:500],
                title_is_custom=True,
                created_at=now,
                updated_at=now,
                opened_at=None,
            )
            return self._insert(db, copy, keep_id=False)

        return self._submit(work, write=True)

    def delete_session(self, session_id: int) -> Future[SessionData | None]:
        """Delete a session and return what it was, so the window can offer Undo
        (:meth:`restore_session`); None when there was no such session."""

        def work(db: Session) -> SessionData | None:
            record = repository.load_session(db, session_id)
            if record is None:
                return None
            data = convert.session_data(record)
            repository.delete_session(db, session_id)
            return data

        return self._submit(work, write=True)

    def restore_session(self, data: SessionData) -> Future[SessionData]:
        """Put back a deleted session, under its old id when that is free (ids are never
        reused, so it is unless the session was never deleted)."""
        return self._submit(lambda db: self._insert(db, data, keep_id=True), write=True)

    def export_session(self, session_id: int, path: str | Path) -> Future[Path]:
        """Write the session to a ``.readout`` file (see ``desktop.sessions.archive``); the
        file is written after the read transaction, on the files worker."""

        def read(db: Session) -> SessionData:
            record = repository.load_session(db, session_id)
            if record is None:
                raise LookupError(f"there is no session {session_id}")
            return convert.session_data(record)

        return self._then(
            self._submit(read, write=False),
            lambda data: self._files.submit(write_archive, data, Path(path)),
        )

    def import_session(self, path: str | Path) -> Future[SessionData]:
        """Add the session in a ``.readout`` file under a new id, at the top of the list.
        A bad file fails the future with ``FormatError`` (its message is for the user).

        The file is unzipped and checked in full on the files worker, before the write
        transaction, which then only inserts: another writer (the window's autosave)
        waits for milliseconds, not for the unzipping of a large file."""
        if self._closed:
            raise RuntimeError("the session store is closed")

        def insert(data: SessionData) -> Future[SessionData]:
            fresh = replace(data, updated_at=utc_now(), opened_at=None)
            return self._submit(lambda db: self._insert(db, fresh, False), write=True, chained=True)

        return self._then(self._files.submit(read_archive, Path(path)), insert)

    # -- lifetime ------------------------------------------------------------

    def close(self) -> None:
        """Finish every queued operation, then release the database and its lock."""
        if self._closed:
            return
        self._closed = True
        wait(list(self._chains))  # an import or export already started finishes
        self._files.shutdown(wait=True)
        self._executor.shutdown(wait=True)
        self._opened.close()

    def __enter__(self) -> SessionStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # -- on the worker -------------------------------------------------------

    def _submit(
        self, work: Callable[[Session], T], *, write: bool, chained: bool = False
    ) -> Future[T]:
        if self._closed and not chained:
            raise RuntimeError("the session store is closed")
        return self._executor.submit(self._guard(lambda: self._run(work, write)))

    def _run(self, work: Callable[[Session], T], write: bool) -> T:
        """``work`` in one transaction; a busy database is tried again a few times."""
        for attempt in range(BUSY_RETRIES + 1):
            try:
                with transaction(self._factory, write=write) as db:
                    return work(db)
            except (SQLAlchemyError, sqlite3.Error) as error:
                if attempt < BUSY_RETRIES and is_busy(error):
                    log.info("the database is busy; trying again (%s)", attempt + 1)
                    time.sleep(BUSY_PAUSE_S)
                    continue
                raise
        raise AssertionError("unreachable")

    def _guard(self, work: Callable[[], T]) -> Callable[[], T]:
        """Database failures as :class:`StoreError`, with words instead of SQL."""

        def guarded() -> T:
            try:
                return work()
            except (SQLAlchemyError, sqlite3.Error) as error:
                # Not a warning: with no logging set up (the CLI) Python prints warnings,
                # traceback and SQL included, on stderr.
                log.info("database operation failed", exc_info=True)
                reason = describe(error, self.path)
                raise StoreError(reason, transient=is_transient(error)) from error

        return guarded

    def _then(self, first: Future[T], after: Callable[[T], Future[U]]) -> Future[U]:
        """A future of ``after(first's result)``, failing as soon as either fails."""
        result: Future[U] = Future()

        def chain(done: Future[T]) -> None:
            error = done.exception()
            if error is not None:
                result.set_exception(error)
                return
            try:
                second = after(done.result())
            except BaseException as failure:  # the store closed meanwhile
                result.set_exception(failure)
                return
            second.add_done_callback(_copy_into(result))

        self._chains.add(result)  # type: ignore[arg-type]
        result.add_done_callback(self._chains.discard)
        first.add_done_callback(chain)
        return result

    def _open(self, db: Session, session_id: int) -> SessionData | None:
        repository.mark_opened(db, session_id, utc_now())
        record = repository.load_session(db, session_id)
        return convert.session_data(record) if record is not None else None

    def _summary(self, db: Session, session_id: int) -> SessionSummary | None:
        db.flush()
        row = repository.listing(db, session_id)
        return convert.summary(row) if row is not None else None

    def _insert(self, db: Session, data: SessionData, keep_id: bool) -> SessionData:
        record = SessionRecord(
            title=data.title if data.title_is_custom else default_title(data.documents),
            title_is_custom=data.title_is_custom,
            single_article=data.single_article,
            created_at=data.created_at,
            updated_at=data.updated_at,
            opened_at=data.opened_at,
            settings=data.settings.to_json(),
        )
        if keep_id and data.id > 0 and not repository.id_taken(db, data.id):
            record.id = data.id
        db.add(record)
        db.flush()
        self._write_content(db, record.id, data)
        db.flush()
        db.expire(record)
        loaded = repository.load_session(db, record.id)
        assert loaded is not None
        return convert.session_data(loaded)

    def _write_content(self, db: Session, session_id: int, data: SessionData) -> None:
        repository.replace_documents(
            db, session_id, [convert.document_record(d) for d in data.documents]
        )
        repository.replace_corrections(
            db, session_id, [convert.correction_record(c) for c in data.corrections]
        )
        repository.replace_notes(db, session_id, [convert.note_record(n) for n in data.notes])
        repository.replace_ui_state(db, session_id, convert.ui_state_record(data.ui_state))

    def _save(self, db: Session, data: SessionData) -> SessionSummary | None:
        record = repository.session_record(db, data.id)
        if record is None:
            return None
        content_changed = record.single_article != data.single_article
        record.single_article = data.single_article
        if CompareSettings.from_json(record.settings) != data.settings:
            record.settings = data.settings.to_json()
            content_changed = True  # the session is judged differently
        stored = repository.document_fingerprints(db, data.id)
        if stored != [convert.fingerprint(d) for d in data.documents]:
            repository.replace_documents(
                db, data.id, [convert.document_record(d) for d in data.documents]
            )
            content_changed = True
            if not record.title_is_custom:
                record.title = default_title(data.documents)
        if repository.correction_data(db, data.id) != [c.to_dict() for c in data.corrections]:
            repository.replace_corrections(
                db, data.id, [convert.correction_record(c) for c in data.corrections]
            )
            content_changed = True
        if [convert.note(n) for n in repository.notes(db, data.id)] != list(data.notes):
            repository.replace_notes(db, data.id, [convert.note_record(n) for n in data.notes])
            content_changed = True
        state = repository.ui_state(db, data.id)
        if state is None or convert.ui_state(state) != data.ui_state:
            repository.replace_ui_state(db, data.id, convert.ui_state_record(data.ui_state))
        if content_changed:
            record.updated_at = _later(utc_now(), record.updated_at)
        return self._summary(db, data.id)


def _copy_into(result: Future[U]) -> Callable[[Future[U]], None]:
    def copy(done: Future[U]) -> None:
        error = done.exception()
        if error is not None:
            result.set_exception(error)
        else:
            result.set_result(done.result())

    return copy


def _later(now: datetime, previous: datetime) -> datetime:
    # A clock stepped back must not push an edited session down the list.
    return max(now, previous)
