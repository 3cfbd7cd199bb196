"""Claim alignment: which official claims each background sentence matches, and
whether it is covered, partial or absent (and the same for official sentences).

The steps, each in its own module:
1. ``profiles``: weighted word keys, clauses, tone of every sentence, reweighted by
   how rare each key is in this comparison;
2. ``frame``: the event's frame words move out of the content weights;
3. ``semantic``: word vectors of the content words;
4. candidates from an inverted index over content keys plus the nearest content
   vectors, so paraphrase with no shared word can still propose a candidate and the
   work grows with the sentences that share something, not with the product of the
   two documents' lengths;
5. three fitted decisions (model.py): link, background coverage, official coverage.

Only claims are ever targets: a headline is judged against the official claims but
never counts as reporting one; datelines, captions, titles and the other non-claims
are neither judged nor matched.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from operator import neg

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
from desktop.engine.profiles import SentenceProfile, reweight
from desktop.engine.semantic import PairCredits, SemanticProfile, pair_credits, semantic_profiles
from desktop.engine.vocabulary import Coverage, Unit

CANDIDATES_PER_SENTENCE = 6
SEMANTIC_CANDIDATES = 3
# Keys present in more than this share of official sentences do not propose candidates.
_COMMON_SHARE = 0.03
_MIN_POSTINGS_CAP = 30
_MAX_POSTINGS_CAP = 60
# In a long official document only a sentence's most informative words propose candidates.
_PROPOSING_KEYS = 10
_SMALL_DOCUMENT = 400
_BLOCK = 256


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
    bg, off = reweight(background, official)
    frame = frame_keys(bg, off)
    bg, off = apply_frame(bg, frame), apply_frame(off, frame)
    meanings = semantic_profiles([*bg, *off])
    bg_meaning, off_meaning = meanings[: len(bg)], meanings[len(bg) :]
    options = candidates(bg, off, bg_meaning, off_meaning)
    keys = all_keys(p for p in off if p.is_target)
    return Prepared(bg, off, bg_meaning, off_meaning, frame, options, keys)


def _semantic_neighbours(
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
    targets: Sequence[int],
) -> list[list[int]]:
    if not targets:
        return [[] for _ in bg_meaning]
    content = np.stack([off_meaning[j].vector for j in targets])
    whole = np.stack([off_meaning[j].sentence for j in targets])
    out: list[list[int]] = []
    k = min(SEMANTIC_CANDIDATES, len(targets))
    for start in range(0, len(bg_meaning), _BLOCK):
        chunk = bg_meaning[start : start + _BLOCK]
        found: list[list[int]] = [[] for _ in chunk]
        for matrix, rows, floor in (
            (content, np.stack([m.vector for m in chunk]), 0.35),
            (whole, np.stack([m.sentence for m in chunk]), 0.5),
        ):
            scores = rows @ matrix.T
            top = np.argpartition(-scores, k - 1, axis=1)[:, :k]
            for row, picks in enumerate(top):
                found[row].extend(targets[int(j)] for j in picks if scores[row, int(j)] > floor)
        out.extend(found)
    return out


def candidates(
    background: Sequence[SentenceProfile],
    official: Sequence[SentenceProfile],
    bg_meaning: Sequence[SemanticProfile],
    off_meaning: Sequence[SemanticProfile],
) -> list[list[Candidate]]:
    """For each background sentence that is judged, its best official claims with pair features."""
    targets = [j for j, p in enumerate(official) if p.is_target]
    postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
    framing: dict[str, list[int]] = defaultdict(list)
    for j in targets:
        for key, weight in official[j].weights.items():
            postings[key].append((j, weight))
        for key in official[j].frame:
            framing[key].append(j)
    cap = max(_MIN_POSTINGS_CAP, min(_MAX_POSTINGS_CAP, int(_COMMON_SHARE * len(official))))
    neighbours = _semantic_neighbours(bg_meaning, off_meaning, targets)
    result: list[list[Candidate]] = []
    for i, b in enumerate(background):
        if b.unit not in (Unit.CLAIM, Unit.HEADLINE):
            result.append([])
            continue
        scores: dict[int, float] = defaultdict(float)
        proposing = list(b.weights.items())
        if len(official) > _SMALL_DOCUMENT:
            # (weight, key) tuples compare in C; the same order as a key function.
            proposing = [
                (k, w)
                for w, k in heapq.nlargest(
                    _PROPOSING_KEYS, zip(b.weights.values(), b.weights, strict=True)
                )
            ]
        for key, weight in proposing:
            posting = postings.get(key)
            if posting is None or len(posting) > cap:
                continue
            for j, official_weight in posting:
                scores[j] += weight * official_weight
        if sum(b.weights.values()) < 2.5 and len(official) <= _SMALL_DOCUMENT:
            # A sentence about the event itself may only match another such sentence.
            for key in b.frame:
                for j in framing.get(key, ()):
                    scores[j] += 0.01
        for j in neighbours[i]:
            # Nearest in meaning, whatever the words: a candidate too (paraphrase).
            scores.setdefault(j, 0.0)
        if not scores:
            result.append([])
            continue
        shortlist = heapq.nlargest(
            CANDIDATES_PER_SENTENCE + 2, zip(scores.values(), map(neg, scores), strict=True)
        )
        picked = [-negated for _, negated in shortlist]
        credits = pair_credits(bg_meaning[i], [off_meaning[j] for j in picked])
        scored: list[tuple[int, Pair, PairCredits]] = [
            (
                j,
                pair(
                    b,
                    official[j],
                    bg_meaning[i],
                    off_meaning[j],
                    (c.recall_a, c.recall_other),
                ),
                c,
            )
            for j, c in zip(picked, credits, strict=True)
        ]
        scored = [t for t in scored if t[1].has_content]
        scored.sort(key=lambda t: (-t[1].strength, t[0]))
        scored = scored[:CANDIDATES_PER_SENTENCE]
        if not scored:
            result.append([])
            continue
        best = scored[0][1].strength
        result.append(
            [
                Candidate(
                    j,
                    p,
                    tuple(pair_features(p, best, rank)),
                    c.a_credits,
                    c.other_credits,
                )
                for rank, (j, p, c) in enumerate(scored)
            ]
        )
    return result


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
            credits = np.max(np.stack([options[x.official].background_credits for x in kept]), 0)
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
    proposed: dict[int, list[tuple[int, float]]] = defaultdict(list)
    for i, ranked in enumerate(links):
        if prepared.background[i].unit is not Unit.CLAIM:
            continue
        for link in ranked:
            proposed[link.official].append((i, link.probability))
    candidates_of: list[list[tuple[int, float]]] = []
    rows: list[list[float]] = []
    # A background sentence's candidates by official sentence (each is there once).
    option_of = [{c.official: c for c in options} for options in prepared.options]
    for j, o in enumerate(prepared.official):
        mine = sorted(proposed.get(j, []), key=lambda t: (-t[1], t[0]))
        linkers = [
            Linker(
                prepared.background[i],
                prepared.background_meaning[i],
                p,
                p >= threshold,
                decisions[i].coverage.value,
            )
            for i, p in mine
        ]
        candidates_of.append(mine)
        columns: list[NDArray[np.float32]] = [option_of[i][j].official_credits for i, _ in mine]
        credits = (
            np.stack(columns, axis=1)
            if columns
            else np.zeros((len(prepared.official_meaning[j].keys), 0), dtype=np.float32)
        )
        rows.append(official_features(o, prepared.official_meaning[j], linkers, credits))
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
