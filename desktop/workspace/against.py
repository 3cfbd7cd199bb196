"""The official readout against one background-side document alone (no Qt).

The comparison pools the reporting: an official sentence is covered when any article
covers it. Against one tab the question is what that document alone reflects — the
engine's own judgement on the pair (a counterpart's is already in the comparison).
"""

from __future__ import annotations

from dataclasses import replace

from desktop.engine.compare import Comparison, SentenceResult, compare
from desktop.engine.corrections import CorrectedComparison, Field
from desktop.engine.vocabulary import Coverage, Role
from desktop.workspace.inputs import SessionInputs


def official_in_one(inputs: SessionInputs, document: int) -> tuple[Coverage, ...]:
    """The coverage of every official sentence in background-side document ``document``
    (1 the first) alone: ``compare`` on that pair, with the session's settings."""
    if inputs.official is None or not 1 <= document <= len(inputs.backgrounds):
        raise ValueError(f"no background-side document {document} beside an official readout")
    pair = compare(inputs.official, [inputs.backgrounds[document - 1]], settings=inputs.settings)
    return tuple(s.coverage for s in pair.official.sentences)


def known_official_in(comparison: Comparison, document: int) -> tuple[Coverage, ...] | None:
    """What the comparison already knows of the readout in ``document`` alone: a
    counterpart's judgement both ways, or the pooled one when there is a single report."""
    if document in comparison.official_in:
        return tuple(comparison.official_in[document])
    reporting = [d for d, doc in enumerate(comparison.documents) if doc.role is Role.BACKGROUND]
    if reporting == [document]:
        return tuple(s.coverage for s in comparison.official.sentences)
    return None


def official_against(
    comparison: Comparison, coverages: tuple[Coverage, ...]
) -> list[SentenceResult] | None:
    """The official sentences with ``coverages`` (None when they do not line up); a
    coverage the user corrected stays as corrected."""
    sentences = comparison.official.sentences
    if len(coverages) != len(sentences):
        return None
    kept = (
        {i for (d, i), fields in comparison.changes.items() if d == 0 and Field.COVERAGE in fields}
        if isinstance(comparison, CorrectedComparison)
        else set()
    )
    return [
        s if s.index in kept else replace(s, coverage=coverage)
        for s, coverage in zip(sentences, coverages, strict=True)
    ]
