"""Shows a prepared comparison in the panes, link map and claims table, and keeps them in step.

Owns the interaction state that spans widgets: the selected sentence and its
match, find hits, synchronised scrolling. It draws on what the engine
decided (matches, coverage, word diff) and decides nothing itself.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from enum import Enum, auto

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal

from desktop import naming
from desktop.engine.compare import SentenceResult
from desktop.engine.corrections import CorrectedComparison, SentenceKey
from desktop.engine.document import Span
from desktop.engine.language import language_name
from desktop.engine.lens_marks import shift_marks, shift_spans
from desktop.engine.provenance import Provenance, provenance
from desktop.engine.vocabulary import Role
from desktop.palette import Look
from desktop.ui.claims_panel import ClaimsPanel
from desktop.ui.comparison_loader import Prepared, RenderedDocument
from desktop.ui.document_pane import DocumentPane
from desktop.ui.document_view import DocumentView
from desktop.ui.find_bar import find_spans
from desktop.ui.link_map import LinkMap
from desktop.ui.rendering import style_revisions, style_sentences, underline_shift_words
from desktop.ui.tooltips import tooltip
from desktop.workspace.claims import claim_rows, side_name
from desktop.workspace.links import Alignment, Link, alignment_of, links_of
from desktop.workspace.navigation import Predicate, step
from desktop.workspace.revision_marks import (
    RevisionState,
    revision_marks,
    revision_states,
    state_answers,
)
from desktop.workspace.wording import attribution_line, shorten


class Origin(Enum):
    CLICK = auto()  # the user put the caret in the sentence: leave that pane where it is
    JUMP = auto()  # keyboard, claims table, link map: bring the sentence into view


class ComparisonView(QObject):
    sentenceClicked = Signal(int, int)  # before selection; the window may turn it into a link
    described = Signal(str)  # one line about the selection, for the status bar
    selectionChanged = Signal()
    # The panes were styled anew (another tab, theme or corrections): for what restyles
    # on top of them (``official_against``).
    restyled = Signal()

    def __init__(
        self,
        left: DocumentPane,
        right: DocumentPane,
        link_map: LinkMap,
        claims: ClaimsPanel,
        look: Look,
    ) -> None:
        super().__init__(left)
        self.left, self.right, self.link_map, self.claims = left, right, link_map, claims
        self.look = look
        self.comparison: CorrectedComparison | None = None
        self.selected: SentenceKey | None = None
        self.sync = True
        self._syncing = False
        self._alignments: dict[int, Alignment] = {}
        self._links: dict[int, tuple[Link, ...]] = {}
        self._find_text = ""
        self._hits: list[tuple[DocumentView, Span]] = []
        self._hit: int | None = None
        self._wired: set[int] = set()
        self.notes: Mapping[SentenceKey, str] = {}  # the user's notes, for tooltips
        right.currentViewChanged.connect(self._tab_changed)
        claims.claimActivated.connect(lambda d, i: self.select((d, i), Origin.JUMP))
        link_map.linkClicked.connect(self._link_clicked)

    # -- showing -------------------------------------------------------------

    def views(self) -> list[DocumentView]:
        return [*self.left.views, *self.right.views]

    def view_of(self, document: int) -> DocumentView | None:
        if document == 0:
            return self.left.views[0] if self.left.views[0].document_index == 0 else None
        return self.right.view_for(document)

    def show(self, prepared: Prepared) -> None:
        """A new comparison opens with every pane at its top (where the reading starts),
        whatever the panes showed before: no pane follows another while it is filled."""
        self.comparison = prepared.comparison
        self.selected = None
        with self.without_following():
            left_view = self.left.set_view_count(1)[0]
            self._fill(self.left, left_view, prepared.official, 0)
            views = self.right.set_view_count(len(prepared.backgrounds))
            for position, view in enumerate(views):
                rendered = prepared.backgrounds[position] if prepared.backgrounds else None
                self._fill(self.right, view, rendered, position)
                self.right.set_tab_role(position, self._tab_role(prepared, position, rendered))
            for view in self.views():
                self._wire(view)
                view.verticalScrollBar().setValue(0)
        self._alignments = dict(prepared.alignments)
        self._links = dict(prepared.links)
        self._official_header(prepared)
        self._tab_changed()
        self.set_find(self._find_text)
        # The table can wait one turn of the event loop: the panes paint first, and
        # the two halves of the work are two short pauses instead of one long one.
        QTimer.singleShot(0, self, lambda: self._fill_claims(prepared))

    @staticmethod
    def _tab_role(
        prepared: Prepared, position: int, rendered: RenderedDocument | None
    ) -> Role | None:
        """The role a background-side tab offers to change (none in single-article mode,
        nor before there is a comparison to run again)."""
        comparison = prepared.comparison
        if rendered is None or comparison is None or comparison.single_article:
            return None
        roles = prepared.inputs.roles
        if position < len(roles):
            return roles[position]
        return comparison.documents[rendered.index].role

    def _fill_claims(self, prepared: Prepared) -> None:
        if self.comparison is prepared.comparison:
            self.claims.set_rows(prepared.claims)

    def _fill(
        self, pane: DocumentPane, view: DocumentView, rendered: RenderedDocument | None, tab: int
    ) -> None:
        if rendered is None:
            view.clear_content(pane.placeholder)
            pane.set_tab_label(tab, "", "")
            return
        view.set_content(
            rendered.index,
            rendered.text_document,
            rendered.document,
            rendered.sentences,
            rendered.offsets,
            rendered.index_of_sentences,
        )
        view.tooltip_provider = self._tooltip
        if self.revision_states(rendered.index) is not None:
            # Rendered with coverage tints in the worker; a version reads by revision.
            self.style(view, rendered.sentences)
        self.show_shifts(view, rendered.index)
        name = naming.document_name(rendered.document)
        role = ""
        if self.comparison is not None and rendered.index < len(self.comparison.documents):
            role = f" ({self.comparison.documents[rendered.index].role.value})"
        pane.set_tab_label(
            tab, shorten(name, 40), f"{name}{role}\n{provenance(rendered.document).details()}"
        )
        view.corrected = self._corrected_in(rendered.index)

    def revision_states(self, document: int) -> Mapping[int, RevisionState] | None:
        if self.comparison is None:
            return None
        return revision_states(self.comparison, document)

    def style(self, view: DocumentView, sentences: Collection[SentenceResult]) -> None:
        """Style ``sentences`` of one pane: a version of the release by revision state
        (kept plain, reworded, not kept), any other document by coverage."""
        comparison = self.comparison
        document = view.document_index
        states = revision_states(comparison, document) if comparison is not None else None
        if states is not None:
            style_revisions(view.document(), view.offsets, sentences, states, self.look)
        else:
            style_sentences(
                view.document(), view.offsets, sentences, self.look, official=document == 0
            )

    def show_shifts(self, view: DocumentView, document: int) -> None:
        """The lens on one pane: a mark beside each shifted pair, its carrying words waved;
        and a mark beside each sentence a revision added, reworded or removed."""
        comparison = self.comparison
        if comparison is None:
            view.shifted = {}
            view.revised = {}
            return
        view.shifted = shift_marks(comparison, document)
        view.revised = revision_marks(comparison, document)
        underline_shift_words(
            view.document(), view.offsets, shift_spans(comparison, document), self.look
        )

    def _wire(self, view: DocumentView) -> None:
        if id(view) in self._wired:
            return
        self._wired.add(id(view))
        view.sentenceActivated.connect(self.sentenceClicked)
        view.scrolled.connect(lambda v=view: self._scrolled(v))

    def _official_header(self, prepared: Prepared) -> None:
        official = prepared.official
        if official is None:
            self.left.set_header("No official readout yet", "")
        elif prepared.comparison is not None and prepared.comparison.single_article:
            self.left.set_header(
                "As attributed to the statement in the article",
                "Derived by Readout from what the article quotes or attributes to the readout",
            )
        else:
            found = provenance(official.document)
            self.left.set_header(
                naming.document_name(official.document),
                self._with_language(found.line(), 0),
                found.details(),
                _copyable(found),
            )

    def _with_language(self, detail: str, document: int) -> str:
        """The header's detail line led by the document's language ("in Hindi · path"), which
        a long path would otherwise push out of sight."""
        comparison = self.comparison
        if comparison is None or not 0 <= document < len(comparison.documents):
            return detail
        code = comparison.documents[document].language
        if not code:
            return detail
        language = f"in {language_name(code)}"
        return f"{language} · {detail}" if detail else language

    def _refresh_tables(self) -> None:
        if self.comparison is None:
            self.claims.set_rows([])
            return
        self.claims.set_rows(claim_rows(self.comparison))

    def _corrected_in(self, document: int) -> set[int]:
        if self.comparison is None:
            return set()
        return {i for d, i in self.comparison.corrected_sentences() if d == document}

    def _tab_changed(self) -> None:
        right = self.right.current_view()
        # The header names what the tab holds: reporting, the other government's readout
        # or another version of the release.
        role = Role.BACKGROUND
        comparison = self.comparison
        if comparison is not None and 0 < right.document_index < len(comparison.documents):
            role = comparison.documents[right.document_index].role
        self.right.side.setText(_SIDE_NAMES.get(role, "BACKGROUND"))
        # A version's tab reads by revision: its legend and the link map's bands say so.
        states = self.revision_states(right.document_index)
        if comparison is None or states is None:
            self.right.legend.set_revision(None)
            self.link_map.set_reworded(None)
        else:
            self.right.legend.set_revision(state_answers(comparison, right.document_index))
            self.link_map.set_reworded(
                frozenset(i for i, state in states.items() if state is RevisionState.REWORDED)
            )
        self.link_map.set_views(self.left.views[0], right)
        self.link_map.set_links(self._links.get(right.document_index, ()))
        if right.source is None:
            self.right.set_header("No background yet", "")
        else:
            found = provenance(right.source)
            self.right.set_header(
                naming.document_name(right.source),
                self._with_language(found.line(), right.document_index),
                found.details(),
                _copyable(found),
            )
        self.set_find(self._find_text)
        self.restyled.emit()

    def _tooltip(self, document: int, index: int) -> str:
        if self.comparison is None:
            return ""
        return tooltip(self.comparison, document, index, self.notes.get((document, index), ""))

    # -- corrections and looks ---------------------------------------------------

    def update_comparison(self, comparison: CorrectedComparison) -> None:
        """Show new corrections without recomputing: restyle only what changed."""
        previous = self.comparison
        self.comparison = comparison
        for d, result in enumerate(comparison.documents):
            view = self.view_of(d)
            if view is None:
                continue
            old = previous.documents[d].sentences if previous is not None else ()
            changed = [
                s
                for s in result.sentences
                if not old
                or (s.coverage, s.attribution) != (old[s.index].coverage, old[s.index].attribution)
            ]
            view.sentences = result.sentences
            view.corrected = self._corrected_in(d)
            if changed:
                self.style(view, changed)
                self.show_shifts(view, d)
            view.viewport().update()
            if d > 0:
                self._alignments[d] = alignment_of(result)
                self._links[d] = links_of(comparison, d)
        self._refresh_tables()
        self.link_map.set_links(self._links.get(self.right.current_view().document_index, ()))
        if self.selected is not None:
            self.select(self.selected, Origin.CLICK)
        self.restyled.emit()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.left.set_look(look)
        self.right.set_look(look)
        self.link_map.set_look(look)
        self.claims.model.set_look(look)
        for view in self.views():
            if view.sentences:
                self.style(view, view.sentences)
                self.show_shifts(view, view.document_index)
        self._marks()
        self.restyled.emit()

    # -- selection ----------------------------------------------------------------

    def partner(self, key: SentenceKey) -> SentenceKey | None:
        if self.comparison is None:
            return None
        matches = self.comparison.documents[key[0]].sentences[key[1]].matches
        if key[0] == 0 and self.revision_states(self.right.current_view().document_index):
            return self._in_version(key[1])
        if key[0] == 0:
            current = self.right.current_view().document_index
            in_tab = [m for m in matches if m.document == current]
            matches = tuple(in_tab) or matches
        return (matches[0].document, matches[0].index) if matches else None

    def _in_version(self, official: int) -> SentenceKey | None:
        """On a version's tab, an official sentence's partner is the version's sentence
        linked to it (kept or reworded; None when the revision added it): the tab stays."""
        assert self.comparison is not None
        document = self.right.current_view().document_index
        for sentence in self.comparison.documents[document].sentences:
            if any(m.document == 0 and m.index == official for m in sentence.matches):
                return document, sentence.index
        return None

    def select(self, key: SentenceKey, origin: Origin) -> None:
        comparison = self.comparison
        if comparison is None:
            return
        view = self.view_of(key[0])
        if view is None:
            return
        if key[0] > 0 and self.right.current_view() is not view:
            self.right.show_view(view)
        partner = self.partner(key)
        if partner is not None and partner[0] > 0:
            partner_view = self.view_of(partner[0])
            if partner_view is not None and self.right.current_view() is not partner_view:
                self.right.show_view(partner_view)
        self.selected = key
        self._syncing = True
        try:
            if origin is Origin.JUMP:
                view.scroll_to_sentence(key[1])
                view.place_caret(key[1])
                view.setFocus(Qt.FocusReason.OtherFocusReason)
            if partner is not None:
                other = self.view_of(partner[0])
                if other is not None:
                    top, _ = view.sentence_band(key[1])
                    height = view.viewport().height()
                    at = top if 0 <= top <= height - 40 else None
                    other.scroll_to_sentence(partner[1], at)
        finally:
            self._syncing = False
        self.link_map.selected = _pair(key, partner)
        self._marks()
        self.selectionChanged.emit()
        sentence = comparison.documents[key[0]].sentences[key[1]]
        states = self.revision_states(key[0])
        # A version's sentence is kept, reworded or not kept; any other is covered or not.
        judged = states[key[1]].value if states is not None else sentence.coverage.value
        self.described.emit(
            f"{side_name(comparison, key[0])} · {attribution_line(comparison, key[0], sentence)} · "
            f"{judged} — “{shorten(sentence.text, 80)}”"
        )

    def clear_selection(self) -> None:
        self.selected = None
        self.link_map.selected = None
        self._marks()
        self.selectionChanged.emit()

    @contextmanager
    def without_following(self) -> Iterator[None]:
        """Scroll panes one by one (restoring a session) without the others following."""
        syncing, self._syncing = self._syncing, True
        try:
            yield
        finally:
            self._syncing = syncing

    def _marks(self) -> None:
        marks: dict[int, tuple[int | None, list[int], list[Span]]] = {}
        key = self.selected
        if key is not None and self.comparison is not None:
            partner = self.partner(key)
            if key[0] == 0 and partner is not None and self.revision_states(partner[0]):
                # An official sentence against a version: the links run from the
                # version's side, and so does the word diff (its sides swapped).
                diff = self.comparison.diff(*partner)
                marks[0] = (key[1], [], list(diff.right_only) if diff else [])
                marks[partner[0]] = (None, [partner[1]], list(diff.left_only) if diff else [])
            else:
                diff = self.comparison.diff(*key)
                sentence = self.comparison.documents[key[0]].sentences[key[1]]
                marks[key[0]] = (key[1], [], list(diff.left_only) if diff else [])
                if partner is not None:
                    linked = [m.index for m in sentence.matches if m.document == partner[0]]
                    marks[partner[0]] = (None, linked, list(diff.right_only) if diff else [])
        current = self._hits[self._hit][1] if self._hit is not None else None
        for view in self.views():
            selected, linked, differing = marks.get(view.document_index, (None, [], []))
            found = [span for v, span in self._hits if v is view]
            view.show_marks(selected, linked, differing, found, current)
        self.link_map.update()

    def _link_clicked(self, left: int, right: int) -> None:
        self.select((self.right.current_view().document_index, right), Origin.JUMP)

    # -- keyboard navigation -------------------------------------------------------

    def navigate(self, view: DocumentView, predicate: Predicate, *, forward: bool) -> bool | None:
        """Select the next sentence of ``view`` matching ``predicate``; returns whether it wrapped."""
        if not view.sentences or self.comparison is None:
            return None
        current = (
            self.selected[1] if self.selected and self.selected[0] == view.document_index else None
        )
        found = step(view.sentences, current, predicate, forward=forward)
        if found is None:
            return None
        self.select((view.document_index, found.index), Origin.JUMP)
        return found.wrapped

    def go_to_partner(self) -> bool:
        if self.selected is None:
            return False
        partner = self.partner(self.selected)
        if partner is None:
            return False
        self.select(partner, Origin.JUMP)
        return True

    # -- synchronised scrolling -------------------------------------------------

    def _scrolled(self, view: DocumentView) -> None:
        self.link_map.update()
        if not self.sync or self._syncing or self.comparison is None:
            return
        from_left = view is self.left.views[0]
        other = self.right.current_view() if from_left else self.left.views[0]
        background = other.document_index if from_left else view.document_index
        alignment = self._alignments.get(background)
        if alignment is None or not view.sentences or not other.sentences:
            return
        reference = view.viewport().height() // 3
        here = view.sentence_at_point(QPoint(30, reference))
        if here is None:
            visible = view.visible_sentences()
            here = visible[0] if visible else 0
        anchor = alignment.anchor(from_left, here)
        if anchor is None:
            return
        mine, theirs = anchor
        my_top, _ = view.sentence_band(mine)
        their_top, _ = other.sentence_band(theirs)
        self._syncing = True
        try:
            bar = other.verticalScrollBar()
            bar.setValue(int(bar.value() + their_top - my_top))
        finally:
            self._syncing = False

    # -- find ----------------------------------------------------------------------

    def set_find(self, text: str) -> tuple[int, int]:
        self._find_text = text
        self._hits = []
        counts = []
        for view in (self.left.views[0], self.right.current_view()):
            spans = find_spans(view.text, text) if text else []
            self._hits.extend((view, span) for span in spans)
            counts.append(len(spans))
        self._hit = None
        self._marks()
        return counts[0], counts[1]

    def find_step(self, *, forward: bool) -> int | None:
        if not self._hits:
            return None
        if self._hit is None:
            self._hit = 0 if forward else len(self._hits) - 1
        else:
            self._hit = (self._hit + (1 if forward else -1)) % len(self._hits)
        view, span = self._hits[self._hit]
        view.scroll_to_offset(span.start)
        self._marks()
        return self._hit

    def find_counts(self) -> tuple[int, int]:
        left = self.left.views[0]
        in_left = sum(1 for view, _ in self._hits if view is left)
        return in_left, len(self._hits) - in_left

    @property
    def hit_count(self) -> int:
        return len(self._hits)


def _pair(key: SentenceKey, partner: SentenceKey | None) -> tuple[int, int] | None:
    if partner is None:
        return None
    if key[0] == 0:
        return key[1], partner[1]
    return partner[1], key[1]


def _copyable(found: Provenance) -> dict[str, str]:
    """What the header line's context menu copies in full."""
    return {"SHA-256": found.sha256, "Source": found.url or found.path or ""}


_SIDE_NAMES = {
    Role.BACKGROUND: "BACKGROUND",
    Role.COUNTERPART: "COUNTERPART READOUT",
    Role.VERSION: "OTHER VERSION OF THE RELEASE",
}
