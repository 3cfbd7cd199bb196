"""Window preferences in QSettings, redirectable so tests never touch a real profile."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

ORGANIZATION = "Readout"
APPLICATION = "Readout"
SETTINGS_DIR_ENV = "READOUT_SETTINGS_DIR"
MAX_RECENT = 10
DEFAULT_POINT_SIZE = 12.0
PAGE_SIZES = ("A4", "Letter")


def open_settings(directory: Path | None = None) -> QSettings:
    """The user's settings, or an INI file in ``directory`` (or ``$READOUT_SETTINGS_DIR``)."""
    if directory is None and os.environ.get(SETTINGS_DIR_ENV):
        directory = Path(os.environ[SETTINGS_DIR_ENV])
    if directory is not None:
        directory.mkdir(parents=True, exist_ok=True)
        return QSettings(str(directory / "readout.ini"), QSettings.Format.IniFormat)
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANIZATION, APPLICATION
    )


class Preferences:
    """Typed access to the few values the window remembers."""

    def __init__(self, settings: QSettings) -> None:
        self.settings = settings

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        return self._bytes("window/state")

    def splitter(self) -> QByteArray | None:
        return self._bytes("window/splitter")

    def save_window(self, geometry: QByteArray, state: QByteArray, splitter: QByteArray) -> None:
        self.settings.setValue("window/geometry", geometry)
        self.settings.setValue("window/state", state)
        self.settings.setValue("window/splitter", splitter)

    def point_size(self) -> float:
        try:
            return float(str(self.settings.value("view/point_size", DEFAULT_POINT_SIZE)))
        except (TypeError, ValueError):
            return DEFAULT_POINT_SIZE

    def set_point_size(self, size: float) -> None:
        self.settings.setValue("view/point_size", size)

    def _flag(self, key: str, default: bool) -> bool:
        value = self.settings.value(key, default)
        if isinstance(value, str):
            return value.lower() in ("true", "1", "yes")
        return bool(value)

    def sync_scrolling(self) -> bool:
        return self._flag("view/sync_scrolling", True)

    def set_sync_scrolling(self, on: bool) -> None:
        self.settings.setValue("view/sync_scrolling", on)

    def first_run(self) -> bool:
        return not self._flag("session/sample_shown", False)

    def mark_sample_shown(self) -> None:
        self.settings.setValue("session/sample_shown", True)

    def recent(self) -> list[str]:
        value = self.settings.value("recent/files", [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list | tuple):
            return [str(v) for v in value if v]
        return []

    def add_recent(self, location: str) -> list[str]:
        entries = [location] + [r for r in self.recent() if r != location]
        entries = entries[:MAX_RECENT]
        self.settings.setValue("recent/files", entries)
        return entries

    def clear_recent(self) -> None:
        self.settings.setValue("recent/files", [])

    def folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` ("pdf", "sessions"), else Documents."""
        value = self.settings.value(f"folders/{purpose}", "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
        documents = QStandardPaths.StandardLocation.DocumentsLocation
        return QStandardPaths.writableLocation(documents) or str(Path.home())

    def set_folder(self, purpose: str, folder: str) -> None:
        self.settings.setValue(f"folders/{purpose}", folder)

    def page_size(self) -> str:
        """The PDF page size: the one chosen, else Letter where the locale measures in inches."""
        value = self.settings.value("export/page_size", "")
        if value in PAGE_SIZES:
            return str(value)
        imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        return "Letter" if imperial else "A4"

    def set_page_size(self, size: str) -> None:
        if size in PAGE_SIZES:
            self.settings.setValue("export/page_size", size)

    def sync(self) -> None:
        self.settings.sync()
