"""Where the sessions database lives: one place, overridable, so tests never touch a profile.

Order: an explicit path (``--db PATH``), then ``$READOUT_DB``, then
``sessions.sqlite3`` in the platform's data folder — Qt's ``GenericDataLocation``
when PySide6 can be imported (``~/.local/share``, ``~/Library/Application Support``,
``%LOCALAPPDATA%``), else ``$XDG_DATA_HOME`` or ``~/.local/share`` — under ``readout/``.
Qt is imported only when the default is asked for.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

DB_ENV = "READOUT_DB"
DB_FILE_NAME = "sessions.sqlite3"
APP_FOLDER = "readout"


def data_dir(environ: Mapping[str, str] | None = None) -> Path:
    """The folder Readout keeps its data in (not created here)."""
    env = os.environ if environ is None else environ
    base = _qt_data_location()
    if base is None:
        xdg = env.get("XDG_DATA_HOME", "")
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else _home(env) / ".local" / "share"
    return base / APP_FOLDER


def resolve_db_path(
    explicit: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """The database file to use: ``explicit``, else ``$READOUT_DB``, else the default."""
    env = os.environ if environ is None else environ
    if explicit is not None and str(explicit):
        return _absolute(Path(explicit))
    if env.get(DB_ENV):
        return _absolute(Path(env[DB_ENV]))
    return data_dir(env) / DB_FILE_NAME


def _absolute(path: Path) -> Path:
    return path.expanduser().absolute()


def _home(env: Mapping[str, str]) -> Path:
    home = env.get("HOME")
    return Path(home) if home else Path.home()


def _qt_data_location() -> Path | None:
    try:
        from PySide6.QtCore import QStandardPaths
    except ImportError:
        return None
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericDataLocation)
    return Path(location) if location else None
