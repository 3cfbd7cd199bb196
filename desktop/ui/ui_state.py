"""Where the user was in a session — selection, scroll, claims filters, background tab —
read from the window's widgets and put back on restore.

Scroll positions are stored per comparison document as *reading positions*, not
pixels: ``i + f`` means the top of the pane is a fraction ``f`` of the way from
sentence ``i``'s top to the next sentence's top (``-1 + f``: above the first
sentence). The same place comes back exactly with the same window and text size,
and close to it after either changes.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from typing import TYPE_CHECKING

from desktop.engine.corrections import SentenceAnchor
from desktop.ui.comparison_view import ComparisonView, Origin
from desktop.ui.document_view import DocumentView
from desktop.workspace.notes import machine_of

if TYPE_CHECKING:
    from desktop.sessions.data import UiState

TAB = "background_tab"  # UiState.extra: the document shown on the background side
NON_CLAIMS = "non_claims"  # UiState.extra: the claims table lists the non-claims
SHIFTS_ONLY = "shifts_only"  # UiState.extra: the claims table lists only shifted pairs


def reading_position(view: DocumentView) -> float:
    count = len(view.sentences)
    if not count:
        return 0.0
    y = float(view.verticalScrollBar().value())
    top = _tops(view)
    slot = bisect_right(range(count), y, key=top) - 1  # the last sentence starting above y
    start = top(slot) if slot >= 0 else 0.0
    end = top(slot + 1) if slot + 1 < count else _height(view)
    fraction = (y - start) / (end - start) if end > start else 0.0
    return slot + min(max(fraction, 0.0), 0.999)


def set_reading_position(view: DocumentView, position: float) -> None:
    count = len(view.sentences)
    if not count or not math.isfinite(position):
        return
    slot = min(max(math.floor(position), -1), count - 1)
    fraction = position - math.floor(position)
    top = _tops(view)
    start = top(slot) if slot >= 0 else 0.0
    end = top(slot + 1) if slot + 1 < count else _height(view)
    view.verticalScrollBar().setValue(round(start + fraction * (end - start)))


def _tops(view: DocumentView) -> _Tops:
    return _Tops(view)


class _Tops:
    """Sentence tops in document coordinates, computed only for the sentences asked about."""

    def __init__(self, view: DocumentView) -> None:
        self.view = view
        self.scrolled = view.verticalScrollBar().value()
        self.cache: dict[int, float] = {}

    def __call__(self, index: int) -> float:
        found = self.cache.get(index)
        if found is None:
            found = self.cache[index] = self.view.sentence_band(index)[0] + self.scrolled
        return found


def _height(view: DocumentView) -> float:
    return float(view.document().size().height())


def capture(view: ComparisonView) -> UiState:
    """The window's reading state for the open comparison."""
    from desktop.sessions.data import UiState

    claims = view.claims
    comparison = view.comparison
    selected = None
    scroll: tuple[float, ...] = ()
    extra: dict[str, object] = {}
    if comparison is not None:
        if view.selected is not None:
            selected = SentenceAnchor.of(comparison, *view.selected)
        positions = []
        for document in range(len(comparison.documents)):
            shown = view.view_of(document)
            positions.append(reading_position(shown) if shown is not None else 0.0)
        scroll = tuple(positions)
        extra[TAB] = view.right.current_view().document_index
    if claims.non_claims.isChecked():
        extra[NON_CLAIMS] = True
    if claims.shifts_only.isChecked():
        extra[SHIFTS_ONLY] = True
    return UiState(
        selected=selected,
        scroll=scroll,
        absent_only=claims.absent_only.isChecked(),
        sources_only=claims.sources_only.isChecked(),
        search=claims.search.text(),
        extra=extra,
    )


def apply(view: ComparisonView, state: UiState) -> None:
    """Put the window back where ``state`` says: filters, tab, selection, then scroll."""
    claims = view.claims
    claims.absent_only.setChecked(state.absent_only)
    claims.sources_only.setChecked(state.sources_only)
    claims.search.setText(state.search)
    claims.non_claims.setChecked(state.extra.get(NON_CLAIMS) is True)
    claims.shifts_only.setChecked(state.extra.get(SHIFTS_ONLY) is True)
    comparison = view.comparison
    if comparison is None:
        return
    tab = state.extra.get(TAB)
    if isinstance(tab, int) and tab > 0:
        shown = view.view_of(tab)
        if shown is not None:
            view.right.show_view(shown)
    with view.without_following():
        if state.selected is not None:
            index = state.selected.resolve(machine_of(comparison))
            if index is not None:
                view.select((state.selected.document, index), Origin.CLICK)
        for document, position in enumerate(state.scroll):
            shown = view.view_of(document)
            if shown is not None:
                set_reading_position(shown, position)
