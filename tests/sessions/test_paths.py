"""Where the database lives: --db, then $READOUT_DB, then the platform's data folder."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.sessions import paths
from desktop.sessions.paths import DB_FILE_NAME, data_dir, resolve_db_path

ROOT = Path(__file__).resolve().parents[2]


def test_an_explicit_path_wins_over_the_environment(tmp_path: Path) -> None:
    env = {"READOUT_DB": str(tmp_path / "env.sqlite3"), "HOME": str(tmp_path)}
    assert resolve_db_path(tmp_path / "given.sqlite3", env) == tmp_path / "given.sqlite3"
    assert resolve_db_path(None, env) == tmp_path / "env.sqlite3"
    assert resolve_db_path("", env) == tmp_path / "env.sqlite3"


def test_a_relative_or_home_path_is_made_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert resolve_db_path("rel.sqlite3", {}) == tmp_path / "rel.sqlite3"
    home = Path("~").expanduser()
    assert resolve_db_path("~/x.sqlite3", {}) == home / "x.sqlite3"


def test_the_default_is_in_the_data_folder_without_qt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(paths, "_qt_data_location", lambda: None)
    env = {"HOME": str(tmp_path / "home")}
    expected = tmp_path / "home" / ".local" / "share" / "readout" / DB_FILE_NAME
    assert resolve_db_path(None, env) == expected
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg")
    assert data_dir(env) == tmp_path / "xdg" / "readout"


def test_the_default_uses_qt_s_data_location_when_qt_is_there(tmp_path: Path) -> None:
    pytest.importorskip("PySide6.QtCore")
    location = paths._qt_data_location()
    assert location is not None
    # conftest points XDG_DATA_HOME into the temp folder; Qt honours it on Linux.
    if sys.platform.startswith("linux"):
        assert location == tmp_path / "home" / ".local" / "share"
    assert data_dir() == location / "readout"


def test_importing_the_sessions_layer_does_not_import_qt() -> None:
    code = (
        "import sys, desktop.sessions, desktop.sessions_cli; "
        "print(any(m.startswith('PySide6') for m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
