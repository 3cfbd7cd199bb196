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
from dataclasses import dataclass, replace

from desktop.engine.lexicon import Token, token_tuples

# Words that strengthen, soften or sharpen a claim beyond a neutral readout.
INTENSITY = frozenset(
    [
        "strong",
        "strongly",
        "firmly",
        "sharply",
        "categorically",
        "strict",
        "stern",
        "objection",
        "objections",
        "objected",
        "protest",
        "protested",
        "insisted",
        "insist",
        "assured",
        "assurance",
        "warned",
        "warning",
        "pressed",
        "demanded",
        "demand",
        "urged",
        "urge",
        "only",
        "solely",
        "exclusively",
        "never",
        "always",
        "repeatedly",
        "explicitly",
        "detail",
        "detailed",
        "rejected",
        "reject",
        "refused",
        "deny",
        "denied",
        "condemned",
        "condemn",
        "slammed",
        "blunt",
        "bluntly",
        "frank",
        "frankly",
        "tough",
        "serious",
        "seriously",
        "grave",
        "deep",
        "deeply",
        "major",
        "significant",
        "breakthrough",
        "failed",
        "unprecedented",
        "historic",
        "immediate",
        "immediately",
        "unwavering",
        "steadfast",
        "might",
        "may",
        "possibly",
        "reportedly",
        "likely",
        "unlikely",
    ]
)
NEGATION = frozenset(["not", "no", "neither", "nor", "never", "without", "none", "nothing"])
GLOSS = re.compile(
    r"(?:roughly\s+|loosely\s+)?(?:translated|in\s+translation|in\s+english)\b", re.I
)
CONCESSIVE = re.compile(
    r"^\s*(?:while|although|though|even\s+as|even\s+though|whereas)\b[^,]*,", re.I
)
OMISSION = re.compile(
    r"\b(?:is|was|remained|remains)\s+silent\b|\bmade\s+no\s+(?:mention|reference)\b|"
    r"\bno\s+(?:mention|reference)\b|\bdid\s+not\s+(?:mention|refer|name)\b|"
    r"\b(?:omitted|left\s+out|skipped|dropped)\b|"
    # "neither … nor … mention" within one stretch without a full stop, tried once per
    # stretch: the first "neither" and the first "nor" after it are the only ones worth
    # trying (atomic groups), where the backtracking form was cubic on "neither nor " × n.
    r"(?:^|\.)(?>[^.]*?\bneither\b)(?>[^.]*?\bnor\b)[^.]*?\bmention",
    re.I,
)


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
    omission: bool  # speaks of what a statement left out
    heading: bool
    dateline: bool  # a short line such as "NEW DELHI, July 2", a credit or a byline
    foreign_script: bool  # mostly non-Latin letters: the words cannot be compared
    gloss: bool  # "Roughly translated, ...": renders the sentence before it
    total: float
    norm: float


def _norm(weights: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in weights.values()))


def profile(text: str, start: int, end: int) -> SentenceProfile:
    words = token_tuples(text, start, end)
    weights: dict[str, float] = {}
    names: set[str] = set()
    numbers: set[str] = set()
    for _, _, key, weight, is_number, is_name in words:
        if weight > weights.get(key, 0.0):
            weights[key] = weight
        if is_name:
            names.add(key)
        if is_number:
            numbers.add(key)
    raw = text[start:end]
    lowered = set(re.findall(r"[a-z]+", raw.lower()))
    return SentenceProfile(
        start=start,
        end=end,
        weights=weights,
        names=frozenset(names),
        numbers=frozenset(numbers),
        intensity=frozenset(lowered & INTENSITY),
        negated=bool(lowered & NEGATION),
        omission=bool(OMISSION.search(CONCESSIVE.sub("", raw, count=1))),
        heading=_is_heading(raw),
        dateline=_is_heading(raw) and len(raw.split()) <= 6,
        foreign_script=_foreign_share(raw) > 0.3,
        gloss=bool(GLOSS.match(raw.strip())),
        total=sum(weights.values()) or 1e-9,
        norm=_norm(weights),
    )


def _foreign_share(raw: str) -> float:
    letters = [ch for ch in raw if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if ord(ch) > 0x24F) / len(letters)


def _is_heading(raw: str) -> bool:
    """Headline, dateline, caption or credit line: a line that is not a finished sentence."""
    stripped = raw.strip()
    if not stripped:
        return True
    return stripped[-1] not in '.!?”"।。’)' or len(stripped.split()) <= 4


def shared_weight(a: SentenceProfile, keys: Iterable[str]) -> float:
    return sum(a.weights[k] for k in keys if k in a.weights)


PAIR_FEATURES = (
    "recall_bg",
    "recall_off",
    "cosine",
    "is_best",
    "cosine_gap",
    "shared_names",
    "bias",
)


def pair_features(
    background: SentenceProfile, official: SentenceProfile, best_cosine: float, rank: int
) -> list[float]:
    common = background.weights.keys() & official.weights.keys()
    recall_bg = shared_weight(background, common) / background.total
    recall_off = shared_weight(official, common) / official.total
    cos = cosine(background, official)
    names = background.names | official.names
    shared_names = len(background.names & official.names) / len(names) if names else 0.0
    return [
        recall_bg,
        recall_off,
        cos,
        1.0 if rank == 0 else 0.0,
        best_cosine - cos,
        shared_names,
        1.0,
    ]


