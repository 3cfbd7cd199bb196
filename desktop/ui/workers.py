"""Background work in a QThreadPool; results come back to the GUI thread through signals.

A task is a QRunnable holding a small QObject whose signals carry the result
(not one class inheriting both). Every task carries the generation it was
started for, so the window can drop the answers to questions it no longer asks.
"""

from __future__ import annotations

import gc
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from desktop.ingest import IngestError

log = logging.getLogger(__name__)

Work = Callable[[], object]


_paused = 0
_pause_lock = threading.Lock()


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while a heavy task runs; its survivors are then frozen.

    A full collection walks every live object while holding the GIL; during a
    1 MB comparison that is a 60-100 ms stall of the GUI thread, several times.
    The engine's results are acyclic, so reference counting still frees them;
    freezing moves what survived out of the collector's way for good.
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


class TaskSignals(QObject):
    done = Signal(int, object)  # task id, result
    failed = Signal(int, str)  # task id, message for the user


class Task(QRunnable):
    def __init__(self, task_id: int, work: Work) -> None:
        super().__init__()
        self.task_id = task_id
        self.work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            with collection_paused():
                result = self.work()
        except IngestError as error:
            self.signals.failed.emit(self.task_id, error.message)
        except Exception as error:  # a worker must report, never take the window down
            log.error("background task failed:\n%s", traceback.format_exc())
            self.signals.failed.emit(self.task_id, f"Something went wrong: {error}")
        else:
            self.signals.done.emit(self.task_id, result)


Done = Callable[[int, object], None]
Failed = Callable[[int, str], None]


class Jobs(QObject):
    """Starts tasks and delivers their results on the GUI thread, keeping them alive meanwhile.

    Results are handed to the callbacks with the generation the task was started
    for; the caller compares it with its own to drop superseded answers.
    """

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._running: dict[int, tuple[Task, int, Done, Failed]] = {}
        self._next_id = 0

    def start(self, generation: int, work: Work, on_done: Done, on_failed: Failed) -> None:
        self._next_id += 1
        task = Task(self._next_id, work)
        # Bound slots of this GUI-thread object: delivery is queued to the GUI thread.
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        self._running[task.task_id] = (task, generation, on_done, on_failed)
        self.pool.start(task)

    @Slot(int, object)
    def _done(self, task_id: int, result: object) -> None:
        entry = self._running.pop(task_id, None)
        if entry is not None:
            entry[2](entry[1], result)

    @Slot(int, str)
    def _failed(self, task_id: int, message: str) -> None:
        entry = self._running.pop(task_id, None)
        if entry is not None:
            entry[3](entry[1], message)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
