"""Which of the user's corrections land on a sentence (no Qt)."""

from __future__ import annotations

from collections.abc import Sequence

from desktop.engine.corrections import CorrectedComparison, Correction, SentenceKey


def corrections_for(
    corrections: Sequence[Correction], comparison: CorrectedComparison, key: SentenceKey
) -> list[Correction]:
    """The user's corrections that land on sentence ``key`` (as anchor or as link target)."""
    machine = comparison.machine or comparison
    found = []
    for correction in corrections:
        for anchor in (correction.anchor, correction.target):
            if anchor is None or anchor.document != key[0]:
                continue
            if anchor.resolve(machine) == key[1]:
                found.append(correction)
                break
    return found
