"""The store's operations: list, search, rename, duplicate, delete and undo, save, restore the
last session; plain data out, every operation on one thread."""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import closing
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from db.roles import DocumentRole
from desktop.engine.corrections import Correction
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution
from desktop.sessions.data import Note, SessionData, StoredDocument, UiState
from desktop.sessions.store import SessionStore, open_store
from tests.sessions.conftest import CASE_TITLE, case_documents


def _doc(
    text: str, title: str = "", role: DocumentRole = DocumentRole.BACKGROUND
) -> StoredDocument:
    return StoredDocument(role, text, title=title)


def _session(store: SessionStore, title: str, text: str = "Some text.") -> SessionData:
    return store.create_session([_doc(text, title)], single_article=True).result()


def test_the_list_is_most_recently_changed_first(store: SessionStore) -> None:
    first = _session(store, "First")
    second = _session(store, "Second")
    third = _session(store, "Third")
    assert [s.id for s in store.list_sessions().result()] == [third.id, second.id, first.id]
    store.save_session(first.with_note(Note.new("touch"))).result()
    assert [s.id for s in store.list_sessions().result()] == [first.id, third.id, second.id]


def test_moving_around_does_not_reorder_the_list(store: SessionStore) -> None:
    first = _session(store, "First")
    second = _session(store, "Second")
    scrolled = first.with_ui_state(UiState(scroll=(0.8,), search="x"))
    summary = store.save_session(scrolled).result()
    assert summary is not None and summary.updated_at == first.updated_at
    assert [s.id for s in store.list_sessions().result()] == [second.id, first.id]
    loaded = store.get_session(first.id).result()
    assert loaded is not None and loaded.ui_state.scroll == (0.8,)


def test_search_matches_title_document_text_and_notes_in_any_script(store: SessionStore) -> None:
    titled = _session(store, "Quad foreign ministers")
    texted = _session(store, "Call", "Министр обороны заявил о сотрудничестве.")
    noted = _session(store, "Other")
    store.save_session(noted.with_note(Note.new("Follow up with the ÉLYSÉE press office"))).result()
    _session(store, "Unrelated", "Nothing to see.")

    def found(query: str) -> set[int]:
        return {s.id for s in store.list_sessions(query).result()}

    assert found("quad FOREIGN") == {titled.id}
    assert found("МИНИСТР") == {texted.id}
    assert found("élysée") == {noted.id}
    assert found("100%_") == set()
    assert len(found("")) == 4


def test_the_summary_counts_documents_corrections_and_notes(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    comparison = data.compute()
    assert comparison is not None
    data = replace(data, notes=(Note.new("a"), Note.on_sentence(comparison, 1, 0, "b")))
    summary = store.save_session(data).result()
    assert summary is not None
    assert (summary.document_count, summary.correction_count, summary.note_count) == (3, 0, 2)
    assert summary.title == CASE_TITLE


def test_the_default_title_follows_the_official_document_until_renamed(
    store: SessionStore,
) -> None:
    official, article, _ = case_documents()
    data = store.create_session([article]).result()
    assert data.title == "Leaders talk trade — article" and not data.title_is_custom
    data = replace(data, documents=(official, article))
    summary = store.save_session(data).result()
    assert summary is not None and summary.title == CASE_TITLE
    renamed = store.rename_session(data.id, "  My case file ").result()
    assert renamed is not None and renamed.title == "My case file"
    store.save_session(replace(data, documents=(article,))).result()
    loaded = store.get_session(data.id).result()
    assert loaded is not None and loaded.title == "My case file" and loaded.title_is_custom
    back = store.rename_session(data.id, "").result()
    assert back is not None and back.title == "Leaders talk trade — article"
    empty = store.create_session().result()
    assert empty.title == "Untitled session"


def test_duplicate_copies_everything_under_a_new_id(store: SessionStore) -> None:
    data = store.create_session(case_documents()).result()
    data = data.with_note(Note.new("keep me"))
    store.save_session(data).result()
    copy = store.duplicate_session(data.id).result()
    assert copy is not None and copy.id != data.id
    assert copy.title == f"{CASE_TITLE} (copy)"
    assert copy.documents == data.documents and copy.notes == data.notes
    assert len(store.list_sessions().result()) == 2


def test_delete_returns_the_session_and_undo_restores_it_under_its_id(
    store: SessionStore,
) -> None:
    kept = _session(store, "Kept")
    gone = _session(store, "Gone")
    gone = gone.with_note(Note.new("still here after undo"))
    store.save_session(gone).result()
    deleted = store.delete_session(gone.id).result()
    assert deleted is not None and deleted.notes == gone.notes
    assert [s.id for s in store.list_sessions().result()] == [kept.id]
    assert store.delete_session(gone.id).result() is None
    newer = _session(store, "Newer")
    assert newer.id > gone.id  # ids are never reused
    restored = store.restore_session(deleted).result()
    assert restored.id == gone.id
    assert restored.notes == gone.notes and restored.documents == gone.documents


def test_deleting_a_session_leaves_no_rows_behind(store: SessionStore, db_path: Path) -> None:
    data = store.create_session(case_documents()).result()
    comparison = data.compute()
    assert comparison is not None
    correction = Correction.attribution_of(comparison, 1, 0, Attribution.SOURCES)
    data = replace(data, corrections=(correction,), notes=(Note.new("n"),))
    store.save_session(data).result()
    store.delete_session(data.id).result()
    with closing(sqlite3.connect(db_path)) as connection:
        for table in ("sessions", "documents", "corrections", "notes", "ui_state"):
            assert connection.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,), table


