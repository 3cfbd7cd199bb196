"""The sessions list's rows: a session's title over its counts and time, the open one
marked; Delete and the context menu reported to the sidebar."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QContextMenuEvent, QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

if TYPE_CHECKING:
    from desktop.sessions.data import SessionSummary

ID_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 3
ModelIndex = QModelIndex | QPersistentModelIndex


def describe(summary: SessionSummary, now: datetime | None = None) -> str:
    """The line under a session's title: ``3 documents · 2 notes · 14:05``."""
    parts = [_count(summary.document_count, "document")]
    if summary.correction_count:
        parts.append(_count(summary.correction_count, "correction"))
    if summary.note_count:
        parts.append(_count(summary.note_count, "note"))
    parts.append(_when(summary.updated_at, now))
    return " · ".join(parts)


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'' if number == 1 else 's'}"


def _when(moment: datetime, now: datetime | None = None) -> str:
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    if local.date() == today:
        return local.strftime("%H:%M")
    if local.year == today.year:
        return f"{local.day} {local:%b}"
    return f"{local.day} {local:%b %Y}"


class SessionDelegate(QStyledItemDelegate):
    """Two lines per session: the title (bold for the open session), then counts and time."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title, detail = opt.text, str(index.data(DETAIL_ROLE) or "")
        current = bool(index.data(CURRENT_ROLE))
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        ink = palette.highlightedText() if selected else palette.text()
        muted = ink.color() if selected else palette.placeholderText().color()
        area = opt.rect.adjusted(12, 5, -8, -5)
        painter.save()
        if current:
            painter.fillRect(
                QRect(opt.rect.left(), opt.rect.top() + 4, 3, opt.rect.height() - 8),
                palette.highlight(),
            )
        font = QFont(opt.font)
        font.setBold(current)
        metrics = QFontMetrics(font)
        painter.setFont(font)
        painter.setPen(ink.color())
        line = QRect(area.left(), area.top(), area.width(), metrics.height())
        painter.drawText(
            line,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(title, Qt.TextElideMode.ElideRight, area.width()),
        )
        small = QFont(opt.font)
        small.setPointSizeF(max(7.0, opt.font.pointSizeF() * 0.88))
        small_metrics = QFontMetrics(small)
        painter.setFont(small)
        painter.setPen(muted)
        below = QRect(area.left(), line.bottom() + 2, area.width(), small_metrics.height())
        painter.drawText(
            below,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            small_metrics.elidedText(detail, Qt.TextElideMode.ElideRight, area.width()),
        )
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        metrics = QFontMetrics(option.font)
        return QSize(200, metrics.height() * 2 + 14)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        rect = option.rect.adjusted(8, 2, -4, 0)
        rect.setHeight(QFontMetrics(option.font).height() + 10)
        editor.setGeometry(rect)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QLineEdit) and editor.text().strip():
            super().setModelData(editor, model, index)  # a blank title changes nothing


class SessionList(QListWidget):
    """The list itself: Delete deletes, F2 renames (window action), right-click for the rest."""

    deletePressed = Signal()
    menuRequested = Signal(object, object)  # QListWidgetItem, global QPoint

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and self.currentItem() is not None:
            self.deletePressed.emit()
            return
        super().keyPressEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        item = self.itemAt(event.pos())
        if item is not None:
            self.menuRequested.emit(item, event.globalPos())
