"""Opening the sessions database at startup: never crash, never lose a file, say what happened.

:func:`open_database` returns an :class:`OpenedDatabase` whatever it finds:

- no file → a new database at the head revision;
- an older Readout schema → a backup through SQLite's backup API, then the migrations;
- damage, a schema from a newer Readout, or an SQLite file that is not Readout's →
  a backup (a file SQLite cannot open at all is renamed aside instead), a fresh
  database in its place, and one message for the user naming the backup;
- a database another Readout window holds → no engine and a message saying so.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
from dataclasses import dataclass, field, replace
from enum import StrEnum
from pathlib import Path

from alembic.util import CommandError
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from db.backup import backup_to_folder, move_aside, remove_database
from db.engine import make_engine
from db.errors import describe
from db.lock import DatabaseLock
from db.schema import (
    FileState,
    MigrationError,
    Probe,
    head_revision,
    is_known_revision,
    missing_schema,
    probe,
    upgrade,
)

log = logging.getLogger(__name__)


class OpenStatus(StrEnum):
    CREATED = "created"
    READY = "ready"
    MIGRATED = "migrated"
    CORRUPT = "corrupt"  # damaged: backed up, started fresh
    UNREADABLE = "unreadable"  # not readable by SQLite at all: moved aside, started fresh
    NEWER = "newer"  # from a newer Readout: backed up, started fresh
    FOREIGN = "foreign"  # another program's SQLite file: backed up, started fresh
    IN_USE = "in_use"  # another Readout holds it: not opened
    FAILED = "failed"  # the file system refused: not opened

    @property
    def usable(self) -> bool:
        return self not in (OpenStatus.IN_USE, OpenStatus.FAILED)

    @property
    def recovered(self) -> bool:
        return self in (
            OpenStatus.CORRUPT,
            OpenStatus.UNREADABLE,
            OpenStatus.NEWER,
            OpenStatus.FOREIGN,
        )


@dataclass
class OpenedDatabase:
    """The outcome of opening. ``message`` is the one line to show the user (None when all
    is well); ``engine`` is None unless ``status.usable``."""

    path: Path
    status: OpenStatus
    engine: Engine | None = None
    message: str | None = None
    backup_path: Path | None = None
    revision: str | None = None
    lock: DatabaseLock | None = field(default=None, repr=False)

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None


def open_database(
    path: Path,
    *,
    exclusive: bool = False,
    recover: bool = True,
    script_location: Path | None = None,
) -> OpenedDatabase:
    """Open (creating, migrating or recovering as needed) the database at ``path``.

    ``exclusive``: hold the instance lock until :meth:`OpenedDatabase.close` (the
    window does; a second window then gets ``IN_USE``). Without it (the CLI), the lock
    is taken only while the schema changes. ``recover=False`` reports damage, a newer
    schema or a foreign file without touching the file.
    """
    path = Path(path).expanduser().absolute()
    lock = DatabaseLock(path)
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, "it is a folder, not a file", str(path))
        if read_only_location(path):
            return _open_read_only(path, script_location)
        path.parent.mkdir(parents=True, exist_ok=True)
        if exclusive and not lock.acquire():
            return OpenedDatabase(path, OpenStatus.IN_USE, message=_in_use(path, lock))
        opened = ensure_schema(path, lock=lock, recover=recover, script_location=script_location)
        if opened.status.usable:
            opened.engine = make_engine(path)
        if exclusive and opened.status.usable:
            opened.lock = lock
        else:
            lock.release()
        return opened
    except (OSError, sqlite3.Error, SQLAlchemyError, CommandError, MigrationError) as error:
        lock.release()
        log.info("cannot open the sessions database %s", path, exc_info=True)
        return OpenedDatabase(
            path,
            OpenStatus.FAILED,
            message=f"Cannot open the sessions database {path}: {_reason(error, path)}.",
        )


def read_only_location(path: Path) -> bool:
    """Whether an existing database sits where nothing may be written (read-only media,
    a folder or file without write permission)."""
    if not path.is_file():
        return False
    return not (os.access(path, os.W_OK) and os.access(path.parent, os.W_OK))


def _open_read_only(path: Path, script_location: Path | None) -> OpenedDatabase:
    """A database that can only be read: list and show its sessions, save nothing.

    SQLite cannot read a WAL database without writing its ``-shm`` file beside it,
    unless told the file cannot change (``immutable``), which on such media it cannot.
    """
    found = probe(path, read_only=True)
    head = head_revision(script_location)
    action = _action(_with_missing(found, head, script_location, read_only=True), head, None)
    if action is not OpenStatus.READY:
        what = "needs upgrading" if action is OpenStatus.MIGRATED else _unrecovered_what(action)
        return OpenedDatabase(
            path,
            OpenStatus.FAILED,
            message=f"The sessions database {path} is read-only and {what}; it was left untouched.",
        )
    return OpenedDatabase(
        path,
        OpenStatus.READY,
        engine=make_engine(path, read_only=True),
        message=f"The sessions database {path} is read-only: sessions can be listed and "
        "opened, but changes are not saved.",
        revision=head,
    )


def ensure_schema(
    path: Path,
    *,
    lock: DatabaseLock | None = None,
    recover: bool = True,
    script_location: Path | None = None,
) -> OpenedDatabase:
    """Bring the file at ``path`` to the head revision (see the module docstring).

    Anything that changes the file runs under ``lock`` (taken here when not held
    already); an unchanged database at head needs no lock.
    """
    lock = lock or DatabaseLock(path)
    head = head_revision(script_location)
    found = _with_missing(probe(path), head, script_location)
    action = _action(found, head, script_location)
    if action is OpenStatus.READY:
        return OpenedDatabase(path, action, revision=head)
    if action.recovered and not recover:
        return OpenedDatabase(path, OpenStatus.FAILED, message=_unrecovered(path, action, found))
    took_lock = not lock.held
    if took_lock and not lock.acquire():
        return OpenedDatabase(path, OpenStatus.IN_USE, message=_in_use(path, lock))
    try:
        # Again, now that nobody else can be changing it.
        found = _with_missing(probe(path), head, script_location)
        return _change_schema(
            path, found, _action(found, head, script_location), recover, head, script_location
        )
    finally:
        if took_lock:
            lock.release()


def _with_missing(
    found: Probe, head: str, script_location: Path | None, *, read_only: bool = False
) -> Probe:
    """``found`` with what the head schema lacks, when it claims to be at head."""
    if found.state is not FileState.READOUT or found.revision != head or script_location:
        return found
    missing = tuple(missing_schema(found.path, read_only=read_only)) if found.path else ()
    if not missing:
        return found
    return replace(found, missing=missing, detail="missing: " + ", ".join(missing[:5]))


def _action(found: Probe, head: str, script_location: Path | None) -> OpenStatus:
    """What opening ``found`` takes: nothing, creating, migrating, or recovering (and why)."""
    if found.state in (FileState.MISSING, FileState.EMPTY):
        return OpenStatus.CREATED
    if found.state is FileState.FOREIGN:
        return OpenStatus.FOREIGN
    if found.state is FileState.CORRUPT or found.revision is None:
        return OpenStatus.CORRUPT
    if found.revision == head:
        return OpenStatus.CORRUPT if found.missing else OpenStatus.READY
    if is_known_revision(found.revision, script_location):
        return OpenStatus.MIGRATED
    return OpenStatus.NEWER


def _change_schema(
    path: Path,
    found: Probe,
    action: OpenStatus,
    recover: bool,
    head: str,
    script_location: Path | None,
) -> OpenedDatabase:
    if action is OpenStatus.READY:
        return OpenedDatabase(path, action, revision=head)
    if action is OpenStatus.CREATED:
        upgrade(path, script_location=script_location)
        return OpenedDatabase(path, action, revision=head)
    if action is OpenStatus.MIGRATED:
        backup = backup_to_folder(path, f"before-{head}")
        upgrade(path, script_location=script_location)
        log.info("migrated %s from %s to %s (backup %s)", path, found.revision, head, backup)
        return OpenedDatabase(path, action, backup_path=backup, revision=head)
    if not recover:
        return OpenedDatabase(path, OpenStatus.FAILED, message=_unrecovered(path, action, found))
    backup, status = _set_aside(path, action)
    upgrade(path, script_location=script_location)
    detail = " ".join(found.detail.split())[:200]
    log.warning("%s: %s (%s); started fresh, backup %s", path, status, detail, backup)
    return OpenedDatabase(
        path,
        status,
        message=_recovered(status, found, backup),
        backup_path=backup,
        revision=head,
    )


def _set_aside(path: Path, status: OpenStatus) -> tuple[Path, OpenStatus]:
    try:
        backup = backup_to_folder(path, status.value)
    except sqlite3.Error:
        return move_aside(path, OpenStatus.UNREADABLE.value), OpenStatus.UNREADABLE
    remove_database(path)
    return backup, status


def _recovered(status: OpenStatus, found: Probe, backup: Path) -> str:
    if status is OpenStatus.NEWER:
        return (
            f"Your sessions database was saved by a newer version of Readout (schema "
            f"{found.revision}), which this version cannot read, so Readout started a new, "
            f"empty one. Nothing was lost: the old database is at {backup} — open it with "
            "the newer Readout."
        )
    if status is OpenStatus.FOREIGN:
        return (
            "The sessions database file is not a Readout database, so Readout started a new, "
            f"empty one. The file was backed up to {backup}."
        )
    if status is OpenStatus.UNREADABLE:
        return (
            "Your sessions database could not be read at all (it is damaged or not a "
            "database), so Readout started a new, empty one. The unreadable file was moved "
            f"to {backup}."
        )
    return (
        "Your sessions database is damaged, so Readout started a new, empty one. A copy of "
        f"the damaged database was saved to {backup}; sessions may be recoverable from it."
    )


def _unrecovered(path: Path, status: OpenStatus, found: Probe) -> str:
    what = {
        OpenStatus.NEWER: f"was saved by a newer version of Readout (schema {found.revision})",
        OpenStatus.FOREIGN: "is not a Readout database",
    }.get(status, "is damaged")
    return f"The sessions database {path} {what}; it was left untouched."


def _unrecovered_what(status: OpenStatus) -> str:
    return {
        OpenStatus.NEWER: "was saved by a newer version of Readout",
        OpenStatus.FOREIGN: "is not a Readout database",
    }.get(status, "is damaged")


def _in_use(path: Path, lock: DatabaseLock) -> str:
    holder = lock.holder()
    by = f" ({holder})" if holder else ""
    return (
        f"The sessions database {path} is in use by another Readout window{by}. Close that "
        "window, or start Readout with --db PATH to use a different database."
    )


def _reason(error: BaseException, path: Path | None = None) -> str:
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    if isinstance(error, sqlite3.Error | SQLAlchemyError):
        return describe(error, path)  # never the SQL statement
    return str(error) or type(error).__name__
