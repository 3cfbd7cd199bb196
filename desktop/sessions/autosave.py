"""Autosave: every change reaches the database within a second, however fast changes come.

The window calls :meth:`Autosaver.changed` with the whole new ``SessionData`` after
each edit (a correction, a note, a scroll); nothing is written then. The first
change after a quiet spell starts a timer of ``delay`` seconds (0.5 by default);
when it fires, the latest data of each changed session is saved in one
transaction per session on the store's worker. Later changes during the wait
replace the pending data rather than extending the wait, so the oldest unsaved
change is at most ``delay`` plus one write old — the bound the kill -9 test checks.

A failed save (a full disk, a database locked past the busy timeout) is reported
through ``on_error`` once — when saving stops working, not at every retry — and
retried, backing off up to 30 s, with the newest data of each session; when a save
succeeds again ``on_resumed`` says so and what was pending is in the database.
:meth:`Autosaver.create` creates a new session the same way, so a session started
on a full disk is stored (and then autosaved) once there is room. Callbacks run on
a worker thread.
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
Resumed = Callable[[], None]


def not_saving(reason: object) -> str:
    return (
        f"Readout cannot save your changes: {reason}. It keeps trying and saves them as "
        "soon as it can; until then they are only in this window."
    )


SAVING_AGAIN = "Readout is saving your changes again; nothing was lost."


class Autosaver:
    def __init__(
        self,
        store: SessionStore,
        *,
        delay: float = AUTOSAVE_DELAY,
        on_saved: Saved | None = None,
        on_error: Failed | None = None,
        on_resumed: Resumed | None = None,
    ) -> None:
        self.store = store
        self.delay = delay
        self.on_saved = on_saved
        self.on_error = on_error
        self.on_resumed = on_resumed
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

    @property
    def failing(self) -> bool:
        """Whether the last save failed (saving has not worked since)."""
        with self._lock:
            return self._failures > 0

    def create(self, data: SessionData) -> Future[SessionData]:
        """Create ``data`` as a new session, retrying like a save until the database takes
        it (or the autosaver closes); the future has the stored session."""
        created: Future[SessionData] = Future()
        self._try_create(data, created)
        return created

    def _try_create(self, data: SessionData, created: Future[SessionData]) -> None:
        with self._lock:
            if self._closed:
                created.set_exception(RuntimeError("the autosaver is closed"))
                return
        try:
            future = self.store.create_session(
                data.documents,
                single_article=data.single_article,
                title=data.title if data.title_is_custom else None,
                corrections=data.corrections,
                notes=data.notes,
                ui_state=data.ui_state,
                settings=data.settings,
            )
        except RuntimeError as error:  # the store closed under us
            created.set_exception(error)
            return

        def done(attempt: Future[SessionData]) -> None:
            error = attempt.exception()
            if error is None:
                self._succeeded()
                created.set_result(attempt.result())
                return
            if not getattr(error, "transient", False):
                created.set_exception(error)
                return
            retry = self._failed(error, f"creating session “{data.title}”")
            timer = threading.Timer(retry, self._try_create, args=(data, created))
            timer.daemon = True
            timer.start()

        future.add_done_callback(done)

    def _failed(self, error: BaseException, what: str) -> float:
        """Count a failure, report the first of a run; the delay before the next try."""
        with self._lock:
            self._failures += 1
            first = self._failures == 1
            retry = min(self.delay * 2.0**self._failures, MAX_RETRY_DELAY)
        log.error("autosave: %s failed: %s", what, error)
        if first and self.on_error is not None:
            self.on_error(not_saving(error))
        return retry

    def _succeeded(self) -> None:
        with self._lock:
            resumed = self._failures > 0
            self._failures = 0
        if resumed and self.on_resumed is not None:
            self.on_resumed()

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
        if error is not None:
            retry = self._failed(error, f"saving session {data.id}")
            with self._lock:
                if not self._closed:
                    self._pending.setdefault(data.id, data)  # unless newer data came meanwhile
                    self._schedule(retry)
            return
        self._succeeded()
        summary = future.result()
        if summary is not None and self.on_saved is not None:
            self.on_saved(summary)
