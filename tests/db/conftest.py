"""Every database test works in a temp folder: the profile's paths point there too."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def no_real_profile(isolated_profile: Path) -> None:
    """Storage tests never see the user's data folder or READOUT_DB."""


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "sessions.sqlite3"
