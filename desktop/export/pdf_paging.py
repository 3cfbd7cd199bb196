"""Paragraphs split where the pages break, so no line is written into two pages.

Qt paints a page of a ``QTextDocument`` by drawing the whole document clipped to the
page's rectangle. ``QTextLayout::draw`` then starts from the last line that lies wholly
*above* the clip rather than the first one inside it, so a paragraph that runs across a
page break has its last line of the earlier page drawn again, clipped away, at the top
of the next page. The ink is invisible, but the PDF's text layer holds that line twice:
search finds it twice and copied text repeats it. Paragraphs that start on the page they
are drawn on have no line above the clip, so each paragraph the layout breaks across
pages is cut into two paragraphs at the break. The cut falls where the layout already
starts a new line and the two halves keep the paragraph's format without the margins
between them, so the laid-out pages look exactly as before.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QAbstractTextDocumentLayout, QTextBlock, QTextCursor, QTextDocument


def split_paragraphs_at_page_breaks(document: QTextDocument) -> int:
    """Cut every paragraph that spans a page break at the break; the number of cuts."""
    cuts = _page_break_positions(document)
    if not cuts:
        return 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position in reversed(cuts):
        cursor.setPosition(position)
        head = cursor.blockFormat()
        tail = cursor.blockFormat()
        tail.setTopMargin(0.0)
        cursor.insertBlock(tail, cursor.charFormat())
        head.setBottomMargin(0.0)
        cursor.movePosition(QTextCursor.MoveOperation.PreviousBlock)
        cursor.setBlockFormat(head)
    cursor.endEditBlock()
    # The incremental relayout after an edit can leave later blocks stale; start over.
    document.markContentsDirty(0, document.characterCount())
    return len(cuts)


def _page_break_positions(document: QTextDocument) -> list[int]:
    """Document positions of the first line of each page a paragraph continues on."""
    page = document.pageSize().height()
    if page <= 0:
        return []
    layout = document.documentLayout()
    cuts: list[int] = []
    block = document.firstBlock()
    while block.isValid():
        cuts.extend(_breaks_in(layout, block, page))
        block = block.next()
    return cuts


def _breaks_in(layout: QAbstractTextDocumentLayout, block: QTextBlock, page: float) -> list[int]:
    lines = block.layout()
    if lines is None or lines.lineCount() < 2:
        return []
    top = layout.blockBoundingRect(block).top()

    def page_of(index: int) -> int:
        line = lines.lineAt(index)
        return math.floor((top + line.y() + line.height() / 2) / page)

    breaks = []
    current = page_of(0)
    for index in range(1, lines.lineCount()):
        on = page_of(index)
        if on != current:
            breaks.append(block.position() + lines.lineAt(index).textStart())
            current = on
    return breaks
