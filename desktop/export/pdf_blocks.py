"""Shared pieces of the PDF's text: the export's context, paragraphs, sentences with their marks.

Sentence text is inserted slice by slice straight from ``Document.text`` using the
engine's offsets (sentence, cue, differing words), so the PDF marks exactly what
the window marks; line breaks inside a slice become spaces one for one.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from itertools import pairwise
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
)

from desktop.engine.compare import Comparison
from desktop.engine.corrections import CorrectedComparison, Field
from desktop.engine.counterpart_ties import counterpart_line, shown_tie
from desktop.engine.document import Span
from desktop.engine.vocabulary import Attribution, Coverage, Unit
from desktop.export.pdf_rows import sentence_label
from desktop.export.pdf_style import ATTRIBUTION_LABEL, SMALL_PT, TEXT_PT, PrintLook, pt

_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})
NOTE_MARK = "✱"
CORRECTED_MARK = "✎"


class NoteLike(Protocol):
    """A user's note: on a sentence, on a whole document (``sentence`` None) or on the session
    (``document`` None). ``PdfNote`` is one; the sessions layer's own type may be another."""

    @property
    def document(self) -> int | None: ...

    @property
    def sentence(self) -> int | None: ...

    @property
    def text(self) -> str: ...


@dataclass
class Context:
    """Everything one export reads, plus caches of the formats it builds."""

    comparison: Comparison
    look: PrintLook
    title: str
    exported_at: datetime
    notes: Sequence[NoteLike] = ()
    headings: list[int] = field(default_factory=list)  # block numbers to keep with what follows
    sentence_notes: dict[tuple[int, int], list[str]] = field(init=False)
    document_notes: dict[int | None, list[str]] = field(init=False)  # None: the session
    _formats: dict[tuple[object, ...], QTextCharFormat] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.sentence_notes = {}
        self.document_notes = {}
        documents = self.comparison.documents
        for note in self.notes:
            text = note.text.strip()
            document, sentence = note.document, note.sentence
            if not text:
                continue
            # A note whose sentence (or document) is gone is still printed, one level up.
            if document is not None and not 0 <= document < len(documents):
                document, sentence = None, None
            if (
                document is not None
                and sentence is not None
                and 0 <= sentence < len(documents[document].sentences)
            ):
                self.sentence_notes.setdefault((document, sentence), []).append(text)
                continue
            self.document_notes.setdefault(document, []).append(text)

    def fmt(self, key: tuple[object, ...], make: Callable[[], QTextCharFormat]) -> QTextCharFormat:
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = make()
        return found

    def label(self, document: int, index: int) -> str:
        return sentence_label(self.comparison, document, index)

    def corrections(self, document: int, index: int) -> list[str]:
        """``coverage absent → partial`` for each value the user changed on this sentence."""
        comparison = self.comparison
        if not isinstance(comparison, CorrectedComparison):
            return []
        if not comparison.is_corrected(document, index):
            return []
        sentence = comparison.documents[document].sentences[index]
        out = []
        if comparison.is_corrected(document, index, Field.ATTRIBUTION):
            was = comparison.machine_value(document, index, Field.ATTRIBUTION)
            assert isinstance(was, Attribution)
            now = ATTRIBUTION_LABEL[sentence.attribution]
            out.append(f"attribution {ATTRIBUTION_LABEL[was]} → {now}")
        if comparison.is_corrected(document, index, Field.COVERAGE):
            was = comparison.machine_value(document, index, Field.COVERAGE)
            assert isinstance(was, Coverage)
            out.append(f"coverage {was.value} → {sentence.coverage.value}")
        if comparison.is_corrected(document, index, Field.MATCHES):
            out.append("links " + ("changed" if sentence.matches else "removed"))
        return out


def flat(text: str) -> str:
    return text.translate(_BREAKS)


def format_when(when: datetime) -> str:
    """``2 July 2025, 14:05 UTC`` (or ``UTC+05:30``); a naive time is printed as it is."""
    stamp = f"{when.day} {when:%B %Y, %H:%M}"
    offset = when.utcoffset()
    if offset is None:
        return stamp
    if offset == timedelta(0):
        return f"{stamp} UTC"
    sign = "+" if offset >= timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{stamp} UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


# Blocks -----------------------------------------------------------------------


