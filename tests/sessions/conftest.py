"""Session tests: a store on a temp file, the sample article, documents with every field set.

The profile's paths (HOME, XDG_DATA_HOME, READOUT_DB) point into the temp folder,
so a test that forgets an explicit path still cannot touch a real profile.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from db.roles import DocumentRole
from desktop.engine.document import Document
from desktop.sessions.data import StoredDocument
from desktop.sessions.store import SessionStore, open_store

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"
CASE = ROOT / "tests" / "cases" / "02-modi-biden-call-counterpart"
# What a session of case_documents() is called: named from its official readout's own
# title, with its site and date (desktop.naming).
CASE_TITLE = "Example Ministry: Readout of the call · 1 Jul 2025"


@pytest.fixture(autouse=True)
def no_real_profile(isolated_profile: Path) -> None:
    """Storage tests never see the user's data folder or READOUT_DB."""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sessions.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[SessionStore]:
    opening = open_store(db_path)
    assert opening.store is not None, opening.message
    with opening.store as opened:
        yield opened


def sample_article() -> Document:
    return Document(SAMPLE.read_text(encoding="utf-8"), title="Sample article", source=str(SAMPLE))


def case_documents() -> tuple[StoredDocument, ...]:
    """An official readout and two background documents, every field set."""
    retrieved = datetime(2025, 7, 1, 9, 30, 15, 123456, tzinfo=UTC)
    return (
        StoredDocument(
            role=DocumentRole.OFFICIAL,
            text=(CASE / "official.txt").read_text(encoding="utf-8"),
            title="Readout of the call",
            source="https://example.gov/readout",
            date="2025-07-01",
            metadata={"site_name": "Example Ministry", "lang": "en"},
            retrieved_at=retrieved,
        ),
        StoredDocument(
            role=DocumentRole.BACKGROUND,
            text=(CASE / "article.txt").read_text(encoding="utf-8"),
            title="Leaders talk trade — article",
            source=str(CASE / "article.txt"),
            date=None,
            metadata={},
            retrieved_at=None,
        ),
        StoredDocument(
            role=DocumentRole.COUNTERPART_READOUT,
            text=(CASE / "counterpart.txt").read_text(encoding="utf-8"),
            title="Counterpart’s readout (Ω)",
            source="counterpart.txt",
            date="2025-07-02T08:00:00+05:30",
            metadata={"author": "Мария Иванова"},
            retrieved_at=retrieved,
        ),
    )
