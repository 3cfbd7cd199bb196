"""Meaning beyond shared lemmas: soft word matches and content vectors per sentence.

Each content token of a sentence gets its word vector (embedding.py); two
sentences are compared word by word — every word's best match on the other
side — so "Burma" finds "Myanmar" and "tariffs" finds "trade" while names and
meeting words, already moved to the frame, add nothing. A sentence's content
vector is the weight-averaged vector of its content words.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from desktop.engine import embedding
from desktop.engine.profiles import SentenceProfile

Array = NDArray[np.float32]
# A best-match cosine at or below FLOOR counts for nothing, at or above FLOOR + SPAN fully.
FLOOR = 0.3
SPAN = 0.45


@dataclass(frozen=True)
class SemanticProfile:
    """Content tokens of one sentence: their keys, weights, vectors; the sentence vector."""

    keys: tuple[str, ...]
    positions: tuple[int, ...]  # token position in the SentenceProfile
    weights: Array
    rows: NDArray[np.intp]  # each content token's row in ``table``
    table: Array  # the word vectors of the comparison, shared by all its profiles
    vector: Array  # unit content vector (zeros when the sentence has no content)
    sentence: Array  # unit vector of the whole sentence, frame words included
    key_ids: NDArray[np.int64]  # a number per key, equal for equal keys within a process

    @cached_property
    def total(self) -> float:
        """The content weight, ``float(weights.sum())``: summed once, asked for by every
        pair the sentence is in."""
        return float(self.weights.sum())

    @property
    def vectors(self) -> Array:
        """One unit row per content token (gathered on use: a megabyte's tokens would
        hold 160 MiB of copies of the same few thousand rows)."""
        gathered: Array = self.table[self.rows]
        return gathered


def semantic_profiles(profiles: Sequence[SentenceProfile]) -> list[SemanticProfile]:
    """Semantic profiles of sentences that were reweighted and framed together.

    The whole-sentence vector is the mean of all the sentence's word vectors, frame
    words included — what WordLlama's own pooling computes, without tokenising twice.
    """
    surfaces: list[str] = []
    for p in profiles:
        surfaces.extend(p.surfaces)
    table = embedding.vocabulary_vectors(surfaces)
    row_of = {word: row for row, word in enumerate(table)}
    matrix = (
        np.stack(list(table.values()))
        if table
        else np.zeros((0, embedding.DIMENSIONS), dtype=np.float32)
    )
    empty = np.zeros(embedding.DIMENSIONS, dtype=np.float32)
    # Every token's row in ``matrix``, sentence after sentence (sliced below).
    all_rows = np.fromiter(map(row_of.__getitem__, surfaces), dtype=np.intp, count=len(surfaces))
    out: list[SemanticProfile] = []
    first = 0
    for p in profiles:
        content = p.weights
        positions: list[int] = []
        keys: list[str] = []
        weights: list[float] = []
        for i, token in enumerate(p.tokens):
            key = token[2]
            if key in content:
                positions.append(i)
                keys.append(key)
                weights.append(content[key])
        count = len(p.surfaces)
        surface_rows = all_rows[first : first + count]
        first += count
        every = matrix[surface_rows] if count else None
        if positions and every is not None:
            rows = surface_rows[positions]
            w = np.asarray(weights, dtype=np.float32)
            vector = _unit(w @ every[positions])
        else:
            rows = np.zeros(0, dtype=np.intp)
            w = np.zeros(0, dtype=np.float32)
            vector = empty
        sentence = _unit(_sum(every, axis=0)) if every is not None else empty
        ids = np.fromiter(map(hash, keys), dtype=np.int64, count=len(keys))
        made = SemanticProfile(
            tuple(keys), tuple(positions), w, rows, matrix, vector, sentence, ids
        )
        # ``total``, summed now (the cached property's value): nearly every sentence is
        # asked for it.
        made.__dict__["total"] = float(_sum(w))
        out.append(made)
    return out


# What ndarray.sum calls (NumPy's own _methods._sum), without the two Python calls
# around it: the same reduction, the same pairwise summation.
_sum = np.add.reduce


def _unit(vector: Array) -> Array:
    # np.linalg.norm of a vector, without its dispatch: the square root of its dot product.
    length = float(np.sqrt(vector.dot(vector)))
    result: Array = (vector / length if length > 0 else vector).astype(np.float32)
    return result


def _gathered(profiles: Sequence[SemanticProfile]) -> Array:
    """The content-token vectors of ``profiles``, in order, in one array."""
    table = profiles[0].table
    if all(p.table is table for p in profiles):
        result: Array = table[np.concatenate([p.rows for p in profiles])]
        return result
    return np.concatenate([p.vectors for p in profiles])


def credit(cosines: Array) -> Array:
    result: Array = np.clip((cosines - FLOOR) / SPAN, 0.0, 1.0).astype(np.float32)
    return result


class PairCredits(NamedTuple):
    """Soft recalls of one pair and the credits behind them (see :func:`pair_credits`;
    a named tuple: eight are made for every background sentence)."""

    recall_a: float  # share of a's content weight the other accounts for
    recall_other: float  # share of the other's content weight a accounts for
    a_credits: Array  # credit of each of a's content tokens against the other
    other_credits: Array  # credit of each of the other's content tokens against a


def pair_credits(a: SemanticProfile, others: Sequence[SemanticProfile]) -> list[PairCredits]:
    """For each of ``others``, both directions of the soft match — one matrix product
    for all of them. A token's credit against a sentence is 1 for the same key, else
    its cosine to the closest token there scaled by :func:`credit`. The aligner keeps
    the credits, so the coverage and official judgements reuse them instead of
    comparing the same tokens again."""
    filled = [i for i, o in enumerate(others) if o.keys]
    if not a.keys or not filled:
        return [_no_credits(a, o) for o in others]
    total_a = a.total
    vectors = _gathered([others[i] for i in filled])
    ids = np.concatenate([others[i].key_ids for i in filled])
    sizes = [len(others[i].keys) for i in filled]
    starts = [0, *accumulate(sizes[:-1])]
    scores = a.vectors @ vectors.T
    # credit(), in place: the same float32 operations without three temporaries.
    scores -= FLOOR
    scores /= SPAN
    np.maximum(scores, 0.0, out=scores)  # np.clip(scores, 0.0, 1.0), without its wrappers
    np.minimum(scores, 1.0, out=scores)
    scores[a.key_ids[:, None] == ids[None, :]] = 1.0
    best_for_a = np.maximum.reduceat(scores, starts, axis=1)  # a's tokens × others
    soft_a = (a.weights @ best_for_a) / total_a if total_a > 0 else np.zeros(len(filled))
    best_for_others = np.maximum.reduce(scores, axis=0)
    # Each token's credit times its weight, for all of them at once: a slice's sum is
    # the sum of the same products made one pair at a time (the same pairwise summation).
    weighted = best_for_others * np.concatenate([others[i].weights for i in filled])
    slot_of = {i: slot for slot, i in enumerate(filled)}
    result: list[PairCredits] = []
    soft_values = soft_a.tolist()
    for i, other in enumerate(others):
        slot = slot_of.get(i)
        if slot is None:
            result.append(_no_credits(a, other))
            continue
        start = starts[slot]
        end = start + sizes[slot]
        total = other.total
        result.append(
            PairCredits(
                soft_values[slot] if total_a > 0 else 0.0,
                float(_sum(weighted[start:end])) / total if total > 0 and total_a > 0 else 0.0,
                best_for_a[:, slot],
                best_for_others[start:end],
            )
        )
    return result


def _no_credits(a: SemanticProfile, other: SemanticProfile) -> PairCredits:
    return PairCredits(
        0.0,
        0.0,
        np.zeros(len(a.keys), dtype=np.float32),
        np.zeros(len(other.keys), dtype=np.float32),
    )


def content_cosine(a: SemanticProfile, b: SemanticProfile) -> float:
    return float(a.vector @ b.vector)


def sentence_cosine(a: SemanticProfile, b: SemanticProfile) -> float:
    return float(a.sentence @ b.sentence)
