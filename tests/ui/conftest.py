"""Window tests run offscreen against real widgets; settings and the sessions database live
in temp folders (a database per test, through ``READOUT_DB``)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("READOUT_SETTINGS_DIR", tempfile.mkdtemp(prefix="readout-ui-settings-"))
# Never the real profile, even for a window made outside the fixtures below.
os.environ["READOUT_DB"] = str(Path(tempfile.mkdtemp(prefix="readout-ui-db-")) / "sessions.sqlite3")
os.environ.setdefault("QT_LOGGING_RULES", "qt.text.font.db=false")

from desktop.qt_compat import protect_singletons

protect_singletons()

from pytestqt.qtbot import QtBot  # noqa: E402

from desktop.app import build_window  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
COMPARE_TIMEOUT_MS = 30_000


class EventLoopTurns:
    """Counts turns of the event loop (a 5 ms timer's ticks) from ``start`` to ``stop``:
    work that blocks the GUI thread leaves none."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.turns = 0
        self._timer = QTimer()
        self._timer.setInterval(5)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        self.turns += 1

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until no read, comparison or sessions answer is on its way, and events are processed."""

    def quiet() -> bool:
        return not window.background.busy() and window.sessions.idle

    qtbot.waitUntil(quiet, timeout=COMPARE_TIMEOUT_MS)
    qtbot.wait(20)
    qtbot.waitUntil(quiet, timeout=COMPARE_TIMEOUT_MS)


@pytest.fixture(autouse=True)
def sessions_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test's windows share one fresh sessions database."""
    path = tmp_path / "sessions.sqlite3"
    monkeypatch.setenv("READOUT_DB", str(path))
    return path


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    made: list[MainWindow] = []

    def make(
        *paths: str,
        open_sample: bool | None = False,
        settings: Path | None = None,
        resize: bool = True,
    ) -> MainWindow:
        window = build_window(
            list(paths), settings_dir=settings or tmp_path / "settings", open_sample=open_sample
        )
        qtbot.addWidget(window)
        if resize:
            window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        settle(qtbot, window)
        return window

    yield make
    for window in made:
        window.close()
        window.background.wait(30_000)


@pytest.fixture
def sample_window(make_window: object) -> MainWindow:
    window = make_window(open_sample=True)  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    return window
