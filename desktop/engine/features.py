"""Numbers the aligner decides on: how much of one sentence another accounts for.

Similarity alone cannot tell `covered` from `partial`; what can is the part of a
background sentence that its matches leave unexplained (weighted by how
informative the words are), names and numbers the readout never mentions, and
words that make a claim stronger or softer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from desktop.engine.profiles import SentenceProfile
from desktop.engine.semantic import SemanticProfile
from desktop.engine.vocabulary import Unit

# The features of the three fitted decisions (model.py). Everything is computed on
# profiles that were reweighted and framed together (frame.py): ``weights`` are the
# content keys, ``frame`` the event's frame.

# What ndarray.sum calls, without the two Python calls around it (the same reduction).
_sum = np.add.reduce

PAIR_FEATURES = (
    "recall_bg",
    "recall_off",
    "cosine",
    "soft_bg",
    "soft_off",
    "content_cosine",
    "sentence_cosine",
    "frame_only",
    "frame_pair",
    "is_best",
    "gap",
    "shared_names",
    "number_clash",
    "bias",
)


class Pair(NamedTuple):
    """What a background sentence and an official candidate share. (A named tuple: the
    aligner makes one for every candidate it weighs, eight per background sentence, and a
    frozen dataclass took three times as long to build.)"""

    lexical_bg: float
    lexical_off: float
    cosine: float
    soft_bg: float
    soft_off: float
    content_cosine: float
    sentence_cosine: float
    frame_only: bool  # nothing but frame words in common
    frame_pair: bool  # both sentences are about the event itself: no content of their own
    shared_names: float
    number_clash: bool

    @property
    def strength(self) -> float:
        """How candidates are ranked before the model sees them."""
        return 0.5 * (self.soft_bg + self.soft_off) + 0.3 * self.cosine + 0.2 * self.content_cosine

    @property
    def has_content(self) -> bool:
        """A link needs shared content — or two sentences that are both only the event."""
        return (
            not self.frame_only and (self.lexical_bg > 0 or self.soft_bg >= 0.2)
        ) or self.frame_pair


def weight_in(weights: dict[str, float], keys: frozenset[str] | set[str]) -> float:
    """Weight of the keys of ``weights`` that are in ``keys``, looked up one by one:
    ``weights.keys() & keys`` walks all of ``keys``, the whole readout's vocabulary."""
    return sum(w for k, w in weights.items() if k in keys)


# A sentence whose content weight is below this is about the event itself.
_FRAME_SENTENCE = 2.5


def pair(
    background: SentenceProfile,
    official: SentenceProfile,
    bg_meaning: SemanticProfile,
    off_meaning: SemanticProfile,
    soft: tuple[float, float],
) -> Pair:
    """``soft``: (background, official) soft recalls, computed in bulk by the caller
    (semantic.pair_credits)."""
    bw, ow = background.weights, official.weights
    common = bw.keys() & ow.keys()
    soft_bg, soft_off = soft
    names_bg, names_off = background.names, official.names
    content_bg = background.total
    content_off = official.total
    shared_bg = shared_off = dot = 0.0
    for key in common:
        b, o = bw[key], ow[key]
        shared_bg += b
        shared_off += o
        dot += b * o
    norm = background.norm * official.norm
    # The frame words in common matter only to a pair with no content key in common
    # (frame_only) or of two frame sentences (frame_pair): most pairs never build them.
    frame_only = (
        not common and soft_bg < 0.2 and not background.frame.keys().isdisjoint(official.frame)
    )
    frame_pair = (
        content_bg < _FRAME_SENTENCE
        and content_off < _FRAME_SENTENCE
        and len(background.frame.keys() & official.frame.keys()) >= 2
    )
    shared = len(names_bg & names_off)
    return Pair(
        shared_bg / content_bg,
        shared_off / content_off,
        dot / norm if norm else 0.0,
        soft_bg,
        soft_off,
        # ndarray.dot and @ call the same BLAS dot on two vectors; .dot dispatches faster.
        float(bg_meaning.vector.dot(off_meaning.vector)),
        float(bg_meaning.sentence.dot(off_meaning.sentence)),
        frame_only,
        frame_pair,
        shared / (len(names_bg) + len(names_off) - shared) if names_bg or names_off else 0.0,
        bool(background.numbers and official.numbers) and not background.numbers & official.numbers,
    )


