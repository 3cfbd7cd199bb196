"""What the tint means on one side, in that side's header: the same three colours answer a
different question on each side (left: reported in the background? right: in the readout?)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.engine.vocabulary import Coverage
from desktop.palette import Look

QUESTIONS = {
    True: (
        "Reported in the background?",
        {Coverage.COVERED: "yes", Coverage.PARTIAL: "in part", Coverage.ABSENT: "no"},
    ),
    False: (
        "In the official readout?",
        {Coverage.COVERED: "yes", Coverage.PARTIAL: "in part", Coverage.ABSENT: "no"},
    ),
}


class SideLegend(QWidget):
    def __init__(self, official: bool, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.official = official
        self.look = look
        self.question: str | None = None  # another question than the side's usual one
        question, _ = QUESTIONS[official]
        self.setToolTip(
            f"{question} — the tint of every sentence on this side answers it (F1: legend)"
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)  # a narrow window cuts the legend, not the pane

    def texts(self) -> list[str]:
        question, answers = QUESTIONS[self.official]
        return [self.question or question, *answers.values()]

    def set_question(self, question: str | None) -> None:
        """Ask ``question`` instead of the side's usual one (None: the usual one)."""
        if question != self.question:
            self.question = question
            self.updateGeometry()
            self.update()

    def sizeHint(self) -> QSize:
        metrics = QFontMetricsF(self.font())
        question, *answers = self.texts()
        width = metrics.horizontalAdvance(question) + 8
        width += sum(metrics.horizontalAdvance(a) + 16 for a in answers)
        return QSize(int(width) + 4, int(metrics.height() + 6))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = QFontMetricsF(self.font())
        height = metrics.height() + 2
        top = (self.height() - height) / 2
        question, answers = QUESTIONS[self.official]
        question = self.question or question
        painter.setPen(self.look.muted)
        width = metrics.horizontalAdvance(question)
        painter.drawText(QRectF(0, top, width, height), Qt.AlignmentFlag.AlignVCenter, question)
        x = width + 8
        for coverage, answer in answers.items():
            box = QRectF(x, top, metrics.horizontalAdvance(answer) + 12, height)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.look.tint[coverage])
            painter.drawRoundedRect(box, 3, 3)
            painter.setPen(self.look.text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, answer)
            x += box.width() + 4
        painter.end()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.update()
