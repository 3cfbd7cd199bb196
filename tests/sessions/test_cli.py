"""``readout sessions list|show|export|import|delete`` through ``sessions_command``."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from desktop.sessions.data import Note
from desktop.sessions.store import SessionStore, open_store
from desktop.sessions_cli import sessions_command
from tests.sessions.conftest import CASE_TITLE, case_documents

Capture = pytest.CaptureFixture[str]


def _filled(db_path: Path) -> list[int]:
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        first = store.create_session(case_documents()).result()
        store.save_session(first.with_note(Note.new("Ask the embassy"))).result()
        second = store.create_session(case_documents()[1:2], title="Trade article").result()
        return [first.id, second.id]


def _run(capsys: Capture, *argv: str) -> tuple[int, str, str]:
    status = sessions_command(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_prints_recent_first_and_json(db_path: Path, capsys: Capture) -> None:
    first, second = _filled(db_path)
    status, out, _ = _run(capsys, "list", "--db", str(db_path))
    assert status == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "UPDATED", "DOCS", "TITLE"]
    assert lines[1].split()[0] == str(second) and lines[1].endswith("Trade article")
    assert lines[2].endswith(CASE_TITLE)
    status, out, _ = _run(capsys, "list", "--json", "--search", "embassy", "--db", str(db_path))
    assert status == 0
    rows = json.loads(out)
    assert [r["id"] for r in rows] == [first]
    assert rows[0]["documents"] == 3 and rows[0]["notes"] == 1


def test_the_database_comes_from_the_environment_or_a_leading_db(
    db_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    _filled(db_path)
    monkeypatch.setenv("READOUT_DB", str(db_path))
    assert json.loads(_run(capsys, "list", "--json")[1])[0]["title"] == "Trade article"
    monkeypatch.setenv("READOUT_DB", str(db_path.with_name("other.sqlite3")))
    assert json.loads(_run(capsys, "--db", str(db_path), "list", "--json")[1]) != []
    assert json.loads(_run(capsys, "list", "--json")[1]) == []


def test_show_describes_a_session_and_json_holds_everything(db_path: Path, capsys: Capture) -> None:
    first, _ = _filled(db_path)
    status, out, _ = _run(capsys, "show", str(first), "--db", str(db_path))
    assert status == 0
    assert out.startswith(f"Session {first}: {CASE_TITLE}")
    assert "[counterpart readout] Counterpart’s readout (Ω)" in out
    assert "session: Ask the embassy" in out
    status, out, _ = _run(capsys, "show", str(first), "--json", "--db", str(db_path))
    data = json.loads(out)
    assert data["documents"][0]["text"] == case_documents()[0].text
    assert data["notes"][0]["text"] == "Ask the embassy"


def test_export_import_delete_round_trip(db_path: Path, tmp_path: Path, capsys: Capture) -> None:
    first, second = _filled(db_path)
    target = tmp_path / "out" / "call.readout"
    status, out, _ = _run(capsys, "export", str(first), "-o", str(target), "--db", str(db_path))
    assert status == 0 and target.exists() and str(target) in out
    status, out, _ = _run(capsys, "delete", str(first), "--db", str(db_path))
    assert status == 0 and f"Deleted session {first}" in out
    status, out, _ = _run(capsys, "import", str(target), "--json", "--db", str(db_path))
    assert status == 0
    (added,) = json.loads(out)
    assert added["id"] not in (first, second) and added["title"] == CASE_TITLE
    listed = json.loads(_run(capsys, "list", "--json", "--db", str(db_path))[1])
    assert [r["id"] for r in listed] == [added["id"], second]


def test_export_all_writes_one_file_per_session(
    db_path: Path, tmp_path: Path, capsys: Capture
) -> None:
    first, second = _filled(db_path)
    folder = tmp_path / "backup"
    status, _, _ = _run(capsys, "export", "--all", "-o", str(folder), "--db", str(db_path))
    assert status == 0
    assert sorted(p.name for p in folder.iterdir()) == [
        f"example-ministry-readout-of-the-call-1-jul-2025-{first}.readout",
        f"trade-article-{second}.readout",
    ]


def test_unknown_ids_and_bad_files_give_a_message_and_a_status(
    db_path: Path, tmp_path: Path, capsys: Capture
) -> None:
    _filled(db_path)
    status, _, err = _run(capsys, "show", "999", "--db", str(db_path))
    assert status == 1 and err == "readout: there is no session 999\n"
    assert _run(capsys, "delete", "999", "--db", str(db_path))[0] == 1
    assert _run(capsys, "export", "999", "--db", str(db_path))[0] == 1
    junk = tmp_path / "junk.readout"
    junk.write_text("not a session", encoding="utf-8")
    status, _, err = _run(capsys, "import", str(junk), "--db", str(db_path))
    assert status == 2 and err.startswith("readout: junk.readout is not a Readout session file")
    with pytest.raises(SystemExit):
        sessions_command(["export", "--db", str(db_path)])


def test_the_cli_reports_a_newer_database_and_leaves_it_alone(
    db_path: Path, capsys: Capture
) -> None:
    _filled(db_path)
    with closing(sqlite3.connect(db_path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffff_newer'")
        connection.commit()
    before = db_path.read_bytes()
    status, out, err = _run(capsys, "list", "--db", str(db_path))
    assert status == 2 and out == ""
    assert "newer version of Readout" in err and "left untouched" in err
    assert db_path.read_bytes() == before


def test_the_cli_works_beside_an_open_window(
    db_path: Path, store: SessionStore, capsys: Capture
) -> None:
    """``store`` (the fixture) holds the window's lock on ``db_path``."""
    store.create_session(case_documents()).result()
    status, out, _ = _run(capsys, "list", "--json", "--db", str(db_path))
    assert status == 0 and len(json.loads(out)) == 1


def test_control_characters_from_a_title_or_file_name_are_printed_escaped(
    db_path: Path, tmp_path: Path, capsys: Capture
) -> None:
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        data = store.create_session(case_documents(), title="Call\x1b[2J\x1b]0;x\x07").result()
        path = store.export_session(data.id, tmp_path / "odd\x1b[31m.readout").result()
    status, out, _ = _run(capsys, "import", str(path), "--db", str(db_path))
    assert status == 0
    assert "\x1b" not in out and "odd\\x1b[31m.readout" in out and "Call\\x1b[2J" in out
    status, out, _ = _run(capsys, "list", "--db", str(db_path))
    assert status == 0 and "\x1b" not in out and "\x07" not in out
    status, out, _ = _run(capsys, "show", str(data.id), "--db", str(db_path))
    assert status == 0 and "\x1b" not in out
