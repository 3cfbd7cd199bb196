"""kill -9 in the middle of edits, and a second Readout on the same database, in real processes."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path

from db.opening import OpenStatus, open_database
from db.roles import DocumentRole
from desktop.sessions.data import StoredDocument
from desktop.sessions.store import open_store

ROOT = Path(__file__).resolve().parents[2]
LOSS_BOUND = 1.0  # seconds of work a kill may lose


@contextmanager
def _writer(*args: str) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.sessions.writer", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def _line(process: subprocess.Popen[str]) -> str:
    assert process.stdout is not None
    line = process.stdout.readline()
    assert line, f"the writer exited early (status {process.poll()})"
    return line.strip()


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("PRAGMA integrity_check").fetchone()[0])


def _uncommitted_wal_frames(path: Path) -> int:
    """Frames of the current WAL generation after its last commit: a transaction cut off."""
    companion = path.with_name(path.name + "-wal")
    if not companion.exists():  # the last connection checkpointed it and took it away
        return 0
    wal = companion.read_bytes()
    (page_size,) = struct.unpack(">I", wal[8:12])
    salt = wal[16:24]
    valid = committed = 0
    for offset in range(32, len(wal) - 24 - page_size + 1, 24 + page_size):
        if wal[offset + 8 : offset + 16] != salt:
            break
        valid += 1
        if struct.unpack(">I", wal[offset + 4 : offset + 8])[0]:
            committed = valid
    return valid - committed


def _saved_edit(connection: sqlite3.Connection, session_id: int) -> int:
    row = connection.execute(
        "SELECT text FROM notes WHERE session_id = ?", (session_id,)
    ).fetchone()
    return int(str(row[0]).split()[1]) if row else 0


def _kill_during_edits(
    db_path: Path,
    *,
    after: float,
    repeat: int,
    stall: bool,
    beside: Callable[[threading.Event], None] | None = None,
) -> int:
    """Run the writer for ``after`` seconds of edits (then, with ``stall``, until a save
    stops before its commit), kill -9 it, check what survived; return the WAL frames the
    kill cut off."""
    edits: list[tuple[int, float]] = []
    args = ["edit", str(db_path), str(repeat)] + ([str(after)] if stall else [])
    stop = threading.Event()
    with _writer(*args) as process, ExitStack() as others:
        session_id = int(_line(process).split()[1])
        # The other writer starts once the window-like writer is up and editing.
        others.enter_context(_beside(beside, stop))
        started = next_check = time.monotonic()
        checks = 0
        with closing(sqlite3.connect(db_path)) as reader:
            while True:
                line = _line(process)
                if line == "stalled":
                    break
                number, moment = line.split()
                edits.append((int(number), float(moment)))
                now = time.monotonic()
                if now >= next_check:
                    # While it runs, too: every edit older than the bound is in the database.
                    due = max((n for n, m in edits if m <= now - LOSS_BOUND), default=0)
                    assert _saved_edit(reader, session_id) >= due, f"edit {due} not saved"
                    checks += 1
                    next_check = now + 0.05
                if not stall and now - started > after:
                    break
        assert checks >= 10
        stop.set()
        os.kill(process.pid, signal.SIGKILL)
        killed_at = time.monotonic()
        process.wait(timeout=30)
        assert process.stdout is not None
        for rest in process.stdout.read().splitlines():
            number, moment = rest.split()
            edits.append((int(number), float(moment)))

    cut_off = _uncommitted_wal_frames(db_path)
    assert _integrity(db_path) == "ok"
    # The window's lock died with the process: a new window opens the database.
    opening = open_store(db_path)
    assert opening.status is OpenStatus.READY, opening.message
    assert opening.store is not None
    with opening.store as store:
        data = store.get_session(session_id).result()
    assert data is not None
    saved = int(data.notes[0].text.split()[1])
    with closing(sqlite3.connect(db_path)) as connection:
        assert _saved_edit(connection, session_id) == saved
    # One transaction per save: the document and the note are from the same edit.
    assert data.documents[1].text.endswith(f"edit {saved}")
    must_have = max((n for n, moment in edits if moment <= killed_at - LOSS_BOUND), default=0)
    assert must_have > 0, "the writer should have run for more than the loss bound"
    assert must_have <= saved <= edits[-1][0]
    with closing(sqlite3.connect(db_path)) as connection:
        for text, digest in connection.execute("SELECT text, sha256 FROM documents"):
            assert hashlib.sha256(text.encode("utf-8")).hexdigest() == digest
    return cut_off


@contextmanager
def _beside(
    work: Callable[[threading.Event], None] | None, stop: threading.Event
) -> Iterator[None]:
    """Run ``work`` (another writer) on a thread while the edits go on."""
    if work is None:
        yield
        return
    failures: list[BaseException] = []

    def run() -> None:
        try:
            work(stop)
        except BaseException as error:
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(60)
    assert not failures, failures


def _large_archive(folder: Path) -> Path:
    """A .readout of three documents of 100,000 characters each."""
    opening = open_store(folder / "source.sqlite3")
    assert opening.store is not None
    with opening.store as store:
        documents = [
            StoredDocument(DocumentRole.BACKGROUND, f"Article {n}. " + "word " * 20_000)
            for n in range(3)
        ]
        data = store.create_session(documents, single_article=False).result()
        return store.export_session(data.id, folder / "large.readout").result()


def test_kill_9_loses_at_most_the_last_second_beside_imports(tmp_path: Path) -> None:
    """Another process importing .readout files again and again beside the window: each is
    unzipped and checked outside its write transaction, so the window's saves wait for
    an insert, not for the unzipping (test_busy_database checks that directly)."""
    archive = _large_archive(tmp_path)
    db_path = tmp_path / "beside.sqlite3"
    open_database(db_path).close()
    imported: list[int] = []

    def imports(stop: threading.Event) -> None:
        opening = open_store(db_path, exclusive=False)
        assert opening.store is not None
        with opening.store as store:
            while not stop.wait(0.1):
                imported.append(store.import_session(archive).result().id)

    _kill_during_edits(db_path, after=3.0, repeat=3000, stall=False, beside=imports)
    assert len(imported) >= 2


def test_kill_9_between_saves_loses_at_most_the_last_second(tmp_path: Path) -> None:
    _kill_during_edits(tmp_path / "between.sqlite3", after=2.3, repeat=3000, stall=False)


def test_kill_9_in_the_middle_of_a_save_keeps_the_previous_save_whole(tmp_path: Path) -> None:
    """A 3 MB document overflows SQLite's page cache, so the save writes WAL frames before
    it commits; killed there, those frames are on disk without a commit and are ignored."""
    cut_off = _kill_during_edits(tmp_path / "mid.sqlite3", after=1.6, repeat=45_000, stall=True)
    assert cut_off > 0


def test_a_second_window_is_told_the_database_is_in_use(db_path: Path) -> None:
    with _writer("hold", str(db_path), "0") as holder:
        line = _line(holder)
        assert line.startswith("holding")
        pid = line.split()[1]
        opening = open_store(db_path)
        assert opening.store is None
        assert opening.status is OpenStatus.IN_USE
        assert opening.message is not None
        assert "in use by another Readout window" in opening.message
        assert f"process {pid}" in opening.message
        assert "--db" in opening.message
        assert _line(holder) == "done"
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    opening = open_store(db_path)
    assert opening.status is OpenStatus.READY and opening.store is not None
    opening.store.close()


def test_the_cli_writes_safely_beside_a_window_that_is_writing(db_path: Path) -> None:
    open_database(db_path).close()
    with _writer("hold", str(db_path), "150") as holder:
        assert _line(holder).startswith("holding")
        opening = open_store(db_path, exclusive=False)
        assert opening.store is not None, opening.message
        with opening.store as store:
            for i in range(150):
                document = StoredDocument(DocumentRole.BACKGROUND, f"CLI article {i}.")
                store.create_session([document], single_article=True).result()
        assert _line(holder) == "done"
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    assert _integrity(db_path) == "ok"
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        titles = [s.title for s in store.list_sessions().result()]
    assert len(titles) == 300
    assert sum(t.startswith("held") for t in titles) == 150
