"""Corrections from the window: the context-menu entries, linking by click, undo and reset.

The corrections themselves are plain data (``desktop.engine.corrections``) kept
in the session; applying them is cheap, so the window shows a correction at
once without recomputing, and the next comparison re-applies them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from desktop.engine.corrections import CorrectedComparison, Correction, Field, SentenceKey
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.ui.comparison_loader import ComparisonLoader
from desktop.ui.comparison_view import ComparisonView, Origin
from desktop.workspace.claims import side_name
from desktop.workspace.corrections import corrections_for
from desktop.workspace.wording import ATTRIBUTION_WORD, shorten


class CorrectionMenu:
    """Fills a QMenu with the corrections possible for one sentence."""

    def __init__(
        self,
        apply: Callable[[Correction], None],
        start_link: Callable[[SentenceKey], None],
        reset: Callable[[SentenceKey], None],
    ) -> None:
        self.apply = apply
        self.start_link = start_link
        self.reset = reset

    def populate(
        self,
        menu: QMenu,
        comparison: CorrectedComparison,
        key: SentenceKey,
        pending: SentenceKey | None,
        has_corrections: bool,
    ) -> None:
        document = key[0]
        # A version of the release is read by its revision, not by attribution and
        # coverage: only its links can be corrected.
        if document == 0 or comparison.documents[document].role is not Role.VERSION:
            self._judgements(menu, comparison, key)
        self._links(menu, comparison, key, pending, has_corrections)

    def _judgements(self, menu: QMenu, comparison: CorrectedComparison, key: SentenceKey) -> None:
        """Correct Attribution ▸ and Correct Coverage ▸."""
        document, index = key
        sentence = comparison.documents[document].sentences[index]
        attribution = menu.addMenu("Correct &Attribution")
        attribution.setToolTipsVisible(True)
        machine_attribution = comparison.machine_value(document, index, Field.ATTRIBUTION)
        group = QActionGroup(attribution)
        for value in Attribution:
            label = ATTRIBUTION_WORD[value] + (
                "  (machine)" if value is machine_attribution else ""
            )
            action = self._choice(attribution, group, label, value is sentence.attribution)
            action.triggered.connect(
                lambda _=False, v=value: self.apply(
                    Correction.attribution_of(comparison, document, index, v)
                )
            )
        coverage = menu.addMenu("Correct C&overage")
        machine_coverage = comparison.machine_value(document, index, Field.COVERAGE)
        group = QActionGroup(coverage)
        for level in Coverage:
            label = level.value + ("  (machine)" if level is machine_coverage else "")
            action = self._choice(coverage, group, label, level is sentence.coverage)
            action.triggered.connect(
                lambda _=False, v=level: self.apply(
                    Correction.coverage_of(comparison, document, index, v)
                )
            )

    def _links(
        self,
        menu: QMenu,
        comparison: CorrectedComparison,
        key: SentenceKey,
        pending: SentenceKey | None,
        has_corrections: bool,
    ) -> None:
        """Link, Unlink ▸ and Restore Machine Values."""
        document, index = key
        sentence = comparison.documents[document].sentences[index]
        if pending is not None and (pending[0] == 0) != (document == 0):
            link = menu.addAction("&Link With Marked Sentence")
            link.setStatusTip("Link this sentence with the one you marked in the other pane")
            link.triggered.connect(lambda: self.apply(Correction.link(comparison, pending, key)))
        else:
            start = menu.addAction("Start &Link From This Sentence")
            start.setStatusTip(
                "Mark this sentence, then click its counterpart in the other pane to link them"
            )
            start.triggered.connect(lambda: self.start_link(key))
        if sentence.matches:
            unlink = menu.addMenu("&Unlink")
            for match in sentence.matches:
                other = comparison.documents[match.document].sentences[match.index]
                where = side_name(comparison, match.document)
                action = unlink.addAction(f"{where}: “{shorten(other.text, 60)}”")
                action.triggered.connect(
                    lambda _=False, m=(match.document, match.index): self.apply(
                        Correction.unlink(comparison, key, m)
                    )
                )
        if has_corrections:
            reset = menu.addAction("&Restore Machine Values")
            reset.setStatusTip("Forget your corrections to this sentence")
            reset.triggered.connect(lambda: self.reset(key))

    @staticmethod
    def _choice(menu: QMenu, group: QActionGroup, label: str, checked: bool) -> QAction:
        action = menu.addAction(label)
        action.setCheckable(True)
        action.setChecked(checked)
        group.addAction(action)
        return action


class Corrector(QObject):
    """Turns menu choices and clicks into corrections and shows them."""

    changed = Signal()  # corrections or the pending link changed (for enabled states)
    said = Signal(str)  # a line for the status bar

    def __init__(
        self, loader: ComparisonLoader, view: ComparisonView, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.loader = loader
        self.view = view
        self.pending_link: SentenceKey | None = None
        self.menu = CorrectionMenu(self.add, self.start_link, self.reset)

    def populate(self, menu: QMenu, document: int, index: int | None) -> None:
        """Add the correction entries for a sentence to ``menu`` (a context menu)."""
        comparison = self.loader.comparison
        if comparison is None or index is None or document < 0:
            return
        menu.addSeparator()
        key = (document, index)
        has = bool(corrections_for(self.loader.inputs.corrections, comparison, key))
        self.menu.populate(menu, comparison, key, self.pending_link, has)

    def fill_for_selection(self, menu: QMenu) -> None:
        """Edit → Correct Selected Sentence."""
        menu.clear()
        key = self.view.selected
        if self.loader.comparison is None or key is None:
            menu.addAction("Select a sentence first").setEnabled(False)
            return
        self.populate(menu, *key)

    def clicked(self, document: int, index: int) -> None:
        """A sentence was clicked: complete a pending link, else select it."""
        pending, comparison = self.pending_link, self.loader.comparison
        if pending is not None and comparison is not None and (pending[0] == 0) != (document == 0):
            self.pending_link = None
            self.add(Correction.link(comparison, pending, (document, index)))
            return
        self.view.select((document, index), Origin.CLICK)

    def add(self, correction: Correction) -> None:
        self.set([*self.loader.inputs.corrections, correction])
        self.said.emit("Corrected. Undo with Ctrl+Z.")

    def set(self, corrections: Sequence[Correction]) -> None:
        corrected = self.loader.set_corrections(corrections)
        if corrected is not None:
            self.view.update_comparison(corrected)
        self.changed.emit()

    def undo(self) -> None:
        corrections = self.loader.inputs.corrections
        if corrections:
            self.set(corrections[:-1])
            self.said.emit("Correction undone.")

    def start_link(self, key: SentenceKey) -> None:
        self.pending_link = key
        other = "background" if key[0] == 0 else "official readout"
        self.said.emit(
            f"Now click the matching sentence in the {other} to link them (Esc cancels)."
        )
        self.changed.emit()

    def cancel_link(self) -> bool:
        if self.pending_link is None:
            return False
        self.pending_link = None
        self.said.emit("Linking cancelled.")
        self.changed.emit()
        return True

    def reset(self, key: SentenceKey) -> None:
        comparison = self.loader.comparison
        if comparison is None:
            return
        doomed = corrections_for(self.loader.inputs.corrections, comparison, key)
        self.set([c for c in self.loader.inputs.corrections if c not in doomed])