def test_an_autosave_after_a_delete_does_not_bring_the_session_back(store: SessionStore) -> None:
    data = _session(store, "Deleted")
    store.delete_session(data.id).result()
    assert store.save_session(data.with_note(Note.new("late"))).result() is None
    assert store.list_sessions().result() == ()


def test_last_session_is_the_one_opened_last(store: SessionStore) -> None:
    assert store.last_session().result() is None
    first = _session(store, "First")
    _session(store, "Second")
    assert store.open_session(first.id).result() is not None
    last = store.last_session().result()
    assert last is not None and last.id == first.id and last.opened_at is not None
    assert store.open_session(12345).result() is None


def test_new_inputs_from_the_window_keep_roles_and_retrieval_times() -> None:
    official, article, counterpart = case_documents()
    now = article.retrieved_at or official.retrieved_at
    assert now is not None
    data = SessionData(1, "t", False, now, now, documents=(official, article, counterpart))
    extra = Document("A new background article.", title="New")
    changed = data.with_inputs(
        official.to_document(), [article.to_document(), counterpart.to_document(), extra]
    )
    assert [d.role for d in changed.documents] == [
        DocumentRole.OFFICIAL,
        DocumentRole.BACKGROUND,
        DocumentRole.COUNTERPART_READOUT,
        DocumentRole.BACKGROUND,
    ]
    assert changed.documents[2].retrieved_at == counterpart.retrieved_at
    assert changed.documents[3].retrieved_at is not None
    swapped = data.with_inputs(article.to_document(), [official.to_document()])
    assert [d.role for d in swapped.documents] == [DocumentRole.OFFICIAL, DocumentRole.BACKGROUND]


def _plain(value: Any, seen: set[int] | None = None) -> Iterator[Any]:
    """Every object reachable through dataclass fields, tuples, lists and dicts."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return
    seen.add(id(value))
    yield value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            yield from _plain(getattr(value, field.name), seen)
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _plain(item, seen)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _plain(key, seen)
            yield from _plain(item, seen)


def test_results_are_plain_data_never_orm_objects(store: SessionStore, tmp_path: Path) -> None:
    data = store.create_session(case_documents()).result()
    results: list[object] = [
        store.list_sessions().result(),
        store.get_session(data.id).result(),
        store.open_session(data.id).result(),
        store.save_session(data).result(),
        store.duplicate_session(data.id).result(),
    ]
    for result in results:
        for value in _plain(result):
            module = type(value).__module__
            assert not module.startswith(("sqlalchemy", "db.models")), type(value)


def test_every_operation_runs_on_one_worker_thread(store: SessionStore) -> None:
    threads: set[str] = set()

    def record(_: Future[Any]) -> None:
        threads.add(threading.current_thread().name)

    futures: list[Future[Any]] = []

    def client(n: int) -> None:
        for i in range(10):
            future = store.create_session([_doc(f"text {n}-{i}")], single_article=True)
            future.add_done_callback(record)
            futures.append(future)

    clients = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in clients:
        thread.start()
    for thread in clients:
        thread.join()
    ids = [f.result().id for f in futures]
    assert len(set(ids)) == 40
    assert len(threads) == 1 and next(iter(threads)).startswith("readout-db")


def test_close_finishes_queued_writes_and_releases_the_database(db_path: Path) -> None:
    opening = open_store(db_path)
    assert opening.store is not None
    store = opening.store
    futures = [store.create_session([_doc(f"n{i}")], single_article=True) for i in range(30)]
    store.close()
    assert all(f.done() for f in futures)
    with pytest.raises(RuntimeError, match="closed"):
        store.list_sessions()
    again = open_store(db_path)
    assert again.store is not None
    with again.store as reopened:
        assert len(reopened.list_sessions().result()) == 30


def test_times_are_aware_utc(store: SessionStore) -> None:
    data = _session(store, "Times")
    before = datetime.now(data.created_at.tzinfo)
    time.sleep(0.01)
    store.save_session(data.with_note(Note.new("n"))).result()
    summary = store.list_sessions().result()[0]
    assert summary.updated_at.utcoffset() is not None
    assert summary.updated_at > before
