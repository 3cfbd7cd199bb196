"""Numbers the aligner decides on: how much of one sentence another accounts for.

Similarity alone cannot tell `covered` from `partial`; what can is the part of a
background sentence that its matches leave unexplained (weighted by how
informative the words are), names and numbers the readout never mentions, and
words that make a claim stronger or softer.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.engine.lexicon import Token, tokens
from desktop.engine.vocabulary import Attribution

# Words that strengthen, soften or sharpen a claim beyond a neutral readout.
INTENSITY = frozenset(
    """strong strongly firmly sharply categorically strict stern objection objections objected
    protest protested insisted insist assured assurance warned warning pressed demanded demand
    urged urge only solely exclusively never always repeatedly explicitly detail detailed
    rejected reject refused deny denied condemned condemn slammed blunt bluntly frank frankly
    tough serious seriously grave deep deeply major significant breakthrough failed
    unprecedented historic immediate immediately unwavering steadfast might may possibly
    reportedly likely unlikely""".split()
)
NEGATION = frozenset("not no neither nor never without none nothing".split())
_HEADING_VERB = re.compile(r"\b\w+(?:ed|s)\b")


@dataclass(frozen=True)
class SentenceProfile:
    """A sentence as the aligner sees it."""

    start: int
    end: int
    weights: dict[str, float]
    names: frozenset[str]
    numbers: frozenset[str]
    intensity: frozenset[str]
    negated: bool
    heading: bool
    total: float


def profile(text: str, start: int, end: int) -> SentenceProfile:
    words = tokens(text, start, end)
    weights: dict[str, float] = {}
    for token in words:
        weights[token.key] = max(weights.get(token.key, 0.0), token.weight)
    raw = text[start:end]
    lowered = set(re.findall(r"[a-z]+", raw.lower()))
    return SentenceProfile(
        start=start,
        end=end,
        weights=weights,
        names=frozenset(t.key for t in words if t.is_name),
        numbers=frozenset(t.key for t in words if t.is_number),
        intensity=frozenset(lowered & INTENSITY),
        negated=bool(lowered & NEGATION),
        heading=_is_heading(raw),
        total=sum(weights.values()) or 1e-9,
    )


def _is_heading(raw: str) -> bool:
    """Headline, dateline, caption or credit line: a line that is not a finished sentence."""
    stripped = raw.strip()
    if not stripped:
        return True
    return stripped[-1] not in ".!?”\"।。’)" or len(stripped.split()) <= 4


def shared_weight(a: SentenceProfile, keys: Iterable[str]) -> float:
    return sum(a.weights[k] for k in keys if k in a.weights)


PAIR_FEATURES = ("recall_bg", "recall_off", "cosine", "is_best", "cosine_gap", "shared_names", "bias")


def pair_features(
    background: SentenceProfile, official: SentenceProfile, best_cosine: float, rank: int
) -> list[float]:
    common = background.weights.keys() & official.weights.keys()
    recall_bg = shared_weight(background, common) / background.total
    recall_off = shared_weight(official, common) / official.total
    cos = cosine(background, official)
    names = background.names | official.names
    shared_names = len(background.names & official.names) / len(names) if names else 0.0
    return [recall_bg, recall_off, cos, 1.0 if rank == 0 else 0.0, best_cosine - cos, shared_names, 1.0]


def cosine(a: SentenceProfile, b: SentenceProfile) -> float:
    common = a.weights.keys() & b.weights.keys()
    dot = sum(a.weights[k] * b.weights[k] for k in common)
    norm = math.sqrt(sum(v * v for v in a.weights.values())) * math.sqrt(
        sum(v * v for v in b.weights.values())
    )
    return dot / norm if norm else 0.0


COVERAGE_FEATURES = (
    "link_prob",
    "union_recall",
    "best_recall",
    "best_cosine",
    "uncovered_weight",
    "doc_recall",
    "new_names",
    "new_numbers",
    "added_intensity",
    "negation_mismatch",
    "heading",
    "is_official",
    "is_sources",
    "is_named",
    "bias",
)


def coverage_features(
    background: SentenceProfile,
    linked: Sequence[SentenceProfile],
    link_prob: float,
    best_recall: float,
    best_cosine: float,
    official_keys: frozenset[str],
    attribution: Attribution,
) -> list[float]:
    union: set[str] = set()
    for official in linked:
        union |= official.weights.keys()
    covered = shared_weight(background, background.weights.keys() & union)
    uncovered = background.total - covered
    doc_recall = shared_weight(background, background.weights.keys() & official_keys) / background.total
    new_names = len(background.names - official_keys)
    new_numbers = len(background.numbers - official_keys)
    linked_intensity: set[str] = set()
    linked_negated = False
    for official in linked:
        linked_intensity |= official.intensity
        linked_negated = linked_negated or official.negated
    return [
        link_prob,
        covered / background.total,
        best_recall,
        best_cosine,
        math.log1p(max(0.0, uncovered)),
        doc_recall,
        math.log1p(new_names),
        math.log1p(new_numbers),
        float(len(background.intensity - linked_intensity)),
        1.0 if linked and background.negated != linked_negated else 0.0,
        1.0 if background.heading else 0.0,
        1.0 if attribution is Attribution.OFFICIAL else 0.0,
        1.0 if attribution is Attribution.SOURCES else 0.0,
        1.0 if attribution is Attribution.NAMED else 0.0,
        1.0,
    ]


OFFICIAL_FEATURES = ("best_recall", "union_recall", "link_prob", "linkers", "covered_linkers", "bias")


def official_features(
    official: SentenceProfile,
    linkers: Sequence[tuple[SentenceProfile, float, bool]],
) -> list[float]:
    """``linkers``: background sentences linked to this official one, with the link
    probability and whether that background sentence was judged fully covered."""
    union: set[str] = set()
    best = 0.0
    for background, _, _ in linkers:
        union |= background.weights.keys()
        common = official.weights.keys() & background.weights.keys()
        best = max(best, shared_weight(official, common) / official.total)
    union_recall = shared_weight(official, official.weights.keys() & union) / official.total
    return [
        best,
        union_recall,
        max((p for _, p, _ in linkers), default=0.0),
        math.log1p(len(linkers)),
        math.log1p(sum(1 for _, _, full in linkers if full)),
        1.0,
    ]


def all_keys(profiles: Iterable[SentenceProfile]) -> frozenset[str]:
    keys: set[str] = set()
    for p in profiles:
        keys |= p.weights.keys()
    return frozenset(keys)


__all__ = ["SentenceProfile", "Token", "profile"]
