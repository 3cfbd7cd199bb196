"""The GUI entry point: ``main()`` for the ``readout`` command, ``build_window()`` for tests.

Nothing Qt is imported at module level: the CLI imports this module and calls
``main()`` only once it knows a window is wanted, and ``main()`` checks for a
display before any Qt code can abort the process.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow

NO_DISPLAY_MESSAGE = (
    "Readout needs a display; to compare without one run: readout compare OFFICIAL BACKGROUND…"
)
# Qt platform plugins that draw without a windowing system.
_HEADLESS_PLATFORMS = (
    "offscreen",
    "minimal",
    "minimalegl",
    "vnc",
    "eglfs",
    "linuxfb",
    "vkkhrdisplay",
)


def has_display(environ: os._Environ[str] | dict[str, str] | None = None) -> bool:
    """Whether Qt can open a window here, decided without touching Qt."""
    env = os.environ if environ is None else environ
    platform = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip().lower()
    if platform in _HEADLESS_PLATFORMS:
        return True
    if sys.platform in ("darwin", "win32", "cygwin"):
        return True
    if platform.startswith("wayland"):
        return bool(env.get("WAYLAND_DISPLAY"))
    if platform == "xcb":
        return bool(env.get("DISPLAY"))
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"))


def make_application(argv: Sequence[str] | None = None) -> QApplication:
    """The one QApplication of the process (created here so tests can bring their own)."""
    from desktop.qt_compat import protect_singletons

    protect_singletons()
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QCoreApplication.setOrganizationName("Readout")
    QCoreApplication.setApplicationName("Readout")
    QGuiApplication.setDesktopFileName("readout")
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    app = QApplication(list(argv) if argv is not None else sys.argv[:1])
    app.setApplicationDisplayName("Readout")
    from desktop.export.fonts import register_bundled_fonts

    register_bundled_fonts()  # Devanagari and Arabic shaping where the system lacks fonts
    return app


def apply_style(app: QApplication) -> None:
    from desktop.paths import resource

    sheet = resource("readout.qss")
    if sheet.exists():
        app.setStyleSheet(sheet.read_text(encoding="utf-8"))


def build_window(
    paths: Sequence[str] = (),
    *,
    settings_dir: Path | None = None,
    open_sample: bool | None = None,
) -> MainWindow:
    """The main window (needs a QApplication); opens ``paths``, or the sample on first run.

    ``open_sample``: None opens it only on the first run (per the settings), True
    always when no paths are given, False never.
    """
    from desktop.qt_compat import protect_singletons

    protect_singletons()
    from PySide6.QtWidgets import QApplication

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import Preferences, open_settings

    app = QApplication.instance()
    if isinstance(app, QApplication) and not app.styleSheet():
        apply_style(app)
    preferences = Preferences(open_settings(settings_dir))
    window = MainWindow(preferences)
    if paths:
        window.open_paths(list(paths))
    elif open_sample or (open_sample is None and preferences.first_run()):
        window.open_sample()
        preferences.mark_sample_shown()
    return window


def main(paths: Sequence[str] = ()) -> int:
    """Open the window on ``paths`` (or the sample on first run); returns the exit status."""
    if not has_display():
        print(NO_DISPLAY_MESSAGE, file=sys.stderr)
        return 1
    app = make_application()
    window = build_window(paths)
    window.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
