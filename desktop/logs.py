"""Logging, the fault handler and the last-resort exception hook (no Qt here).

``main()`` calls :func:`setup_logging` before anything imports Qt: records go to a
rotating file in the platform's log folder (launched from a desktop entry, stderr is
read by nobody) and warnings to stderr; ``--debug`` makes both verbose. The window
calls :func:`install_crash_handlers`: a hard crash (a segfault in Qt) dumps every
thread's stack into ``crash.log`` beside the log, and an exception nothing caught —
in a Qt slot, on a worker thread — is logged with its traceback and reported to
whoever :func:`set_crash_notifier` names (the window shows it as one line).

Where (``READOUT_LOG_DIR`` overrides, so tests and ``--smoke`` never write a profile):
Linux ``$XDG_STATE_HOME/readout`` (``~/.local/state/readout``), macOS
``~/Library/Logs/Readout``, Windows ``%LOCALAPPDATA%\\Readout\\Logs``.
"""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
import os
import sys
import threading
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import IO, TextIO

LOG_DIR_ENV = "READOUT_LOG_DIR"
LOG_FILE_NAME = "readout.log"
CRASH_FILE_NAME = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 3
FILE_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
STDERR_FORMAT = "readout: %(levelname)s: %(message)s"
DEBUG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

# Libraries whose INFO records say nothing a user's log needs (Alembic's plugin set-up).
QUIET_LIBRARIES = ("alembic",)

log = logging.getLogger("desktop")
CrashNotifier = Callable[[str], None]

_lock = threading.Lock()
_handlers: list[logging.Handler] = []
_notifier: CrashNotifier | None = None
_crash_file: IO[str] | None = None


def log_dir(environ: Mapping[str, str] | None = None, platform: str = sys.platform) -> Path:
    """The folder Readout writes its logs to (not created here)."""
    env = os.environ if environ is None else environ
    if env.get(LOG_DIR_ENV):
        return Path(env[LOG_DIR_ENV]).expanduser()
    home = Path(env["HOME"]) if env.get("HOME") else Path.home()
    if platform == "darwin":
        return home / "Library" / "Logs" / "Readout"
    if platform in ("win32", "cygwin"):
        local = env.get("LOCALAPPDATA")
        return (Path(local) if local else home / "AppData" / "Local") / "Readout" / "Logs"
    state = env.get("XDG_STATE_HOME", "")
    base = Path(state) if state and Path(state).is_absolute() else home / ".local" / "state"
    return base / "readout"


def log_file() -> Path:
    return log_dir() / LOG_FILE_NAME


class _CurrentStderr(logging.StreamHandler[TextIO]):
    """Writes to whatever ``sys.stderr`` is when a record comes (tests swap it)."""

    def __init__(self) -> None:
        super().__init__(sys.stderr)

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr  # not setStream(): it flushes the old one, maybe closed
        super().emit(record)


class _LogFile(logging.handlers.RotatingFileHandler):
    """The rotating log, created with its folder when the first record comes; a folder
    that cannot be written turns it off with one line on stderr instead of a traceback
    per record."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True
        )
        self.failed = False

    def emit(self, record: logging.LogRecord) -> None:
        if self.failed:
            return
        try:
            if self.stream is None:
                Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
                self.stream = self._open()
        except OSError as error:
            self.failed = True
            print(f"readout: cannot write the log file: {error}", file=sys.stderr)
            return
        super().emit(record)


def setup_logging(*, debug: bool = False) -> Path:
    """Send records to the rotating log file and warnings (``debug``: everything) to stderr.

    Safe to call again (the handlers it added before are replaced). The file and its
    folder are created when the first record comes, so a quiet ``readout compare``
    writes nothing. Returns the log file's path.
    """
    root = logging.getLogger()
    with _lock:
        for handler in _handlers:
            root.removeHandler(handler)
            handler.close()
        _handlers.clear()
        stderr = _CurrentStderr()
        stderr.setLevel(logging.DEBUG if debug else logging.WARNING)
        stderr.setFormatter(logging.Formatter(DEBUG_FORMAT if debug else STDERR_FORMAT))
        _handlers.append(stderr)
        path = log_file()
        file = _LogFile(path)
        file.setLevel(logging.DEBUG if debug else logging.INFO)
        file.setFormatter(logging.Formatter(FILE_FORMAT))
        _handlers.append(file)
        for handler in _handlers:
            root.addHandler(handler)
        root.setLevel(logging.DEBUG if debug else logging.INFO)
        for name in QUIET_LIBRARIES:  # their INFO lines are per-call chatter
            logging.getLogger(name).setLevel(logging.NOTSET if debug else logging.WARNING)
    return path


def ensure_logging() -> None:
    """Set logging up unless :func:`setup_logging` already did (``main()`` called directly)."""
    if not _handlers:
        setup_logging()


def close_log_file() -> None:
    """Close the log and crash files (before their folder is removed)."""
    global _crash_file
    root = logging.getLogger()
    with _lock:
        for handler in [h for h in _handlers if isinstance(h, logging.FileHandler)]:
            root.removeHandler(handler)
            handler.close()
            _handlers.remove(handler)
        if _crash_file is not None:
            if faulthandler.is_enabled():
                faulthandler.disable()
            _crash_file.close()
            _crash_file = None


def set_crash_notifier(notifier: CrashNotifier | None) -> None:
    """Who hears of an uncaught exception, as one line (any thread may call it)."""
    global _notifier
    _notifier = notifier


def describe(error: BaseException) -> str:
    """One line for the user: what went wrong and where the details are."""
    text = str(error).strip().splitlines()
    detail = f": {text[0]}" if text else ""
    return f"Something went wrong ({type(error).__name__}{detail}). Details are in {log_file()}"


def report_uncaught(
    kind: type[BaseException],
    error: BaseException,
    traceback: TracebackType | None,
    thread: str | None = None,
) -> None:
    """Log an exception nothing caught, with its traceback, and tell the notifier."""
    where = f" in thread {thread}" if thread else ""
    log.critical("uncaught exception%s", where, exc_info=(kind, error, traceback))
    notifier = _notifier
    if notifier is not None:
        try:
            notifier(describe(error))
        except Exception:  # the window may be going away; the log has it
            log.debug("could not show the uncaught exception", exc_info=True)


def _excepthook(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    report_uncaught(kind, error, traceback)


def _thread_excepthook(args: threading.ExceptHookArgs) -> None:
    if args.exc_value is None or issubclass(args.exc_type, SystemExit):
        return
    name = args.thread.name if args.thread is not None else None
    report_uncaught(args.exc_type, args.exc_value, args.exc_traceback, name)


def install_crash_handlers() -> None:
    """The fault handler (into ``crash.log`` beside the log) and both exception hooks."""
    global _crash_file
    sys.excepthook = _excepthook
    threading.excepthook = _thread_excepthook
    with _lock:
        if _crash_file is not None:
            return
        try:
            folder = log_dir()
            folder.mkdir(parents=True, exist_ok=True)
            _crash_file = (folder / CRASH_FILE_NAME).open("a", encoding="utf-8")
        except OSError:
            faulthandler.enable()  # stderr, then
            return
    faulthandler.enable(file=_crash_file, all_threads=True)
