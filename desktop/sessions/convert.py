"""ORM records to plain data and back. Runs on the store's database thread only."""

from __future__ import annotations

from typing import Any

from db.models import CorrectionRecord, DocumentRecord, NoteRecord, SessionRecord, UiStateRecord
from db.repository import DocumentFingerprint, SessionListing
from desktop.engine.corrections import Correction, SentenceAnchor
from desktop.engine.settings import CompareSettings
from desktop.engine.vocabulary import Role
from desktop.sessions.data import Note, SessionData, SessionSummary, StoredDocument, UiState


def summary(row: SessionListing) -> SessionSummary:
    return SessionSummary(
        id=row.id,
        title=row.title,
        single_article=row.single_article,
        created_at=row.created_at,
        updated_at=row.updated_at,
        opened_at=row.opened_at,
        document_count=row.document_count,
        correction_count=row.correction_count,
        note_count=row.note_count,
    )


def session_data(record: SessionRecord) -> SessionData:
    state = record.ui_state
    return SessionData(
        id=record.id,
        title=record.title,
        title_is_custom=record.title_is_custom,
        created_at=record.created_at,
        updated_at=record.updated_at,
        opened_at=record.opened_at,
        documents=tuple(document(d) for d in record.documents),
        single_article=record.single_article,
        corrections=tuple(Correction.from_dict(c.data) for c in record.corrections),
        notes=tuple(note(n) for n in record.notes),
        ui_state=ui_state(state) if state is not None else UiState(),
        settings=CompareSettings.from_json(record.settings),
    )


def document(record: DocumentRecord) -> StoredDocument:
    return StoredDocument(
        role=record.role,
        text=record.text,
        title=record.title,
        source=record.source,
        date=record.date,
        metadata=dict(record.meta),
        retrieved_at=record.retrieved_at,
    )


def fingerprint(document: StoredDocument) -> DocumentFingerprint:
    return DocumentFingerprint(
        role=document.role,
        sha256=document.sha256,
        title=document.title,
        source=document.source,
        date=document.date,
        retrieved_at=document.retrieved_at,
        meta=dict(document.metadata),
    )


def document_record(document: StoredDocument) -> DocumentRecord:
    return DocumentRecord(
        role=document.role,
        text=document.text,
        title=document.title,
        source=document.source,
        date=document.date,
        retrieved_at=document.retrieved_at,
        sha256=document.sha256,
        meta=dict(document.metadata),
    )


def correction_record(correction: Correction) -> CorrectionRecord:
    anchor, target = correction.anchor, correction.target
    return CorrectionRecord(
        kind=correction.kind.value,
        anchor_role=anchor.role.value,
        anchor_document=anchor.document,
        anchor_start=anchor.start,
        anchor_end=anchor.end,
        anchor_sha1=anchor.sha1,
        anchor_document_sha256=anchor.document_sha256,
        target_document=target.document if target else None,
        target_start=target.start if target else None,
        target_end=target.end if target else None,
        target_sha1=target.sha1 if target else None,
        data=correction.to_dict(),
    )


def note(record: NoteRecord) -> Note:
    return Note(
        text=record.text,
        anchor=_anchor(
            record.anchor_role,
            record.anchor_document,
            record.anchor_start,
            record.anchor_end,
            record.anchor_sha1,
            record.anchor_document_sha256,
        ),
        uid=record.uid,
        created_at=record.created_at,
        updated_at=record.updated_at,
    )


def note_record(note: Note) -> NoteRecord:
    return NoteRecord(
        uid=note.uid,
        text=note.text,
        created_at=note.created_at,
        updated_at=note.updated_at,
        **_anchor_columns("anchor", note.anchor),
    )


def ui_state(record: UiStateRecord) -> UiState:
    return UiState(
        selected=_anchor(
            record.selected_role,
            record.selected_document,
            record.selected_start,
            record.selected_end,
            record.selected_sha1,
            record.selected_document_sha256,
        ),
        scroll=tuple(float(v) for v in record.scroll),
        absent_only=record.absent_only,
        sources_only=record.sources_only,
        search=record.search,
        extra=dict(record.extra),
    )


def ui_state_record(state: UiState) -> UiStateRecord:
    return UiStateRecord(
        scroll=list(state.scroll),
        absent_only=state.absent_only,
        sources_only=state.sources_only,
        search=state.search,
        extra=dict(state.extra),
        **_anchor_columns("selected", state.selected),
    )


def _anchor(
    role: str | None,
    document: int | None,
    start: int | None,
    end: int | None,
    sha1: str | None,
    document_sha256: str | None,
) -> SentenceAnchor | None:
    if role is None or document is None or start is None or end is None or sha1 is None:
        return None
    return SentenceAnchor(Role(role), document, start, end, sha1, document_sha256 or "")


def _anchor_columns(prefix: str, anchor: SentenceAnchor | None) -> dict[str, Any]:
    return {
        f"{prefix}_role": anchor.role.value if anchor else None,
        f"{prefix}_document": anchor.document if anchor else None,
        f"{prefix}_start": anchor.start if anchor else None,
        f"{prefix}_end": anchor.end if anchor else None,
        f"{prefix}_sha1": anchor.sha1 if anchor else None,
        f"{prefix}_document_sha256": anchor.document_sha256 if anchor else None,
    }
