"""The menu bar, the toolbar and the Open Recent menu."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from desktop.naming import recent_label
from desktop.ui.actions import Actions
from desktop.ui.settings import RecentFile


@dataclass
class Menus:
    recent: QMenu
    correct: QMenu
    session: QMenu


def _dock_toggle(dock: QDockWidget, key: str, tip: str, label: str) -> None:
    toggle = dock.toggleViewAction()
    toggle.setShortcut(key)
    toggle.setStatusTip(tip)
    toggle.setToolTip(f"{label} ({key})")


def build_menus(
    window: QMainWindow, a: Actions, claims: QDockWidget, sessions: QDockWidget
) -> Menus:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addAction(a.new_session)
    file.addSeparator()
    for action in (a.open_official, a.add_background, a.open_article, a.open_url):
        file.addAction(action)
    recent = file.addMenu("Open &Recent")
    recent.setToolTipsVisible(True)
    file.addSeparator()
    file.addAction(a.paste)
    file.addSeparator()
    for action in (a.import_session, a.export_session, a.export_pdf):
        file.addAction(action)
    file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu("&Edit")
    edit.addAction(a.undo_correction)
    correct = edit.addMenu("&Correct Selected Sentence")
    edit.addAction(a.note)
    edit.addSeparator()
    for action in (a.find, a.find_next, a.find_previous):
        edit.addAction(action)
    edit.addSeparator()
    edit.addAction(a.swap)
    edit.addAction(a.recompare)
    edit.addSeparator()
    edit.addAction(a.preferences)
    view = bar.addMenu("&View")
    for action in (a.zoom_in, a.zoom_out, a.zoom_reset):
        view.addAction(action)
    view.addSeparator()
    view.addAction(a.sync_scroll)
    _dock_toggle(claims, "F9", "Show or hide the table of all claims", "Claims table")
    _dock_toggle(sessions, "F8", "Show or hide the list of saved sessions", "Sessions")
    view.addAction(sessions.toggleViewAction())
    view.addAction(claims.toggleViewAction())
    view.addSeparator()
    for action in (a.focus_official, a.focus_background, a.focus_claims):
        view.addAction(action)
    view.addSeparator()
    themes = view.addMenu("&Theme")
    for action in (a.theme_system, a.theme_light, a.theme_dark):
        themes.addAction(action)
    pages = view.addMenu("PDF &Page Size")
    pages.addAction(a.page_a4)
    pages.addAction(a.page_letter)
    session = bar.addMenu("&Session")
    for action in (a.new_session, a.rename_session, a.duplicate_session, a.delete_session):
        session.addAction(action)
    session.addSeparator()
    session.addAction(a.session_note)
    session.addSeparator()
    for action in (a.import_session, a.export_session, a.export_pdf):
        session.addAction(action)
    go = bar.addMenu("&Go")
    for action in (a.next_absent, a.previous_absent, a.next_difference, a.previous_difference):
        go.addAction(action)
    go.addSeparator()
    for action in (a.go_to_match, a.next_tab, a.previous_tab):
        go.addAction(action)
    help_menu = bar.addMenu("&Help")
    for action in (a.legend, a.open_sample, a.about):
        help_menu.addAction(action)
    window.addAction(a.cancel)  # Esc works without a menu entry
    return Menus(recent=recent, correct=correct, session=session)


def build_toolbar(window: QMainWindow, a: Actions) -> None:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    groups = (
        (a.open_official, a.add_background, a.open_url, a.paste),
        (a.swap, a.recompare),
        (a.previous_absent, a.next_absent, a.previous_difference, a.next_difference),
        (a.sync_scroll, a.find),
    )
    for number, group in enumerate(groups):
        if number:
            toolbar.addSeparator()
        for action in group:
            toolbar.addAction(action)


def fill_recent(
    menu: QMenu, entries: Sequence[RecentFile], open_location: Callable[[str], None], a: Actions
) -> None:
    """Each entry as ``Title — folder`` (named from the document, ``desktop.naming``), the
    full path or address in its tooltip."""
    menu.clear()
    for number, entry in enumerate(entries, start=1):
        location = entry.location
        label = recent_label(location, entry.title).replace("&", "&&")
        action = menu.addAction(f"&{number % 10} {label}")
        action.setToolTip(location)
        action.setStatusTip(f"Open {location} (one article is split, as when dropped)")
        action.triggered.connect(lambda _=False, where=location: open_location(where))
    menu.addSeparator()
    menu.addAction(a.clear_recent)
    menu.setEnabled(bool(entries))
