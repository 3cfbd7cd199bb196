"""From sources to a comparison on screen, off the GUI thread, newest request wins.

Reading, placing, comparing and building the claims rows and link-map bands run
in the worker process (``desktop.workspace.preparing``); laying out the styled
text documents runs in the thread pool. All of it is one lane of the window's
``Background``: a newer drop, open or recompute replaces the running one (the
worker process is killed), and the inputs only change when a comparison is shown,
so a failed read leaves the window as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QTextDocument

from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.corrections import CorrectedComparison, Correction, apply_corrections
from desktop.engine.document import Document
from desktop.engine.settings import CompareSettings
from desktop.palette import Look
from desktop.ui.background import Background
from desktop.ui.rendering import Offsets, SentenceIndex, build_document
from desktop.workspace.claims import ClaimRow
from desktop.workspace.inputs import SessionInputs, Side
from desktop.workspace.links import Alignment, Band, Link
from desktop.workspace.placement import Placement
from desktop.workspace.preparing import (
    OpenedSources,
    PreparedComparison,
    open_sources,
    prepare_comparison,
    swap_sides,
)
from desktop.workspace.sources import Source

if TYPE_CHECKING:  # imported by the sessions keeper off the GUI thread: SQLAlchemy is slow to load
    from desktop.sessions.data import SessionData

LANE = "comparison"


class Purpose(Enum):
    """What a comparison being shown means for the sessions list."""

    UPDATE = auto()  # the open session changed (a pane drop, swap, recompute, corrections)
    NEW = auto()  # a new comparison (a drop on the window, a new article): a new session
    RESTORE = auto()  # a stored session shown again: nothing new to save


@dataclass(frozen=True)
class RenderedDocument:
    index: int  # place in the comparison (0 = official); -1 when shown without a comparison
    document: Document
    sentences: tuple[SentenceResult, ...]
    text_document: QTextDocument
    offsets: Offsets
    index_of_sentences: SentenceIndex


@dataclass(frozen=True)
class Prepared:
    """Everything the window needs to show a session: the worker's plain data and the styled
    text documents laid out for it."""

    outcome: PreparedComparison
    official: RenderedDocument | None
    backgrounds: tuple[RenderedDocument, ...]
    purpose: Purpose = Purpose.UPDATE
    stored: SessionData | None = None  # the stored session being restored (Purpose.RESTORE)

    @property
    def inputs(self) -> SessionInputs:
        return self.outcome.inputs

    @property
    def comparison(self) -> CorrectedComparison | None:
        return self.outcome.comparison

    @property
    def claims(self) -> tuple[ClaimRow, ...]:
        return self.outcome.claims

    @property
    def links(self) -> Mapping[int, tuple[Link, ...]]:
        return self.outcome.links

    @property
    def bands(self) -> Mapping[int, tuple[Band, ...]]:
        return self.outcome.bands

    @property
    def alignments(self) -> Mapping[int, Alignment]:
        return self.outcome.alignments


def render(
    outcome: PreparedComparison, look: Look, point_size: float, gui_thread: QThread | None
) -> tuple[RenderedDocument | None, tuple[RenderedDocument, ...]]:
    """The styled text documents for ``outcome`` (runs in the thread pool)."""
    corrected = outcome.comparison
    if corrected is None:
        inputs = outcome.inputs
        official = (
            _plain(inputs.official, look, point_size, gui_thread) if inputs.official else None
        )
        return official, tuple(_plain(d, look, point_size, gui_thread) for d in inputs.backgrounds)
    rendered = [
        RenderedDocument(
            i,
            result.document,
            result.sentences,
            build_document(
                result.document.text,
                result.sentences,
                look,
                point_size,
                gui_thread,
                official=i == 0,
            ),
            Offsets(result.document.text),
            SentenceIndex(result.sentences),
        )
        for i, result in enumerate(corrected.documents)
    ]
    return rendered[0], tuple(rendered[1:])


def _plain(
    document: Document, look: Look, point_size: float, gui_thread: QThread | None
) -> RenderedDocument:
    return RenderedDocument(
        -1,
        document,
        (),
        build_document(document.text, (), look, point_size, gui_thread),
        Offsets(document.text),
        SentenceIndex(()),
    )


class ComparisonLoader(QObject):
    busy = Signal(str)  # what is being done, for the status bar
    idle = Signal()
    placed = Signal(str)  # where the documents went, in words
    ready = Signal(object)  # Prepared
    failed = Signal(str)
    opened = Signal(list)  # [(location, title)] of sources read successfully (Open Recent)

    def __init__(
        self,
        background: Background,
        look: Look,
        point_size: float,
        settings: CompareSettings | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.background = background
        self.look = look
        self.point_size = point_size
        self.default_settings = settings or CompareSettings()  # the Preferences': for new sessions
        self.inputs = self.empty_inputs()
        self.comparison: CorrectedComparison | None = None
        app = QCoreApplication.instance()
        self._gui_thread = app.thread() if app is not None else None

    @property
    def machine(self) -> Comparison | None:
        return self.comparison.machine if self.comparison is not None else None

    @property
    def working(self) -> bool:
        """A read or comparison is on its way for the newest request."""
        return self.background.busy(LANE)

    def open(
        self, sources: Sequence[Source], side: Side, purpose: Purpose = Purpose.UPDATE
    ) -> None:
        """Read ``sources`` and put them on ``side``; the comparison follows."""
        sources = list(sources)
        if not sources:
            return
        if any(s.remote for s in sources):
            doing = f"Fetching {', '.join(s.label() for s in sources if s.remote)}…"
        else:
            doing = f"Reading {', '.join(s.label() for s in sources)}…"
        derived = self.comparison.official.document if self.comparison else None
        inputs = self.inputs if side is not Side.WINDOW else self.empty_inputs()

        def opened(result: OpenedSources) -> None:
            remembered = [
                (source.location, title)
                for source, title in zip(sources, result.titles, strict=True)
                if source.remembered
            ]
            self.opened.emit(remembered)
            self.placed.emit(result.placement.message)
            self._render(result.prepared, purpose, None)

        self.background.in_process(
            open_sources,
            sources,
            side,
            inputs,
            derived,
            then=opened,
            what=f"read {', '.join(s.label() for s in sources)}",
            lane=LANE,
            otherwise=self._failed,
        )
        self.busy.emit(doing)

    def show(
        self,
        inputs: SessionInputs,
        purpose: Purpose = Purpose.UPDATE,
        stored: SessionData | None = None,
    ) -> None:
        """Compare ``inputs`` in the worker and hand them to the window when done."""
        self.background.in_process(
            prepare_comparison,
            inputs,
            then=lambda outcome: self._render(outcome, purpose, stored),
            what="compare the documents",
            lane=LANE,
            otherwise=self._failed,
        )
        self.busy.emit("Comparing…" if inputs.comparable else "Preparing…")

    def swap(self) -> None:
        """Swap Sides in the worker: the roles are suggested again beside the new official
        readout, then the comparison follows."""

        def swapped(result: tuple[Placement, PreparedComparison] | None) -> None:
            if result is not None:
                self.placed.emit(result[0].message)
                self._render(result[1], Purpose.UPDATE, None)

        self.background.in_process(
            swap_sides,
            self.inputs,
            then=swapped,
            what="swap the sides",
            lane=LANE,
            otherwise=self._failed,
        )
        self.busy.emit("Comparing…")

    def show_outcome(self, outcome: PreparedComparison, purpose: Purpose = Purpose.UPDATE) -> None:
        """Show a comparison prepared elsewhere (lay out its documents only)."""
        self.busy.emit("Preparing…")
        self._render(outcome, purpose, None)

    def _render(
        self, outcome: PreparedComparison, purpose: Purpose, stored: SessionData | None
    ) -> None:
        look, size, thread = self.look, self.point_size, self._gui_thread

        def shown(rendered: tuple[RenderedDocument | None, tuple[RenderedDocument, ...]]) -> None:
            official, backgrounds = rendered
            prepared = Prepared(outcome, official, backgrounds, purpose, stored)
            self.inputs = outcome.inputs
            self.comparison = outcome.comparison
            self.idle.emit()
            self.ready.emit(prepared)

        self.background.in_thread(
            lambda: render(outcome, look, size, thread),
            shown,
            "lay out the documents",
            lane=LANE,
            otherwise=self._failed,
            discard=_discard,
        )

    def recompute(self) -> None:
        self.show(self.inputs)

    def set_settings(self, settings: CompareSettings) -> None:
        """Judge new sessions, and the open one from now on, by ``settings``."""
        self.default_settings = settings
        if settings == self.inputs.settings:
            return
        if self.inputs.empty:
            self.inputs = self.inputs.with_settings(settings)
        else:
            self.show(self.inputs.with_settings(settings))

    def cancel(self) -> None:
        self.background.cancel(LANE)
        self.idle.emit()

    def set_corrections(self, corrections: Sequence[Correction]) -> CorrectedComparison | None:
        """Apply corrections to the machine comparison now (cheap: no recompute)."""
        self.inputs = self.inputs.with_corrections(corrections)
        machine = self.machine
        if machine is None:
            return None
        self.comparison = apply_corrections(machine, self.inputs.corrections)
        return self.comparison

    def empty_inputs(self) -> SessionInputs:
        """What a new session starts from: no documents, the settings of the Preferences."""
        return SessionInputs(settings=self.default_settings)

    def _failed(self, message: str) -> None:
        self.idle.emit()
        self.failed.emit(message)


def _discard(rendered: object) -> None:
    """Text documents laid out for an answer nobody wants any more."""
    if isinstance(rendered, tuple) and len(rendered) == 2:
        official, backgrounds = rendered
        for document in (official, *backgrounds):
            if isinstance(document, RenderedDocument):
                document.text_document.deleteLater()
