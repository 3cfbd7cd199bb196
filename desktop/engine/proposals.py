"""Which official claims each background sentence proposes as candidates: an inverted
index over content keys, plus the nearest content and sentence vectors.

A background sentence's proposing keys score every official claim whose posting they
are in (``weight × official weight``, summed key by key); the claims nearest in meaning
join with a score of zero; the best ``CANDIDATES_PER_SENTENCE + 2`` by score (then by
index) are its shortlist. The scores of a block of sentences are summed in one
``np.bincount`` over all their (sentence, claim) cells, which adds each cell's terms in
the order the keys give them, as the loop over a dictionary of scores did, so the sums
and the shortlists are the same to the last bit.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from numpy.typing import NDArray

from desktop.engine.profiles import SentenceProfile
from desktop.engine.semantic import SemanticProfile
from desktop.engine.vocabulary import Unit

CANDIDATES_PER_SENTENCE = 6
SHORTLIST = CANDIDATES_PER_SENTENCE + 2
SEMANTIC_CANDIDATES = 3
# Keys present in more than this share of official sentences do not propose candidates.
_COMMON_SHARE = 0.03
_MIN_POSTINGS_CAP = 30
_MAX_POSTINGS_CAP = 60
# In a long official document only a sentence's most informative words propose candidates.
_PROPOSING_KEYS = 10
_SMALL_DOCUMENT = 400
# A sentence whose content weight is below this is about the event itself.
_FRAME_SENTENCE = 2.5
_BLOCK = 256


def semantic_neighbours(
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
    targets: Sequence[int],
) -> list[list[int]]:
    """Each background sentence's nearest official targets by content vector (above
    0.35) and by sentence vector (above 0.5), ``SEMANTIC_CANDIDATES`` of each."""
    if not targets:
        return [[] for _ in bg_meaning]
    content = np.stack([off_meaning[j].vector for j in targets])
    whole = np.stack([off_meaning[j].sentence for j in targets])
    claims = np.asarray(targets, dtype=np.int64)
    out: list[list[int]] = []
    k = min(SEMANTIC_CANDIDATES, len(targets))
    for start in range(0, len(bg_meaning), _BLOCK):
        chunk = bg_meaning[start : start + _BLOCK]
        found: list[list[int]] = [[] for _ in chunk]
        for matrix, rows, floor in (
            (content, np.stack([m.vector for m in chunk]), 0.35),
            (whole, np.stack([m.sentence for m in chunk]), 0.5),
        ):
            # Negated in place: argpartition's input without a second array of
            # megabytes; a score is above the floor when its negation is below -floor.
            negated = rows @ matrix.T
            np.negative(negated, out=negated)
            top = np.argpartition(negated, k - 1, axis=1)[:, :k]
            # The picks above the floor, in argpartition's order, read in bulk.
            above = (np.take_along_axis(negated, top, axis=1) < -floor).tolist()
            for row, (picks, kept) in enumerate(zip(claims[top].tolist(), above, strict=True)):
                found[row].extend(j for j, keep in zip(picks, kept, strict=True) if keep)
        out.extend(found)
    return out


def shortlists(
    background: Sequence[SentenceProfile],
    official: Sequence[SentenceProfile],
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
) -> list[list[int]]:
    """For each background sentence, the official claims it proposes, best first (empty
    for sentences that are not judged: only claims and headlines are)."""
    targets = [j for j, p in enumerate(official) if p.is_target]
    neighbours = semantic_neighbours(bg_meaning, off_meaning, targets)
    cap = max(_MIN_POSTINGS_CAP, min(_MAX_POSTINGS_CAP, int(_COMMON_SHARE * len(official))))
    postings = _Postings([official[j].weights.items() for j in targets], targets, cap)
    small = len(official) <= _SMALL_DOCUMENT
    # Only a short readout's frame words propose (see below).
    framing = (
        _Postings(
            [((key, 0.01) for key in official[j].frame) for j in targets], targets, len(official)
        )
        if small
        else None
    )
    judged = [i for i, b in enumerate(background) if b.unit in (Unit.CLAIM, Unit.HEADLINE)]
    result: list[list[int]] = [[] for _ in background]
    for start in range(0, len(judged), _BLOCK):
        block = judged[start : start + _BLOCK]
        # Every term of the block's sentences in the order the loop over keys added
        # them: a posting's stretch of the flat postings, the sentence's own weight its
        # official weights are multiplied by, and the cell (block row × official count
        # + claim) they go to.
        spans: list[tuple[int, int]] = []
        frame_spans: list[tuple[int, int]] = []
        factors: list[float] = []
        offsets: list[int] = []
        frame_offsets: list[int] = []
        nearest: list[int] = []
        for row, i in enumerate(block):
            b = background[i]
            offset = row * len(official)
            if small:
                proposing = list(b.weights.items())
            else:
                # Descending (weight, key), as heapq.nlargest gives them.
                proposing = [
                    (k, w)
                    for w, k in sorted(
                        zip(b.weights.values(), b.weights, strict=True), reverse=True
                    )[:_PROPOSING_KEYS]
                ]
            for key, weight in proposing:
                span = postings.spans.get(key)
                if span is not None:
                    spans.append(span)
                    factors.append(weight)
                    offsets.append(offset)
            if framing is not None and sum(b.weights.values()) < _FRAME_SENTENCE:
                # A sentence about the event itself may only match another such sentence.
                for key in b.frame:
                    span = framing.spans.get(key)
                    if span is not None:
                        frame_spans.append(span)
                        frame_offsets.append(offset)
            # Nearest in meaning, whatever the words: a candidate too (paraphrase).
            nearest.extend(offset + j for j in neighbours[i])
        picked = _best_cells(
            postings.terms(spans, offsets, factors),
            postings.terms(frame_spans, frame_offsets, [1.0] * len(frame_spans))
            if framing is None
            else framing.terms(frame_spans, frame_offsets, [1.0] * len(frame_spans)),
            (np.asarray(nearest, dtype=np.int64), np.zeros(len(nearest))),
            width=len(official),
            rows=len(block),
        )
        for row, i in enumerate(block):
            result[i] = picked[row]
    return result


class _Postings:
    """Each key's official claims (ascending) and their weights, in flat arrays."""

    def __init__(
        self, weights: Sequence[Iterable[tuple[str, float]]], claims: Sequence[int], cap: int
    ) -> None:
        by_key: dict[str, list[tuple[int, float]]] = {}
        for j, items in zip(claims, weights, strict=True):
            for key, weight in items:
                found = by_key.get(key)
                if found is None:
                    by_key[key] = [(j, weight)]
                else:
                    found.append((j, weight))
        # Keys in more than ``cap`` claims do not propose: they have no span.
        self.spans: dict[str, tuple[int, int]] = {}
        kept: list[tuple[int, float]] = []
        for key, posting in by_key.items():
            if len(posting) <= cap:
                self.spans[key] = (len(kept), len(posting))
                kept.extend(posting)
        self.claims = np.fromiter((j for j, _ in kept), dtype=np.int64, count=len(kept))
        self.weights = np.fromiter((w for _, w in kept), dtype=np.float64, count=len(kept))

    def terms(
        self, spans: Sequence[tuple[int, int]], offsets: Sequence[int], factors: Sequence[float]
    ) -> tuple[NDArray[np.int64], NDArray[np.float64]]:
        """The cells and values of the postings' stretches ``spans`` in order: each
        claim plus its stretch's offset, each weight times its stretch's factor."""
        if not spans:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        starts = np.fromiter((a for a, _ in spans), dtype=np.int64, count=len(spans))
        sizes = np.fromiter((n for _, n in spans), dtype=np.int64, count=len(spans))
        ends = np.cumsum(sizes)
        # The positions of all stretches, one after another.
        positions = np.arange(int(ends[-1])) + np.repeat(starts - (ends - sizes), sizes)
        cells = self.claims[positions] + np.repeat(np.asarray(offsets, dtype=np.int64), sizes)
        values = self.weights[positions] * np.repeat(np.asarray(factors), sizes)
        return cells, values


