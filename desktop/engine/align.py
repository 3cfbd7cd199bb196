"""Claim alignment: which official claims each background sentence matches, and
whether it is covered, partial or absent (and the same for official sentences).

The steps, each in its own module:
1. ``profiles``: weighted word keys, clauses, tone of every sentence, reweighted by
   how rare each key is in this comparison;
2. ``frame``: the event's frame words move out of the content weights;
3. ``semantic``: word vectors of the content words;
4. ``proposals``: candidates from an inverted index over content keys plus the
   nearest content vectors, so paraphrase with no shared word can still propose a
   candidate and the work grows with the sentences that share something, not with
   the product of the two documents' lengths;
5. three fitted decisions (model.py): link, background coverage, official coverage.

Only claims are ever targets: a headline is judged against the official claims but
never counts as reporting one; datelines, captions, titles and the other non-claims
are neither judged nor matched.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import itemgetter
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from desktop.engine.features import (
    Linker,
    Pair,
    all_keys,
    coverage_features,
    official_features,
    pair,
    pair_features,
)
from desktop.engine.frame import apply_frame, frame_keys
from desktop.engine.model import AlignmentModel
from desktop.engine.profiles import SentenceProfile, rarity
from desktop.engine.proposals import CANDIDATES_PER_SENTENCE, shortlists
from desktop.engine.semantic import PairCredits, SemanticProfile, pair_credits, semantic_profiles
from desktop.engine.vocabulary import Coverage, Unit


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


class Candidate(NamedTuple):
    """(A named tuple: the aligner makes six for every background sentence.)"""

    official: int
    pair: Pair
    features: tuple[float, ...]
    # Soft-match credits of the pair, both ways, kept for the coverage and official rows.
    background_credits: NDArray[np.float32]
    official_credits: NDArray[np.float32]


@dataclass(frozen=True)
class Prepared:
    """Everything about a comparison that does not depend on the fitted model."""

    background: list[SentenceProfile]
    official: list[SentenceProfile]
    background_meaning: list[SemanticProfile]
    official_meaning: list[SemanticProfile]
    frame: frozenset[str]
    options: list[list[Candidate]]
    official_keys: frozenset[str]


def prepare(background: Sequence[SentenceProfile], official: Sequence[SentenceProfile]) -> Prepared:
    # The frame is chosen by which keys recur, which reweighting does not change: both
    # are applied in one pass (profiles.reweight, then frame.apply_frame, as one).
    frame = frame_keys(background, official)
    factor = rarity(background, official)
    bg, off = apply_frame(background, frame, factor), apply_frame(official, frame, factor)
    meanings = semantic_profiles([*bg, *off])
    bg_meaning, off_meaning = meanings[: len(bg)], meanings[len(bg) :]
    options = candidates(bg, off, bg_meaning, off_meaning)
    keys = all_keys(p for p in off if p.is_target)
    return Prepared(bg, off, bg_meaning, off_meaning, frame, options, keys)


def candidates(
    background: Sequence[SentenceProfile],
    official: Sequence[SentenceProfile],
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
) -> list[list[Candidate]]:
    """For each background sentence that is judged, its best official claims with pair features."""
    result: list[list[Candidate]] = []
    for i, picked in enumerate(shortlists(background, official, bg_meaning, off_meaning)):
        if not picked:
            result.append([])
            continue
        b = background[i]
        meaning = bg_meaning[i]
        credits = pair_credits(meaning, [off_meaning[j] for j in picked])
        # (−strength, official index, pair, credits) of the pairs with content: sorted
        # by the first two, best first, then the lower index.
        scored: list[tuple[float, int, Pair, PairCredits]] = []
        for j, c in zip(picked, credits, strict=True):
            p = pair(b, official[j], meaning, off_meaning[j], (c.recall_a, c.recall_other))
            if p.has_content:
                scored.append((-p.strength, j, p, c))
        if not scored:
            result.append([])
            continue
        scored.sort(key=_strength_then_index)
        best = scored[0][2].strength
        result.append(
            [
                Candidate(
                    j,
                    p,
                    tuple(pair_features(p, best, rank)),
                    c.a_credits,
                    c.other_credits,
                )
                for rank, (_, j, p, c) in enumerate(scored[:CANDIDATES_PER_SENTENCE])
            ]
        )
    return result


_strength_then_index = itemgetter(0, 1)


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


def align(
    prepared: Prepared, model: AlignmentModel
) -> tuple[list[BackgroundDecision], list[OfficialDecision]]:
    links = link_probabilities(prepared.options, model)
    decisions = _decide_background(prepared, links, model)
    background = prepared.background
    for i in range(len(decisions) - 1):
        # A quotation in a script the lexicon cannot compare takes the judgement of
        # the translation that follows it.
        if background[i].foreign_script and background[i + 1].gloss:
            decisions[i] = decisions[i + 1]
    return decisions, _decide_official(prepared, links, decisions, model)


def background_rows(
    prepared: Prepared, links: Sequence[Sequence[Link]], threshold: float
) -> list[list[float]]:
    rows: list[list[float]] = []
    for i, (b, ranked) in enumerate(zip(prepared.background, links, strict=True)):
        kept = [link for link in ranked if link.probability >= threshold]
        options = {c.official: c for c in prepared.options[i]}
        soft = max((c.pair.soft_bg for c in prepared.options[i]), default=0.0)
        whole = max((c.pair.sentence_cosine for c in prepared.options[i]), default=0.0)
        if len(kept) == 1:  # the maximum of one (read only below)
            credits = options[kept[0].official].background_credits
        elif kept:
            # The element-wise maximum, exact in any order; without stacking a copy.
            credits = np.maximum.reduce([options[x.official].background_credits for x in kept])
        else:
            credits = np.zeros(len(prepared.background_meaning[i].keys), dtype=np.float32)
        rows.append(
            coverage_features(
                b,
                prepared.background_meaning[i],
                [
                    (prepared.official[x.official], prepared.official_meaning[x.official])
                    for x in kept
                ],
                ranked[0].probability if ranked else 0.0,
                soft,
                prepared.official_keys,
                whole,
                credits,
            )
        )
    return rows


def _decide_background(
    prepared: Prepared, links: Sequence[Sequence[Link]], model: AlignmentModel
) -> list[BackgroundDecision]:
    rows = background_rows(prepared, links, model.link_threshold)
    labels = model.coverage.labels(rows) if rows else []
    decisions: list[BackgroundDecision] = []
    for b, ranked, features, label in zip(prepared.background, links, rows, labels, strict=True):
        kept = [link for link in ranked if link.probability >= model.link_threshold]
        judged = b.unit in (Unit.CLAIM, Unit.HEADLINE)
        # Sentences about what a statement left out are never claims the readout makes.
        unmatched = not ranked or ranked[0].probability < model.absent_gate
        coverage = Coverage.ABSENT if not judged or b.omission or unmatched else Coverage(label)
        if coverage is Coverage.ABSENT:
            kept = []
        elif not kept:
            kept = [ranked[0]]
        decisions.append(BackgroundDecision(coverage, tuple(kept), tuple(features)))
    return decisions


def official_rows(
    prepared: Prepared,
    links: Sequence[Sequence[Link]],
    decisions: Sequence[BackgroundDecision],
    threshold: float,
) -> tuple[list[list[tuple[int, float]]], list[list[float]]]:
    """Each official claim is judged on its own evidence: every background claim that
    proposed it (headlines and other non-claims do not count), kept link or not."""
    # Each proposal with the official tokens' credits its candidate kept.
    proposed: dict[int, list[tuple[int, float, NDArray[np.float32]]]] = defaultdict(list)
    for i, ranked in enumerate(links):
        if prepared.background[i].unit is not Unit.CLAIM or not ranked:
            continue
        credits_of = {c.official: c.official_credits for c in prepared.options[i]}
        for link in ranked:
            proposed[link.official].append((i, link.probability, credits_of[link.official]))
    coverage_of = [d.coverage.value for d in decisions]
    candidates_of: list[list[tuple[int, float]]] = []
    rows: list[list[float]] = []
    for j, o in enumerate(prepared.official):
        found = sorted(proposed.get(j, []), key=lambda t: (-t[1], t[0]))
        mine = [(i, p) for i, p, _ in found]
        linkers = [Linker(p, p >= threshold, coverage_of[i]) for i, p in mine]
        candidates_of.append(mine)
        meaning = prepared.official_meaning[j]
        # The columns side by side, as np.stack(axis=1) lays them.
        credits = np.empty((len(meaning.keys), len(found)), dtype=np.float32)
        for column, (_, _, kept) in enumerate(found):
            credits[:, column] = kept
        rows.append(official_features(o, meaning, linkers, credits))
    return candidates_of, rows


def _decide_official(
    prepared: Prepared,
    links: Sequence[Sequence[Link]],
    decisions: Sequence[BackgroundDecision],
    model: AlignmentModel,
) -> list[OfficialDecision]:
    candidates_of, rows = official_rows(prepared, links, decisions, model.link_threshold)
    labels = model.official.labels(rows) if rows else []
    result: list[OfficialDecision] = []
    for o, mine, features, label in zip(
        prepared.official, candidates_of, rows, labels, strict=True
    ):
        coverage = Coverage(label) if o.is_target else Coverage.ABSENT
        kept: list[Link] = []
        if coverage is not Coverage.ABSENT and mine:
            kept = [Link(i, p) for i, p in mine if p >= model.link_threshold] or [Link(*mine[0])]
        if not kept:
            coverage = Coverage.ABSENT
        result.append(OfficialDecision(coverage, tuple(kept), tuple(features)))
    return result
