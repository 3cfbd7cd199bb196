"""``readout sessions export ID --pdf OUT.pdf``: a stored session's comparison PDF, headless."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Coverage
from desktop.sessions.data import Note, SessionData
from desktop.sessions.store import open_store
from desktop.sessions_cli import sessions_command
from tests.sessions.conftest import ROOT, case_documents, sample_article


def squash(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKC", text) if not c.isspace())


def _stored_sample(db_path: Path) -> tuple[int, SessionData]:
    """The sample article as a session with a custom title, a correction and two notes."""
    from desktop.sessions.data import StoredDocument

    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        document = StoredDocument.from_document(sample_article())
        created = store.create_session(
            [document], single_article=True, title="Hegseth call"
        ).result()
        machine = created.compute()
        assert machine is not None
        partial = next(s for s in machine.documents[1].sentences if s.coverage is Coverage.PARTIAL)
        data = created.with_corrections(
            [Correction.coverage_of(machine, 1, partial.index, Coverage.ABSENT)]
        )
        data = data.with_note(Note.on_sentence(machine, 1, partial.index, "Who briefed this?"))
        data = data.with_note(Note.new("Session note: for Friday."))
        store.save_session(data).result()
        return created.id, data


def _headless_env() -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


def test_sessions_export_pdf_writes_the_session_in_a_process_without_a_display(
    db_path: Path, tmp_path: Path
) -> None:
    session_id, _ = _stored_sample(db_path)
    out = tmp_path / "brief.pdf"
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "sessions",
            "export",
            str(session_id),
            "--pdf",
            str(out),
            "--page-size",
            "letter",
            "--db",
            str(db_path),
        ],
        capture_output=True,
        text=True,
        env=_headless_env(),
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"Exported session {session_id} “Hegseth call” to {out}" in completed.stdout
    assert "Letter" in completed.stdout
    reader = PdfReader(str(out))
    assert reader.metadata is not None and reader.metadata.title == "Hegseth call"
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)
    body = squash("".join(page.extract_text() or "" for page in reader.pages))
    assert squash("✱ Note Who briefed this?") in body, "the note follows its sentence"
    assert squash("Session note: for Friday.") in body
    assert squash("✎ corrected: coverage partial → absent") in body


def test_sessions_export_pdf_says_what_is_wrong(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id, _ = _stored_sample(db_path)
    opening = open_store(db_path)
    assert opening.store is not None
    with opening.store as store:
        lonely = store.create_session(case_documents()[:1]).result()  # an official side only
    out = str(tmp_path / "x.pdf")
    assert sessions_command(["export", "999", "--pdf", out, "--db", str(db_path)]) == 1
    assert "there is no session 999" in capsys.readouterr().err
    assert sessions_command(["export", str(lonely.id), "--pdf", out, "--db", str(db_path)]) == 2
    assert "nothing to compare" in capsys.readouterr().err
    missing = str(tmp_path / "no" / "such" / "x.pdf")
    assert (
        sessions_command(["export", str(session_id), "--pdf", missing, "--db", str(db_path)]) == 2
    )
    assert "no folder" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        sessions_command(["export", "1", "2", "--pdf", out, "--db", str(db_path)])
    with pytest.raises(SystemExit):
        sessions_command(["export", "1", "--pdf", out, "--page-size", "A3", "--db", str(db_path)])
