"""The claims dock: every sentence of both sides in a sortable, filterable table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.vocabulary import Attribution, Coverage
from desktop.palette import Look
from desktop.ui.margin_marks import note_colour
from desktop.workspace.claims import ClaimRow
from desktop.workspace.wording import ATTRIBUTION_WORD

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
SortKey = str | int | float
ModelIndex = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    TEXT = 0
    SIDE = 1
    ATTRIBUTION = 2
    COVERAGE = 3
    BEST_MATCH = 4
    SCORE = 5
    NOTE = 6


HEADERS = {
    Column.TEXT: "Claim",
    Column.SIDE: "Side",
    Column.ATTRIBUTION: "Attribution",
    Column.COVERAGE: "Coverage",
    Column.BEST_MATCH: "Best match",
    Column.SCORE: "Score",
    Column.NOTE: "Note",
}
NOTE_MARK = "✱"
ROW_HEIGHT = 21
VISIBLE_ROWS = 5  # at the least; the default layout shows a dozen (window_layout)
NOTE_EMPTY_WIDTH = 48
ATTRIBUTION_WIDTH = 88
ATTRIBUTION_MAX_WIDTH = 240
NOTE_MAX_WIDTH = 260
_COLUMNS = tuple(Column)
_COVERAGE_ORDER = {Coverage.ABSENT: 0, Coverage.PARTIAL: 1, Coverage.COVERED: 2}
_ATTRIBUTION_ORDER = {a: i for i, a in enumerate(Attribution)}


def _swatch(color: QColor) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(color)
    painter.setPen(color.darker(140))
    painter.drawRoundedRect(1, 1, 10, 10, 2, 2)
    painter.end()
    return QIcon(pixmap)


class ClaimsModel(QAbstractTableModel):
    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ClaimRow] = []
        self.notes: Mapping[tuple[int, int], str] = {}  # the user's notes by sentence
        self._order: tuple[int, Qt.SortOrder] | None = None
        self.set_look(look)

    def set_look(self, look: Look) -> None:
        self.look = look
        self._swatches = {c: _swatch(look.strong[c]) for c in Coverage}
        self._corrected_brush = QBrush(look.corrected)
        self._note_brush = QBrush(note_colour(look))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(Column) - 1))

    def set_notes(self, notes: Mapping[tuple[int, int], str]) -> None:
        self.notes = dict(notes)
        if self.rows:
            column = int(Column.NOTE)
            self.dataChanged.emit(self.index(0, column), self.index(len(self.rows) - 1, column))

    def note(self, row: ClaimRow) -> str:
        return self.notes.get((row.document, row.index), "")

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if self._order is not None:
            self._sort_rows(*self._order)
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python: one key per row, far cheaper than the proxy's pairwise compare."""
        self.layoutAboutToBeChanged.emit()
        self._sort_rows(column, order)
        self.layoutChanged.emit()

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._order = (column, order)
        if column < 0:
            self.rows.sort(key=lambda row: (row.document, row.index))
            return
        which = _COLUMNS[column]
        self.rows.sort(
            key=lambda row: self._sort_key(row, which),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[Column(section)]
        return None

    def data(self, index: ModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = _COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole and column is Column.COVERAGE:
            return self._swatches[row.coverage]
        if role == Qt.ItemDataRole.FontRole and self._corrected(row, column):
            font = QFont()
            font.setItalic(True)
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._corrected(row, column):
            return self._corrected_brush
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.NOTE:
            return self._note_brush
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    @staticmethod
    def _corrected(row: ClaimRow, column: Column) -> bool:
        if column is Column.ATTRIBUTION:
            return row.attribution_corrected
        if column is Column.COVERAGE:
            return row.coverage_corrected
        if column is Column.BEST_MATCH:
            return row.links_corrected
        return False

    def _display(self, row: ClaimRow, column: Column) -> str:
        mark = " ✎" if self._corrected(row, column) else ""
        if column is Column.TEXT:
            return f"{row.shift[0]} {row.text}" if row.shift else row.text
        if column is Column.SIDE:
            return row.side
        if column is Column.ATTRIBUTION:
            tied = f" · {row.counterpart_mark}" if row.counterpart_mark else ""
            return ATTRIBUTION_WORD[row.attribution] + mark + tied
        if column is Column.COVERAGE:
            return row.coverage.value + mark
        if column is Column.BEST_MATCH:
            return row.best_match + mark
        if column is Column.NOTE:
            note = self.note(row)
            return f"{NOTE_MARK} {' '.join(note.split())}" if note else ""
        return f"{row.score:.2f}" if row.score is not None else ""

    def _sort_key(self, row: ClaimRow, column: Column) -> SortKey:
        if column is Column.TEXT:
            return row.text.casefold()
        if column is Column.SIDE:
            return row.document * 1_000_000 + row.index
        if column is Column.ATTRIBUTION:
            return _ATTRIBUTION_ORDER[row.attribution]
        if column is Column.COVERAGE:
            return _COVERAGE_ORDER[row.coverage]
        if column is Column.BEST_MATCH:
            return row.best_match.casefold()
        if column is Column.NOTE:
            return self.note(row).casefold()
        return row.score if row.score is not None else -1.0

    def _tooltip(self, row: ClaimRow, column: Column) -> str:
        if column is Column.ATTRIBUTION:
            if row.counterpart:
                return f"{row.tooltip_attribution}\n{row.counterpart}"
            return row.tooltip_attribution
        if column is Column.COVERAGE:
            return row.tooltip_coverage
        if column is Column.BEST_MATCH:
            return row.best_match
        if column is Column.TEXT:
            extra = [line for line in (row.shift, row.counterpart) if line]
            return "\n".join([row.text, *extra])
        if column is Column.NOTE:
            return self.note(row)
        return ""


class ClaimsFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.absent_only = False
        self.sources_only = False
        self.shifts_only = False
        self.non_claims = False  # show the non-claims (headline, dateline, caption…) instead
        self.search = ""
        self.setSortRole(SORT_ROLE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        # The source model sorts itself; the proxy only filters and keeps the source order.
        model = self.sourceModel()
        if isinstance(model, ClaimsModel):
            model.sort(column, order)

    def set_filters(
        self,
        *,
        absent_only: bool,
        sources_only: bool,
        search: str,
        non_claims: bool = False,
        shifts_only: bool = False,
    ) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
        self.absent_only = absent_only
        self.sources_only = sources_only
        self.shifts_only = shifts_only
        self.non_claims = non_claims
        self.search = search.casefold().strip()
        if hasattr(self, "endFilterChange"):
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.invalidateRowsFilter()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ClaimsModel)
        row = model.rows[source_row]
        if row.is_claim == self.non_claims:
            return False
        if self.absent_only and row.coverage is not Coverage.ABSENT:
            return False
        if self.sources_only and row.attribution is not Attribution.SOURCES:
            return False
        if self.shifts_only and not row.shift:
            return False
        if self.search:
            return (
                self.search in row.text.casefold()
                or self.search in row.best_match.casefold()
                or self.search in model.note(row).casefold()
            )
        return True


class ClaimsPanel(QWidget):
    claimActivated = Signal(int, int)  # document index, sentence index

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setObjectName("claimsSummary")
        self.summary.setWordWrap(False)
        self.summary.setMinimumWidth(1)  # a narrow window cuts the count, not the search
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search claims…")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(
            "Show only claims whose text, best match or note contains these words"
        )
        self.absent_only = QCheckBox("&Absent only")
        self.absent_only.setToolTip("Show only claims the other side does not have")
        self.sources_only = QCheckBox("S&ources only")
        self.sources_only.setToolTip("Show only claims attributed to anonymous sources")
        self.shifts_only = QCheckBox("S&hifts only")
        self.shifts_only.setToolTip(
            "Show only pairs whose wording shifts the readout's claim: ↑ strengthened, "
            "↓ softened, ~ hedged, ◆ sharpened, ✕ contradicted"
        )
        self.non_claims = QCheckBox("&Non-claims")
        self.non_claims.setToolTip(
            "Show the headlines, datelines, captions, credit lines and other text that is not "
            "a claim (never counted, never a match) instead of the claims"
        )
        self.model = ClaimsModel(look, self)
        self.proxy = ClaimsFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        # The claim takes the width; the best match gets a fixed share, the note only what
        # its notes need.
        header.setSectionResizeMode(Column.TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in (
            (Column.SIDE, 110),
            (Column.ATTRIBUTION, ATTRIBUTION_WIDTH),
            (Column.COVERAGE, 92),
            (Column.BEST_MATCH, 300),
            (Column.SCORE, 50),
            (Column.NOTE, NOTE_EMPTY_WIDTH),
        ):
            self.table.setColumnWidth(column, width)
        header.moveSection(Column.NOTE, Column.TEXT + 1)  # a note reads beside its claim
        # Never so small that the claims cannot be read.
        frame = 2 * self.table.frameWidth()
        self.table.setMinimumHeight(VISIBLE_ROWS * ROW_HEIGHT + header.sizeHint().height() + frame)
        self.table.doubleClicked.connect(self._activated)
        self.table.activated.connect(self._activated)
        filters = QHBoxLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.summary)
        filters.addSpacing(8)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.absent_only)
        filters.addWidget(self.sources_only)
        filters.addWidget(self.shifts_only)
        filters.addWidget(self.non_claims)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 6)
        layout.setSpacing(4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        self.search.textChanged.connect(self._refilter)
        self.absent_only.toggled.connect(self._refilter)
        self.sources_only.toggled.connect(self._refilter)
        self.shifts_only.toggled.connect(self._refilter)
        self.non_claims.toggled.connect(self._refilter)

    def set_rows(self, rows: Sequence[ClaimRow]) -> None:
        self.model.set_rows(rows)
        self._count()
        # A claim tied to the counterpart's readout says so in its attribution cell, whole.
        metrics = self.table.fontMetrics()
        tied = [
            metrics.horizontalAdvance(f"{ATTRIBUTION_WORD[r.attribution]} · {r.counterpart_mark}")
            for r in rows
            if r.counterpart_mark
        ]
        width = min(ATTRIBUTION_MAX_WIDTH, max(tied) + 16) if tied else ATTRIBUTION_WIDTH
        self.table.setColumnWidth(Column.ATTRIBUTION, width)

    def set_notes(self, notes: Mapping[tuple[int, int], str]) -> None:
        """The user's notes; the Note column is only as wide as they need."""
        self.model.set_notes(notes)
        metrics = self.table.fontMetrics()
        longest = max(
            (metrics.horizontalAdvance(f"✱ {' '.join(n.split())}") for n in notes.values()),
            default=0,
        )
        width = (
            NOTE_EMPTY_WIDTH
            if not notes
            else max(NOTE_EMPTY_WIDTH, min(NOTE_MAX_WIDTH, longest + 16))
        )
        self.table.setColumnWidth(Column.NOTE, width)

    def clear_filters(self) -> None:
        """Every claim shown again: no search, no "only" filter."""
        for box in (self.absent_only, self.sources_only, self.shifts_only, self.non_claims):
            box.setChecked(False)
        self.search.clear()

    def _refilter(self) -> None:
        self.proxy.set_filters(
            absent_only=self.absent_only.isChecked(),
            sources_only=self.sources_only.isChecked(),
            search=self.search.text(),
            non_claims=self.non_claims.isChecked(),
            shifts_only=self.shifts_only.isChecked(),
        )
        self._count()

    def _count(self) -> None:
        rows = self.model.rows
        others = sum(not row.is_claim for row in rows)
        self.non_claims.setText(f"&Non-claims ({others})" if others else "&Non-claims")
        self.non_claims.setEnabled(bool(others) or self.non_claims.isChecked())
        kind = "non-claims" if self.non_claims.isChecked() else "claims"
        total = others if self.non_claims.isChecked() else len(rows) - others
        shown = self.proxy.rowCount()
        if not rows:
            self.summary.setText("No comparison yet.")
        elif shown == total:
            self.summary.setText(f"All {total} {kind} of both sides.")
        else:
            self.summary.setText(f"Showing {shown} of {total} {kind}.")

    def _activated(self, index: QModelIndex) -> None:
        source = self.proxy.mapToSource(index)
        row = self.model.rows[source.row()]
        self.claimActivated.emit(row.document, row.index)

    def visible_claims(self) -> list[tuple[int, int]]:
        """(document, sentence) of the rows that pass the filters, in table order."""
        out = []
        for r in range(self.proxy.rowCount()):
            source = self.proxy.mapToSource(self.proxy.index(r, 0))
            row = self.model.rows[source.row()]
            out.append((row.document, row.index))
        return out
