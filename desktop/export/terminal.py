"""A readable terminal report of a Comparison: summary first, then each sentence."""

from __future__ import annotations

import re
import shutil
import textwrap

from desktop.engine.compare import Comparison, DocumentResult, SentenceResult
from desktop.engine.counterpart_ties import counterpart_mark
from desktop.engine.language import language_name
from desktop.engine.lens_marks import SHIFT_MARK, shift_line
from desktop.engine.vocabulary import Coverage, Role
from desktop.export.terminal_sources import document_lines, revision_lines
from desktop.export.terminal_topics import MIN_DOCUMENTS, topic_lines

_COLOURS = {
    Coverage.COVERED: "\033[34m",  # blue
    Coverage.PARTIAL: "\033[33m",  # yellow/orange
    Coverage.ABSENT: "\033[35m",  # magenta: stands out, reads apart from blue for colour-blind users
}
# Controls a terminal acts on (ESC starts colour, title and clear-screen sequences; C1
# has its own CSI) and the bidirectional overrides that reorder what is shown.
# Lone surrogates cannot be printed at all (an older database may hold some).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def escape_controls(text: str) -> str:
    """``text`` safe to print: every control character as a visible ``\\x1b`` escape.

    Everything printed from a document or a file name goes through here, so a
    crafted title cannot clear the screen or print a fake summary.
    """
    return _UNSAFE.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


_BOLD = "\033[1m"
_DIM = "\033[2m"
_RESET = "\033[0m"


class _Style:
    def __init__(self, colour: bool) -> None:
        self.colour = colour

    def coverage(self, coverage: Coverage, text: str) -> str:
        return f"{_COLOURS[coverage]}{text}{_RESET}" if self.colour else text

    def bold(self, text: str) -> str:
        return f"{_BOLD}{text}{_RESET}" if self.colour else text

    def dim(self, text: str) -> str:
        return f"{_DIM}{text}{_RESET}" if self.colour else text


def render_report(comparison: Comparison, *, colour: bool = False, width: int | None = None) -> str:
    width = width or min(110, shutil.get_terminal_size((100, 24)).columns)
    style = _Style(colour)
    lines: list[str] = []
    summary = comparison.summary()
    official = comparison.official
    lines.append(style.bold(summary.headline()))
    counts = " · ".join(f"{style.coverage(c, c.value)} {summary.background[c]}" for c in Coverage)
    lines.append(f"background: {counts}")
    lines.extend(document_lines(comparison))
    if comparison.single_article:
        lines.append(
            style.dim(
                "single-article mode: the official side is what the article attributes "
                "to the official statement"
            )
        )
    lines.extend(style.bold(f"warning: {line}") for line in comparison.warnings)
    from desktop.engine.topics import matrix_note  # numpy and the vectors: only when asked

    note = matrix_note(comparison)
    if note:
        lines.append(style.dim(f"topics: {note}"))
    if not official.sentences:
        lines.append("No sentence of the article is attributed to an official statement.")
    if comparison.revisions:
        lines.append("")
        lines.extend(revision_lines(comparison))
    if not note and len(comparison.documents) >= MIN_DOCUMENTS:
        from desktop.engine.topics import topics

        matrix = topic_lines(comparison, topics(comparison))
        lines.extend(["", *matrix] if matrix else [])
    lines.append("")
    lines.extend(_document(comparison, 0, official, style, width))
    for number, background in enumerate(comparison.backgrounds, start=1):
        if background.role is Role.VERSION:
            continue  # shown as revisions above
        lines.append("")
        lines.extend(_document(comparison, number, background, style, width))
    return "\n".join(lines) + "\n"


def _document(
    comparison: Comparison, number: int, doc: DocumentResult, style: _Style, width: int
) -> list[str]:
    heading = "OFFICIAL READOUT" if number == 0 else f"{doc.role.value.upper()} {number}"
    title = escape_controls(doc.document.title or doc.document.source or "untitled")
    out = [style.bold(f"{heading} — {title}")]
    if doc.language:
        out.append(style.dim(f"language: {language_name(doc.language)} ({doc.language})"))
    source = escape_controls(doc.document.source)
    if source and source != title:
        out.append(style.dim(f"source: {source}"))
    for sentence in doc.sentences:
        out.extend(_sentence(comparison, number, doc, sentence, style, width))
    return out


def _sentence(
    comparison: Comparison,
    number: int,
    doc: DocumentResult,
    sentence: SentenceResult,
    style: _Style,
    width: int,
) -> list[str]:
    label = f"{sentence.attribution.value:<8} {sentence.coverage.value:<7}"
    prefix = f"{sentence.index + 1:>3}. "
    indent = " " * (len(prefix) + len(label) + 1)
    body = textwrap.wrap(
        escape_controls(" ".join(sentence.text.split())),
        width=max(30, width - len(indent)),
        break_long_words=False,
    ) or [""]
    out = [f"{prefix}{style.coverage(sentence.coverage, label)} {body[0]}"]
    out.extend(indent + line for line in body[1:])
    notes: list[str] = []
    if sentence.cue is not None:
        cue = " ".join(doc.document.text[sentence.cue.start : sentence.cue.end].split())
        notes.append(f"cue: “{escape_controls(cue)}”")
    if sentence.matches:
        links = ", ".join(
            f"{_side(comparison, m.document)} {m.index + 1} ({m.score:.2f})"
            for m in sentence.matches[:3]
        )
        notes.append(f"matches {links}")
    shift = shift_line(comparison, number, sentence) if number else ""
    if shift and sentence.shift is not None:
        notes.append(f"{SHIFT_MARK[sentence.shift]} {shift}")
    tie = counterpart_mark(comparison, number, sentence.index)
    if tie:
        notes.append(f"⇄ {tie}")
    if notes:
        out.append(indent + style.dim(" · ".join(notes)))
    return out


def _side(comparison: Comparison, document: int) -> str:
    if document == 0:
        return "official"
    role = comparison.documents[document].role.value
    return role if len(comparison.backgrounds) == 1 else f"{role} {document}"
