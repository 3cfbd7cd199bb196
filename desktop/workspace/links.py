"""Matched pairs between the official readout and one background document: the link map's
bands and the alignment synchronised scrolling follows (no Qt).

Bands are merged where the matches run in parallel (sentences i, i+1, … on the
left linked to j, j+1, … on the right, same coverage): a long article gives a few
readable ribbons instead of a wall of overlapping strands.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple

from desktop.engine.compare import DocumentResult
from desktop.engine.corrections import CorrectedComparison, Field
from desktop.engine.vocabulary import Coverage


class Link(NamedTuple):
    """A match from sentence ``left`` of the official readout to ``right`` of a background."""

    left: int
    right: int
    coverage: Coverage  # of the background sentence
    score: float
    corrected: bool = False


class Band(NamedTuple):
    """One ribbon of the link map: official sentences ``left_first…left_last`` matched in
    order to background sentences ``right_first…right_last``."""

    left_first: int
    left_last: int
    right_first: int
    right_last: int
    coverage: Coverage
    score: float  # the weakest link's
    corrected: bool
    links: tuple[Link, ...]

    def holds(self, left: int, right: int) -> bool:
        return any(link.left == left and link.right == right for link in self.links)


def links_of(comparison: CorrectedComparison, document: int) -> tuple[Link, ...]:
    """Every match between the official readout and background ``document``."""
    relinked = {
        i
        for (d, i), fields in comparison.changes.items()
        if d == document and Field.MATCHES in fields
    }
    return tuple(
        Link(m.index, s.index, s.coverage, m.score, s.index in relinked)
        for s in comparison.documents[document].sentences
        for m in s.matches
        if m.document == 0
    )


def bands_of(links: Sequence[Link]) -> tuple[Band, ...]:
    """``links`` as bands, parallel runs merged (a corrected link stays a band of its own)."""
    ordered = sorted(links, key=lambda link: (link.right, link.left))
    bands: list[Band] = []
    run: list[Link] = []

    def close() -> None:
        if run:
            bands.append(
                Band(
                    run[0].left,
                    run[-1].left,
                    run[0].right,
                    run[-1].right,
                    run[0].coverage,
                    min(link.score for link in run),
                    run[0].corrected,
                    tuple(run),
                )
            )

    for link in ordered:
        last = run[-1] if run else None
        if (
            last is not None
            and not link.corrected
            and not last.corrected
            and link.coverage is last.coverage
            and link.right == last.right + 1
            and link.left == last.left + 1
        ):
            run.append(link)
            continue
        close()
        run = [link]
    close()
    return tuple(bands)


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


def alignment_of(result: DocumentResult) -> Alignment:
    """Matched pairs for synchronised scrolling, strongest first."""
    pairs = [
        (m.index, s.index, m.score) for s in result.sentences for m in s.matches if m.document == 0
    ]
    pairs.sort(key=lambda p: -p[2])
    return Alignment([(a, b) for a, b, _ in pairs])
