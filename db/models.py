"""The tables: a session, its documents in order, the user's corrections and notes, its UI state.

Only inputs and human decisions are stored; comparisons are recomputed on open.
Anchors (of corrections, notes and the selected sentence) are the engine's
``SentenceAnchor`` spread over columns: the document's role and index in the
comparison (0 is the official side, 1… the backgrounds in order), the
sentence's offsets and a SHA-1 of its text, so they re-attach by hash when the
engine segments differently.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Enum, ForeignKey, Index, MetaData, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from db.roles import DocumentRole
from db.types import UTCDateTime

# Named constraints, so batch migrations (SQLite rebuilds the table) can find them again.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ROLE_TYPE = Enum(
    DocumentRole,
    name="document_role",
    native_enum=False,
    length=32,
    values_callable=lambda roles: [role.value for role in roles],
    validate_strings=True,
)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SessionRecord(Base):
    """One case file. ``title`` is what the list shows: the user's own title when
    ``title_is_custom``, else derived from the official document on every save."""

    __tablename__ = "sessions"
    # AUTOINCREMENT: a deleted session's id is never handed out again, so an undo can
    # restore it under the same id and an export names one session forever.
    __table_args__ = (
        Index(None, "updated_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(500), default="")
    title_is_custom: Mapped[bool] = mapped_column(default=False)
    single_article: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # CompareSettings.to_json(); NULL (saved before revision 0002) means the defaults.
    settings: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)

    documents: Mapped[list[DocumentRecord]] = relationship(
        back_populates="session",
        order_by="DocumentRecord.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )
    corrections: Mapped[list[CorrectionRecord]] = relationship(
        order_by="CorrectionRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    notes: Mapped[list[NoteRecord]] = relationship(
        order_by="NoteRecord.position", cascade="all, delete-orphan", passive_deletes=True
    )
    ui_state: Mapped[UiStateRecord | None] = relationship(
        cascade="all, delete-orphan", passive_deletes=True
    )


class DocumentRecord(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int]
    role: Mapped[DocumentRole] = mapped_column(ROLE_TYPE)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(Text, default="")
    date: Mapped[str | None] = mapped_column(String(64))
    retrieved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sha256: Mapped[str] = mapped_column(String(64))
    # "metadata" is reserved on declarative classes; the column keeps the plain name.
    meta: Mapped[dict[str, str]] = mapped_column("metadata", JSON, default=dict)

    session: Mapped[SessionRecord] = relationship(back_populates="documents")


class CorrectionRecord(Base):
    """A ``desktop.engine.corrections.Correction``: ``data`` is its ``to_dict()`` (the source of
    truth on load), the anchor columns make it queryable by document, offsets and hash."""

    __tablename__ = "corrections"
    __table_args__ = (UniqueConstraint("session_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    position: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    anchor_role: Mapped[str] = mapped_column(String(16))
    anchor_document: Mapped[int]
    anchor_start: Mapped[int]
    anchor_end: Mapped[int]
    anchor_sha1: Mapped[str] = mapped_column(String(40), index=True)
    anchor_document_sha256: Mapped[str] = mapped_column(String(64), default="")
    target_document: Mapped[int | None]
    target_start: Mapped[int | None]
    target_end: Mapped[int | None]
    target_sha1: Mapped[str | None] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON)


class NoteRecord(Base):
    """A note on a sentence (anchor columns set) or on the whole session (all NULL)."""

    __tablename__ = "notes"
    __table_args__ = (UniqueConstraint("session_id", "uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(32))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    anchor_role: Mapped[str | None] = mapped_column(String(16))
    anchor_document: Mapped[int | None]
    anchor_start: Mapped[int | None]
    anchor_end: Mapped[int | None]
    anchor_sha1: Mapped[str | None] = mapped_column(String(40))
    anchor_document_sha256: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class UiStateRecord(Base):
    """Where the user was: the selected sentence (an anchor), scroll positions, filters.

    ``extra`` holds window-specific values (JSON) that need no column of their own.
    """

    __tablename__ = "ui_state"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), primary_key=True
    )
    selected_role: Mapped[str | None] = mapped_column(String(16))
    selected_document: Mapped[int | None]
    selected_start: Mapped[int | None]
    selected_end: Mapped[int | None]
    selected_sha1: Mapped[str | None] = mapped_column(String(40))
    selected_document_sha256: Mapped[str | None] = mapped_column(String(64))
    scroll: Mapped[list[float]] = mapped_column(JSON, default=list)
    absent_only: Mapped[bool] = mapped_column(default=False)
    sources_only: Mapped[bool] = mapped_column(default=False)
    search: Mapped[str] = mapped_column(Text, default="")
    extra: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
