"""Autosave: every change reaches the database within a second, however fast changes come.

The window calls :meth:`Autosaver.changed` with the whole new ``SessionData`` after
each edit (a correction, a note, a scroll); nothing is written then. The first
change after a quiet spell starts a timer of ``delay`` seconds (0.5 by default);
when it fires, the latest data of each changed session is saved in one
transaction per session on the store's worker. Later changes during the wait
replace the pending data rather than extending the wait, so the oldest unsaved
change is at most ``delay`` plus one write old — the bound the kill -9 test checks.

A failed save (a full disk, a database locked past the busy timeout) is reported
through ``on_error`` and retried, backing off up to 30 s, unless newer data for the
session has arrived meanwhile. Callbacks run on a worker thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, wait
from functools import partial

from desktop.sessions.data import SessionData, SessionSummary
from desktop.sessions.store import SessionStore

log = logging.getLogger(__name__)

AUTOSAVE_DELAY = 0.5
MAX_RETRY_DELAY = 30.0

Saved = Callable[[SessionSummary], None]
Failed = Callable[[str], None]


class Autosaver:
    def __init__(
        self,
        store: SessionStore,
        *,
        delay: float = AUTOSAVE_DELAY,
        on_saved: Saved | None = None,
        on_error: Failed | None = None,
    ) -> None:
        self.store = store
        self.delay = delay
        self.on_saved = on_saved
        self.on_error = on_error
        self._lock = threading.Lock()
        self._pending: dict[int, SessionData] = {}
        self._in_flight: set[Future[SessionSummary | None]] = set()
        self._timer: threading.Timer | None = None
        self._failures = 0
        self._closed = False

    @property
    def pending(self) -> bool:
        """Whether some change is not in the database yet."""
        with self._lock:
            return bool(self._pending or self._in_flight)

    def changed(self, data: SessionData) -> None:
        """Remember the session's new state; it is saved within ``delay`` seconds."""
        with self._lock:
            if self._closed:
                raise RuntimeError("the autosaver is closed")
            self._pending[data.id] = data
            self._schedule(self.delay)

    def discard(self, session_id: int) -> None:
        """Forget unsaved changes of a session (call before deleting it)."""
        with self._lock:
            self._pending.pop(session_id, None)

    def flush(self, timeout: float | None = None) -> bool:
        """Save everything pending now and wait; True when all of it reached the database."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        self._save_pending()
        with self._lock:
            running = set(self._in_flight)
        done, not_done = wait(running, timeout=timeout)
        return not not_done and all(f.exception() is None for f in done)

    def close(self, timeout: float | None = None) -> bool:
        """Flush and stop; call before ``SessionStore.close()`` (the window's closeEvent)."""
        saved = self.flush(timeout)
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        return saved

    # -- internals -------------------------------------------------------------

    def _schedule(self, delay: float) -> None:
        # Called with the lock held. An armed timer is left alone: waiting longer for
        # each new change would let a steady stream of edits postpone saving forever.
        if self._timer is None and self._pending:
            self._timer = threading.Timer(delay, self._fire)
            self._timer.daemon = True
            self._timer.start()

    def _fire(self) -> None:
        with self._lock:
            self._timer = None
        self._save_pending()

    def _save_pending(self) -> None:
        with self._lock:
            batch, self._pending = self._pending, {}
        # Outside the lock: a future that is already done runs its callback right here.
        for data in batch.values():
            try:
                future = self.store.save_session(data)
            except RuntimeError:  # the store closed under us
                log.error("autosave after the store closed; session %s not saved", data.id)
                continue
            with self._lock:
                self._in_flight.add(future)
            future.add_done_callback(partial(self._finished, data=data))

    def _finished(self, future: Future[SessionSummary | None], *, data: SessionData) -> None:
        error = future.exception()
        with self._lock:
            self._in_flight.discard(future)
            if error is None:
                self._failures = 0
            else:
                self._failures += 1
                if not self._closed:
                    self._pending.setdefault(data.id, data)
                    retry = min(self.delay * 2**self._failures, MAX_RETRY_DELAY)
                    self._schedule(retry)
        if error is not None:
            log.error("autosave of session %s failed: %s", data.id, error)
            if self.on_error is not None:
                self.on_error(f"Readout could not save your changes: {error}. Retrying.")
            return
        summary = future.result()
        if summary is not None and self.on_saved is not None:
            self.on_saved(summary)
