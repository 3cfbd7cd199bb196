"""Migrations: every revision from empty to head gives exactly the models' schema, and a
migration of an existing database takes a backup first and keeps every row."""

from __future__ import annotations

import shutil
import sqlite3
import textwrap
from contextlib import closing
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from db.models import Base
from db.opening import OpenStatus, open_database
from db.schema import MIGRATIONS, head_revision, scripts


def _config(path: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return config


def _schema_differences(path: Path) -> list[object]:
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": True})
            return list(compare_metadata(context, Base.metadata))
    finally:
        engine.dispose()


def test_alembic_upgrade_head_from_empty_gives_the_models_schema(tmp_path: Path) -> None:
    path = tmp_path / "fresh.sqlite3"
    command.upgrade(_config(path), "head")
    assert _schema_differences(path) == []
    with closing(sqlite3.connect(path)) as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    assert version == head_revision()


def test_every_revision_runs_in_order_and_downgrades_to_empty(tmp_path: Path) -> None:
    path = tmp_path / "steps.sqlite3"
    config = _config(path)
    revisions = [s.revision for s in scripts().walk_revisions("base", "heads")][::-1]
    assert revisions[0] == "0001"
    for revision in revisions:
        command.upgrade(config, revision)
    assert _schema_differences(path) == []
    command.downgrade(config, "base")
    engine = create_engine(f"sqlite:///{path}")
    try:
        assert set(inspect(engine).get_table_names()) == {"alembic_version"}
    finally:
        engine.dispose()
    command.upgrade(config, "head")
    assert _schema_differences(path) == []


def test_open_database_creates_the_schema_at_head(tmp_path: Path) -> None:
    opened = open_database(tmp_path / "app.sqlite3")
    try:
        assert opened.status is OpenStatus.CREATED
        assert opened.message is None
        assert opened.revision == head_revision()
        assert _schema_differences(opened.path) == []
    finally:
        opened.close()


_TEST_REVISION = textwrap.dedent(
    '''
    """Test-only: rebuild the sessions table (batch mode) and add a column."""

    import sqlalchemy as sa
    from alembic import op

    revision = "9999_test"
    down_revision = "HEAD"
    branch_labels = None
    depends_on = None


    def upgrade() -> None:
        with op.batch_alter_table("sessions", recreate="always") as batch:
            batch.add_column(sa.Column("colour", sa.String(16), nullable=True))


    def downgrade() -> None:
        with op.batch_alter_table("sessions", recreate="always") as batch:
            batch.drop_column("colour")
    '''
)


def _migrations_with_a_later_revision(tmp_path: Path) -> Path:
    location = tmp_path / "migrations"
    shutil.copytree(MIGRATIONS, location, ignore=shutil.ignore_patterns("__pycache__"))
    revision = _TEST_REVISION.replace('"HEAD"', repr(head_revision()))
    (location / "versions" / "9999_test.py").write_text(revision, encoding="utf-8")
    return location


def _counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as connection:
        return {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("sessions", "documents", "corrections", "notes", "ui_state")
        }


def test_a_migration_backs_up_first_and_a_table_rebuild_keeps_child_rows(
    tmp_path: Path,
) -> None:
    from desktop.sessions.bench import populate

    path = tmp_path / "old.sqlite3"
    open_database(path).close()
    populate(path, 3)
    before = _counts(path)
    assert before["documents"] == 3 and before["notes"] == 6

    opened = open_database(path, script_location=_migrations_with_a_later_revision(tmp_path))
    try:
        assert opened.status is OpenStatus.MIGRATED
        assert opened.revision == "9999_test"
        assert opened.message is None
        assert opened.backup_path is not None and opened.backup_path.exists()
        # The rebuilt parent table did not cascade into its children.
        assert _counts(path) == before
        with closing(sqlite3.connect(path)) as connection:
            columns = [row[1] for row in connection.execute("PRAGMA table_info(sessions)")]
        assert "colour" in columns
    finally:
        opened.close()

    with closing(sqlite3.connect(opened.backup_path)) as backup:
        (version,) = backup.execute("SELECT version_num FROM alembic_version").fetchone()
        columns = [row[1] for row in backup.execute("PRAGMA table_info(sessions)")]
    assert version == head_revision() and "colour" not in columns
    assert _counts(opened.backup_path) == before
