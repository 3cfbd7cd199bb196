"""A Comparison as the JSON object of the engine's contract (DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from desktop.engine.compare import (
    Comparison,
    CounterpartTie,
    DocumentResult,
    DocumentSummary,
    SentenceResult,
)
from desktop.engine.provenance import provenance
from desktop.engine.revisions import Revision
from desktop.engine.vocabulary import Coverage, Role


def _sentence(result: SentenceResult, text: str) -> dict[str, Any]:
    cue = text[result.cue.start : result.cue.end] if result.cue else None
    return {
        "index": result.index,
        "start": result.start,
        "end": result.end,
        "text": result.text,
        "unit": result.unit.value,
        "attribution": result.attribution.value,
        "cue": cue,
        "coverage": result.coverage.value,
        "shift": result.shift.value if result.shift else None,
        "shift_words": [
            {"document": document, "start": span.start, "end": span.end}
            for document, span in result.shift_words
        ],
        "matches": [
            {"document": m.document, "index": m.index, "score": round(m.score, 3)}
            for m in result.matches
        ],
    }


def _sentences(comparison: Comparison, number: int, doc: DocumentResult) -> list[dict[str, Any]]:
    sentences = [_sentence(s, doc.document.text) for s in doc.sentences]
    if doc.role is Role.BACKGROUND:
        # A claim on the counterpart government's word: is it in that government's readout?
        for item, s in zip(sentences, doc.sentences, strict=True):
            item["counterpart"] = _tie(comparison.counterpart_ties.get((number, s.index)))
    return sentences


def _tie(tie: CounterpartTie | None) -> dict[str, Any] | None:
    if tie is None:
        return None
    return {"document": tie.document, "index": tie.index, "coverage": tie.coverage.value}


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    from desktop.engine.topics import matrix_note

    summary = comparison.summary()
    # Past the matrix's claim limit ``topics`` is empty and says why, here and in warnings.
    note = matrix_note(comparison)
    return {
        "engine": comparison.engine,
        "settings": comparison.settings.to_json(),
        "documents": [
            {
                "role": doc.role.value,
                "title": doc.document.title,
                "source": doc.document.source,
                "provenance": provenance(doc.document).to_json(),
                "language": doc.language,
                "sentences": _sentences(comparison, d, doc),
            }
            for d, doc in enumerate(comparison.documents)
        ],
        "revisions": [_revision(r) for r in comparison.revisions],
        "topics": [] if note else topics_to_json(comparison),
        "topics_note": note or None,
        "summary": {
            "background": {c.value: summary.background[c] for c in Coverage},
            "official": {c.value: summary.official[c] for c in Coverage},
            "units": {u.value: n for u, n in sorted(summary.units.items())},
            "documents": [_document_summary(d) for d in summary.documents],
        },
        "warnings": [*comparison.warnings, *([note] if note else [])],
    }


def _revision(revision: Revision) -> dict[str, Any]:
    return {
        "from": revision.old,
        "to": revision.new,
        "added": list(revision.added),
        "removed": list(revision.removed),
        "changed": [list(pair) for pair in revision.changed],
        # Reporting claims that match a removed sentence: [document, index, removed index].
        "reported": [list(item) for item in revision.reported],
    }


def _document_summary(summary: DocumentSummary) -> dict[str, Any]:
    counts: dict[str, Any] = {"document": summary.document, "role": summary.role.value}
    counts.update({c.value: summary.claims[c] for c in Coverage})
    if summary.official is not None:
        # A counterpart, the other way round: the readout's claims it mentions.
        counts["official"] = {c.value: summary.official[c] for c in Coverage}
    return counts


def topics_to_json(comparison: Comparison) -> list[dict[str, Any]]:
    """The omission matrix's rows: per document (and per attribution within reporting)
    whether it mentions the topic (covered), in part (partial) or not at all (absent)."""
    from desktop.engine.topics import topics

    return [
        {
            "id": topic.id,
            "label": topic.label,
            "sentences": [list(key) for key in topic.sentences],
            "documents": {str(d): c.value for d, c in topic.cells.items()},
            "counts": {str(d): n for d, n in topic.counts.items()},
            "attributions": {
                str(d): {a.value: c.value for a, c in cells.items()}
                for d, cells in topic.by_attribution.items()
            },
        }
        for topic in topics(comparison)
    ]


def comparison_to_json(comparison: Comparison) -> str:
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2)