def cosine(a: SentenceProfile, b: SentenceProfile) -> float:
    small, large = (
        (a.weights, b.weights) if len(a.weights) <= len(b.weights) else (b.weights, a.weights)
    )
    dot = sum(w * large[k] for k, w in small.items() if k in large)
    norm = a.norm * b.norm
    return dot / norm if norm else 0.0


COVERAGE_FEATURES = (
    "link_prob",
    "union_recall",
    "best_recall",
    "best_cosine",
    "uncovered_weight",
    "covered_weight",
    "covered_keys",
    "max_shared",
    "doc_recall",
    "new_names",
    "new_numbers",
    "added_intensity",
    "negation_mismatch",
    "novel_weight",
    "omission",
    "heading",
    "bias",
)
# Attribution is deliberately not a coverage feature: whether a claim is in the
# readout does not depend on who is said to have made it (measured: adding it
# as a prior lowered leave-one-case-out coverage macro-F1 from 0.77 to 0.73).


def coverage_features(
    background: SentenceProfile,
    linked: Sequence[SentenceProfile],
    link_prob: float,
    best_recall: float,
    best_cosine: float,
    official_keys: frozenset[str],
    best_keys: frozenset[str] = frozenset(),
) -> list[float]:
    """``best_keys``: the keys of the best-scoring official candidate, linked or not."""
    union: set[str] = set()
    for official in linked:
        union |= official.weights.keys()
    covered = shared_weight(background, background.weights.keys() & union)
    uncovered = background.total - covered
    doc_recall = (
        shared_weight(background, background.weights.keys() & official_keys) / background.total
    )
    new_names = len(background.names - official_keys)
    new_numbers = len(background.numbers - official_keys)
    linked_intensity: set[str] = set()
    linked_negated = False
    for official in linked:
        linked_intensity |= official.intensity
        linked_negated = linked_negated or official.negated
    values = {
        "link_prob": link_prob,
        "union_recall": covered / background.total,
        "best_recall": best_recall,
        "best_cosine": best_cosine,
        "uncovered_weight": math.log1p(max(0.0, uncovered)),
        "covered_weight": math.log1p(covered),
        "covered_keys": math.log1p(len(background.weights.keys() & union)),
        "max_shared": max(
            (background.weights[k] for k in background.weights.keys() & best_keys), default=0.0
        ),
        "doc_recall": doc_recall,
        "new_names": math.log1p(new_names),
        "new_numbers": math.log1p(new_numbers),
        "added_intensity": float(len(background.intensity - linked_intensity)),
        "negation_mismatch": 1.0 if linked and background.negated != linked_negated else 0.0,
        "novel_weight": math.log1p(
            sum(w for k, w in background.weights.items() if k not in official_keys)
        ),
        "omission": 1.0 if background.omission else 0.0,
        "heading": 1.0 if background.heading else 0.0,
        "bias": 1.0,
    }
    return [values[name] for name in COVERAGE_FEATURES]


OFFICIAL_FEATURES = (
    "best_recall",
    "union_recall",
    "max_link",
    "linked",
    "max_link_reported",
    "reported_covered",
    "heading",
    "bias",
)


@dataclass(frozen=True)
class Linker:
    """A background sentence proposed as a match for an official sentence."""

    profile: SentenceProfile
    probability: float
    linked: bool  # probability at or above the link threshold
    coverage: str  # the background sentence's own decision


def official_features(official: SentenceProfile, linkers: Sequence[Linker]) -> list[float]:
    union: set[str] = set()
    best = 0.0
    for linker in linkers:
        common = official.weights.keys() & linker.profile.weights.keys()
        best = max(best, shared_weight(official, common) / official.total)
        if linker.linked:
            union |= linker.profile.weights.keys()
    union_recall = shared_weight(official, official.weights.keys() & union) / official.total
    reported = [x for x in linkers if x.linked and x.coverage != "absent"]
    return [
        best,
        union_recall,
        max((x.probability for x in linkers), default=0.0),
        math.log1p(sum(1 for x in linkers if x.linked)),
        max((x.probability for x in reported), default=0.0),
        1.0 if any(x.coverage == "covered" for x in reported) else 0.0,
        1.0 if official.heading else 0.0,
        1.0,
    ]


def all_keys(profiles: Iterable[SentenceProfile]) -> frozenset[str]:
    keys: set[str] = set()
    for p in profiles:
        keys |= p.weights.keys()
    return frozenset(keys)


__all__ = ["SentenceProfile", "Token", "profile"]


def reweight(
    background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]
) -> tuple[list[SentenceProfile], list[SentenceProfile]]:
    """Scale word weights by how rare they are in this comparison.

    General frequency says "Hegseth" is rare, but in a readout of a call with
    Hegseth his name is in every sentence and says nothing about which claim a
    sentence makes; local document frequency discounts it.
    """
    everything = [*background, *official]
    n = len(everything)
    if n < 4:
        return list(background), list(official)
    df: dict[str, int] = {}
    for p in everything:
        for key in p.weights:
            df[key] = df.get(key, 0) + 1
    norm = math.log(n + 1)
    factor = {k: min(1.0, max(0.15, math.log((n + 1) / (d + 0.5)) / norm)) for k, d in df.items()}

    def scaled(p: SentenceProfile) -> SentenceProfile:
        weights = {k: w * factor[k] for k, w in p.weights.items()}
        return replace(p, weights=weights, total=sum(weights.values()) or 1e-9, norm=_norm(weights))

    return [scaled(p) for p in background], [scaled(p) for p in official]
