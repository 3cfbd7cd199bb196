"""Every command of the window as a QAction with its shortcut, tooltip and status-bar hint."""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtGui import QAction, QActionGroup, QColor, QKeySequence
from PySide6.QtWidgets import QWidget

from desktop.ui.icons import themed_icon

Key = QKeySequence.StandardKey


@dataclass
class Actions:
    open_official: QAction
    add_background: QAction
    open_article: QAction
    open_url: QAction
    paste: QAction
    clear_recent: QAction
    quit: QAction
    undo_correction: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    swap: QAction
    recompare: QAction
    cancel: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    sync_scroll: QAction
    focus_official: QAction
    focus_background: QAction
    focus_claims: QAction
    next_absent: QAction
    previous_absent: QAction
    next_difference: QAction
    previous_difference: QAction
    go_to_match: QAction
    next_tab: QAction
    previous_tab: QAction
    legend: QAction
    about: QAction
    open_sample: QAction
    new_session: QAction
    rename_session: QAction
    duplicate_session: QAction
    delete_session: QAction
    session_note: QAction
    import_session: QAction
    export_session: QAction
    export_pdf: QAction
    note: QAction
    page_a4: QAction
    page_letter: QAction
    theme_system: QAction
    theme_light: QAction
    theme_dark: QAction
    preferences: QAction

    def all(self) -> list[QAction]:
        return [getattr(self, f.name) for f in fields(self)]


# name: (text, shortcuts, status tip, icon)
_SPECS: dict[str, tuple[str, list[QKeySequence | Key | str], str, str | None]] = {
    "open_official": (
        "Open &Official Readout…",
        [Key.Open],
        "Open the official statement (readout, press release) for the left side",
        "open-official",
    ),
    "add_background": (
        "&Add Background…",
        ["Ctrl+Shift+O"],
        "Add a news article or other reporting to compare with the official readout",
        "add-background",
    ),
    "open_article": (
        "Open Article to &Split…",
        ["Ctrl+Alt+O"],
        "Open one article: what it attributes to the official statement goes left, the rest right",
        None,
    ),
    "open_url": (
        "Open &Web Page…",
        ["Ctrl+L"],
        "Fetch a web page (official release or article) and add it to the comparison",
        "open-url",
    ),
    "paste": (
        "&Paste",
        [Key.Paste],
        "Paste text, a web page selection, a link or files, as if dropped on the window",
        "paste",
    ),
    "clear_recent": ("&Clear Recent", [], "Forget the list of recently opened files", None),
    "quit": ("&Quit", [Key.Quit, "Ctrl+Q"], "Close Readout", None),
    "undo_correction": (
        "&Undo Correction",
        [Key.Undo],
        "Take back your last correction of an attribution, a coverage or a link",
        None,
    ),
    "find": ("&Find…", [Key.Find], "Find words in both the readout and the background", "find"),
    "find_next": (
        "Find &Next",
        [Key.FindNext],
        "Go to the next place the search words occur",
        None,
    ),
    "find_previous": (
        "Find Pre&vious",
        [Key.FindPrevious],
        "Go to the previous place the search words occur",
        None,
    ),
    "swap": (
        "S&wap Sides",
        ["Ctrl+Shift+X"],
        "Exchange the official readout and the background document",
        "swap",
    ),
    "recompare": (
        "&Recompare",
        ["F5"],
        "Run the comparison again (your corrections are kept)",
        "recompare",
    ),
    "cancel": ("&Cancel", ["Esc"], "Stop fetching or comparing and keep what is shown", None),
    "zoom_in": ("Zoom &In", [Key.ZoomIn, "Ctrl+="], "Larger text in both panes", None),
    "zoom_out": ("Zoom &Out", [Key.ZoomOut], "Smaller text in both panes", None),
    "zoom_reset": ("&Normal Size", ["Ctrl+0"], "Text back to its normal size", None),
    "sync_scroll": (
        "S&ynchronise Scrolling",
        ["Ctrl+Shift+L"],
        "Scroll the other pane along, keeping matched sentences side by side",
        "sync-scroll",
    ),
    "focus_official": (
        "Official &Readout",
        ["Ctrl+1"],
        "Move the keyboard focus to the left",
        None,
    ),
    "focus_background": ("&Background", ["Ctrl+2"], "Move the keyboard focus to the right", None),
    "focus_claims": ("&Claims Table", ["Ctrl+3"], "Move the keyboard focus to the claims", None),
    "next_absent": (
        "Next &Absent Claim",
        ["F7"],
        "Select the next background claim that the official readout does not contain",
        "next-absent",
    ),
    "previous_absent": (
        "Previous Absent C&laim",
        ["Shift+F7"],
        "Select the previous background claim that the official readout does not contain",
        "previous-absent",
    ),
    "next_difference": (
        "&Next Difference",
        ["Alt+Down"],
        "Select the next sentence in this pane that the other side lacks or reports differently",
        "next-difference",
    ),
    "previous_difference": (
        "&Previous Difference",
        ["Alt+Up"],
        "Select the previous sentence in this pane that the other side lacks or reports differently",
        "previous-difference",
    ),
    "go_to_match": (
        "Go to &Match",
        ["Ctrl+J"],
        "Jump to the sentence linked with the selected one, in the other pane",
        None,
    ),
    "next_tab": (
        "Next Background &Tab",
        [Key.NextChild],
        "Show the next background document",
        None,
    ),
    "previous_tab": (
        "Previous Background Ta&b",
        [Key.PreviousChild],
        "Show the previous background document",
        None,
    ),
    "legend": ("&Legend", [Key.HelpContents], "What the colours, lines and marks mean", None),
    "about": ("&About Readout", [], "Version and credits", None),
    "open_sample": (
        "Open &Sample Comparison",
        [],
        "Show the bundled sample article, split into readout and reporting",
        None,
    ),
    "new_session": (
        "&New Session",
        [Key.New],
        "Start an empty session; the open one stays in the sessions list",
        None,
    ),
    "rename_session": (
        "&Rename Session…",
        ["F2"],
        "Give the open session (or the one selected in the list) a title of your own",
        None,
    ),
    "duplicate_session": (
        "D&uplicate Session",
        [],
        "Copy the open session, with its corrections and notes, and open the copy",
        None,
    ),
    "delete_session": (
        "&Delete Session",
        [],
        "Delete the open session from the list (Undo follows in the message bar)",
        None,
    ),
    "session_note": (
        "Session &Note…",
        ["Ctrl+Shift+N"],
        "Write a note on the whole session (in the sessions sidebar)",
        None,
    ),
    "import_session": (
        "&Import Session…",
        ["Ctrl+Shift+I"],
        "Add a .readout session file (from a colleague or a backup) to the list and open it",
        None,
    ),
    "export_session": (
        "E&xport Session…",
        ["Ctrl+Shift+S"],
        "Save the open session as a .readout file a colleague can import",
        None,
    ),
    "export_pdf": (
        "Export &PDF…",
        ["Ctrl+Shift+E"],
        "Write the comparison, with your corrections and notes, as a PDF for a briefing",
        None,
    ),
    "note": (
        "&Note on Selected Sentence…",
        ["Ctrl+Alt+M"],
        "Add or edit your note on the selected sentence",
        None,
    ),
    "theme_system": ("&System", [], "Follow the desktop's light or dark setting", None),
    "theme_light": ("&Light", [], "Light window, whatever the desktop uses", None),
    "theme_dark": ("&Dark", [], "Dark window, whatever the desktop uses", None),
    "preferences": (
        "Pre&ferences…",
        [Key.Preferences, "Ctrl+,"],
        "Ignore rules for comparing, theme, PDF page size, default export folder",
        None,
    ),
    "page_a4": ("A&4", [], "Export PDFs on A4 paper", None),
    "page_letter": ("US &Letter", [], "Export PDFs on US Letter paper", None),
}


