"""Queries and writes on the session tables, given an ORM session inside a transaction.

These functions take and return ORM records and small named tuples; they are meant
to run on the store's one database thread (``desktop.sessions.store``), which turns
what they return into plain data before anything leaves that thread.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import ColumnElement, Select, String, delete, exists, func, or_, select, update
from sqlalchemy.orm import Session, selectinload

from db.engine import FOLD_FUNCTION
from db.models import CorrectionRecord, DocumentRecord, NoteRecord, SessionRecord, UiStateRecord
from db.roles import DocumentRole


class SessionListing(NamedTuple):
    id: int
    title: str
    single_article: bool
    created_at: datetime
    updated_at: datetime
    opened_at: datetime | None
    document_count: int
    correction_count: int
    note_count: int


class DocumentFingerprint(NamedTuple):
    """Everything about a stored document but its text (the SHA-256 stands for it)."""

    role: DocumentRole
    sha256: str
    title: str
    source: str
    date: str | None
    retrieved_at: datetime | None
    meta: dict[str, str]


def _count(model: type[Any]) -> Any:
    return (
        select(func.count())
        .select_from(model)
        .where(model.session_id == SessionRecord.id)
        .scalar_subquery()
    )


def _contains(column: Any, folded: str) -> ColumnElement[bool]:
    folded_column: ColumnElement[str] = getattr(func, FOLD_FUNCTION)(column, type_=String)
    return folded_column.contains(folded, autoescape=True)


def _listing_query() -> Select[tuple[Any, ...]]:
    """The columns of a sessions-list row (the fields of :class:`SessionListing`)."""
    return select(
        SessionRecord.id,
        SessionRecord.title,
        SessionRecord.single_article,
        SessionRecord.created_at,
        SessionRecord.updated_at,
        SessionRecord.opened_at,
        _count(DocumentRecord),
        _count(CorrectionRecord),
        _count(NoteRecord),
    )


def list_sessions(
    session: Session, search: str = "", limit: int | None = None
) -> list[SessionListing]:
    """Sessions, most recently changed first; ``search`` matches (case-insensitively, in any
    script) the title, a document's title or text, or a note."""
    query = _listing_query().order_by(SessionRecord.updated_at.desc(), SessionRecord.id.desc())
    folded = search.strip().casefold()
    if folded:
        in_documents = exists().where(
            DocumentRecord.session_id == SessionRecord.id,
            or_(_contains(DocumentRecord.title, folded), _contains(DocumentRecord.text, folded)),
        )
        in_notes = exists().where(
            NoteRecord.session_id == SessionRecord.id, _contains(NoteRecord.text, folded)
        )
        query = query.where(or_(_contains(SessionRecord.title, folded), in_documents, in_notes))
    if limit is not None:
        query = query.limit(limit)
    return [SessionListing(*row) for row in session.execute(query)]


def listing(session: Session, session_id: int) -> SessionListing | None:
    query = _listing_query().where(SessionRecord.id == session_id)
    row = session.execute(query).one_or_none()
    return SessionListing(*row) if row is not None else None


def load_session(session: Session, session_id: int) -> SessionRecord | None:
    """A session with its documents, corrections, notes and UI state loaded."""
    query = (
        select(SessionRecord)
        .where(SessionRecord.id == session_id)
        .options(
            selectinload(SessionRecord.documents),
            selectinload(SessionRecord.corrections),
            selectinload(SessionRecord.notes),
            selectinload(SessionRecord.ui_state),
        )
    )
    return session.scalars(query).one_or_none()


def session_record(session: Session, session_id: int) -> SessionRecord | None:
    """The session row alone, nothing loaded with it."""
    return session.get(SessionRecord, session_id)


def last_opened_id(session: Session) -> int | None:
    """The session opened most recently (else the most recently changed one)."""
    query = (
        select(SessionRecord.id)
        .order_by(
            SessionRecord.opened_at.is_(None),
            SessionRecord.opened_at.desc(),
            SessionRecord.updated_at.desc(),
            SessionRecord.id.desc(),
        )
        .limit(1)
    )
    return session.scalars(query).first()


def id_taken(session: Session, session_id: int) -> bool:
    return session.get(SessionRecord, session_id) is not None


def mark_opened(session: Session, session_id: int, when: datetime) -> None:
    session.execute(
        update(SessionRecord).where(SessionRecord.id == session_id).values(opened_at=when)
    )


def delete_session(session: Session, session_id: int) -> bool:
    """Delete a session; its documents, corrections, notes and UI state go with it."""
    result = session.execute(delete(SessionRecord).where(SessionRecord.id == session_id))
    return bool(getattr(result, "rowcount", 0))


def document_fingerprints(session: Session, session_id: int) -> list[DocumentFingerprint]:
    query = (
        select(
            DocumentRecord.role,
            DocumentRecord.sha256,
            DocumentRecord.title,
            DocumentRecord.source,
            DocumentRecord.date,
            DocumentRecord.retrieved_at,
            DocumentRecord.meta,
        )
        .where(DocumentRecord.session_id == session_id)
        .order_by(DocumentRecord.position)
    )
    return [DocumentFingerprint(*row) for row in session.execute(query)]


def correction_data(session: Session, session_id: int) -> list[dict[str, Any]]:
    query = (
        select(CorrectionRecord.data)
        .where(CorrectionRecord.session_id == session_id)
        .order_by(CorrectionRecord.position)
    )
    return list(session.scalars(query))


def notes(session: Session, session_id: int) -> list[NoteRecord]:
    query = (
        select(NoteRecord).where(NoteRecord.session_id == session_id).order_by(NoteRecord.position)
    )
    return list(session.scalars(query))


def ui_state(session: Session, session_id: int) -> UiStateRecord | None:
    return session.get(UiStateRecord, session_id)


def replace_documents(
    session: Session, session_id: int, documents: Sequence[DocumentRecord]
) -> None:
    # Delete first and flush: the new rows reuse the (session_id, position) pairs.
    session.execute(delete(DocumentRecord).where(DocumentRecord.session_id == session_id))
    session.flush()
    _add_positioned(session, session_id, documents)


def replace_corrections(
    session: Session, session_id: int, corrections: Sequence[CorrectionRecord]
) -> None:
    session.execute(delete(CorrectionRecord).where(CorrectionRecord.session_id == session_id))
    session.flush()
    _add_positioned(session, session_id, corrections)


def replace_notes(session: Session, session_id: int, notes: Sequence[NoteRecord]) -> None:
    session.execute(delete(NoteRecord).where(NoteRecord.session_id == session_id))
    session.flush()
    _add_positioned(session, session_id, notes)


def replace_ui_state(session: Session, session_id: int, state: UiStateRecord) -> None:
    session.execute(delete(UiStateRecord).where(UiStateRecord.session_id == session_id))
    session.flush()
    state.session_id = session_id
    session.add(state)


def _add_positioned(
    session: Session,
    session_id: int,
    records: Sequence[DocumentRecord | CorrectionRecord | NoteRecord],
) -> None:
    for position, record in enumerate(records):
        record.session_id = session_id
        record.position = position
        session.add(record)
    session.flush()
