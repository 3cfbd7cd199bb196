"""Which sentence the keyboard goes to next (F7, Alt+Down): plain functions, no Qt.

Only claims are stops: a headline, a dateline, a caption or a credit line is never
"the next absent claim" or "the next difference".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.engine.compare import SentenceResult
from desktop.engine.vocabulary import Coverage

Predicate = Callable[[SentenceResult], bool]


def is_absent(sentence: SentenceResult) -> bool:
    return sentence.is_claim and sentence.coverage is Coverage.ABSENT


def is_difference(sentence: SentenceResult) -> bool:
    return sentence.is_claim and sentence.coverage is not Coverage.COVERED


@dataclass(frozen=True)
class Step:
    index: int
    wrapped: bool


def step(
    sentences: Sequence[SentenceResult],
    current: int | None,
    predicate: Predicate,
    *,
    forward: bool,
) -> Step | None:
    """The next (or previous) sentence after ``current`` that satisfies ``predicate``, wrapping."""
    count = len(sentences)
    if count == 0:
        return None
    start = (-1 if forward else count) if current is None else current
    for distance in range(1, count + 1):
        raw = start + distance if forward else start - distance
        index = raw % count
        if predicate(sentences[index]):
            wrapped = raw >= count if forward else raw < 0
            return Step(index, wrapped and current is not None)
    return None
