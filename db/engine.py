"""The one engine/session factory: SQLite in WAL mode, foreign keys on, a busy timeout.

pysqlite's own transaction handling is switched off (``isolation_level = None``) and
SQLAlchemy's ``begin`` emits the ``BEGIN`` itself: a plain ``BEGIN`` for reads, and
``BEGIN IMMEDIATE`` for connections marked ``write`` (see :func:`write_options`), so a
writer takes the write lock up front and waits out another process's write through
the busy timeout instead of failing half-way with "database is locked".
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "readout_write"
FOLD_FUNCTION = "readout_fold"


def _fold(value: object) -> str | None:
    """Case-insensitive search for every script (SQLite's own lower() is ASCII-only)."""
    return value.casefold() if isinstance(value, str) else None


def configure_connection(
    connection: sqlite3.Connection, *, foreign_keys: bool = True, read_only: bool = False
) -> None:
    """The pragmas every Readout connection runs with."""
    connection.isolation_level = None
    connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    connection.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    connection.create_function(FOLD_FUNCTION, 1, _fold, deterministic=True)
    if read_only:
        return
    mode = connection.execute("PRAGMA journal_mode = WAL").fetchone()
    if mode is None or str(mode[0]).lower() != "wal":
        # Network file systems refuse WAL; SQLite keeps its rollback journal, still safe.
        log.warning("SQLite refused WAL mode (journal_mode=%s)", mode[0] if mode else None)
    # FULL: a commit survives power loss too; autosave commits at most about once a second.
    connection.execute("PRAGMA synchronous = FULL")


def make_engine(path: Path, *, foreign_keys: bool = True, read_only: bool = False) -> Engine:
    """An engine on the SQLite file at ``path``.

    ``foreign_keys=False`` is for migrations only: batch mode rebuilds a table by
    dropping it, and with foreign keys on that drop would cascade into its children.
    ``read_only``: a file on read-only media, opened ``immutable`` (see
    ``db.schema.connect_for_reading``); every write fails with SQLITE_READONLY.
    """
    if read_only:
        url = URL.create(
            "sqlite+pysqlite",
            database=f"{path.absolute().as_uri()}?immutable=1&mode=ro",
            query={"uri": "true"},
        )
    else:
        url = URL.create("sqlite+pysqlite", database=str(path))
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, record: ConnectionPoolEntry) -> None:
        configure_connection(dbapi_connection, foreign_keys=foreign_keys, read_only=read_only)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        write = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def write_options() -> dict[str, Any]:
    return {WRITE_OPTION: True}


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session], *, write: bool) -> Iterator[Session]:
    """An ORM session in one transaction, committed on success and rolled back on error."""
    with factory.begin() as session:
        if write:
            # The first connection of the transaction carries the option to its BEGIN.
            session.connection(execution_options=write_options())
        yield session