def build_actions(parent: QWidget, ink: QColor, disabled: QColor) -> Actions:
    made: dict[str, QAction] = {}
    for name, (text, keys, tip, icon) in _SPECS.items():
        action = QAction(text, parent)
        sequences: list[QKeySequence] = []
        for key in keys:
            if isinstance(key, QKeySequence.StandardKey):
                sequences.extend(QKeySequence.keyBindings(key))
            else:
                sequences.append(QKeySequence(key))
        unique: list[QKeySequence] = []
        for sequence in sequences:
            if not sequence.isEmpty() and sequence not in unique:
                unique.append(sequence)
        action.setShortcuts(unique)
        label = text.replace("&", "").rstrip("…")
        shown = unique[0].toString(QKeySequence.SequenceFormat.NativeText) if unique else ""
        action.setToolTip(f"{label} ({shown})" if shown else label)
        action.setStatusTip(tip)
        if icon:
            action.setIcon(themed_icon(icon, ink, disabled))
        made[name] = action
    actions = Actions(**made)
    actions.sync_scroll.setCheckable(True)
    pages = QActionGroup(parent)
    for action in (actions.page_a4, actions.page_letter):
        action.setCheckable(True)
        pages.addAction(action)
    themes = QActionGroup(parent)
    for action in (actions.theme_system, actions.theme_light, actions.theme_dark):
        action.setCheckable(True)
        themes.addAction(action)
    return actions


def retint(actions: Actions, ink: QColor, disabled: QColor) -> None:
    """Redraw the icons after a palette change (dark mode)."""
    for name, (_, _, _, icon) in _SPECS.items():
        if icon:
            getattr(actions, name).setIcon(themed_icon(icon, ink, disabled))
