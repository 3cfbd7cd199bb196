"""The Story dock: each document's role (a chooser per document), the revisions between
the official release and its versions, and the omission matrix, where clicking a cell
selects the claims behind it."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import naming
from desktop.engine.compare import Comparison, DocumentSummary
from desktop.engine.revisions import Edit, Revision, ordered_word_diff
from desktop.engine.topics import SentenceKey, Topic
from desktop.engine.vocabulary import Coverage, Role
from desktop.palette import Look
from desktop.ui.drop import DropOverlay
from desktop.workspace.wording import shorten

ROLE_LABELS = {
    Role.BACKGROUND: "Background (reporting)",
    Role.COUNTERPART: "Counterpart readout",
    Role.VERSION: "Other version of the release",
}
_MENTION = {Coverage.COVERED: "mentioned", Coverage.PARTIAL: "in part", Coverage.ABSENT: "—"}
_TINTS = {Coverage.COVERED: "#cfe3f3", Coverage.PARTIAL: "#f6ecb5", Coverage.ABSENT: ""}
KEYS_ROLE = Qt.ItemDataRole.UserRole + 1


class StoryPanel(QWidget):
    roleChosen = Signal(int, str)  # position among the background-side documents, Role value
    sentencesChosen = Signal(list)  # [(document, index), ...] behind a matrix cell

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.comparison: Comparison | None = None
        self.look: Look | None = None  # the window's colours; None: the light tints
        self.rows: tuple[Topic, ...] = ()
        self.columns: list[int] = []
        self.roles_box = QWidget()
        self.roles_form = QFormLayout(self.roles_box)
        self.roles_form.setContentsMargins(6, 2, 6, 2)
        self.roles_form.setVerticalSpacing(2)
        self.choosers: list[QComboBox] = []
        self.revisions = QTextBrowser()
        self.revisions.setObjectName("revisionView")
        self.revisions.setMinimumHeight(5 * self.revisions.fontMetrics().height())
        self.matrix = QTableWidget()
        self.matrix.setObjectName("omissionMatrix")
        self.matrix.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.matrix.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.matrix.verticalHeader().setVisible(False)
        self.matrix.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix.cellClicked.connect(self._cell_clicked)
        self.matrix_note = QLabel()
        self.matrix_note.setObjectName("matrixNote")
        self.matrix_note.setWordWrap(True)
        self.matrix_note.setVisible(False)
        matrix_box = QWidget()
        matrix_layout = QVBoxLayout(matrix_box)
        matrix_layout.setContentsMargins(0, 0, 0, 0)
        matrix_layout.addWidget(self.matrix_note)
        matrix_layout.addWidget(self.matrix, 1)
        # The matrix has the dock's full height; the roles sit above the revision view.
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.roles_box)
        # Drop targets: a document dropped here joins the story in that role.
        self.counterpart_drop = _drop_target(
            "Add Counterpart Readout…",
            "counterpartDrop",
            "Open the other government's readout of the same event, or drop it here",
        )
        self.version_drop = _drop_target(
            "Add Another Version…",
            "versionDrop",
            "Open another version of the official release, or drop it here",
        )
        targets = QHBoxLayout()
        targets.setContentsMargins(6, 0, 6, 2)
        targets.addWidget(self.counterpart_drop)
        targets.addWidget(self.version_drop)
        side_layout.addLayout(targets)
        side_layout.addWidget(self.revisions, 1)
        self.drop_overlay = DropOverlay(side)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(matrix_box)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split, 1)

    # -- showing a comparison --------------------------------------------------------------

    def set_comparison(
        self,
        comparison: Comparison | None,
        roles: Sequence[Role] = (),
        rows: Sequence[Topic] = (),
        note: str = "",
    ) -> None:
        """Show ``comparison`` with the matrix ``rows`` the worker built for it (``note``:
        why there are none, when the story is too large for a matrix)."""
        self.comparison = comparison
        self._fill_roles(comparison, roles)
        self.matrix_note.setText(note)
        self.matrix_note.setVisible(bool(note))
        if comparison is None or comparison.single_article:
            self.rows = ()
            self.matrix.clear()
            self.matrix.setRowCount(0)
            self.matrix.setColumnCount(0)
            self.revisions.setHtml(
                "<p><i>No revisions: add another version of the release.</i></p>"
            )
            return
        self.rows = tuple(rows)
        self._fill_matrix(comparison)
        self.revisions.setHtml(revisions_html(comparison))

    def set_look(self, look: Look) -> None:
        """The theme changed: retint the matrix with the window's own coverage tints."""
        self.look = look
        if self.comparison is not None and self.rows:
            self._fill_matrix(self.comparison)

    def _fill_roles(self, comparison: Comparison | None, roles: Sequence[Role]) -> None:
        while self.roles_form.rowCount():
            self.roles_form.removeRow(0)
        self.choosers = []
        if comparison is None or comparison.single_article:
            self.roles_form.addRow(QLabel("Roles: single-article mode or nothing to compare."))
            return
        for position, result in enumerate(comparison.backgrounds):
            chooser = QComboBox()
            chooser.setObjectName(f"roleChooser{position}")
            for role, label in ROLE_LABELS.items():
                chooser.addItem(label, role.value)
            role = roles[position] if position < len(roles) else result.role
            chooser.setCurrentIndex(chooser.findData(role.value))
            chooser.currentIndexChanged.connect(
                lambda _=0, p=position, c=chooser: self.roleChosen.emit(p, c.currentData())
            )
            name = naming.document_name(result.document, with_date=False)
            side = naming.side_name(comparison, position + 1)
            caption = QLabel(f"{position + 1}. {shorten(name, 48)}")
            caption.setTextFormat(Qt.TextFormat.PlainText)  # a title's ' or & as written
            caption.setToolTip(f"{side}: {name}\n{result.document.source}")
            self.roles_form.addRow(caption, chooser)
            self.choosers.append(chooser)

    def _fill_matrix(self, comparison: Comparison) -> None:
        self.columns = [
            d for d, doc in enumerate(comparison.documents) if doc.role is not Role.VERSION
        ]
        self.matrix.clear()
        self.matrix.setColumnCount(1 + len(self.columns))
        self.matrix.setRowCount(len(self.rows))
        heads = ["Topic"] + [naming.side_name(comparison, d) for d in self.columns]
        self.matrix.setHorizontalHeaderLabels(heads)
        summaries = _column_summaries(comparison)
        for c, d in enumerate(self.columns, start=1):
            short, full = summaries.get(d, ("", ""))
            header = self.matrix.horizontalHeaderItem(c)
            if header is not None and short:
                header.setText(f"{heads[c]}\n{short}")
                header.setToolTip(full)
        for r, topic in enumerate(self.rows):
            label = QTableWidgetItem(topic.label)
            label.setData(KEYS_ROLE, list(topic.sentences))
            label.setToolTip(f"{len(topic.sentences)} claims; click to select them")
            self.matrix.setItem(r, 0, label)
            for c, d in enumerate(self.columns, start=1):
                cell = topic.cells[d]
                text, tip = _cell_words(comparison, topic, d)
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                keys = [k for k in topic.sentences if k[0] == d]
                item.setData(KEYS_ROLE, keys)
                if _TINTS[cell] and self.look is not None:
                    item.setBackground(QBrush(self.look.tint[cell]))
                    item.setForeground(QBrush(self.look.text))
                elif _TINTS[cell]:
                    item.setBackground(QBrush(QColor(_TINTS[cell])))
                    item.setForeground(QBrush(QColor("#1b1c1f")))
                self.matrix.setItem(r, c, item)

    def _cell_clicked(self, row: int, column: int) -> None:
        item = self.matrix.item(row, column)
        keys: list[SentenceKey] = [] if item is None else list(item.data(KEYS_ROLE) or [])
        if keys:
            self.sentencesChosen.emit([tuple(k) for k in keys])


