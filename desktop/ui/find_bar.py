"""The find bar under the panes: one search across the official readout and the background."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from desktop.engine.document import Span

if TYPE_CHECKING:
    from desktop.ui.comparison_view import ComparisonView


def find_spans(text: str, needle: str, limit: int = 5000) -> list[Span]:
    """Case-insensitive occurrences of ``needle`` (whitespace-flexible), as offsets into ``text``."""
    words = needle.split()
    if not words:
        return []
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)
    spans = []
    for match in pattern.finditer(text):
        spans.append(Span(match.start(), match.end()))
        if len(spans) >= limit:
            break
    return spans


class FindBar(QWidget):
    searchChanged = Signal(str)
    nextRequested = Signal()
    previousRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.field = QLineEdit()
        self.field.setPlaceholderText("Find in the readout and the background")
        self.field.setClearButtonEnabled(True)
        self.field.setToolTip("Enter: next · Shift+Enter: previous · Esc: close")
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("findCount")
        previous = QToolButton()
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+F3)")
        following = QToolButton()
        following.setText("▼")
        following.setToolTip("Next match (F3)")
        close = QToolButton()
        close.setText("✕")
        close.setToolTip("Close the find bar (Esc)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(QLabel("Find:"))
        layout.addWidget(self.field, 1)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(self.count)
        layout.addWidget(close)
        self.field.textChanged.connect(self.searchChanged)
        following.clicked.connect(self.nextRequested)
        previous.clicked.connect(self.previousRequested)
        close.clicked.connect(self.close_bar)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        if text:
            self.field.setText(text)
        self.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, left: int, right: int, current: int | None, total: int) -> None:
        if not self.field.text().strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        else:
            position = f"{current + 1} of {total}" if current is not None else f"{total}"
            self.count.setText(f"{position} · {left} in readout · {right} in background")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                (self.previousRequested if shift else self.nextRequested).emit()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


class Finder(QObject):
    """Connects the find bar to the panes: every hit highlighted, F3 / Enter steps through them."""

    def __init__(self, bar: FindBar, view: ComparisonView, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bar = bar
        self.view = view
        bar.searchChanged.connect(self.search)
        bar.nextRequested.connect(lambda: self.step(forward=True))
        bar.previousRequested.connect(lambda: self.step(forward=False))
        bar.closed.connect(lambda: self.search(""))

    def open(self, focused: QWidget | None) -> None:
        """Show the bar, seeded with the text selected in the focused pane."""
        text = ""
        for pane_view in self.view.views():
            if pane_view is focused:
                text = pane_view.textCursor().selectedText()
        self.bar.open_bar(text)
        self.search(self.bar.field.text())

    def search(self, text: str) -> None:
        left, right = self.view.set_find(text)
        self.bar.show_count(left, right, None, left + right)

    def step(self, *, forward: bool) -> None:
        if self.bar.isHidden():
            self.open(None)
        hit = self.view.find_step(forward=forward)
        left, right = self.view.find_counts()
        self.bar.show_count(left, right, hit, self.view.hit_count)
