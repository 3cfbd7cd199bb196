"""A session as JSON-ready dictionaries: the ``session.json`` of a ``.readout`` file and
``readout sessions show --json``. Parsing is strict and fails with :class:`FormatError`."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from db.roles import DocumentRole
from desktop.engine.corrections import Correction, SentenceAnchor
from desktop.engine.settings import CompareSettings
from desktop.sessions.data import Note, SessionData, SessionSummary, StoredDocument, UiState

TextOf = Callable[[int, Mapping[str, Any]], str]


class FormatError(ValueError):
    """A session file or JSON that cannot be read; ``str()`` is the user's message."""


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
    """A session from :func:`session_to_json` output. ``text_of(index, document)`` supplies
    a document's text when it is stored elsewhere (the ``.readout`` archive)."""
    try:
        return _session_from_json(obj, text_of)
    except FormatError:
        raise
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FormatError(f"the session data is not valid ({_describe(error)})") from error


def _session_from_json(obj: Any, text_of: TextOf | None) -> SessionData:
    if not isinstance(obj, Mapping):
        raise FormatError("the session data is not a JSON object")
    documents = []
    for index, item in enumerate(obj["documents"]):
        text = text_of(index, item) if text_of is not None else item["text"]
        document = _document_from_json(item, text)
        if item.get("sha256") and item["sha256"] != document.sha256:
            raise FormatError(f"document {index} does not match its SHA-256; the file is damaged")
        documents.append(document)
    return SessionData(
        id=int(obj.get("id", 0)),
        title=_str(obj["title"]),
        title_is_custom=bool(obj.get("title_is_custom", False)),
        created_at=_parse_time(obj["created_at"]),
        updated_at=_parse_time(obj["updated_at"]),
        opened_at=_parse_optional_time(obj.get("opened_at")),
        documents=tuple(documents),
        single_article=bool(obj.get("single_article", False)),
        corrections=tuple(Correction.from_dict(c) for c in obj.get("corrections", [])),
        notes=tuple(_note_from_json(n) for n in obj.get("notes", [])),
        ui_state=_ui_state_from_json(obj.get("ui_state", {})),
        settings=_settings_from_json(obj.get("settings")),
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


def _document_from_json(item: Mapping[str, Any], text: str) -> StoredDocument:
    metadata = item.get("metadata", {})
    if not isinstance(metadata, Mapping):
        raise FormatError("a document's metadata is not a JSON object")
    return StoredDocument(
        role=DocumentRole(item["role"]),
        text=_str(text),
        title=_str(item.get("title", "")),
        source=_str(item.get("source", "")),
        date=None if item.get("date") is None else _str(item["date"]),
        metadata={str(k): str(v) for k, v in metadata.items()},
        retrieved_at=_parse_optional_time(item.get("retrieved_at")),
    )


def _note_to_json(note: Note) -> dict[str, Any]:
    return {
        "uid": note.uid,
        "text": note.text,
        "anchor": note.anchor.to_dict() if note.anchor else None,
        "created_at": _time(note.created_at),
        "updated_at": _time(note.updated_at),
    }


def _note_from_json(item: Mapping[str, Any]) -> Note:
    anchor = item.get("anchor")
    return Note(
        text=_str(item["text"]),
        anchor=SentenceAnchor.from_dict(anchor) if anchor else None,
        uid=_str(item["uid"]),
        created_at=_parse_time(item["created_at"]),
        updated_at=_parse_time(item["updated_at"]),
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


def _ui_state_from_json(item: Mapping[str, Any]) -> UiState:
    selected = item.get("selected")
    extra = item.get("extra", {})
    return UiState(
        selected=SentenceAnchor.from_dict(selected) if selected else None,
        scroll=tuple(float(v) for v in item.get("scroll", [])),
        absent_only=bool(item.get("absent_only", False)),
        sources_only=bool(item.get("sources_only", False)),
        search=_str(item.get("search", "")),
        extra=dict(extra) if isinstance(extra, Mapping) else {},
    )


def _settings_from_json(item: Any) -> CompareSettings:
    """A session's ignore rules; a file from before they existed has the defaults."""
    if item is not None and not isinstance(item, Mapping):
        raise FormatError("the session's settings are not a JSON object")
    return CompareSettings.from_json(item)


def _time(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat() if value is not None else None


def _parse_time(value: Any) -> datetime:
    parsed = datetime.fromisoformat(_str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _parse_optional_time(value: Any) -> datetime | None:
    return None if value is None else _parse_time(value)


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise FormatError(f"expected text, found {type(value).__name__}")
    return value


def _describe(error: BaseException) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)
