"""A Comparison as the JSON object of the engine's contract (DESIGN.md)."""

from __future__ import annotations

import json
from typing import Any

from desktop.engine.compare import Comparison, SentenceResult
from desktop.engine.vocabulary import Coverage


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
        "matches": [
            {"document": m.document, "index": m.index, "score": round(m.score, 3)}
            for m in result.matches
        ],
    }


def comparison_to_dict(comparison: Comparison) -> dict[str, Any]:
    summary = comparison.summary()
    return {
        "engine": comparison.engine,
        "settings": comparison.settings.to_json(),
        "documents": [
            {
                "role": doc.role.value,
                "title": doc.document.title,
                "source": doc.document.source,
                "sentences": [_sentence(s, doc.document.text) for s in doc.sentences],
            }
            for doc in comparison.documents
        ],
        "summary": {
            "background": {c.value: summary.background[c] for c in Coverage},
            "official": {c.value: summary.official[c] for c in Coverage},
            "units": {u.value: n for u, n in sorted(summary.units.items())},
        },
    }


def comparison_to_json(comparison: Comparison) -> str:
    return json.dumps(comparison_to_dict(comparison), ensure_ascii=False, indent=2)
