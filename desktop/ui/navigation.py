"""Which sentence the keyboard goes to next, and which sentence anchors synchronised scrolling.

Plain functions over the comparison's sentences; no Qt.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from desktop.engine.compare import SentenceResult
from desktop.engine.vocabulary import Coverage

Predicate = Callable[[SentenceResult], bool]


def is_absent(sentence: SentenceResult) -> bool:
    return sentence.coverage is Coverage.ABSENT


def is_difference(sentence: SentenceResult) -> bool:
    return sentence.coverage is not Coverage.COVERED


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


class Alignment:
    """Matched pairs between the official readout (left) and one background document (right)."""

    def __init__(self, pairs: Sequence[tuple[int, int]]) -> None:
        self.left_to_right: dict[int, int] = {}
        self.right_to_left: dict[int, int] = {}
        for left, right in pairs:
            self.left_to_right.setdefault(left, right)
            self.right_to_left.setdefault(right, left)
        self._left = sorted(self.left_to_right)
        self._right = sorted(self.right_to_left)

    def partner(self, from_left: bool, index: int) -> int | None:
        return (self.left_to_right if from_left else self.right_to_left).get(index)

    def anchor(self, from_left: bool, index: int) -> tuple[int, int] | None:
        """The matched sentence at or nearest before ``index`` (else after), with its partner."""
        keys = self._left if from_left else self._right
        if not keys:
            return None
        mapping = self.left_to_right if from_left else self.right_to_left
        position = bisect_right(keys, index) - 1
        key = keys[position] if position >= 0 else keys[0]
        return key, mapping[key]
