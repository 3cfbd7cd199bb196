"""Reading and comparing run in a worker process: a runaway regex in a library never holds
the window, Cancel stops it for real, and closing the window ends the process at once."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.ui.comparison_loader import LANE
from desktop.ui.main_window import MainWindow
from tests.ui.conftest import ROOT, settle
from tests.ui.slow_jobs import catastrophic
from tests.ui.test_drop import ARTICLE, drag_and_drop, file_mime


def test_a_runaway_regex_in_the_worker_leaves_the_window_responsive_and_cancel_kills_it(
    qtbot: QtBot, make_window: object
) -> None:
    window: MainWindow = make_window()  # type: ignore[operator]
    answers: list[object] = []
    window.background.in_process(catastrophic, then=answers.append, what="test", lane=LANE)
    window.loader.busy.emit("Comparing…")  # what the loader says when it starts a job
    qtbot.waitUntil(lambda: window.background.worker.pid is not None, timeout=10_000)
    pid = window.background.worker.pid
    ticks: list[float] = []
    clock = QTimer()
    clock.timeout.connect(lambda: ticks.append(time.monotonic()))
    clock.start(20)
    qtbot.wait(1500)
    clock.stop()
    assert len(ticks) >= 40, "the event loop kept turning while the regex ran"
    assert max(b - a for a, b in itertools.pairwise(ticks)) < 0.3
    assert window.loader.working and window.commands.cancel.isEnabled()
    window.commands.cancel.trigger()
    assert not window.loader.working
    assert pid is not None and not _alive(pid), "cancelling killed the process"
    qtbot.wait(100)
    assert answers == []
    # The next comparison starts a fresh worker and works.
    drag_and_drop(window, file_mime(ARTICLE))
    settle(qtbot, window)
    assert window.loader.comparison is not None
    assert window.background.worker.pid not in (None, pid)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = (
        Path(f"/proc/{pid}/stat").read_text().split()[2] if Path(f"/proc/{pid}").exists() else "X"
    )
    return status not in ("Z", "X")


_CLOSE_DURING_A_COMPARISON = """
import sys, time
from desktop.app import build_window, make_application
from desktop.ui.comparison_loader import LANE
from tests.ui.slow_jobs import catastrophic
app = make_application()
window = build_window(settings_dir=__import__("pathlib").Path(sys.argv[1]), open_sample=False)
window.show()
window.background.in_process(catastrophic, then=print, what="test", lane=LANE)
from PySide6.QtCore import QTimer
def close():
    print("PID", window.background.worker.pid, flush=True)
    started = time.monotonic()
    window.close()
    print("CLOSED", round(time.monotonic() - started, 2), flush=True)
    app.quit()
QTimer.singleShot(1500, close)
app.exec()
"""


def test_closing_the_window_during_a_comparison_ends_the_worker_at_once(tmp_path: Path) -> None:
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "-c", _CLOSE_DURING_A_COMPARISON, str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=dict(
            os.environ,
            QT_QPA_PLATFORM="offscreen",
            READOUT_DB=str(tmp_path / "s.sqlite3"),
            PYTHONPATH=str(ROOT),
        ),
    )
    elapsed = time.monotonic() - started
    assert completed.returncode == 0, completed.stderr
    assert "Signal source has been deleted" not in completed.stderr
    pid = int(completed.stdout.split("PID ")[1].split()[0])
    closed = float(completed.stdout.split("CLOSED ")[1].split()[0])
    assert closed < 2.0, "closing does not wait for the comparison"
    assert elapsed < 30, "the process exits instead of finishing the comparison"
    assert not _alive(pid)


_QUIT_DURING_A_POOL_JOB = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from desktop.ui.background import Background
app = QApplication([])
background = Background(lambda error: None)
def slow():
    time.sleep(1.0)
    print("JOB DONE", flush=True)
    return 1
background.in_thread(slow, then=print, what="test")
QTimer.singleShot(100, app.quit)
app.exec()
print("EXITING", flush=True)
"""


def test_quitting_waits_for_the_thread_pools_jobs_before_the_interpreter_ends() -> None:
    # A pool thread still running Python code while the interpreter shuts down crashed
    # the process (a sessions-database job finishing after the window had closed).
    completed = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", _QUIT_DURING_A_POOL_JOB],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT)),
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["JOB", "DONE", "EXITING"]
