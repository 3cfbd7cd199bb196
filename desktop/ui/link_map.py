"""The strip between the panes that joins matched sentences with bands, as Meld does.

Only links with at least one end in view are drawn; an end out of view is
placed just past the top or bottom edge, so bands slope off the strip and
cross each other when the article reorders the readout.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPainterPath, QPaintEvent, QPalette, QPen
from PySide6.QtWidgets import QWidget

from desktop.palette import OKABE_ITO, Look, mix
from desktop.ui.document_view import DocumentView
from desktop.workspace.links import Band, Link, bands_of

MAX_HALF_VISIBLE = 120
MANY_BANDS = 24  # past this many bands in view, only the selection's neighbourhood is drawn
NEIGHBOURHOOD = 3  # sentences either side of the selected pair
Span = tuple[float, float]  # top and bottom of a sentence on the strip


class LinkMap(QWidget):
    linkClicked = Signal(int, int)  # left sentence, right sentence

    def __init__(self, look: Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self.left: DocumentView | None = None
        self.right: DocumentView | None = None
        self.links: tuple[Link, ...] = ()
        self._by_left: dict[int, list[Link]] = {}
        self._by_right: dict[int, list[Link]] = {}
        self.selected: tuple[int, int] | None = None
        self._paths: list[tuple[QPainterPath, Link]] = []
        # Against a version of the release: the right-hand sentences reworded in the
        # official readout (orange); the other bands are kept sentences (neutral), not
        # coverage. None: bands by coverage.
        self.reworded: frozenset[int] | None = None
        self.setMinimumWidth(44)
        self.setSizePolicy(self.sizePolicy().horizontalPolicy(), self.sizePolicy().verticalPolicy())
        self.setToolTip("Links between matched sentences; click a band to select the pair")
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def sizeHint(self) -> QSize:
        return QSize(64, 400)

    def set_views(self, left: DocumentView, right: DocumentView) -> None:
        for view in (self.left, self.right):
            if view is not None:
                with contextlib.suppress(RuntimeError, TypeError):
                    view.scrolled.disconnect(self.update)
        self.left, self.right = left, right
        left.scrolled.connect(self.update)
        right.scrolled.connect(self.update)
        self.update()

    def set_links(self, links: Sequence[Link]) -> None:
        self.links = tuple(links)
        self._by_left = {}
        self._by_right = {}
        for link in self.links:
            self._by_left.setdefault(link.left, []).append(link)
            self._by_right.setdefault(link.right, []).append(link)
        self.update()

    def _offset(self, view: DocumentView) -> float:
        """Vertical distance from this strip's top to ``view``'s viewport top."""
        origin = self.mapTo(self.window(), QPoint(0, 0)).y()
        return float(view.viewport().mapTo(self.window(), QPoint(0, 0)).y() - origin)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), self.palette().color(QPalette.ColorRole.Window))
        self._paths = []
        left, right = self.left, self.right
        left_visible = left.visible_sentences() if left is not None else None
        right_visible = right.visible_sentences() if right is not None else None
        if left is None or right is None or left_visible is None or right_visible is None:
            painter.end()
            return
        both: list[Link] = []
        one: list[Link] = []
        for index in range(left_visible[0], left_visible[1] + 1):
            for link in self._by_left.get(index, ()):
                in_right = right_visible[0] <= link.right <= right_visible[1]
                (both if in_right else one).append(link)
        for index in range(right_visible[0], right_visible[1] + 1):
            for link in self._by_right.get(index, ()):
                if not left_visible[0] <= link.left <= left_visible[1]:
                    one.append(link)
        if len(one) > MAX_HALF_VISIBLE:
            # A long document can link one visible sentence to hundreds off screen;
            # the strongest links say enough and keep painting fast.
            one = sorted(one, key=lambda link: -link.score)[:MAX_HALF_VISIBLE]
        ends = _Ends(
            left, self._offset(left), left_visible, right, self._offset(right), right_visible
        )
        width = float(self.width())
        # Never outside the column: the strip's part beside the two reading viewports.
        top = min(self._offset(left), self._offset(right))
        bottom = max(
            self._offset(left) + left.viewport().height(),
            self._offset(right) + right.viewport().height(),
        )
        painter.setClipRect(QRectF(0, top, width, bottom - top))
        selected: list[tuple[QPainterPath, Link]] = []
        for band in self._neighbourhood(bands_of(one + both)):
            l_top = ends.left_band(band.left_first)[0]
            l_bottom = ends.left_band(band.left_last)[1]
            r_top = ends.right_band(band.right_first)[0]
            r_bottom = ends.right_band(band.right_last)[1]
            path = _band(width, l_top, l_bottom, r_top, r_bottom)
            held = self.selected is not None and band.holds(*self.selected)
            link = band.links[0]
            if held and self.selected is not None:
                link = next(k for k in band.links if (k.left, k.right) == self.selected)
            shown = link._replace(score=band.score)
            self._paths.append((path, link))
            if held:
                selected.append((path, shown))
            else:
                self._draw(painter, path, shown, selected=False)
        for path, link in selected:
            self._draw(painter, path, link, selected=True)
        painter.end()

    def _neighbourhood(self, bands: Sequence[Band]) -> Sequence[Band]:
        """Every band while they are few; past ``MANY_BANDS``, those near the selected pair
        (or, with nothing selected, the strongest), so the strip stays readable."""
        if len(bands) <= MANY_BANDS:
            return bands
        if self.selected is None:
            return sorted(bands, key=lambda band: -band.score)[:MANY_BANDS]
        left, right = self.selected
        return [
            band
            for band in bands
            if band.left_first - NEIGHBOURHOOD <= left <= band.left_last + NEIGHBOURHOOD
            or band.right_first - NEIGHBOURHOOD <= right <= band.right_last + NEIGHBOURHOOD
        ]

    def set_reworded(self, reworded: frozenset[int] | None) -> None:
        """Colour the bands by revision (``reworded`` right-hand sentences) or, with None,
        by coverage."""
        if reworded != self.reworded:
            self.reworded = reworded
            self.update()

    def _colour(self, link: Link) -> QColor:
        if self.reworded is None:
            return self.look.strong[link.coverage]
        if link.right in self.reworded:  # the orange of the tab's reworded tint, stronger
            return mix(self.look.page, QColor(OKABE_ITO["orange"]), 0.7)
        return mix(self.look.page, self.look.text, 0.3)  # kept: neutral

    def _draw(self, painter: QPainter, path: QPainterPath, link: Link, *, selected: bool) -> None:
        base = self._colour(link)
        fill = QColor(base)
        fill.setAlphaF(0.85 if selected else 0.35 + 0.4 * max(0.0, min(1.0, link.score)))
        edge = QColor(self.look.selection if selected else base.darker(130))
        pen = QPen(edge, 2.0 if selected else 1.0)
        if link.corrected:
            pen.setColor(self.look.corrected)
            pen.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawPath(path)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = QPointF(event.position())
        for path, link in reversed(self._paths):
            if path.contains(point):
                self.linkClicked.emit(link.left, link.right)
                return
        super().mousePressEvent(event)

    def set_look(self, look: Look) -> None:
        self.look = look
        self.update()


class _Ends:
    """Where each linked sentence sits on the strip's edges, computed once per paint."""

    def __init__(
        self,
        left: DocumentView,
        left_offset: float,
        left_visible: tuple[int, int],
        right: DocumentView,
        right_offset: float,
        right_visible: tuple[int, int],
    ) -> None:
        self._sides: dict[bool, tuple[DocumentView, float, tuple[int, int], dict[int, Span]]] = {
            True: (left, left_offset, left_visible, {}),
            False: (right, right_offset, right_visible, {}),
        }

    def left_band(self, index: int) -> tuple[float, float]:
        return self._band(True, index)

    def right_band(self, index: int) -> tuple[float, float]:
        return self._band(False, index)

    def _band(self, is_left: bool, index: int) -> tuple[float, float]:
        view, offset, visible, cache = self._sides[is_left]
        if index < visible[0]:
            return offset - 40.0, offset - 30.0
        if index > visible[1]:
            bottom = offset + view.viewport().height()
            return bottom + 30.0, bottom + 40.0
        found = cache.get(index)
        if found is None:
            top, bottom = view.sentence_band(index)
            found = cache[index] = (offset + top, offset + max(bottom, top + 4))
        return found


def _band(
    width: float, l_top: float, l_bottom: float, r_top: float, r_bottom: float
) -> QPainterPath:
    """A band with curved edges from the left span to the right span (Meld's link shape)."""
    mid = width / 2
    path = QPainterPath(QPointF(0, l_top))
    path.cubicTo(QPointF(mid, l_top), QPointF(mid, r_top), QPointF(width, r_top))
    path.lineTo(QPointF(width, r_bottom))
    path.cubicTo(QPointF(mid, r_bottom), QPointF(mid, l_bottom), QPointF(0, l_bottom))
    path.closeSubpath()
    return path
