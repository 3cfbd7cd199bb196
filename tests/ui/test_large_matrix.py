"""The omission matrix is built in the worker: a story past the old 1,500-claim limit gets
one while the window keeps turning, and one too large for a matrix says why."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from desktop.engine import topics as topic_module
from desktop.engine.compare import compare
from desktop.engine.topics import MAX_CLAIMS, claim_keys, matrix_note
from desktop.ui.main_window import MainWindow
from desktop.workspace.inputs import SessionInputs
from desktop.workspace.preparing import prepare_comparison
from tests.tools.bench import synthetic_pair
from tests.ui.conftest import settle


def test_a_large_story_gets_its_matrix_from_the_worker_while_the_window_turns(
    qtbot: QtBot, make_window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    official, first = synthetic_pair(100_000, seed=1)
    _, second = synthetic_pair(100_000, seed=2)
    inputs = SessionInputs(official, (first, second))
    window = make_window()  # type: ignore[operator]
    assert isinstance(window, MainWindow)

    def on_the_gui_thread(*_: object, **__: object) -> list[int]:
        raise AssertionError("the matrix was built on the GUI thread")

    # Every matrix clusters through this module global; the worker is another process
    # (spawned), so only a matrix built in the window's process would reach it.
    monkeypatch.setattr(topic_module, "cluster", on_the_gui_thread)
    turns: list[float] = []
    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(lambda: turns.append(time.perf_counter()))
    ticker.start()
    window.loader.show(inputs)
    assert window.loader.working
    qtbot.waitUntil(lambda: not window.background.busy(), timeout=120_000)
    worked = len(turns)
    settle(qtbot, window)
    ticker.stop()
    assert worked >= 20  # the event loop kept turning while the worker compared and grouped
    comparison = window.view.comparison
    assert comparison is not None
    claims = len(claim_keys(comparison))
    assert 1500 < claims <= MAX_CLAIMS
    story = window.story
    assert story.matrix.rowCount() == len(story.rows) > 10
    assert story.matrix_note.isHidden()


def test_a_story_too_large_for_a_matrix_says_so(
    qtbot: QtBot, make_window: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    official, first = synthetic_pair(10_000, seed=1)
    comparison = compare(official, [first])
    count = len(claim_keys(comparison))
    assert matrix_note(comparison) == ""
    monkeypatch.setattr(topic_module, "MAX_CLAIMS", count - 1)
    note = matrix_note(comparison)
    assert note.startswith(f"No topic matrix: {count:,} claims, more than the {count - 1:,}")
    prepared = prepare_comparison(SessionInputs(official, (first,)))
    assert prepared.topics == () and prepared.matrix_note == note
    window = make_window()  # type: ignore[operator]
    assert isinstance(window, MainWindow)
    window.loader.show_outcome(prepared)
    settle(qtbot, window)
    window.story_dock.show()
    window.story_dock.raise_()
    assert window.story.matrix.rowCount() == 0
    assert window.story.matrix_note.text() == note and window.story.matrix_note.isVisible()
