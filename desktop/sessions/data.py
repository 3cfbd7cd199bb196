"""A session as plain, immutable data: what the window and the CLI get from the store.

Nothing here touches the database or Qt. Anchors are the engine's
:class:`~desktop.engine.corrections.SentenceAnchor`: ``document`` is the index in the
comparison (0 the official side — derived from the article in single-article mode —
1… the backgrounds in order), so a note or a selection re-attaches by text hash
exactly like a correction does.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

from db.roles import DocumentRole
from db.types import utc_now
from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.corrections import CorrectedComparison, Correction, SentenceAnchor
from desktop.engine.corrections import apply_corrections as _apply
from desktop.engine.document import Document
from desktop.engine.settings import CompareSettings

UNTITLED = "Untitled session"


@dataclass(frozen=True)
class StoredDocument:
    """A document of a session: its role, full text and where it came from."""

    role: DocumentRole
    text: str
    title: str = ""
    source: str = ""
    date: str | None = None
    metadata: Mapping[str, str] = field(default_factory=dict, hash=False)
    retrieved_at: datetime | None = None
    sha256: str = field(init=False)

    def __post_init__(self) -> None:
        _check_aware(self.retrieved_at, "retrieved_at")
        digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()
        object.__setattr__(self, "sha256", digest)
        object.__setattr__(self, "metadata", dict(self.metadata))

    @classmethod
    def from_document(
        cls,
        document: Document,
        role: DocumentRole = DocumentRole.BACKGROUND,
        *,
        retrieved_at: datetime | None = None,
    ) -> StoredDocument:
        """``retrieved_at`` defaults to the reader's ``retrieved_at`` metadata (URLs), else now."""
        return cls(
            role=role,
            text=document.text,
            title=document.title,
            source=document.source,
            date=document.date,
            metadata=dict(document.metadata),
            retrieved_at=retrieved_at or _retrieved(document) or utc_now(),
        )

    def to_document(self) -> Document:
        return Document(
            text=self.text,
            title=self.title,
            source=self.source,
            date=self.date,
            metadata=dict(self.metadata),
        )

    @property
    def name(self) -> str:
        """What a list calls it (``desktop.naming``): its own title and date, else its file name."""
        return naming.document_name(self)


def _retrieved(document: Document) -> datetime | None:
    value = document.metadata.get("retrieved_at")
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


@dataclass(frozen=True)
class Note:
    """A note on a sentence (``anchor``) or on the whole session (``anchor`` is None).

    ``uid`` names the note for its whole life (edits, saves, exports), so the window
    can keep track of it without database ids.
    """

    text: str
    anchor: SentenceAnchor | None
    uid: str
    created_at: datetime
    updated_at: datetime

    def __post_init__(self) -> None:
        _check_aware(self.created_at, "created_at")
        _check_aware(self.updated_at, "updated_at")

    @classmethod
    def new(cls, text: str, anchor: SentenceAnchor | None = None) -> Note:
        now = utc_now()
        return cls(text=text, anchor=anchor, uid=uuid.uuid4().hex, created_at=now, updated_at=now)

    @classmethod
    def on_sentence(cls, comparison: Comparison, document: int, index: int, text: str) -> Note:
        return cls.new(text, SentenceAnchor.of(comparison, document, index))

    def edited(self, text: str) -> Note:
        return replace(self, text=text, updated_at=utc_now())

    @property
    def on_session(self) -> bool:
        return self.anchor is None


@dataclass(frozen=True)
class UiState:
    """Where the user was. ``scroll`` has one value per comparison document (the window
    decides the unit); ``extra`` holds any other JSON-serialisable window state."""

    selected: SentenceAnchor | None = None
    scroll: tuple[float, ...] = ()
    absent_only: bool = False
    sources_only: bool = False
    search: str = ""
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)


@dataclass(frozen=True)
class SessionSummary:
    """One row of the sessions list."""

    id: int
    title: str
    single_article: bool
    created_at: datetime
    updated_at: datetime
    opened_at: datetime | None
    document_count: int
    correction_count: int
    note_count: int


