"""The GUI entry point: the no-display path, display detection and opening files from main()."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop.app import NO_DISPLAY_MESSAGE, has_display, window_system_problem
from tests.ui.conftest import ROOT


def _env_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()}
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


def test_without_a_display_main_prints_one_line_and_returns_1() -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from desktop.app import main; "
            "status = main(); "
            "assert 'PySide6.QtWidgets' not in sys.modules, 'no Qt before the check'; "
            "sys.exit(status)",
        ],
        capture_output=True,
        text=True,
        env=_env_without_display(),
        cwd=ROOT,
        timeout=60,
    )
    assert completed.returncode == 1
    lines = (completed.stdout + completed.stderr).strip().splitlines()
    assert lines == [NO_DISPLAY_MESSAGE]
    assert "readout compare" in NO_DISPLAY_MESSAGE


def test_a_display_nobody_answers_on_is_one_line_not_a_qt_abort() -> None:
    env = _env_without_display()
    env["DISPLAY"] = ":987"  # no /tmp/.X11-unix/X987 here
    completed = subprocess.run(
        [sys.executable, "-m", "desktop"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=60,
    )
    assert completed.returncode == 1
    lines = (completed.stdout + completed.stderr).strip().splitlines()
    assert lines == [
        "Readout cannot open a window: no X server answers on display :987. "
        "To compare without one run: readout compare OFFICIAL BACKGROUND…"
    ]


def test_an_x11_plugin_that_cannot_load_is_reported_before_qt_starts(tmp_path: Path) -> None:
    broken = tmp_path / "libqxcb.so"
    broken.write_bytes(b"not a shared library")
    problem = window_system_problem({"DISPLAY": "remote:0"}, plugin=broken)
    assert problem is not None and problem.startswith("Qt's X11 plugin cannot load")
    assert window_system_problem({"DISPLAY": "remote:0", "QT_QPA_PLATFORM": "offscreen"}) is None
    assert window_system_problem({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":987"}) is None


def test_display_detection_needs_no_qt() -> None:
    assert not has_display({})
    assert has_display({"DISPLAY": ":0"})
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"})
    assert has_display({"QT_QPA_PLATFORM": "offscreen"})
    assert has_display({"QT_QPA_PLATFORM": "minimal"})
    assert not has_display({"QT_QPA_PLATFORM": "xcb"})
    assert not has_display({"QT_QPA_PLATFORM": "wayland", "DISPLAY": ":0"})
    assert has_display({"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "w"})


def test_main_opens_the_files_it_is_given(tmp_path: Path) -> None:
    """Two files → the official release goes left; the window shows it and exits cleanly."""
    case = ROOT / "tests" / "cases" / "01-mod-readout-revised"
    script = (
        "import sys\n"
        "from desktop.app import main, make_application\n"
        "app = make_application()\n"
        "from PySide6.QtCore import QTimer\n"
        "from PySide6.QtWidgets import QApplication\n"
        "def check():\n"
        "    window = next(w for w in QApplication.topLevelWidgets() if w.objectName() == 'readoutWindow')\n"
        "    if window.loader.working:\n"
        "        QTimer.singleShot(50, check); return\n"
        "    print('OFFICIAL', window.loader.inputs.official.source)\n"
        "    print('TITLE', window.windowTitle())\n"
        "    app.quit()\n"
        "QTimer.singleShot(50, check)\n"
        f"sys.exit(main([{str(case / 'article.txt')!r}, {str(case / 'official.txt')!r}]))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", READOUT_SETTINGS_DIR=str(tmp_path))
    completed = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=90,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"OFFICIAL {case / 'official.txt'}" in completed.stdout
    assert "— Readout" in completed.stdout
