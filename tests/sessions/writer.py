"""A second Readout process for the reliability tests: ``python -m tests.sessions.writer``.

``hold DB N``  — open DB as the window does (exclusive), create N sessions, print
                 "holding PID" first and "done" after, then wait for a line on stdin.
``edit DB [R [S]]`` — open DB, create one session, then edit it through the
                 autosaver forever: each edit sets a session note to "edit N" and
                 rewrites a background document (R × 70 characters, ~200 KB by
                 default) ending in "edit N", then prints "N MONOTONIC_TIME" (the kill
                 test's record of what was done). With S, the first save that starts
                 S seconds after the first edit stops after writing its documents,
                 before committing, and prints "stalled": the moment to kill it.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from db import repository
from db.roles import DocumentRole
from desktop.sessions.autosave import Autosaver
from desktop.sessions.data import Note, StoredDocument
from desktop.sessions.store import SessionStore, open_store

EDIT_INTERVAL = 0.01
FILLER = "The delegations discussed defence cooperation and regional security. "


_print_lock = threading.Lock()


def _say(line: str) -> None:
    # One write per line under a lock: the worker thread's marker never splits a record.
    with _print_lock:
        sys.stdout.write(line + "\n")
        sys.stdout.flush()


def _store(path: Path) -> SessionStore:
    opening = open_store(path)
    if opening.store is None:
        _say(f"not-opened {opening.status}")
        raise SystemExit(3)
    return opening.store


def hold(path: Path, count: int) -> int:
    store = _store(path)
    _say(f"holding {os.getpid()}")
    for i in range(count):
        document = StoredDocument(DocumentRole.BACKGROUND, f"Held article {i}.", title=f"held {i}")
        store.create_session([document], single_article=True).result()
    _say("done")
    sys.stdin.readline()
    store.close()
    return 0


def edit(path: Path, repeat: int, stall_after: float | None) -> int:
    original = repository.replace_documents
    first_edit: list[float] = []

    def instrumented(*args: Any, **kwargs: Any) -> None:
        original(*args, **kwargs)
        if (
            stall_after is not None
            and first_edit
            and time.monotonic() - first_edit[0] > stall_after
        ):
            # The new rows are written (spilled to the WAL when large), not committed.
            _say("stalled")
            time.sleep(60)

    repository.replace_documents = instrumented
    store = _store(path)
    official = StoredDocument(DocumentRole.OFFICIAL, "The ministers met in Delhi.", title="Readout")
    data = store.create_session([official]).result()
    saver = Autosaver(store)
    _say(f"session {data.id}")
    note = Note.new("edit 0")
    filler = FILLER * repeat
    counter = 0
    while True:
        counter += 1
        text = f"{filler}edit {counter}"
        article = StoredDocument(DocumentRole.BACKGROUND, text, title="Long")
        note = note.edited(f"edit {counter}")
        data = replace(data, documents=(official, article), notes=(note,))
        saver.changed(data)
        now = time.monotonic()
        first_edit[:1] = first_edit[:1] or [now]
        _say(f"{counter} {now:.6f}")
        time.sleep(EDIT_INTERVAL)


def main(argv: list[str]) -> int:
    command, path = argv[0], Path(argv[1])
    if command == "hold":
        return hold(path, int(argv[2]))
    repeat = int(argv[2]) if len(argv) > 2 else 3000
    return edit(path, repeat, float(argv[3]) if len(argv) > 3 else None)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
