"""The words Readout uses for a sentence: its attribution and cue, its coverage on each side,
its unit, its best match, what the machine said before a correction (no Qt)."""

from __future__ import annotations

from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.corrections import CorrectedComparison, Field
from desktop.engine.vocabulary import Attribution, Coverage, Unit

ATTRIBUTION_WORD = {
    Attribution.OFFICIAL: "official",
    Attribution.SOURCES: "sources",
    Attribution.NAMED: "named",
    Attribution.REPORTER: "reporter",
}
# What a non-claim is, in a tooltip or the claims table's Unit column.
UNIT_WORD = {
    Unit.CLAIM: "claim",
    Unit.HEADLINE: "headline",
    Unit.STANDFIRST: "standfirst",
    Unit.DATELINE: "dateline",
    Unit.BYLINE: "byline",
    Unit.CAPTION: "photo caption",
    Unit.CREDIT: "credit line",
    Unit.TITLE: "release title",
    Unit.LINK: "related link",
    Unit.SIGNATURE: "post signature",
    Unit.FORWARD: "forwarding line",
    Unit.BOILERPLATE: "boilerplate",
}


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
    """Coverage answers a different question on each side: left, is it reported in the
    background? right, is it in the readout?"""
    if document == 0:
        return {
            Coverage.COVERED: "covered — reported: the background says the same",
            Coverage.PARTIAL: "partial — reported in part: the background says it differently",
            Coverage.ABSENT: "absent — not reported: the background does not say it",
        }[coverage]
    return {
        Coverage.COVERED: "covered — in the readout: the official readout says the same",
        Coverage.PARTIAL: "partial — in part: the readout touches it; this adds or shifts it",
        Coverage.ABSENT: "absent — not in the readout: the official readout does not say it",
    }[coverage]


def unit_phrase(sentence: SentenceResult) -> str:
    """What a non-claim is and why it does not count (empty for a claim)."""
    if sentence.is_claim:
        return ""
    if sentence.unit is Unit.HEADLINE:
        return "headline — judged on its own, not counted among the claims, never a match"
    return f"{UNIT_WORD[sentence.unit]} — not a claim: not counted, never a match"


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
