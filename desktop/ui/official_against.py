"""View → Readout Against This Tab: the official pane tinted by what the current tab's
document alone reflects, instead of all the reporting pooled.

The pair's judgement comes from ``desktop.workspace.against``: a counterpart's and a
lone report's are in the comparison already; another report's is the engine run on
that pair in the thread pool (the newest request wins), then kept until the next
comparison. Versions are revisions, not coverage: their tab leaves the pane pooled.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject

from desktop import naming
from desktop.engine.compare import Comparison
from desktop.engine.vocabulary import Coverage, Role
from desktop.ui.background import Background
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.rendering import style_sentences
from desktop.workspace.against import known_official_in, official_against, official_in_one
from desktop.workspace.inputs import SessionInputs

LANE = "official-against"


class OfficialAgainst(QObject):
    def __init__(
        self,
        view: ComparisonView,
        background: Background,
        inputs: Callable[[], SessionInputs],
    ) -> None:
        super().__init__(view)
        self.view, self.background, self.inputs = view, background, inputs
        self.on = False
        self.shown: int | None = None  # the document the official pane is tinted against
        self._machine: Comparison | None = None  # the comparison the cache belongs to
        self._cache: dict[int, tuple[Coverage, ...]] = {}
        view.restyled.connect(self.refresh)

    def set_on(self, on: bool) -> None:
        self.on = on
        self.refresh()

    def refresh(self) -> None:
        """Tint the official pane for the current tab (or pooled), asking for the pair's
        judgement when it is not known yet."""
        comparison = self.view.comparison
        left = self.view.left
        if comparison is None or comparison.single_article or not left.views:
            self.shown = None
            left.legend.set_question(None)
            return
        machine = comparison.machine or comparison
        if machine is not self._machine:
            self._machine, self._cache = machine, {}
            self.shown = None  # the new comparison's panes are freshly styled, pooled
        document = self.view.right.current_view().document_index
        wanted = self._wanted(comparison, document)
        if wanted is None:
            self._tint(None)
            return
        coverages = self._cache.get(wanted) or known_official_in(comparison, wanted)
        if coverages is None:
            self._ask(wanted, machine)
            left.legend.set_question(f"Reported in {naming.side_name(comparison, wanted)}? (…)")
            return
        self._cache[wanted] = coverages
        self._tint(wanted)

    def _wanted(self, comparison: Comparison, document: int) -> int | None:
        if not self.on or not 1 <= document < len(comparison.documents):
            return None
        if comparison.documents[document].role is Role.VERSION:
            return None
        return document

    def _ask(self, document: int, machine: Comparison) -> None:
        inputs = self.inputs()

        def arrived(coverages: tuple[Coverage, ...]) -> None:
            if machine is self._machine:
                self._cache[document] = coverages
                self.refresh()

        self.background.in_thread(
            lambda: official_in_one(inputs, document),
            arrived,
            "compare the readout with this tab's document",
            lane=LANE,
        )

    def _tint(self, document: int | None) -> None:
        """Style the official pane against ``document`` (None: all the reporting)."""
        comparison = self.view.comparison
        left = self.view.left
        view = left.views[0]
        if comparison is None or (document is None and self.shown is None):
            left.legend.set_question(None)
            return
        sentences = (
            official_against(comparison, self._cache[document]) if document is not None else None
        )
        if sentences is None:
            document, sentences = None, list(view.sentences)
        style_sentences(view.document(), view.offsets, sentences, self.view.look, official=True)
        self.view.show_shifts(view, 0)
        view.viewport().update()
        self.shown = document
        question = None
        if document is not None:
            question = f"Reported in {naming.side_name(comparison, document)}?"
        left.legend.set_question(question)
