"""``.readout`` files from the window: File → Import Session…, Export Session…, and a file
opened with Readout. Importing adds the session to the list and opens it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from desktop.naming import slug
from desktop.ui.message_bar import MessageBar
from desktop.ui.session_keeper import SessionKeeper
from desktop.ui.settings import Preferences

if TYPE_CHECKING:
    from desktop.sessions.data import SessionData

SESSION_FILES = "Readout sessions (*.readout);;All files (*)"
NOT_SAVING = "This window works, but nothing you do in it is saved."


class SessionFiles(QObject):
    def __init__(
        self,
        window: QWidget,
        *,
        keeper: SessionKeeper,
        preferences: Preferences,
        message: MessageBar,
        status: QStatusBar,
        open_session: Callable[[int], None],
        before_reading: Callable[[], None],
        title_of: Callable[[int], str],
        refresh: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.keeper, self.preferences = keeper, preferences
        self.message, self.status = message, status
        self.open_session, self.before_reading = open_session, before_reading
        self.title_of, self.refresh = title_of, refresh

    def import_files(self) -> None:
        folder = self.preferences.folder("sessions")
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, "Import Session", folder, SESSION_FILES
        )
        if paths:
            self.preferences.set_folder("sessions", str(Path(paths[0]).parent))
            self.import_paths(paths)

    def import_paths(self, paths: list[str]) -> None:
        """Add ``.readout`` files to the sessions list and open the last one."""
        if not self.keeper.saving:
            self.message.show_error(f"Sessions cannot be imported here. {NOT_SAVING}")
            return
        last = paths[-1]
        for path in paths:

            def imported(data: SessionData, opened: bool = path == last) -> None:
                self.refresh()
                self.status.showMessage(f"Imported the session “{data.title}”.", 8000)
                if opened:
                    self.open_session(data.id)

            self.keeper.import_file(path, imported)

    def export(self, session_id: int | None = None) -> None:
        """Save a session (default: the open one) as a ``.readout`` file."""
        current = self.keeper.current
        if session_id is None:
            if current is None or current.id <= 0:
                self.message.show_error("There is no saved session to export yet.")
                return
            session_id = current.id
        self.before_reading()
        title = self.title_of(session_id)
        suggested = str(Path(self.preferences.folder("sessions")) / f"{slug(title)}.readout")
        path, _ = QFileDialog.getSaveFileName(
            self.window, "Export Session", suggested, SESSION_FILES
        )
        if not path:
            return
        if not path.endswith(".readout"):
            path += ".readout"
        self.preferences.set_folder("sessions", str(Path(path).parent))

        def exported(written: Path) -> None:
            folder = QUrl.fromLocalFile(str(Path(written).parent))
            self.message.show_note(
                f"Exported “{title}” to {written}. "
                "A colleague adds it with File → Import Session….",
                [("Open &Folder", lambda: QDesktopServices.openUrl(folder))],
            )

        self.keeper.export_file(session_id, path, exported)
