"""An inline message above the panes: errors stay until closed, notes fade after a while.

A message may carry buttons ("Undo", "Open PDF"); pressing one runs its command
and dismisses the message. A note with buttons stays longer, so there is time to
reach for them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QWidget,
)

from desktop.palette import OKABE_ITO, mix

NOTE_SECONDS = 10
NOTE_WITH_BUTTONS_SECONDS = 30


Button = tuple[str, Callable[[], object]]  # label, what pressing it does


class MessageBar(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Dismiss this message")
        close.setAutoRaise(True)
        close.clicked.connect(self.hide)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 6, 6, 6)
        self._layout.addWidget(self.text, 1)
        self._layout.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.buttons: list[QPushButton] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.kind = ""
        self.hide()

    def show_error(self, message: str, buttons: Sequence[Button] = ()) -> None:
        self._show("error", message, buttons)

    def show_note(self, message: str, buttons: Sequence[Button] = ()) -> None:
        self._show("note", message, buttons)
        seconds = NOTE_WITH_BUTTONS_SECONDS if buttons else NOTE_SECONDS
        self._timer.start(seconds * 1000)

    def button(self, label: str) -> QPushButton | None:
        """The button labelled ``label`` of the message shown (for tests and shortcuts)."""
        return next((b for b in self.buttons if b.text().replace("&", "") == label), None)

    def _show(self, kind: str, message: str, buttons: Sequence[Button]) -> None:
        self._timer.stop()
        self.kind = kind
        self.setProperty("kind", kind)
        self._colour()
        self.style().unpolish(self)
        self.style().polish(self)
        self.text.setText(message)
        self._set_buttons(buttons)
        self.show()

    def _colour(self) -> None:
        """Vermillion for an error, blue for a note, mixed into the palette's own page colour
        with the palette's own text: readable in light and dark themes alike."""
        # The application's palette, not the bar's own: on a theme switch the window
        # restyles the bar before Qt has handed the new palette down to it.
        palette = QApplication.palette()
        page = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = page.lightness() < 128
        base = QColor(OKABE_ITO["vermillion"] if self.kind == "error" else OKABE_ITO["blue"])
        fill = mix(page, base, 0.32 if dark else 0.16)
        self.setStyleSheet(
            f"#messageBar {{ background: {fill.name()}; border-bottom: 1px solid {base.name()}; }}"
            f" #messageBar QLabel {{ color: {text.name()}; }}"
        )

    def restyle(self) -> None:
        """The palette changed (a theme): recolour the message shown."""
        if self.kind:
            self._colour()

    def _set_buttons(self, buttons: Sequence[Button]) -> None:
        for old in self.buttons:
            self._layout.removeWidget(old)
            old.deleteLater()
        self.buttons = []
        for number, (label, command) in enumerate(buttons):
            button = QPushButton(label)
            button.setObjectName("messageButton")
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, run=command: self._press(run))
            self._layout.insertWidget(1 + number, button, 0, Qt.AlignmentFlag.AlignVCenter)
            self.buttons.append(button)

    def _press(self, command: Callable[[], object]) -> None:
        self.hide()
        command()
