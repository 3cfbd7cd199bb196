"""A session keeps the settings it is judged by: in the database, in .readout files, and a
session saved before settings existed opens with the defaults it was judged with."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from alembic import command

from db.opening import OpenStatus, open_database
from db.schema import alembic_config, head_revision
from desktop.engine.settings import CompareSettings, Ignore
from desktop.sessions.archive import read_archive, write_archive
from desktop.sessions.serialize import session_from_json, session_to_json
from desktop.sessions.store import SessionStore, open_store
from tests.sessions.conftest import case_documents

NUMBERS = CompareSettings.ignoring([Ignore.NUMBERS, Ignore.WHITESPACE])


def test_settings_are_stored_saved_and_judge_the_recomputed_comparison(
    store: SessionStore,
) -> None:
    created = store.create_session(case_documents()[:2], settings=NUMBERS).result()
    assert created.settings == NUMBERS
    machine = created.compute()
    assert machine is not None and machine.settings == NUMBERS
    changed = created.with_settings(CompareSettings())
    summary = store.save_session(changed).result()
    assert summary is not None and summary.updated_at >= created.updated_at
    reloaded = store.get_session(created.id).result()
    assert reloaded is not None and reloaded.settings == CompareSettings()


def test_readout_files_carry_the_settings_and_older_files_get_the_defaults(
    store: SessionStore, tmp_path: Path
) -> None:
    created = store.create_session(case_documents()[:2], settings=NUMBERS).result()
    assert read_archive(write_archive(created, tmp_path / "s.readout")).settings == NUMBERS
    older = session_to_json(created)
    del older["settings"]
    assert session_from_json(older).settings == CompareSettings()


def test_a_session_saved_before_revision_0002_opens_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    config = alembic_config()
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(config, "0001")
    with closing(sqlite3.connect(path)) as connection:
        connection.execute(
            "INSERT INTO sessions (title, title_is_custom, single_article, created_at, "
            "updated_at) VALUES ('From last year', 1, 0, '2025-01-01 10:00:00', "
            "'2025-01-01 10:00:00')"
        )
        connection.commit()
    opened = open_database(path)
    assert opened.status is OpenStatus.MIGRATED and opened.revision == head_revision()
    opened.close()
    opening = open_store(path)
    assert opening.store is not None
    with opening.store as store:
        (summary,) = store.list_sessions().result()
        data = store.get_session(summary.id).result()
    assert data is not None and data.title == "From last year"
    assert data.settings == CompareSettings()
