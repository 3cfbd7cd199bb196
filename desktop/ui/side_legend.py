"""What the tint means on one side, in that side's header: the same three colours answer a
different question on each side (left: reported in the background? right: in the readout?).
A version of the release on the right answers it by revision instead: kept (plain),
reworded, not kept."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.engine.vocabulary import Coverage
from desktop.palette import Look
from desktop.workspace.revision_marks import RevisionState

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
        # A version's tab: the revision's words instead of coverage (None: coverage).
        self.revision: dict[RevisionState, str] | None = None
        self._tooltip()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(0)  # a narrow window cuts the legend, not the pane

    def _tooltip(self) -> None:
        question, _ = QUESTIONS[self.official]
        if self.revision is not None:
            self.setToolTip(
                f"{question} — this is another version of the release: its sentences are "
                "tinted by the revision (plain when the official readout has them as is), "
                "not by coverage (F1: legend)"
            )
        else:
            self.setToolTip(
                f"{question} — the tint of every sentence on this side answers it (F1: legend)"
            )

    def texts(self) -> list[str]:
        return [self._question(), *(text for text, _ in self._answers())]

    def _question(self) -> str:
        question, _ = QUESTIONS[self.official]
        return self.question or question

    def _answers(self) -> list[tuple[str, QColor | None]]:
        """Each answer's words and its swatch colour (None: plain, an outlined box)."""
        if self.revision is not None:
            colours = {
                RevisionState.KEPT: None,
                RevisionState.REWORDED: self.look.reworded,
                RevisionState.NOT_KEPT: self.look.not_kept,
            }
            return [(self.revision[state], colours[state]) for state in RevisionState]
        _, answers = QUESTIONS[self.official]
        return [(answer, self.look.tint[coverage]) for coverage, answer in answers.items()]

    def set_revision(self, answers: dict[RevisionState, str] | None) -> None:
        """Answer by revision state in these words (None: by coverage, as usual)."""
        if answers != self.revision:
            self.revision = answers
            self._tooltip()
            self.updateGeometry()
            self.update()

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
        question = self._question()
        painter.setPen(self.look.muted)
        width = metrics.horizontalAdvance(question)
        painter.drawText(QRectF(0, top, width, height), Qt.AlignmentFlag.AlignVCenter, question)
        x = width + 8
        for answer, colour in self._answers():
            box = QRectF(x, top, metrics.horizontalAdvance(answer) + 12, height)
            if colour is None:  # plain: the page's own colour, outlined
                painter.setPen(self.look.find_current)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 3, 3)
            else:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colour)
                painter.drawRoundedRect(box, 3, 3)
            painter.setPen(self.look.text)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, answer)
            x += box.width() + 4
        painter.end()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.update()
