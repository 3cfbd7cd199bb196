"""One Readout window per database: an advisory lock on ``<database>.lock``.

SQLite (WAL, busy timeout, ``BEGIN IMMEDIATE``) already keeps several processes from
corrupting the file; this lock keeps two windows from autosaving over each other's
edits of the same session, and keeps a command-line run from migrating or replacing
a database that a window has open. The operating system drops the lock when the
holder exits, ``kill -9`` included, so a stale lock file never blocks anyone.
"""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import IO


class DatabaseLock:
    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._file: IO[str] | None = None

    @property
    def held(self) -> bool:
        return self._file is not None

    def acquire(self) -> bool:
        """Take the lock without waiting; False when another process holds it."""
        if self._file is not None:
            return True
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        try:
            _lock(handle)
        except OSError:
            handle.close()
            return False
        handle.seek(0)
        handle.truncate()
        handle.write(f"{os.getpid()} {socket.gethostname()}\n")
        handle.flush()
        self._file = handle
        return True

    def release(self) -> None:
        if self._file is None:
            return
        try:
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None

    def holder(self) -> str:
        """ "process 1234 on host" as written by the holder, or "" when unknown."""
        try:
            pid, _, host = self.path.read_text(encoding="utf-8").strip().partition(" ")
        except OSError:
            return ""
        return f"process {pid} on {host}" if pid.isdigit() else ""


if sys.platform == "win32":
    import msvcrt

    def _lock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock(handle: IO[str]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock(handle: IO[str]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
