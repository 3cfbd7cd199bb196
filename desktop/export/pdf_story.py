"""The PDF's story pages: the revisions between the official release and its other
versions, and the omission matrix (topics × sources)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor

from desktop.engine.revisions import Edit, Revision, ordered_word_diff
from desktop.engine.topics import Topic, matrix_note, topics
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.export.pdf_blocks import Context, block, cell_cursor, flat, paragraph, table
from desktop.export.pdf_style import PAGE
from desktop.export.pdf_summary import document_name, heading, side_name
from desktop.naming import revision_title

_MENTION = {Coverage.COVERED: "mentioned", Coverage.PARTIAL: "in part", Coverage.ABSENT: "—"}
_SHORT = {
    Attribution.OFFICIAL: "official",
    Attribution.SOURCES: "sources",
    Attribution.NAMED: "named",
    Attribution.REPORTER: "reporter",
}
# The matrix is for a story with several sources; a pair's PDF stays as it was.
MATRIX_MIN_DOCUMENTS = 3
MATRIX_MAX_COLUMNS = 6


def write_story(cursor: QTextCursor, ctx: Context) -> None:
    if ctx.comparison.revisions:
        write_revisions(cursor, ctx)
    if len(ctx.comparison.documents) >= MATRIX_MIN_DOCUMENTS:
        note = matrix_note(ctx.comparison)
        if note:
            heading(cursor, ctx, "Topics across the sources")
            paragraph(cursor, [(note, ctx.look.label(muted=True))], block())
        else:
            write_matrix(cursor, ctx, topics(ctx.comparison))


def write_revisions(cursor: QTextCursor, ctx: Context) -> None:
    look = ctx.look
    comparison = ctx.comparison
    heading(cursor, ctx, "Revisions")
    for revision in comparison.revisions:
        title = revision_title(comparison, revision.old, revision.new)
        paragraph(
            cursor,
            [(f"{title}: {revision.headline()}", look.label(bold=True))],
            block(bottom=4.0),
        )
        items = _items(revision)
        if not items:
            continue
        listing = table(
            cursor,
            len(items),
            (14, 86),
            look,
            padding=3.5,
            border=1.5,
            border_colour=QColor(PAGE),
            bottom=8.0,
        )
        for row, (kind, old, new) in enumerate(items):
            tint = {
                "removed": look.tint(Coverage.ABSENT),
                "added": look.tint(Coverage.COVERED),
                "reworded": look.tint(Coverage.PARTIAL),
            }[kind]
            paragraph(
                cell_cursor(listing, row, 0, tint), [(kind, look.label())], block(), first=True
            )
            text_cell = cell_cursor(listing, row, 1)
            paragraph(text_cell, _runs(ctx, revision, kind, old, new), block(), first=True)
            still = [
                f"{side_name(ctx, d)} sentence {k + 1}"
                for d, k, gone in revision.reported
                if kind == "removed" and gone == old
            ]
            if still:  # "was in the first version": the reporting still carries it
                note = f"still in the reporting: {', '.join(still)}"
                paragraph(text_cell, [(note, look.label(muted=True))], block(top=1.5))
        cursor.movePosition(QTextCursor.MoveOperation.End)


def _items(revision: Revision) -> list[tuple[str, int | None, int | None]]:
    """Removed, added and reworded sentences in the newer text's reading order."""

    def after(old: int) -> int:
        return max((n for o, n in revision.kept if o < old), default=-1)

    items: list[tuple[float, str, int | None, int | None]] = []
    items.extend((after(i) + 0.5, "removed", i, None) for i in revision.removed)
    items.extend((float(j), "added", None, j) for j in revision.added)
    items.extend((float(j), "reworded", i, j) for i, j in revision.changed)
    return [(kind, old, new) for _, kind, old, new in sorted(items, key=lambda item: item[0])]


