"""The .readout file: what is inside, and a clear refusal of anything that is not one."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from desktop.sessions import archive
from desktop.sessions.archive import read_archive
from desktop.sessions.data import SessionData
from desktop.sessions.serialize import FormatError
from desktop.sessions.store import SessionStore
from tests.sessions.conftest import case_documents


@pytest.fixture
def exported(store: SessionStore, tmp_path: Path) -> tuple[SessionData, Path]:
    data = store.create_session(case_documents(), title="Shared case").result()
    return data, store.export_session(data.id, tmp_path / "case.readout").result()


def _rewrite(source: Path, target: Path, **replace: bytes | None) -> Path:
    """A copy of the archive with members replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename in replace:
                continue
            new.writestr(info, old.read(info))
        for name, content in replace.items():
            if content is not None:
                new.writestr(name, content)
    return target


def _session_json(path: Path) -> dict[str, object]:
    with zipfile.ZipFile(path) as zipped:
        data = json.loads(zipped.read("session.json"))
    assert isinstance(data, dict)
    return data


def test_the_file_is_a_zip_of_json_and_the_exact_texts(
    exported: tuple[SessionData, Path],
) -> None:
    data, path = exported
    with zipfile.ZipFile(path) as zipped:
        names = set(zipped.namelist())
        manifest = json.loads(zipped.read("manifest.json"))
        texts = [zipped.read(f"documents/{i}.txt").decode("utf-8") for i in range(3)]
    assert names == {"manifest.json", "session.json", *(f"documents/{i}.txt" for i in range(3))}
    assert manifest["format"] == "readout-session" and manifest["version"] == 1
    assert texts == [d.text for d in data.documents]
    session = _session_json(path)
    assert session["title"] == "Shared case"
    documents = session["documents"]
    assert isinstance(documents, list)
    assert [d["sha256"] for d in documents] == [d.sha256 for d in data.documents]


def test_importing_adds_a_new_session_at_the_top_each_time(
    store: SessionStore, exported: tuple[SessionData, Path]
) -> None:
    data, path = exported
    later = store.create_session(case_documents()[1:]).result()
    first = store.import_session(path).result()
    second = store.import_session(path).result()
    assert len({data.id, later.id, first.id, second.id}) == 4
    listed = [s.id for s in store.list_sessions().result()]
    assert listed[:2] == [second.id, first.id]
    assert first.title == "Shared case"


def test_a_newer_format_is_refused_with_a_reason(
    exported: tuple[SessionData, Path], tmp_path: Path
) -> None:
    _, path = exported
    manifest = json.dumps({"format": "readout-session", "version": 2}).encode()
    newer = _rewrite(path, tmp_path / "newer.readout", **{"manifest.json": manifest})
    with pytest.raises(FormatError, match="newer Readout"):
        read_archive(newer)


def test_a_changed_text_is_caught_by_its_hash(
    exported: tuple[SessionData, Path], tmp_path: Path
) -> None:
    _, path = exported
    tampered = _rewrite(path, tmp_path / "t.readout", **{"documents/1.txt": b"Something else."})
    with pytest.raises(FormatError, match="SHA-256"):
        read_archive(tampered)


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        ("not-zip", "not a zip archive"),
        ("no-manifest", "no manifest.json"),
        ("other-format", "not a Readout session file"),
        ("bad-json", "not valid JSON"),
        ("missing-text", "has no text"),
        ("missing-field", "missing-field.readout: created_at is missing"),
        ("not-utf8", "not UTF-8"),
    ],
)
def test_a_broken_file_gives_one_clear_reason(
    exported: tuple[SessionData, Path], tmp_path: Path, damage: str, reason: str
) -> None:
    _, path = exported
    target = tmp_path / f"{damage}.readout"
    if damage == "not-zip":
        target.write_text("hello", encoding="utf-8")
    elif damage == "no-manifest":
        _rewrite(path, target, **{"manifest.json": None})
    elif damage == "other-format":
        _rewrite(path, target, **{"manifest.json": b'{"format": "zip-of-cats", "version": 1}'})
    elif damage == "bad-json":
        _rewrite(path, target, **{"session.json": b"{not json"})
    elif damage == "missing-text":
        _rewrite(path, target, **{"documents/2.txt": None})
    elif damage == "missing-field":
        session = _session_json(path)
        del session["created_at"]
        _rewrite(path, target, **{"session.json": json.dumps(session).encode()})
    else:
        _rewrite(path, target, **{"documents/0.txt": b"\xff\xfe\xfa"})
    with pytest.raises(FormatError, match=reason):
        read_archive(target)


def test_an_oversized_member_is_refused_before_it_is_read(
    exported: tuple[SessionData, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, path = exported
    monkeypatch.setattr(archive, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(FormatError, match="too large"):
        read_archive(path)


def test_a_failed_export_leaves_no_partial_file(
    store: SessionStore, exported: tuple[SessionData, Path], tmp_path: Path
) -> None:
    data, _ = exported
    target = tmp_path / "out" / "case.readout"
    target.parent.mkdir()
    target.write_bytes(b"previous export")

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zipfile.ZipFile, "writestr", broken)
        with pytest.raises(OSError):
            store.export_session(data.id, target).result()
    assert target.read_bytes() == b"previous export"
    assert [p.name for p in target.parent.iterdir()] == ["case.readout"]
