"""An exception nothing caught, shown in the window's message bar as one line."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.ui.message_bar import MessageBar


class CrashNotice(QObject):
    """Callable from any thread: the line reaches the message bar on the GUI thread."""

    reported = Signal(str)

    def __init__(self, message: MessageBar) -> None:
        super().__init__(message)
        self.shown: list[str] = []
        self.reported.connect(self._show)
        self._message = message

    def __call__(self, line: str) -> None:
        self.reported.emit(line)

    def _show(self, line: str) -> None:
        self.shown.append(line)
        self._message.show_error(line)
