"""Database failures in words for the user: never SQL, never a driver's traceback.

SQLAlchemy wraps the driver's error with the statement and its parameters
(``(sqlite3.OperationalError) database or disk is full [SQL: UPDATE …]``); what
the user needs is the cause, and whether trying again can help.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

_BY_NAME = {
    "SQLITE_FULL": "the disk is full",
    "SQLITE_BUSY": "the sessions database is busy (another program is writing to it)",
    "SQLITE_LOCKED": "the sessions database is busy (another program is writing to it)",
    "SQLITE_READONLY": "the sessions database is read-only",
    "SQLITE_IOERR": "the disk reported an error",
    "SQLITE_CORRUPT": "the sessions database is damaged",
    "SQLITE_NOTADB": "the sessions database is damaged",
    "SQLITE_CANTOPEN": "the sessions database cannot be opened",
    "SQLITE_PERM": "the sessions database may not be written",
}
_BY_TEXT = (
    ("database or disk is full", "SQLITE_FULL"),
    ("database is locked", "SQLITE_BUSY"),
    ("readonly database", "SQLITE_READONLY"),
    ("disk i/o error", "SQLITE_IOERR"),
    ("malformed", "SQLITE_CORRUPT"),
    ("unable to open database", "SQLITE_CANTOPEN"),
    ("no such table", "MISSING"),
    ("no such column", "MISSING"),
)
# Failures that may pass: a retry later can succeed.
TRANSIENT = frozenset({"SQLITE_FULL", "SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_IOERR"})


def _driver_error(error: BaseException) -> BaseException:
    if isinstance(error, DBAPIError) and error.orig is not None:
        return error.orig
    return error


def error_code(error: BaseException) -> str:
    """``SQLITE_FULL``-style name of a database failure, ``MISSING`` for a lost table or
    column, ``""`` when it is not one."""
    driver = _driver_error(error)
    if not isinstance(driver, sqlite3.Error | SQLAlchemyError):
        return ""
    name = str(getattr(driver, "sqlite_errorname", "") or "")
    base = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE is an SQLITE_IOERR
    if base in _BY_NAME:
        return base
    text = str(driver).lower()
    for fragment, code in _BY_TEXT:
        if fragment in text:
            return code
    return name or "SQLITE_ERROR"


def describe(error: BaseException, database: Path | None = None) -> str:
    """What went wrong, in a few words: "the disk is full". SQLite reports a full disk
    as an I/O error when it cannot grow its WAL or shared-memory file; ``database``
    lets the free space tell the two apart."""
    code = error_code(error)
    if code == "SQLITE_IOERR" and database is not None and _nearly_full(database.parent):
        return _BY_NAME["SQLITE_FULL"]
    if code == "MISSING":
        return "the sessions database is damaged (a table or column is missing)"
    return _BY_NAME.get(code, "the sessions database reported an error")


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False


def is_transient(error: BaseException) -> bool:
    return error_code(error) in TRANSIENT


def is_busy(error: BaseException) -> bool:
    return error_code(error) in ("SQLITE_BUSY", "SQLITE_LOCKED")