def pair_features(p: Pair, best_strength: float, rank: int) -> list[float]:
    return [
        p.lexical_bg,
        p.lexical_off,
        p.cosine,
        p.soft_bg,
        p.soft_off,
        p.content_cosine,
        p.sentence_cosine,
        1.0 if p.frame_only else 0.0,
        1.0 if p.frame_pair else 0.0,
        1.0 if rank == 0 else 0.0,
        best_strength - p.strength,
        p.shared_names,
        1.0 if p.number_clash else 0.0,
        1.0,
    ]


COVERAGE_FEATURES = (
    "link_prob",
    "union_lexical",
    "union_soft",
    "best_soft",
    "best_sentence",
    "uncovered_weight",
    "worst_clause",
    "uncovered_clauses",
    "doc_recall",
    "new_names",
    "new_numbers",
    "added_strong",
    "added_hedge",
    "negation_mismatch",
    "omission",
    "headline",
    "frame_sentence",
    "bias",
)
# Attribution is deliberately not a coverage feature: whether a claim is in the
# readout does not depend on who is said to have made it.


def _clause_residue(
    background: SentenceProfile, meaning: SemanticProfile, credits: NDArray[np.float32]
) -> tuple[float, int]:
    """The most content weight one clause leaves unexplained, and how many clauses are
    mostly unexplained (more than 3 and more than three quarters of their weight).

    A dozen tokens in three clauses: plain floats in token order make the sums
    ``np.bincount`` made (float64, each clause's terms added in order from 0.0), in a
    third of the time its arrays took."""
    if not meaning.positions:
        return 0.0, 0
    clause_of = background.clause_of
    totals: dict[int, float] = {}
    left: dict[int, float] = {}
    for position, weight, credit in zip(
        meaning.positions, meaning.weights.tolist(), credits.tolist(), strict=True
    ):
        clause = clause_of[position]
        totals[clause] = totals.get(clause, 0.0) + weight
        left[clause] = left.get(clause, 0.0) + weight * (1.0 - credit)
    mostly = sum(1 for k, v in left.items() if v > 3.0 and v > 0.75 * totals[k])
    return max(left.values()), mostly


def coverage_features(
    background: SentenceProfile,
    meaning: SemanticProfile,
    linked: Sequence[tuple[SentenceProfile, SemanticProfile]],
    link_prob: float,
    best_soft: float,
    official_keys: frozenset[str],
    best_sentence: float,
    credits: NDArray[np.float32],
) -> list[float]:
    """``credits``: each content token's best credit against ``linked`` (zeros when
    nothing is linked), kept from the candidates (semantic.pair_credits)."""
    union: set[str] = set()
    for official, _ in linked:
        union.update(official.weights)
        union.update(official.frame)
    lexical = weight_in(background.weights, union) / background.total
    total = meaning.total
    covered = float(_sum(meaning.weights * credits))
    union_soft = covered / total if total > 0 else 0.0
    # Per clause: content weight its matches leave unexplained.
    worst, uncovered_clauses = _clause_residue(background, meaning, credits)
    tone_bg = background.tone
    tone_linked: dict[str, set[str]] = {}
    for official, _ in linked:
        for kind, keys in official.tone.items():
            tone_linked.setdefault(kind, set()).update(keys)
    added = {
        kind: len(tone_bg.get(kind, frozenset()) - tone_linked.get(kind, set()))
        for kind in ("strong", "hedge")
    }
    negated_bg = bool(tone_bg.get("negation"))
    negated_linked = bool(tone_linked.get("negation"))
    values = {
        "link_prob": link_prob,
        "union_lexical": lexical,
        "union_soft": union_soft,
        "best_soft": best_soft,
        "best_sentence": best_sentence,
        "uncovered_weight": math.log1p(max(0.0, total - covered)),
        "worst_clause": math.log1p(worst),
        "uncovered_clauses": float(uncovered_clauses),
        "doc_recall": weight_in(background.weights, official_keys) / background.total,
        "new_names": math.log1p(len(background.names - official_keys)),
        "new_numbers": math.log1p(len(background.numbers - official_keys)),
        "added_strong": float(added["strong"]),
        "added_hedge": float(added["hedge"]),
        "negation_mismatch": 1.0 if linked and negated_bg != negated_linked else 0.0,
        "omission": 1.0 if background.omission else 0.0,
        "headline": 1.0 if background.unit is Unit.HEADLINE else 0.0,
        # ``total`` is that sum (or 1e-9 for none), below the bound exactly when it is.
        "frame_sentence": 1.0 if background.total < _FRAME_SENTENCE else 0.0,
        "bias": 1.0,
    }
    return [values[name] for name in COVERAGE_FEATURES]


