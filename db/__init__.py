"""Readout's storage: SQLite through SQLAlchemy 2, migrated by Alembic (see db/README.md).

The database keeps inputs and human decisions (documents, corrections, notes, UI
state), never computed comparisons. Open it with :func:`open_database`, which
creates, migrates or recovers the file and says what it did; run queries through
:mod:`db.repository` on the engine's one writer thread (``desktop.sessions.store``).
"""

from db.engine import make_engine, session_factory, transaction
from db.opening import OpenedDatabase, OpenStatus, ensure_schema, open_database
from db.roles import DocumentRole
from db.schema import head_revision

__all__ = [
    "DocumentRole",
    "OpenStatus",
    "OpenedDatabase",
    "ensure_schema",
    "head_revision",
    "make_engine",
    "open_database",
    "session_factory",
    "transaction",
]
