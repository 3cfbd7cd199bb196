"""The terminal report's omission matrix: a line per topic, a column per source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.engine.compare import Comparison
from desktop.engine.vocabulary import Attribution, Coverage, Role

if TYPE_CHECKING:  # the module itself loads numpy and the vectors: only when a matrix is asked
    from desktop.engine.topics import Topic

# The matrix is for a story with several sources, as in the PDF.
MIN_DOCUMENTS = 3
_ROLE_SHORT = {Role.OFFICIAL: "readout", Role.BACKGROUND: "bg", Role.COUNTERPART: "cp"}
_WIDTH = 10
# On whose word the reporting mentions a topic, as in the PDF's and the window's cells.
_INITIAL = {
    Attribution.OFFICIAL: "o",
    Attribution.SOURCES: "s",
    Attribution.NAMED: "n",
    Attribution.REPORTER: "r",
}


def topic_lines(comparison: Comparison, rows: tuple[Topic, ...]) -> list[str]:
    """``TOPICS (12)``, a header naming each source column, then per topic its cells
    (how many claims mention it, ``part`` when only linked, ``—`` not at all) and label;
    topics the official readout leaves out come first, as the engine orders them."""
    columns = [d for d, doc in enumerate(comparison.documents) if doc.role is not Role.VERSION]
    if len(comparison.documents) < MIN_DOCUMENTS or not rows:
        return []
    head = [
        "readout" if d == 0 else f"{d} {_ROLE_SHORT[comparison.documents[d].role]}" for d in columns
    ]
    out = [
        f"TOPICS ({len(rows)}) — claims of each source on the topic, part: touched, —: not at all",
        "  in reporting, on whose word: o official, s sources, n named, r reporter",
        "  " + "".join(f"{name:<{_WIDTH}}" for name in head) + "topic",
    ]
    for topic in rows:
        cells = [_cell(topic, d) for d in columns]
        out.append("  " + "".join(f"{cell:<{_WIDTH}}" for cell in cells) + topic.label)
    return out


def _cell(topic: Topic, document: int) -> str:
    coverage = topic.cells[document]
    if coverage is Coverage.COVERED:
        on = topic.by_attribution.get(document, {})
        words = ",".join(_INITIAL[a] for a, v in on.items() if v is Coverage.COVERED)
        return f"{topic.counts[document]} {words}".rstrip()
    return "part" if coverage is Coverage.PARTIAL else "—"
