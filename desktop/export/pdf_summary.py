"""The PDF's first pages: the header block (title, documents, export date) and the summary."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop import naming
from desktop.engine.corrections import CorrectedComparison
from desktop.engine.language import language_name
from desktop.engine.lens_marks import shifted_pairs
from desktop.engine.vocabulary import Attribution, Coverage
from desktop.export import pdf_rows as rows
from desktop.export.pdf_blocks import (
    CORRECTED_MARK,
    Context,
    block,
    cell_cursor,
    format_when,
    marks,
    note_paragraphs,
    paragraph,
    sentence_block,
    sentence_runs,
    table,
    tie_paragraph,
)
from desktop.export.pdf_rows import SentenceKey, findings
from desktop.export.pdf_style import (
    ATTRIBUTION_LABEL,
    HEADING_PT,
    META_PT,
    SMALL_PT,
    TEXT_PT,
    TITLE_PT,
)
from desktop.export.terminal_sources import document_lines

SHA_CHARS = 12


def side_name(ctx: Context, document: int) -> str:
    return naming.side_name(ctx.comparison, document)


def document_name(ctx: Context, document: int) -> str:
    return rows.document_name(ctx.comparison, document)


def heading(
    cursor: QTextCursor, ctx: Context, text: str, *, top: float = 16.0, new_page: bool = False
) -> None:
    fmt = ctx.fmt(("heading",), lambda: ctx.look.label(point_size=HEADING_PT, bold=True))
    paragraph(cursor, [(text, fmt)], block(top=top, bottom=5.0, new_page=new_page))
    ctx.headings.append(cursor.block().blockNumber())


def write_header(cursor: QTextCursor, ctx: Context) -> None:
    look = ctx.look
    comparison = ctx.comparison
    paragraph(
        cursor,
        [("READOUT · OFFICIAL READOUT AND REPORTING, CLAIM BY CLAIM", look.meta(bold=True))],
        block(bottom=2.0),
        first=True,
    )
    paragraph(cursor, [(ctx.title, look.text(point_size=TITLE_PT, bold=True))], block(bottom=4.0))
    details = [f"Exported {format_when(ctx.exported_at)}"]
    if comparison.engine:
        details.append(comparison.engine)
    if comparison.single_article:
        details.append(
            "single-article mode: the official side is what the article attributes "
            "to the official statement"
        )
    paragraph(cursor, [(" · ".join(details), look.label(muted=True))], block(bottom=8.0))

    documents = table(cursor, 1 + len(comparison.documents), (17, 53, 13, 17), look, padding=3.5)
    for column, name in enumerate(("Role", "Title and source", "Date", "SHA-256")):
        paragraph(
            cell_cursor(documents, 0, column), [(name, look.meta(bold=True))], block(), first=True
        )
    for d, result in enumerate(comparison.documents, start=0):
        doc = result.document
        row = d + 1
        paragraph(
            cell_cursor(documents, row, 0),
            [(side_name(ctx, d), look.label(bold=True))],
            block(),
            first=True,
        )
        title_cursor = cell_cursor(documents, row, 1)
        paragraph(title_cursor, [(document_name(ctx, d), look.text())], block(), first=True)
        detail = [doc.source] if doc.source and doc.source != doc.title else []
        if result.language:
            detail.insert(0, f"in {language_name(result.language)}")
        if detail:
            paragraph(
                title_cursor,
                [(" · ".join(detail), look.label(point_size=META_PT, muted=True))],
                block(),
            )
        paragraph(
            cell_cursor(documents, row, 2),
            [(doc.date or "—", look.label(point_size=SMALL_PT))],
            block(),
            first=True,
        )
        paragraph(
            cell_cursor(documents, row, 3),
            [(doc.sha256[:SHA_CHARS], look.mono())],
            block(),
            first=True,
        )
    cursor.movePosition(QTextCursor.MoveOperation.End)

    session_notes = ctx.document_notes.get(None, [])
    note_paragraphs(cursor, ctx, session_notes)
    for d in range(len(comparison.documents)):
        notes = ctx.document_notes.get(d, [])
        if notes:
            paragraph(
                cursor,
                [(f"On the {side_name(ctx, d).lower()}:", look.label(bold=True))],
                block(top=6.0),
            )
            note_paragraphs(cursor, ctx, notes)
    if isinstance(comparison, CorrectedComparison) and (comparison.changes or comparison.orphans):
        changed = len(comparison.corrected_sentences())
        text = f"{CORRECTED_MARK} {_count(changed, 'sentence')} corrected by the user, marked below"
        if comparison.orphans:
            lost = _count(len(comparison.orphans), "correction")
            text += f"; {lost} no longer {'finds' if len(comparison.orphans) == 1 else 'find'}"
            text += " its sentence" if len(comparison.orphans) == 1 else " their sentences"
        paragraph(cursor, [(text, look.corrected())], block(top=6.0))


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def write_summary(cursor: QTextCursor, ctx: Context) -> None:
    look = ctx.look
    comparison = ctx.comparison
    summary = comparison.summary()
    found = findings(comparison)
    heading(cursor, ctx, "Summary")
    paragraph(
        cursor,
        [(summary.headline(), look.text(point_size=TEXT_PT + 1.5, bold=True))],
        block(bottom=6.0),
    )
    for line in comparison.warnings:
        paragraph(cursor, [(f"⚠ {line}", look.label(bold=True))], block(bottom=6.0))

    attributions = [a for a in Attribution]
    counts = table(cursor, 3 + len(attributions), (36, 16, 16, 16, 16), look, width=72, padding=2.5)
    columns = [*Coverage]
    for c, coverage in enumerate(columns, start=1):
        paragraph(
            cell_cursor(counts, 0, c, look.tint(coverage)),
            [(coverage.value, look.label(bold=True))],
            block(align=Qt.AlignmentFlag.AlignRight),
            first=True,
        )
    paragraph(
        cell_cursor(counts, 0, 4),
        [("total", look.label(bold=True))],
        block(align=Qt.AlignmentFlag.AlignRight),
        first=True,
    )
    rows: list[tuple[str, dict[Coverage, int], bool]] = [
        ("Background claims", summary.background, True),
        *[(ATTRIBUTION_LABEL[a], found.by_attribution[a], False) for a in attributions],
        ("Readout sentences", summary.official, True),
    ]
    for r, (name, numbers, strong) in enumerate(rows, start=1):
        label_fmt = look.label(bold=strong, muted=not strong)
        paragraph(
            cell_cursor(counts, r, 0),
            [(name, label_fmt)],
            block(indent=0 if strong else 8.0),
            first=True,
        )
        for c, coverage in enumerate(columns, start=1):
            paragraph(
                cell_cursor(counts, r, c),
                [(str(numbers[coverage]), look.label(bold=strong))],
                block(align=Qt.AlignmentFlag.AlignRight),
                first=True,
            )
        paragraph(
            cell_cursor(counts, r, 4),
            [(str(sum(numbers.values())), look.label(bold=True))],
            block(align=Qt.AlignmentFlag.AlignRight),
            first=True,
        )
    cursor.movePosition(QTextCursor.MoveOperation.End)
    for line in document_lines(comparison):
        paragraph(cursor, [(line, look.label())], block(top=2.0))


def write_findings(cursor: QTextCursor, ctx: Context) -> None:
    """The summary's lists: what the readout leaves out, reports in part, shifts, and what
    the reporting never reflects (after the story's revisions and matrix, which belong on
    the first pages)."""
    found = findings(ctx.comparison)
    heading(cursor, ctx, f"Not in the official readout ({len(found.absent)})")
    _explain(
        cursor,
        ctx,
        "Background claims the official readout does not make, with who they are attributed to.",
    )
    _sentence_list(cursor, ctx, found.absent, Coverage.ABSENT)
    heading(cursor, ctx, f"Reported only in part ({len(found.partial)})")
    _explain(
        cursor,
        ctx,
        "The readout touches these, but the reporting adds to, softens or strengthens them.",
    )
    _sentence_list(cursor, ctx, found.partial, Coverage.PARTIAL)
    _shift_list(cursor, ctx)
    heading(
        cursor,
        ctx,
        f"In the readout, reflected nowhere in the reporting ({len(found.unreflected)})",
    )
    _sentence_list(cursor, ctx, [(0, i) for i in found.unreflected], Coverage.ABSENT)


def _shift_list(cursor: QTextCursor, ctx: Context) -> None:
    """Shifts in tone: each pair whose wording moves the readout's claim, in words."""
    look = ctx.look
    pairs = shifted_pairs(ctx.comparison)
    heading(cursor, ctx, f"Shifts in tone ({len(pairs)})")
    _explain(
        cursor,
        ctx,
        "Matched pairs whose wording moves the readout's claim: ↑ strengthened, ↓ softened, "
        "~ hedged, ◆ sharpened, ✕ contradicted.",
    )
    if not pairs:
        paragraph(cursor, [("None.", look.label(muted=True))], block())
        return
    for pair in pairs:
        paragraph(
            cursor,
            [
                (f"{ctx.label(pair.document, pair.index)} ", look.meta(bold=True)),
                (f"{pair.mark} {pair.line}", look.text()),
                (f"\u2003readout {ctx.label(0, pair.official)}", look.meta()),
            ],
            block(bottom=2.0),
        )


