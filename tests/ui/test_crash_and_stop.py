"""The real start-up (``desktop.app.main``) in a process of its own: Ctrl+C and SIGTERM
close the window with the open session saved, and an exception in a slot is logged and
shown in the window instead of vanishing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

# Waits for the sample's session to exist, writes a note (autosaved within a second: the
# signal comes long before), then signals the process from inside the event loop.
STOP_SCRIPT = """
import os, signal, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main, make_application
app = make_application()
def check():
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'readoutWindow']
    current = windows[0].keeper.current if windows else None
    if not windows or windows[0].loader.working or current is None or current.id == 0:
        QTimer.singleShot(50, check); return
    windows[0].notes.write((1, 0), 'Written just before the signal.')
    print('SESSION', current.id, flush=True)
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
QTimer.singleShot(50, check)
sys.exit(main())
"""

RAISE_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main, make_application
app = make_application()
def broken_slot():
    raise LookupError('no sentence 99 in the background')
def check():
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'readoutWindow']
    if not windows:
        QTimer.singleShot(50, check); return
    bar = windows[0].message
    print('MESSAGE', bar.kind, bar.text.text(), flush=True)
    app.quit()
QTimer.singleShot(100, broken_slot)
QTimer.singleShot(400, check)
sys.exit(main())
"""


def _env(tmp_path: Path) -> dict[str, str]:
    return dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        READOUT_SETTINGS_DIR=str(tmp_path / "settings"),
        READOUT_DB=str(tmp_path / "sessions.sqlite3"),
        READOUT_LOG_DIR=str(tmp_path / "log"),
        READOUT_INSTANCE_NAME=f"readout-test-{tmp_path.name}",
    )


@pytest.mark.parametrize(("name", "status"), [("SIGINT", 130), ("SIGTERM", 143)])
def test_a_stop_signal_closes_the_window_and_saves_the_session(
    tmp_path: Path, name: str, status: int
) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", STOP_SCRIPT, name],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == status, completed.stdout + completed.stderr
    assert "Traceback" not in completed.stderr, completed.stderr
    session = completed.stdout.split("SESSION", 1)[1].split()[0]
    shown = subprocess.run(
        [sys.executable, "-m", "desktop", "sessions", "show", session, "--json"],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=60,
    )
    assert shown.returncode == 0, shown.stderr
    notes = [note["text"] for note in json.loads(shown.stdout)["notes"]]
    assert notes == ["Written just before the signal."], "the autosave was flushed on close"
    log = (tmp_path / "log" / "readout.log").read_text(encoding="utf-8")
    assert f"{name} received: closing the window" in log


def test_an_exception_in_a_slot_is_logged_and_shown_in_the_window(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-c", RAISE_SCRIPT],
        capture_output=True,
        text=True,
        env=_env(tmp_path),
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stderr
    line = next(x for x in completed.stdout.splitlines() if x.startswith("MESSAGE"))
    assert line.startswith("MESSAGE error Something went wrong (LookupError: no sentence 99")
    assert str(tmp_path / "log" / "readout.log") in line
    log = (tmp_path / "log" / "readout.log").read_text(encoding="utf-8")
    assert "uncaught exception" in log
    assert "in broken_slot" in log and "LookupError" in log
    assert (tmp_path / "log" / "crash.log").is_file(), "the fault handler writes there"


# Waits for the comparison, says whether the window looks dark, and closes it.
DARK_START_SCRIPT = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.app import main, make_application
app = make_application()
def check():
    windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == 'readoutWindow']
    if not windows or windows[0].loader.working or windows[0].loader.comparison is None:
        QTimer.singleShot(50, check); return
    print('DARK', windows[0].look.dark, flush=True)
    windows[0].close()
QTimer.singleShot(50, check)
sys.exit(main(sys.argv[1:]))
"""


def test_the_window_starts_in_the_dark_theme(tmp_path: Path) -> None:
    # The saved theme is applied before the first show(); the palette change it causes
    # arrives while the style sheet polishes the window, which once freed the style in
    # use (heap corruption, abort on every dark start-up).
    env = _env(tmp_path)
    settings = tmp_path / "settings"
    settings.mkdir()
    (settings / "readout.ini").write_text("[view]\ntheme=dark\n", encoding="utf-8")
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            DARK_START_SCRIPT,
            str(ROOT / "seeds" / "rajnath-hegseth-call-2025-07-01.txt"),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "DARK True" in completed.stdout, completed.stdout + completed.stderr
