"""packaging/linux/install.sh installs Readout for the current user, and removes it again."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import DESKTOP_FILE_ID
from tests.packaging.conftest import ROOT

SCRIPT = ROOT / "packaging" / "linux" / "install.sh"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="freedesktop integration")


def run_script(
    data_home: Path, *args: str, path: str | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(data_home), HOME=str(data_home.parent))
    if path is not None:
        env["PATH"] = path
    return subprocess.run(
        ["sh", str(SCRIPT), *args], capture_output=True, text=True, env=env, timeout=60
    )


def installed(data_home: Path) -> list[Path]:
    files = [
        data_home / "applications" / f"{DESKTOP_FILE_ID}.desktop",
        data_home / "mime" / "packages" / f"{DESKTOP_FILE_ID}.xml",
        data_home / "metainfo" / f"{DESKTOP_FILE_ID}.metainfo.xml",
        data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_FILE_ID}.svg",
    ]
    files += [
        data_home / "icons" / "hicolor" / f"{s}x{s}" / "apps" / f"{DESKTOP_FILE_ID}.png"
        for s in SIZES
    ]
    files += [data_home / "man" / "man1" / page for page in ("readout.1", "readout-gui.1")]
    return files


@pytest.fixture
def launcher(tmp_path: Path) -> Path:
    """A stand-in readout-gui in a folder whose name needs quoting in Exec=."""
    folder = tmp_path / "My Apps & Tools"
    folder.mkdir()
    path = folder / "readout-gui"
    path.write_text("#!/bin/sh\nexit 0\n", encoding="utf-8")
    path.chmod(0o755)
    return path


def test_install_puts_entry_icons_mime_and_metainfo_in_the_users_data_folder(
    tmp_path: Path, launcher: Path
) -> None:
    data_home = tmp_path / "share"
    completed = run_script(data_home, "--exec", str(launcher))
    assert completed.returncode == 0, completed.stderr
    for path in installed(data_home):
        assert path.is_file(), f"{path} was not installed"
    entry = (data_home / "applications" / f"{DESKTOP_FILE_ID}.desktop").read_text("utf-8")
    assert f'Exec="{launcher}" %F' in entry.splitlines()
    assert f"TryExec={launcher}" in entry.splitlines()
    validator = shutil.which("desktop-file-validate")
    if validator:
        check = subprocess.run(
            [validator, str(data_home / "applications" / f"{DESKTOP_FILE_ID}.desktop")],
            capture_output=True,
            text=True,
        )
        assert check.returncode == 0, check.stdout


def test_installed_mime_type_makes_dot_readout_a_readout_session(
    tmp_path: Path, launcher: Path
) -> None:
    if shutil.which("update-mime-database") is None:
        pytest.skip("update-mime-database is not installed here (shared-mime-info)")
    data_home = tmp_path / "share"
    assert run_script(data_home, "--exec", str(launcher)).returncode == 0
    assert "*.readout" in (data_home / "mime" / "globs2").read_text("utf-8")
    # What a file manager asks: Qt reads the same shared-mime-info database.
    probe = (
        "from PySide6.QtCore import QMimeDatabase\n"
        "mime = QMimeDatabase().mimeTypeForFile('Quad call.readout')\n"
        "print(mime.name()); print(mime.comment()); print(mime.inherits('application/zip'))\n"
    )
    env = dict(os.environ, XDG_DATA_HOME=str(data_home))
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=60
    )
    assert completed.stdout.splitlines() == [
        "application/x-readout-session",
        "Readout session",
        "True",
    ], completed.stderr


def test_uninstall_removes_everything_it_installed(tmp_path: Path, launcher: Path) -> None:
    data_home = tmp_path / "share"
    assert run_script(data_home, "--exec", str(launcher)).returncode == 0
    completed = run_script(data_home, "--uninstall")
    assert completed.returncode == 0, completed.stderr
    assert not any(path.exists() for path in installed(data_home))
    globs = data_home / "mime" / "globs2"
    assert not globs.exists() or "*.readout" not in globs.read_text("utf-8")


def test_without_a_launcher_it_says_how_to_get_one(tmp_path: Path) -> None:
    completed = run_script(tmp_path / "share", "--exec", str(tmp_path / "missing"))
    assert completed.returncode == 1
    assert "not an executable file" in completed.stderr
    assert not (tmp_path / "share" / "applications").exists()


def test_a_launcher_path_exec_cannot_quote_is_refused(tmp_path: Path) -> None:
    odd = tmp_path / "100%" / "readout-gui"
    odd.parent.mkdir()
    odd.write_text("#!/bin/sh\n", encoding="utf-8")
    odd.chmod(0o755)
    completed = run_script(tmp_path / "share", "--exec", str(odd))
    assert completed.returncode == 1
    assert "cannot use a launcher path" in completed.stderr


def test_from_a_checkout_it_finds_the_venvs_launcher(tmp_path: Path) -> None:
    venv_launcher = ROOT / ".venv" / "bin" / "readout-gui"
    if not venv_launcher.exists():
        pytest.skip("no .venv/bin/readout-gui in this checkout (make sets it up)")
    data_home = tmp_path / "share"
    assert run_script(data_home).returncode == 0
    entry = (data_home / "applications" / f"{DESKTOP_FILE_ID}.desktop").read_text("utf-8")
    assert f"TryExec={venv_launcher}" in entry.splitlines()
