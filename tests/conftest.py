"""Test-wide settings, and the fixtures several folders share."""

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
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


class SmallFilesystem:
    """A tmpfs of a few hundred KB mounted for one test: fill it to make the disk full."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._filler = root / ".filler"

    def fill(self) -> None:
        """Take every free byte (a write then fails with ENOSPC)."""
        descriptor = os.open(self._filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            with contextlib.suppress(OSError):
                while True:
                    os.write(descriptor, b"\0" * 4096)
        finally:
            os.close(descriptor)
        assert shutil.disk_usage(self.root).free < 8192

    def free(self) -> None:
        """Space is back."""
        self._filler.unlink(missing_ok=True)

    def read_only(self) -> None:
        """Remount it read-only, as a CD or a write-protected stick."""
        subprocess.run(["mount", "-o", "remount,ro", str(self.root)], check=True)


@pytest.fixture
def small_filesystem(tmp_path: Path) -> Iterator[SmallFilesystem]:
    """A 1 MB tmpfs (root only: mounting needs it), unmounted after the test."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs to fill needs root")
    root = tmp_path / "small"
    root.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m,mode=0755", "tmpfs", str(root)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield SmallFilesystem(root)
    finally:
        subprocess.run(["umount", "-l", str(root)], check=False)
