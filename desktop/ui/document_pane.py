"""One side of the window: a header naming the side and the document, and its reading view(s).

The official side has one view; the background side has one tab per document.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSizePolicy,
    QTabBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.engine.vocabulary import Role
from desktop.palette import Look
from desktop.ui.document_view import DocumentView
from desktop.ui.drop import DropOverlay
from desktop.ui.side_legend import SideLegend

# The roles a background-side document can take, as its tab's role menu names them.
TAB_ROLES = {
    Role.BACKGROUND: "Background (reporting)",
    Role.COUNTERPART: "Counterpart readout",
    Role.VERSION: "Other version of the release",
}
_TAB_ROLE_SHORT = {
    Role.BACKGROUND: "background",
    Role.COUNTERPART: "counterpart",
    Role.VERSION: "version",
}


class ElidedLabel(QLabel):
    """A one-line label that ends in "…" (or loses its middle) when the pane is too
    narrow, instead of cutting a letter in half; ``full_text`` keeps the whole line."""

    def __init__(self, mode: Qt.TextElideMode) -> None:
        super().__init__()
        self.mode = mode
        self.full_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self.full_text = text
        self._elide()

    def _elide(self) -> None:
        width = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self.full_text, self.mode, width) if width > 0 else ""
        self.setText(shown or self.full_text)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


class DocumentPane(QFrame):
    currentViewChanged = Signal()
    roleChosen = Signal(int, str)  # tab index, Role value: from the tab's role menu

    def __init__(
        self,
        side_label: str,
        placeholder: str,
        look: Look,
        point_size: float,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("documentPane")
        self.look = look
        self.point_size = point_size
        self.placeholder = placeholder
        official = side_label.lower().startswith("official")
        self.side = QLabel(side_label.upper())
        self.side.setObjectName("paneSide")
        self.title = ElidedLabel(Qt.TextElideMode.ElideRight)
        self.title.setObjectName("paneTitle")
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # The middle goes first: the language at the start and the SHA-256 at the end stay.
        self.detail = ElidedLabel(Qt.TextElideMode.ElideMiddle)
        self.detail.setObjectName("paneDetail")
        self.copyable: dict[str, str] = {}  # "SHA-256" / "Source" → its full text
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._detail_menu)
        header = QFrame()
        header.setObjectName("paneHeader")
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 8, 14, 8)
        header_layout.setSpacing(1)
        side_row = QHBoxLayout()
        side_row.setContentsMargins(0, 0, 0, 0)
        side_row.addWidget(self.side)
        # A lone background has no tab bar (it hides itself), so its role button sits
        # here, beside the side's name; with two or more documents each tab has its own.
        self.header_role = self._role_button("paneRole")
        # The row's height stays the legend's: the two panes' titles stay level.
        self.header_role.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.header_role.setVisible(False)
        side_row.addSpacing(6)
        side_row.addWidget(self.header_role)
        side_row.addStretch(1)
        self.legend = SideLegend(official, look)
        side_row.addWidget(self.legend)
        header_layout.addLayout(side_row)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.detail)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabBarAutoHide(True)
        # A tab's name is a title: its start says what it is ("Modi, Biden d…").
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.currentChanged.connect(lambda _: self.currentViewChanged.emit())
        bar = self.tabs.tabBar()
        bar.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        bar.customContextMenuRequested.connect(self._tab_context_menu)
        self.role_buttons: dict[int, QToolButton] = {}  # tab index → its role button
        self._tab_roles: dict[int, Role] = {}  # tab index → the role it was shown with
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.tabs, 1)
        self.views: list[DocumentView] = []
        self.set_view_count(1)
        self.overlay = DropOverlay(self)

    def set_view_count(self, count: int) -> list[DocumentView]:
        count = max(1, count)
        while len(self.views) < count:
            view = DocumentView(self.look, self.point_size)
            view.empty_message = self.placeholder
            self.views.append(view)
            self.tabs.addTab(view, "")
        while len(self.views) > count:
            view = self.views.pop()
            self.set_tab_role(self.tabs.indexOf(view), None)
            self.tabs.removeTab(self.tabs.indexOf(view))
            view.deleteLater()
        self._sync_header_role()
        return self.views

    def set_tab_label(self, index: int, label: str, tooltip: str) -> None:
        self.tabs.setTabText(index, label)
        self.tabs.setTabToolTip(index, tooltip)

    def set_tab_role(self, index: int, role: Role | None) -> None:
        """Put a role button on tab ``index`` (a menu of the three roles, the current one
        checked), or take it away (``None``: the official side, single-article mode)."""
        bar = self.tabs.tabBar()
        old = self.role_buttons.pop(index, None)
        self._tab_roles.pop(index, None)
        if old is not None:
            bar.setTabButton(index, QTabBar.ButtonPosition.RightSide, None)
            old.deleteLater()
        if role is not None:
            button = self._role_button(f"tabRole{index}")
            self._show_role(button, index, role)
            bar.setTabButton(index, QTabBar.ButtonPosition.RightSide, button)
            self.role_buttons[index] = button
            self._tab_roles[index] = role
        self._sync_header_role()

    @staticmethod
    def _role_button(name: str) -> QToolButton:
        button = QToolButton()
        button.setObjectName(name)
        button.setAutoRaise(True)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setStyleSheet("QToolButton::menu-indicator { image: none; width: 0; }")
        return button

    def _show_role(self, button: QToolButton, index: int, role: Role) -> None:
        button.setText(f"{_TAB_ROLE_SHORT[role]} ▾")
        button.setToolTip(
            f"Role of this document: {TAB_ROLES[role]}. Click to change it; "
            "the comparison runs again in the new role."
        )
        old = button.menu()
        button.setMenu(self.role_menu(index, role, button))
        if old is not None:
            old.deleteLater()

    def _sync_header_role(self) -> None:
        """The header's role button: shown for a lone document that has a role."""
        role = self._tab_roles.get(0)
        lone = role is not None and self.tabs.count() == 1
        if lone and role is not None:
            self._show_role(self.header_role, 0, role)
        self.header_role.setVisible(lone)

    def role_menu(self, index: int, role: Role, parent: QWidget) -> QMenu:
        """“Background / Counterpart / Other version” for tab ``index``; one click on an
        unchecked role emits ``roleChosen``."""
        menu = QMenu("Role", parent)
        group = QActionGroup(menu)
        for choice, label in TAB_ROLES.items():
            action = QAction(label, menu)
            action.setCheckable(True)
            action.setChecked(choice is role)
            action.setData(choice.value)
            group.addAction(action)
            menu.addAction(action)
            action.triggered.connect(
                lambda _=False, value=choice.value: self._role_picked(index, value)
            )
        return menu

    def tab_role(self, index: int) -> Role | None:
        return self._tab_roles.get(index)

    def _role_picked(self, index: int, value: str) -> None:
        if self.tab_role(index) is not Role(value):
            self.roleChosen.emit(index, value)

    def _tab_context_menu(self, at: QPoint) -> None:
        bar = self.tabs.tabBar()
        index = bar.tabAt(at)
        role = self.tab_role(index)
        if index < 0 or role is None:
            return
        menu = QMenu(self)
        menu.addMenu(self.role_menu(index, role, menu))
        menu.exec(bar.mapToGlobal(at))

    def current_view(self) -> DocumentView:
        view = self.tabs.currentWidget()
        assert isinstance(view, DocumentView)
        return view

    def view_for(self, document_index: int) -> DocumentView | None:
        for view in self.views:
            if view.document_index == document_index:
                return view
        return None

    def show_view(self, view: DocumentView) -> None:
        self.tabs.setCurrentWidget(view)

    def set_header(
        self, title: str, detail: str, details: str = "", copyable: dict[str, str] | None = None
    ) -> None:
        """``detail`` is the line under the title (where the document came from);
        ``details`` its tooltip. The line is selectable, and its context menu copies each
        of ``copyable`` in full (the whole SHA-256, where the line shows its start)."""
        self.copyable = {name: text for name, text in (copyable or {}).items() if text}
        self.title.set_full_text(title)
        self.title.setToolTip(title)
        self.detail.set_full_text(detail)
        self.detail.setToolTip(details or detail)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setVisible(bool(detail))

    def detail_menu(self) -> QMenu:
        """Copy the line as shown, or any of its fields in full."""
        menu = QMenu(self)
        for name, text in {"Line": self.detail.full_text, **self.copyable}.items():
            action = menu.addAction(f"Copy {name}")
            action.triggered.connect(partial(_copy, text))
        return menu

    def _detail_menu(self, point: QPoint) -> None:
        menu = self.detail_menu()
        menu.exec(self.detail.mapToGlobal(point))
        menu.deleteLater()

    def set_look(self, look: Look) -> None:
        self.look = look
        self.legend.set_look(look)
        for view in self.views:
            view.look = look
            view.viewport().update()

    def set_point_size(self, size: float) -> None:
        self.point_size = size
        for view in self.views:
            view.set_point_size(size)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlay.setGeometry(self.rect())


def _copy(text: str) -> None:
    QApplication.clipboard().setText(text)
