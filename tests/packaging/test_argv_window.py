"""Files given to Readout open in the window: an article split, a readout beside its
reporting, a .readout session; later launches' files open in the running window."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app import (
    DESKTOP_FILE_ID,
    MERGE_WINDOW_S,
    Launches,
    build_window,
    open_request,
)
from desktop.engine.corrections import Correction
from desktop.engine.vocabulary import Coverage
from desktop.launch import LaunchMode, LaunchRequest
from desktop.single_instance import FileOpenEvents, Handoff
from desktop.ui.main_window import MainWindow
from tests.packaging.conftest import ARTICLE, COMPARE_TIMEOUT_MS, OFFICIAL, ROOT


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: not window.background.busy() and not window.loader.working,
        timeout=COMPARE_TIMEOUT_MS,
    )
    qtbot.wait(20)


@pytest.fixture
def open_window(qtbot: QtBot, tmp_path: Path) -> Iterator[object]:
    made: list[MainWindow] = []

    def make(*paths: str | Path) -> MainWindow:
        window = build_window(
            [str(p) for p in paths], settings_dir=tmp_path / "settings", open_sample=False
        )
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        settle(qtbot, window)
        return window

    yield make
    for window in made:
        window.loader.cancel()
        window.background.wait(30_000)


def test_one_article_opens_in_single_article_mode(open_window: object) -> None:
    window = open_window(ARTICLE)  # type: ignore[operator]
    session = window.loader.inputs
    assert session.single_article
    assert [d.source for d in session.backgrounds] == [str(ARTICLE)]
    assert window.loader.comparison is not None


def test_two_files_open_as_official_readout_and_background(open_window: object) -> None:
    window = open_window(ARTICLE, OFFICIAL)  # type: ignore[operator]
    session = window.loader.inputs
    assert not session.single_article
    assert session.official is not None and session.official.source == str(OFFICIAL)
    assert [d.source for d in session.backgrounds] == [str(ARTICLE)]


def shows_session(window: MainWindow) -> bool:
    session = window.loader.inputs
    return (
        session.official is not None
        and session.official.source == str(OFFICIAL)
        and [d.source for d in session.backgrounds] == [str(ARTICLE)]
        and window.loader.comparison is not None
        and not window.loader.working
    )


def test_a_readout_file_opens_that_session_with_its_corrections(
    open_window: object, qtbot: QtBot, session_file: tuple[Path, Correction]
) -> None:
    path, correction = session_file
    window = open_window(path)  # type: ignore[operator]
    qtbot.waitUntil(lambda: shows_session(window), timeout=COMPARE_TIMEOUT_MS)
    assert window.loader.inputs.corrections == (correction,)
    comparison = window.loader.comparison
    assert comparison is not None
    assert comparison.documents[1].sentences[0].coverage is Coverage.ABSENT


def test_a_damaged_readout_file_shows_a_message_and_opens_nothing(
    open_window: object, qtbot: QtBot, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.readout"
    broken.write_bytes(b"not a zip at all")
    window = open_window(broken)  # type: ignore[operator]
    qtbot.waitUntil(lambda: not window.message.isHidden(), timeout=COMPARE_TIMEOUT_MS)
    assert "not a Readout session file" in window.message.text.text()
    assert window.loader.inputs.official is None


def test_with_a_session_file_other_documents_are_named_as_not_opened(
    open_window: object, qtbot: QtBot, session_file: tuple[Path, Correction]
) -> None:
    path, _ = session_file
    window = open_window(path, ARTICLE)  # type: ignore[operator]
    qtbot.waitUntil(lambda: shows_session(window), timeout=COMPARE_TIMEOUT_MS)
    assert "not opened: article.txt" in window.message.text.text()


def test_a_window_that_opens_session_files_itself_gets_each_of_them(
    qtbot: QtBot, tmp_path: Path, session_file: tuple[Path, Correction]
) -> None:
    """The hook for the sessions integration: MainWindow.open_session_file, when it exists."""
    window = build_window([], settings_dir=tmp_path / "s", open_sample=False)
    qtbot.addWidget(window)
    handed: list[str] = []
    window.open_session_file = handed.append  # type: ignore[method-assign]
    open_request(window, LaunchRequest(sessions=(str(session_file[0]), "/d/b.readout")))
    assert handed == [str(session_file[0]), "/d/b.readout"]
    assert window.message.isHidden()


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_later_launches_open_in_the_running_window_and_raise_it(
    open_window: object, qtbot: QtBot
) -> None:
    window = open_window()  # type: ignore[operator]
    window.showMinimized()
    launches = Launches(window)
    launches.receive(Handoff((str(ARTICLE),)))
    qtbot.waitUntil(lambda: bool(launches.opened), timeout=5000)
    settle(qtbot, window)
    assert not window.isMinimized()
    assert window.loader.inputs.single_article
    assert [d.source for d in window.loader.inputs.backgrounds] == [str(ARTICLE)]


def test_files_of_one_open_arriving_as_separate_launches_are_compared(
    open_window: object, qtbot: QtBot
) -> None:
    """Windows Explorer starts one process per selected file; macOS sends one event each."""
    window = open_window()  # type: ignore[operator]
    clock = Clock()
    launches = Launches(window, LaunchRequest(documents=(str(ARTICLE),)), clock=clock)
    clock.now += MERGE_WINDOW_S / 2
    launches.receive(Handoff((str(OFFICIAL),)))
    launches.flush()
    settle(qtbot, window)
    assert launches.opened[-1].mode is LaunchMode.COMPARISON
    session = window.loader.inputs
    assert session.official is not None and session.official.source == str(OFFICIAL)
    assert [d.source for d in session.backgrounds] == [str(ARTICLE)]


def test_a_launch_long_after_the_last_replaces_what_is_open(
    open_window: object, qtbot: QtBot
) -> None:
    window = open_window()  # type: ignore[operator]
    clock = Clock()
    launches = Launches(window, LaunchRequest(documents=(str(OFFICIAL),)), clock=clock)
    clock.now += MERGE_WINDOW_S * 5
    launches.receive(Handoff((str(ARTICLE),)))
    launches.flush()
    settle(qtbot, window)
    assert launches.opened[-1] == LaunchRequest(documents=(str(ARTICLE),))
    assert window.loader.inputs.single_article


def test_handoffs_in_quick_succession_are_one_batch(open_window: object, qtbot: QtBot) -> None:
    window = open_window()  # type: ignore[operator]
    launches = Launches(window)
    launches.receive(Handoff((str(ARTICLE),)))
    launches.receive(Handoff((str(OFFICIAL),)))
    qtbot.waitUntil(lambda: bool(launches.opened), timeout=5000)
    qtbot.wait(400)
    assert len(launches.opened) == 1
    assert launches.opened[0].documents == (str(ARTICLE), str(OFFICIAL))


def test_system_open_events_become_handoffs(qtbot: QtBot) -> None:
    """macOS delivers Finder's documents as QFileOpenEvents, not arguments."""
    app = QApplication.instance()
    assert app is not None
    events = FileOpenEvents()
    app.installEventFilter(events)
    try:
        with qtbot.waitSignal(events.received, timeout=2000) as blocker:
            QApplication.sendEvent(app, QFileOpenEvent(str(ARTICLE)))
    finally:
        app.removeEventFilter(events)
    assert blocker.args == [Handoff((str(ARTICLE),))]


def test_the_application_names_the_desktop_entry() -> None:
    """Wayland matches the window to io.github.readout.Readout.desktop by this id."""
    script = (
        "from desktop.app import make_application\n"
        "app = make_application()\n"
        "print(app.desktopFileName()); print(not app.windowIcon().isNull())\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == [DESKTOP_FILE_ID, "True"]
    assert (ROOT / "packaging" / "linux" / f"{DESKTOP_FILE_ID}.desktop").is_file()
