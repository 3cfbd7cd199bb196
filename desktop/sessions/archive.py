"""The ``.readout`` file: one session in a zip of JSON and UTF-8 text a colleague can open.

Layout (format version 1)::

    manifest.json        {"format": "readout-session", "version": 1,
                          "exported_at": "…+00:00", "exported_by": "readout 0.1.0"}
    session.json         the session (see ``serialize.session_to_json``): title, times,
                         single_article, documents (role, title, source, date,
                         retrieved_at, sha256, metadata, text_file), corrections (the
                         engine's Correction.to_dict()), notes (uid, text, anchor,
                         times), ui_state (selected anchor, scroll, filters, extra),
                         settings (the ignore rules, ``{"ignore": ["case", …]}``;
                         absent in files written before them: the defaults)
    documents/0.txt      each document's full text, exactly, in UTF-8
    documents/1.txt …

Why a zip of JSON rather than an SQLite file: it does not depend on the database
schema (a colleague on another Readout version reads it without migrations), it
can be inspected with any unzip tool, and opening it runs no SQL from someone
else's file. Readers refuse a higher ``version``; SHA-256s are checked; sizes are
bounded (a small zip cannot expand into gigabytes), and every field is checked
(``desktop.sessions.checks``) before the store writes anything.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.ingest.guard import MAX_TEXT_CHARS
from desktop.sessions.checks import MAX_DOCUMENTS
from desktop.sessions.data import SessionData
from desktop.sessions.serialize import FormatError, session_from_json, session_to_json

FORMAT = "readout-session"
FORMAT_VERSION = 1
SUFFIX = ".readout"
MANIFEST = "manifest.json"
SESSION = "session.json"
# UTF-8 takes at most 4 bytes a character: a document's text file, within the text limit.
MAX_MEMBER_BYTES = 4 * MAX_TEXT_CHARS
MAX_SESSION_JSON_BYTES = 32 * 2**20
MAX_TOTAL_BYTES = 512 * 2**20
MAX_MEMBERS = MAX_DOCUMENTS + 16


def write_archive(data: SessionData, path: Path) -> Path:
    """Write ``data`` to ``path`` atomically (a partial file never takes its place)."""
    from desktop import __version__

    path = Path(path)
    manifest = {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "exported_at": datetime.now(UTC).isoformat(),
        "exported_by": f"readout {__version__}",
    }
    session = session_to_json(data, text_files=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=".export-", suffix=SUFFIX, dir=path.parent)
    os.close(handle)
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, _dumps(manifest))
            archive.writestr(SESSION, _dumps(session))
            for item, document in zip(session["documents"], data.documents, strict=True):
                archive.writestr(item["text_file"], document.text.encode("utf-8"))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def read_archive(path: Path) -> SessionData:
    """The session in a ``.readout`` file; :class:`FormatError` says what is wrong with it."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            return _read(archive, path)
    except FileNotFoundError as error:
        raise FormatError(f"{path} does not exist") from error
    except IsADirectoryError as error:
        raise FormatError(f"{path} is a folder, not a .readout file") from error
    except (zipfile.BadZipFile, EOFError) as error:
        raise FormatError(
            f"{path.name} is not a Readout session file (not a zip archive)"
        ) from error
    except (NotImplementedError, RuntimeError) as error:  # encrypted, unknown compression
        raise FormatError(f"{path.name} cannot be read: {error}") from error
    except OSError as error:
        raise FormatError(f"cannot read {path}: {error.strerror or error}") from error


def _read(archive: zipfile.ZipFile, path: Path) -> SessionData:
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise FormatError(f"{path.name} holds {len(infos):,} files; not a Readout session")
    members = {info.filename: info for info in infos}
    if sum(info.file_size for info in members.values()) > MAX_TOTAL_BYTES:
        raise FormatError(f"{path.name} is too large to be a Readout session")
    if MANIFEST not in members or SESSION not in members:
        raise FormatError(f"{path.name} is not a Readout session file (no {MANIFEST})")
    manifest = _json(archive, members[MANIFEST], 64 * 1024, path.name)
    if not isinstance(manifest, Mapping) or manifest.get("format") != FORMAT:
        raise FormatError(f"{path.name} is not a Readout session file")
    version = manifest.get("version")
    if not isinstance(version, int) or version < 1:
        raise FormatError(f"{path.name} has no valid format version")
    if version > FORMAT_VERSION:
        raise FormatError(
            f"{path.name} was saved by a newer Readout (session format {version}); "
            "update Readout to open it"
        )

    def text_of(index: int, item: Mapping[str, Any]) -> str:
        name = item.get("text_file")
        if not isinstance(name, str) or name not in members:
            raise FormatError(f"document {index} has no text in {path.name}")
        try:
            return _member(archive, members[name]).decode("utf-8")
        except UnicodeDecodeError as error:
            raise FormatError(f"document {index} in {path.name} is not UTF-8 text") from error

    session = _json(archive, members[SESSION], MAX_SESSION_JSON_BYTES, path.name)
    try:
        return session_from_json(session, text_of)
    except FormatError as error:
        message = str(error)
        if path.name in message:
            raise
        raise FormatError(f"{path.name}: {message}") from error


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int | None = None) -> bytes:
    limit = MAX_MEMBER_BYTES if limit is None else limit
    if info.file_size > limit:
        raise FormatError(f"{info.filename} is too large")
    with archive.open(info) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise FormatError(f"{info.filename} is too large")
    return data


def _json(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, name: str) -> Any:
    try:
        return json.loads(_member(archive, info, limit).decode("utf-8"))
    # ValueError: an integer of more than 4,300 digits; RecursionError: [[[[…]]]] nesting
    except (UnicodeDecodeError, ValueError, RecursionError) as error:
        raise FormatError(f"{name}: {info.filename} is not valid JSON") from error


def _dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