def _best_cells(
    *parts: tuple[NDArray[np.int64], NDArray[np.float64]], width: int, rows: int
) -> list[list[int]]:
    """Each row's best ``SHORTLIST`` claims of the cells (row × ``width`` + claim):
    scores summed in input order, best score first, then the lower claim."""
    cells = np.concatenate([c for c, _ in parts])
    unique, inverse = np.unique(cells, return_inverse=True)
    # bincount adds each cell's terms in input order, starting from 0.0: the sums the
    # loop over a dictionary of scores made, to the last bit.
    scores = np.bincount(inverse, weights=np.concatenate([v for _, v in parts]))
    row_of = unique // width
    # unique is in (row, claim) order: two stable sorts give best score first within a
    # row and the lower claim among equal scores (heapq.nlargest over (score, -claim)).
    order = np.argsort(-scores, kind="stable")
    order = order[np.argsort(row_of[order], kind="stable")]
    row_of = row_of[order]
    first = np.searchsorted(row_of, np.arange(rows + 1))
    shortlisted = np.arange(order.size) - first[row_of] < SHORTLIST
    kept_rows = row_of[shortlisted]
    claims = (unique[order[shortlisted]] - kept_rows * width).tolist()
    bounds = np.searchsorted(kept_rows, np.arange(rows + 1)).tolist()
    return [claims[bounds[r] : bounds[r + 1]] for r in range(rows)]
