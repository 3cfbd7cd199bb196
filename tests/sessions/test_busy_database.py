"""Another writer on the database: our write transactions stay short, a busy database is
waited for, tried again and then reported in words, never as a traceback."""

from __future__ import annotations

import sqlite3
import threading
import time
from contextlib import closing
from pathlib import Path

import pytest

from db import engine as db_engine
from desktop.sessions import store as store_module
from desktop.sessions.archive import read_archive
from desktop.sessions.data import SessionData
from desktop.sessions.store import SessionStore, StoreError, open_store
from desktop.sessions_cli import sessions_command
from tests.sessions.conftest import case_documents


def _can_take_the_write_lock(db_path: Path) -> bool:
    with closing(sqlite3.connect(db_path, timeout=0.2, isolation_level=None)) as other:
        try:
            other.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError:
            return False
        other.execute("ROLLBACK")
        return True


def test_an_import_unzips_and_checks_the_file_before_its_write_transaction(
    store: SessionStore, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = store.create_session(case_documents()).result()
    path = store.export_session(data.id, tmp_path / "case.readout").result()
    reading = threading.Event()
    lock_free: list[bool] = []

    def slow_read(target: Path) -> SessionData:
        reading.set()
        lock_free.append(_can_take_the_write_lock(db_path))  # another process, meanwhile
        time.sleep(0.3)
        return read_archive(target)

    monkeypatch.setattr(store_module, "read_archive", slow_read)
    imported = store.import_session(path)
    assert reading.wait(5)
    # The window's autosave goes ahead while the file is being read.
    save = store.save_session(data.with_corrections(()))
    assert save.result(timeout=5) is not None
    assert not imported.done()
    assert imported.result(timeout=10).title == data.title
    assert lock_free == [True]


@pytest.fixture
def impatient(monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite waits 0.2 s for a lock instead of 10 s, and the store retries quickly."""
    monkeypatch.setattr(db_engine, "BUSY_TIMEOUT_MS", 200)
    monkeypatch.setattr(store_module, "BUSY_PAUSE_S", 0.05)


def test_a_write_lock_held_elsewhere_is_a_store_error_in_words(
    db_path: Path, impatient: None
) -> None:
    opening = open_store(db_path, exclusive=False)
    assert opening.store is not None
    with opening.store as store, closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        started = time.monotonic()
        with pytest.raises(StoreError) as caught:
            store.create_session(case_documents()).result()
        assert time.monotonic() - started >= 3 * 0.2  # tried, then tried again twice
        assert (
            str(caught.value) == "the sessions database is busy (another program is writing to it)"
        )
        assert caught.value.transient
        other.execute("ROLLBACK")
        assert store.create_session(case_documents()).result().id > 0


def test_a_busy_database_is_one_line_from_the_cli(
    db_path: Path, tmp_path: Path, impatient: None, capsys: pytest.CaptureFixture[str]
) -> None:
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        data = store.create_session(case_documents()).result()
        path = store.export_session(data.id, tmp_path / "case.readout").result()
    with closing(sqlite3.connect(db_path, isolation_level=None)) as other:
        other.execute("BEGIN IMMEDIATE")
        status = sessions_command(["import", str(path), "--db", str(db_path)])
        other.execute("ROLLBACK")
    out, err = capsys.readouterr()
    assert status == 2 and out == ""
    assert err == (
        f"readout: could not import {path}: the sessions database is busy "
        "(another program is writing to it)\n"
    )
