"""From sources to a rendered comparison, off the GUI thread, newest request wins.

Reading, comparing and building the styled text documents all run in the
thread pool. Each request bumps a generation counter; an answer that comes back
for an older generation is dropped, so a new drop while a comparison runs
supersedes it cleanly. The session only changes when a comparison is shown, so
a failed read leaves the window as it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import Enum, auto
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal
from PySide6.QtGui import QTextDocument

from desktop.engine.compare import Comparison, DocumentResult, SentenceResult
from desktop.engine.corrections import (
    CorrectedComparison,
    Correction,
    Field,
    apply_corrections,
)
from desktop.engine.document import Document
from desktop.ingest import rank_official
from desktop.palette import Look
from desktop.ui.describe import ClaimRow, claim_rows
from desktop.ui.link_map import Link
from desktop.ui.navigation import Alignment
from desktop.ui.rendering import Offsets, SentenceIndex, build_document
from desktop.ui.session import Session, Side
from desktop.ui.sources import Source
from desktop.ui.workers import Jobs

if TYPE_CHECKING:  # imported by the sessions keeper off the GUI thread: SQLAlchemy is slow to load
    from desktop.sessions.data import SessionData


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
    """Everything the window needs to show a session; built in a worker."""

    session: Session
    comparison: CorrectedComparison | None
    official: RenderedDocument | None
    backgrounds: tuple[RenderedDocument, ...]
    claims: tuple[ClaimRow, ...] = ()
    links: Mapping[int, tuple[Link, ...]] = field(default_factory=dict)
    alignments: Mapping[int, Alignment] = field(default_factory=dict)
    purpose: Purpose = Purpose.UPDATE
    stored: SessionData | None = None  # the stored session being restored (Purpose.RESTORE)


def prepare(
    session: Session, look: Look, point_size: float, gui_thread: QThread | None
) -> Prepared:
    machine = session.compute()
    if machine is None:
        return Prepared(
            session,
            None,
            _plain(session.official, look, point_size, gui_thread) if session.official else None,
            tuple(_plain(d, look, point_size, gui_thread) for d in session.backgrounds),
        )
    corrected = apply_corrections(machine, session.corrections)
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
    backgrounds = range(1, len(corrected.documents))
    return Prepared(
        session,
        corrected,
        rendered[0],
        tuple(rendered[1:]),
        tuple(claim_rows(corrected)),
        {d: links_of(corrected, d) for d in backgrounds},
        {d: alignment_of(corrected.documents[d]) for d in backgrounds},
    )


def links_of(comparison: CorrectedComparison, document: int) -> tuple[Link, ...]:
    """The link-map bands between the official readout and background ``document``."""
    relinked = {
        i
        for (d, i), fields in comparison.changes.items()
        if d == document and Field.MATCHES in fields
    }
    return tuple(
        Link(m.index, s.index, s.coverage, m.score, s.index in relinked)
        for s in comparison.documents[document].sentences
        for m in s.matches
        if m.document == 0
    )


def alignment_of(result: DocumentResult) -> Alignment:
    """Matched pairs for synchronised scrolling, strongest first."""
    pairs = [
        (m.index, s.index, m.score) for s in result.sentences for m in s.matches if m.document == 0
    ]
    pairs.sort(key=lambda p: -p[2])
    return Alignment([(a, b) for a, b, _ in pairs])


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


def read_all(sources: Sequence[Source]) -> list[Document]:
    return [source.read() for source in sources]


class Loader(QObject):
    busy = Signal(str)  # what is being done, for the status bar
    idle = Signal()
    placed = Signal(str)  # where the documents went, in words
    ready = Signal(object)  # Prepared
    failed = Signal(str)
    opened = Signal(list)  # list[Source] read successfully (for recent files)

    def __init__(self, look: Look, point_size: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.point_size = point_size
        self.session = Session()
        self.comparison: CorrectedComparison | None = None
        self.jobs = Jobs(parent=self)
        self.generation = 0
        self.working = False  # a read or comparison is in flight for the current generation
        app = QCoreApplication.instance()
        self._gui_thread = app.thread() if app is not None else None

    @property
    def machine(self) -> Comparison | None:
        return self.comparison.machine if self.comparison is not None else None

    def _next(self, doing: str) -> int:
        self.generation += 1
        self.working = True
        self.busy.emit(doing)
        return self.generation

    def open(
        self, sources: Sequence[Source], side: Side, purpose: Purpose = Purpose.UPDATE
    ) -> None:
        """Read ``sources`` and put them on ``side``; the comparison follows."""
        sources = list(sources)
        if not sources:
            return
        if any(s.remote for s in sources):
            names = ", ".join(s.label() for s in sources if s.remote)
            doing = f"Fetching {names}…"
        else:
            doing = f"Reading {', '.join(s.label() for s in sources)}…"
        generation = self._next(doing)

        def done(g: int, documents: object) -> None:
            if g != self.generation:
                return
            assert isinstance(documents, list)
            derived = self.comparison.official.document if self.comparison else None
            placement = self.session.place(documents, side, rank_official, derived)
            self.opened.emit(sources)
            self.placed.emit(placement.message)
            self.show(placement.session, purpose)

        self.jobs.start(generation, lambda: read_all(sources), done, self._failed)

    def show(
        self,
        session: Session,
        purpose: Purpose = Purpose.UPDATE,
        stored: SessionData | None = None,
    ) -> None:
        """Compare ``session`` in the background and hand it to the window when done."""
        generation = self._next("Comparing…" if session.comparable else "Preparing…")
        look, size, thread = self.look, self.point_size, self._gui_thread

        def work() -> Prepared:
            prepared = prepare(session, look, size, thread)
            return replace(prepared, purpose=purpose, stored=stored)

        def done(g: int, prepared: object) -> None:
            if g != self.generation:
                _discard(prepared)
                return
            assert isinstance(prepared, Prepared)
            self.session = prepared.session
            self.comparison = prepared.comparison
            self.working = False
            self.idle.emit()
            self.ready.emit(prepared)

        self.jobs.start(generation, work, done, self._failed)

    def recompute(self) -> None:
        self.show(self.session)

    def cancel(self) -> None:
        self.generation += 1
        self.working = False
        self.idle.emit()

    def set_corrections(self, corrections: Sequence[Correction]) -> CorrectedComparison | None:
        """Apply corrections to the machine comparison now (cheap: no recompute)."""
        self.session = self.session.with_corrections(corrections)
        machine = self.machine
        if machine is None:
            return None
        self.comparison = apply_corrections(machine, self.session.corrections)
        return self.comparison

    def _failed(self, generation: int, message: str) -> None:
        if generation != self.generation:
            return
        self.working = False
        self.idle.emit()
        self.failed.emit(message)


def _discard(prepared: object) -> None:
    if isinstance(prepared, Prepared):
        for rendered in (prepared.official, *prepared.backgrounds):
            if rendered is not None:
                rendered.text_document.deleteLater()
