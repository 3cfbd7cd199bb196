"""Menus that open inside the window: a context menu and each of its submenus.

Qt keeps a menu on the *screen*; on a large screen a submenu opened near the
window's right edge hangs outside the window, over whatever is beside it. Here a
menu is moved, as it is shown, to fit the window: a submenu that would overflow
on the right opens to the left of its parent instead, and any menu is clamped to
the window's edges.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QMenu, QWidget


class InsideWindow(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and isinstance(watched, QMenu):
            self.place(watched)
        return False

    def bounds(self) -> QRect:
        return QRect(self.window.mapToGlobal(QPoint(0, 0)), self.window.size())

    def place(self, menu: QMenu) -> None:
        bounds, geometry = self.bounds(), menu.geometry()
        x, y = geometry.x(), geometry.y()
        parent = menu.parentWidget()
        if geometry.right() > bounds.right():
            if isinstance(parent, QMenu) and parent.isVisible():
                x = parent.geometry().left() - geometry.width()  # the parent's other side
            else:
                x = bounds.right() - geometry.width() + 1
        x = max(bounds.left(), min(x, bounds.right() - geometry.width() + 1))
        y = max(bounds.top(), min(y, bounds.bottom() - geometry.height() + 1))
        if (x, y) != (geometry.x(), geometry.y()):
            menu.move(x, y)


def keep_inside(menu: QMenu, window: QWidget) -> QMenu:
    """``menu`` and every submenu it holds open inside ``window``."""
    keeper = window.findChild(InsideWindow) or InsideWindow(window)
    pending = [menu]
    while pending:
        current = pending.pop()
        current.installEventFilter(keeper)
        pending += [a.menu() for a in current.actions() if isinstance(a.menu(), QMenu)]  # type: ignore[misc]
    return menu


def popup_inside(menu: QMenu, window: QWidget, at: QPoint) -> QMenu:
    """Show ``menu`` at global ``at`` without blocking, inside ``window``."""
    keep_inside(menu, window)
    menu.popup(at)
    return menu
