"""The words the window uses for a sentence: tooltips, claims rows, headers (no Qt)."""

from __future__ import annotations

import html
from dataclasses import dataclass

from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.corrections import CorrectedComparison, Field
from desktop.engine.document import Document
from desktop.engine.vocabulary import Attribution, Coverage, Role
from desktop.export.naming import document_label
from desktop.export.naming import side_name as shared_side_name

ATTRIBUTION_WORD = {
    Attribution.OFFICIAL: "official",
    Attribution.SOURCES: "sources",
    Attribution.NAMED: "named",
    Attribution.REPORTER: "reporter",
}


def document_name(document: Document) -> str:
    return document_label(document)


def side_name(comparison: Comparison, document: int) -> str:
    return shared_side_name(comparison, document, with_title=True)


def shorten(text: str, limit: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def cue_text(comparison: Comparison, document: int, sentence: SentenceResult) -> str | None:
    if sentence.cue is None:
        return None
    return sentence.cue.slice(comparison.documents[document].document.text)


def attribution_line(comparison: Comparison, document: int, sentence: SentenceResult) -> str:
    """``sources — cue: ‘sources said’`` (the first line of every sentence tooltip)."""
    word = ATTRIBUTION_WORD[sentence.attribution]
    cue = cue_text(comparison, document, sentence)
    return f"{word} — cue: ‘{cue}’" if cue else word


def coverage_phrase(document: int, coverage: Coverage) -> str:
    if document == 0:
        return {
            Coverage.COVERED: "covered — the background reports it",
            Coverage.PARTIAL: "partial — the background reports it with a difference",
            Coverage.ABSENT: "absent — the background does not report it",
        }[coverage]
    return {
        Coverage.COVERED: "covered — the official readout says the same",
        Coverage.PARTIAL: "partial — the readout touches it; this adds or shifts it",
        Coverage.ABSENT: "absent from the official readout",
    }[coverage]


def is_corrected(comparison: Comparison, document: int, index: int, which: Field) -> bool:
    return isinstance(comparison, CorrectedComparison) and comparison.is_corrected(
        document, index, which
    )


def machine_said(comparison: Comparison, document: int, index: int, which: Field) -> str:
    assert isinstance(comparison, CorrectedComparison)
    value = comparison.machine_value(document, index, which)
    if isinstance(value, Attribution):
        return ATTRIBUTION_WORD[value]
    if isinstance(value, Coverage):
        return value.value
    if isinstance(value, tuple):
        return f"{len(value)} link{'s' if len(value) != 1 else ''}"
    return str(value)


def best_match(comparison: Comparison, sentence: SentenceResult) -> tuple[str, float | None]:
    if not sentence.matches:
        return "", None
    match = sentence.matches[0]
    other = comparison.documents[match.document].sentences[match.index]
    return other.text, match.score


NOTE_MARK = "✱"


def tooltip(comparison: Comparison, document: int, index: int, note: str = "") -> str:
    """Rich-text tooltip: attribution and cue, coverage, best match, any correction and note."""
    sentence = comparison.documents[document].sentences[index]
    lines = [f"<b>{html.escape(attribution_line(comparison, document, sentence))}</b>"]
    if is_corrected(comparison, document, index, Field.ATTRIBUTION):
        machine = machine_said(comparison, document, index, Field.ATTRIBUTION)
        lines.append(f"✎ attribution corrected by you; the machine said <i>{machine}</i>")
    lines.append(html.escape(coverage_phrase(document, sentence.coverage)))
    if is_corrected(comparison, document, index, Field.COVERAGE):
        machine = machine_said(comparison, document, index, Field.COVERAGE)
        lines.append(f"✎ coverage corrected by you; the machine said <i>{machine}</i>")
    text, score = best_match(comparison, sentence)
    if text:
        lines.append(f"Best match ({score:.2f}): “{html.escape(shorten(text, 120))}”")
    if is_corrected(comparison, document, index, Field.MATCHES):
        machine = machine_said(comparison, document, index, Field.MATCHES)
        lines.append(f"✎ links changed by you; the machine had {machine}")
    if note.strip():
        lines.append(f"{NOTE_MARK} <i>Your note:</i> {html.escape(shorten(note, 400))}")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"


@dataclass(frozen=True)
class ClaimRow:
    """One row of the claims table."""

    document: int
    index: int
    text: str
    side: str
    role: Role
    attribution: Attribution
    coverage: Coverage
    best_match: str
    score: float | None
    attribution_corrected: bool
    coverage_corrected: bool
    links_corrected: bool
    tooltip_attribution: str
    tooltip_coverage: str


def claim_rows(comparison: Comparison) -> list[ClaimRow]:
    rows: list[ClaimRow] = []
    for d, result in enumerate(comparison.documents):
        side = side_name(comparison, d)
        for s in result.sentences:
            match_text, score = best_match(comparison, s)
            a_fixed = is_corrected(comparison, d, s.index, Field.ATTRIBUTION)
            c_fixed = is_corrected(comparison, d, s.index, Field.COVERAGE)
            rows.append(
                ClaimRow(
                    document=d,
                    index=s.index,
                    text=" ".join(s.text.split()),
                    side=side,
                    role=result.role,
                    attribution=s.attribution,
                    coverage=s.coverage,
                    best_match=" ".join(match_text.split()),
                    score=score,
                    attribution_corrected=a_fixed,
                    coverage_corrected=c_fixed,
                    links_corrected=is_corrected(comparison, d, s.index, Field.MATCHES),
                    tooltip_attribution=(
                        f"Corrected; the machine said "
                        f"{machine_said(comparison, d, s.index, Field.ATTRIBUTION)}"
                        if a_fixed
                        else attribution_line(comparison, d, s)
                    ),
                    tooltip_coverage=(
                        f"Corrected; the machine said "
                        f"{machine_said(comparison, d, s.index, Field.COVERAGE)}"
                        if c_fixed
                        else coverage_phrase(d, s.coverage)
                    ),
                )
            )
    return rows
