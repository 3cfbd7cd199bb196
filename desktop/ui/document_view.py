"""A read-only reading view of one document whose sentences can be selected, outlined and linked.

The view knows sentence offsets and how to draw marks; which sentence is
selected, what it matches and which words differ are decided by the window.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFont,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextLine,
    QWheelEvent,
)
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip, QWidget

from desktop.engine.compare import SentenceResult
from desktop.engine.document import Document, Span
from desktop.palette import Look
from desktop.ui.bounded_menu import keep_inside
from desktop.ui.margin_marks import paint_margin_marks
from desktop.ui.rendering import Offsets, SentenceIndex, reading_font

TooltipProvider = Callable[[int, int], str]
MenuBuilder = Callable[[QMenu, int, int | None], None]


class DocumentView(QTextEdit):
    """One document of the comparison; ``document_index`` is its place in the Comparison."""

    sentenceActivated = Signal(int, int)  # document index, sentence index
    zoomRequested = Signal(int)  # +1 / -1
    scrolled = Signal()

    def __init__(self, look: Look, point_size: float, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.document_index = -1
        self.sentences: Sequence[SentenceResult] = ()
        self.source: Document | None = None
        self.text = ""
        self.offsets = Offsets("")
        self.index = SentenceIndex(())
        self.corrected: Collection[int] = ()
        self.noted: Collection[int] = ()  # sentences with a note of the user's
        self.shifted: Mapping[
            int, str
        ] = {}  # sentence → the lens's mark (desktop.engine.lens_marks)
        # sentence → its revision mark (desktop.workspace.revision_marks)
        self.revised: Mapping[int, str] = {}
        self.empty_message = ""  # shown, wrapped and centred, while there is no document
        self.tooltip_provider: TooltipProvider | None = None
        self.menu_builder: MenuBuilder | None = None
        self._selected: int | None = None
        self._linked: tuple[int, ...] = ()
        self._programmatic = False
        self._last_reported: int | None = None
        self._owned: QTextDocument | None = None
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setTabChangesFocus(True)
        self.setFont(reading_font(point_size))
        self.setFrameShape(QTextEdit.Shape.NoFrame)
        self.setAcceptDrops(False)  # drops are handled by the window's drop filter
        self.viewport().setAcceptDrops(False)
        self.cursorPositionChanged.connect(self._caret_moved)
        self.verticalScrollBar().valueChanged.connect(self.scrolled)

    # -- content -----------------------------------------------------------

    def set_content(
        self,
        document_index: int,
        document: QTextDocument,
        source: Document | None,
        sentences: Sequence[SentenceResult],
        offsets: Offsets | None = None,
        index: SentenceIndex | None = None,
    ) -> None:
        """Show ``document``; ``offsets`` and ``index`` may come prebuilt from the worker."""
        old = self._owned
        self.document_index = document_index
        self.source = source
        self.text = source.text if source is not None else ""
        self.sentences = sentences
        self.offsets = offsets or Offsets(self.text)
        self.index = index or SentenceIndex(sentences)
        self._selected, self._linked, self._last_reported = None, (), None
        self.corrected = ()
        self.noted = ()
        self.shifted = {}
        self.revised = {}
        self._programmatic = True
        try:
            document.setParent(self)
            self.setDocument(document)
            if document.defaultFont() != self.font():
                document.setDefaultFont(self.font())
        finally:
            self._programmatic = False
        self._owned = document
        if old is not None and old is not document:
            old.deleteLater()
        self.setExtraSelections([])

    def clear_content(self, message: str) -> None:
        self.set_content(-1, QTextDocument(), None, ())
        self.empty_message = message

    def set_point_size(self, size: float) -> None:
        font = reading_font(size)
        self.setFont(font)

    # -- geometry ----------------------------------------------------------

    def sentence_at_point(self, point: QPoint) -> int | None:
        position = self.cursorForPosition(point).position()
        return self.index.at(self.offsets.from_qt(position))

    def visible_sentences(self) -> tuple[int, int] | None:
        """First and last sentence (at least partly) in the viewport.

        Walks blocks down from the top one instead of hit-testing the bottom
        corner: QTextEdit's hit test is slow while a long document is still
        being laid out, and the link map asks on every paint.
        """
        if not self.sentences:
            return None
        document = self.document()
        layout = document.documentLayout()
        top = self.verticalScrollBar().value()
        if top == 0:
            block = document.firstBlock()
        else:
            block = document.findBlock(self.cursorForPosition(QPoint(0, 0)).position())
        first = block.position()
        bottom = top + self.viewport().height()
        last = first
        while block.isValid():
            last = block.position() + max(0, block.length() - 1)
            if layout.blockBoundingRect(block).bottom() >= bottom:
                break
            block = block.next()
        a = self.index.nearest(self.offsets.from_qt(first))
        b = self.index.nearest(self.offsets.from_qt(last))
        if a is None or b is None:
            return None
        return a, b

    def sentence_band(self, index: int) -> tuple[float, float]:
        """Top and bottom of a sentence in viewport coordinates."""
        sentence = self.sentences[index]
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(sentence.start))
        top = self.cursorRect(cursor).top()
        cursor.setPosition(self.offsets.to_qt(max(sentence.start, sentence.end - 1)))
        bottom = self.cursorRect(cursor).bottom()
        return float(top), float(bottom + 1)

    def sentence_rects(self, index: int) -> list[QRectF]:
        """Rectangles covering a sentence line by line, in viewport coordinates."""
        sentence = self.sentences[index]
        a, b = self.offsets.to_qt(sentence.start), self.offsets.to_qt(sentence.end)
        document = self.document()
        layout = document.documentLayout()
        dx = -self.horizontalScrollBar().value()
        dy = -self.verticalScrollBar().value()
        rects: list[QRectF] = []
        block = document.findBlock(a)
        while block.isValid() and block.position() < b:
            origin = layout.blockBoundingRect(block).topLeft()
            text_layout = block.layout()
            base = block.position()
            for i in range(text_layout.lineCount()):
                line = text_layout.lineAt(i)
                start = base + line.textStart()
                end = start + line.textLength()
                if end <= a or start >= b:
                    continue
                x1 = _x(line, max(a, start) - base)
                x2 = _x(line, min(b, end) - base)
                rects.append(
                    QRectF(
                        origin.x() + x1 + dx - 2,
                        origin.y() + line.y() + dy,
                        x2 - x1 + 4,
                        line.height(),
                    )
                )
            block = block.next()
        # Close the leading between lines so the outline is one shape, not a box per line.
        for i in range(len(rects) - 1):
            gap = rects[i + 1].top() - rects[i].bottom()
            if 0 < gap < rects[i].height():
                rects[i].setBottom(rects[i + 1].top() + 0.5)
        return rects

    # -- selection and marks -------------------------------------------------

    @property
    def selected(self) -> int | None:
        return self._selected

    def show_marks(
        self,
        selected: int | None,
        linked: Sequence[int],
        differing: Sequence[Span],
        found: Sequence[Span] = (),
        current_find: Span | None = None,
    ) -> None:
        """Outline the selected and linked sentences; emphasise differing words and find hits."""
        self._selected = selected
        self._linked = tuple(linked)
        self._last_reported = selected
        selections: list[QTextEdit.ExtraSelection] = []
        for span in differing:
            selections.append(self._extra(span, self._diff_format(span)))
        for span in found:
            fmt = QTextCharFormat()
            current = span == current_find
            fmt.setBackground(self.look.find_current if current else self.look.find)
            fmt.setForeground(self.look.page if current else self.look.text)
            fmt.setFontUnderline(True)
            selections.append(self._extra(span, fmt))
        self.setExtraSelections(selections)
        self.viewport().update()

    def _diff_format(self, span: Span) -> QTextCharFormat:
        fmt = QTextCharFormat()
        found = self.index.at(span.start)
        coverage = self.sentences[found].coverage if found is not None else None
        if coverage is not None:
            fmt.setBackground(self.look.strong[coverage])
        fmt.setFontUnderline(False)
        return fmt

    def _extra(self, span: Span, fmt: QTextCharFormat) -> QTextEdit.ExtraSelection:
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(span.start))
        cursor.setPosition(self.offsets.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def place_caret(self, index: int) -> None:
        """Move the caret to a sentence without reporting it as a new activation."""
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(self.sentences[index].start))
        self._programmatic = True
        try:
            self.setTextCursor(cursor)
        finally:
            self._programmatic = False
        self._last_reported = index

    def scroll_to_sentence(self, index: int, at: float | None = None) -> None:
        """Scroll so the sentence's top sits at viewport y ``at`` (default: a third down)."""
        top, bottom = self.sentence_band(index)
        height = self.viewport().height()
        if at is None:
            at = max(12.0, min(height / 3, height / 2 - (bottom - top) / 2))
        bar = self.verticalScrollBar()
        bar.setValue(int(bar.value() + top - at))

    def scroll_to_offset(self, offset: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self.offsets.to_qt(offset))
        top = self.cursorRect(cursor).top()
        bar = self.verticalScrollBar()
        bar.setValue(int(bar.value() + top - self.viewport().height() / 3))

    def _caret_moved(self, *, again: bool = False) -> None:
        if self._programmatic or self.textCursor().hasSelection() or not self.sentences:
            return
        found = self.index.at(self.offsets.from_qt(self.textCursor().position()))
        if found is not None and (again or found != self._last_reported):
            self._last_reported = found
            self.sentenceActivated.emit(self.document_index, found)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            # A click on the sentence already holding the caret selects it again.
            self._caret_moved(again=True)

    # -- events ------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.text and self.empty_message:
            self._paint_empty()
            return
        if not self.sentences:
            return
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_margin_marks(painter)
        for index in self._linked:
            self._outline(painter, index, dashed=True)
        if self._selected is not None:
            self._outline(painter, self._selected, dashed=False)
        painter.end()

    def _outline(self, painter: QPainter, index: int, *, dashed: bool) -> None:
        rects = self.sentence_rects(index)
        if not rects:
            return
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)  # overlaps merge instead of cancelling
        for rect in rects:
            path.addRoundedRect(rect.adjusted(-1, -1, 1, 1), 4, 4)
        pen = QPen(self.look.selection, 1.6 if dashed else 2.2)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path.simplified())
        if not dashed:
            first = rects[0]
            painter.fillRect(
                QRectF(2, first.top(), 3, rects[-1].bottom() - first.top()), self.look.selection
            )

    def _paint_empty(self) -> None:
        painter = QPainter(self.viewport())
        font = QFont(self.font())
        font.setPointSizeF(self.font().pointSizeF() * 0.95)
        painter.setFont(font)
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = QRectF(self.viewport().rect()).adjusted(48, 0, -48, 0)
        area.setTop(self.viewport().height() * 0.28)
        painter.drawText(
            area, Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, self.empty_message
        )
        painter.end()

    def _paint_margin_marks(self, painter: QPainter) -> None:
        paint_margin_marks(
            painter,
            look=self.look,
            point_size=self.font().pointSizeF(),
            width=self.viewport().width(),
            visible=(
                self.visible_sentences()
                if (self.corrected or self.noted or self.shifted or self.revised)
                else None
            ),
            band=self.sentence_band,
            corrected=self.corrected,
            noted=self.noted,
            shifted=self.shifted,
            revised=self.revised,
        )

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            found = self.sentence_at_point(event.pos())
            if found is not None and self.tooltip_provider is not None:
                QToolTip.showText(
                    event.globalPos(),
                    self.tooltip_provider(self.document_index, found),
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().viewportEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Keyboard:
            point = self.cursorRect().center()
        else:
            point = event.pos()
        menu = keep_inside(self.context_menu(point), self.window())
        menu.exec(self.viewport().mapToGlobal(point))
        menu.deleteLater()

    def context_menu(self, point: QPoint) -> QMenu:
        """The menu for viewport ``point``: copy and select, then the sentence's corrections
        and note (``menu_builder``)."""
        found = self.sentence_at_point(point)
        menu = self.createStandardContextMenu(point)
        if self.menu_builder is not None:
            self.menu_builder(menu, self.document_index, found)
        return menu

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoomRequested.emit(1 if event.angleDelta().y() > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


def _x(line: QTextLine, position: int) -> float:
    """Horizontal position of a cursor position in a line (PySide returns ``(x, position)``)."""
    found: object = line.cursorToX(position)
    x = found[0] if isinstance(found, tuple) else found
    return float(x) if isinstance(x, int | float) else 0.0
