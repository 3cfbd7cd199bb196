"""Answers from worker threads, handled on the GUI thread.

The sessions store answers with ``concurrent.futures.Future``s whose done-callbacks
run on its worker. ``Answers.deliver`` re-emits each finished Future as a queued
Qt signal, so ``then`` (or ``otherwise``, with a message for the user) runs on the
GUI thread. Once ``stop()`` is called (the window closes) late answers are dropped
instead of being sent to a window that may already be destroyed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, SignalInstance, Slot

log = logging.getLogger(__name__)

Then = Callable[[Any], None]
Otherwise = Callable[[str], None]


class Answers(QObject):
    _landed = Signal(int, object)  # request number, its finished Future

    def __init__(self, otherwise: Otherwise, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.otherwise = otherwise  # where failures go unless a request says otherwise
        self.gone = threading.Event()
        self._asked = 0
        self._waiting: dict[int, tuple[Then, str, Otherwise]] = {}
        self._landed.connect(self._land, Qt.ConnectionType.QueuedConnection)

    @property
    def waiting(self) -> bool:
        return bool(self._waiting)

    def deliver(
        self, future: Future[Any], then: Then, what: str, otherwise: Otherwise | None = None
    ) -> None:
        """Call ``then(result)`` on the GUI thread when ``future`` is done; a failure becomes
        "Readout could not {what}: …" for ``otherwise``."""
        self._asked += 1
        number = self._asked
        self._waiting[number] = (then, what, otherwise or self.otherwise)
        future.add_done_callback(partial(emit_unless_gone, self._landed, self.gone, number))

    def stop(self) -> None:
        self.gone.set()
        self._waiting.clear()

    @Slot(int, object)
    def _land(self, number: int, future: Future[Any]) -> None:
        entry = self._waiting.pop(number, None)
        if entry is None:
            return
        then, what, otherwise = entry
        try:
            result = future.result()
        except Exception as error:
            otherwise(failure_message(what, error))
            return
        then(result)


def emit_unless_gone(signal: SignalInstance, gone: threading.Event, *values: object) -> None:
    """Emit from a worker thread, unless the window has closed (it may be destroyed)."""
    if gone.is_set():
        return
    try:
        signal.emit(*values)
    except RuntimeError:  # deleted between the check and the emit
        log.debug("an answer arrived after the window closed")


def failure_message(what: str, error: Exception) -> str:
    if type(error).__name__ == "FormatError":  # a bad .readout file: its message is for the user
        return str(error)
    log.error("could not %s", what, exc_info=error)
    reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
    return f"Readout could not {what}: {reason}."