def _drop_target(text: str, name: str, tip: str) -> QPushButton:
    """A button that opens files in a role, and takes a drop in that role."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setToolTip(tip)
    # The targets take the room they are given and never widen the column.
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    return button


def _column_summaries(comparison: Comparison) -> dict[int, tuple[str, str]]:
    """Each matrix column's own summary line, short (under its name) and in full (its
    tooltip): the readout's reported sentences, each other document's absent claims."""
    summary = comparison.summary()
    official = summary.official
    reported = official[Coverage.COVERED] + official[Coverage.PARTIAL]
    out = {
        0: (
            f"{reported} of {sum(official.values())} reported",
            f"{reported} of {sum(official.values())} readout sentences reported",
        )
    }
    for found in summary.documents:
        absent, total = found.claims[Coverage.ABSENT], sum(found.claims.values())
        short = f"{absent} of {total} absent"  # a counterpart's other direction: the tooltip
        name = naming.document_name(comparison.documents[found.document].document, with_date=False)
        out[found.document] = (short, f"{name} ({found.role.value}): {document_line(found)}")
    return out


def document_line(found: DocumentSummary) -> str:
    """“5 of 11 claims absent” (and for a counterpart how many readout claims it mentions)."""
    absent, total = found.claims[Coverage.ABSENT], sum(found.claims.values())
    line = f"{absent} of {total} claims absent from the official readout"
    if found.official is not None:
        mentions = found.official[Coverage.COVERED] + found.official[Coverage.PARTIAL]
        line += f" · mentions {mentions} of {sum(found.official.values())} readout claims"
    return line


def _cell_words(comparison: Comparison, topic: Topic, document: int) -> tuple[str, str]:
    """A matrix cell's text (claim count, and within reporting on whose word) and tooltip."""
    cell = topic.cells[document]
    side = naming.side_name(comparison, document)
    if cell is Coverage.PARTIAL:
        return _MENTION[cell], f"{side} touches this topic: a claim linked to one in it"
    if cell is Coverage.ABSENT:
        return _MENTION[cell], f"{side} does not mention this topic"
    count = topic.counts[document]
    on = topic.by_attribution.get(document, {})
    words = [a.value for a, v in on.items() if v is Coverage.COVERED]
    claims = "1 claim" if count == 1 else f"{count} claims"
    if not words:
        return f"{count} · {_MENTION[cell]}", f"{side}: {claims} on this topic; click to select"
    whose = ", ".join(words)
    return f"{count} · {whose}", f"{side}: {claims} on this topic ({whose}); click to select"


