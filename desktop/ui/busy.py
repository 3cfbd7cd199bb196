"""The busy indicator in the status bar: what is running, for how long, and a Cancel button."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QToolButton


class BusyIndicator(QObject):
    def __init__(self, status: QStatusBar, cancel: QAction) -> None:
        super().__init__(status)
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # indeterminate: the engine and readers report no fraction
        self.bar.setMaximumWidth(110)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        self.button = QToolButton()
        self.button.setDefaultAction(cancel)
        self.button.setAutoRaise(True)
        for widget in (self.label, self.bar, self.button):
            status.addPermanentWidget(widget)
            widget.hide()
        self._text = ""
        self._seconds = 0
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def start(self, text: str) -> None:
        self._text = text
        self._seconds = 0
        self.label.setText(text)
        for widget in (self.label, self.bar, self.button):
            widget.show()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        for widget in (self.label, self.bar, self.button):
            widget.hide()

    def _tick(self) -> None:
        self._seconds += 1
        self.label.setText(f"{self._text} {self._seconds} s")
