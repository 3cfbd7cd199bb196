"""Notes: on a sentence (context menu, Edit → Note on Selected Sentence) and on the session.

Notes are plain data in the current session (``SessionKeeper.current``); after every
compare they re-attach by anchor (``note_places``) and show as a ✱ in the pane's
right margin, in the sentence's tooltip and in the claims panel's Note column.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.corrections import SentenceKey
from desktop.ui.comparison_loader import ComparisonLoader
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.session_keeper import SessionKeeper
from desktop.workspace.notes import note_text, notes_by_sentence
from desktop.workspace.wording import shorten

if TYPE_CHECKING:
    from desktop.sessions.data import Note, SessionData

DELETED = 2  # NoteDialog's result when the user deleted the note


class NoteDialog(QDialog):
    """A small editor for one note, quoting the sentence it is on."""

    def __init__(
        self, quote: str, text: str, parent: QWidget | None = None, *, existing: bool = False
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit Note" if existing else "Add Note")
        self.setObjectName("noteDialog")
        self.quote = QLabel(f"“{shorten(quote, 300)}”")
        self.quote.setObjectName("noteQuote")
        self.quote.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setPlaceholderText(
            "What should you (or a colleague) remember about this sentence?"
        )
        self.editor.setTabChangesFocus(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if existing:
            delete = buttons.addButton("&Delete Note", QDialogButtonBox.ButtonRole.DestructiveRole)
            delete.clicked.connect(lambda: self.done(DELETED))
        layout = QVBoxLayout(self)
        layout.addWidget(self.quote)
        layout.addWidget(self.editor, 1)
        layout.addWidget(buttons)
        self.resize(480, 280)
        self.editor.setFocus()

    def text(self) -> str:
        return self.editor.toPlainText().strip()


class NotesController(QObject):
    """Adds, edits and deletes notes on sentences and keeps their marks up to date."""

    said = Signal(str)  # a line for the status bar

    def __init__(
        self,
        keeper: SessionKeeper,
        loader: ComparisonLoader,
        view: ComparisonView,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.keeper = keeper
        self.loader = loader
        self.view = view
        self.window = parent
        self.placed: dict[SentenceKey, list[Note]] = {}
        self.dialog: NoteDialog | None = None
        self.lost = 0  # notes on sentences the comparison shown no longer has

    @property
    def available(self) -> bool:
        return self.keeper.ready and self.keeper.current is not None

    def refresh(self) -> None:
        """Place the current session's notes in the comparison shown and mark them."""
        current = self.keeper.current
        notes = current.notes if current is not None else ()
        comparison = self.loader.comparison
        self.placed = notes_by_sentence(notes, comparison)
        texts = {key: note_text(found) for key, found in self.placed.items()}
        placed = sum(len(found) for found in self.placed.values())
        lost = sum(n.anchor is not None for n in notes) - placed if comparison else 0
        if lost > 0 and lost != self.lost:
            self.said.emit(
                f"{lost} note{'s' if lost != 1 else ''} no longer find their sentence; "
                "they stay with the session and are printed in the PDF."
            )
        self.lost = lost
        self.view.notes = texts
        for shown in self.view.views():
            shown.noted = {i for (d, i) in texts if d == shown.document_index}
            shown.viewport().update()
        self.view.claims.set_notes(texts)

    def populate(self, menu: QMenu, document: int, index: int | None) -> None:
        """The note entries of a sentence's context menu."""
        if self.loader.comparison is None or index is None or document < 0:
            return
        if not self.available:
            return
        key = (document, index)
        menu.addSeparator()
        existing = bool(self.placed.get(key))
        edit = menu.addAction("Edit &Note…" if existing else "Add &Note…")
        edit.setStatusTip("Write a note on this sentence; it is saved with the session")
        edit.triggered.connect(lambda: self.edit(key))
        if existing:
            delete = menu.addAction("Delete Note")
            delete.setStatusTip("Delete your note on this sentence")
            delete.triggered.connect(lambda: self.remove(key))

    def edit(self, key: SentenceKey | None = None) -> NoteDialog | None:
        """Open the note editor for ``key`` (default: the selected sentence)."""
        key = key or self.view.selected
        comparison = self.loader.comparison
        if key is None or comparison is None or not self.available:
            self.said.emit("Select a sentence first, then add a note to it.")
            return None
        found = self.placed.get(key, [])
        sentence = comparison.documents[key[0]].sentences[key[1]]
        dialog = NoteDialog(sentence.text, note_text(found), self.window, existing=bool(found))
        dialog.finished.connect(lambda result: self._finished(key, dialog, result))
        self.dialog = dialog
        dialog.open()  # window-modal, and the event loop keeps running
        return dialog

    def _finished(self, key: SentenceKey, dialog: NoteDialog, result: int) -> None:
        self.dialog = None
        dialog.deleteLater()
        if result == DELETED or (result == QDialog.DialogCode.Accepted and not dialog.text()):
            self.remove(key)
        elif result == QDialog.DialogCode.Accepted:
            self.write(key, dialog.text())

    def write(self, key: SentenceKey, text: str) -> None:
        """Set the note on sentence ``key`` to ``text`` (one note per sentence)."""
        from desktop.sessions.data import Note

        current, comparison = self.keeper.current, self.loader.comparison
        if current is None or comparison is None:
            return
        found = self.placed.get(key, [])
        if found:
            data = current.with_note(found[0].edited(text))
            for extra in found[1:]:
                data = data.without_note(extra.uid)
        else:
            data = current.with_note(Note.on_sentence(comparison, key[0], key[1], text))
        self._change(data, "Note saved.")

    def remove(self, key: SentenceKey) -> None:
        current = self.keeper.current
        found = self.placed.get(key, [])
        if current is None or not found:
            return
        data = current
        for note in found:
            data = data.without_note(note.uid)
        self._change(data, "Note deleted.")

    def session_note(self) -> str:
        current = self.keeper.current
        if current is None or not current.session_notes:
            return ""
        return current.session_notes[0].text

    def set_session_note(self, text: str) -> None:
        """The note on the whole session (the sidebar's editor); empty deletes it."""
        from desktop.sessions.data import Note

        current = self.keeper.current
        if current is None:
            return
        existing = current.session_notes[0] if current.session_notes else None
        text = text.strip()
        if existing is None and not text:
            return
        if existing is not None and existing.text == text:
            return
        if not text:
            assert existing is not None
            self.keeper.change(current.without_note(existing.uid))
        elif existing is None:
            self.keeper.change(current.with_note(Note.new(text)))
        else:
            self.keeper.change(current.with_note(existing.edited(text)))

    def _change(self, data: SessionData, said: str) -> None:
        self.keeper.change(data)
        self.refresh()
        self.said.emit(said)


def chain_menus(
    *builders: Callable[[QMenu, int, int | None], None],
) -> Callable[[QMenu, int, int | None], None]:
    """One context-menu builder that runs several (corrections, then notes)."""

    def build(menu: QMenu, document: int, index: int | None) -> None:
        for builder in builders:
            builder(menu, document, index)

    return build
