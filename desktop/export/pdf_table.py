"""The side-by-side comparison: a legend, then one table per background document.

Every cell holds one sentence and carries its coverage tint, so a row reads at a
glance. A background sentence linked to several readout sentences spans their rows.
The header row repeats on every page.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextTable

from desktop.engine.compare import Comparison
from desktop.engine.document import Span
from desktop.engine.lens_marks import SHIFT_MARK, shift_line, shifted_pairs
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.export.pdf_blocks import (
    CORRECTED_MARK,
    NOTE_MARK,
    Context,
    block,
    cell_cursor,
    marks,
    note_paragraphs,
    paragraph,
    sentence_block,
    sentence_runs,
    table,
    tie_paragraph,
)
from desktop.export.pdf_rows import Row, aligned_rows
from desktop.export.pdf_style import ATTRIBUTION_LABEL, ATTRIBUTION_MEANING, SMALL_PT
from desktop.export.pdf_summary import document_name, heading, side_name

REORDERED_MARK = "↕"
_COVERAGE_MEANING = {
    Coverage.COVERED: "the same claim is on the other side (paraphrase and reordering allowed)",
    Coverage.PARTIAL: "the other side touches it, but this adds to, softens or strengthens it",
    Coverage.ABSENT: "not on the other side: for a background claim, the readout does not make it",
}
_LINE_NAME = {
    Attribution.OFFICIAL: "solid line",
    Attribution.NAMED: "dashed line",
    Attribution.SOURCES: "dotted line",
    Attribution.REPORTER: "no line",
}


def write_comparison(cursor: QTextCursor, ctx: Context) -> None:
    heading(cursor, ctx, "Side by side", top=0.0, new_page=True)
    write_legend(cursor, ctx)
    comparison = ctx.comparison
    for d in range(1, len(comparison.documents)):
        if len(comparison.backgrounds) > 1:
            heading(cursor, ctx, f"{side_name(ctx, d)}: {document_name(ctx, d)}", top=12.0)
        _write_table(cursor, ctx, d)


def write_legend(cursor: QTextCursor, ctx: Context) -> None:
    look = ctx.look
    legend = table(cursor, 1, (50, 50), look, border=0, padding=0, bottom=8.0)
    left = cell_cursor(legend, 0, 0)
    paragraph(left, [("Coverage — the tint", look.label(bold=True))], block(bottom=2.0), first=True)
    for coverage in Coverage:
        paragraph(
            left,
            [
                (f"\u2002{coverage.value}\u2002", look.swatch(coverage)),
                ("  " + _COVERAGE_MEANING[coverage], look.label(point_size=SMALL_PT - 0.5)),
            ],
            block(top=2.0, indent=0),
        )
    right = cell_cursor(legend, 0, 1)
    paragraph(
        right,
        [("Attribution — the line under background text", look.label(bold=True))],
        block(bottom=2.0),
        first=True,
    )
    for attribution in Attribution:
        sample = look.sentence(attribution, Coverage.COVERED, underline=True)
        paragraph(
            right,
            [
                (ATTRIBUTION_LABEL[attribution], sample),
                (
                    f"  {_LINE_NAME[attribution]}: {ATTRIBUTION_MEANING[attribution]}",
                    look.label(point_size=SMALL_PT - 0.5),
                ),
            ],
            block(top=2.0),
        )
    cursor.movePosition(QTextCursor.MoveOperation.End)
    differs = look.sentence(Attribution.REPORTER, Coverage.PARTIAL, underline=False, differs=True)
    small = look.label(point_size=SMALL_PT - 0.5)
    paragraph(
        cursor,
        [
            ("words", differs),
            (" bold on a stronger tint: what the other side of the pair does not say · ", small),
            (
                "cue",
                look.sentence(Attribution.SOURCES, Coverage.COVERED, underline=False, cue=True),
            ),
            (
                " italic: the words that attribute the claim · R3, B7: sentence numbers in the "
                f"readout and the background · {REORDERED_MARK} reordered: the background moves "
                f"this readout sentence · {CORRECTED_MARK} corrected by the user · "
                f"{NOTE_MARK} the user's note",
                small,
            ),
        ],
        block(bottom=8.0),
    )


def _write_table(cursor: QTextCursor, ctx: Context, document: int) -> None:
    look = ctx.look
    rows = aligned_rows(ctx.comparison, document)
    heights = [max(1, len(r.official)) for r in rows]
    grid = table(cursor, 1 + sum(heights), (50, 50), look, header_rows=1, padding=4.0)
    for column, d in ((0, 0), (1, document)):
        head = cell_cursor(grid, 0, column, look.rule.lighter(135))
        paragraph(head, [(side_name(ctx, d), look.label(bold=True))], block(), first=True)
        paragraph(head, [(document_name(ctx, d), look.meta())], block())
    top = 1
    for row, height in zip(rows, heights, strict=True):
        if height > 1:
            grid.mergeCells(top, 1, height, 1)
        _write_row(ctx, grid, top, row, document)
        top += height
    cursor.movePosition(QTextCursor.MoveOperation.End)


def _write_row(ctx: Context, grid: QTextTable, top: int, row: Row, document: int) -> None:
    look = ctx.look
    comparison = ctx.comparison
    background_spans, official_spans = _differing(comparison, document, row)
    official_shifts = {
        pair.official: pair.mark for pair in shifted_pairs(comparison) if pair.document == document
    }
    if not row.official:
        paragraph(
            cell_cursor(grid, top, 0),
            [("not in the readout", _muted_italic(ctx)), _strut(ctx)],
            block(),
            first=True,
        )
    for offset, cell in enumerate(row.official):
        sentence = comparison.official.sentences[cell.index]
        if cell.repeat:
            at = cell_cursor(grid, top + offset, 0)
            paragraph(
                at,
                [(f"{ctx.label(0, cell.index)}, shown above", look.meta()), _strut(ctx)],
                block(),
                first=True,
            )
            continue
        at = cell_cursor(grid, top + offset, 0, look.cell_tint(sentence))
        extra = [f"{REORDERED_MARK} reordered"] if cell.reordered else []
        if cell.index in official_shifts:
            extra.append(f"{official_shifts[cell.index]} shifted in the report")
        runs = sentence_runs(
            ctx, 0, cell.index, official_spans.get(cell.index, ()), underline=False
        )
        paragraph(
            at,
            marks(ctx, 0, cell.index, extra) + runs,
            sentence_block(ctx, 0, cell.index),
            first=True,
        )
        note_paragraphs(at, ctx, ctx.sentence_notes.get((0, cell.index), []))
    if row.background is None:
        paragraph(
            cell_cursor(grid, top, 1),
            [(f"not in the {side_name(ctx, document).lower()}", _muted_italic(ctx)), _strut(ctx)],
            block(),
            first=True,
        )
        return
    sentence = comparison.documents[document].sentences[row.background]
    at = cell_cursor(grid, top, 1, look.cell_tint(sentence))
    runs = sentence_runs(ctx, document, row.background, background_spans, underline=True)
    paragraph(
        at,
        marks(ctx, document, row.background) + runs,
        sentence_block(ctx, document, row.background),
        first=True,
    )
    note_paragraphs(at, ctx, ctx.sentence_notes.get((document, row.background), []))
    tie_paragraph(at, ctx, document, row.background)
    shift = shift_line(comparison, document, sentence)
    if shift and sentence.shift is not None:
        paragraph(at, [(f"{SHIFT_MARK[sentence.shift]} {shift}", look.meta(bold=True))], block())


def _strut(ctx: Context) -> tuple[str, QTextCharFormat]:
    """A space in the sentence face: a placeholder line as tall as the other cell's first line,
    so a page break takes both or neither (a lone placeholder would be left behind)."""
    return (" ", ctx.fmt(("strut",), ctx.look.text))


def _muted_italic(ctx: Context) -> QTextCharFormat:
    def make() -> QTextCharFormat:
        fmt = ctx.look.meta()
        fmt.setFontItalic(True)
        return fmt

    return ctx.fmt(("muted-italic",), make)


def _differing(
    comparison: Comparison, document: int, row: Row
) -> tuple[Sequence[Span], dict[int, Sequence[Span]]]:
    """Words the other side lacks: in the background sentence, and in each new readout sentence.

    The background sentence's own diff (against all its readout links) covers the
    readout sentences it links to; a readout sentence linked only from the readout
    side uses its own diff against this background.
    """
    background: list[Span] = []
    official: dict[int, Sequence[Span]] = {}
    if row.background is None:
        return background, official
    sentence = comparison.documents[document].sentences[row.background]
    own = {m.index for m in sentence.matches if m.document == 0}
    diff = comparison.diff(document, row.background)
    if diff is not None and sentence.matches[0].document == 0:
        background.extend(diff.left_only)
        for cell in row.official:
            if cell.index in own and not cell.repeat:
                official[cell.index] = diff.right_only
    for cell in row.official:
        if cell.repeat or cell.index in own:
            continue
        result = comparison.official.sentences[cell.index]
        if not result.matches or result.matches[0].document != document:
            continue
        reverse = comparison.diff(0, cell.index)
        if reverse is not None:
            official[cell.index] = reverse.left_only
            if diff is None:
                background.extend(reverse.right_only)
    return background, official
