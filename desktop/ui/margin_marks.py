"""The marks in a pane's margins: ✎ left of a corrected sentence, ✱ right of a noted one,
the lens's shift (↑ ↓ ~ ◆ ✕) right of a shifted pair, below the ✱ when both, and a
revision's mark (+ added, ± reworded, − removed here) left, below the ✎ when both.

The document's own margin (``rendering.DOCUMENT_MARGIN``) leaves room on both sides,
so a mark never covers text; each sits beside the sentence's first line.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter

from desktop.palette import OKABE_ITO, Look

CORRECTED_MARK = "✎"
NOTE_MARK = "✱"
MARK_WIDTH = 20.0
Band = Callable[[int], tuple[float, float]]  # sentence → top and bottom in the viewport


def note_colour(look: Look) -> QColor:
    """Okabe-Ito's reddish purple, darkened on a light page so a small glyph reads."""
    base = QColor(OKABE_ITO["reddish_purple"])
    return base.lighter(115) if look.dark else base.darker(150)


def paint_margin_marks(
    painter: QPainter,
    *,
    look: Look,
    point_size: float,
    width: int,
    visible: tuple[int, int] | None,
    band: Band,
    corrected: Collection[int],
    noted: Collection[int],
    shifted: Mapping[int, str] | None = None,
    revised: Mapping[int, str] | None = None,
) -> None:
    shifted = shifted or {}
    revised = revised or {}
    if visible is None or not (corrected or noted or shifted or revised):
        return
    font = QFont()
    font.setPointSizeF(max(9.0, point_size))
    font.setBold(True)
    painter.setFont(font)
    first, last = visible
    marks = (
        (corrected, 7.0, look.corrected, CORRECTED_MARK),  # clear of the selection bar (x 2–5)
        (noted, width - MARK_WIDTH - 5.0, note_colour(look), NOTE_MARK),
    )
    for indexes, x, colour, glyph in marks:
        painter.setPen(colour)
        for index in indexes:
            if first <= index <= last:
                top, bottom = band(index)
                painter.drawText(
                    QRectF(x, top, MARK_WIDTH, min(bottom - top, 30.0)),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter,
                    glyph,
                )
    painter.setPen(look.text)
    # A shift's mark under the note's on the right, a revision's under the correction's
    # on the left.
    beside = ((shifted, width - MARK_WIDTH - 5.0, noted), (revised, 7.0, corrected))
    for glyphs, x, above in beside:
        for index, glyph in glyphs.items():
            if first <= index <= last:
                top, bottom = band(index)
                if index in above:
                    top += 18.0
                painter.drawText(
                    QRectF(x, top, MARK_WIDTH, min(bottom - top, 30.0)),
                    Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                    glyph,
                )