def block(
    *,
    top: float = 0.0,
    bottom: float = 0.0,
    indent: float = 0.0,
    align: Qt.AlignmentFlag | None = None,
    new_page: bool = False,
) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setTopMargin(pt(top))
    fmt.setBottomMargin(pt(bottom))
    if indent:
        fmt.setLeftMargin(pt(indent))
    if align is not None:
        fmt.setAlignment(align)
    if new_page:
        fmt.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    fmt.setLineHeight(118.0, 1)  # QTextBlockFormat.LineHeightTypes.ProportionalHeight
    return fmt


def new_block(cursor: QTextCursor, fmt: QTextBlockFormat, first: bool) -> None:
    """Start a paragraph, or reuse the empty one a fresh cell or document begins with."""
    if first:
        cursor.setBlockFormat(fmt)
    else:
        cursor.insertBlock(fmt)


def paragraph(
    cursor: QTextCursor,
    runs: Iterable[tuple[str, QTextCharFormat]],
    fmt: QTextBlockFormat,
    *,
    first: bool = False,
) -> None:
    new_block(cursor, fmt, first)
    for text, char in runs:
        if char.fontWeight() > QFont.Weight.Normal and _CJK.search(text):
            # No bold CJK face is common; Qt's PDF writer fakes one by drawing the text
            # twice, which then copies out twice. The tint still marks the run.
            char = QTextCharFormat(char)
            char.setFontWeight(QFont.Weight.Normal)
        cursor.insertText(flat(text), char)


def table(
    cursor: QTextCursor,
    rows: int,
    widths: Sequence[float],
    look: PrintLook,
    *,
    padding: float = 3.0,
    border: float = 0.5,
    header_rows: int = 0,
    width: float = 100.0,
    top: float = 0.0,
    bottom: float = 0.0,
    border_colour: QColor | None = None,
) -> QTextTable:
    """A table with ``widths`` in percent, collapsed hairline borders and ``padding`` points
    (``border_colour``: the page's, for gaps that keep tinted cells apart)."""
    fmt = QTextTableFormat()
    fmt.setBorderCollapse(True)
    fmt.setBorder(pt(border))
    fmt.setBorderBrush(QBrush(border_colour or look.hairline))
    fmt.setBorderStyle(QTextTableFormat.BorderStyle.BorderStyle_Solid)
    fmt.setCellSpacing(0)
    fmt.setCellPadding(pt(padding))
    fmt.setMargin(0)
    fmt.setTopMargin(pt(top))
    fmt.setBottomMargin(pt(bottom))
    fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, width))
    fmt.setColumnWidthConstraints(
        [QTextLength(QTextLength.Type.PercentageLength, w) for w in widths]
    )
    fmt.setHeaderRowCount(header_rows)
    fmt.setAlignment(Qt.AlignmentFlag.AlignLeft)
    return cursor.insertTable(rows, len(widths), fmt)


def cell_cursor(
    table_: QTextTable, row: int, column: int, background: QColor | None = None
) -> QTextCursor:
    cell = table_.cellAt(row, column)
    if background is not None:
        fmt = QTextTableCellFormat()
        fmt.setBackground(QBrush(background))
        cell.setFormat(fmt)
    return cell.firstCursorPosition()


# Sentences --------------------------------------------------------------------


def sentence_runs(
    ctx: Context,
    document: int,
    index: int,
    differing: Sequence[Span] = (),
    *,
    underline: bool,
) -> list[tuple[str, QTextCharFormat]]:
    """The sentence as runs of text with their formats (cue in italics, differing words bold)."""
    result = ctx.comparison.documents[document]
    sentence = result.sentences[index]
    text = result.document.text
    start, end = sentence.start, sentence.end
    spans = [
        _whole_clusters(text, max(s.start, start), min(s.end, end), start, end)
        for s in differing
        if s.end > start and s.start < end
    ]
    spans = [s for s in spans if s.start < s.end]
    cue = sentence.cue
    if cue is not None:
        cue = _whole_clusters(text, cue.start, cue.end, start, end)
    cuts = {start, end}
    if cue is not None:
        cuts.update(c for c in (cue.start, cue.end) if start < c < end)
    for span in spans:
        cuts.update((span.start, span.end))
    runs = []
    for a, b in pairwise(sorted(cuts)):
        in_cue = cue is not None and cue.start <= a < cue.end
        differs = any(s.start <= a < s.end for s in spans)
        key = (
            "sentence",
            sentence.attribution,
            sentence.coverage,
            underline,
            in_cue,
            differs,
            sentence.unit,
        )
        fmt = ctx.fmt(
            key,
            partial(
                ctx.look.sentence,
                sentence.attribution,
                sentence.coverage,
                underline=underline,
                cue=in_cue,
                differs=differs,
                unit=sentence.unit,
            ),
        )
        runs.append((text[a:b], fmt))
    return runs


