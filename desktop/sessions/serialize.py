"""A session as JSON-ready dictionaries: the ``session.json`` of a ``.readout`` file and
``readout sessions show --json``. Parsing is strict and fails with :class:`FormatError`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from db.roles import DocumentRole
from desktop.engine.corrections import Correction, CorrectionKind, SentenceAnchor
from desktop.engine.settings import CompareSettings
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.ingest.guard import MAX_TEXT_CHARS, without_credentials
from desktop.sessions.checks import (
    MAX_CORRECTIONS,
    MAX_DOCUMENTS,
    MAX_EXTRA_BYTES,
    MAX_FIELD_CHARS,
    MAX_ID,
    MAX_METADATA_ENTRIES,
    MAX_NOTE_CHARS,
    MAX_NOTES,
    MAX_SCROLL_VALUES,
    MAX_SEARCH_CHARS,
    MAX_TITLE_CHARS,
    MAX_TOTAL_TEXT_CHARS,
    Fields,
    FormatError,
    finite,
    hex_digest,
    json_size,
    json_value,
    text,
    uid,
)
from desktop.sessions.data import (
    Note,
    SessionData,
    SessionSummary,
    StoredDocument,
    UiState,
    check_documents,
)

TextOf = Callable[[int, Mapping[str, Any]], str]

__all__ = ["FormatError", "session_from_json", "session_to_json", "summary_to_json"]


def summary_to_json(summary: SessionSummary) -> dict[str, Any]:
    return {
        "id": summary.id,
        "title": summary.title,
        "single_article": summary.single_article,
        "created_at": _time(summary.created_at),
        "updated_at": _time(summary.updated_at),
        "opened_at": _time(summary.opened_at),
        "documents": summary.document_count,
        "corrections": summary.correction_count,
        "notes": summary.note_count,
    }


def session_to_json(data: SessionData, *, text_files: bool = False) -> dict[str, Any]:
    """The session; document texts inline, or (``text_files``) as ``documents/N.txt`` names."""
    return {
        "id": data.id,
        "title": data.title,
        "title_is_custom": data.title_is_custom,
        "created_at": _time(data.created_at),
        "updated_at": _time(data.updated_at),
        "opened_at": _time(data.opened_at),
        "single_article": data.single_article,
        "documents": [
            _document_to_json(d, f"documents/{i}.txt" if text_files else None)
            for i, d in enumerate(data.documents)
        ],
        "corrections": [c.to_dict() for c in data.corrections],
        "notes": [_note_to_json(n) for n in data.notes],
        "ui_state": _ui_state_to_json(data.ui_state),
        "settings": data.settings.to_json(),
    }


def session_from_json(obj: Any, text_of: TextOf | None = None) -> SessionData:
    """A session from :func:`session_to_json` output, every field checked (see
    ``desktop.sessions.checks``). ``text_of(index, document)`` supplies a document's text
    when it is stored elsewhere (the ``.readout`` archive)."""
    try:
        return _session_from_json(Fields(obj, ""), text_of)
    except FormatError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError, OverflowError) as error:
        raise FormatError(f"the session data is not valid ({_describe(error)})") from error


def _session_from_json(obj: Fields, text_of: TextOf | None) -> SessionData:
    documents = []
    total = 0
    for index, item in enumerate(obj.objects("documents", MAX_DOCUMENTS)):
        raw_text = text_of(index, item.value) if text_of is not None else item.required("text")
        document = _document_from_json(item, text(raw_text, f"{item.where}.text", MAX_TEXT_CHARS))
        total += len(document.text)
        if total > MAX_TOTAL_TEXT_CHARS:
            raise FormatError(
                f"the documents hold more than {MAX_TOTAL_TEXT_CHARS:,} characters of text"
            )
        if item.has("sha256") and item.raw("sha256") != document.sha256:
            raise FormatError(f"document {index} does not match its SHA-256; the file is damaged")
        documents.append(document)
    single_article = obj.flag("single_article")
    try:
        check_documents(documents, single_article)
    except ValueError as error:
        raise FormatError(f"documents: {error}") from None
    # Anchors point into the comparison: the official side (derived in single-article
    # mode) and the backgrounds, so at most one more document than are stored.
    most = len(documents) + 1
    notes = tuple(_note_from_json(n, most) for n in obj.objects("notes", MAX_NOTES))
    uids = [note.uid for note in notes]
    if len(set(uids)) != len(uids):
        twice = next(uid for uid in uids if uids.count(uid) > 1)
        raise FormatError(f"notes[{uids.index(twice, uids.index(twice) + 1)}].uid is used twice")
    created = obj.time("created_at")
    updated = obj.time("updated_at")
    assert created is not None and updated is not None
    return SessionData(
        id=obj.integer("id", 0, MAX_ID, default=0),
        title=obj.text("title", MAX_TITLE_CHARS),
        title_is_custom=obj.flag("title_is_custom"),
        created_at=created,
        updated_at=updated,
        opened_at=obj.time("opened_at", optional=True),
        documents=tuple(documents),
        single_article=single_article,
        corrections=tuple(
            _correction_from_json(c, most) for c in obj.objects("corrections", MAX_CORRECTIONS)
        ),
        notes=notes,
        ui_state=_ui_state_from_json(Fields(obj.raw("ui_state", {}), "ui_state"), most),
        settings=_settings_from_json(obj.raw("settings")),
    )


def _document_to_json(document: StoredDocument, text_file: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "role": document.role.value,
        "title": document.title,
        "source": document.source,
        "date": document.date,
        "retrieved_at": _time(document.retrieved_at),
        "sha256": document.sha256,
        "metadata": dict(document.metadata),
    }
    if text_file is None:
        data["text"] = document.text
    else:
        data["text_file"] = text_file
    return data


def _document_from_json(item: Fields, document_text: str) -> StoredDocument:
    metadata = Fields(item.raw("metadata", {}), item.name("metadata"))
    if len(metadata.value) > MAX_METADATA_ENTRIES:
        raise FormatError(f"{metadata.where} has more than {MAX_METADATA_ENTRIES} entries")
    role = item.text("role", 32)
    try:
        document_role = DocumentRole(role)
    except ValueError:
        raise FormatError(f"{item.name('role')} is not a document role ({role!r})") from None
    return StoredDocument(
        role=document_role,
        text=document_text,
        title=item.text("title", MAX_FIELD_CHARS, default=""),
        source=without_credentials(item.text("source", MAX_FIELD_CHARS, default="")),
        date=item.optional_text("date", 64),
        metadata={
            text(key, f"{metadata.where} key", 200): without_credentials(
                text(value, metadata.name(str(key)), MAX_FIELD_CHARS)
            )
            for key, value in metadata.value.items()
        },
        retrieved_at=item.time("retrieved_at", optional=True),
    )


def _anchor_from_json(anchor: Fields, most_documents: int) -> SentenceAnchor:
    role = anchor.text("role", 32)
    if role not in {r.value for r in Role}:
        raise FormatError(f"{anchor.name('role')} is not a side ({role!r})")
    start = anchor.integer("start", 0, MAX_TEXT_CHARS)
    end = anchor.integer("end", 0, MAX_TEXT_CHARS)
    if end < start:
        raise FormatError(f"{anchor.name('end')} is before {anchor.name('start')}")
    return SentenceAnchor(
        role=Role(role),
        document=anchor.integer("document", 0, most_documents),
        start=start,
        end=end,
        sha1=hex_digest(anchor.required("sha1"), anchor.name("sha1"), 40),
        document_sha256=hex_digest(
            anchor.raw("document_sha256", ""), anchor.name("document_sha256"), 64, empty=True
        ),
    )


def _correction_from_json(item: Fields, most_documents: int) -> Correction:
    kind = item.text("kind", 32)
    try:
        correction_kind = CorrectionKind(kind)
    except ValueError:
        raise FormatError(f"{item.name('kind')} is not a kind of correction ({kind!r})") from None
    attribution = item.optional_text("attribution", 32)
    coverage = item.optional_text("coverage", 32)
    if attribution is not None and attribution not in {a.value for a in Attribution}:
        raise FormatError(f"{item.name('attribution')} is not an attribution ({attribution!r})")
    if coverage is not None and coverage not in {c.value for c in Coverage}:
        raise FormatError(f"{item.name('coverage')} is not a coverage ({coverage!r})")
    target = item.raw("target")
    try:
        return Correction(
            kind=correction_kind,
            anchor=_anchor_from_json(
                Fields(item.required("anchor"), item.name("anchor")), most_documents
            ),
            attribution=Attribution(attribution) if attribution is not None else None,
            coverage=Coverage(coverage) if coverage is not None else None,
            target=None
            if target is None
            else _anchor_from_json(Fields(target, item.name("target")), most_documents),
            note=item.text("note", MAX_NOTE_CHARS, default=""),
        )
    except ValueError as error:  # a kind without its value: "a link needs a target"
        raise FormatError(f"{item.where}: {error}") from None


def _note_to_json(note: Note) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "text": note.text,
        "anchor": note.anchor.to_dict() if note.anchor else None,
        "created_at": _time(note.created_at),
        "updated_at": _time(note.updated_at),
    }


def _note_from_json(item: Fields, most_documents: int) -> Note:
    anchor = item.raw("anchor")
    created = item.time("created_at")
    updated = item.time("updated_at")
    assert created is not None and updated is not None
    return Note(
        text=item.text("text", MAX_NOTE_CHARS),
        anchor=None
        if not anchor
        else _anchor_from_json(Fields(anchor, item.name("anchor")), most_documents),
        uid=uid(item.required("uid"), item.name("uid")),
        created_at=created,
        updated_at=updated,
    )


def _ui_state_to_json(state: UiState) -> dict[str, Any]:
    return {
        "selected": state.selected.to_dict() if state.selected else None,
        "scroll": list(state.scroll),
        "absent_only": state.absent_only,
        "sources_only": state.sources_only,
        "search": state.search,
        "extra": dict(state.extra),
    }


def _ui_state_from_json(item: Fields, most_documents: int) -> UiState:
    selected = item.raw("selected")
    scroll = item.raw("scroll", [])
    if not isinstance(scroll, list) or len(scroll) > MAX_SCROLL_VALUES:
        raise FormatError(f"{item.name('scroll')} is not a list of at most {MAX_SCROLL_VALUES}")
    extra = json_value(item.raw("extra", {}), item.name("extra"))
    if not isinstance(extra, dict):
        raise FormatError(f"{item.name('extra')} is not a JSON object")
    json_size(extra, item.name("extra"), MAX_EXTRA_BYTES)
    return UiState(
        selected=None
        if not selected
        else _anchor_from_json(Fields(selected, item.name("selected")), most_documents),
        scroll=tuple(
            finite(value, f"{item.name('scroll')}[{i}]") for i, value in enumerate(scroll)
        ),
        absent_only=item.flag("absent_only"),
        sources_only=item.flag("sources_only"),
        search=item.text("search", MAX_SEARCH_CHARS, default=""),
        extra=extra,
    )


def _settings_from_json(item: Any) -> CompareSettings:
    """A session's ignore rules; a file from before they existed has the defaults."""
    if item is None:
        return CompareSettings()
    settings = Fields(item, "settings")
    rules = settings.raw("ignore", [])
    if not isinstance(rules, list) or len(rules) > 32:
        raise FormatError("settings.ignore is not a list of rules")
    for index, rule in enumerate(rules):
        text(rule, f"settings.ignore[{index}]", 64)
    return CompareSettings.from_json(settings.value)


def _time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _describe(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)