@dataclass(frozen=True)
class SessionData:
    """Everything stored about one session. Change it with ``dataclasses.replace`` or the
    ``with_…`` helpers and hand the result to the autosaver; ``comparison()`` recomputes."""

    id: int
    title: str
    title_is_custom: bool
    created_at: datetime
    updated_at: datetime
    opened_at: datetime | None = None
    documents: tuple[StoredDocument, ...] = ()
    single_article: bool = False
    corrections: tuple[Correction, ...] = ()
    notes: tuple[Note, ...] = ()
    ui_state: UiState = field(default_factory=UiState)
    settings: CompareSettings = field(default_factory=CompareSettings)  # the ignore rules

    def __post_init__(self) -> None:
        for name in ("created_at", "updated_at", "opened_at"):
            _check_aware(getattr(self, name), name)
        check_documents(self.documents, self.single_article)

    @property
    def official(self) -> StoredDocument | None:
        return next((d for d in self.documents if d.role is DocumentRole.OFFICIAL), None)

    @property
    def backgrounds(self) -> tuple[StoredDocument, ...]:
        """Every document compared against the official side, in order."""
        return tuple(d for d in self.documents if d.role is not DocumentRole.OFFICIAL)

    @property
    def comparable(self) -> bool:
        return bool(self.backgrounds) and (self.single_article or self.official is not None)

    @property
    def session_notes(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.anchor is None)

    @property
    def sentence_notes(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.anchor is not None)

    def compute(self) -> Comparison | None:
        """The engine's comparison of the stored inputs, judged by the session's own
        settings (None when a side is missing)."""
        # The workspace decides which comparison runs; one place for the window and the CLI.
        from desktop.workspace.comparing import compare_documents

        if not self.comparable:
            return None
        official, backgrounds = self.inputs()
        return compare_documents(
            official, backgrounds, single_article=self.single_article, settings=self.settings
        )

    def comparison(self) -> CorrectedComparison | None:
        """The comparison with the user's corrections re-applied (re-attached by hash)."""
        machine = self.compute()
        return None if machine is None else _apply(machine, self.corrections)

    def inputs(self) -> tuple[Document | None, tuple[Document, ...]]:
        """The engine documents for the window's ``Session(official, backgrounds, …)``."""
        official = self.official
        return (
            official.to_document() if official is not None else None,
            tuple(d.to_document() for d in self.backgrounds),
        )

    def with_inputs(
        self,
        official: Document | None,
        backgrounds: Sequence[Document],
        *,
        single_article: bool = False,
    ) -> SessionData:
        """New inputs from the window (``desktop.workspace.inputs.SessionInputs``' fields). A document
        already stored with the same text keeps its role and retrieval time."""
        known = {d.sha256: d for d in self.documents}

        def stored(document: Document, default: DocumentRole) -> StoredDocument:
            fresh = StoredDocument.from_document(document, default)
            kept = known.get(fresh.sha256)
            if kept is None:
                return fresh
            official = DocumentRole.OFFICIAL
            role = default if official in (default, kept.role) else kept.role
            return replace(fresh, role=role, retrieved_at=kept.retrieved_at)

        documents = [stored(official, DocumentRole.OFFICIAL)] if official is not None else []
        documents += [stored(d, DocumentRole.BACKGROUND) for d in backgrounds]
        return replace(self, documents=tuple(documents), single_article=single_article)

    def with_corrections(self, corrections: Sequence[Correction]) -> SessionData:
        return replace(self, corrections=tuple(corrections))

    def with_note(self, note: Note) -> SessionData:
        """Add ``note``, or replace the note with the same ``uid``."""
        notes = [n for n in self.notes if n.uid != note.uid]
        if len(notes) == len(self.notes):
            return replace(self, notes=(*self.notes, note))
        return replace(self, notes=tuple(note if n.uid == note.uid else n for n in self.notes))

    def without_note(self, uid: str) -> SessionData:
        return replace(self, notes=tuple(n for n in self.notes if n.uid != uid))

    def with_ui_state(self, state: UiState) -> SessionData:
        return replace(self, ui_state=state)

    def with_settings(self, settings: CompareSettings) -> SessionData:
        return replace(self, settings=settings)


def _check_aware(value: datetime | None, name: str) -> None:
    # SQLite keeps no offset: a naive local time stored as UTC would move by the user's offset.
    if value is not None and value.tzinfo is None:
        raise ValueError(f"{name} must be an aware datetime, not {value!r}")


def check_documents(documents: Sequence[StoredDocument], single_article: bool) -> None:
    officials = sum(d.role is DocumentRole.OFFICIAL for d in documents)
    if officials > 1:
        raise ValueError("a session has at most one official document")
    if single_article and officials:
        raise ValueError("a single-article session derives its official side; store none")


def default_title(documents: Sequence[StoredDocument]) -> str:
    """Named from the documents' own titles and date (``desktop.naming.session_title``),
    else "Untitled session"."""
    official = next((d for d in documents if d.role is DocumentRole.OFFICIAL), None)
    others = [d for d in documents if d is not official]
    return naming.session_title(official, others).strip() or UNTITLED
