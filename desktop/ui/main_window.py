"""The Readout main window: assembles the panes, menus and docks and routes commands.

Reading and comparing are the Loader's job (in workers); showing and keeping the
panes in step is the ComparisonView's. The window turns user commands into
requests to those two and remembers its geometry.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.ingest import SUPPORTED_SUFFIXES
from desktop.palette import Look
from desktop.paths import sample_path
from desktop.ui.actions import build_actions, retint
from desktop.ui.busy import BusyIndicator
from desktop.ui.claims_panel import ClaimsPanel
from desktop.ui.comparison_view import ComparisonView
from desktop.ui.correcting import Corrector
from desktop.ui.dialogs import LegendDialog, about, ask_url
from desktop.ui.document_pane import DocumentPane
from desktop.ui.drop import DropFilter, DropOverlay, sources_from_mime
from desktop.ui.find_bar import FindBar, Finder
from desktop.ui.icons import app_icon
from desktop.ui.link_map import LinkMap
from desktop.ui.loading import Loader, Prepared
from desktop.ui.menus import build_menus, build_toolbar, fill_recent
from desktop.ui.message_bar import MessageBar
from desktop.ui.navigation import is_absent, is_difference
from desktop.ui.session import Side
from desktop.ui.settings import DEFAULT_POINT_SIZE, Preferences
from desktop.ui.sources import Source, source_for_location
from desktop.ui.summary_bar import SummaryBar

EMPTY_HEADLINE = "Drop an article or an official readout to begin (Help → Open Sample Comparison)"
ZOOM_STEPS = (8.0, 9.0, 10.0, 11.0, 12.0, 13.0, 14.0, 16.0, 18.0, 20.0, 24.0, 28.0)
SentenceKey = tuple[int, int]


class MainWindow(QMainWindow):
    def __init__(self, preferences: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.setObjectName("readoutWindow")
        self.setWindowIcon(app_icon())
        self.look = Look.from_palette(self.palette())
        self.point_size = preferences.point_size()
        self.loader = Loader(self.look, self.point_size, self)

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
        self.view = ComparisonView(self.left, self.right, self.link_map, self.claims, self.look)
        self.summary = SummaryBar(self.look)
        self.message = MessageBar()
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
        self.drops.dropped.connect(lambda sources, side: self.open_sources(sources, Side(side)))

        text = self.palette().color(QPalette.ColorRole.WindowText)
        self.commands = build_actions(self, text, self.look.muted)
        self.corrector = Corrector(self.loader, self.view, self)
        self.busy = BusyIndicator(self.statusBar(), self.commands.cancel)
        self.menus = build_menus(self, self.commands, self.dock)
        build_toolbar(self, self.commands)
        self._fill_recent(preferences.recent())
        self._connect()
        self._restore()
        self._set_title()
        self.summary.set_headline(EMPTY_HEADLINE)
        self._update_enabled()

    # -- construction ----------------------------------------------------------------

    def _connect(self) -> None:
        a, loader, view = self.commands, self.loader, self.view
        a.open_official.triggered.connect(lambda: self._choose_files(Side.OFFICIAL))
        a.add_background.triggered.connect(lambda: self._choose_files(Side.ADDED))
        a.open_article.triggered.connect(lambda: self._choose_files(Side.WINDOW, single=True))
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
        a.focus_official.triggered.connect(lambda: self.left.current_view().setFocus())
        a.focus_background.triggered.connect(lambda: self.right.current_view().setFocus())
        a.focus_claims.triggered.connect(self._focus_claims)
        a.next_absent.triggered.connect(lambda: self.go_absent(forward=True))
        a.previous_absent.triggered.connect(lambda: self.go_absent(forward=False))
        a.next_difference.triggered.connect(lambda: self.go_difference(forward=True))
        a.previous_difference.triggered.connect(lambda: self.go_difference(forward=False))
        a.go_to_match.triggered.connect(self._go_to_match)
        a.next_tab.triggered.connect(lambda: self._cycle_tab(1))
        a.previous_tab.triggered.connect(lambda: self._cycle_tab(-1))
        a.legend.triggered.connect(self.show_legend)
        a.about.triggered.connect(lambda: about(self))
        a.open_sample.triggered.connect(self.open_sample)
        a.clear_recent.triggered.connect(self._clear_recent)
        loader.busy.connect(self._busy)
        loader.idle.connect(self._idle)
        self.corrector.changed.connect(self._corrected)
        self.corrector.said.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.menus.correct.aboutToShow.connect(
            lambda: self.corrector.fill_for_selection(self.menus.correct)
        )
        loader.ready.connect(self._show)
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
                view.menu_builder = self.corrector.populate
                view.zoomRequested.connect(self.zoom)

    # -- opening ---------------------------------------------------------------------

    def open_sources(self, sources: Sequence[Source], side: Side) -> None:
        self.message.hide()
        self.corrector.pending_link = None
        self.loader.open(sources, side)

    def open_paths(self, paths: Sequence[str]) -> None:
        """Command-line files: one is split as an article, several are ranked."""
        self.open_sources([source_for_location(p) for p in paths], Side.WINDOW)

    def open_sample(self) -> None:
        self.open_sources([Source.path(sample_path())], Side.WINDOW)

    def paste(self) -> None:
        mime = QGuiApplication.clipboard().mimeData()
        sources = sources_from_mime(mime) if mime is not None else []
        if not sources:
            self.message.show_error("The clipboard holds no text, web page or file to compare.")
            return
        self.open_sources(sources, Side.WINDOW)

    def _choose_files(self, side: Side, *, single: bool = False) -> None:
        patterns = " ".join(f"*{suffix}" for suffix in SUPPORTED_SUFFIXES)
        filters = f"Documents ({patterns});;All files (*)"
        titles = {
            Side.OFFICIAL: "Open Official Readout",
            Side.ADDED: "Add Background",
            Side.WINDOW: "Open Article to Split",
        }
        if single:
            path, _ = QFileDialog.getOpenFileName(self, titles[side], "", filters)
            paths = [path] if path else []
        else:
            paths, _ = QFileDialog.getOpenFileNames(self, titles[side], "", filters)
        if paths:
            self.open_sources([Source.path(p) for p in paths], side)

    def _open_url(self) -> None:
        url = ask_url(self)
        if url:
            self.open_sources([Source.url(url)], Side.WINDOW)

    def swap_sides(self) -> None:
        swapped = self.loader.session.swapped()
        if swapped is not None:
            self.loader.show(swapped)
            self.statusBar().showMessage("Swapped the official readout and the background.", 6000)

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
        comparison = prepared.comparison
        if comparison is not None:
            self.summary.set_headline(comparison.summary().headline())
        elif prepared.session.empty:
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

    def _remember(self, sources: list[Source]) -> None:
        entries = self.preferences.recent()
        for source in sources:
            if source.remembered:
                entries = self.preferences.add_recent(source.location)
        self._fill_recent(entries)

    def _fill_recent(self, entries: Sequence[str]) -> None:
        fill_recent(
            self.menus.recent, entries, lambda where: self.open_paths([where]), self.commands
        )

    def _clear_recent(self) -> None:
        self.preferences.clear_recent()
        self._fill_recent([])

    # -- selection, navigation, find --------------------------------------------------

    def go_absent(self, *, forward: bool) -> None:
        view = self.right.current_view()
        self._report_step(self.view.navigate(view, is_absent, forward=forward), "absent claims")

    def go_difference(self, *, forward: bool) -> None:
        left = self.left.current_view()
        view = left if left.hasFocus() else self.right.current_view()
        self._report_step(self.view.navigate(view, is_difference, forward=forward), "differences")

    def _report_step(self, wrapped: bool | None, what: str) -> None:
        if wrapped is None:
            self.statusBar().showMessage(f"No {what} here.", 5000)
        elif wrapped:
            self.statusBar().showMessage(f"Wrapped around: back to the first of the {what}.", 5000)

    def _go_to_match(self) -> None:
        if not self.view.go_to_partner():
            self.statusBar().showMessage("The selected sentence has no match.", 5000)

    def _cycle_tab(self, step: int) -> None:
        tabs = self.right.tabs
        if tabs.count() > 1:
            tabs.setCurrentIndex((tabs.currentIndex() + step) % tabs.count())

    def _focus_claims(self) -> None:
        self.dock.show()
        self.claims.table.setFocus()

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

    def show_legend(self) -> None:
        LegendDialog(self.look, self).exec()

    def _set_title(self) -> None:
        title = self.loader.session.title()
        self.setWindowTitle(f"{title} — Readout" if title else "Readout")

    def _update_enabled(self) -> None:
        a, session = self.commands, self.loader.session
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

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            look = Look.from_palette(self.palette())
            if look.page == self.look.page and look.text == self.look.text:
                return
            self.look = look
            _repolish()
            self.loader.look = look
            self.view.set_look(look)
            self.summary.set_look(look)
            text = self.palette().color(QPalette.ColorRole.WindowText)
            retint(self.commands, text, look.muted)

    # -- settings ----------------------------------------------------------------------

    def _restore(self) -> None:
        prefs = self.preferences
        geometry = prefs.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = self.screen().availableGeometry()
            self.resize(min(1400, int(screen.width() * 0.9)), min(900, int(screen.height() * 0.9)))
        state = prefs.window_state()
        if state is None or not self.restoreState(state):
            # The reading panes come first: the claims table gets a quarter of the height.
            self.resizeDocks([self.dock], [min(230, self.height() // 4)], Qt.Orientation.Vertical)
        splitter = prefs.splitter()
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([600, 64, 700])
        self.commands.sync_scroll.setChecked(prefs.sync_scrolling())
        self.view.sync = prefs.sync_scrolling()

    def save_settings(self) -> None:
        self.preferences.save_window(
            self.saveGeometry(), self.saveState(), self.splitter.saveState()
        )
        self.preferences.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.loader.cancel()
        self.save_settings()
        super().closeEvent(event)


def _repolish() -> None:
    """Style sheets resolve ``palette(...)`` when polished; re-polish after a palette change."""
    app = QApplication.instance()
    if isinstance(app, QApplication) and app.styleSheet():
        sheet = app.styleSheet()
        app.setStyleSheet("")
        app.setStyleSheet(sheet)
