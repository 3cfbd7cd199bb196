"""The window's geometry, dock and splitter layout: restored from and saved to the settings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QSplitter

from desktop.ui.settings import Preferences

DEFAULT_SIZE = (1400, 900)
SIDEBAR_WIDTH = 250
CLAIMS_HEIGHT = 335


def restore_layout(
    window: QMainWindow,
    preferences: Preferences,
    *,
    splitter: QSplitter,
    claims: QDockWidget,
    sessions: QDockWidget,
) -> None:
    geometry = preferences.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        screen = window.screen().availableGeometry()
        width, height = DEFAULT_SIZE
        window.resize(
            min(width, int(screen.width() * 0.9)), min(height, int(screen.height() * 0.9))
        )
    state = preferences.window_state()
    if state is None or not window.restoreState(state):
        # The reading panes come first: the claims table gets a quarter of the height,
        # the sessions list a narrow column.
        # The claims table shows a dozen rows at the default size.
        window.resizeDocks(
            [claims], [min(CLAIMS_HEIGHT, window.height() // 3)], Qt.Orientation.Vertical
        )
        window.resizeDocks([sessions], [SIDEBAR_WIDTH], Qt.Orientation.Horizontal)
    saved = preferences.splitter()
    if saved is not None:
        splitter.restoreState(saved)
    else:
        splitter.setSizes([560, 64, 640])


def save_layout(window: QMainWindow, preferences: Preferences, splitter: QSplitter) -> None:
    preferences.save_window(window.saveGeometry(), window.saveState(), splitter.saveState())
    preferences.sync()


def repolish() -> None:
    """Style sheets resolve ``palette(...)`` when polished; re-polish after a palette change."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        sheet = app.styleSheet()
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
