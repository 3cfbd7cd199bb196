"""A crafted .readout file is refused whole, with one message naming the field, and
nothing of it reaches the database.

Before, these tracebacked (duplicate note uid, offsets of 10^30, ``"id": 1e999``, a
lone surrogate, a date that overflows on its way to UTC) or imported and poisoned
the database (NaN in a scroll position, a surrogate in metadata, a 10 MB title,
a 200 MB document).
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.sessions.archive import read_archive
from desktop.sessions.data import Note, SessionData, UiState
from desktop.sessions.serialize import FormatError
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import case_documents

Session = dict[str, Any]


@pytest.fixture
def exported(store: SessionStore, tmp_path: Path) -> Path:
    notes = (Note.new("first note"), Note.new("second note"))
    data = store.create_session(
        case_documents(), title="Shared case", notes=notes, ui_state=UiState(scroll=(0.5, 0.25))
    ).result()
    return store.export_session(data.id, tmp_path / "case.readout").result()


def _rewrite(source: Path, target: Path, session: str, **members: bytes) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for name in old.namelist():
            if name != "session.json" and name not in members:
                new.writestr(name, old.read(name))
        new.writestr("session.json", session)
        for name, data in members.items():
            new.writestr(name, data)
    return target


def _session(path: Path) -> Session:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("session.json"))  # type: ignore[no-any-return]


def _set(path: str, value: Any) -> Callable[[Session], str]:
    """Edit the session at a dotted path (``notes.1.uid``); JSON text for raw values."""

    def edit(session: Session) -> str:
        *parents, last = path.split(".")
        node: Any = session
        for key in parents:
            node = node[int(key)] if key.isdigit() else node[key]
        node[int(last) if last.isdigit() else last] = "\x00RAW\x00"
        raw = value if isinstance(value, str) and value.startswith("@") else None
        text = json.dumps(session)
        return text.replace('"\\u0000RAW\\u0000"', raw[1:] if raw else json.dumps(value))

    return edit


POISONS: list[tuple[str, Callable[[Session], str], str]] = [
    ("a duplicate note uid", lambda s: _set("notes.1.uid", s["notes"][0]["uid"])(s),
     "notes[1].uid is used twice"),
    ("anchor offsets of 10^30", _set("ui_state.selected", {
        "role": "official", "document": 0, "start": 10**30, "end": 10**30 + 5,
        "sha1": "0" * 40, "document_sha256": ""}), "ui_state.selected.start is out of range (0 to 2,000,000)"),
    ("an id of 1e999", _set("id", "@1e999"), "id is not a whole number"),
    ("a lone surrogate in the title", _set("title", "@\"Case \\ud800\""),
     "title holds an invalid character (a lone surrogate)"),
    ("a lone surrogate in a note", _set("notes.0.text", "@\"\\udc00 note\""),
     "notes[0].text holds an invalid character (a lone surrogate)"),
    ("a date that overflows", _set("created_at", "9999-12-31T23:59:59-23:59"),
     "created_at is not a valid date and time ('9999-12-31T23:59:59-23:59')"),
    ("a surrogate in metadata", _set("documents.0.metadata", {"lang": "\udbff"}),
     "documents[0].metadata.lang holds an invalid character (a lone surrogate)"),
    ("NaN in a scroll position", _set("ui_state.scroll", "@[0.5, NaN]"),
     "ui_state.scroll[1] is not a finite number"),
    ("Infinity in the window's extra state", _set("ui_state.extra", "@{\"zoom\": Infinity}"),
     "ui_state.extra.zoom is not a finite number"),
    ("a 10 MB title", _set("title", "x" * 10_000_000),
     "title is longer than 500 characters (10,000,000)"),
    ("a note on a document that does not exist", _set("notes.0.anchor", {
        "role": "background", "document": 99, "start": 0, "end": 4, "sha1": "a" * 40}),
     "notes[0].anchor.document is out of range (0 to 4)"),
    ("an unknown document role", _set("documents.1.role", "propaganda"),
     "documents[1].role is not a document role ('propaganda')"),
    ("a number of 5,000 digits", _set("id", "@" + "9" * 5000), "session.json is not valid JSON"),
    ("JSON nested 100,000 deep", lambda s: "[" * 100_000 + "]" * 100_000,
     "session.json is not valid JSON"),
    ("a text in place of a list", _set("notes", "many"), "notes is not a list"),
    ("true in place of text", _set("documents.0.title", True), "documents[0].title is not text"),
]  # fmt: skip


@pytest.mark.parametrize(("what", "poison", "message"), POISONS, ids=[p[0] for p in POISONS])
def test_a_poisoned_archive_is_refused_naming_the_field(
    store: SessionStore,
    exported: Path,
    tmp_path: Path,
    what: str,
    poison: Callable[[Session], str],
    message: str,
) -> None:
    before = store.list_sessions().result()
    poisoned = _rewrite(exported, tmp_path / "poisoned.readout", poison(_session(exported)))
    with pytest.raises(FormatError) as caught:
        store.import_session(poisoned).result()
    assert str(caught.value) == f"poisoned.readout: {message}"
    assert store.list_sessions().result() == before


def test_a_huge_document_in_a_small_archive_is_refused(exported: Path, tmp_path: Path) -> None:
    text = "a" * 9_000_000  # compresses to a few KB; over the 2 M character text limit
    session = _session(exported)
    session["documents"][0]["sha256"] = hashlib.sha256(text.encode()).hexdigest()
    target = tmp_path / "huge.readout"
    with (
        zipfile.ZipFile(exported) as old,
        zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new,
    ):
        for name in old.namelist():
            if name not in ("session.json", "documents/0.txt"):
                new.writestr(name, old.read(name))
        new.writestr("session.json", json.dumps(session))
        new.writestr("documents/0.txt", text)
    assert target.stat().st_size < 640 * 1024
    with pytest.raises(FormatError, match=r"documents/0\.txt is too large"):
        read_archive(target)


def test_a_clean_archive_still_imports_whole(store: SessionStore, exported: Path) -> None:
    data: SessionData = store.import_session(exported).result()
    assert data.title == "Shared case"
    assert [n.text for n in data.notes] == ["first note", "second note"]
    assert data.ui_state.scroll == (0.5, 0.25)
