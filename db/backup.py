"""Copies of a database made safely: SQLite's online backup API, never a file copy.

A file copy of a database in WAL mode can miss every transaction still in the
``-wal`` file, or catch a page half-written; ``sqlite3.Connection.backup`` reads
through SQLite itself and yields one consistent snapshot. A file SQLite cannot open
at all has no such reader, so it (and its ``-wal``/``-shm`` companions) is renamed
aside instead.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

BACKUP_FOLDER = "backups"
COMPANIONS = ("-wal", "-shm", "-journal")


def backup_target(database: Path, reason: str, *, now: datetime | None = None) -> Path:
    """A new file name in ``backups/`` beside the database: ``readout.corrupt.20250701-120000.sqlite3``."""
    stamp = (now or datetime.now(UTC)).strftime("%Y%m%d-%H%M%S")
    folder = database.parent / BACKUP_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    candidate = folder / f"{database.stem}.{reason}.{stamp}.sqlite3"
    counter = 1
    while candidate.exists():
        counter += 1
        candidate = folder / f"{database.stem}.{reason}.{stamp}-{counter}.sqlite3"
    return candidate


def backup_database(source: Path, destination: Path) -> Path:
    """Copy ``source`` into ``destination`` (a new file) through SQLite's backup API."""
    with (
        closing(sqlite3.connect(source)) as reader,
        closing(sqlite3.connect(destination)) as writer,
    ):
        reader.backup(writer)
    return destination


def backup_to_folder(database: Path, reason: str) -> Path:
    """A backup of ``database`` in its ``backups/`` folder; the file name says why."""
    target = backup_target(database, reason)
    try:
        return backup_database(database, target)
    except BaseException:
        target.unlink(missing_ok=True)
        raise


def move_aside(database: Path, reason: str) -> Path:
    """Rename a file SQLite cannot read (and its companions) into ``backups/``."""
    target = backup_target(database, reason)
    database.rename(target)
    for suffix in COMPANIONS:
        companion = database.with_name(database.name + suffix)
        if companion.exists():
            companion.rename(target.with_name(target.name + suffix))
    return target


def remove_database(database: Path) -> None:
    """Delete a database file and its companions (only once a backup exists)."""
    for path in (database, *(database.with_name(database.name + s) for s in COMPANIONS)):
        path.unlink(missing_ok=True)