OFFICIAL_FEATURES = (
    "best_main",
    "union_main",
    "union_full",
    "max_link",
    "linked",
    "reported_covered",
    "reported_partial",
    "frame_sentence",
    "bias",
)


class Linker(NamedTuple):
    """A background claim proposed as a match for an official sentence (a named tuple:
    the official judgement makes one for every proposal)."""

    probability: float
    linked: bool  # probability at or above the link threshold
    coverage: str  # the background sentence's own decision


_MainClause = tuple[list[int], NDArray[np.float32], float]


def _main_clause(official: SentenceProfile, meaning: SemanticProfile) -> _MainClause:
    """The content tokens of the main clause (all when it has none), their weights and
    total weight."""
    main = [i for i, position in enumerate(meaning.positions) if position in official.main]
    if not main:
        main = list(range(len(meaning.positions)))
    weights = meaning.weights[main]
    return main, weights, float(_sum(weights))


def _main_recall(clause: _MainClause, credits: NDArray[np.float32]) -> NDArray[np.float64]:
    """Share of the main clause's content weight each column of ``credits`` accounts for."""
    main, weights, total = clause
    if total <= 0:
        return np.zeros(credits.shape[1])
    result: NDArray[np.float64] = np.asarray((weights @ credits[main]) / total, dtype=np.float64)
    return result


def official_features(
    official: SentenceProfile,
    meaning: SemanticProfile,
    linkers: Sequence[Linker],
    credits: NDArray[np.float32],
) -> list[float]:
    """Background ⇒ official: is the official sentence's main claim conveyed?

    ``credits``: the official tokens' credits against each linker (one column each),
    kept from the candidates (semantic.pair_credits)."""
    clause = _main_clause(official, meaning) if meaning.keys and linkers else None
    main = _main_recall(clause, credits) if clause is not None else None
    best_main = float(main.max()) if main is not None and main.size else 0.0
    linked = [k for k, x in enumerate(linkers) if x.linked]
    if linked and clause is not None:
        union = credits[:, linked].max(axis=1, keepdims=True)
        union_main = float(_main_recall(clause, union)[0])
        total = meaning.total
        union_full = float(_sum(meaning.weights * union[:, 0])) / total if total > 0 else 0.0
    else:
        union_main = union_full = 1.0 if linked else 0.0
    reported = [linkers[k] for k in linked if linkers[k].coverage != "absent"]
    return [
        best_main,
        union_main,
        union_full,
        max((x.probability for x in linkers), default=0.0),
        math.log1p(len(linked)),
        1.0 if any(x.coverage == "covered" for x in reported) else 0.0,
        1.0 if any(x.coverage == "partial" for x in reported) else 0.0,
        1.0 if official.total < _FRAME_SENTENCE else 0.0,  # the weights' sum, as above
        1.0,
    ]


def all_keys(profiles: Iterable[SentenceProfile]) -> frozenset[str]:
    keys: set[str] = set()
    for p in profiles:
        keys.update(p.weights)  # ``|= dict.keys()`` would copy the set every time
    return frozenset(keys)
