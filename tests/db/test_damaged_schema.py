"""A database missing part of its schema, or on read-only media: said in one line, no traceback."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

from db.opening import OpenStatus, open_database
from desktop.sessions.store import open_store
from tests.conftest import SmallFilesystem
from tests.sessions.conftest import case_documents

ROOT = Path(__file__).resolve().parents[2]


def _database_with_a_session(path: Path) -> int:
    opening = open_store(path)
    assert opening.store is not None
    with opening.store as store:
        return store.create_session(case_documents()).result().id


def _drop(path: Path, table: str) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(f"DROP TABLE {table}")
        connection.commit()


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "desktop", "sessions", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_dropped_table_is_damage_the_cli_reports_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    _database_with_a_session(path)
    _drop(path, "notes")
    for command in (["list"], ["show", "1"]):
        done = _cli(*command, "--db", str(path))
        assert done.returncode == 2
        assert done.stdout == ""
        assert (
            done.stderr
            == f"readout: The sessions database {path} is damaged; it was left untouched.\n"
        )


def test_the_window_backs_a_damaged_schema_up_and_starts_fresh(tmp_path: Path) -> None:
    path = tmp_path / "sessions.sqlite3"
    _database_with_a_session(path)
    _drop(path, "ui_state")
    opened = open_database(path, recover=True)
    try:
        assert opened.status is OpenStatus.CORRUPT
        assert opened.backup_path is not None and opened.backup_path.exists()
        with closing(sqlite3.connect(opened.backup_path)) as backup:
            assert backup.execute("SELECT count(*) FROM sessions").fetchone() == (1,)
    finally:
        opened.close()
    opening = open_store(path)
    assert opening.store is not None
    with opening.store as store:
        assert store.list_sessions().result() == ()


def test_a_database_on_read_only_media_is_listed_and_shown(
    small_filesystem: SmallFilesystem,
) -> None:
    path = small_filesystem.root / "sessions.sqlite3"
    session_id = _database_with_a_session(path)
    small_filesystem.read_only()
    listed = _cli("list", "--db", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "Readout of the call" in listed.stdout
    assert "is read-only" in listed.stderr
    shown = _cli("show", str(session_id), "--json", "--db", str(path))
    assert shown.returncode == 0, shown.stderr
    deleted = _cli("delete", str(session_id), "--db", str(path))
    assert deleted.returncode == 2
    assert (
        deleted.stderr.splitlines()[-1]
        == "readout: deleting failed: the sessions database is read-only"
    )
    assert "Traceback" not in deleted.stderr
