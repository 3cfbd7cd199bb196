"""The lens's shifts as the window and the PDF show them (no Qt): a mark on the pair, a line
in words, the carrying words of each document."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.document import Span
from desktop.engine.vocabulary import Shift

SHIFT_MARK = {
    Shift.STRENGTHENED: "↑",
    Shift.SOFTENED: "↓",
    Shift.HEDGED: "~",
    Shift.SHARPENED: "◆",
    Shift.CONTRADICTED: "✕",
}


@dataclass(frozen=True)
class ShiftedPair:
    """A background claim whose wording moves the readout sentence it matches."""

    document: int
    index: int
    official: int
    shift: Shift
    mark: str
    line: str  # "the article says ‘raised strong objections’; the readout says ‘discussed’"


def _words(comparison: Comparison, sentence: SentenceResult, document: int) -> list[str]:
    text = comparison.documents[document].document.text
    return [text[span.start : span.end] for d, span in sentence.shift_words if d == document]


def _quoted(words: list[str]) -> str:
    return ", ".join(f"‘{w}’" for w in words)


def shift_line(comparison: Comparison, document: int, sentence: SentenceResult) -> str:
    """The shift in words, from the carrying words of both sides."""
    shift = sentence.shift
    if shift is None or shift is Shift.SAME:
        return ""
    article = _words(comparison, sentence, document)
    readout = _words(comparison, sentence, 0)
    parts = [f"{shift.value}"]
    if article:
        parts.append(f"the article says {_quoted(article)}")
    if readout:
        parts.append(f"the readout says {_quoted(readout)}")
    elif shift is Shift.HEDGED:
        parts.append("the readout states it plainly")
    return "; ".join(parts)


def shifted_pairs(comparison: Comparison) -> list[ShiftedPair]:
    """Every background claim with a shift other than ``same``, in reading order."""
    out = []
    for d, doc in enumerate(comparison.documents[1:], start=1):
        for s in doc.sentences:
            if s.shift is None or s.shift is Shift.SAME or not s.matches:
                continue
            out.append(
                ShiftedPair(
                    d,
                    s.index,
                    s.matches[0].index,
                    s.shift,
                    SHIFT_MARK[s.shift],
                    shift_line(comparison, d, s),
                )
            )
    return out


def shift_marks(comparison: Comparison, document: int) -> dict[int, str]:
    """Sentence index → mark, for one document: its shifted claims, or (the readout) the
    sentences a shifted claim reports."""
    marks: dict[int, str] = {}
    for pair in shifted_pairs(comparison):
        if pair.document == document:
            marks[pair.index] = pair.mark
        elif document == 0:
            marks.setdefault(pair.official, pair.mark)
    return marks


def shift_spans(comparison: Comparison, document: int) -> list[Span]:
    """The carrying words in ``document``: of its own shifted claims, or (the readout) of
    every background's."""
    spans: list[Span] = []
    for pair in shifted_pairs(comparison):
        if document in (0, pair.document):
            sentence = comparison.documents[pair.document].sentences[pair.index]
            spans.extend(span for d, span in sentence.shift_words if d == document)
    return spans


def shift_lines_for(comparison: Comparison, document: int, index: int) -> list[str]:
    """What a sentence's tooltip says of shifts: its own, or those of the claims reporting it."""
    if document:
        sentence = comparison.documents[document].sentences[index]
        line = shift_line(comparison, document, sentence)
        return [line] if line else []
    return [p.line for p in shifted_pairs(comparison) if p.official == index]
