"""The Readout main window: assembles the panes, menus and docks and routes commands.

Reading and comparing are the ComparisonLoader's job (in the worker process, through
the window's one ``Background``); showing and keeping the panes in step is the
ComparisonView's. The window turns user commands into requests to those two,
holds the ``Lifecycle`` every collaborator reads, and remembers its geometry.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.vocabulary import Role
from desktop.palette import Look
from desktop.paths import sample_path
from desktop.ui.actions import build_actions, retint
from desktop.ui.background import Background
from desktop.ui.bounded_menu import popup_inside
from desktop.ui.busy import BusyIndicator
from desktop.ui.claims_panel import ClaimsPanel
from desktop.ui.comparison_loader import ComparisonLoader, Prepared, Purpose
from desktop.ui.comparison_view import ComparisonView, Origin
from desktop.ui.correcting import Corrector
from desktop.ui.dialogs import LegendDialog, about
from desktop.ui.document_pane import DocumentPane
from desktop.ui.document_view import DocumentView
from desktop.ui.drop import DropFilter, DropOverlay
from desktop.ui.export_pdf import PdfExporter
from desktop.ui.find_bar import FindBar, Finder
from desktop.ui.keyboard_navigation import Navigator
from desktop.ui.lifecycle import Lifecycle
from desktop.ui.link_map import LinkMap
from desktop.ui.menus import build_menus, build_toolbar, fill_recent
from desktop.ui.message_bar import MessageBar
from desktop.ui.notes import NotesController, chain_menus
from desktop.ui.official_against import OfficialAgainst
from desktop.ui.open_commands import choose_files, clipboard_sources, web_page
from desktop.ui.preferences_dialog import PreferencesDialog
from desktop.ui.session_controller import SessionsController, connect_session_commands
from desktop.ui.session_keeper import SessionKeeper
from desktop.ui.sessions_dock import SessionsSidebar
from desktop.ui.settings import DEFAULT_POINT_SIZE, Preferences, RecentFile, Theme
from desktop.ui.story_panel import StoryPanel
from desktop.ui.summary_bar import SummaryBar
from desktop.ui.theme import apply_theme
from desktop.ui.window_layout import repolish, restore_layout, save_layout
from desktop.workspace.inputs import Side
from desktop.workspace.sources import Source, SourceKind, source_for_location

if TYPE_CHECKING:
    from desktop.sessions import StoreOpening

EMPTY_HEADLINE = "Drop an article or an official readout to begin (Help → Open Sample Comparison)"
ZOOM_STEPS = (8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0)


class MainWindow(QMainWindow):
    """``store``: the opened sessions database; None opens ``READOUT_DB`` (``--db``), else
    the data folder's, on a thread of its own once the window has painted."""

    def __init__(
        self,
        preferences: Preferences,
        parent: QWidget | None = None,
        *,
        store: StoreOpening | None = None,
    ) -> None:
        super().__init__(parent)
        self.preferences = preferences
        apply_theme(preferences.theme())
        self.lifecycle = Lifecycle()
        self.message = MessageBar()
        self.background = Background(self.message.show_error, self)
        self.keeper = SessionKeeper(self.background, self.lifecycle, store, self)
        self.setObjectName("readoutWindow")
        self.look = Look.from_palette(self.palette())
        self.point_size = preferences.point_size()
        self.loader = ComparisonLoader(
            self.background, self.look, self.point_size, preferences.compare_settings(), self
        )

        self.left = DocumentPane(
            "Official readout",
            "Drop the official readout here — a file, a web page or selected text — "
            "or press Ctrl+O.\n\nJust have a news article? Drop it on the right, or anywhere "
            "in the window: Readout splits what it attributes to the statement from the rest.",
            self.look,
            self.point_size,
        )
        self.right = DocumentPane(
            "Background",
            "Drop the reporting here — news articles, a counterpart's readout, an earlier "
            "version of the release — or press Ctrl+Shift+O.\n\nSeveral files open as tabs.",
            self.look,
            self.point_size,
        )
        self.link_map = LinkMap(self.look)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setObjectName("panes")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        for widget, stretch in ((self.left, 1), (self.link_map, 0), (self.right, 1)):
            self.splitter.addWidget(widget)
            self.splitter.setStretchFactor(self.splitter.indexOf(widget), stretch)
        self.claims = ClaimsPanel(self.look)
        self.dock = QDockWidget("Claims", self)
        self.dock.setObjectName("claimsDock")
        self.dock.setWidget(self.claims)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.story = StoryPanel()
        self.story.look = self.look
        self.story_selected: list[tuple[int, int]] = []
        self.story_dock = QDockWidget("Story: roles, topics, revisions", self)
        self.story_dock.setObjectName("storyDock")
        self.story_dock.setWidget(self.story)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.story_dock)
        self.tabifyDockWidget(self.dock, self.story_dock)
        # Hidden until a story has a counterpart or a version (View → Story, F10).
        self.story_dock.hide()
        self.dock.raise_()
        self.view = ComparisonView(self.left, self.right, self.link_map, self.claims, self.look)
        self.summary = SummaryBar(self.look)
        self.find_bar = FindBar()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.message)
        layout.addWidget(self.summary)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)
        self.window_overlay = DropOverlay(central)

        self.drops = DropFilter(self)
        self.drops.add_target(self.left, Side.OFFICIAL, self.left.overlay)
        self.drops.add_target(self.right, Side.BACKGROUND, self.right.overlay)
        self.drops.add_target(self, Side.WINDOW, self.window_overlay)
        story = self.story
        self.drops.add_target(story.counterpart_drop, Side.COUNTERPART, story.drop_overlay)
        self.drops.add_target(story.version_drop, Side.VERSION, story.drop_overlay)
        self.drops.dropped.connect(lambda sources, side: self.open_sources(sources, Side(side)))

        text = self.palette().color(QPalette.ColorRole.WindowText)
        self.commands = build_actions(self, text, self.look.muted)
        self.sidebar = SessionsSidebar(self.commands.new_session, self.commands.import_session)
        self.sessions_dock = QDockWidget("Sessions", self)
        self.sessions_dock.setObjectName("sessionsDock")
        self.sessions_dock.setWidget(self.sidebar)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.sessions_dock)
        self.corrector = Corrector(self.loader, self.view, self)
        self.notes = NotesController(self.keeper, self.loader, self.view, self)
        self.busy = BusyIndicator(self.statusBar(), self.commands.cancel)
        self.pdf = PdfExporter(
            self,
            background=self.background,
            loader=self.loader,
            keeper=self.keeper,
            preferences=preferences,
            message=self.message,
            status=self.statusBar(),
        )
        self.sessions = SessionsController(
            self,
            keeper=self.keeper,
            lifecycle=self.lifecycle,
            loader=self.loader,
            view=self.view,
            notes=self.notes,
            sidebar=self.sidebar,
            dock=self.sessions_dock,
            message=self.message,
            status=self.statusBar(),
            preferences=preferences,
        )
        self.menus = build_menus(self, self.commands, self.dock, self.sessions_dock)
        self._add_story_toggle()
        self._add_against_toggle()
        build_toolbar(self, self.commands)
        self._fill_recent(preferences.recent())
        self._connect()
        self._restore()
        self._set_title()
        self.summary.set_headline(EMPTY_HEADLINE)
        self._update_enabled()
        self.keeper.open_after_first_paint(self)

    # -- construction ----------------------------------------------------------------

    def _connect(self) -> None:
        a, loader, view = self.commands, self.loader, self.view
        a.open_official.triggered.connect(lambda: self._choose_files(Side.OFFICIAL))
        a.add_background.triggered.connect(lambda: self._choose_files(Side.ADDED))
        a.open_article.triggered.connect(lambda: self._choose_files(Side.WINDOW, single=True))
        self.story.counterpart_drop.clicked.connect(lambda: self._choose_files(Side.COUNTERPART))
        self.story.version_drop.clicked.connect(lambda: self._choose_files(Side.VERSION))
        a.open_url.triggered.connect(self._open_url)
        a.paste.triggered.connect(self.paste)
        a.quit.triggered.connect(self.close)
        self.finder = Finder(self.find_bar, self.view, self)
        a.find.triggered.connect(lambda: self.finder.open(self.focusWidget()))
        a.find_next.triggered.connect(lambda: self.finder.step(forward=True))
        a.find_previous.triggered.connect(lambda: self.finder.step(forward=False))
        a.swap.triggered.connect(self.swap_sides)
        a.recompare.triggered.connect(loader.recompute)
        a.cancel.triggered.connect(self.cancel)
        a.undo_correction.triggered.connect(self.corrector.undo)
        a.zoom_in.triggered.connect(lambda: self.zoom(1))
        a.zoom_out.triggered.connect(lambda: self.zoom(-1))
        a.zoom_reset.triggered.connect(lambda: self.set_point_size(DEFAULT_POINT_SIZE))
        a.sync_scroll.toggled.connect(self._set_sync)
        self.navigator = Navigator(a, view, self.dock, self.statusBar())
        a.legend.triggered.connect(self.show_legend)
        a.about.triggered.connect(lambda: about(self))
        a.open_sample.triggered.connect(self.open_sample)
        a.preferences.triggered.connect(self.edit_preferences)
        for action, theme in (
            (a.theme_system, Theme.SYSTEM),
            (a.theme_light, Theme.LIGHT),
            (a.theme_dark, Theme.DARK),
        ):
            action.triggered.connect(lambda _=False, t=theme: self.set_theme(t))
        a.clear_recent.triggered.connect(self._clear_recent)
        connect_session_commands(a, self.sessions, self.notes, self.pdf, self.preferences)
        self.keeper.currentChanged.connect(self._set_title)
        self.keeper.currentChanged.connect(self._update_enabled)
        self.notes.said.connect(lambda text: self.statusBar().showMessage(text, 6000))
        loader.busy.connect(self._busy)
        loader.idle.connect(self._idle)
        self.corrector.changed.connect(self._corrected)
        self.corrector.changed.connect(self.sessions.corrections_changed)
        self.corrector.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.menus.correct.aboutToShow.connect(
            lambda: self.corrector.fill_for_selection(self.menus.correct)
        )
        loader.ready.connect(self._show)
        self.story.roleChosen.connect(self.choose_role)
        self.right.roleChosen.connect(self.choose_role)  # the role menu on each tab
        self.story.sentencesChosen.connect(self.select_topic)
        loader.failed.connect(self.message.show_error)
        loader.placed.connect(self._placed)
        loader.opened.connect(self._remember)
        view.sentenceClicked.connect(self.corrector.clicked)
        view.described.connect(lambda text: self.statusBar().showMessage(text))
        self.summary.legend.clicked.connect(self.show_legend)
        for pane in (self.left, self.right):
            pane.currentViewChanged.connect(self._wire_views)
        self._wire_views()

    def _wire_views(self) -> None:
        for view in self.view.views():
            if view.menu_builder is None:
                view.menu_builder = chain_menus(self.corrector.populate, self.notes.populate)
                view.zoomRequested.connect(self.zoom)
                view.scrolled.connect(self.sessions.reading_moved)

    # -- opening ---------------------------------------------------------------------

    def open_sources(self, sources: Sequence[Source], side: Side) -> None:
        """A drop or open on the window starts a new session; on a pane, it changes the open
        one (see ``session_controller``). A ``.readout`` file among them is imported."""
        from desktop.launch import is_session_file

        sessions = [
            s.location for s in sources if s.kind is SourceKind.PATH and is_session_file(s.location)
        ]
        for path in sessions:
            self.open_session_file(path)
        sources = [s for s in sources if s.location not in sessions]
        if not sources:
            return
        self.sessions.documents_opened()
        self._open(sources, side, Purpose.NEW if side is Side.WINDOW else Purpose.UPDATE)

    def _open(self, sources: Sequence[Source], side: Side, purpose: Purpose) -> None:
        self.message.hide()
        self.corrector.pending_link = None
        self.loader.open(sources, side, purpose)

    def open_paths(self, paths: Sequence[str], *, completing: bool = False) -> None:
        """Command-line files: one is split as an article, several are ranked.

        ``completing``: the files complete the previous launch's (one multi-file open that
        arrived as separate launches), so they replace the open session's documents
        instead of starting a second session beside a stray one-document one.
        """
        sources = [source_for_location(p) for p in paths]
        if completing and self.keeper.current is not None:
            self._open(sources, Side.WINDOW, Purpose.UPDATE)
            return
        self.open_sources(sources, Side.WINDOW)

    def open_sample(self) -> None:
        """The sample as a new session (at start-up, a stored last session wins over it)."""
        self._open([Source.path(sample_path())], Side.WINDOW, Purpose.NEW)

    def open_session_file(self, path: str) -> None:
        """A ``.readout`` file given to the window: imported into the list and opened."""
        self.sessions.documents_opened()
        self.sessions.open_file(path)

    def paste(self) -> None:
        sources = clipboard_sources()
        if not sources:
            self.message.show_error("The clipboard holds no text, web page or file to compare.")
            return
        self.open_sources(sources, Side.WINDOW)

    def _choose_files(self, side: Side, *, single: bool = False) -> None:
        sources = choose_files(self, side, self.preferences.folder("documents"), single=single)
        if sources:
            self.preferences.set_folder("documents", str(Path(sources[0].location).parent))
            self.open_sources(sources, side)

    def _open_url(self) -> None:
        sources = web_page(self)
        if sources:
            self.open_sources(sources, Side.WINDOW)

    def view_menu_for(self, view: DocumentView, point: QPoint) -> QMenu:
        """Open a pane's context menu at viewport ``point`` without blocking (for tests and
        the keyboard); it and its submenus stay inside the window."""
        menu = view.context_menu(point)
        return popup_inside(menu, self, view.viewport().mapToGlobal(point))

    def swap_sides(self) -> None:
        if self.loader.inputs.swapped() is not None:
            self.loader.swap()

    def _add_story_toggle(self) -> None:
        toggle = self.story_dock.toggleViewAction()
        toggle.setText("Story: Roles, Topics, Revisions")
        toggle.setShortcut("F10")
        toggle.setStatusTip("Show or hide each document's role, the topic matrix and revisions")
        menus = [m for m in self.menuBar().findChildren(QMenu) if m.title() == "&View"]
        if menus:
            menus[0].addAction(toggle)
        self.addAction(toggle)  # the shortcut works with the menu bar hidden too

    def _add_against_toggle(self) -> None:
        """View → Readout Against This Tab: the official pane tinted by the current tab's
        document alone instead of all the reporting."""
        self.against = OfficialAgainst(self.view, self.background, lambda: self.loader.inputs)
        toggle = QAction("Readout Against This Tab", self)
        toggle.setCheckable(True)
        toggle.setStatusTip(
            "Tint the official readout by what the current tab's document alone reports, "
            "instead of all the reporting"
        )
        toggle.toggled.connect(self.against.set_on)
        self.against_toggle = toggle
        menus = [m for m in self.menuBar().findChildren(QMenu) if m.title() == "&View"]
        if menus:
            menus[0].addAction(toggle)

    def _show_story_when_needed(self, prepared: Prepared) -> None:
        comparison = prepared.comparison
        if comparison is None or self.story_dock.isVisible():
            return
        if any(d.role is not Role.BACKGROUND for d in comparison.backgrounds):
            self.story_dock.show()
            self.story_dock.raise_()

    def choose_role(self, position: int, role: str) -> None:
        """A document's role from its tab's role menu or the Story dock's chooser: compare
        again in that role (off the GUI thread, as every comparison)."""
        inputs = self.loader.inputs
        if position < len(inputs.backgrounds) and inputs.role(position).value != role:
            self.loader.show(inputs.with_role(position, Role(role)))

    def select_topic(self, keys: list[tuple[int, int]]) -> None:
        """A matrix cell was clicked: select its first claim and say how many there are."""
        if not keys:
            return
        self.view.select(keys[0], Origin.JUMP)
        self.story_selected = list(keys)
        claims = "claim" if len(keys) == 1 else "claims"
        self.statusBar().showMessage(f"{len(keys)} {claims} on this topic", 6000)

    def cancel(self) -> None:
        self.corrector.cancel_link()
        if self.loader.working:
            self.loader.cancel()
            self.statusBar().showMessage("Cancelled; the comparison shown is unchanged.", 6000)
        self._update_enabled()

    # -- loader events ------------------------------------------------------------------

    def _show(self, prepared: Prepared) -> None:
        self.view.show(prepared)
        self._wire_views()
        self.sessions.shown(prepared)
        outcome = prepared.outcome
        self.story.set_comparison(
            prepared.comparison, prepared.inputs.roles, outcome.topics, outcome.matrix_note
        )
        self._show_story_when_needed(prepared)
        comparison = prepared.comparison
        self.summary.set_warnings(comparison.warnings if comparison is not None else ())
        if comparison is not None:
            self.summary.set_headline(comparison.summary().headline())
        elif prepared.inputs.empty:
            self.summary.set_headline(EMPTY_HEADLINE)
        else:
            missing = "official readout" if prepared.official is None else "background"
            self.summary.set_headline(f"Add the {missing} to compare.")
        self._set_title()
        self._update_enabled()

    def _placed(self, message: str) -> None:
        if message:
            self.statusBar().showMessage(message, 12000)
            if "Swap Sides" in message:
                self.message.show_note(message)

    def _busy(self, text: str) -> None:
        self.busy.start(text)
        self._update_enabled()

    def _idle(self) -> None:
        self.busy.stop()
        self._update_enabled()

    def _corrected(self) -> None:
        if self.loader.comparison is not None:
            self.summary.set_headline(self.loader.comparison.summary().headline())
        self._update_enabled()

    def _remember(self, opened: list[tuple[str, str]]) -> None:
        """Files and pages read: at the top of Open Recent, with their own titles."""
        entries = self.preferences.recent()
        for location, title in reversed(opened):
            entries = self.preferences.add_recent(location, title)
        self._fill_recent(entries)

    def _fill_recent(self, entries: Sequence[RecentFile]) -> None:
        fill_recent(
            self.menus.recent, entries, lambda where: self.open_paths([where]), self.commands
        )

    def _clear_recent(self) -> None:
        self.preferences.clear_recent()
        self._fill_recent([])

    # -- view ------------------------------------------------------------------------

    def zoom(self, direction: int) -> None:
        steps = list(ZOOM_STEPS)
        nearest = min(range(len(steps)), key=lambda i: abs(steps[i] - self.point_size))
        index = max(0, min(len(steps) - 1, nearest + direction))
        self.set_point_size(steps[index])

    def set_point_size(self, size: float) -> None:
        self.point_size = size
        self.loader.point_size = size
        self.left.set_point_size(size)
        self.right.set_point_size(size)
        self.preferences.set_point_size(size)
        self.statusBar().showMessage(f"Text size {size:g} pt", 2000)

    def _set_sync(self, on: bool) -> None:
        self.view.sync = on
        self.preferences.set_sync_scrolling(on)

    def set_theme(self, theme: Theme) -> None:
        """View → Theme: System, Light or Dark (remembered)."""
        self.preferences.set_theme(theme)
        apply_theme(theme)
        self._check_theme()

    def _check_theme(self) -> None:
        theme = self.preferences.theme()
        self.commands.theme_system.setChecked(theme is Theme.SYSTEM)
        self.commands.theme_light.setChecked(theme is Theme.LIGHT)
        self.commands.theme_dark.setChecked(theme is Theme.DARK)

    def edit_preferences(self) -> PreferencesDialog:
        """Edit → Preferences…: window-modal; OK stores and applies what was chosen."""
        dialog = PreferencesDialog(self.preferences, self)
        dialog.accepted.connect(lambda: self.apply_preferences(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def apply_preferences(self, dialog: PreferencesDialog) -> None:
        before = self.preferences.compare_settings()
        dialog.save()
        self.set_theme(self.preferences.theme())
        size = self.preferences.page_size()
        self.commands.page_a4.setChecked(size == "A4")
        self.commands.page_letter.setChecked(size == "Letter")
        settings = self.preferences.compare_settings()
        self.loader.set_settings(settings)
        if settings != before:
            self.statusBar().showMessage(
                f"New comparisons, and this one from now on, are judged {settings.describe()}.",
                8000,
            )

    def show_legend(self) -> None:
        LegendDialog(self.look, self).exec()

    def _set_title(self) -> None:
        title = self.keeper.title() or self.loader.inputs.title()
        self.setWindowTitle(f"{title} — Readout" if title else "Readout")

    def _update_enabled(self) -> None:
        a, session = self.commands, self.loader.inputs
        compared = self.loader.comparison is not None
        for action in (a.next_absent, a.previous_absent, a.next_difference, a.previous_difference):
            action.setEnabled(compared)
        a.go_to_match.setEnabled(compared)
        a.swap.setEnabled(session.swapped() is not None)
        a.recompare.setEnabled(session.comparable)
        a.undo_correction.setEnabled(bool(session.corrections))
        a.cancel.setEnabled(self.loader.working or self.corrector.pending_link is not None)
        many = self.right.tabs.count() > 1
        a.next_tab.setEnabled(many)
        a.previous_tab.setEnabled(many)
        a.export_pdf.setEnabled(compared)
        a.note.setEnabled(compared)
        saved = self.keeper.current is not None and self.keeper.current.id > 0
        for action in (a.rename_session, a.duplicate_session, a.delete_session, a.export_session):
            action.setEnabled(saved)
        a.import_session.setEnabled(self.keeper.saving or not self.keeper.ready)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            look = Look.from_palette(self.palette())
            if look.page == self.look.page and look.text == self.look.text:
                return
            self.look = look
            # Not now: this event can arrive while Qt polishes a widget with the style
            # sheet (the first show() in the dark theme), and replacing the sheet there
            # frees the style that is polishing (a crash in QCss::Parser on start-up).
            QTimer.singleShot(0, repolish)
            self.loader.look = look
            self.view.set_look(look)
            self.summary.set_look(look)
            self.story.set_look(look)
            self.message.restyle()
            text = self.palette().color(QPalette.ColorRole.WindowText)
            retint(self.commands, text, look.muted)

    # -- settings ----------------------------------------------------------------------

    def _restore(self) -> None:
        restore_layout(
            self,
            self.preferences,
            splitter=self.splitter,
            claims=self.dock,
            sessions=self.sessions_dock,
        )
        self.commands.sync_scroll.setChecked(self.preferences.sync_scrolling())
        self.view.sync = self.preferences.sync_scrolling()
        size = self.preferences.page_size()
        self.commands.page_a4.setChecked(size == "A4")
        self.commands.page_letter.setChecked(size == "Letter")
        self._check_theme()

    def save_settings(self) -> None:
        save_layout(self, self.preferences, self.splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save where the user is and everything pending; a comparison still running is
        stopped at once (its worker process is killed), and no answer arrives later."""
        self.loader.cancel()
        self.save_settings()
        self.sessions.close()
        self.lifecycle.close()
        self.background.close()
        super().closeEvent(event)