def _explain(cursor: QTextCursor, ctx: Context, text: str) -> None:
    paragraph(cursor, [(text, ctx.look.label(muted=True))], block(bottom=4.0))


def _sentence_list(
    cursor: QTextCursor, ctx: Context, keys: Sequence[SentenceKey], coverage: Coverage
) -> None:
    look = ctx.look
    if not keys:
        paragraph(cursor, [("None.", look.label(muted=True))], block())
        return
    # A bar of the coverage tint, then the sentence with its number and attribution run in:
    # a label in a cell of its own could be left behind at the foot of a page.
    listing = table(cursor, len(keys), (1.2, 98.8), look, padding=2.5)
    for row, (d, i) in enumerate(keys):
        paragraph(cell_cursor(listing, row, 0, look.tint(coverage)), [], block(), first=True)
        right = cell_cursor(listing, row, 1)
        runs = marks(ctx, d, i, coverage=False) + sentence_runs(ctx, d, i, underline=d != 0)
        closest = [
            ctx.label(m.document, m.index)
            for m in ctx.comparison.documents[d].sentences[i].matches[:3]
        ]
        if closest:
            runs.append((f"\u2003closest: {', '.join(closest)}", look.meta()))
        paragraph(right, runs, sentence_block(ctx, d, i), first=True)
        tie_paragraph(right, ctx, d, i)
        note_paragraphs(right, ctx, ctx.sentence_notes.get((d, i), []))
    cursor.movePosition(QTextCursor.MoveOperation.End)
