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
from desktop.engine.vocabulary import Coverage

CANDIDATES_PER_SENTENCE = 6
# Keys present in more than this share of official sentences do not propose candidates.
_COMMON_SHARE = 0.03
_MIN_POSTINGS_CAP = 30
_MAX_POSTINGS_CAP = 60
# In a long official document only a sentence's most informative words propose candidates.
_PROPOSING_KEYS = 10
_SMALL_DOCUMENT = 400


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
    cap = max(_MIN_POSTINGS_CAP, min(_MAX_POSTINGS_CAP, int(_COMMON_SHARE * len(official))))
    result: list[list[Candidate]] = []
    for b in background:
        scores: dict[int, float] = defaultdict(float)
        proposing = list(b.weights.items())
        if len(official) > _SMALL_DOCUMENT:
            proposing = heapq.nlargest(_PROPOSING_KEYS, proposing, key=lambda kv: (kv[1], kv[0]))
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
    official: Sequence[SentenceProfile],
    model: AlignmentModel,
) -> tuple[list[BackgroundDecision], list[OfficialDecision]]:
    background, official = reweight(background, official)
    official_keys = all_keys(official)
    options = candidates(background, official)
    links = link_probabilities(options, model)
    decisions = _decide_background(background, options, links, official, official_keys, model)
    for i in range(len(decisions) - 1):
        # A quotation in a script the lexicon cannot compare takes the judgement of
        # the translation that follows it.
        if background[i].foreign_script and background[i + 1].gloss:
            decisions[i] = decisions[i + 1]
    return decisions, _decide_official(background, official, links, decisions, model)


def link_probabilities(
    options: Sequence[Sequence[Candidate]], model: AlignmentModel
) -> list[list[Link]]:
    """Link probability of every candidate, best first for each background sentence."""
    rows = [c.features for group in options for c in group]
    column = model.link.classes.index("link")
    probabilities = model.link.probability_rows(rows)[:, column]
    result: list[list[Link]] = []
    position = 0
    for group in options:
        links = [Link(c.official, float(probabilities[position + k])) for k, c in enumerate(group)]
        position += len(group)
        result.append(sorted(links, key=lambda link: (-link.probability, link.official)))
    return result


def _decide_background(
    background: Sequence[SentenceProfile],
    options: Sequence[Sequence[Candidate]],
    links: Sequence[Sequence[Link]],
    official: Sequence[SentenceProfile],
    official_keys: frozenset[str],
    model: AlignmentModel,
) -> list[BackgroundDecision]:
    kept_links: list[list[Link]] = []
    rows: list[list[float]] = []
    for b, group, ranked in zip(background, options, links, strict=True):
        kept = [link for link in ranked if link.probability >= model.link_threshold]
        best = ranked[0] if ranked else None
        rows.append(
            coverage_features(
                b,
                [official[link.official] for link in kept],
                best.probability if best else 0.0,
                max((c.features[0] for c in group), default=0.0),
                max((c.features[2] for c in group), default=0.0),
                official_keys,
                frozenset(official[best.official].weights) if best else frozenset(),
            )
        )
        kept_links.append(kept)
    decisions: list[BackgroundDecision] = []
    for b, ranked, kept, features, label in zip(
        background, links, kept_links, rows, model.coverage.labels(rows), strict=True
    ):
        # Datelines and credits, and sentences about what a statement left out, are
        # never claims the readout makes (labeling rules of tests/cases/README.md).
        omitted = b.omission and not b.heading
        unmatched = not ranked or ranked[0].probability < model.absent_gate
        coverage = Coverage.ABSENT if b.dateline or omitted or unmatched else Coverage(label)
        if coverage is Coverage.ABSENT:
            kept = []
        elif not kept and ranked:
            kept = [ranked[0]]
        elif not kept:
            coverage = Coverage.ABSENT
        decisions.append(BackgroundDecision(coverage, tuple(kept), tuple(features)))
    return decisions


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
    candidates_of: list[list[tuple[int, float]]] = []
    rows: list[list[float]] = []
    for j, o in enumerate(official):
        mine = sorted(proposed.get(j, []), key=lambda t: (-t[1], t[0]))
        linkers = [
            Linker(background[i], p, p >= model.link_threshold, decisions[i].coverage.value)
            for i, p in mine
        ]
        candidates_of.append(mine)
        rows.append(official_features(o, linkers))
    result: list[OfficialDecision] = []
    for mine, features, label in zip(candidates_of, rows, model.official.labels(rows), strict=True):
        coverage = Coverage(label)
        kept: list[Link] = []
        if coverage is not Coverage.ABSENT and mine:
            kept = [Link(i, p) for i, p in mine if p >= model.link_threshold] or [Link(*mine[0])]
        if not kept:
            coverage = Coverage.ABSENT
        result.append(OfficialDecision(coverage, tuple(kept), tuple(features)))
    return result
