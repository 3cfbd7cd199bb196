"""Claim alignment: which official sentences each background sentence matches, and
whether it is covered, partial or absent (and the same for official sentences).

Candidates come from an inverted index over informative word keys, so the work
grows with the number of sentences that share words, not with the product of
the two documents' lengths.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.engine.features import (
    Linker,
    SentenceProfile,
    all_keys,
    cosine,
    coverage_features,
    official_features,
    pair_features,
    reweight,
)
from desktop.engine.model import AlignmentModel
from desktop.engine.vocabulary import Attribution, Coverage

CANDIDATES_PER_SENTENCE = 6
# Keys present in more than this share of official sentences do not propose candidates.
_COMMON_SHARE = 0.03
_MIN_POSTINGS_CAP = 30
# Only a sentence's most informative words propose candidates.
_PROPOSING_KEYS = 16


def _score(item: tuple[int, float]) -> tuple[float, int]:
    return item[1], -item[0]


@dataclass(frozen=True)
class Link:
    official: int
    probability: float


@dataclass(frozen=True)
class BackgroundDecision:
    coverage: Coverage
    links: tuple[Link, ...]
    features: tuple[float, ...]


@dataclass(frozen=True)
class OfficialDecision:
    coverage: Coverage
    links: tuple[Link, ...]  # here Link.official holds the background sentence index
    features: tuple[float, ...]


@dataclass(frozen=True)
class Candidate:
    official: int
    features: tuple[float, ...]


def candidates(
    background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]
) -> list[list[Candidate]]:
    """For each background sentence, its best official candidates with pair features."""
    postings: dict[str, list[int]] = defaultdict(list)
    for j, profile in enumerate(official):
        for key in profile.weights:
            postings[key].append(j)
    cap = max(_MIN_POSTINGS_CAP, int(_COMMON_SHARE * len(official)))
    result: list[list[Candidate]] = []
    for b in background:
        scores: dict[int, float] = defaultdict(float)
        proposing = sorted(b.weights.items(), key=lambda kv: (-kv[1], kv[0]))[:_PROPOSING_KEYS]
        for key, weight in proposing:
            posting = postings.get(key)
            if posting is None or len(posting) > cap:
                continue
            for j in posting:
                scores[j] += weight * official[j].weights[key]
        if not scores:
            result.append([])
            continue
        shortlist = [
            j for j, _ in heapq.nlargest(CANDIDATES_PER_SENTENCE * 2, scores.items(), key=_score)
        ]
        ranked = sorted(
            ((cosine(b, official[j]), j) for j in shortlist), key=lambda t: (-t[0], t[1])
        )
        ranked = ranked[:CANDIDATES_PER_SENTENCE]
        best = ranked[0][0]
        result.append(
            [
                Candidate(j, tuple(pair_features(b, official[j], best, rank)))
                for rank, (_, j) in enumerate(ranked)
            ]
        )
    return result


def align(
    background: Sequence[SentenceProfile],
    attributions: Sequence[Attribution],
    official: Sequence[SentenceProfile],
    model: AlignmentModel,
) -> tuple[list[BackgroundDecision], list[OfficialDecision]]:
    background, official = reweight(background, official)
    official_keys = all_keys(official)
    options = candidates(background, official)
    links = [link_probabilities(o, model) for o in options]
    decisions = [
        _decide_background(b, attribution, o, ranked, official, official_keys, model)
        for b, attribution, o, ranked in zip(background, attributions, options, links, strict=True)
    ]
    for i in range(len(decisions) - 1):
        # A quotation in a script the lexicon cannot compare takes the judgement of
        # the translation that follows it.
        if background[i].foreign_script and background[i + 1].gloss:
            decisions[i] = decisions[i + 1]
    return decisions, _decide_official(background, official, links, decisions, model)


def link_probabilities(options: Sequence[Candidate], model: AlignmentModel) -> list[Link]:
    links = [Link(c.official, model.link.probabilities(c.features)["link"]) for c in options]
    return sorted(links, key=lambda link: (-link.probability, link.official))


def _decide_background(
    b: SentenceProfile,
    attribution: Attribution,
    options: Sequence[Candidate],
    links: Sequence[Link],
    official: Sequence[SentenceProfile],
    official_keys: frozenset[str],
    model: AlignmentModel,
) -> BackgroundDecision:
    kept = [link for link in links if link.probability >= model.link_threshold]
    best = links[0] if links else None
    best_recall = max((c.features[0] for c in options), default=0.0)
    best_cosine = max((c.features[2] for c in options), default=0.0)
    features = coverage_features(
        b,
        [official[link.official] for link in kept],
        best.probability if best else 0.0,
        best_recall,
        best_cosine,
        official_keys,
        attribution,
        frozenset(official[best.official].weights) if best else frozenset(),
    )
    coverage = Coverage(_argmax(model.coverage.probabilities(features)))
    if b.dateline:
        coverage = Coverage.ABSENT
    if coverage is Coverage.ABSENT:
        kept = []
    elif not kept and best is not None:
        kept = [best]
    elif not kept:
        coverage = Coverage.ABSENT
    return BackgroundDecision(coverage, tuple(kept), tuple(features))


def _argmax(probabilities: dict[str, float]) -> str:
    return max(probabilities, key=lambda label: (probabilities[label], label))


def _decide_official(
    background: Sequence[SentenceProfile],
    official: Sequence[SentenceProfile],
    links: Sequence[Sequence[Link]],
    decisions: Sequence[BackgroundDecision],
    model: AlignmentModel,
) -> list[OfficialDecision]:
    """Each official sentence is judged on its own evidence: every background sentence
    that proposed it, whether or not that background sentence kept the link."""
    proposed: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for i, ranked in enumerate(links):
        for link in ranked:
            proposed[link.official].append((i, link.probability))
    result: list[OfficialDecision] = []
    for j, o in enumerate(official):
        mine = sorted(proposed.get(j, []), key=lambda t: (-t[1], t[0]))
        linkers = [
            Linker(background[i], p, p >= model.link_threshold, decisions[i].coverage.value)
            for i, p in mine
        ]
        features = official_features(o, linkers)
        coverage = Coverage(_argmax(model.official.probabilities(features)))
        kept: list[Link] = []
        if coverage is not Coverage.ABSENT:
            kept = (
                [Link(i, p) for i, p in mine if p >= model.link_threshold] or [Link(*mine[0])]
                if mine
                else []
            )
            if not kept:
                coverage = Coverage.ABSENT
        result.append(OfficialDecision(coverage, tuple(kept), tuple(features)))
    return result
