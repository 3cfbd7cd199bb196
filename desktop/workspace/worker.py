"""A worker process for reading and comparing, so nothing a library does can hold the window.

A thread does not protect the GUI from a regular expression that backtracks for
minutes inside a reader or the sentence splitter: it holds the interpreter lock
the whole time. A separate process does, and it can be stopped for real:
cancelling a job kills the process, and the next job starts a fresh one (about
0.3 s to spawn and import the engine). Between jobs the process stays up, with
its caches (model, lexicon, word frequencies) warm.

Jobs are module-level functions and plain, picklable data (``Source``,
``SessionInputs``, frozen engine results). One job runs at a time; each is a
``concurrent.futures.Future``. No Qt here: the window turns the futures into
results on its GUI thread (``desktop.ui.background``).
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import Future
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

log = logging.getLogger(__name__)

STOP_TIMEOUT_S = 1.0


class WorkerError(Exception):
    """A job failed in the worker, or the worker stopped under it.

    ``message`` is what the user reads: a reader's own message (``IngestError``), or
    "Something went wrong: …" with the details in ``details`` and the log.
    """

    def __init__(self, message: str, details: str = "", kind: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        self.kind = kind

    def __str__(self) -> str:
        return self.message


def _serve(connection: Connection) -> None:  # runs in the worker process
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C in a terminal is the parent's
    while True:
        try:
            function, args = connection.recv()
        except (EOFError, OSError):
            return  # the window closed its end: nothing more to do
        try:
            outcome: tuple[bool, Any] = (True, function(*args))
        except BaseException as error:
            outcome = (False, _failure(error))
        try:
            connection.send(outcome)
        except Exception as error:  # an unpicklable result must still answer
            connection.send((False, _failure(error)))


def _failure(error: BaseException) -> tuple[str, str, str]:
    from desktop.ingest import IngestError

    details = "".join(traceback.format_exception(error))
    if isinstance(error, IngestError):
        return "IngestError", error.message, details
    return type(error).__name__, f"Something went wrong: {error}", details


def warm_up() -> bool:
    """Import the readers and the engine and load the model (a fresh worker's first job)."""
    import desktop.engine.compare
    import desktop.ingest
    from desktop.engine.model import default_model

    default_model()
    return bool(desktop.engine.compare and desktop.ingest)


class WorkerProcess:
    """One spawned process that runs one job at a time; ``cancel()`` kills it."""

    def __init__(self, name: str = "readout-worker") -> None:
        self.name = name
        self._context = multiprocessing.get_context("spawn")
        self._lock = threading.Lock()
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._job: Future[Any] | None = None
        self._closed = False
        self.started = 0  # processes started so far (a cancelled job costs one)

    @property
    def busy(self) -> bool:
        job = self._job  # read without the lock: the GUI asks this often
        return job is not None and not job.done()

    @property
    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run ``function(*args)`` in the worker. A job still running is cancelled first
        (the newest request wins)."""
        future: Future[Any] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the worker process is closed")
            if self._job is not None and not self._job.done():
                self._kill_locked()
            self._job = future
        thread = threading.Thread(
            target=self._converse, args=(future, function, args), name=f"{self.name}-job"
        )
        thread.daemon = True
        thread.start()
        return future

    def warm(self) -> Future[Any]:
        """Start the process now, so the first real job does not wait for it."""
        return self.submit(warm_up)

    def cancel(self) -> bool:
        """Stop the running job by killing the process; False when nothing was running."""
        with self._lock:
            if self._job is None or self._job.done():
                return False
            self._kill_locked()
            return True

    def close(self) -> None:
        """Kill the process (a job still running is cancelled); no more jobs."""
        with self._lock:
            self._closed = True
            self._kill_locked()

    # -- the job's own thread -------------------------------------------------

    def _converse(self, future: Future[Any], function: Callable[..., Any], args: Any) -> None:
        try:
            connection = self._connect(future)
            if connection is None:
                return
            connection.send((function, args))
            ok, value = connection.recv()
        except (EOFError, OSError, BrokenPipeError) as error:
            self._lost(future, error)
            return
        except Exception as error:  # the job could not be sent (unpicklable arguments)
            self._settle(future, exception=WorkerError(f"Something went wrong: {error}"))
            return
        if ok:
            self._settle(future, result=value)
        else:
            kind, message, details = value
            if kind != "IngestError":
                log.error("worker job failed:\n%s", details)
            self._settle(future, exception=WorkerError(message, details, kind))

    def _connect(self, future: Future[Any]) -> Connection | None:
        """The live process's end of the pipe, starting a process when there is none."""
        with self._lock:
            if future is not self._job or future.done():
                return None
            process = self._process
            if process is None or not process.is_alive() or self._connection is None:
                ours, theirs = self._context.Pipe()
                process = self._context.Process(
                    target=_serve, args=(theirs,), name=self.name, daemon=True
                )
                process.start()
                theirs.close()
                self._process, self._connection = process, ours
                self.started += 1
            return self._connection

    def _lost(self, future: Future[Any], error: BaseException) -> None:
        if future.done():
            return  # cancelled: the process was killed on purpose
        process = self._process
        code = process.exitcode if process is not None else None
        self._settle(
            future,
            exception=WorkerError(
                f"Something went wrong: the worker process stopped (exit code {code})",
                repr(error),
            ),
        )
        with self._lock:
            self._forget_locked()

    def _settle(
        self,
        future: Future[Any],
        *,
        result: Any = None,
        exception: BaseException | None = None,
    ) -> None:
        with self._lock:
            if future.done():
                return
            if exception is not None:
                future.set_exception(exception)
            else:
                future.set_result(result)

    # -- under the lock -------------------------------------------------------

    def _kill_locked(self) -> None:
        job = self._job
        if job is not None and not job.done():
            job.cancel()  # never set running, so this always succeeds
        process = self._process
        self._forget_locked()
        if process is not None and process.is_alive():
            process.terminate()
            process.join(STOP_TIMEOUT_S)
            if process.is_alive():
                process.kill()
                process.join(STOP_TIMEOUT_S)

    def _forget_locked(self) -> None:
        if self._connection is not None:
            self._connection.close()
        self._process, self._connection = None, None
