"""Test-wide settings."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# The suite runs on 2 shared cores beside Qt tests; generation speed is not what
# these property tests are about.
settings.register_profile(
    "readout", suppress_health_check=[HealthCheck.too_slow], deadline=None, print_blob=True
)
settings.load_profile("readout")


@pytest.fixture(autouse=True)
def log_folder(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test (and every process it starts) logs into a temporary folder, never the
    user's state folder."""
    folder = tmp_path_factory.mktemp("log")
    monkeypatch.setenv("READOUT_LOG_DIR", str(folder))
    return folder


@pytest.fixture
def isolated_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A throw-away HOME and data folder, and READOUT_DB pointing into it."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("READOUT_DB", str(tmp_path / "env-default.sqlite3"))
    return home
