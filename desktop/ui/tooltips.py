"""The rich-text tooltip of a sentence in the panes, from the workspace's words."""

from __future__ import annotations

import html

from desktop.engine.compare import Comparison
from desktop.engine.corrections import Field
from desktop.engine.counterpart_ties import counterpart_line, counterpart_sentence
from desktop.engine.lens_marks import shift_lines_for
from desktop.engine.vocabulary import Unit
from desktop.workspace.revision_marks import revision_lines, state_line
from desktop.workspace.wording import (
    attribution_line,
    best_match,
    coverage_phrase,
    is_corrected,
    machine_said,
    shorten,
    unit_phrase,
)

NOTE_MARK = "✱"


def tooltip(comparison: Comparison, document: int, index: int, note: str = "") -> str:
    """Attribution and cue, coverage (or what a non-claim is), best match, corrections, note."""
    sentence = comparison.documents[document].sentences[index]
    lines = []
    unit = unit_phrase(sentence)
    if unit:
        lines.append(f"<i>{html.escape(unit)}</i>")
    lines.append(f"<b>{html.escape(attribution_line(comparison, document, sentence))}</b>")
    if is_corrected(comparison, document, index, Field.ATTRIBUTION):
        machine = machine_said(comparison, document, index, Field.ATTRIBUTION)
        lines.append(f"✎ attribution corrected by you; the machine said <i>{machine}</i>")
    state = state_line(comparison, document, index)
    if state:  # a version of the release: how the official readout has it, not coverage
        lines.append(html.escape(state))
    elif sentence.is_claim or sentence.unit is Unit.HEADLINE:
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
    tie = counterpart_line(comparison, document, index)
    if tie:
        lines.append(f"<i>{html.escape(tie)}</i>")
        said = counterpart_sentence(comparison, document, index)
        if said:
            lines.append(f"Counterpart: “{html.escape(shorten(said, 120))}”")
    for line in shift_lines_for(comparison, document, index):
        lines.append(f"<i>Shift:</i> {html.escape(line)}")
    for line in revision_lines(comparison, document, index):
        lines.append(f"<i>Revision:</i> {html.escape(line)}")
    if note.strip():
        lines.append(f"{NOTE_MARK} <i>Your note:</i> {html.escape(shorten(note, 400))}")
    return "<p style='white-space:pre-wrap'>" + "<br>".join(lines) + "</p>"
