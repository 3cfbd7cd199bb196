"""Go menu and focus commands: next/previous absent claim or difference, go to the match,
cycle the background tabs, focus a pane or the claims table."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget, QStatusBar

from desktop.ui.actions import Actions
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.document_view import DocumentView
from desktop.workspace.navigation import Predicate, is_absent, is_difference
from desktop.workspace.revision_marks import RevisionState


class Navigator(QObject):
    def __init__(
        self, a: Actions, view: ComparisonView, claims: QDockWidget, status: QStatusBar
    ) -> None:
        super().__init__(view)
        self.view, self.claims, self.status = view, claims, status
        left, right = view.left, view.right
        a.focus_official.triggered.connect(lambda: left.current_view().setFocus())
        a.focus_background.triggered.connect(lambda: right.current_view().setFocus())
        a.focus_claims.triggered.connect(self.focus_claims)
        a.next_absent.triggered.connect(lambda: self.go_absent(forward=True))
        a.previous_absent.triggered.connect(lambda: self.go_absent(forward=False))
        a.next_difference.triggered.connect(lambda: self.go_difference(forward=True))
        a.previous_difference.triggered.connect(lambda: self.go_difference(forward=False))
        a.go_to_match.triggered.connect(self.go_to_match)
        a.next_tab.triggered.connect(lambda: self.cycle_tab(1))
        a.previous_tab.triggered.connect(lambda: self.cycle_tab(-1))

    def go_absent(self, *, forward: bool) -> None:
        shown = self.view.right.current_view()
        predicate, what = self._stops(shown, is_absent, "absent claims", {RevisionState.NOT_KEPT})
        self._report(self.view.navigate(shown, predicate, forward=forward), what)

    def go_difference(self, *, forward: bool) -> None:
        left = self.view.left.current_view()
        shown = left if left.hasFocus() else self.view.right.current_view()
        revised = {RevisionState.REWORDED, RevisionState.NOT_KEPT}
        predicate, what = self._stops(shown, is_difference, "differences", revised)
        self._report(self.view.navigate(shown, predicate, forward=forward), what)

    def _stops(
        self, shown: DocumentView, predicate: Predicate, what: str, states: set[RevisionState]
    ) -> tuple[Predicate, str]:
        """On a version's tab the stops are its revision's (not kept; reworded or not
        kept), not coverage; elsewhere ``predicate``."""
        revision = self.view.revision_states(shown.document_index)
        if revision is None:
            return predicate, what
        words = "sentences not kept" if states == {RevisionState.NOT_KEPT} else "revised sentences"
        return (lambda s: revision.get(s.index) in states), words

    def go_to_match(self) -> None:
        if not self.view.go_to_partner():
            self.status.showMessage("The selected sentence has no match.", 5000)

    def cycle_tab(self, step: int) -> None:
        tabs = self.view.right.tabs
        if tabs.count() > 1:
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def focus_claims(self) -> None:
        self.claims.show()
        self.view.claims.table.setFocus()

    def _report(self, wrapped: bool | None, what: str) -> None:
        if wrapped is None:
            self.status.showMessage(f"No {what} here.", 5000)
        elif wrapped:
            self.status.showMessage(f"Wrapped around: back to the first of the {what}.", 5000)
