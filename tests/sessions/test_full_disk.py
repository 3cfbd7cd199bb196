"""A full disk under the sessions database: said once, in words, retried, nothing pending lost.

A 1 MB tmpfs is mounted for each test (as root; skipped otherwise) and filled. Before,
start-up said "(sqlite3.OperationalError) database or disk is full [SQL: …]" and a
session created then was never saved, without a word.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import pytest

from db.roles import DocumentRole
from desktop.sessions.autosave import SAVING_AGAIN, Autosaver
from desktop.sessions.data import Note, SessionData, StoredDocument
from desktop.sessions.store import SessionStore, StoreError, open_store
from tests.conftest import SmallFilesystem

# Each edit rewrites a document this long, so the write needs pages the disk no longer has.
FILLER = "The delegations discussed defence cooperation and regional security. " * 1500


def _document(number: int) -> StoredDocument:
    return StoredDocument(DocumentRole.BACKGROUND, f"{FILLER}edit {number}", title="Long")


def _wait_for(condition: Callable[[], bool], timeout: float) -> None:
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "not in time"
        time.sleep(0.05)


class Said:
    def __init__(self) -> None:
        self.errors: list[str] = []
        self.resumed: list[str] = []
        self.lock = threading.Lock()

    def error(self, message: str) -> None:
        with self.lock:
            self.errors.append(message)

    def again(self) -> None:
        with self.lock:
            self.resumed.append(SAVING_AGAIN)


def _store(small: SmallFilesystem) -> SessionStore:
    opening = open_store(small.root / "sessions.sqlite3")
    assert opening.store is not None, opening.message
    return opening.store


def _assert_words(message: str) -> None:
    assert "the disk is full" in message
    for raw in ("SQL", "sqlite3", "OperationalError", "[", "Traceback"):
        assert raw not in message, message


def test_autosave_on_a_full_disk_says_so_once_and_saves_when_space_returns(
    small_filesystem: SmallFilesystem,
) -> None:
    store = _store(small_filesystem)
    said = Said()
    with store:
        data = store.create_session([_document(0)]).result()
        saver = Autosaver(store, delay=0.05, on_error=said.error, on_resumed=said.again)
        small_filesystem.fill()
        for number in range(1, 6):
            data = SessionData(**{**data.__dict__, "documents": (_document(number),)})
            data = data.with_note(Note.new(f"edit {number}"))
            saver.changed(data)
            time.sleep(0.3)
        _wait_for(lambda: bool(said.errors), 5)
        assert len(said.errors) == 1, said.errors
        _assert_words(said.errors[0])
        assert saver.pending and saver.failing
        small_filesystem.free()
        _wait_for(lambda: not saver.pending, 40)
        stored = store.get_session(data.id).result()
        assert stored is not None
        assert stored.documents[0].text.endswith("edit 5")
        assert said.resumed == [SAVING_AGAIN]
        assert len(said.errors) == 1
        saver.close()


def test_a_session_started_on_a_full_disk_is_created_when_space_returns(
    small_filesystem: SmallFilesystem,
) -> None:
    store = _store(small_filesystem)
    said = Said()
    with store:
        first = store.create_session([_document(0)]).result()
        small_filesystem.fill()
        # Start-up: the last session still comes back, though it cannot be marked opened.
        restored = store.last_session().result()
        assert restored is not None and restored.id == first.id
        saver = Autosaver(store, delay=0.05, on_error=said.error, on_resumed=said.again)
        blank = SessionData(
            id=0,
            title="",
            title_is_custom=False,
            created_at=first.created_at,
            updated_at=first.created_at,
            documents=(_document(1),),
        )
        created = saver.create(blank)
        _wait_for(lambda: bool(said.errors), 5)
        assert not created.done()
        _assert_words(said.errors[0])
        small_filesystem.free()
        session = created.result(timeout=40)
        assert session.id > first.id
        assert said.resumed == [SAVING_AGAIN] and len(said.errors) == 1
        saver.close()


def test_a_failed_write_is_a_store_error_in_words(small_filesystem: SmallFilesystem) -> None:
    store = _store(small_filesystem)
    with store:
        small_filesystem.fill()
        with pytest.raises(StoreError) as caught:
            store.create_session([_document(1)]).result()
        assert caught.value.transient
        _assert_words(str(caught.value))
