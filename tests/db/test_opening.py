"""Opening at startup: pragmas, and what happens to damaged, newer, foreign and unreadable files."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from db.opening import OpenedDatabase, OpenStatus, open_database
from db.schema import head_revision
from desktop.sessions.bench import populate


def _open(path: Path, *, recover: bool = True) -> OpenedDatabase:
    return open_database(path, recover=recover)


def _session_count(path: Path) -> int:
    with closing(sqlite3.connect(path)) as connection:
        return int(connection.execute("SELECT count(*) FROM sessions").fetchone()[0])


def _version(path: Path) -> str:
    with closing(sqlite3.connect(path)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def _assert_fresh_and_usable(opened: OpenedDatabase) -> None:
    assert opened.status.usable and opened.engine is not None
    assert opened.revision == head_revision()
    assert _version(opened.path) == head_revision()
    assert _session_count(opened.path) == 0


def _assert_one_clear_message(opened: OpenedDatabase, *words: str) -> None:
    assert opened.message is not None
    assert "\n" not in opened.message
    assert opened.backup_path is not None and str(opened.backup_path) in opened.message
    for word in words:
        assert word in opened.message


def _with_sessions(path: Path, count: int = 3) -> Path:
    open_database(path).close()
    populate(path, count)
    return path


def test_connections_use_wal_foreign_keys_a_busy_timeout_and_full_sync(db_path: Path) -> None:
    opened = _open(db_path)
    try:
        assert opened.status is OpenStatus.CREATED
        assert opened.engine is not None
        with opened.engine.connect() as connection:
            pragma = {
                name: connection.execute(text(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "foreign_keys", "busy_timeout", "synchronous")
            }
    finally:
        opened.close()
    assert pragma == {
        "journal_mode": "wal",
        "foreign_keys": 1,
        "busy_timeout": 10000,
        "synchronous": 2,
    }


def test_reopening_a_good_database_changes_nothing_and_says_nothing(db_path: Path) -> None:
    _with_sessions(db_path)
    opened = _open(db_path)
    opened.close()
    assert opened.status is OpenStatus.READY
    assert opened.message is None and opened.backup_path is None
    assert not (db_path.parent / "backups").exists()
    assert _session_count(db_path) == 3


def test_a_file_sqlite_cannot_read_is_moved_aside_and_a_fresh_database_started(
    db_path: Path,
) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = b"this is not a database, it is a shopping list\n" * 200
    db_path.write_bytes(garbage)
    opened = _open(db_path)
    try:
        assert opened.status is OpenStatus.UNREADABLE
        _assert_one_clear_message(opened, "could not be read", "moved")
        _assert_fresh_and_usable(opened)
    finally:
        opened.close()
    assert opened.backup_path is not None
    assert opened.backup_path.read_bytes() == garbage


def _damage_documents_table(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        (root,) = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'documents'"
        ).fetchone()
        (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    data = bytearray(path.read_bytes())
    offset = (root - 1) * page_size
    data[offset : offset + page_size] = bytes([13]) + bytes(i % 251 for i in range(page_size - 1))
    path.write_bytes(bytes(data))


def test_a_damaged_database_is_backed_up_through_sqlite_and_a_fresh_one_started(
    db_path: Path,
) -> None:
    _with_sessions(db_path, 20)
    _damage_documents_table(db_path)
    opened = _open(db_path)
    try:
        assert opened.status is OpenStatus.CORRUPT
        _assert_one_clear_message(opened, "damaged")
        _assert_fresh_and_usable(opened)
    finally:
        opened.close()
    assert opened.backup_path is not None
    # The backup is the damaged database itself, readable where it is not damaged.
    assert _session_count(opened.backup_path) == 20
    with closing(sqlite3.connect(opened.backup_path)) as backup:
        assert backup.execute("PRAGMA quick_check").fetchone()[0] != "ok"


def _stamp_newer_revision(path: Path, connection: sqlite3.Connection | None = None) -> None:
    own = connection is None
    connection = connection or sqlite3.connect(path)
    try:
        connection.execute("UPDATE alembic_version SET version_num = '9f00_from_the_future'")
        connection.commit()
    finally:
        if own:
            connection.close()


def test_a_database_from_a_newer_readout_is_backed_up_and_a_fresh_one_started(
    db_path: Path,
) -> None:
    _with_sessions(db_path)
    _stamp_newer_revision(db_path)
    opened = _open(db_path)
    try:
        assert opened.status is OpenStatus.NEWER
        _assert_one_clear_message(opened, "newer version of Readout", "9f00_from_the_future")
        _assert_fresh_and_usable(opened)
    finally:
        opened.close()
    assert opened.backup_path is not None
    assert _version(opened.backup_path) == "9f00_from_the_future"
    assert _session_count(opened.backup_path) == 3


def test_the_backup_includes_transactions_still_in_the_wal_file(db_path: Path) -> None:
    """A file copy of the main file would miss them; the backup API does not."""
    _with_sessions(db_path)
    other = sqlite3.connect(db_path)  # another process's connection, still open
    try:
        other.execute("PRAGMA wal_autocheckpoint = 0")
        _stamp_newer_revision(db_path, other)
        other.execute(
            "INSERT INTO sessions (title, title_is_custom, single_article, created_at, "
            "updated_at) SELECT title, 1, 0, created_at, updated_at FROM sessions"
        )
        other.commit()
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.stat().st_size > 0
        main_file_only = db_path.with_name("copy-of-main-file.sqlite3")
        shutil.copyfile(db_path, main_file_only)
        assert _version(main_file_only) == head_revision()  # what a file copy would have kept

        opened = _open(db_path)
        opened.close()
    finally:
        other.close()
    assert opened.status is OpenStatus.NEWER
    assert opened.backup_path is not None
    assert _version(opened.backup_path) == "9f00_from_the_future"
    assert _session_count(opened.backup_path) == 6


def test_an_sqlite_file_of_another_program_is_backed_up_not_used(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("CREATE TABLE recipes (name TEXT)")
        connection.execute("INSERT INTO recipes VALUES ('dal')")
        connection.commit()
    opened = _open(db_path)
    try:
        assert opened.status is OpenStatus.FOREIGN
        _assert_one_clear_message(opened, "not a Readout database")
        _assert_fresh_and_usable(opened)
    finally:
        opened.close()
    assert opened.backup_path is not None
    with closing(sqlite3.connect(opened.backup_path)) as backup:
        assert backup.execute("SELECT name FROM recipes").fetchall() == [("dal",)]


@pytest.mark.parametrize("damage", ["newer", "garbage"])
def test_without_recover_a_bad_file_is_reported_and_left_untouched(
    db_path: Path, damage: str
) -> None:
    if damage == "newer":
        _with_sessions(db_path)
        _stamp_newer_revision(db_path)
    else:
        db_path.parent.mkdir(parents=True)
        db_path.write_bytes(b"\x00garbage" * 100)
    before = db_path.read_bytes()
    opened = _open(db_path, recover=False)
    assert opened.status is OpenStatus.FAILED
    assert opened.engine is None
    assert opened.message is not None and "left untouched" in opened.message
    assert db_path.read_bytes() == before
    assert not (db_path.parent / "backups").exists()


def test_a_path_it_cannot_create_gives_a_message_not_a_crash(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("a file where a folder should be", encoding="utf-8")
    opened = _open(not_a_folder / "sessions.sqlite3")
    assert opened.status is OpenStatus.FAILED
    assert opened.engine is None
    assert opened.message is not None
    assert "cannot open the sessions database" in opened.message.lower()


def test_a_folder_at_the_database_path_is_reported_not_moved(tmp_path: Path) -> None:
    folder = tmp_path / "sessions.sqlite3"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    opened = _open(folder)
    assert opened.status is OpenStatus.FAILED
    assert opened.message is not None and "it is a folder" in opened.message
    assert (folder / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_stores_opened_on_several_threads_at_once_all_migrate(tmp_path: Path) -> None:
    """Alembic's context is process-wide: concurrent upgrades must take turns."""
    from concurrent.futures import ThreadPoolExecutor

    from db.schema import upgrade

    paths = [tmp_path / f"db{i}.sqlite3" for i in range(4)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(upgrade, paths))
    import sqlite3

    for path in paths:
        with sqlite3.connect(path) as connection:
            tables = {row[0] for row in connection.execute("select name from sqlite_master")}
        assert "sessions" in tables
