"""Sessions that last: the plain-data layer the window and the CLI use (no Qt here).

    from desktop.sessions import open_store, Autosaver, StoredDocument

    opening = open_store(args.db)            # --db PATH, else $READOUT_DB, else data dir
    if opening.message:                      # one line for the message bar
        ...
    store = opening.store                    # SessionStore, or None (database in use)
    data = store.last_session().result()     # SessionData | None — everything to restore
    autosaver = Autosaver(store)
    autosaver.changed(data.with_corrections(corrections))   # saved within a second

Every store method returns a Future of plain frozen dataclasses; see ``store.py``.
"""

from db.opening import OpenStatus
from db.roles import DocumentRole
from desktop.sessions.autosave import AUTOSAVE_DELAY, Autosaver
from desktop.sessions.data import Note, SessionData, SessionSummary, StoredDocument, UiState
from desktop.sessions.paths import DB_ENV, data_dir, resolve_db_path
from desktop.sessions.serialize import FormatError
from desktop.sessions.store import SessionStore, StoreError, StoreOpening, open_store

__all__ = [
    "AUTOSAVE_DELAY",
    "DB_ENV",
    "Autosaver",
    "DocumentRole",
    "FormatError",
    "Note",
    "OpenStatus",
    "SessionData",
    "SessionStore",
    "SessionSummary",
    "StoreError",
    "StoreOpening",
    "StoredDocument",
    "UiState",
    "data_dir",
    "open_store",
    "resolve_db_path",
]