def _splits_cluster(text: str, at: int) -> bool:
    """Whether a format change at ``at`` would cut a grapheme cluster or a conjunct."""
    if at <= 0 or at >= len(text):
        return False
    char = text[at]
    if unicodedata.category(char).startswith("M") or char in "\u200c\u200d":
        return True
    return unicodedata.combining(text[at - 1]) == 9 and char.isalpha()  # after a virama


def _whole_clusters(text: str, start: int, end: int, low: int, high: int) -> Span:
    """``[start, end)`` widened to whole clusters: the engine's word spans stop short of
    combining marks (vowel signs, viramas), and a format change there breaks shaping."""
    while start > low and _splits_cluster(text, start):
        start -= 1
    while end < high and _splits_cluster(text, end):
        end += 1
    return Span(start, end)


def marks(
    ctx: Context,
    document: int,
    index: int,
    extra: Sequence[str] = (),
    *,
    label: bool = True,
    coverage: bool = True,
) -> list[tuple[str, QTextCharFormat]]:
    """The run-in head of a sentence: ``B7 · sources · absent``, then any corrections.

    Run in rather than on a line of its own, so a page break never parts a
    sentence from its marks.
    """
    sentence = ctx.comparison.documents[document].sentences[index]
    runs: list[tuple[str, QTextCharFormat]] = []
    if label:
        runs.append((ctx.label(document, index), ctx.fmt(("meta-label",), ctx.look.meta_label)))
    if document != 0:
        who = ATTRIBUTION_LABEL[sentence.attribution]
        runs.append((f" · {who}" if runs else who, ctx.fmt(("meta-who",), ctx.look.meta_label)))
    parts = [sentence.coverage.value] if coverage else []
    if not sentence.is_claim:
        # What it is instead of a claim; the headline keeps its coverage beside it.
        parts = [sentence.unit.value, *(parts if sentence.unit is Unit.HEADLINE else [])]
    parts.extend(extra)
    if parts:
        runs.append((" · " + " · ".join(parts), ctx.fmt(("meta",), ctx.look.meta)))
    fixes = ctx.corrections(document, index)
    if fixes:
        text = f" {CORRECTED_MARK} corrected: " + "; ".join(fixes)
        runs.append((text, ctx.fmt(("corrected",), ctx.look.corrected)))
    runs.append(("\u2002", ctx.fmt(("meta",), ctx.look.meta)))
    return runs


def sentence_block(ctx: Context, document: int, index: int) -> QTextBlockFormat:
    """A paragraph for a sentence, right to left when the sentence is."""
    fmt = block()
    text = ctx.comparison.documents[document].sentences[index].text
    if is_rtl(text):
        fmt.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        fmt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    return fmt


def is_rtl(text: str) -> bool:
    """Whether the first strongly directional character is right to left."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


def note_paragraphs(cursor: QTextCursor, ctx: Context, notes: Iterable[str]) -> None:
    for text in notes:
        paragraph(
            cursor,
            [
                (f"{NOTE_MARK} Note  ", ctx.fmt(("note-mark",), lambda: ctx.look.label(bold=True))),
                (
                    text,
                    ctx.fmt(("note",), lambda: _italic(ctx.look.text(point_size=TEXT_PT - 0.5))),
                ),
            ],
            block(top=3.0),
        )


def _italic(fmt: QTextCharFormat) -> QTextCharFormat:
    fmt.setFontItalic(True)
    return fmt


def tie_paragraph(at: QTextCursor, ctx: Context, document: int, index: int) -> None:
    """Under a claim on the counterpart government's word: is it in that readout?"""
    line = counterpart_line(ctx.comparison, document, index)
    if not line:
        return
    tie = shown_tie(ctx.comparison, document, index)
    where = f" · {ctx.label(tie.document, tie.index)}" if tie and tie.index is not None else ""
    # A size up from the meta lines and a little air: at a briefing's print size the
    # tie is read, not skimmed past as small print.
    fmt = ctx.look.label(point_size=SMALL_PT - 0.2, muted=True)
    paragraph(at, [(f"⇄ {line}{where}", fmt)], block(top=1.5))
