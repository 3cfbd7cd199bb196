"""The window's one way to run work off the GUI thread, as Anki's ``QueryOp`` and ``taskman``.

Every piece of background work is a ``concurrent.futures.Future`` whose answer —
a result or a message for the user — is delivered on the GUI thread:

- ``in_process`` runs a Qt-free job in the worker process (reading, comparing: a
  runaway regex in a library cannot hold the window, and cancelling kills it);
- ``in_thread`` runs work in Qt's thread pool (laying out the styled text
  documents, rendering a PDF, opening the sessions database);
- ``follow`` waits for a Future someone else made (the sessions store's);
- ``from_worker`` turns a callback called on some other thread (the autosaver's)
  into one that runs on the GUI thread.

A request may name a *lane*: the newest request in a lane wins, so the answer to
an older one is dropped (and its process job killed). After ``close()`` nothing
is delivered any more — the window may already be gone — and the worker process
is ended at once.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal, Slot

from desktop.workspace.worker import WorkerError, WorkerProcess

log = logging.getLogger(__name__)

# How long quitting waits for the thread pool's jobs (opening or saving the sessions
# database, rendering) to end: a pool thread still running Python code while the
# interpreter shuts down crashes the process.
DRAIN_MS = 15000

Then = Callable[[Any], None]
Otherwise = Callable[[str], None]
Discard = Callable[[Any], None]


@dataclass
class _Request:
    lane: str | None
    ticket: int
    then: Then
    otherwise: Otherwise
    what: str
    discard: Discard | None


class _Run(QRunnable):
    """Work in Qt's thread pool, its outcome set on a Future (a QRunnable, not a QObject)."""

    def __init__(self, future: Future[Any], work: Callable[[], Any]) -> None:
        super().__init__()
        self.future = future
        self.work = work

    def run(self) -> None:
        if not self.future.set_running_or_notify_cancel():
            return
        try:
            with collection_paused():
                result = self.work()
        except BaseException as error:  # delivered as a message, never a crash
            self.future.set_exception(error)
        else:
            self.future.set_result(result)


