"""Window preferences in QSettings, redirectable so tests never touch a real profile."""

from __future__ import annotations

import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from PySide6.QtCore import QByteArray, QLocale, QSettings, QStandardPaths

from desktop.engine.settings import CompareSettings, Ignore

ORGANIZATION = "Readout"
APPLICATION = "Readout"
SETTINGS_DIR_ENV = "READOUT_SETTINGS_DIR"
MAX_RECENT = 10
DEFAULT_POINT_SIZE = 12.0
PAGE_SIZES = ("A4", "Letter")


class Theme(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


@dataclass(frozen=True)
class RecentFile:
    """An Open Recent entry: where it is and the document's own title ("" when it had none)."""

    location: str
    title: str = ""


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

    def _strings(self, key: str) -> list[str]:
        value = self.settings.value(key, [])
        if isinstance(value, str):
            return [value] if value else []
        if isinstance(value, list | tuple):
            return [str(v) for v in value]
        return []

    def recent(self) -> list[RecentFile]:
        locations = [v for v in self._strings("recent/files") if v]
        titles = self._strings("recent/titles")
        titles += [""] * (len(locations) - len(titles))
        return [RecentFile(where, title) for where, title in zip(locations, titles, strict=False)]

    def recent_locations(self) -> list[str]:
        return [entry.location for entry in self.recent()]

    def add_recent(self, location: str, title: str = "") -> list[RecentFile]:
        entries = [RecentFile(location, title)]
        entries += [r for r in self.recent() if r.location != location]
        entries = entries[:MAX_RECENT]
        self.settings.setValue("recent/files", [e.location for e in entries])
        self.settings.setValue("recent/titles", [e.title for e in entries])
        return entries

    def clear_recent(self) -> None:
        self.settings.setValue("recent/files", [])
        self.settings.setValue("recent/titles", [])

    def export_folder(self) -> str:
        """Where exports go unless a folder was used since: the Preferences' choice, else the
        user's Documents folder, else the home folder — always a folder that exists."""
        value = self.settings.value("folders/export", "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
        return default_documents_folder()

    def set_export_folder(self, folder: str) -> None:
        self.settings.setValue("folders/export", folder)
        for purpose in ("pdf", "sessions"):
            self.settings.remove(f"folders/{purpose}")

    def folder(self, purpose: str) -> str:
        """The folder last used for ``purpose`` ("pdf", "sessions", "documents"), else the
        export folder (always one that exists)."""
        value = self.settings.value(f"folders/{purpose}", "")
        if isinstance(value, str) and value and Path(value).is_dir():
            return value
        return self.export_folder()

    def set_folder(self, purpose: str, folder: str) -> None:
        self.settings.setValue(f"folders/{purpose}", folder)

    def theme(self) -> Theme:
        value = self.settings.value("view/theme", Theme.SYSTEM.value)
        try:
            return Theme(str(value))
        except ValueError:
            return Theme.SYSTEM

    def set_theme(self, theme: Theme) -> None:
        self.settings.setValue("view/theme", theme.value)

    def compare_settings(self) -> CompareSettings:
        """The ignore rules new sessions are judged by (the engine's defaults until chosen)."""
        if not self.settings.contains("compare/ignore"):
            return CompareSettings()
        known = {rule.value for rule in Ignore}
        rules = [r for r in self._strings("compare/ignore") if r in known]
        return CompareSettings.ignoring(rules)

    def set_compare_settings(self, settings: CompareSettings) -> None:
        # An empty list reads back as "no value" from an INI file: keep a marker entry.
        self.settings.setValue("compare/ignore", ["", *settings.to_json()["ignore"]])

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


def default_documents_folder() -> str:
    """The user's Documents folder, or the home folder where there is none (a file dialog
    given a folder that does not exist opens in the working directory instead)."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if documents and Path(documents).is_dir():
        return documents
    return str(Path.home())
