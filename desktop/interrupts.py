"""Ctrl+C in the terminal (SIGINT), SIGTERM and SIGHUP close the window as its close
button does: the open session is saved, the database released, the process exits.

Qt's event loop runs in C++, so a Python signal handler would run only when some
Python code happens to run next — Ctrl+C would wait for a mouse move. The C-level
handler writes the signal's number to a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches, which wakes the loop at once. A second signal while
closing ends the process the default way.
"""

from __future__ import annotations

import logging
import signal
import socket
from collections.abc import Callable
from types import FrameType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QObject

log = logging.getLogger(__name__)

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class SignalStop:
    """While it lives, the stop signals call ``close`` on the GUI thread, once."""

    def __init__(self, parent: QObject, close: Callable[[], object]) -> None:
        from PySide6.QtCore import QSocketNotifier

        self._close = close
        self.received: int | None = None
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {number: signal.signal(number, self._note) for number in STOP_SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, parent)
        self._notifier.activated.connect(self._wake)

    def _note(self, number: int, frame: FrameType | None) -> None:
        """The Python-level handler: only remembers; closing happens in ``_wake``."""
        if self.received is None:
            self.received = number

    def _wake(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except (BlockingIOError, InterruptedError):
            return
        if not numbers:
            return
        if self.received is None:
            self.received = numbers[0]
        for number in STOP_SIGNALS:  # a second signal while closing ends the process
            signal.signal(number, signal.SIG_DFL)
        log.info("%s received: closing the window", signal.Signals(self.received).name)
        self._notifier.setEnabled(False)
        self._close()

    @property
    def exit_status(self) -> int | None:
        """128 + the signal's number once one stopped Readout (130 for Ctrl+C), else None."""
        return None if self.received is None else 128 + int(self.received)

    def restore(self) -> None:
        """Give the signals back their previous handlers."""
        self._notifier.setEnabled(False)
        for number, handler in self._previous.items():
            if signal.getsignal(number) in (self._note, signal.SIG_DFL):
                signal.signal(number, handler if handler is not None else signal.SIG_DFL)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()
