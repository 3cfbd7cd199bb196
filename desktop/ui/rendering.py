"""Turn a document and its sentence results into a styled QTextDocument.

Runs in a worker thread (QTextDocument is reentrant) so a 1 MB article never
blocks the window; the finished document is moved to the GUI thread. The
QTextDocument's plain text is exactly ``Document.text``, so the engine's
offsets are the cursor positions, after one conversion: Qt counts UTF-16 code
units, Python counts code points.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Collection, Mapping, Sequence

from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextOption,
)

from desktop.engine.compare import SentenceResult
from desktop.engine.document import Span
from desktop.engine.vocabulary import Unit
from desktop.palette import UNDERLINE_STYLE, Look
from desktop.workspace.revision_marks import RevisionState

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
LINE_HEIGHT_PERCENT = 145
DOCUMENT_MARGIN = 30.0


class Offsets:
    """Python string offsets ↔ QTextDocument positions (they differ only past astral characters)."""

    def __init__(self, text: str) -> None:
        self._astral = [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_qt = [i + n for n, i in enumerate(self._astral)]

    def to_qt(self, offset: int) -> int:
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_qt(self, position: int) -> int:
        if not self._astral:
            return position
        return position - bisect_right(self._astral_qt, position - 1)


class SentenceIndex:
    """Which sentence holds a text position; built once per rendered document."""

    def __init__(self, sentences: Sequence[SentenceResult]) -> None:
        self._starts = [s.start for s in sentences]
        self._ends = [s.end for s in sentences]

    def at(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self._ends[i]:
            return i
        return None

    def nearest(self, offset: int) -> int | None:
        """The sentence at ``offset``, else the one after it, else the last one."""
        if not self._starts:
            return None
        found = self.at(offset)
        if found is not None:
            return found
        i = bisect_right(self._starts, offset)
        return min(i, len(self._starts) - 1)


def reading_font(point_size: float) -> QFont:
    font = QFont()
    font.setFamilies(
        ["Charter", "Source Serif 4", "Noto Serif", "Georgia", "DejaVu Serif", "serif"]
    )
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(point_size)
    return font


def sentence_format(sentence: SentenceResult, look: Look, *, underline: bool) -> QTextCharFormat:
    """Coverage tint and attribution line; a non-claim (dateline, caption, credit…) is grey
    and unmarked, the headline bold and tinted by its own coverage."""
    fmt = QTextCharFormat()
    if is_greyed(sentence):
        fmt.setBackground(Qt.BrushStyle.NoBrush)
        fmt.setForeground(look.muted)
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
        return fmt
    fmt.setForeground(look.text)
    fmt.setFontWeight(QFont.Weight.Bold if sentence.unit is Unit.HEADLINE else QFont.Weight.Normal)
    fmt.setBackground(look.tint[sentence.coverage])
    if underline:
        fmt.setUnderlineStyle(UNDERLINE_STYLE[sentence.attribution])
        fmt.setUnderlineColor(look.underline)
    else:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    return fmt


def is_greyed(sentence: SentenceResult) -> bool:
    """Shown grey: a non-claim other than the headline."""
    return not sentence.is_claim and sentence.unit is not Unit.HEADLINE


def cue_format(look: Look) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFontItalic(True)
    fmt.setForeground(look.cue)
    return fmt


def style_sentences(
    document: QTextDocument,
    offsets: Offsets,
    sentences: Collection[SentenceResult],
    look: Look,
    *,
    official: bool = False,
) -> None:
    """Apply coverage tint, attribution underline and cue style to ``sentences`` in place.

    The official readout is official throughout, so its sentences get no underline.
    """
    _apply_formats(
        document,
        offsets,
        sentences,
        look,
        lambda sentence: sentence_format(sentence, look, underline=not official),
    )


def _apply_formats(
    document: QTextDocument,
    offsets: Offsets,
    sentences: Collection[SentenceResult],
    look: Look,
    format_of: Callable[[SentenceResult], QTextCharFormat],
) -> None:
    """Each sentence's format, then the cue style on its cue (not on greyed lines)."""
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cue = cue_format(look)
    for sentence in sentences:
        cursor.setPosition(offsets.to_qt(sentence.start))
        cursor.setPosition(offsets.to_qt(sentence.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(format_of(sentence))
        if sentence.cue is not None and not is_greyed(sentence):
            cursor.setPosition(offsets.to_qt(sentence.cue.start))
            cursor.setPosition(offsets.to_qt(sentence.cue.end), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(cue)
    cursor.endEditBlock()


def revision_format(
    sentence: SentenceResult, state: RevisionState | None, look: Look
) -> QTextCharFormat:
    """A version's sentence: tinted by how the official readout has it (reworded, not
    kept), plain when kept as is; never a coverage tint or an attribution line (a
    version is the release itself, not reporting)."""
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.NoUnderline)
    fmt.setForeground(look.muted if is_greyed(sentence) else look.text)
    fmt.setFontWeight(QFont.Weight.Bold if sentence.unit is Unit.HEADLINE else QFont.Weight.Normal)
    if state is RevisionState.REWORDED:
        fmt.setBackground(look.reworded)
    elif state is RevisionState.NOT_KEPT:
        fmt.setBackground(look.not_kept)
    else:
        fmt.setBackground(Qt.BrushStyle.NoBrush)
    return fmt


def style_revisions(
    document: QTextDocument,
    offsets: Offsets,
    sentences: Collection[SentenceResult],
    states: Mapping[int, RevisionState],
    look: Look,
) -> None:
    """Style a version's pane by revision state in place (see ``revision_format``)."""
    _apply_formats(
        document,
        offsets,
        sentences,
        look,
        lambda sentence: revision_format(sentence, states.get(sentence.index), look),
    )


def underline_shift_words(
    document: QTextDocument, offsets: Offsets, spans: Collection[Span], look: Look
) -> None:
    """A wavy line under the words that carry a shift (the lens), on top of the sentence's
    own style: the attribution underline keeps its solid/dashed/dotted meaning elsewhere."""
    if not spans:
        return
    fmt = QTextCharFormat()
    fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
    fmt.setUnderlineColor(look.text)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for span in spans:
        cursor.setPosition(offsets.to_qt(span.start))
        cursor.setPosition(offsets.to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)
    cursor.endEditBlock()


def post_blocks(
    document: QTextDocument, offsets: Offsets, sentences: Sequence[SentenceResult]
) -> set[int]:
    """The text blocks (block numbers) of each embedded post: its signature line's block and
    the lines right above it that the engine gave the post's attribution, up to a blank
    line or the lead-in that ends with a colon ("Jaishankar wrote on X:")."""
    by_block: dict[int, list[SentenceResult]] = {}
    for sentence in sentences:
        number = document.findBlock(offsets.to_qt(sentence.start)).blockNumber()
        by_block.setdefault(number, []).append(sentence)
    found: set[int] = set()
    for sentence in sentences:
        if sentence.unit is not Unit.SIGNATURE:
            continue
        block = document.findBlock(offsets.to_qt(sentence.start))
        found.add(block.blockNumber())
        above = block.previous()
        for _ in range(4):
            members = by_block.get(above.blockNumber(), [])
            if (
                not above.isValid()
                or not above.text().strip()
                or above.text().rstrip().endswith(":")
                or not members
                or any(
                    m.unit is not Unit.SIGNATURE and m.attribution is not sentence.attribution
                    for m in members
                )
            ):
                break
            found.add(above.blockNumber())
            above = above.previous()
    return found


def indent_posts(
    document: QTextDocument,
    offsets: Offsets,
    sentences: Sequence[SentenceResult],
    point_size: float,
) -> None:
    """Set an embedded post off from the article's own text, as the page does: indented."""
    cursor = QTextCursor(document)
    for number in sorted(post_blocks(document, offsets, sentences)):
        block = document.findBlockByNumber(number)
        fmt = block.blockFormat()
        fmt.setLeftMargin(point_size * 2.0)
        cursor.setPosition(block.position())
        cursor.setBlockFormat(fmt)


def clear_styles(document: QTextDocument) -> None:
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.setCharFormat(QTextCharFormat())


def build_document(
    text: str,
    sentences: Sequence[SentenceResult],
    look: Look,
    point_size: float,
    gui_thread: QThread | None = None,
    *,
    official: bool = False,
) -> QTextDocument:
    """A styled, read-only-ready QTextDocument for ``text``; moved to ``gui_thread`` if given."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    document.setDefaultFont(reading_font(point_size))
    document.setDocumentMargin(DOCUMENT_MARGIN)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    document.setDefaultTextOption(option)
    document.setPlainText(text)
    block = QTextBlockFormat()
    block.setLineHeight(LINE_HEIGHT_PERCENT, 1)  # QTextBlockFormat.ProportionalHeight
    block.setBottomMargin(point_size * 0.9)
    cursor = QTextCursor(document)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(block)
    # A blank line between paragraphs would double the paragraph spacing; shrink it.
    blank = QTextBlockFormat()
    blank.setLineHeight(point_size * 0.4, 2)  # QTextBlockFormat.FixedHeight
    blank.setBottomMargin(0)
    line = document.firstBlock()
    while line.isValid():
        if line.length() <= 1:
            cursor.setPosition(line.position())
            cursor.setBlockFormat(blank)
        line = line.next()
    if sentences:
        style_sentences(document, Offsets(text), sentences, look, official=official)
        indent_posts(document, Offsets(text), sentences, point_size)
    if gui_thread is not None and document.thread() is not gui_thread:
        document.moveToThread(gui_thread)
    return document
