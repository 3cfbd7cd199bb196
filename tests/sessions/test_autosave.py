"""Autosave: changes coalesce, reach the database within a second, survive a failed write."""

from __future__ import annotations

import threading
import time
from concurrent.futures import Future
from typing import Any, cast

from desktop.sessions.autosave import Autosaver
from desktop.sessions.data import Note, SessionData, SessionSummary, UiState
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import case_documents

WITHIN = 1.0


class CountingStore:
    """The real store, counting saves and failing the first ``failures`` of them."""

    def __init__(self, store: SessionStore, failures: int = 0) -> None:
        self.store = store
        self.saves: list[SessionData] = []
        self.failures = failures

    def save_session(self, data: SessionData) -> Future[SessionSummary | None]:
        self.saves.append(data)
        if self.failures:
            self.failures -= 1
            failed: Future[SessionSummary | None] = Future()
            failed.set_exception(OSError(28, "No space left on device"))
            return failed
        return self.store.save_session(data)


def _saver(counting: CountingStore, **options: Any) -> Autosaver:
    return Autosaver(cast(SessionStore, counting), **options)


def _wait_for(condition: Any, timeout: float) -> float:
    """Seconds until ``condition()`` held; fails after ``timeout``."""
    started = time.monotonic()
    while not condition():
        assert time.monotonic() - started < timeout, "not saved in time"
        time.sleep(0.01)
    return time.monotonic() - started


def _stored(store: SessionStore, session_id: int) -> SessionData:
    data = store.get_session(session_id).result()
    assert data is not None
    return data


def test_a_change_reaches_the_database_within_a_second_without_any_save(
    store: SessionStore,
) -> None:
    data = store.create_session(case_documents()).result()
    saver = Autosaver(store)
    edited = data.with_note(Note.new("autosaved"))
    saver.changed(edited)
    _wait_for(lambda: _stored(store, data.id).notes == edited.notes, WITHIN)
    saver.close()


def test_a_burst_of_changes_is_coalesced_into_few_writes_of_the_latest(
    store: SessionStore,
) -> None:
    data = store.create_session(case_documents()).result()
    counting = CountingStore(store)
    saver = _saver(counting, delay=0.2)
    for i in range(100):
        data = data.with_ui_state(UiState(scroll=(i / 100,)))
        saver.changed(data)
    assert saver.flush()
    assert len(counting.saves) <= 2
    assert _stored(store, data.id).ui_state.scroll == (0.99,)
    saver.close()


def test_a_steady_stream_of_changes_does_not_postpone_saving(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    saver = Autosaver(store)
    first = data.with_note(Note.new("first"))
    stop = threading.Event()

    def keep_typing() -> None:
        current = first
        while not stop.is_set():
            current = current.with_ui_state(UiState(search=f"{time.monotonic()}"))
            saver.changed(current)
            time.sleep(0.02)

    saver.changed(first)
    typist = threading.Thread(target=keep_typing)
    typist.start()
    try:
        _wait_for(lambda: _stored(store, data.id).notes == first.notes, WITHIN)
    finally:
        stop.set()
        typist.join()
    saver.close()


def test_sessions_changed_together_are_each_saved(store: SessionStore) -> None:
    one = store.create_session(case_documents()).result()
    two = store.create_session(case_documents()[1:]).result()
    saver = Autosaver(store)
    saver.changed(one.with_note(Note.new("one")))
    saver.changed(two.with_note(Note.new("two")))
    assert saver.flush()
    assert [n.text for n in _stored(store, one.id).notes] == ["one"]
    assert [n.text for n in _stored(store, two.id).notes] == ["two"]
    saver.close()


def test_flush_writes_at_once_and_reports_the_saved_summary(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    saved: list[SessionSummary] = []
    saver = Autosaver(store, delay=60, on_saved=saved.append)
    saver.changed(data.with_note(Note.new("now")))
    assert saver.pending
    assert saver.flush(timeout=10)
    assert not saver.pending
    assert _stored(store, data.id).notes[0].text == "now"
    _wait_for(lambda: bool(saved), 5)
    assert saved[0].id == data.id and saved[0].note_count == 1
    saver.close()


def test_a_failed_save_is_reported_and_retried(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    counting = CountingStore(store, failures=1)
    errors: list[str] = []
    saver = _saver(counting, delay=0.05, on_error=errors.append)
    edited = data.with_note(Note.new("retry me"))
    saver.changed(edited)
    _wait_for(lambda: _stored(store, data.id).notes == edited.notes, 5)
    assert len(errors) == 1 and "No space left on device" in errors[0]
    assert len(counting.saves) == 2
    saver.close()


def test_discarded_changes_are_not_saved(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    counting = CountingStore(store)
    saver = _saver(counting, delay=60)
    saver.changed(data.with_note(Note.new("never")))
    saver.discard(data.id)
    assert saver.flush()
    assert counting.saves == []
    saver.close()
