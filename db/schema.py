"""What is in a database file, and bringing its schema to our head revision with Alembic.

:func:`probe` looks at a file with the plain ``sqlite3`` module (no pragmas that
write) and says what it is: missing, empty, corrupt, not ours, or a Readout
database at some Alembic revision. :func:`upgrade` runs the shipped migrations.
"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from dataclasses import dataclass
from enum import StrEnum
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util import CommandError

from db.engine import BUSY_TIMEOUT_MS, make_engine, write_options

# Alembic reads the revisions as source files, so they are package data of ``db`` on disk
# (a wheel unpacked by pip, the bundle's _internal/db/migrations/).
MIGRATIONS = Path(str(resources.files("db").joinpath("migrations")))
VERSION_TABLE = "alembic_version"
DAMAGE_ERRORS = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})


class FileState(StrEnum):
    MISSING = "missing"  # no file, or a zero-byte one
    EMPTY = "empty"  # an SQLite file without tables
    READOUT = "readout"  # has our version table
    FOREIGN = "foreign"  # an SQLite database, but not a Readout one
    CORRUPT = "corrupt"  # SQLite reports damage, or cannot read it at all


@dataclass(frozen=True)
class Probe:
    state: FileState
    revision: str | None = None
    detail: str = ""
    path: Path | None = None
    missing: tuple[str, ...] = ()  # of the head schema; set by db.opening


class MigrationError(RuntimeError):
    """A migration left the database inconsistent; it was rolled back."""


def alembic_config(script_location: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location or MIGRATIONS))
    return config


def scripts(script_location: Path | None = None) -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config(script_location))


def head_revision(script_location: Path | None = None) -> str:
    head = scripts(script_location).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def is_known_revision(revision: str, script_location: Path | None = None) -> bool:
    try:
        return scripts(script_location).get_revision(revision) is not None
    except CommandError:
        return False


def connect_for_reading(path: Path, *, read_only: bool = False) -> sqlite3.Connection:
    """A plain connection; ``read_only`` for read-only media, where SQLite must be told
    the file cannot change (``immutable``) to read a WAL database without its -shm."""
    if read_only:
        uri = f"{path.absolute().as_uri()}?immutable=1"
        return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def probe(path: Path, *, read_only: bool = False) -> Probe:
    """What the file at ``path`` is, read without changing it."""
    if not _has_content(path):
        return Probe(FileState.MISSING)
    try:
        with closing(connect_for_reading(path, read_only=read_only)) as connection:
            rows = connection.execute("PRAGMA quick_check").fetchall()
            if [tuple(row) for row in rows] != [("ok",)]:
                detail = "; ".join(str(row[0]) for row in rows[:3])
                return Probe(FileState.CORRUPT, detail=detail)
            tables = {
                str(row[0])
                for row in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' "
                    "AND name NOT LIKE 'sqlite_%'"
                )
            }
            if not tables:
                return Probe(FileState.EMPTY)
            if VERSION_TABLE not in tables:
                return Probe(FileState.FOREIGN, detail=", ".join(sorted(tables)))
            versions = connection.execute(f"SELECT version_num FROM {VERSION_TABLE}").fetchall()
    except sqlite3.DatabaseError as error:
        # Only damage is the file's fault; "unable to open", "locked", I/O errors are not.
        if getattr(error, "sqlite_errorname", "") not in DAMAGE_ERRORS:
            raise
        return Probe(FileState.CORRUPT, detail=str(error))
    if not versions:
        return Probe(FileState.EMPTY if tables == {VERSION_TABLE} else FileState.FOREIGN)
    if len(versions) > 1:
        revisions = ",".join(sorted(str(v[0]) for v in versions))
        return Probe(FileState.READOUT, revision=revisions, path=path)
    return Probe(FileState.READOUT, revision=str(versions[0][0]), path=path)


def missing_schema(path: Path, *, read_only: bool = False) -> list[str]:
    """Tables and columns of the head schema that the file lacks (a table dropped by hand
    or by another tool): ``["notes", "sessions.title"]``. Read-only, like :func:`probe`."""
    from db.models import Base

    missing: list[str] = []
    with closing(connect_for_reading(path, read_only=read_only)) as connection:
        for name, table in Base.metadata.tables.items():
            found = {str(row[1]) for row in connection.execute(f'PRAGMA table_info("{name}")')}
            if not found:
                missing.append(name)
                continue
            missing.extend(f"{name}.{c.name}" for c in table.columns if c.name not in found)
    return missing


def _has_content(path: Path) -> bool:
    if not path.exists():
        return False
    if path.stat().st_size > 0:
        return True
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


# Alembic keeps its migration context in process-wide state: two upgrades on
# different threads of one process at once collide ("table already exists",
# KeyError 'script'), whatever files they work on.
_UPGRADE_LOCK = threading.Lock()


def upgrade(path: Path, *, script_location: Path | None = None, target: str = "head") -> None:
    """Run the migrations up to ``target`` in one transaction (creating the file if needed).

    Foreign keys are off while batch mode rebuilds tables (a rebuilt parent must not
    cascade into its children), then checked before the transaction commits.
    """
    with _UPGRADE_LOCK:
        _upgrade(path, script_location, target)


def _upgrade(path: Path, script_location: Path | None, target: str) -> None:
    config = alembic_config(script_location)
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(**write_options())
            with connection.begin():
                config.attributes["connection"] = connection
                command.upgrade(config, target)
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(f"foreign keys broken by the migration: {broken[:3]}")
    finally:
        engine.dispose()


def current_revision(path: Path) -> str | None:
    found = probe(path)
    return found.revision if found.state is FileState.READOUT else None