class Background(QObject):
    _landed = Signal(int, object)  # request number, its finished Future
    _posted = Signal(object)  # a callable from another thread, to run here

    def __init__(
        self,
        otherwise: Otherwise,
        parent: QObject | None = None,
        *,
        pool: QThreadPool | None = None,
    ) -> None:
        super().__init__(parent)
        self.otherwise = otherwise  # where failures go unless a request says otherwise
        self.pool = pool or QThreadPool.globalInstance()
        self.worker = WorkerProcess()
        self.gone = threading.Event()
        self._asked = 0
        self._waiting: dict[int, _Request] = {}
        self._newest: dict[str, int] = {}
        self._in_process = 0  # the ticket of the job the worker process runs
        self._landed.connect(self._land, Qt.ConnectionType.QueuedConnection)
        self._posted.connect(self._run_posted, Qt.ConnectionType.QueuedConnection)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.drain)

    # -- asking ---------------------------------------------------------------------

    def in_process(
        self,
        job: Callable[..., Any],
        *args: Any,
        then: Then,
        what: str,
        lane: str | None = None,
        otherwise: Otherwise | None = None,
    ) -> int:
        """Run ``job(*args)`` in the worker process. There is one process, so a job still
        running there is replaced (killed): the newest request wins."""
        if self.gone.is_set():
            return 0
        ticket = self.follow(self.worker.submit(job, *args), then, what, lane, otherwise)
        self._in_process = ticket
        return ticket

    def in_thread(
        self,
        work: Callable[[], Any],
        then: Then,
        what: str,
        lane: str | None = None,
        otherwise: Otherwise | None = None,
        discard: Discard | None = None,
    ) -> int:
        """Run ``work()`` in the thread pool; ``discard`` gets a result nobody wants any more."""
        future: Future[Any] = Future()
        if self.gone.is_set():
            return 0
        ticket = self.follow(future, then, what, lane, otherwise, discard)
        self.pool.start(_Run(future, work))
        return ticket

    def follow(
        self,
        future: Future[Any],
        then: Then,
        what: str,
        lane: str | None = None,
        otherwise: Otherwise | None = None,
        discard: Discard | None = None,
    ) -> int:
        """Call ``then(result)`` on the GUI thread when ``future`` is done; a failure becomes
        "Readout could not {what}: …" for ``otherwise``. Returns the request's ticket."""
        self._asked += 1
        ticket = self._asked
        if lane is not None:
            self._newest[lane] = ticket
        self._waiting[ticket] = _Request(
            lane, ticket, then, otherwise or self.otherwise, what, discard
        )
        future.add_done_callback(partial(self._finished, ticket))
        return ticket

    def from_worker(self, callback: Callable[..., None]) -> Callable[..., None]:
        """``callback`` made safe to call from any thread: it runs on the GUI thread, and not
        at all once the window has closed."""

        def call(*args: Any) -> None:
            if self.gone.is_set():
                return
            try:
                self._posted.emit(partial(callback, *args))
            except RuntimeError:  # deleted between the check and the emit
                log.debug("a callback arrived after the window closed")

        return call

    # -- lanes ------------------------------------------------------------------------

    def busy(self, lane: str | None = None) -> bool:
        """Whether an answer is still to come (in ``lane``: for its newest request)."""
        if lane is None:
            return bool(self._waiting)
        newest = self._newest.get(lane)
        return newest is not None and newest in self._waiting

    def cancel(self, lane: str) -> None:
        """Forget the lane's pending request; a job in the worker process is killed."""
        newest = self._newest.pop(lane, None)
        if newest is not None and newest == self._in_process and newest in self._waiting:
            self.worker.cancel()

    def supersede(self, lane: str) -> None:
        """Drop the lane's pending answer without killing anything (its result is discarded)."""
        self._newest.pop(lane, None)

    def wait(self, msecs: int = 30000) -> bool:
        """Wait for the thread pool (tests, shutdown)."""
        return self.pool.waitForDone(msecs)

    @Slot()
    def drain(self) -> None:
        """On quitting: no more answers, and the thread pool's jobs end before the
        interpreter does (the window is gone by then, so nobody waits on screen)."""
        self.gone.set()
        if not self.pool.waitForDone(DRAIN_MS):
            log.warning("a background job was still running when Readout quit")

    def close(self) -> None:
        """No more answers; the worker process ends now."""
        self.gone.set()
        self._waiting.clear()
        self._newest.clear()
        self.worker.close()

    # -- answers --------------------------------------------------------------------

    def _finished(self, ticket: int, future: Future[Any]) -> None:
        """On whichever thread finished ``future``: queue it for the GUI thread."""
        if self.gone.is_set():
            return
        try:
            self._landed.emit(ticket, future)
        except RuntimeError:  # the window was deleted between the check and the emit
            log.debug("an answer arrived after the window closed")

    @Slot(object)
    def _run_posted(self, call: Callable[[], None]) -> None:
        if not self.gone.is_set():
            call()

    @Slot(int, object)
    def _land(self, ticket: int, future: Future[Any]) -> None:
        request = self._waiting.pop(ticket, None)
        if request is None:
            return
        superseded = request.lane is not None and self._newest.get(request.lane) != ticket
        if request.lane is not None and not superseded:
            self._newest.pop(request.lane, None)
        try:
            result = future.result()
        except CancelledError:
            return
        except Exception as error:
            if not superseded:
                request.otherwise(failure_message(request.what, error))
            return
        if superseded:
            if request.discard is not None:
                request.discard(result)
            return
        request.then(result)


def failure_message(what: str, error: BaseException) -> str:
    """One line for the message bar: a reader's or a session file's own message, else
    "Readout could not {what}: {reason}." (the details go to the log)."""
    if isinstance(error, WorkerError):
        return error.message
    if type(error).__name__ in ("FormatError", "IngestError"):  # their message is for the user
        return str(error)
    log.error("could not %s", what, exc_info=error)
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return f"Readout could not {what}: {reason}."


_paused = 0
_pause_lock = threading.Lock()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while heavy work runs in a thread; its survivors are frozen.

    A full collection walks every live object while holding the GIL; during a big
    layout that is a 60-100 ms stall of the GUI thread, several times. The results
    are acyclic, so reference counting still frees them; freezing moves what
    survived out of the collector's way for good.
    """
    global _paused
    with _pause_lock:
        _paused += 1
        gc.disable()
    try:
        yield
    finally:
        with _pause_lock:
            _paused -= 1
            if _paused == 0:
                gc.freeze()
                gc.enable()