def _runs(
    ctx: Context, revision: Revision, kind: str, old: int | None, new: int | None
) -> list[tuple[str, QTextCharFormat]]:
    look = ctx.look
    old_doc = ctx.comparison.documents[revision.old]
    new_doc = ctx.comparison.documents[revision.new]
    if kind == "removed" and old is not None:
        return [(old_doc.sentences[old].text, _struck(look.text()))]
    if kind == "added" and new is not None:
        return [(new_doc.sentences[new].text, look.text(bold=True))]
    assert old is not None and new is not None
    old_sentence = old_doc.sentences[old].sentence
    new_sentence = new_doc.sentences[new].sentence
    old_text, new_text = old_doc.document.text, new_doc.document.text
    runs: list[tuple[str, QTextCharFormat]] = []
    for edit in ordered_word_diff(old_text, old_sentence.span, new_text, new_sentence.span):
        if edit.edit is Edit.SAME and edit.new:
            runs.append((new_text[edit.new.start : edit.new.end] + " ", look.text()))
        elif edit.edit is Edit.DELETED and edit.old:
            runs.append((old_text[edit.old.start : edit.old.end], _struck(look.text())))
            runs.append((" ", look.text()))
        elif edit.edit is Edit.INSERTED and edit.new:
            runs.append((new_text[edit.new.start : edit.new.end] + " ", look.text(bold=True)))
    return runs


def _struck(fmt: QTextCharFormat) -> QTextCharFormat:
    struck = QTextCharFormat(fmt)
    struck.setFontStrikeOut(True)
    return struck


def write_matrix(cursor: QTextCursor, ctx: Context, rows: tuple[Topic, ...]) -> None:
    """Topics × sources; topics the official readout leaves out come first."""
    look = ctx.look
    comparison = ctx.comparison
    columns = [d for d, doc in enumerate(comparison.documents) if doc.role is not Role.VERSION][
        :MATRIX_MAX_COLUMNS
    ]
    heading(cursor, ctx, f"Topics across the sources ({len(rows)})")
    paragraph(
        cursor,
        [
            (
                "Claims of every document grouped by meaning; a cell says whether the source "
                "mentions the topic (with how many claims and on whose word), touches it in "
                "part, or not at all. Topics the official readout leaves out come first.",
                look.label(muted=True),
            )
        ],
        block(bottom=4.0),
    )
    if not rows:
        paragraph(cursor, [("None.", look.label(muted=True))], block())
        return
    topic_width = 34.0
    width = (100.0 - topic_width) / len(columns)
    # Gaps of the page's colour keep a row's cells apart where neighbours share a tint.
    grid = table(
        cursor,
        len(rows) + 1,
        (topic_width, *[width] * len(columns)),
        look,
        padding=3.0,
        border=1.5,
        border_colour=QColor(PAGE),
        header_rows=1,
    )
    head = look.rule.lighter(135)
    paragraph(
        cell_cursor(grid, 0, 0, head), [("topic", look.label(bold=True))], block(), first=True
    )
    for c, d in enumerate(columns, start=1):
        name = side_name(ctx, d) if d else "Readout"
        paragraph(
            cell_cursor(grid, 0, c, head),
            [(name, look.label(bold=True))],
            block(align=Qt.AlignmentFlag.AlignCenter),
            first=True,
        )
    for r, topic in enumerate(rows, start=1):
        paragraph(cell_cursor(grid, r, 0), [(flat(topic.label), look.label())], block(), first=True)
        for c, d in enumerate(columns, start=1):
            cell = topic.cells[d]
            text = _MENTION[cell]
            if cell is Coverage.COVERED:
                text = f"{topic.counts[d]}"
                on = topic.by_attribution.get(d, {})
                words = [_SHORT[a] for a, v in on.items() if v is Coverage.COVERED]
                if words:
                    text += " · " + ", ".join(words)
            paragraph(
                cell_cursor(grid, r, c, look.tint(cell) if cell is not Coverage.ABSENT else None),
                [(text, look.label(muted=cell is Coverage.ABSENT))],
                block(align=Qt.AlignmentFlag.AlignCenter),
                first=True,
            )
    cursor.movePosition(QTextCursor.MoveOperation.End)
    names = "; ".join(f"{side_name(ctx, d)}: {document_name(ctx, d)}" for d in columns if d)
    paragraph(cursor, [(names, look.meta())], block(top=3.0))