def revisions_html(comparison: Comparison) -> str:
    """The revision view: removed struck through, added bold, reworded with the word diff."""
    if not comparison.revisions:
        return (
            "<p><i>No revisions: give a document the role “Other version of the release”.</i></p>"
        )
    parts: list[str] = []
    for revision in comparison.revisions:
        parts.append(f"<h4>{html.escape(_title(comparison, revision))}</h4><ul>")
        old = comparison.documents[revision.old]
        new = comparison.documents[revision.new]
        for i in revision.removed:
            still = [
                f"{naming.side_name(comparison, d)} sentence {k + 1}"
                for d, k, gone in revision.reported
                if gone == i
            ]
            note = f"<br><i>still in the reporting: {', '.join(still)}</i>" if still else ""
            parts.append(
                f"<li><b>removed</b> <s>{html.escape(old.sentences[i].text)}</s>{note}</li>"
            )
        for j in revision.added:
            parts.append(f"<li><b>added</b> <u>{html.escape(new.sentences[j].text)}</u></li>")
        for i, j in revision.changed:
            parts.append(f"<li><b>reworded</b> {_diff_html(comparison, revision, i, j)}</li>")
        parts.append("</ul>")
    return "".join(parts)


def _title(comparison: Comparison, revision: Revision) -> str:
    title = naming.revision_title(comparison, revision.old, revision.new)
    return f"{title}: {revision.headline()}"


def _diff_html(comparison: Comparison, revision: Revision, i: int, j: int) -> str:
    old_doc, new_doc = comparison.documents[revision.old], comparison.documents[revision.new]
    old_text, new_text = old_doc.document.text, new_doc.document.text
    out = []
    for edit in ordered_word_diff(
        old_text, old_doc.sentences[i].sentence.span, new_text, new_doc.sentences[j].sentence.span
    ):
        if edit.edit is Edit.SAME and edit.new:
            out.append(html.escape(new_text[edit.new.start : edit.new.end]))
        elif edit.edit is Edit.DELETED and edit.old:
            out.append(f"<s>{html.escape(old_text[edit.old.start : edit.old.end])}</s>")
        elif edit.edit is Edit.INSERTED and edit.new:
            out.append(f"<u><b>{html.escape(new_text[edit.new.start : edit.new.end])}</b></u>")
    return " ".join(out)
